#pragma once
/// \file quarry/query/row.hpp
/// The rows `db.query()` returns for `select(exprs...)` (and for RETURNING): a `std::tuple` of the
/// values that can also be read by the expression that was selected.
///
///     auto n = quarry::count(posts.id);
///     for (const auto& r : db.query(quarry::select(users.email, n).from(users)...)) {
///       std::string email = r[users.email];     // by column
///       std::int64_t posts_written = r[n];     // by the same expression
///       auto [e, k] = r;                       // structured bindings, std::get<I>, tuple == work too
///     }
///
/// Reading a column that was not selected does not compile. See docs/queries.md ("Reading rows").

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/type_list.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/query/select.hpp"

namespace quarry {

template <class Exprs, class... T>
class row;

namespace detail {

template <class X, class... E>
inline constexpr std::size_t count_of_v = (std::size_t{0} + ... + (std::is_same_v<X, E> ? 1 : 0));

template <class X, class... E>
constexpr std::size_t position_of() {
  std::size_t i = 0;
  bool found = false;
  ((found || (std::is_same_v<X, E> ? (found = true) : (++i, false))), ...);
  return i;
}

/// Position of expression X in a row of E..., with the compile-time rules of row[...].
template <class X, class... E>
constexpr std::size_t row_index() {
  static_assert(expression<X>,
                "quarry: row[...] takes a selected column or expression, e.g. row[users.email]; read a "
                "value by position with std::get<I>(row)");
  // An expression is found by its type. The type of one holding a bound value does not say
  // which value (`users.age + 1` and `users.age + 2` share it), so only value-free ones
  // (columns, aggregates of columns, ...) and named ones are unambiguous.
  static_assert(!(X::flags & f_value) || named_select_item<X>,
                "quarry: row[...] cannot find an expression that holds a bound value (users.age + 1 "
                "has the type of users.age + 2); name it in select(...) with .as<\"name\">() and read "
                "row[the same named expression], or read it by position with std::get<I>(row)");
  static_assert(count_of_v<X, E...> != 0,
                "quarry: row[...] reads a column or expression that this select() did not select; add it "
                "to select(...) or read one that is selected");
  static_assert(count_of_v<X, E...> < 2,
                "quarry: row[...] names an expression that is selected more than once; read it by "
                "position with std::get<I>(row)");
  if constexpr (count_of_v<X, E...> == 1) {
    return position_of<X, E...>();
  } else {
    return 0;  // reported above; a valid index keeps follow-on errors away
  }
}

/// The row type db.query() yields: named rows for select lists, the statement's row_type otherwise.
template <class Fields, class Row>
struct named_row {
  using type = Row;
};
template <class... E, class... T>
struct named_row<select_list<E...>, std::tuple<T...>> {
  using type = row<type_list<E...>, T...>;
};
template <class S>
using query_row_t = typename named_row<typename S::fields_type, typename S::row_type>::type;

}  // namespace detail

/// A row of `select(e1, e2, ...)`: a `std::tuple<T1, T2, ...>` (structured bindings, `std::get`,
/// comparisons with tuples) plus `row[e]`, the value of selected expression `e`. Expressions are
/// matched by type, so `row[users.email]` finds the selected `users.email`; a computed expression
/// is best read through the same object that was selected (`auto n = quarry::count(); ...; r[n]`).
template <class... E, class... T>
class row<detail::type_list<E...>, T...> : public std::tuple<T...> {
 public:
  /// The plain tuple (the statement's `row_type`).
  using tuple_type = std::tuple<T...>;
  using tuple_type::tuple_type;
  row() = default;
  row(const tuple_type& t) : tuple_type(t) {}
  row(tuple_type&& t) noexcept(std::is_nothrow_move_constructible_v<tuple_type>) : tuple_type(std::move(t)) {}

  /// The value of the selected expression `e`: `row[users.email]`.
  template <class X>
  const auto& operator[](const X&) const& noexcept {
    return std::get<detail::row_index<X, E...>()>(static_cast<const tuple_type&>(*this));
  }
  template <class X>
  auto& operator[](const X&) & noexcept {
    return std::get<detail::row_index<X, E...>()>(static_cast<tuple_type&>(*this));
  }
  /// On a temporary row (`db.query(q).one()[users.email]`) the value is moved out.
  template <class X>
  auto operator[](const X&) && {
    return std::get<detail::row_index<X, E...>()>(static_cast<tuple_type&&>(*this));
  }

  /// The plain tuple.
  const tuple_type& as_tuple() const& noexcept { return *this; }
};

/// The row type `db.query(q)` yields for statement type Q.
template <class Q>
using row_of = detail::query_row_t<Q>;

}  // namespace quarry

template <class X, class... T>
struct std::tuple_size<quarry::row<X, T...>> : std::integral_constant<std::size_t, sizeof...(T)> {};
template <std::size_t I, class X, class... T>
struct std::tuple_element<I, quarry::row<X, T...>> {
  using type = std::tuple_element_t<I, std::tuple<T...>>;
};
