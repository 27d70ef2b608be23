#pragma once
/// \file quarry/schema/alias.hpp
/// Table aliases, for self-joins and joining one table twice.
///
///     constexpr auto boss = quarry::alias<"boss">(employees);
///     select(employees.name, boss[employees.name])
///         .from(employees)
///         .left_join(boss).on(employees.manager_id == boss[employees.id]);

#include <string_view>
#include <type_traits>

#include "quarry/core/fixed_string.hpp"
#include "quarry/schema/column.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
namespace detail {

/// The tag of an aliased table: same table name and row type, another name to qualify columns.
template <class Tag, fixed_string Alias>
struct aliased_tag {
  using row_type = typename Tag::row_type;
  using table_tag = aliased_tag;
  using base_tag = Tag;
  static constexpr std::string_view table_name = Tag::table_name;
  static constexpr std::string_view ref_name = Alias.view();
};

template <class C, class NewTag>
struct retag;
template <class Tag, auto M, fixed_string N, class... O, class NewTag>
struct retag<column<Tag, M, N, O...>, NewTag> {
  using type = column<NewTag, M, N, O...>;
};
template <class C, class NewTag>
using retag_t = typename retag<C, NewTag>::type;

template <class L, class NewTag>
struct retag_all;
template <class... C, class NewTag>
struct retag_all<type_list<C...>, NewTag> {
  using type = type_list<retag_t<C, NewTag>...>;
};

}  // namespace detail

/// A table under another name. `a[table.column]` is that column seen through the alias.
template <class D, fixed_string Alias>
struct aliased_table {
  using descriptor = D;
  using table_tag = detail::aliased_tag<typename D::table_tag, Alias>;
  using row_type = typename D::row_type;

  template <class C>
  constexpr auto operator[](const C&) const {
    static_assert(detail::is_column_v<C> && std::is_same_v<typename C::table_tag, typename D::table_tag>,
                  "quarry: alias[...] takes a column of the aliased table");
    return detail::retag_t<C, table_tag>{};
  }
};

/// `quarry::alias<"name">(table)`.
template <fixed_string Alias, table_descriptor D>
constexpr aliased_table<D, Alias> alias(const D&) {
  static_assert(detail::descriptor_traits<D>::valid);
  static_assert(Alias.view() != D::table_tag::table_name,
                "quarry: an alias must differ from the table's own name");
  return {};
}

namespace detail {
template <class T>
struct is_aliased_table : std::false_type {};
template <class D, fixed_string A>
struct is_aliased_table<aliased_table<D, A>> : std::true_type {};

/// The columns of a FROM source (a descriptor or an alias), tagged with the source's tag.
template <class S>
struct source_columns {
  using type = columns_of<S>;
};
template <class D, fixed_string A>
struct source_columns<aliased_table<D, A>> {
  using type = typename retag_all<columns_of<D>, typename aliased_table<D, A>::table_tag>::type;
};
}  // namespace detail

/// A table descriptor, an alias of one, or a derived table / CTE (query/derived.hpp,
/// query/cte.hpp): what FROM and JOIN take.
template <class S>
concept table_source = table_descriptor<S> || detail::is_aliased_table<std::remove_cvref_t<S>>::value ||
                       requires { typename std::remove_cvref_t<S>::derived_columns; };

}  // namespace quarry
