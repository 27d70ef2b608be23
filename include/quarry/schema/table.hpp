#pragma once
/// \file quarry/schema/table.hpp
/// Table descriptors. Names come from the descriptor; layout and types from the row struct
/// (through Boost.PFR), checked at compile time.
///
///     struct User { std::int64_t id; std::string email; std::optional<std::string> city; };
///     inline constexpr struct users_t : quarry::table<"users", User> {
///       column<&User::id, "id", quarry::identity> id;
///       column<&User::email, "email", quarry::unique> email;
///       column<&User::city, "city"> city;
///     } users;
///
/// See docs/descriptors.md.

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "quarry/core/fixed_string.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/schema/column.hpp"
#include "quarry/schema/detail/members.hpp"
#include "quarry/schema/detail/reflect.hpp"

namespace quarry {

/// Base of a table descriptor: names the table and its row struct. The nested `column` alias is
/// what descriptor members are declared with.
template <fixed_string Name, class Row>
struct table {
  using row_type = Row;
  using table_tag = table;
  static constexpr std::string_view table_name = Name.view();
  /// The name used to qualify columns (an alias, for aliased tables).
  static constexpr std::string_view ref_name = Name.view();

  template <auto Member, fixed_string ColumnName, class... Options>
  using column = detail::column<table, Member, ColumnName, Options...>;
};

namespace detail {
/// The table tag of descriptor Self for column_of<>: read while Self is still being defined,
/// which is allowed because it comes from Self's base class, complete by then.
template <class Self, auto Member>
struct column_table_of {
  static_assert(requires { typename Self::table_tag; typename Self::row_type; },
                "quarry: column_of<Self, &Row::field, \"name\"> takes the descriptor being declared as "
                "Self (the struct deriving from quarry::table<\"name\", Row>), not the row struct");
  using type = typename Self::table_tag;
};
template <class Self, auto Member>
  requires(!requires { typename Self::table_tag; typename Self::row_type; })
struct column_table_of<Self, Member> {
  static_assert(requires { typename Self::table_tag; typename Self::row_type; },
                "quarry: column_of<Self, &Row::field, \"name\"> takes the descriptor being declared as "
                "Self (the struct deriving from quarry::table<\"name\", Row>), not the row struct");
  // a stand-in with the member's struct, so no further error follows
  using type = table<"quarry_invalid", typename member_pointer_traits<decltype(Member)>::struct_type>;
};
}  // namespace detail

/// A descriptor member declared at namespace scope: `quarry::column_of<Self, &Row::field, "name",
/// options...>` is `column<&Row::field, "name", options...>` of descriptor Self. It is the spelling
/// for descriptors that are class templates, where the base's `column` is a dependent name
/// (`typename users_t::template column<...>`); Self is the descriptor's own (injected) name:
///
///     template <quarry::fixed_string Name>
///     struct users_t : quarry::table<Name, User> {
///       quarry::column_of<users_t, &User::id, "id", quarry::identity> id;
///       quarry::column_of<users_t, &User::email, "email"> email;
///     };
///     inline constexpr users_t<"users"> users;
///     inline constexpr users_t<"archived_users"> archived_users;
///
/// It is the same type as the nested alias, so both spellings mix. See docs/descriptors.md.
template <class Self, auto Member, fixed_string ColumnName, class... Options>
using column_of = detail::column<typename detail::column_table_of<Self, Member>::type, Member, ColumnName, Options...>;

namespace detail {

template <class T>
concept has_table_tag = requires { typename T::table_tag; typename T::row_type; };

template <class Tag, class... C>
consteval bool members_are_columns(type_list<C...>) {
  if constexpr ((is_column_v<C> && ...)) {
    return (std::is_same_v<typename C::table_tag, Tag> && ...);
  } else {
    return false;
  }
}
template <class... C>
consteval bool no_field_mapped_twice(type_list<C...>) {
  constexpr std::size_t idx[] = {C::field_index..., 0};
  for (std::size_t a = 0; a < sizeof...(C); ++a)
    for (std::size_t b = a + 1; b < sizeof...(C); ++b)
      if (idx[a] == idx[b]) return false;
  return true;
}
template <class... C>
consteval bool fields_in_order(type_list<C...>) {
  constexpr std::size_t idx[] = {C::field_index..., 0};
  for (std::size_t a = 0; a < sizeof...(C); ++a)
    if (idx[a] != a) return false;
  return true;
}
template <class... C>
consteval bool names_unique(type_list<C...>) {
  constexpr std::string_view names[] = {C::name..., {}};
  for (std::size_t a = 0; a < sizeof...(C); ++a)
    for (std::size_t b = a + 1; b < sizeof...(C); ++b)
      if (names[a] == names[b]) return false;
  return true;
}
template <class... C>
consteval std::size_t identity_count(type_list<C...>) {
  return (std::size_t{0} + ... + (C::is_identity ? 1 : 0));
}
template <class... C>
consteval std::size_t primary_key_count(type_list<C...>) {
  return (std::size_t{0} + ... + (C::is_primary_key ? 1 : 0));
}

template <class D, bool Members>
struct descriptor_columns {
  using type = type_list<>;
};
template <class D>
struct descriptor_columns<D, true> {
  using type = member_types_t<D, member_count<D, typename D::table_tag>()>;
};

/// Everything known about a descriptor type D, with the compile-time checks of docs/descriptors.md.
template <class D>
struct descriptor_traits {
  static_assert(has_table_tag<D>,
                "quarry: not a table descriptor; declare `struct t : quarry::table<\"name\", Row> { ... }`");
  using tag = typename D::table_tag;
  using row_type = typename D::row_type;
  static_assert(std::is_aggregate_v<row_type> && !std::is_polymorphic_v<row_type>,
                "quarry: the row type must be a plain aggregate struct (no constructors, no virtual "
                "functions) so Boost.PFR can read its fields");
  static_assert(std::is_aggregate_v<D>,
                "quarry: a table descriptor must be an aggregate: only column members, no constructors");
  static constexpr std::size_t field_count = boost::pfr::tuple_size_v<row_type>;
  static constexpr std::size_t member_count = detail::member_count<D, tag>();
  static_assert(member_count >= field_count,
                "quarry: a field of the row struct is not mapped; every field needs exactly one "
                "column<&Row::field, \"name\"> in the descriptor");
  static_assert(member_count <= field_count,
                "quarry: the descriptor has more members than the row struct has fields; a field is "
                "mapped twice or a member is not a column");
  using columns = typename descriptor_columns<D, member_count == field_count>::type;
  static_assert(members_are_columns<tag>(columns{}),
                "quarry: every member of a table descriptor must be a column<&Row::field, \"name\"> "
                "of that table");
  static_assert(no_field_mapped_twice(columns{}),
                "quarry: a field of the row struct is mapped twice; map every field exactly once");
  static_assert(fields_in_order(columns{}),
                "quarry: columns are out of order; declare them in the row struct's field order");
  static_assert(names_unique(columns{}), "quarry: two columns of this table have the same SQL name");
  static_assert(identity_count(columns{}) <= 1, "quarry: a table can have at most one identity column");
  static_assert(identity_count(columns{}) == 0 || primary_key_count(columns{}) == 1,
                "quarry: an identity column is the whole primary key; remove primary_key from other columns");
  static constexpr bool valid = true;
  static constexpr bool has_identity = identity_count(columns{}) == 1;
  static constexpr std::size_t primary_key_size = primary_key_count(columns{});
};

template <class D>
using columns_of = typename descriptor_traits<D>::columns;

}  // namespace detail

/// A table descriptor type (derives from quarry::table<Name, Row>).
template <class D>
concept table_descriptor = detail::has_table_tag<std::remove_cvref_t<D>> &&
                           std::is_base_of_v<typename std::remove_cvref_t<D>::table_tag, std::remove_cvref_t<D>>;

}  // namespace quarry
