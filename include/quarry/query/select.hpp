#pragma once
/// \file quarry/query/select.hpp
/// SELECT statements: `select(exprs...)` returns rows as std::tuple, `select(table)` returns the
/// table's row struct.
///
///     auto q = quarry::select(users.email, quarry::count(orders.id))
///                  .from(users)
///                  .left_join(orders).on(orders.user_id == users.id)
///                  .where(users.city == "Paris")
///                  .group_by(users.id, users.email)
///                  .having(quarry::count(orders.id) > 2)
///                  .order_by(users.email.asc())
///                  .limit(20);
///     for (auto [email, n] : db.query(q)) { ... }   // std::string, std::int64_t

#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/order.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/distinct.hpp"
#include "quarry/query/from.hpp"
#include "quarry/query/group_by.hpp"
#include "quarry/schema/alias.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
namespace detail {

template <class Tables, class Nullable>
inline constexpr bool any_in_v = []<class... X>(type_list<X...>) { return (contains_v<Nullable, X> || ...); }(Tables{});

/// Result type of expression E in a statement whose outer-join side is Nullable.
template <class E, class Nullable, bool Grouped>
struct result_type {
  using T = typename E::value_type;
  using type = std::conditional_t<any_in_v<typename E::tables, Nullable> && !is_optional_v<T>, std::optional<T>, T>;
};
/// sum/avg/min/max are NULL only for empty input: in a grouped select over an operand that
/// cannot be NULL, every group has a value.
template <class E, class Nullable, bool Grouped>
  requires requires { typename E::argument; }
struct result_type<E, Nullable, Grouped> {
  using A = typename E::argument;
  static constexpr bool arg_can_be_null =
      is_optional_v<typename A::value_type> || any_in_v<typename A::tables, Nullable>;
  using type = std::conditional_t<Grouped && !arg_can_be_null, strip_optional_t<typename E::value_type>,
                                  typename E::value_type>;
};

template <class... E>
struct select_list {
  using tables = merged_tables<E...>;
  using exprs_list = type_list<E...>;
  static constexpr unsigned flags = (0u | ... | E::flags);
  pack<E...> exprs;
  template <class Nullable, bool Grouped>
  using row_type = std::tuple<typename result_type<E, Nullable, Grouped>::type...>;
  template <class Ctx>
  void render(Ctx& c) const {
    render_comma_list(c, exprs);
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, exprs);
  }
};

/// Every column of table source S, in field order; the row type is S's struct (std::optional of
/// it when S is on the outer side of a join).
template <class S>
struct whole_row {
  using columns = typename source_columns<S>::type;
  using tables = type_list<typename S::table_tag>;
  using exprs_list = columns;
  static constexpr unsigned flags = f_bare_column;
  template <class Nullable, bool Grouped>
  using row_type = std::conditional_t<contains_v<Nullable, typename S::table_tag>,
                                      std::optional<typename S::row_type>, typename S::row_type>;
  template <class Ctx>
  void render(Ctx& c) const {
    bool first = true;
    [&]<class... C>(type_list<C...>) { ((c.text(first ? "" : ", "), first = false, C{}.render(c)), ...); }(columns{});
  }
  template <class B>
  void bind(B&) const {}
};

// Positions of the clauses in select_stmt::parts.
inline constexpr std::size_t p_fields = 0, p_from = 1, p_where = 2, p_group = 3, p_having = 4, p_order = 5,
                             p_limit = 6, p_offset = 7;
/// WITH (query/cte.hpp) is an optional ninth part: only `with(...).select(...)` appends it, so
/// the type of every other select stays as it was.
inline constexpr std::size_t p_with = 8;
/// DISTINCT [ON (...)] (query/distinct.hpp) is an optional tenth part, appended by distinct() and
/// distinct_on() (after a none p_with when there is no WITH).
inline constexpr std::size_t p_distinct = 9;

template <class Stmt, class S, join_kind K>
struct pending_join;

template <class L>
struct not_in {
  template <class T>
  struct pred : std::bool_constant<!contains_v<L, T>> {};
};
struct void_source {
  struct table_tag {};
};

/// The clauses of a select_stmt: a pack (core/detail/pack.hpp), a flat aggregate with one base
/// per clause instead of std::tuple, whose recursive layout and constrained constructors are
/// costly to instantiate for every intermediate statement type a builder chain creates.
template <class... P>
using parts_of = pack<P...>;
template <std::size_t I, class T>
T part_type_of(const pack_leaf<I, T>&);
/// Off, Off + 1, ..., Off + N - 1.
template <std::size_t Off, std::size_t... K>
std::index_sequence<(Off + K)...> shift_sequence(std::index_sequence<K...>);
template <std::size_t Off, std::size_t N>
using shifted_sequence = decltype(shift_sequence<Off>(std::make_index_sequence<N>{}));
template <std::size_t I, class T>
T part_type_or_none(const pack_leaf<I, T>&);
template <std::size_t I>
none part_type_or_none(...);

template <class... P>
struct select_stmt {
  parts_of<P...> parts;

  template <std::size_t I>
  using part_t = decltype(part_type_of<I>(std::declval<const parts_of<P...>&>()));
  using fields_type = part_t<p_fields>;
  using from_type = part_t<p_from>;
  using group_type = part_t<p_group>;
  static constexpr bool grouped = !is_none_v<group_type>;
  /// Whether this select returns exactly one row whatever the data: it aggregates without GROUP
  /// BY, HAVING, LIMIT or OFFSET (a scalar subquery of it is not optional: expr/subquery.hpp).
  static constexpr bool one_row = !grouped && (fields_type::flags & f_aggregate) != 0 &&
                                  is_none_v<part_t<p_having>> && is_none_v<part_t<p_limit>> &&
                                  is_none_v<part_t<p_offset>>;
  using row_type = typename fields_type::template row_type<nullable_tables_of<from_type>, grouped>;
  /// The with(...) clause, or none.
  using with_type = decltype(part_type_or_none<p_with>(std::declval<const parts_of<P...>&>()));
  /// CTEs this statement defines (read by a compound's later selects too).
  using cte_tags = typename cte_tags_of<with_type>::type;
  /// The distinct() / distinct_on(...) clause, or none.
  using distinct_type = decltype(part_type_or_none<p_distinct>(std::declval<const parts_of<P...>&>()));

  /// The same statement with clause I replaced by x.
  template <std::size_t I, class X>
  constexpr auto with(X x) const {
    return with_split<I>(std::move(x), std::make_index_sequence<I>{}, shifted_sequence<I + 1, sizeof...(P) - I - 1>{});
  }
  /// (The clauses before and after I are copied as the pack's bases: no function is instantiated
  /// per clause and builder step, which a chain of builder calls would multiply.)
  template <std::size_t I, class X, std::size_t... B, std::size_t... A>
  constexpr auto with_split(X x, std::index_sequence<B...>, std::index_sequence<A...>) const {
    return select_stmt<part_t<B>..., X, part_t<A>...>{{static_cast<const pack_leaf<B, part_t<B>>&>(parts)...,
                                                        pack_leaf<I, X>{std::move(x)},
                                                        static_cast<const pack_leaf<A, part_t<A>>&>(parts)...}};
  }

  /// The same statement with part X appended (p_with, then p_distinct).
  template <class X>
  constexpr auto append_part(X x) const {
    return [&]<std::size_t... J>(std::index_sequence<J...>) {
      return select_stmt<P..., X>{{static_cast<const pack_leaf<J, part_t<J>>&>(parts)...,
                                   pack_leaf<sizeof...(P), X>{std::move(x)}}};
    }(std::index_sequence_for<P...>{});
  }

  /// SELECT DISTINCT: duplicate rows appear once. order_by() may then use only selected
  /// expressions (PostgreSQL 42P10).
  constexpr auto distinct() const {
    static_assert(is_none_v<distinct_type>, "quarry: distinct() or distinct_on() is already given");
    if constexpr (sizeof...(P) == p_with)
      return append_part(none{}).append_part(distinct_clause<>{});
    else
      return append_part(distinct_clause<>{});
  }
  /// SELECT DISTINCT ON (exprs) (PostgreSQL only): the first row of each group of equal exprs,
  /// in order_by() order, whose leftmost keys must be exprs.
  template <class... E>
  constexpr auto distinct_on(E&&... e) const {
    static_assert(sizeof...(E) > 0, "quarry: distinct_on() needs at least one expression; use distinct() for whole rows");
    static_assert(is_none_v<distinct_type>, "quarry: distinct() or distinct_on() is already given");
    static_assert((expression<std::remove_cvref_t<E>> && ...), "quarry: distinct_on() takes columns or expressions");
    static_assert(!(named_select_item<std::remove_cvref_t<E>> || ...),
                  "quarry: an expression named with .as<\"name\">() can only be selected; use the "
                  "expression without .as in distinct_on()");
    check_placement<place::distinct_on, (0u | ... | std::remove_cvref_t<E>::flags)>();
    using D = distinct_clause<std::remove_cvref_t<E>...>;
    if constexpr (sizeof...(P) == p_with)
      return append_part(none{}).append_part(D{{{std::forward<E>(e)}...}});
    else
      return append_part(D{{{std::forward<E>(e)}...}});
  }

  /// FROM table (or alias, derived table, CTE).
  template <class S>
  constexpr auto from(const S& s) const {
    static_assert(is_none_v<from_type>, "quarry: from() is already given (select(table) implies FROM table)");
    static_assert(table_source<S>, "quarry: from() takes a table descriptor or an alias");
    return with<p_from>(make_from(s));
  }

  /// [INNER] JOIN table ON ...; must be followed by .on(condition).
  template <class S>
  constexpr auto join(const S& s) const {
    return start_join<S, join_kind::inner>(s);
  }
  /// LEFT JOIN: the joined table's columns read as std::optional.
  template <class S>
  constexpr auto left_join(const S& s) const {
    return start_join<S, join_kind::left>(s);
  }
  /// RIGHT JOIN: the columns of the tables before it read as std::optional.
  template <class S>
  constexpr auto right_join(const S& s) const {
    return start_join<S, join_kind::right>(s);
  }
  /// FULL JOIN: both sides read as std::optional.
  template <class S>
  constexpr auto full_join(const S& s) const {
    return start_join<S, join_kind::full>(s);
  }
  /// CROSS JOIN (no condition).
  template <class S>
  constexpr auto cross_join(const S& s) const {
    check_join<S>();
    return with<p_from>(get_item<p_from>(parts).add(make_source<join_kind::cross>(s)));
  }

  /// WHERE condition. Every column must belong to a table in FROM/JOIN; no aggregates.
  template <class C>
  constexpr auto where(C&& cond) const {
    using X = std::remove_cvref_t<C>;
    static_assert(!is_none_v<from_type>, "quarry: call from() before where()");
    static_assert(is_none_v<part_t<p_where>>, "quarry: where() is already given; combine conditions with &&");
    check_where_condition<X>();
    return with<p_where>(where_clause<X>{std::forward<C>(cond)});
  }

  /// GROUP BY expressions.
  template <class... E>
  constexpr auto group_by(E&&... e) const {
    static_assert(sizeof...(E) > 0, "quarry: group_by() needs at least one expression");
    static_assert(!is_none_v<from_type>, "quarry: call from() before group_by()");
    static_assert(is_none_v<group_type>, "quarry: group_by() is already given; pass all keys in one call");
    static_assert((expression<std::remove_cvref_t<E>> && ...), "quarry: group_by() takes columns or expressions");
    static_assert(!(named_select_item<std::remove_cvref_t<E>> || ...),
                  "quarry: an expression named with .as<\"name\">() can only be selected; use the "
                  "expression without .as in group_by()");
    check_placement<place::group_by, (0u | ... | std::remove_cvref_t<E>::flags)>();
    using G = group_clause<std::remove_cvref_t<E>...>;
    return with<p_group>(G{{{std::forward<E>(e)}...}});
  }

  /// HAVING condition over aggregates and grouped columns.
  template <class C>
  constexpr auto having(C&& cond) const {
    using X = std::remove_cvref_t<C>;
    static_assert(grouped, "quarry: having() needs group_by(); filter rows with where()");
    static_assert(is_none_v<part_t<p_having>>, "quarry: having() is already given; combine conditions with &&");
    static_assert(boolean_expression<X>, "quarry: having() takes a condition (a boolean expression)");
    static_assert(!named_select_item<X>,
                  "quarry: an expression named with .as<\"name\">() can only be selected; use the "
                  "expression without .as in where() and having()");
    check_placement<place::having, X::flags>();
    static_assert(grouped_ok<grouping_scope_of<from_type, typename grouped_of<group_type>::type>, X>(),
                  "quarry: having() uses a column that is neither grouped nor inside an aggregate");
    return with<p_having>(having_clause<X>{std::forward<C>(cond)});
  }

  /// ORDER BY keys (`col`, `col.asc()`, `col.desc(quarry::nulls_last)`).
  template <class... K>
  constexpr auto order_by(K&&... keys) const {
    static_assert(sizeof...(K) > 0, "quarry: order_by() needs at least one key");
    static_assert(is_none_v<part_t<p_order>>, "quarry: order_by() is already given; pass all keys in one call");
    using O = order_clause<decltype(to_order_key(std::forward<K>(keys)))...>;
    static_assert(!is_none_v<from_type>, "quarry: call from() before order_by()");
    return with<p_order>(O{{{to_order_key(std::forward<K>(keys))}...}});
  }

  /// LIMIT n (a bound parameter).
  constexpr auto limit(std::int64_t n) const {
    static_assert(is_none_v<part_t<p_limit>>, "quarry: limit() is already given");
    return with<p_limit>(limit_clause{n});
  }
  /// OFFSET n (a bound parameter). Deep pages cost O(n): prefer keyset pagination.
  constexpr auto offset(std::int64_t n) const {
    static_assert(is_none_v<part_t<p_offset>>, "quarry: offset() is already given");
    return with<p_offset>(offset_clause{n});
  }

  /// Eager loading (quarry/orm/eager.hpp): `select(users).with(user_orders, user_profile)`,
  /// run with `db.load(q)`. The relations load in one statement per level, never lazily.
  template <class R, class... Rs>
    requires requires { typename R::relation; }
  constexpr auto with(const R& r, const Rs&... rs) const {
    // The levels render the statement's clauses themselves (orm/level.hpp), and a distinct parent
    // query would need its own DISTINCT there; filtering the parents is what it is used for.
    static_assert(is_none_v<distinct_type>,
                  "quarry: eager loading (with(relations)) of a distinct() select is not supported; select "
                  "each parent once with where(quarry::exists(...)) instead of a join that repeats it");
    return make_eager_query(*this, r, rs...);  // found by ADL in quarry/orm/eager.hpp
  }

  // ---- used by rendering and execution ----
  template <class Ctx>
  void render(Ctx& c) const {
    validate();
    render_body(c);
  }
  template <class Ctx>
  void render_body(Ctx& c) const {
    if constexpr (sizeof...(P) > p_with) get_item<p_with>(parts).render(c);
    c.text("SELECT ");
    if constexpr (sizeof...(P) > p_distinct) get_item<p_distinct>(parts).render(c);
    get_item<p_fields>(parts).render(c);
    get_item<p_from>(parts).render(c);
    get_item<p_where>(parts).render(c);
    get_item<p_group>(parts).render(c);
    get_item<p_having>(parts).render(c);
    get_item<p_order>(parts).render(c);
    render_limit_offset<Ctx, part_t<p_limit>, part_t<p_offset>>(c);
  }
  template <class B>
  void bind(B& b) const {
    if constexpr (sizeof...(P) > p_with) get_item<p_with>(parts).bind(b);
    if constexpr (sizeof...(P) > p_distinct) get_item<p_distinct>(parts).bind(b);
    get_item<p_fields>(parts).bind(b);
    get_item<p_from>(parts).bind(b);
    get_item<p_where>(parts).bind(b);
    get_item<p_group>(parts).bind(b);
    get_item<p_having>(parts).bind(b);
    get_item<p_order>(parts).bind(b);
    bind_limit_offset(b, get_item<p_limit>(parts), get_item<p_offset>(parts));
  }

  /// Tables this statement references that are not its own sources (a correlated subquery's
  /// outer tables; empty for a valid top-level statement).
  using outer_tables = typename std::conditional_t<
      is_none_v<from_type>, std::type_identity<type_list<>>,
      filter<not_in<typename std::conditional_t<is_none_v<from_type>, from_table<void_source>, from_type>::sources>::template pred,
             concat_t<typename fields_type::tables, typename part_t<p_from>::cond_tables_or_none,
                      typename part_t<p_where>::tables, typename part_t<p_group>::tables,
                      typename part_t<p_having>::tables, typename part_t<p_order>::tables,
                      typename distinct_type::tables>>>::type;

  /// Whole-statement rules. A subquery (TopLevel = false) may reference outer tables. CteScope:
  /// CTEs defined by an enclosing statement (a compound's first select).
  template <bool TopLevel = true, class CteScope = type_list<>>
  static constexpr void validate() {
    static_assert(!is_none_v<from_type> || fields_type::tables::size == 0, "quarry: this select() has no from(table)");
    using cte_scope = concat_t<CteScope, cte_tags>;
    if constexpr (cte_scope::size > 0) check_cte_names<cte_scope, reads_of_t<select_stmt>>();
    if constexpr (!is_none_v<from_type>) {
      using sources = typename from_type::sources;
      using nullable = nullable_tables_of<from_type>;
      if constexpr (!TopLevel && outer_tables::size > 0) check_outer_names<outer_tables, sources>();
      if constexpr (TopLevel) {
        check_no_excluded<concat_t<typename fields_type::tables, typename part_t<p_from>::cond_tables_or_none,
                                   typename part_t<p_group>::tables, typename part_t<p_order>::tables>>();
        static_assert(is_subset_v<filter_t<is_cte_tag, sources>, concat_t<CteScope, cte_tags>>,
                      "quarry: from()/join() reads a CTE that this statement does not define; start it "
                      "with quarry::with(cte).select(...) (with_recursive for a recursive_cte)");
        static_assert(is_subset_v<typename fields_type::tables, sources>,
                      "quarry: a selected column's table is not in FROM or JOIN; add the table with "
                      ".from() or .join()");
        static_assert(is_subset_v<typename from_type::cond_tables_or_none, sources>,
                      "quarry: on() uses a column whose table is not in FROM or JOIN");
        static_assert(is_subset_v<typename part_t<p_where>::tables, sources>,
                      "quarry: where() uses a column whose table is not in FROM or JOIN; add the table "
                      "with .from() or .join()");
        static_assert(is_subset_v<typename part_t<p_group>::tables, sources>,
                      "quarry: group_by() uses a column whose table is not in FROM or JOIN");
        static_assert(is_subset_v<typename part_t<p_having>::tables, sources>,
                      "quarry: having() uses a column whose table is not in FROM or JOIN");
        static_assert(is_subset_v<typename part_t<p_order>::tables, sources>,
                      "quarry: order_by() uses a column whose table is not in FROM or JOIN");
        static_assert(is_subset_v<typename distinct_type::tables, sources>,
                      "quarry: distinct_on() uses a column whose table is not in FROM or JOIN");
      }
      using where_t = part_t<p_where>;
      if constexpr (!is_none_v<where_t>) {
        static_assert(null_checks_ok<sources, nullable, typename where_t::null_checks>::value,
                      "quarry: is_null()/is_not_null() on an expression that can never be NULL (a NOT "
                      "NULL column outside an outer join); the test is constant");
      }
      using exprs = typename fields_type::exprs_list;
      using order_t = part_t<p_order>;
      using order_exprs = typename order_exprs_of<order_t>::type;
      using on_exprs = typename distinct_on_exprs_of<distinct_type>::type;
      // One grouping rule (query/group_by.hpp) for the select list, ORDER BY and DISTINCT ON.
      if constexpr (grouped) {
        using scope = grouping_scope_of<from_type, typename grouped_of<group_type>::type>;
        static_assert(!matches_bound_value<typename scope::exprs>(concat_t<exprs, order_exprs, on_exprs>{}),
                      "quarry: a selected or order_by() expression that binds a value cannot match its "
                      "group_by() copy (each value is its own parameter: PostgreSQL rejects it); group by "
                      "and select value-free expressions, or group in a derived table");
        static_assert(all_grouped<scope>(exprs{}),
                      "quarry: a selected column is neither in group_by() nor inside an aggregate; "
                      "group it or aggregate it");
        static_assert(all_grouped<scope>(order_exprs{}),
                      "quarry: order_by() in a grouped select may only use grouped columns and "
                      "aggregates");
        static_assert(all_grouped<scope>(on_exprs{}),
                      "quarry: distinct_on() uses a column that is neither grouped nor inside an "
                      "aggregate; group it or aggregate it");
      } else if constexpr ((fields_type::flags & f_aggregate) != 0) {
        static_assert(all_grouped<ungrouped_scope>(exprs{}),
                      "quarry: the select list mixes aggregates and plain columns without group_by(); "
                      "add group_by(...) with the plain columns");
        static_assert(all_grouped<ungrouped_scope>(order_exprs{}),
                      "quarry: order_by() uses a plain column in an aggregate select without group_by() "
                      "(one row); add group_by(...) with that column, or order by an aggregate");
        static_assert(all_grouped<ungrouped_scope>(on_exprs{}),
                      "quarry: distinct_on() uses a column that is neither grouped nor inside an "
                      "aggregate; group it or aggregate it");
      } else if constexpr (((order_t::flags | distinct_type::flags) & f_aggregate) != 0) {
        // An aggregate anywhere makes the select an aggregate query of one row: PostgreSQL then
        // rejects the plain columns, SQLite silently returns one arbitrary row.
        static_assert(all_grouped<ungrouped_scope>(exprs{}),
                      "quarry: order_by() uses an aggregate in a select without group_by(), which makes it "
                      "a one-row aggregate query, but the select list has plain columns; add "
                      "group_by(...) with the plain columns, or order by a plain column");
        static_assert(all_grouped<ungrouped_scope>(order_exprs{}) && all_grouped<ungrouped_scope>(on_exprs{}),
                      "quarry: order_by() uses a plain column in an aggregate select without group_by() "
                      "(one row); add group_by(...) with that column, or order by an aggregate");
      }
      if constexpr (!is_none_v<distinct_type>) {
        if constexpr (on_exprs::size == 0) {
          static_assert(distinct_order_selected<exprs>(order_exprs{}),
                        "quarry: order_by() of a distinct() select may only use selected expressions "
                        "(PostgreSQL 42P10); select the key too, or order by a selected expression");
        } else {
          static_assert(distinct_on_order_ok<on_exprs>(order_exprs{}),
                        "quarry: the leftmost order_by() keys of a distinct_on() select must be its "
                        "distinct_on() expressions (PostgreSQL 42P10); order by them first, then by the "
                        "keys that pick each group's row");
        }
      }
    }
  }

  /// Renders as a subquery (outer tables allowed).
  template <class Ctx>
  void render_subquery(Ctx& c) const {
    validate<false>();
    render_body(c);
  }

 private:
  template <class S>
  static constexpr void check_join() {
    static_assert(!is_none_v<from_type>, "quarry: call from() before joining tables");
    static_assert(table_source<S>, "quarry: join() takes a table descriptor or an alias");
    static_assert(is_none_v<part_t<p_where>> && is_none_v<group_type> && is_none_v<part_t<p_order>>,
                  "quarry: joins come before where(), group_by() and order_by()");
    static_assert(!contains_v<typename from_type::sources, typename S::table_tag>,
                  "quarry: this table is already in FROM or JOIN; join it again through "
                  "quarry::alias<\"name\">(table)");
    if constexpr (!contains_v<typename from_type::sources, typename S::table_tag>)
      check_source_name<typename S::table_tag, typename from_type::sources>();
  }
  template <class S, join_kind K>
  constexpr auto start_join(const S& s) const {
    check_join<S>();
    return pending_join<select_stmt, S, K>{*this, source_data_of(s)};
  }
  template <class, class, join_kind>
  friend struct pending_join;
};

/// A join waiting for its ON condition. Anything but .on() is a compile error that says so.
template <class Stmt, class S, join_kind K>
struct pending_join {
  Stmt stmt;
  source_data_t<S> data;  // a derived table's query
  using fields_type = typename Stmt::fields_type;
  using row_type = typename Stmt::row_type;

  template <class C>
  constexpr auto on(C&& cond) const {
    using X = std::remove_cvref_t<C>;
    static_assert(boolean_expression<X>, "quarry: on() takes a condition (a boolean expression)");
    check_placement<place::on, X::flags>();
    return stmt.template with<p_from>(get_item<p_from>(stmt.parts).add(source<S, K, X>{std::forward<C>(cond), data}));
  }

#define QUARRY_DETAIL_NEEDS_ON(name)                                                                     \
  template <class... A>                                                                                  \
  constexpr pending_join name(A&&...) const {                                                            \
    static_assert(always_false<A...>, "quarry: a join needs .on(condition) right after join(table)"); \
    return *this;                                                                                        \
  }
  QUARRY_DETAIL_NEEDS_ON(where)
  QUARRY_DETAIL_NEEDS_ON(join)
  QUARRY_DETAIL_NEEDS_ON(left_join)
  QUARRY_DETAIL_NEEDS_ON(right_join)
  QUARRY_DETAIL_NEEDS_ON(full_join)
  QUARRY_DETAIL_NEEDS_ON(cross_join)
  QUARRY_DETAIL_NEEDS_ON(group_by)
  QUARRY_DETAIL_NEEDS_ON(having)
  QUARRY_DETAIL_NEEDS_ON(order_by)
  QUARRY_DETAIL_NEEDS_ON(limit)
  QUARRY_DETAIL_NEEDS_ON(offset)
#undef QUARRY_DETAIL_NEEDS_ON
  template <class Ctx>
  void render(Ctx&) const {
    static_assert(always_false<Ctx>, "quarry: a join needs .on(condition) right after join(table)");
  }
  template <class B>
  void bind(B&) const {}
};

}  // namespace detail

/// SELECT of expressions (rows are std::tuple of their types), or `select(table)`: every column
/// of a table FROM that table (rows are the table's row struct).
template <class... A>
constexpr auto select(A&&... a) {
  using N = detail::none;
  if constexpr (sizeof...(A) == 1 && (table_source<A> && ...)) {
    using S = typename detail::first<detail::type_list<std::remove_cvref_t<A>...>>::type;
    if constexpr (table_descriptor<S>) static_assert(detail::descriptor_traits<S>::valid);
    return detail::select_stmt<detail::whole_row<S>, detail::from_table<S>, N, N, N, N, N, N>{
        {{}, {detail::make_from(a...)}, {}, {}, {}, {}, {}, {}}};
  } else {
    static_assert(sizeof...(A) > 0, "quarry: select() needs at least one column or expression");
    static_assert((detail::expression<std::remove_cvref_t<A>> && ...),
                  "quarry: select() takes columns and expressions, or a single table; wrap a constant "
                  "in a column expression or select it with where()");
    using L = detail::select_list<std::remove_cvref_t<A>...>;
    return detail::select_stmt<L, N, N, N, N, N, N, N>{
        {{L{{{std::forward<A>(a)}...}}}, {}, {}, {}, {}, {}, {}, {}}};
  }
}

}  // namespace quarry
