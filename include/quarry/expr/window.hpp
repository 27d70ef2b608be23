#pragma once
/// \file quarry/expr/window.hpp
/// Window functions: row_number, rank, dense_rank, lag, lead, and aggregates OVER a window.
///
///     quarry::row_number().over(quarry::window().partition_by(posts.user_id).order_by(posts.id.desc()))
///     quarry::sum(posts.likes).over(quarry::window().order_by(posts.id).rows(quarry::unbounded_preceding, quarry::current_row))
///
/// Window functions are not allowed in WHERE (a compile error): filter on them in an outer query.

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/expr/aggregate.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/order.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/query/clauses.hpp"

namespace quarry {

struct unbounded_preceding_t {};
struct current_row_t {};
struct unbounded_following_t {};
inline constexpr unbounded_preceding_t unbounded_preceding{};
inline constexpr current_row_t current_row{};
inline constexpr unbounded_following_t unbounded_following{};
/// N PRECEDING / N FOLLOWING frame bounds.
template <int N>
struct preceding {};
template <int N>
struct following {};

namespace detail {

template <class B>
struct frame_bound;
template <>
struct frame_bound<unbounded_preceding_t> {
  static std::string sql() { return "UNBOUNDED PRECEDING"; }
};
template <>
struct frame_bound<current_row_t> {
  static std::string sql() { return "CURRENT ROW"; }
};
template <>
struct frame_bound<unbounded_following_t> {
  static std::string sql() { return "UNBOUNDED FOLLOWING"; }
};
template <int N>
struct frame_bound<preceding<N>> {
  static_assert(N >= 0, "quarry: preceding<N> needs N >= 0");
  static std::string sql() { return std::to_string(N) + " PRECEDING"; }
};
template <int N>
struct frame_bound<following<N>> {
  static_assert(N >= 0, "quarry: following<N> needs N >= 0");
  static std::string sql() { return std::to_string(N) + " FOLLOWING"; }
};

template <bool Rows, class Start, class End>
struct frame_spec {
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(Rows ? "ROWS BETWEEN " : "RANGE BETWEEN ");
    c.text(frame_bound<Start>::sql());
    c.text(" AND ");
    c.text(frame_bound<End>::sql());
  }
};

template <class... E>
struct expr_tuple {
  using tuple_type = pack<E...>;
  using tables_list = merged_tables<E...>;
  using bare_columns = merged_bare_columns<E...>;
  using operands = type_list<E...>;
  static constexpr unsigned flags = (0u | ... | E::flags);
  tuple_type items;
};

/// OVER (PARTITION BY ... ORDER BY ... frame).
template <class Partition, class Order, class Frame>
struct window_spec {
  Partition partition;  // expr_tuple: a pack of expressions
  Order order;          // order_clause<...> or none
  Frame frame;          // frame_spec<...> or none

  using partition_type = Partition;
  using order_type = Order;
  using tables = concat_t<typename Partition::tables_list, typename Order::tables>;
  /// Aggregates in PARTITION BY / ORDER BY make the statement an aggregate query.
  static constexpr unsigned flags = Partition::flags | Order::flags;
  template <class... E>
  constexpr auto partition_by(E&&... e) const {
    static_assert(Partition::tuple_type::size == 0, "quarry: partition_by() is already given");
    static_assert((expression<std::remove_cvref_t<E>> && ...), "quarry: partition_by() takes expressions");
    check_placement<place::window_arg, (0u | ... | std::remove_cvref_t<E>::flags)>();
    using P = expr_tuple<std::remove_cvref_t<E>...>;
    return window_spec<P, Order, Frame>{P{{{std::forward<E>(e)}...}}, order, frame};
  }
  template <class... K>
  constexpr auto order_by(K&&... keys) const {
    static_assert(is_none_v<Order>, "quarry: the window's order_by() is already given");
    using O = order_clause<decltype(to_order_key(std::forward<K>(keys)))...>;
    check_placement<place::window_arg, O::flags>();
    return window_spec<Partition, O, Frame>{partition, O{{{to_order_key(std::forward<K>(keys))}...}}, frame};
  }
  template <class S, class E>
  constexpr auto rows(S, E) const {
    return window_spec<Partition, Order, frame_spec<true, S, E>>{partition, order, {}};
  }
  template <class S, class E>
  constexpr auto range(S, E) const {
    return window_spec<Partition, Order, frame_spec<false, S, E>>{partition, order, {}};
  }

  template <class Ctx>
  void render(Ctx& c) const {
    c.text(" OVER (");
    bool space = false;
    if constexpr (Partition::tuple_type::size > 0) {
      c.text("PARTITION BY ");
      render_comma_list(c, partition.items);
      space = true;
    }
    if constexpr (!is_none_v<Order>) {
      c.text(space ? " ORDER BY " : "ORDER BY ");
      render_comma_list(c, order.keys);
      space = true;
    }
    if constexpr (!is_none_v<Frame>) {
      if (space) c.text(" ");
      frame.render(c);
    }
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, partition.items);
    order.bind(b);
  }
};


/// A function evaluated over a window. F is the function node (ranking call or aggregate).
template <class F, class W>
struct window_expr : expr_ops<window_expr<F, W>> {
  using value_type = typename F::value_type;
  using tables = concat_t<typename F::tables, typename W::tables>;
  using bare_columns = concat_t<typename F::window_bare_columns, typename W::partition_type::bare_columns,
                                typename bare_columns_of<typename W::order_type>::type>;
  /// What the grouping rule (query/group_by.hpp) checks: the function's arguments (an aggregate
  /// over a window reads rows, not groups) and the window's keys.
  using operands = concat_t<typename F::window_operands, typename W::partition_type::operands,
                            typename order_exprs_of<typename W::order_type>::type>;
  static constexpr unsigned flags = f_window | (F::flags & ~f_aggregate) | W::flags;
  static constexpr storage_format storage = storage_of<F>();
  F f;
  W w;
  template <class Ctx>
  void render(Ctx& c) const {
    if constexpr (requires { f.render_with(c, w); }) {
      f.render_with(c, w);
    } else {
      f.render(c);
      w.render(c);
    }
  }
  template <class B>
  void bind(B& b) const {
    f.bind(b);
    w.bind(b);
  }
};

/// row_number(), rank(), dense_rank(), lag(e, n), lead(e, n): only valid with .over(window).
template <class Name, class R, class... A>
struct ranking_call {
  using value_type = R;
  using tables = merged_tables<A...>;
  using window_bare_columns = merged_bare_columns<A...>;
  using window_operands = type_list<A...>;
  // lag/lead bind their offset
  static constexpr unsigned flags = (0u | ... | A::flags) | (sizeof...(A) > 0 ? f_value : 0u);
  pack<A...> args;
  std::int64_t offset = 0;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(Name::value);
    c.text("(");
    apply_pack([&](const auto&... a) { ((a.render(c)), ...); }, args);
    if constexpr (sizeof...(A) > 0) {
      c.text(", CAST(");  // PostgreSQL's lag/lead take an integer offset; parameters are int8
      c.param();
      c.text(" AS INTEGER)");
    }
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    apply_pack([&](const auto&... a) { (a.bind(b), ...); }, args);
    if constexpr (sizeof...(A) > 0) b(offset);
  }
  /// OVER (window)
  template <class W>
  constexpr auto over(const W& w) const {
    return window_expr<ranking_call, W>{{}, *this, w};
  }
};

struct name_row_number {
  static constexpr std::string_view value = "ROW_NUMBER";
};
struct name_rank {
  static constexpr std::string_view value = "RANK";
};
struct name_dense_rank {
  static constexpr std::string_view value = "DENSE_RANK";
};
struct name_lag {
  static constexpr std::string_view value = "LAG";
};
struct name_lead {
  static constexpr std::string_view value = "LEAD";
};

}  // namespace detail

/// An empty window: `quarry::window().partition_by(...).order_by(...)`.
constexpr auto window() {
  return detail::window_spec<detail::expr_tuple<>, detail::none, detail::none>{};
}
constexpr auto row_number() { return detail::ranking_call<detail::name_row_number, std::int64_t>{}; }
constexpr auto rank() { return detail::ranking_call<detail::name_rank, std::int64_t>{}; }
constexpr auto dense_rank() { return detail::ranking_call<detail::name_dense_rank, std::int64_t>{}; }
/// LAG(e, n): the value n rows before (NULL when there is none).
template <class E>
constexpr auto lag(E&& e, std::int64_t n = 1) {
  using X = std::remove_cvref_t<E>;
  detail::check_placement<detail::place::window_arg, X::flags>();
  return detail::ranking_call<detail::name_lag, std::optional<detail::strip_optional_t<typename X::value_type>>, X>{
      {{std::forward<E>(e)}}, n};
}
/// LEAD(e, n): the value n rows after (NULL when there is none).
template <class E>
constexpr auto lead(E&& e, std::int64_t n = 1) {
  using X = std::remove_cvref_t<E>;
  detail::check_placement<detail::place::window_arg, X::flags>();
  return detail::ranking_call<detail::name_lead, std::optional<detail::strip_optional_t<typename X::value_type>>, X>{
      {{std::forward<E>(e)}}, n};
}

}  // namespace quarry
