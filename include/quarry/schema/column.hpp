#pragma once
/// \file quarry/schema/column.hpp
/// A column descriptor. Users write `column<&Row::field, "name", options...>` inside a table
/// descriptor (the alias comes from quarry::table); the column's type records its table, its
/// field and its options, so every expression built from it is typed and knows its table.

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "quarry/core/fixed_string.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/schema/detail/reflect.hpp"
#include "quarry/schema/options.hpp"

namespace quarry::detail {

template <class A, class V>
struct assignment;
template <class C, class V>
constexpr auto make_assignment(const C& c, V&& v);

template <class Tag, auto Member, fixed_string Name, class... Opts>
struct column : expr_ops<column<Tag, Member, Name, Opts...>> {
  using table_tag = Tag;
  using struct_type = typename member_pointer_traits<decltype(Member)>::struct_type;
  using value_type = typename member_pointer_traits<decltype(Member)>::field_type;
  using tables = type_list<Tag>;
  using bare_columns = type_list<column>;
  static constexpr unsigned flags = f_bare_column;

  static_assert(std::is_same_v<struct_type, typename Tag::row_type>,
                "quarry: column<&S::field, \"name\"> maps a field of another struct than the table's "
                "row type; use a pointer to a member of the row struct given to quarry::table");
  static_assert(sql_value<value_type>,
                "quarry: this column's field type has no SQL mapping; use a supported type "
                "(see docs/types.md) or specialize quarry::value_traits for it");
  static_assert((is_known_option_v<Opts> && ...),
                "quarry: unknown column option; use primary_key, identity, unique, default_value, "
                "default_text, default_sql, check or references");

  static constexpr std::string_view name = Name.view();
  static constexpr auto member = Member;
  static constexpr std::size_t field_index = detail::field_index<Member>();
  static constexpr bool nullable = is_optional_v<value_type>;
  static constexpr bool is_identity = (std::is_same_v<Opts, identity> || ...);
  static constexpr bool is_primary_key = is_identity || (std::is_same_v<Opts, primary_key> || ...);
  static constexpr bool is_unique = (std::is_same_v<Opts, unique> || ...);
  static constexpr bool has_default = (is_default_option_v<Opts> || ...);
  using options = type_list<Opts...>;

  static_assert(!(is_identity && nullable), "quarry: an identity column cannot be optional");
  static_assert(!is_identity || nullable || std::is_same_v<value_type, std::int64_t>,
                "quarry: an identity column must be a std::int64_t field (ids stay 64-bit)");

  /// `users.email = "x"` inside update().set(...) / insert_into().set(...).
  template <class V>
  constexpr auto operator=(V&& v) const {
    return make_assignment(*this, std::forward<V>(v));
  }

  template <class Ctx>
  void render(Ctx& c) const {
    c.template column<Tag>(name);
  }
  template <class B>
  void bind(B&) const {}
};

template <class T>
struct is_column : std::false_type {};
template <class Tag, auto M, fixed_string N, class... O>
struct is_column<column<Tag, M, N, O...>> : std::true_type {};
template <class T>
inline constexpr bool is_column_v = is_column<std::remove_cvref_t<T>>::value;

}  // namespace quarry::detail
