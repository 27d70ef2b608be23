#pragma once
/// \file quarry/orm/request.hpp
/// A relation request: a relation plus how to load it. The constants `has_many<…>` etc. are
/// requests with the defaults (every child, in the database's order, by a keyed query); these
/// members refine a copy:
///
///     user_orders.where(orders.status == "paid")        // filter the children
///                .order_by(orders.created_at.desc())    // order them within each parent
///                .limit(5)                               // at most 5 per parent (ROW_NUMBER() in SQL)
///                .with(order_items.with(item_product))   // nested relations, any depth
///     order_user.joined()                                // a to-one relation through a LEFT JOIN
///
/// See docs/relations.md.

#include <cstdint>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/order.hpp"
#include "quarry/query/clauses.hpp"

namespace quarry {

/// A row loaded with relations: the row struct itself (it derives from Row, so `u.email` works)
/// plus the children of each requested relation, read with `u[relation]`: a `std::vector` for
/// to-many relations (empty when the parent has none), a `std::optional` for to-one relations.
/// Reading a relation that was not requested does not compile. Defined in quarry/orm/loaded.hpp.
template <class Row, class... Requests>
struct loaded;

namespace detail {

enum class limit_kind { none, rows, with_ties };

template <class R, class... Rs>
inline constexpr bool relation_repeated = (std::is_same_v<typename R::relation, typename Rs::relation> || ...);

template <class... R>
struct no_relation_twice : std::true_type {};
template <class R, class... Rs>
struct no_relation_twice<R, Rs...> : std::bool_constant<!relation_repeated<R, Rs...> && no_relation_twice<Rs...>::value> {};

/// The tables a relation's filter may use: the target, and for many-to-many the join table.
template <class Rel>
struct filter_tables {
  using type = type_list<typename Rel::target_tag>;
};
template <class Rel>
  requires(Rel::through)
struct filter_tables<Rel> {
  using type = type_list<typename Rel::target_tag, typename Rel::via_tag>;
};

template <class Rel, class Filter = none, class Order = none, limit_kind Limit = limit_kind::none, bool Joined = false,
          class... Nested>
struct relation_request {
  using relation = Rel;
  using filter_type = Filter;
  using order_type = Order;
  using nested_list = type_list<Nested...>;
  using nested_tuple = std::tuple<Nested...>;
  static constexpr limit_kind limit_mode = Limit;
  static constexpr bool by_join = Joined;
  /// What `row[relation]` holds: the children as loaded rows (with their own relations).
  using node_type = loaded<typename Rel::target_row, Nested...>;
  using storage_type = std::conditional_t<Rel::to_many, std::vector<node_type>, std::optional<node_type>>;

  Filter filter{};
  Order order{};
  std::int64_t limit_n = 0;
  std::tuple<Nested...> nested{};

  /// Loads only the children for which `cond` holds (columns of the target table; for
  /// many_to_many also of the join table).
  template <class C>
  constexpr auto where(C&& cond) const {
    using X = std::remove_cvref_t<C>;
    static_assert(is_none_v<Filter>, "quarry: this relation request already has where(); combine conditions with &&");
    check_where_condition<X>();
    static_assert(is_subset_v<typename X::tables, typename filter_tables<Rel>::type>,
                  "quarry: a relation's where() may only use columns of the table the relation loads (and of "
                  "the join table of a many_to_many)");
    static_assert(!Joined || is_subset_v<typename X::tables, type_list<typename Rel::target_tag>>,
                  "quarry: a joined relation's where() may only use columns of the joined table");
    return relation_request<Rel, X, Order, Limit, Joined, Nested...>{std::forward<C>(cond), order, limit_n, nested};
  }

  /// The order of the children within each parent (to-many relations). Ties are broken by the
  /// target's primary key, so the order, and a per-parent limit, are deterministic.
  template <class... K>
  constexpr auto order_by(K&&... keys) const {
    static_assert(Rel::to_many, "quarry: order_by() applies to has_many and many_to_many relations; a to-one "
                                "relation loads at most one row per parent");
    static_assert(sizeof...(K) > 0, "quarry: order_by() needs at least one key");
    static_assert(is_none_v<Order>, "quarry: this relation request already has order_by(); pass all keys in one call");
    using O = order_clause<decltype(to_order_key(std::forward<K>(keys)))...>;
    static_assert(is_subset_v<typename O::tables, type_list<typename Rel::target_tag>>,
                  "quarry: a relation's order_by() may only use columns of the table the relation loads");
    static_assert(((!(std::remove_cvref_t<decltype(to_order_key(std::forward<K>(keys)))>::flags & (f_aggregate | f_window))) && ...),
                  "quarry: a relation's order_by() cannot use aggregate or window functions");
    return relation_request<Rel, Filter, O, Limit, Joined, Nested...>{filter, O{{{to_order_key(std::forward<K>(keys))}...}},
                                                                      limit_n, nested};
  }

  /// At most `n` children per parent, the first ones in order_by() order, chosen in SQL with
  /// ROW_NUMBER() OVER (PARTITION BY key ORDER BY ...): "the latest 5 orders of each user".
  constexpr auto limit(std::int64_t n) const { return limited<limit_kind::rows>(n); }
  /// Like limit(n), but children that tie with the n-th on every order_by() key are kept too
  /// (RANK() instead of ROW_NUMBER(), as FETCH FIRST n ROWS WITH TIES).
  constexpr auto limit_with_ties(std::int64_t n) const { return limited<limit_kind::with_ties>(n); }

  /// Loads these relations of each child too (any depth; several siblings at once).
  template <class... R>
  constexpr auto with(const R&... r) const {
    static_assert(sizeof...(R) > 0, "quarry: with() needs at least one relation");
    static_assert((std::is_same_v<typename R::relation::parent_tag, typename Rel::target_tag> && ...),
                  "quarry: a nested relation must start at the table its enclosing relation loads (e.g. "
                  "user_orders.with(order_items), where order_items starts at orders)");
    static_assert(no_relation_twice<Nested..., R...>::value,
                  "quarry: the same relation is requested twice at one level; request it once");
    return relation_request<Rel, Filter, Order, Limit, Joined, Nested..., R...>{
        filter, order, limit_n, std::tuple_cat(nested, std::tuple<R...>(r...))};
  }

  /// Loads this to-one relation (belongs_to, has_one) through a LEFT JOIN in the parent's query
  /// instead of a query of its own: one statement fewer, at the cost of wider parent rows.
  constexpr auto joined() const {
    static_assert(!Rel::to_many,
                  "quarry: joined() applies to belongs_to and has_one; a to-many relation through a JOIN "
                  "repeats every parent row once per child, so it always loads with a keyed query");
    static_assert(is_subset_v<typename Filter::tables, type_list<typename Rel::target_tag>>,
                  "quarry: a joined relation's where() may only use columns of the joined table");
    return relation_request<Rel, Filter, Order, Limit, true, Nested...>{filter, order, limit_n, nested};
  }

 private:
  template <limit_kind L>
  constexpr auto limited(std::int64_t n) const {
    static_assert(Rel::to_many, "quarry: limit() applies to has_many and many_to_many relations");
    static_assert(Limit == limit_kind::none, "quarry: this relation request already has a limit");
    static_assert(!is_none_v<Order>, "quarry: a relation's limit() needs order_by() first, to say which children "
                                     "each parent keeps");
    return relation_request<Rel, Filter, Order, L, Joined, Nested...>{filter, order, n, nested};
  }
};

}  // namespace detail
}  // namespace quarry
