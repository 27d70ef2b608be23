#pragma once
/// \file quarry/expr/subquery.hpp
/// Subqueries in expressions: IN (subquery), EXISTS / NOT EXISTS, and scalar subqueries.
/// A subquery may use columns of the outer statement's tables (correlation); those tables become
/// the subquery expression's `tables`, so the outer statement checks them.
///
///     users.id.in(select(posts.user_id).from(posts).where(posts.likes > 10))
///     quarry::exists(select(posts.id).from(posts).where(posts.user_id == users.id))
///     quarry::scalar(select(quarry::count()).from(posts).where(posts.user_id == users.id))

#include <cstdint>
#include <optional>
#include <tuple>
#include <type_traits>

#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"

namespace quarry {
namespace detail {

template <class Q>
constexpr bool selects_one_column() {
  if constexpr (requires { std::tuple_size<typename Q::row_type>::value; }) {
    return std::tuple_size_v<typename Q::row_type> == 1;
  } else {
    return false;  // select(table): a row struct
  }
}

/// The type of the one selected column. A subquery that selects several columns (or a whole
/// table) is reported by a static_assert; the stand-in type keeps other errors from following.
template <class Q, bool One = selects_one_column<Q>()>
struct single_column {
  using type = std::tuple_element_t<0, typename Q::row_type>;
};
template <class Q>
struct single_column<Q, false> {
  using type = std::optional<std::int64_t>;
};
template <class Q>
using single_column_t = typename single_column<Q>::type;

/// The stored form of the one column a subquery selects.
template <class Q>
constexpr storage_format subquery_storage() {
  if constexpr (requires { typename Q::fields_type::exprs_list; } && selects_one_column<Q>()) {
    return storage_of<typename first<typename Q::fields_type::exprs_list>::type>();
  } else {
    return {};
  }
}

/// in(subquery): the subquery's column must be comparable with the expression (checked only when
/// there is one column, which is reported on its own).
template <class E, class Q>
constexpr bool in_query_kinds_ok() {
  if constexpr (selects_one_column<Q>())
    return check_comparable<kind_of<typename E::value_type>, kind_of<single_column_t<Q>>>();
  else
    return true;
}

template <class E, class Q, bool Negate>
struct in_query_expr : expr_ops<in_query_expr<E, Q, Negate>> {
  static_assert(selects_one_column<Q>(), "quarry: in(subquery) needs a subquery that selects exactly one column");
  static_assert(in_query_kinds_ok<E, Q>());
  static_assert(compatible_storage(storage_of<E>(), subquery_storage<Q>()),
                "quarry: in(subquery) compares values stored in different SQLite forms (sqlite_as<> / "
                "numeric<P, S>); give both columns the same form");
  using value_type = std::optional<bool>;
  using tables = concat_t<typename E::tables, typename Q::outer_tables>;
  using null_checks = typename null_checks_of<E>::type;
  using bare_columns = typename bare_columns_of<E>::type;
  static constexpr unsigned flags = E::flags | f_value;  // the subquery may bind values
  static constexpr int precedence = prec_compare;
  E e;
  Q q;
  template <class Ctx>
  void render(Ctx& c) const {
    check_text_decimals<Ctx, E>();
    render_child<precedence, false>(e, c);
    c.text(Negate ? " NOT IN (" : " IN (");
    q.render_subquery(c);
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
    q.bind(b);
  }
};

template <class Q, bool Negate>
struct exists_expr : expr_ops<exists_expr<Q, Negate>> {
  using value_type = bool;
  using tables = typename Q::outer_tables;
  static constexpr unsigned flags = f_value;  // a subquery may bind values
  Q q;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(Negate ? "NOT EXISTS (" : "EXISTS (");
    q.render_subquery(c);
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    q.bind(b);
  }
};

/// Whether query Q returns exactly one row whatever the data: a select that aggregates without
/// GROUP BY, HAVING, LIMIT or OFFSET (select_stmt::one_row). A compound never does.
template <class Q>
constexpr bool returns_one_row() {
  if constexpr (requires { Q::one_row; }) {
    return Q::one_row;
  } else {
    return false;
  }
}

/// A scalar subquery's value: the column's own type when the subquery always returns one row
/// (`count()` is never NULL; `sum`/`min`/`max`/`avg` stay optional, NULL over no rows);
/// optional otherwise, since no row reads as NULL.
template <class Q>
using scalar_value_t = std::conditional_t<returns_one_row<Q>(), single_column_t<Q>,
                                          std::optional<strip_optional_t<single_column_t<Q>>>>;

template <class Q>
struct scalar_expr : expr_ops<scalar_expr<Q>> {
  static_assert(selects_one_column<Q>(), "quarry: scalar(subquery) needs a subquery that selects exactly one column");
  using value_type = scalar_value_t<Q>;
  using tables = typename Q::outer_tables;
  static constexpr unsigned flags = f_value;  // a subquery may bind values
  static constexpr storage_format storage = subquery_storage<Q>();
  Q q;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text("(");
    q.render_subquery(c);
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    q.bind(b);
  }
};

}  // namespace detail

/// EXISTS (subquery).
template <detail::query_like Q>
constexpr auto exists(const Q& q) {
  return detail::exists_expr<Q, false>{{}, q};
}
/// NOT EXISTS (subquery).
template <detail::query_like Q>
constexpr auto not_exists(const Q& q) {
  return detail::exists_expr<Q, true>{{}, q};
}
/// A subquery that yields one value, usable in select, where, set() and order_by. Its type is
/// optional (no row reads as NULL), except for a subquery that always returns exactly one row:
/// `scalar(select(count()).from(posts).where(posts.user_id == users.id))` is std::int64_t.
template <detail::query_like Q>
constexpr auto scalar(const Q& q) {
  return detail::scalar_expr<Q>{{}, q};
}

}  // namespace quarry
