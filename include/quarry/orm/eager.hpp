#pragma once
/// \file quarry/orm/eager.hpp
/// Eager loading: `select(table).with(relations…)` and `db.load(q)`, which returns
/// `std::vector<quarry::loaded<Row, …>>` with every requested relation attached, in
/// 1 + (number of keyed relation requests) statements whatever the number of parents. There is no
/// lazy loading: a relation not requested is a compile error to read.
///
///     auto q = quarry::select(users).where(users.city == "Paris").order_by(users.id)
///                  .with(user_orders.order_by(orders.at.desc()).limit(5).with(order_items),
///                        user_profile.joined());
///     for (const auto& u : db.load(q)) { … u[user_orders] … u[user_profile] … }   // 3 statements
///
/// A level with no parent keys (no parents, or only NULL foreign keys) runs no statement.
/// See docs/relations.md.

#include <cstddef>
#include <functional>
#include <map>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/pfr/core.hpp>

#include "quarry/core/error.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/orm/level.hpp"
#include "quarry/orm/loaded.hpp"
#include "quarry/orm/request.hpp"
#include "quarry/query/select.hpp"

namespace quarry::detail {

/// A select(table) with relation requests; run it with `db.load(q)`. where(), order_by(),
/// limit() and offset() pass through to the parents' query.
template <class Q, class... Reqs>
struct eager_query {
  using query_type = Q;
  using requests = type_list<Reqs...>;
  using source = typename whole_row_source<typename Q::fields_type>::type;
  using row_type = loaded<typename source::row_type, Reqs...>;
  static constexpr bool loads_relations = true;  // several statements: to_sql() refuses it (render/sql.hpp)

  Q query;
  std::tuple<Reqs...> relations;

  template <class... R>
  constexpr auto with(const R&... r) const;
  template <class C>
  constexpr auto where(C&& c) const {
    return rewrap(query.where(std::forward<C>(c)));
  }
  template <class... K>
  constexpr auto order_by(K&&... k) const {
    return rewrap(query.order_by(std::forward<K>(k)...));
  }
  constexpr auto limit(std::int64_t n) const { return rewrap(query.limit(n)); }
  constexpr auto offset(std::int64_t n) const { return rewrap(query.offset(n)); }

 private:
  template <class Q2>
  constexpr eager_query<Q2, Reqs...> rewrap(Q2 q) const {
    return {std::move(q), relations};
  }
};

template <class T>
struct is_eager_query : std::false_type {};
template <class Q, class... R>
struct is_eager_query<eager_query<Q, R...>> : std::true_type {};

/// `select(table).with(r…)` (called by select_stmt::with): checks the requests and wraps the query.
template <class Q, class... R>
constexpr auto make_eager_query(const Q& q, const R&... r) {
  using fields = typename Q::fields_type;
  static_assert(whole_row_source<fields>::valid,
                "quarry: with() loads relations of whole rows; start the query with select(table)");
  if constexpr (whole_row_source<fields>::valid) {
    using S = typename whole_row_source<fields>::type;
    using D = typename descriptor_of_source<S>::type;
    static_assert((std::is_same_v<typename R::relation::parent_tag, typename D::table_tag> && ...),
                  "quarry: with() takes relations that start at the selected table (e.g. "
                  "select(users).with(user_orders), where user_orders starts at users)");
    static_assert(no_relation_twice<R...>::value,
                  "quarry: the same relation is requested twice at one level; request it once");
    return eager_query<Q, R...>{q, std::tuple<R...>(r...)};
  }
}

template <class Q, class... Reqs>
template <class... R>
constexpr auto eager_query<Q, Reqs...>::with(const R&... r) const {
  static_assert(sizeof...(R) > 0, "quarry: with() needs at least one relation");
  return std::apply([&](const auto&... have) { return make_eager_query(query, have..., r...); }, relations);
}

// ---- loading ----

/// Whether loading R (or something nested in it) runs a statement of its own.
template <class R>
struct runs_query;
template <class Rel, class F, class O, limit_kind L, bool J, class... N>
struct runs_query<relation_request<Rel, F, O, L, J, N...>> : std::bool_constant<!J || (runs_query<N>::value || ...)> {};
template <class... R>
inline constexpr bool any_runs_query = (runs_query<R>::value || ...);
template <class R>
struct nested_runs_query;
template <class Rel, class F, class O, limit_kind L, bool J, class... N>
struct nested_runs_query<relation_request<Rel, F, O, L, J, N...>> : std::bool_constant<(runs_query<N>::value || ...)> {};

template <class K>
concept hashable_key = requires(const K& k) { std::hash<K>{}(k); };

/// Parent keys -> parents: the first parent with each key, and a chain through the others.
template <class Key>
struct key_index {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::conditional_t<hashable_key<Key>, std::unordered_map<Key, std::size_t>, std::map<Key, std::size_t>> first;
  std::vector<std::size_t> next;

  explicit key_index(std::size_t parents) : next(parents, npos) {
    if constexpr (hashable_key<Key>) first.reserve(parents);
  }
  /// Records parent i under k; true when k is new.
  bool add(const Key& k, std::size_t i) {
    auto [it, fresh] = first.try_emplace(k, i);
    if (!fresh) {
      next[i] = it->second;
      it->second = i;
    }
    return fresh;
  }
  std::size_t find(const Key& k) const {
    auto it = first.find(k);
    return it == first.end() ? npos : it->second;
  }
};

template <class V>
const strip_optional_t<V>* key_ptr(const V& v) {
  if constexpr (is_optional_v<V>) {
    return v ? &*v : nullptr;
  } else {
    return &v;
  }
}

template <class Conn, class Node, class... Reqs>
void load_requests(Conn& db, const std::vector<Node*>& parents, const std::tuple<Reqs...>& reqs);
template <std::size_t I, class Conn, class Node, class R>
void load_nested(Conn& db, const std::vector<Node*>& parents, const R& req);

/// Puts child `c` into parent p's storage for request R (at position I).
template <std::size_t I, class R, class Node, class Child>
void attach(Node& p, Child&& c) {
  auto& slot = std::get<I>(p.quarry_relations_);
  if constexpr (R::relation::to_many) {
    slot.push_back(std::forward<Child>(c));
  } else {
    if (slot)
      throw usage_error(errc::usage, "quarry: the to-one relation " + R::relation::label() +
                                         " found more than one row for a parent; the referenced key must be "
                                         "unique in the database too (add a UNIQUE constraint), or declare a "
                                         "has_many relation");
    slot.emplace(std::forward<Child>(c));
  }
}

/// Runs the keyed statement of request R (position I among the parents' requests), attaches the
/// children to every parent with their key, then loads the children's own relations.
template <std::size_t I, class Conn, class Node, class R>
void load_keyed(Conn& db, const std::vector<Node*>& parents, const R& req) {
  using rel = typename R::relation;
  using row = typename Node::row_type;
  using child_node = typename R::node_type;
  using key = typename rel::parent_key::value;
  constexpr std::size_t parent_field = rel::parent_key::column::field_index;

  key_index<key> index(parents.size());
  std::vector<key> keys;
  keys.reserve(parents.size());
  for (std::size_t i = 0; i < parents.size(); ++i) {
    const auto* k = key_ptr(boost::pfr::get<parent_field>(static_cast<const row&>(*parents[i])));
    if (k && index.add(*k, i)) keys.push_back(*k);
  }
  if (keys.empty()) return;  // no parent can have children: no statement

  keyed_level_stmt<R, key, child_node> stmt{std::move(keys), req.filter, req.order, req.limit_n, join_filters(req.nested)};
  for (auto&& r : db.query(stmt)) {
    const key* k;
    if constexpr (rel::through) {
      k = &r.key;
    } else {
      k = key_ptr(boost::pfr::get<rel::target_key::column::field_index>(
          static_cast<const typename rel::target_row&>(r)));
    }
    std::size_t i = k ? index.find(*k) : index.npos;
    if (i == index.npos) continue;
    auto&& child = [&]() -> child_node& {
      if constexpr (rel::through) {
        return r.node;
      } else {
        return r;
      }
    }();
    // Every parent with this key gets the child: copies for all but the last, which takes it.
    for (std::size_t n = index.next[i]; n != index.npos; i = n, n = index.next[n]) attach<I, R>(*parents[i], child);
    attach<I, R>(*parents[i], std::move(child));
  }

  load_nested<I>(db, parents, req);
}

/// Loads the relations nested in request R (position I) for every child attached by it.
template <std::size_t I, class Conn, class Node, class R>
void load_nested(Conn& db, const std::vector<Node*>& parents, const R& req) {
  if constexpr (nested_runs_query<R>::value) {
    std::vector<typename R::node_type*> kids;
    for (Node* p : parents) {
      auto& slot = std::get<I>(p->quarry_relations_);
      if constexpr (R::relation::to_many) {
        for (auto& c : slot) kids.push_back(&c);
      } else {
        if (slot) kids.push_back(&*slot);
      }
    }
    if (!kids.empty()) load_requests(db, kids, req.nested);
  } else {
    (void)db;
    (void)parents;
    (void)req;
  }
}

template <std::size_t I, class Conn, class Node, class R>
void load_one(Conn& db, const std::vector<Node*>& parents, const R& req) {
  if constexpr (R::by_join) {
    load_nested<I>(db, parents, req);  // read with the parents' statement; only its nesting may query
  } else {
    load_keyed<I>(db, parents, req);
  }
}

template <class Conn, class Node, class... Reqs>
void load_requests(Conn& db, const std::vector<Node*>& parents, const std::tuple<Reqs...>& reqs) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (load_one<I>(db, parents, std::get<I>(reqs)), ...);
  }(std::index_sequence_for<Reqs...>{});
}

/// db.load(q): the parents' statement, then one keyed statement per relation level.
template <class Conn, class Q, class... Reqs>
std::vector<typename eager_query<Q, Reqs...>::row_type> load_graph(Conn& db, const eager_query<Q, Reqs...>& q) {
  using node = typename eager_query<Q, Reqs...>::row_type;
  root_level_stmt<Q, node, type_list<Reqs...>> stmt{q.query, join_filters(q.relations)};
  std::vector<node> roots = db.query(stmt).all();
  if constexpr (any_runs_query<Reqs...>) {
    if (!roots.empty()) {
      std::vector<node*> parents;
      parents.reserve(roots.size());
      for (auto& n : roots) parents.push_back(&n);
      load_requests(db, parents, q.relations);
    }
  }
  return roots;
}

}  // namespace quarry::detail
