#pragma once
/// \file quarry/query/group_by.hpp
/// GROUP BY and HAVING, and the rules that make a grouped select valid: every column used
/// outside an aggregate is grouped.

#include <tuple>
#include <type_traits>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/from.hpp"
#include "quarry/schema/alias.hpp"

namespace quarry::detail {

template <class... E>
struct group_clause {
  using grouped = type_list<E...>;
  using tables = merged_tables<E...>;
  pack<E...> exprs;
  template <class Ctx>
  void render(Ctx& c) const {
    check_text_decimals<Ctx, E...>();
    c.text(" GROUP BY ");
    render_comma_list(c, exprs);
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, exprs);
  }
};

template <class C>
struct having_clause {
  using tables = typename C::tables;
  using null_checks = typename null_checks_of<C>::type;
  C cond;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(" HAVING ");
    cond.render(c);
  }
  template <class B>
  void bind(B& b) const {
    cond.bind(b);
  }
};

template <class Group>
struct grouped_of {
  using type = type_list<>;
};
template <class... E>
struct grouped_of<group_clause<E...>> {
  using type = type_list<E...>;
};

/// SQL matches an expression with its GROUP BY / DISTINCT ON / select-list copy by its text, and
/// every bound value is its own parameter ($1 is not $2): an expression that binds a value never
/// matches another one, even of the same type.
template <class L, class E>
inline constexpr bool matches_in_v = contains_v<L, E> && !(E::flags & f_value);
/// E is a group_by() expression that binds a value (the case matches_in_v leaves out).
template <class G, class... E>
constexpr bool matches_bound_value(type_list<E...>) {
  return ((contains_v<G, E> && (E::flags & f_value) != 0) || ...);
}

/// What a grouped select may use outside aggregates: the group_by() expressions, and every
/// column of a table (or alias) whose whole primary key is grouped. That column is
/// functionally dependent on the key, which PostgreSQL (9.1+) and SQLite both accept.
template <class Grouped, class Determined>
struct grouping_scope {
  using exprs = Grouped;
  using determined = Determined;  // table tags whose primary key is grouped
};
/// An aggregate query without GROUP BY (one group: no column is determined).
using ungrouped_scope = grouping_scope<type_list<>, type_list<>>;

/// Source S (a FROM/JOIN item) has its whole primary key in G. Derived tables and CTEs have no
/// primary key.
template <class S, class G>
constexpr bool key_grouped() {
  if constexpr (table_descriptor<S> || is_aliased_table<S>::value) {
    using key = filter_t<is_key_column, typename source_columns<S>::type>;
    return key::size > 0 && is_subset_v<key, G>;
  } else {
    return false;
  }
}
template <class From, class G>
struct determined_tags {
  using type = type_list<>;
};
template <class... S, class G>
struct determined_tags<from_clause<S...>, G> {
  using type = concat_t<std::conditional_t<key_grouped<typename S::table, G>(), type_list<typename S::tag>, type_list<>>...>;
};
template <class From, class G>
using grouping_scope_of = grouping_scope<G, typename determined_tags<From, G>::type>;

template <class C>
struct table_tag_of {
  using type = void;
};
template <class C>
  requires requires { typename C::table_tag; }
struct table_tag_of<C> {
  using type = typename C::table_tag;
};
template <class Scope, class... C>
constexpr bool columns_grouped(type_list<C...>) {
  return ((matches_in_v<typename Scope::exprs, C> || contains_v<typename Scope::determined, typename table_tag_of<C>::type>) &&
          ...);
}

/// The one grouping rule, for the select list, having(), order_by() and distinct_on(): E is
/// valid when it is itself a group_by() expression, or uses no column outside an aggregate, or
/// every operand (expr/node.hpp operands_of) is valid by this rule. A column is valid when it
/// is grouped or its table's primary key is. The walk stops at the first node without bare
/// columns, so aggregates and constants cost one test.
template <class Scope, class E>
constexpr bool grouped_ok() {
  using bare = typename bare_columns_of<E>::type;
  if constexpr (bare::size == 0 || matches_in_v<typename Scope::exprs, E>) {
    return true;
  } else if constexpr (std::is_void_v<typename operands_of<E>::type>) {
    return columns_grouped<Scope>(bare{});  // a column, or a node that does not list its operands
  } else {
    return []<class... X>(type_list<X...>) { return (grouped_ok<Scope, X>() && ...); }(typename operands_of<E>::type{});
  }
}

template <class Scope, class... E>
constexpr bool all_grouped(type_list<E...>) {
  return (grouped_ok<Scope, E>() && ...);
}

}  // namespace quarry::detail
