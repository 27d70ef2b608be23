#pragma once
/// \file quarry/expr/node.hpp
/// Helpers shared by compound nodes: merged table lists, NULL-test checks, precedence-aware
/// parenthesization.

#include <type_traits>

#include "quarry/core/type_list.hpp"
#include "quarry/expr/expression.hpp"

namespace quarry::detail {

/// Precedence of a node for parenthesization (atoms: columns, values, function calls).
template <class E>
constexpr int precedence_of() {
  if constexpr (requires { E::precedence; }) {
    return E::precedence;
  } else {
    return 100;
  }
}
inline constexpr int prec_or = 1;
inline constexpr int prec_and = 2;
inline constexpr int prec_not = 3;
inline constexpr int prec_compare = 4;
inline constexpr int prec_add = 5;
inline constexpr int prec_mul = 6;
inline constexpr int prec_unary = 7;

/// Renders child C of a node with precedence P, in parentheses when needed.
template <int P, bool RightChild, class C, class Ctx>
void render_child(const C& c, Ctx& ctx) {
  constexpr int cp = precedence_of<C>();
  constexpr bool wrap = cp < P || (cp == P && (RightChild || P == prec_compare));
  if constexpr (wrap) ctx.text("(");
  c.render(ctx);
  if constexpr (wrap) ctx.text(")");
}

/// Expressions under an IS [NOT] NULL test: checked by the statement, which knows which tables
/// are on the nullable side of an outer join.
template <class E>
struct null_checks_of {
  using type = type_list<>;
};
template <class E>
  requires requires { typename E::null_checks; }
struct null_checks_of<E> {
  using type = typename E::null_checks;
};
template <class... E>
using merged_null_checks = concat_t<typename null_checks_of<E>::type...>;

/// Columns used outside any aggregate (GROUP BY checks). A column lists itself; an aggregate
/// lists nothing; compound nodes merge their operands'.
template <class E>
struct bare_columns_of {
  using type = type_list<>;
};
template <class E>
  requires requires { typename E::bare_columns; }
struct bare_columns_of<E> {
  using type = typename E::bare_columns;
};
template <class... E>
using merged_bare_columns = concat_t<typename bare_columns_of<E>::type...>;
template <class... E>
using merged_tables = concat_t<typename E::tables...>;

/// The direct operands of a node, for the grouping rule (query/group_by.hpp), which walks an
/// expression down to its grouped parts. A node lists them as `using operands = type_list<...>`;
/// a node without the list is judged by its bare columns alone (stricter, never wrong).
template <class E>
struct operands_of {
  using type = void;
};
template <class E>
  requires requires { typename E::operands; }
struct operands_of<E> {
  using type = typename E::operands;
};
/// An ORDER BY key (expr/order.hpp) is judged by its expression.
template <class E, bool Desc, nulls N>
struct operands_of<order_key<E, Desc, N>> {
  using type = type_list<E>;
};

/// Where an expression stands, for the rule on aggregate and window functions: SQL evaluates
/// aggregates only in the select list, HAVING and ORDER BY, and window functions only in the
/// select list and ORDER BY. Every clause that takes an expression consults check_placement
/// with its own place, so the rule and its messages live here once.
enum class place : unsigned char {
  where,          // WHERE of SELECT/UPDATE/DELETE and of an upsert's DO UPDATE
  having,         // HAVING
  group_by,       // GROUP BY
  on,             // JOIN ... ON
  update_set,     // UPDATE ... SET col = value
  do_update,      // INSERT ... ON CONFLICT DO UPDATE SET col = value
  insert_set,     // insert_into(t).set(col = value): VALUES
  returning,      // RETURNING
  aggregate_arg,  // the argument of an aggregate function
  window_arg,     // a window function's argument, PARTITION BY or ORDER BY
  distinct_on,    // DISTINCT ON (...)
};

/// The rule for an expression whose flags are Flags (expr/expression.hpp) at place P. Taking the
/// flags, not the expression type, keeps it to one instantiation per place and flag set.
template <place P, unsigned Flags>
constexpr void check_placement() {
  constexpr bool agg = (Flags & f_aggregate) != 0;
  constexpr bool win = (Flags & f_window) != 0;
  if constexpr (P == place::where) {
    static_assert(!agg, "quarry: aggregate functions are not allowed in where(); filter groups with having()");
    static_assert(!win, "quarry: window functions are not allowed in where(); filter on them in an outer query");
  } else if constexpr (P == place::having) {
    static_assert(!win,
                  "quarry: window functions are not allowed in having(); compute them in a derived table "
                  "or CTE and filter the outer query with where()");
  } else if constexpr (P == place::group_by) {
    static_assert(!agg, "quarry: group_by() cannot group by an aggregate");
    static_assert(!win,
                  "quarry: group_by() cannot group by a window function; compute it in a derived table or "
                  "CTE and group the outer query by its column");
  } else if constexpr (P == place::on) {
    static_assert(!agg && !win, "quarry: on() cannot use aggregate or window functions");
  } else if constexpr (P == place::update_set || P == place::do_update || P == place::insert_set) {
    static_assert(!agg || P != place::update_set,
                  "quarry: set() of an UPDATE assigns an aggregate function, which SQL cannot evaluate "
                  "there; assign a subquery: quarry::scalar(quarry::select(quarry::count()).from(t).where(...))");
    static_assert(!win || P != place::update_set,
                  "quarry: set() of an UPDATE assigns a window function, which SQL cannot evaluate there; "
                  "compute it in a subquery (quarry::scalar(...)) or a CTE");
    static_assert(!agg || P != place::do_update,
                  "quarry: do_update() assigns an aggregate function, which SQL cannot evaluate there; "
                  "assign a subquery: quarry::scalar(quarry::select(quarry::count()).from(t).where(...))");
    static_assert(!win || P != place::do_update,
                  "quarry: do_update() assigns a window function, which SQL cannot evaluate there; compute "
                  "it in a subquery (quarry::scalar(...))");
    static_assert(!(agg || win) || P != place::insert_set,
                  "quarry: insert_into(t).set() assigns an aggregate or window function, which VALUES cannot "
                  "evaluate; insert from a query with insert_into(t).columns(...).select(q)");
  } else if constexpr (P == place::returning) {
    static_assert(!agg && !win,
                  "quarry: returning() cannot use aggregate or window functions (RETURNING reads one row "
                  "at a time); aggregate the returned rows in C++ or in an outer query");
  } else if constexpr (P == place::aggregate_arg) {
    static_assert(!agg, "quarry: aggregate functions cannot be nested");
    static_assert(!win,
                  "quarry: an aggregate's argument cannot be a window function (PostgreSQL 42803); compute "
                  "the window in a derived table or CTE and aggregate the outer query");
  } else if constexpr (P == place::window_arg) {
    static_assert(!win,
                  "quarry: window functions cannot be nested (in a window function's argument, "
                  "partition_by() or order_by()); compute the inner one in a derived table or CTE");
  } else if constexpr (P == place::distinct_on) {
    static_assert(!win,
                  "quarry: distinct_on() cannot use a window function; compute it in a derived table or "
                  "CTE and select distinct on its column in the outer query");
  }
}

/// optional<T> when any of the operands can be NULL.
template <class T, class... E>
using nullable_if_any =
    std::conditional_t<(is_optional_v<typename E::value_type> || ...), std::optional<T>, T>;

}  // namespace quarry::detail
