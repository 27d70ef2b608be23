#pragma once
/// \file quarry/expr/order.hpp
/// ORDER BY keys: `users.name.asc()`, `quarry::desc(users.score)`, with NULLS FIRST/LAST.

#include <type_traits>
#include <utility>

#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"

namespace quarry {
namespace detail {

template <class E, bool Desc, nulls N>
struct order_key {
  using expr_type = E;
  using tables = typename E::tables;
  using bare_columns = typename bare_columns_of<E>::type;
  static constexpr unsigned flags = E::flags;
  static constexpr bool descending = Desc;
  static constexpr nulls null_order = N;
  E e;
  template <class Ctx>
  void render(Ctx& c) const {
    check_text_decimals<Ctx, E>();
    e.render(c);
    c.text(Desc ? " DESC" : " ASC");
    if constexpr (N == nulls::first) c.text(" NULLS FIRST");
    if constexpr (N == nulls::last) c.text(" NULLS LAST");
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
  }
};

template <class T>
struct is_order_key : std::false_type {};
template <class E, bool D, nulls N>
struct is_order_key<order_key<E, D, N>> : std::true_type {};

/// A bare expression in order_by() means ascending.
template <class K>
constexpr auto to_order_key(K&& k) {
  using X = std::remove_cvref_t<K>;
  if constexpr (is_order_key<X>::value) {
    return X(std::forward<K>(k));
  } else {
    static_assert(expression<X>, "quarry: order_by() takes expressions or their .asc()/.desc() keys");
    static_assert(!named_select_item<X>,
                  "quarry: an expression named with .as<\"name\">() can only be selected; use the "
                  "expression without .as in order_by()");
    return order_key<X, false, nulls::automatic>{std::forward<K>(k)};
  }
}
}  // namespace detail

/// `quarry::asc(expr)` / `quarry::desc(expr)`: free-function forms of `.asc()` / `.desc()`.
template <class E>
  requires detail::expression<std::remove_cvref_t<E>>
constexpr auto asc(E&& e) {
  return e.asc();
}
template <class E>
  requires detail::expression<std::remove_cvref_t<E>>
constexpr auto desc(E&& e) {
  return e.desc();
}

}  // namespace quarry
