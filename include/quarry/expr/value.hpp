#pragma once
/// \file quarry/expr/value.hpp
/// A bound parameter. Values are never spliced into SQL text: every value renders as a
/// placeholder and is bound when the statement runs.

#include <type_traits>
#include <utility>

#include "quarry/core/value_traits.hpp"
#include "quarry/expr/expression.hpp"

namespace quarry::detail {

template <class V>
struct value : expr_ops<value<V>> {
  using value_type = V;
  using tables = type_list<>;
  static constexpr unsigned flags = f_value;
  V v;  // an aggregate: value<V>{{}, v} (no constructor to instantiate per value type)

  template <class Ctx>
  void render(Ctx& c) const {
    c.param();
  }
  template <class B>
  void bind(B& b) const {
    b(v);
  }
};

template <class T>
struct is_value_node : std::false_type {};
template <class V>
struct is_value_node<value<V>> : std::true_type {};

/// None of the nodes is a bound std::optional value: compared, matched or listed, an empty one
/// binds NULL, and `x = NULL`, `x BETWEEN NULL AND y`, `x LIKE NULL`, `x IN (NULL)` never match.
/// The rule of ==, <, ..., between(), like() and in() (expr/operators.hpp, expr/predicates.hpp).
template <class... N>
inline constexpr bool binds_no_optional_v = (!(is_value_node<N>::value && is_optional_v<typename N::value_type>) && ...);

/// An expression stays itself; anything else becomes a bound value (strings copied in).
template <class V>
constexpr auto make_operand(V&& v) {
  if constexpr (expression<std::remove_cvref_t<V>>) {
    static_assert(!named_select_item<std::remove_cvref_t<V>>,
                  "quarry: an expression named with .as<\"name\">() can only be selected; use the "
                  "expression without .as inside other expressions");
    return std::remove_cvref_t<V>(std::forward<V>(v));
  } else {
    using P = param_type_t<V>;
    static_assert(sql_value<P>,
                  "quarry: this C++ type cannot be bound as an SQL parameter; use a supported type "
                  "(see docs/types.md) or specialize quarry::value_traits for it");
    return value<P>{{}, P(std::forward<V>(v))};
  }
}

template <class V>
using operand_t = decltype(make_operand(std::declval<V>()));

}  // namespace quarry::detail

namespace quarry {
/// A bound value as an expression, for where a value stands alone:
/// `quarry::select(quarry::val(std::int64_t{1}))` renders `SELECT ?` (`$1`).
template <class V>
constexpr auto val(V&& v) {
  return detail::make_operand(std::forward<V>(v));
}
}  // namespace quarry
