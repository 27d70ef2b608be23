#pragma once
/// \file quarry/expr/collate.hpp
/// `expr COLLATE <name>`: a text expression compared, ordered and grouped under a collation.
///
///     select(users.name).from(users).order_by(users.name.collate<quarry::nocase>().desc())
///     users.name.collate<quarry::bytewise>() < "b"
///
/// The collation is in the node's type (`explicit_collation`), so the rules are type checks:
///   - text only;
///   - two sides with different explicit collations do not compile (PostgreSQL: 42P21; SQLite
///     would silently take the left one); two columns declared with different collations
///     (`quarry::collate<C>` options) need an explicit one on a side (PostgreSQL: 42P22);
///   - a collation the statement's database lacks fails when the statement is rendered for it
///     (core/collation.hpp); on SQLite a collation under a function or aggregate whose result is
///     compared is ignored by SQLite, so that is refused when rendering for SQLite
///     (check_text_decimals, expr/storage.hpp).
/// See docs/queries.md, "COLLATE".

#include <type_traits>

#include "quarry/core/collation.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"

namespace quarry::detail {

inline constexpr int prec_collate = 8;  // binds tighter than any operator (both databases)

template <class E, class C>
struct collated_expr : expr_ops<collated_expr<E, C>> {
  static_assert(collation<C>,
                "quarry: collate<C>() takes a collation: quarry::nocase, quarry::rtrim, quarry::binary, "
                "quarry::bytewise, quarry::sqlite_collation<\"name\"> or quarry::pg_collation<\"name\">");
  static_assert(kind_of<typename E::value_type> == sql_kind::text,
                "quarry: collate<C>() applies to text expressions (a collation orders strings); compare "
                "other values without it");
  static_assert(!(E::flags & f_collated),
                "quarry: this expression already has a collation; give it one .collate<C>()");
  using value_type = typename E::value_type;
  using tables = typename E::tables;
  using null_checks = typename null_checks_of<E>::type;
  using bare_columns = typename bare_columns_of<E>::type;
  using explicit_collation = C;
  static constexpr unsigned flags = E::flags | f_collated;
  static constexpr int precedence = prec_collate;
  E e;

  template <class Ctx>
  void render(Ctx& c) const {
    render_child<prec_collate, false>(e, c);
    render_collation<C>(c);
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
  }
};

/// The explicit collation of operand E (its top node's .collate<C>()), or void.
template <class E>
struct explicit_collation_of {
  using type = void;
};
template <class E>
  requires requires { typename E::explicit_collation; }
struct explicit_collation_of<E> {
  using type = typename E::explicit_collation;
};

template <class... C>
struct first_non_void {
  using type = void;
};
template <class C0, class... C>
struct first_non_void<C0, C...> {
  using type = std::conditional_t<std::is_void_v<C0>, typename first_non_void<C...>::type, C0>;
};

/// The collation declared for a column (`quarry::collate<C>` option, `void` for the database's
/// default) wrapped in `declared<>`, or `not_a_column` for other operands.
template <class C>
struct declared {};
struct not_a_column {};
template <class E>
concept declares_collation = requires { typename E::declared_collation; };
template <class E>
struct declared_collation_of {
  using type = not_a_column;
};
template <declares_collation E>
struct declared_collation_of<E> {
  using type = declared<typename E::declared_collation>;
};

/// Whether the operands E... of one comparison agree on their collation: no two different
/// explicit ones, and when none is explicit, no two columns declared with different ones.
template <class... E>
constexpr bool explicit_collations_agree() {
  using F = typename first_non_void<typename explicit_collation_of<E>::type...>::type;
  return ((std::is_void_v<typename explicit_collation_of<E>::type> ||
           std::is_same_v<typename explicit_collation_of<E>::type, F>) &&
          ...);
}
template <class... E>
constexpr bool declared_collations_agree() {
  if constexpr (!std::is_void_v<typename first_non_void<typename explicit_collation_of<E>::type...>::type>) {
    return true;  // an explicit collation decides
  } else {
    using F = typename first_non_void<std::conditional_t<
        std::is_same_v<typename declared_collation_of<E>::type, not_a_column>, void,
        typename declared_collation_of<E>::type>...>::type;
    return ((std::is_same_v<typename declared_collation_of<E>::type, not_a_column> ||
             std::is_same_v<typename declared_collation_of<E>::type, F>) &&
            ...);
  }
}

/// The collation rules for the operands of one comparison (=, <, BETWEEN, IN, ...).
template <class... E>
constexpr bool check_collations() {
  static_assert(explicit_collations_agree<E...>(),
                "quarry: the two sides are compared under different explicit collations (PostgreSQL "
                "refuses it: 42P21; SQLite would take the left one); collate one side only, or both alike");
  static_assert(declared_collations_agree<E...>(),
                "quarry: compares two columns declared with different collations (a column without "
                "quarry::collate<> has the database default): PostgreSQL refuses it (42P22), SQLite would "
                "take the left column's; say which applies with .collate<C>() on one side");
  return true;
}

/// Whether operand E carries a collation below its top node (under a function, an aggregate,
/// arithmetic): SQLite ignores such a collation when it compares E's value.
template <class E>
inline constexpr bool buried_collation_v =
    (E::flags & f_collated) != 0 && std::is_void_v<typename explicit_collation_of<E>::type>;

}  // namespace quarry::detail
