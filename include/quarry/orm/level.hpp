#pragma once
/// \file quarry/orm/level.hpp
/// The statements eager loading runs, one per relation level, and how their rows are read.
/// Their SQL depends only on their types, so it is rendered once per type and dialect and
/// prepared once per connection like every other statement.
///
///  * the parents' query: the user's select(table) with one LEFT JOIN per joined to-one relation
///    (`"quarry_j<n>"` aliases), e.g. for `select(orders).with(order_user.joined())`:
///        SELECT "orders"."id", …, "quarry_j1"."id", … FROM "orders"
///        LEFT JOIN "users" AS "quarry_j1" ON "quarry_j1"."id" = "orders"."user_id" WHERE …
///  * a keyed query per relation level, all parents' keys in ONE parameter:
///        SELECT "orders"."id", … FROM "orders" WHERE "orders"."user_id" = ANY($1)            (PostgreSQL)
///        SELECT "orders"."id", … FROM "orders" WHERE "orders"."user_id" IN (SELECT value FROM json_each(?))
///    many_to_many adds `INNER JOIN "<join table>"` and selects the parent key last; a per-parent
///    limit wraps the query:
///        SELECT "orders"."id", … FROM (SELECT "orders"."id", …, ROW_NUMBER() OVER (PARTITION BY
///        "orders"."user_id" ORDER BY "orders"."at" DESC, "orders"."id" ASC) AS "quarry_rn" FROM "orders"
///        WHERE "orders"."user_id" = ANY($1)) AS "orders" WHERE "orders"."quarry_rn" <= $2
///        ORDER BY "orders"."at" DESC, "orders"."id" ASC
///    (the derived table takes the table's own name, so the order keys read its columns).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "quarry/backend/binding.hpp"
#include "quarry/backend/row_reader.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/predicates.hpp"
#include "quarry/orm/loaded.hpp"
#include "quarry/orm/request.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/select.hpp"
#include "quarry/schema/table.hpp"

namespace quarry::detail {

// ---- joined to-one relations of a level, flattened depth-first ----

/// Joined request Req, read under alias "quarry_j<Index>", joined to alias Parent (0: the
/// level's own table).
template <class Req, int Parent, int Index>
struct join_slot {
  using request = Req;
  using relation = typename Req::relation;
  static constexpr int parent = Parent;
  static constexpr int index = Index;
};

template <int Parent, int Next, class Reqs>
struct flatten_joins;
template <bool Joined, int Parent, int Next, class R>
struct join_of {
  using type = type_list<>;
  static constexpr int next = Next;
};
template <int Parent, int Next, class R>
struct join_of<true, Parent, Next, R> {
  using inner = flatten_joins<Next, Next + 1, typename R::nested_list>;
  using type = concat_t<type_list<join_slot<R, Parent, Next>>, typename inner::type>;
  static constexpr int next = inner::next;
};
template <int Parent, int Next>
struct flatten_joins<Parent, Next, type_list<>> {
  using type = type_list<>;
  static constexpr int next = Next;
};
template <int Parent, int Next, class R, class... Rest>
struct flatten_joins<Parent, Next, type_list<R, Rest...>> {
  using first = join_of<R::by_join, Parent, Next, R>;
  using rest = flatten_joins<Parent, first::next, type_list<Rest...>>;
  using type = concat_t<typename first::type, typename rest::type>;
  static constexpr int next = rest::next;
};
/// The join slots of the requests in list L.
template <class L>
using join_slots_t = typename flatten_joins<0, 1, L>::type;

/// The filters of the joined requests among `reqs`, depth-first (the order of join_slots_t).
template <class... R>
auto join_filters(const std::tuple<R...>& reqs);
template <class R>
auto join_filters_of(const R& r) {
  if constexpr (R::by_join) {
    return std::tuple_cat(std::tuple<typename R::filter_type>(r.filter), join_filters(r.nested));
  } else {
    return std::tuple<>{};
  }
}
template <class... R>
auto join_filters(const std::tuple<R...>& reqs) {
  return std::apply([](const auto&... r) { return std::tuple_cat(std::tuple<>{}, join_filters_of(r)...); }, reqs);
}
template <class Tuple>
using join_filters_t = decltype(join_filters(std::declval<const Tuple&>()));

/// Renders the columns of Tag under another name (a join alias) and everything else as Ctx does.
template <class Ctx, class Tag>
struct aliasing_context : Ctx {
  std::string_view alias;
  template <class T>
  void column(std::string_view name) {
    if constexpr (std::is_same_v<T, Tag>) {
      this->qualified(alias, name);
    } else {
      Ctx::template column<T>(name);
    }
  }
};
template <class Tag, class Ctx, class Node>
void render_aliased(Ctx& c, const Node& n, std::string_view alias) {
  aliasing_context<Ctx, Tag> a{std::move(c), alias};
  n.render(a);
  c = std::move(static_cast<Ctx&>(a));
}

inline std::string join_alias(int index) { return "quarry_j" + std::to_string(index); }

/// `, "ref"."a", "ref"."b", …` for every column of descriptor D.
template <class D, class Ctx>
void render_columns_as(Ctx& c, std::string_view ref, bool first) {
  [&]<class... C>(type_list<C...>) {
    ((c.text(first ? "" : ", "), first = false, c.ident(ref), c.text("."), c.ident(C::name)), ...);
  }(columns_of<D>{});
}

template <class... S, class Ctx>
void render_join_columns(Ctx& c, type_list<S...>) {
  (render_columns_as<typename S::relation::target_descriptor>(c, join_alias(S::index), false), ...);
}

/// ` LEFT JOIN "t" AS "quarry_jN" ON "quarry_jN"."key" = "parent"."key" [AND (filter)]` per slot.
template <class... S, class Ctx, class Filters>
void render_joins(Ctx& c, type_list<S...>, std::string_view base_ref, const Filters& filters) {
  (void)base_ref;
  (void)filters;
  (
      [&] {
        using rel = typename S::relation;
        std::string alias = join_alias(S::index);
        c.text(" LEFT JOIN ");
        c.ident(rel::target_descriptor::table_tag::table_name);
        c.text(" AS ");
        c.ident(alias);
        c.text(" ON ");
        c.ident(alias);
        c.text(".");
        c.ident(rel::target_key::column::name);
        c.text(" = ");
        if constexpr (S::parent == 0) {
          c.ident(base_ref);
        } else {
          c.ident(join_alias(S::parent));
        }
        c.text(".");
        c.ident(rel::parent_key::column::name);
        const auto& f = std::get<index_of<type_list<S...>, S>::value>(filters);
        if constexpr (!is_none_v<std::remove_cvref_t<decltype(f)>>) {
          c.text(" AND (");
          render_aliased<typename rel::target_tag>(c, f, alias);
          c.text(")");
        }
      }(),
      ...);
}
template <class B, class Filters>
void bind_joins(B& b, const Filters& filters) {
  std::apply([&](const auto&... f) { (f.bind(b), ...); }, filters);
}

// ---- reading a level's rows ----

/// Reads a loaded row of descriptor D (and, depth-first, its joined relations) from the
/// current result row, starting at column `col`.
template <class D, class Node>
struct node_reader;
template <class D, class Row, class... Reqs>
struct node_reader<D, loaded<Row, Reqs...>> {
  using node = loaded<Row, Reqs...>;
  using columns = columns_of<D>;
  static constexpr int own = static_cast<int>(columns::size);

  template <class R>
  static constexpr int joined_width() {
    if constexpr (R::by_join) {
      return node_reader<typename R::relation::target_descriptor, typename R::node_type>::width;
    } else {
      return 0;
    }
  }
  /// Columns this node and its joined relations take.
  static constexpr int width = own + (0 + ... + joined_width<Reqs>());

  template <class Stmt>
  QUARRY_ALWAYS_INLINE static node read(Stmt& s, int col) {
    node n{read_row(s, col, columns{}, std::make_index_sequence<columns::size>{}), {}};
    if constexpr ((Reqs::by_join || ...)) {
      int at = col + own;
      read_joined(n, s, at, std::index_sequence_for<Reqs...>{});
    }
    return n;
  }

  template <class Stmt, class... C, std::size_t... I>
  QUARRY_ALWAYS_INLINE static Row read_row(Stmt& s, int col, type_list<C...>, std::index_sequence<I...>) {
    return Row{read_field<typename C::value_type>(s, col + static_cast<int>(I), field_info_v<C, static_cast<int>(I)>)...};
  }

  template <class Stmt, std::size_t... I>
  static void read_joined(node& n, Stmt& s, int& at, std::index_sequence<I...>) {
    (read_one_joined<I, Reqs>(n, s, at), ...);
  }
  /// A joined relation's row, or nothing when the LEFT JOIN found none (its key is NULL).
  template <std::size_t I, class R, class Stmt>
  static void read_one_joined(node& n, Stmt& s, int& at) {
    if constexpr (R::by_join) {
      using rel = typename R::relation;
      using child = node_reader<typename rel::target_descriptor, typename R::node_type>;
      using key = typename rel::target_key::column;
      constexpr int key_at = static_cast<int>(key::field_index);
      auto k = read_field<std::optional<typename rel::target_key::value>>(s, at + key_at, field_info_v<key, key_at>);
      if (k) std::get<I>(n.quarry_relations_).emplace(child::read(s, at));
      at += child::width;
    }
  }
};

/// The fields of a level statement: descriptor D's row as Node, then (Key not void) the parent
/// key of a many_to_many row in the last column.
template <class D, class Node, class Key>
struct level_fields {};

/// A many_to_many child and the parent key it belongs to.
template <class Key, class Node>
struct keyed_node {
  Key key;
  Node node;
};

template <class D, class Node, class Row>
struct row_reader<level_fields<D, Node, void>, Row> {
  template <class Stmt>
  static Row read(Stmt& s) {
    return node_reader<D, Node>::read(s, 0);
  }
};
template <class D, class Node, class Key, class Row>
struct row_reader<level_fields<D, Node, Key>, Row> {
  template <class Stmt>
  static Row read(Stmt& s) {
    static constexpr field_info info{{}, "quarry_owner", node_reader<D, Node>::width, {}};
    Node n = node_reader<D, Node>::read(s, 0);
    return Row{read_field<Key>(s, node_reader<D, Node>::width, info), std::move(n)};
  }
};

template <class Rel>
struct lazy_target_key {
  using type = typename Rel::target_key::column;
};
template <class Rel>
struct lazy_via_parent {
  using type = typename Rel::via_parent::column;
};


// ---- the parents' query ----

/// The source (descriptor or alias) of a select(table) statement.
template <class Fields>
struct whole_row_source {
  static constexpr bool valid = false;
};
template <class S>
struct whole_row_source<whole_row<S>> {
  static constexpr bool valid = true;
  using type = S;
};
template <class S>
struct descriptor_of_source {
  using type = S;
};
template <class S>
  requires requires { typename S::descriptor; }
struct descriptor_of_source<S> {
  using type = typename S::descriptor;
};

/// The user's select(table) plus the LEFT JOINs of its joined relations.
template <class Q, class Node, class Requests>
struct root_level_stmt;
template <class Q, class Node, class... Reqs>
struct root_level_stmt<Q, Node, type_list<Reqs...>> {
  using source = typename whole_row_source<typename Q::fields_type>::type;
  using descriptor = typename descriptor_of_source<source>::type;
  using slots = join_slots_t<type_list<Reqs...>>;
  using fields_type = level_fields<descriptor, Node, void>;
  using row_type = Node;

  Q q;
  join_filters_t<std::tuple<Reqs...>> joins;

  template <class Ctx>
  void render(Ctx& c) const {
    Q::validate();
    if constexpr (!is_none_v<typename Q::with_type>) get_item<p_with>(q.parts).render(c);
    c.text("SELECT ");
    get_item<p_fields>(q.parts).render(c);
    render_join_columns(c, slots{});
    get_item<p_from>(q.parts).render(c);
    render_joins(c, slots{}, source::table_tag::ref_name, joins);
    get_item<p_where>(q.parts).render(c);
    get_item<p_group>(q.parts).render(c);
    get_item<p_having>(q.parts).render(c);
    get_item<p_order>(q.parts).render(c);
    render_limit_offset<Ctx, typename Q::template part_t<p_limit>, typename Q::template part_t<p_offset>>(c);
  }
  template <class B>
  void bind(B& b) const {
    if constexpr (!is_none_v<typename Q::with_type>) get_item<p_with>(q.parts).bind(b);
    get_item<p_fields>(q.parts).bind(b);
    get_item<p_from>(q.parts).bind(b);
    bind_joins(b, joins);
    get_item<p_where>(q.parts).bind(b);
    get_item<p_group>(q.parts).bind(b);
    get_item<p_having>(q.parts).bind(b);
    get_item<p_order>(q.parts).bind(b);
    bind_limit_offset(b, get_item<p_limit>(q.parts), get_item<p_offset>(q.parts));
  }
};

// ---- a keyed level ----

/// The expressions of an order_by() clause (none: no expressions).
template <class Order>
struct order_exprs {
  using type = type_list<>;
};
template <class... K>
struct order_exprs<order_clause<K...>> {
  using type = type_list<typename K::expr_type...>;
};

/// The children of every parent key in `keys` for request Req (see the file comment).
template <class Req, class Key, class Node>
struct keyed_level_stmt {
  using rel = typename Req::relation;
  using descriptor = typename rel::target_descriptor;
  using tag = typename descriptor::table_tag;
  using slots = join_slots_t<typename Req::nested_list>;
  static constexpr bool through = rel::through;
  static constexpr bool limited = Req::limit_mode != limit_kind::none;
  /// The column holding the parent's key: the target's foreign key, or the join table's.
  using owner_column = typename std::conditional_t<through, lazy_via_parent<rel>, lazy_target_key<rel>>::type;
  using fields_type = level_fields<descriptor, Node, std::conditional_t<through, Key, void>>;
  using row_type = std::conditional_t<through, keyed_node<Key, Node>, Node>;
  using pk_columns = filter_t<is_key_column, columns_of<descriptor>>;

  std::vector<Key> keys;
  typename Req::filter_type filter;
  typename Req::order_type order;
  std::int64_t limit_n = 0;
  join_filters_t<typename Req::nested_tuple> joins;

  template <class Ctx>
  void render(Ctx& c) const {
    c.text("SELECT ");
    render_columns_as<descriptor>(c, tag::table_name, true);
    render_join_columns(c, slots{});
    if constexpr (through) {
      c.text(", ");
      if constexpr (limited) {
        c.ident(tag::table_name);
        c.text(".");
        c.ident("quarry_owner");
      } else {
        owner_column{}.render(c);
      }
    }
    c.text(" FROM ");
    if constexpr (limited) {
      c.text("(SELECT ");
      render_columns_as<descriptor>(c, tag::table_name, true);
      if constexpr (through) {
        c.text(", ");
        owner_column{}.render(c);
        c.text(" AS ");
        c.ident("quarry_owner");
      }
      c.text(Req::limit_mode == limit_kind::rows ? ", ROW_NUMBER() OVER (PARTITION BY " : ", RANK() OVER (PARTITION BY ");
      owner_column{}.render(c);
      c.text(" ORDER BY ");
      render_comma_list(c, order.keys);
      if constexpr (Req::limit_mode == limit_kind::rows) render_tiebreak(c);
      c.text(") AS ");
      c.ident("quarry_rn");
      c.text(" FROM ");
      render_source(c);
      render_where(c);
      c.text(")");
      c.text(" AS ");
      c.ident(tag::table_name);
      render_joins(c, slots{}, tag::table_name, joins);
      c.text(" WHERE ");
      c.ident(tag::table_name);
      c.text(".");
      c.ident("quarry_rn");
      c.text(" <= ");
      c.param();
    } else {
      render_source(c);
      render_joins(c, slots{}, tag::table_name, joins);
      render_where(c);
    }
    if constexpr (!is_none_v<typename Req::order_type>) {
      c.text(" ORDER BY ");
      render_comma_list(c, order.keys);
      render_tiebreak(c);
    }
  }
  template <class B>
  void bind(B& b) const {
    if constexpr (limited) {
      order.bind(b);
      bind_source(b);
      bind_joins(b, joins);
      b(limit_n);
    } else {
      bind_joins(b, joins);
      bind_source(b);
    }
    if constexpr (!is_none_v<typename Req::order_type>) order.bind(b);
  }

 private:
  /// `"t" [INNER JOIN "via" ON "via"."target_fk" = "t"."key"]`
  template <class Ctx>
  void render_source(Ctx& c) const {
    c.ident(tag::table_name);
    if constexpr (through) {
      c.text(" INNER JOIN ");
      c.ident(rel::via_descriptor::table_tag::table_name);
      c.text(" ON ");
      typename rel::via_target::column{}.render(c);
      c.text(" = ");
      typename rel::target_key::column{}.render(c);
    }
  }
  /// ` WHERE owner IN (keys) [AND (filter)]`, the keys in one parameter.
  template <class Ctx>
  void render_where(Ctx& c) const {
    c.text(" WHERE ");
    owner_column{}.render(c);
    render_list_membership<Key, false>(c);
    if constexpr (!is_none_v<typename Req::filter_type>) {
      c.text(" AND ");
      render_child<prec_and, true>(filter, c);
    }
  }
  template <class B>
  void bind_source(B& b) const {
    b(list_param<Key>{&keys});
    filter.bind(b);
  }
  /// `, "t"."id" ASC`: the primary key breaks ties, so the order (and ROW_NUMBER) is stable. A key
  /// column the request already orders by is not repeated.
  template <class Ctx>
  void render_tiebreak(Ctx& c) const {
    using ordered = typename order_exprs<typename Req::order_type>::type;
    [&]<class... C>(type_list<C...>) {
      ((contains_v<ordered, C> ? void()
                               : (c.text(", "), c.ident(tag::table_name), c.text("."), c.ident(C::name), c.text(" ASC"))),
       ...);
    }(pk_columns{});
  }
};

}  // namespace quarry::detail
