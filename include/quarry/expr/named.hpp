#pragma once
/// \file quarry/expr/named.hpp
/// Named select-list items: `expr.as<"n">()` renders `expr AS "n"`. The name is what a derived
/// table or CTE over the select calls that column (`t[quarry::col<"n">]`); a plain column keeps
/// its own name without `.as`.
///
///     auto per_city = quarry::derived<"per_city">(
///         quarry::select(users.city, quarry::count(users.id).as<"n">()).from(users).group_by(users.city));

#include <type_traits>

#include "quarry/core/fixed_string.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"

namespace quarry::detail {

/// sum/avg/min/max expose their operand as `argument` (see result_type in select.hpp); a name
/// keeps it so a grouped select types `sum(x).as<"s">()` like `sum(x)`.
template <class E>
struct named_argument {};
template <class E>
  requires requires { typename E::argument; }
struct named_argument<E> {
  using argument = typename E::argument;
};

/// E under an output name. Only a select list takes it: it is no operand of other expressions
/// (make_operand rejects it), since `AS` is valid only there.
template <class E, fixed_string Name>
struct named_expr : named_argument<E> {
  using inner_type = E;
  using value_type = typename E::value_type;
  using tables = typename E::tables;
  using null_checks = typename null_checks_of<E>::type;
  using bare_columns = typename bare_columns_of<E>::type;
  using operands = type_list<E>;
  static constexpr unsigned flags = E::flags;
  static constexpr auto output_name = Name;
  static constexpr bool select_alias = true;
  E e;

  template <class Ctx>
  void render(Ctx& c) const {
    e.render(c);
    c.text(" AS ");
    c.ident(Name.view());
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
  }
};

template <class T>
struct is_named_expr : std::false_type {};
template <class E, fixed_string N>
struct is_named_expr<named_expr<E, N>> : std::true_type {};

}  // namespace quarry::detail
