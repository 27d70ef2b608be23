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

/// optional<T> when any of the operands can be NULL.
template <class T, class... E>
using nullable_if_any =
    std::conditional_t<(is_optional_v<typename E::value_type> || ...), std::optional<T>, T>;

}  // namespace quarry::detail
