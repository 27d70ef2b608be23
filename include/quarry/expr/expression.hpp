#pragma once
/// \file quarry/expr/expression.hpp
/// What every node of the typed expression tree provides, and the member functions every
/// expression has (`.like()`, `.in()`, `.between()`, `.is_null()`, `.asc()`, `.desc()`).
///
/// A node is a small value type with:
///   value_type  C++ type of the SQL value (std::optional<T> when it can be NULL)
///   tables      type_list of the table tags it references (checked against FROM/JOIN)
///   flags       f_aggregate / f_window / f_bare_column (checked for GROUP BY and WHERE rules)
///   render(ctx) appends SQL; its text depends only on the node's type, so it is rendered once
///   bind(b)     hands each bound value to the binder, in the order render() placed them

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include "quarry/core/fixed_string.hpp"
#include "quarry/core/storage.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/kind_check.hpp"
#include "quarry/expr/like_escape.hpp"

namespace quarry {

/// NULLS FIRST / NULLS LAST for order keys; `automatic` renders nothing (non-null keys only).
enum class nulls { automatic, first, last };
struct nulls_first_t {};
struct nulls_last_t {};
/// Tags for order keys: `users.city.asc(quarry::nulls_last)`. Rendered explicitly on every
/// dialect, because PostgreSQL and SQLite put NULLs at opposite ends by default.
inline constexpr nulls_first_t nulls_first{};
inline constexpr nulls_last_t nulls_last{};

namespace detail {

inline constexpr unsigned f_aggregate = 1;    // contains an aggregate function
inline constexpr unsigned f_window = 2;       // contains a window function
inline constexpr unsigned f_bare_column = 4;  // contains a column outside any aggregate
inline constexpr unsigned f_value = 8;        // holds a bound value (its type does not say which)
inline constexpr unsigned f_stored = 16;      // contains a column with a non-default SQLite storage form
inline constexpr unsigned f_collated = 32;    // contains .collate<C>() (expr/collate.hpp)

/// The `tables` entry of quarry::excluded(col) (query/insert.hpp): the row an INSERT proposed
/// for table Tag. It is a table only inside ON CONFLICT ... DO UPDATE of an insert into Tag;
/// everywhere else it is not in scope, so every clause that checks its tables rejects it.
template <class Tag>
struct excluded_row {};
template <class T>
struct is_excluded_row : std::false_type {};
template <class Tag>
struct is_excluded_row<excluded_row<Tag>> : std::true_type {};
template <class Tables>
inline constexpr bool uses_excluded_v = false;
template <class... T>
inline constexpr bool uses_excluded_v<type_list<T...>> = (is_excluded_row<T>::value || ...);

/// The rule for excluded() outside DO UPDATE, named in one place for every clause.
template <class Tables>
constexpr void check_no_excluded() {
  static_assert(!uses_excluded_v<Tables>,
                "quarry: excluded(col) is the value an INSERT proposed and exists only in "
                "on_conflict(...).do_update(...) and its where(); use the column itself here");
}

template <class E>
concept expression = requires {
  typename E::value_type;
  typename E::tables;
  { E::flags } -> std::convertible_to<unsigned>;
};

template <class E>
concept boolean_expression =
    expression<E> && std::is_same_v<strip_optional_t<typename E::value_type>, bool>;

/// An expression named with `.as<"name">()` (expr/named.hpp): valid in a select list only.
template <class E>
concept named_select_item = requires { E::select_alias; };

// Nodes built by the member functions below; defined in expr/predicates.hpp and expr/order.hpp.
template <class E, class P, bool Negate>
struct like_expr;
template <class E, class Lo, class Hi, bool Negate>
struct between_expr;
template <class E, bool Negate, class... V>
struct in_list_expr;
template <class E, class T, bool Negate>
struct in_values_expr;
template <class E, bool Negate>
struct is_null_expr;
template <class E, bool Desc, nulls N>
struct order_key;
template <class V>
struct value;
template <class E, class Q, bool Negate>
struct in_query_expr;
template <class E, fixed_string Name>
struct named_expr;
template <class E, class C>
struct collated_expr;

/// A SELECT statement (anything with a fields list and a row type).
template <class Q>
concept query_like = requires {
  typename std::remove_cvref_t<Q>::fields_type;
  typename std::remove_cvref_t<Q>::row_type;
};

template <class V>
constexpr auto make_operand(V&& v);
// expr/storage.hpp: a bound value next to an expression takes the expression's stored form.
template <class E>
constexpr storage_format storage_of();
template <storage_format F, class X>
constexpr auto adopt(X&& x);
template <class E, class V>
using adopted_t = std::remove_cvref_t<decltype(adopt<storage_of<E>()>(make_operand(std::declval<V>())))>;

/// Mixin giving every expression its member functions. Empty: it adds no state.
template <class D>
struct expr_ops {
  /// `users.email.like("%@example.com")`. `\` escapes `%`, `_` and itself on every database;
  /// quarry::like_escape(s) escapes user input.
  template <class P>
  constexpr auto like(P&& pattern) const {
    return like_expr<D, std::remove_cvref_t<decltype(make_operand(std::forward<P>(pattern)))>, false>{
        {}, self(), make_operand(std::forward<P>(pattern))};
  }
  template <class P>
  constexpr auto not_like(P&& pattern) const {
    return like_expr<D, std::remove_cvref_t<decltype(make_operand(std::forward<P>(pattern)))>, true>{
        {}, self(), make_operand(std::forward<P>(pattern))};
  }
  /// `users.name.contains(s)`: LIKE '%s%' with `s` matched literally (its `%`, `_` and `\` too).
  constexpr auto contains(std::string_view s) const { return like(like_pattern("%", s, "%")); }
  /// `users.name.starts_with(s)`: LIKE 's%' with `s` matched literally.
  constexpr auto starts_with(std::string_view s) const { return like(like_pattern("", s, "%")); }
  /// `users.name.ends_with(s)`: LIKE '%s' with `s` matched literally.
  constexpr auto ends_with(std::string_view s) const { return like(like_pattern("%", s, "")); }
  /// `users.age.between(18, 65)` (inclusive, as in SQL)
  template <class L, class H>
  constexpr auto between(L&& lo, H&& hi) const {
    return between_expr<D, adopted_t<D, L>, adopted_t<D, H>, false>{
        {}, self(), adopt<storage_of<D>()>(make_operand(std::forward<L>(lo))),
        adopt<storage_of<D>()>(make_operand(std::forward<H>(hi)))};
  }
  /// `users.id.in(1, 2, 3)`: a fixed list, one parameter each.
  template <class... V>
    requires(sizeof...(V) > 0 && !(query_like<V> || ...))
  constexpr auto in(V&&... v) const {
    return in_list_expr<D, false, adopted_t<D, V>...>{
        {}, self(), {{adopt<storage_of<D>()>(make_operand(std::forward<V>(v)))}...}};
  }
  /// `users.id.in()`: an empty fixed list would render `IN ()`, which is not SQL.
  template <class... V>
    requires(sizeof...(V) == 0)
  constexpr void in(V&&...) const {
    static_assert(sizeof...(V) != 0,
                  "quarry: in() needs at least one value (IN () is not SQL); for a list that may be "
                  "empty use in_values(range), which matches nothing when the range is empty");
  }
  template <class... V>
    requires(sizeof...(V) == 0)
  constexpr void not_in(V&&...) const {
    static_assert(sizeof...(V) != 0,
                  "quarry: not_in() needs at least one value (NOT IN () is not SQL); for a list that may "
                  "be empty use not_in_values(range), which matches every row when the range is empty");
  }
  /// `users.id.in(select(posts.user_id).from(posts))`: IN (subquery).
  template <class Q>
    requires query_like<Q>
  constexpr auto in(const Q& q) const {
    return in_query_expr<D, std::remove_cvref_t<Q>, false>{{}, self(), q};
  }
  template <class Q>
    requires query_like<Q>
  constexpr auto not_in(const Q& q) const {
    return in_query_expr<D, std::remove_cvref_t<Q>, true>{{}, self(), q};
  }
  template <class... V>
    requires(sizeof...(V) > 0 && !(query_like<V> || ...))
  constexpr auto not_in(V&&... v) const {
    return in_list_expr<D, true, adopted_t<D, V>...>{
        {}, self(), {{adopt<storage_of<D>()>(make_operand(std::forward<V>(v)))}...}};
  }
  /// `users.id.in_values(ids)`: any range of values, bound as ONE parameter (PostgreSQL
  /// `= ANY($1)`, SQLite `IN (SELECT value FROM json_each(?))`), so the SQL text does not depend
  /// on the list's length and an empty list matches nothing.
  template <class R>
  constexpr auto in_values(const R& range) const {
    return in_values_expr<D, std::remove_cvref_t<decltype(*std::begin(range))>, false>::from(self(), range);
  }
  template <class R>
  constexpr auto not_in_values(const R& range) const {
    return in_values_expr<D, std::remove_cvref_t<decltype(*std::begin(range))>, true>::from(self(), range);
  }
  /// Only on expressions that can be NULL: on a NOT NULL column the test is always false.
  constexpr auto is_null() const { return is_null_expr<D, false>{{}, self()}; }
  constexpr auto is_not_null() const { return is_null_expr<D, true>{{}, self()}; }
  /// Order keys: `users.name.asc()`, `users.city.desc(quarry::nulls_last)`.
  constexpr auto asc() const { return order_key<D, false, nulls::automatic>{self()}; }
  constexpr auto asc(nulls_first_t) const { return order_key<D, false, nulls::first>{self()}; }
  constexpr auto asc(nulls_last_t) const { return order_key<D, false, nulls::last>{self()}; }
  constexpr auto desc() const { return order_key<D, true, nulls::automatic>{self()}; }
  constexpr auto desc(nulls_first_t) const { return order_key<D, true, nulls::first>{self()}; }
  constexpr auto desc(nulls_last_t) const { return order_key<D, true, nulls::last>{self()}; }
  /// `users.name.collate<quarry::nocase>()`: `"users"."name" COLLATE NOCASE`, for comparisons,
  /// order_by(), group_by() and the select list; text only (expr/collate.hpp, core/collation.hpp).
  template <class C>
  constexpr auto collate() const {
    return collated_expr<D, C>{{}, self()};
  }
  /// Names a selected expression (`count(posts.id).as<"n">()` renders `COUNT(...) AS "n"`), so a
  /// derived table or CTE over the select can refer to it: `t[quarry::col<"n">]`.
  template <fixed_string Name>
  constexpr auto as() const {
    return named_expr<D, Name>{{}, self()};
  }

 private:
  constexpr const D& self() const noexcept { return static_cast<const D&>(*this); }
};

}  // namespace detail
}  // namespace quarry
