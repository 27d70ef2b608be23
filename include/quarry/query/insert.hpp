#pragma once
/// \file quarry/query/insert.hpp
/// INSERT statements, upserts and RETURNING.
///
///     quarry::insert_into(users).values(u)                        // every column but the identity
///     quarry::insert_into(users).set(users.email = "a@b.c", ...)  // some columns; the rest must
///                                                                 // be nullable or have a default
///     quarry::insert_into(archive).columns(archive.id, archive.email).select(q)   // INSERT ... SELECT
///     quarry::insert_into(users).values(u)
///         .on_conflict(users.email).do_update(users.age = quarry::excluded(users.age))
///         .returning(users.id)

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <memory>
#include <ranges>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/expr/assign.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/returning.hpp"
#include "quarry/query/update.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
/// At most `n` rows per INSERT statement of a multi-row insert `insert_into(t).values(range)`;
/// the parameter limit may make batches smaller (query/insert_rows.hpp).
struct max_rows {
  std::size_t n = 1000;
};
namespace detail {

template <class D, class R>
struct rows_source;  // query/insert_rows.hpp

template <class C>
struct is_not_identity : std::bool_constant<!C::is_identity> {};
template <class D>
using insert_columns = filter_t<is_not_identity, columns_of<D>>;

template <class D, class Ctx, class... C>
void render_column_list(Ctx& c, type_list<C...>) {
  c.text("INSERT INTO ");
  c.ident(D::table_tag::table_name);
  c.text(" (");
  bool first = true;
  ((c.text(first ? "" : ", "), first = false, c.ident(C::name)), ...);
  c.text(")");
}
template <class Ctx, class... C>
void render_values_row(Ctx& c, type_list<C...>) {
  c.text(" VALUES (");
  bool first = true;
  ((c.text(first ? "" : ", "), first = false, (void)sizeof(C), c.param()), ...);
  c.text(")");
}

/// VALUES from one row object (all columns but an identity).
template <class A, class B>
struct columns_match_kinds : std::false_type {};
template <class... A, class... B>
  requires(sizeof...(A) == sizeof...(B))
struct columns_match_kinds<type_list<A...>, type_list<B...>>
    : std::bool_constant<(comparable(kind_of<typename A::value_type>, kind_of<typename B::value_type>) && ...)> {};

/// assignment_rule (expr/assign.hpp) of each target column and the value selected for it.
/// A selected value can be NULL when its expression can, or when the row says so (the outer
/// side of a join: its columns are std::optional in the row tuple, not in the expression).
template <class Row, std::size_t I, class E>
constexpr bool selected_nullable() {
  if constexpr (requires { typename std::tuple_element_t<I, Row>; })
    return is_optional_v<std::tuple_element_t<I, Row>> || is_optional_v<typename E::value_type>;
  else
    return is_optional_v<Row> || is_optional_v<typename E::value_type>;
}
template <class Row, class Cols, class Exprs>
struct assignment_rules;
template <class Row, class... C, class... E>
struct assignment_rules<Row, type_list<C...>, type_list<E...>> {
  static constexpr bool null_ok = []<std::size_t... I>(std::index_sequence<I...>) {
    return ((C::nullable || !selected_nullable<Row, I, E>()) && ...);
  }(std::index_sequence_for<C...>{});
  static constexpr bool real_ok = (assignment_rule<typename C::value_type, E>::real_ok && ...);
  static constexpr bool width_ok = (assignment_rule<typename C::value_type, E>::width_ok && ...);
  // A value selected by the SELECT is bound in its kind's default form (it meets no column there),
  // so it counts as default-form here, unlike a value compared with or assigned to the column.
  static constexpr bool form_ok = (compatible_storage(storage_of<E>(), C::storage) && ...);
};

template <class D>
struct row_source {
  static constexpr bool is_select = false;
  using columns = insert_columns<D>;
  using tables = type_list<>;
  const typename D::row_type* row;  // the caller's object: run the statement while it lives
  template <class Ctx>
  void render(Ctx& c) const {
    render_column_list<D>(c, columns{});
    render_values_row(c, columns{});
  }
  template <class B>
  void bind(B& b) const {
    [&]<class... C>(type_list<C...>) { (bind_field<C>(b, boost::pfr::get<C::field_index>(*row)), ...); }(columns{});
  }
};

/// VALUES of a whole object given as a temporary: the statement keeps a copy, so it stays valid
/// when stored (`auto s = insert_into(t).values(Row{...});`).
template <class D>
struct owned_row_source {
  static constexpr bool is_select = false;
  using columns = insert_columns<D>;
  using tables = type_list<>;
  typename D::row_type value;
  template <class Ctx>
  void render(Ctx& c) const {
    render_column_list<D>(c, columns{});
    render_values_row(c, columns{});
  }
  template <class B>
  void bind(B& b) const {
    [&]<class... C>(type_list<C...>) { (bind_field<C>(b, boost::pfr::get<C::field_index>(value)), ...); }(columns{});
  }
};
template <class S>
inline constexpr bool is_row_source_v = false;
template <class D>
inline constexpr bool is_row_source_v<row_source<D>> = true;
template <class D>
inline constexpr bool is_row_source_v<owned_row_source<D>> = true;

/// VALUES from assignments.
template <class D, class... A>
struct set_source {
  static constexpr bool is_select = false;
  using columns = type_list<typename A::column_type...>;
  pack<A...> sets;
  template <class Ctx>
  void render(Ctx& c) const {
    render_column_list<D>(c, columns{});
    c.text(" VALUES (");
    bool first = true;
    apply_pack([&](const auto&... a) { ((c.text(first ? "" : ", "), first = false, a.v.render(c)), ...); }, sets);
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, sets);
  }
};

/// INSERT ... SELECT.
template <class D, class Q, class... C>
struct select_source {
  static constexpr bool is_select = true;
  using columns = type_list<C...>;
  using tables = type_list<>;
  Q q;
  template <class Ctx>
  void render(Ctx& c) const {
    render_column_list<D>(c, columns{});
    c.text(" ");
    q.render(c);
  }
  template <class B>
  void bind(B& b) const {
    q.bind(b);
  }
};

/// `excluded."col"` inside do_update(): the value the conflicting insert proposed.
template <class C>
struct excluded_expr : expr_ops<excluded_expr<C>> {
  using value_type = typename C::value_type;
  using tables = type_list<excluded_row<typename C::table_tag>>;  // in scope in DO UPDATE only
  static constexpr storage_format storage = C::storage;  // the proposed value, stored like the column
  static constexpr unsigned flags = C::flags & f_stored;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text("excluded.");
    c.ident(C::name);
  }
  template <class B>
  void bind(B&) const {}
};

template <class C>
struct is_excluded_node<excluded_expr<C>> : std::true_type {};

struct do_nothing_t {};
template <class Where, class... A>
struct do_update_t {
  pack<A...> sets;
  Where where_;
};

template <class Target, class Action>
struct conflict_clause {
  Action action;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(" ON CONFLICT (");
    bool first = true;
    [&]<class... C>(type_list<C...>) { ((c.text(first ? "" : ", "), first = false, c.ident(C::name)), ...); }(Target{});
    c.text(")");
    if constexpr (std::is_same_v<Action, do_nothing_t>) {
      c.text(" DO NOTHING");
    } else {
      c.text(" DO UPDATE SET ");
      // As in UPDATE: bare targets, qualified values ("t"."n" + excluded."n"). Unqualified values
      // would bind to a subquery's table, and PostgreSQL may call them ambiguous.
      render_comma_list(c, action.sets);
      action.where_.render(c);
    }
  }
  template <class B>
  void bind(B& b) const {
    if constexpr (!std::is_same_v<Action, do_nothing_t>) {
      bind_all(b, action.sets);
      action.where_.bind(b);
    }
  }
};

/// With PostgreSQL the generated id comes back through RETURNING; SQLite reads last_insert_rowid.
template <class D, class Ctx>
void render_returning_id(Ctx& c) {
  if constexpr (descriptor_traits<D>::has_identity && Ctx::dialect::array_parameters) {
    [&]<class... C>(type_list<C...>) {
      ((C::is_identity ? (c.text(" RETURNING "), c.ident(C::name), 0) : 0), ...);
    }(columns_of<D>{});
  }
}

template <class D, class Source, class Conflict, class Returning>
struct insert_stmt;

template <class Conflict>
inline constexpr bool is_do_update_v = false;
template <class T, class W, class... A>
inline constexpr bool is_do_update_v<conflict_clause<T, do_update_t<W, A...>>> = true;

/// What DO UPDATE's SET and WHERE may read: the existing row and the proposed one.
template <class D>
using upsert_scope = type_list<typename D::table_tag, excluded_row<typename D::table_tag>>;

template <class D, class Stmt, class Target>
struct conflict_builder {
  Stmt stmt;
  /// ON CONFLICT (...) DO NOTHING
  constexpr auto do_nothing() const { return stmt.with_conflict(conflict_clause<Target, do_nothing_t>{}); }
  /// ON CONFLICT (...) DO UPDATE SET col = value, ... (use quarry::excluded(col) for the new value)
  template <class... A>
  constexpr auto do_update(A&&... a) const {
    static_assert(sizeof...(A) > 0, "quarry: do_update() needs at least one assignment");
    static_assert((is_assignment<std::remove_cvref_t<A>>::value && ...),
                  "quarry: do_update() takes assignments: do_update(t.col = quarry::excluded(t.col))");
    static_assert(((std::is_same_v<typename std::remove_cvref_t<A>::column_type::table_tag, typename D::table_tag>) && ...),
                  "quarry: do_update() assigns a column of another table");
    static_assert(columns_distinct<std::remove_cvref_t<A>...>(), "quarry: do_update() assigns the same column twice");
    check_placement<place::do_update, (0u | ... | std::remove_cvref_t<A>::flags)>();
    static_assert(set_values_read_only<upsert_scope<D>, std::remove_cvref_t<A>...>(),
                  "quarry: do_update() uses excluded(col) of another table than the insert target, or a "
                  "column of another table; use the inserted table's columns and excluded(t.col) of them");
    using Act = do_update_t<none, std::remove_cvref_t<A>...>;
    return stmt.with_conflict(conflict_clause<Target, Act>{Act{{{std::forward<A>(a)}...}, {}}});
  }
};

template <class D, class Source, class Conflict, class Returning>
struct insert_stmt : returning_traits<Returning> {
  using descriptor = D;
  Source source;
  Conflict conflict;
  Returning returning_;

  /// ON CONFLICT (columns): the columns must form a primary key or be unique.
  template <class... C>
  constexpr auto on_conflict(const C&...) const {
    static_assert(is_none_v<Conflict>, "quarry: on_conflict() is already given");
    static_assert(sizeof...(C) > 0, "quarry: on_conflict() names the unique columns that conflict");
    static_assert(((is_column_v<C> && std::is_same_v<typename C::table_tag, typename D::table_tag>) && ...),
                  "quarry: on_conflict() takes columns of the inserted table");
    static_assert(sizeof...(C) == 1 ? ((C::is_unique || (C::is_primary_key && descriptor_traits<D>::primary_key_size == 1)) && ...)
                                    : ((C::is_primary_key && ...) && sizeof...(C) == descriptor_traits<D>::primary_key_size),
                  "quarry: on_conflict() columns must be the primary key or a unique column");
    return conflict_builder<D, insert_stmt, type_list<C...>>{*this};
  }
  /// WHERE on the DO UPDATE of an upsert: update only when the condition holds.
  template <class Cond>
  constexpr auto where(Cond&& cond) const {
    static_assert(!is_none_v<Conflict>, "quarry: where() on an insert applies to on_conflict(...).do_update(...)");
    static_assert(is_none_v<Conflict> || is_do_update_v<Conflict>,
                  "quarry: where() on an insert filters on_conflict(...).do_update(...); do_nothing() takes "
                  "no where()");
    using X = std::remove_cvref_t<Cond>;
    check_where_condition<X, true>();
    static_assert(is_subset_v<typename X::tables, upsert_scope<D>>,
                  "quarry: the upsert's where() uses excluded(col) of another table than the insert "
                  "target, or a column of another table; use the inserted table's columns and "
                  "excluded(t.col) of them");
    if constexpr (!is_do_update_v<Conflict>) {
      return *this;  // reported above; returning keeps follow-on errors away
    } else {
      return [&]<class T, class W, class... A>(const conflict_clause<T, do_update_t<W, A...>>& cc) {
        static_assert(is_none_v<W>, "quarry: the upsert's where() is already given");
        using Act = do_update_t<where_clause<X>, A...>;
        return insert_stmt<D, Source, conflict_clause<T, Act>, Returning>{
            {}, source, {Act{cc.action.sets, where_clause<X>{std::forward<Cond>(cond)}}}, returning_};
      }(conflict);
    }
  }
  /// RETURNING expressions: the statement then returns rows through db.query().
  template <class... E>
  constexpr auto returning(E&&... e) const {
    static_assert(is_none_v<Returning>, "quarry: returning() is already given");
    auto r = make_returning<D>(std::forward<E>(e)...);
    return insert_stmt<D, Source, Conflict, decltype(r)>{{}, source, conflict, std::move(r)};
  }

  template <class X>
  constexpr auto with_conflict(X x) const {
    return insert_stmt<D, Source, X, Returning>{{}, source, std::move(x), returning_};
  }

  template <class Ctx>
  void render(Ctx& c) const {
    source.render(c);
    if constexpr (!is_none_v<Conflict>) {
      if constexpr (Source::is_select) c.text(" WHERE true");  // SQLite: ON CONFLICT after SELECT
      conflict.render(c);
    }
    if constexpr (is_none_v<Returning>) {
      // db.insert(table, row) reads the generated id; on PostgreSQL it comes back here.
      if constexpr (is_row_source_v<Source>) render_returning_id<D>(c);
    } else {
      returning_.render(c);
    }
  }
  template <class B>
  void bind(B& b) const {
    source.bind(b);
    conflict.bind(b);
    returning_.bind(b);
  }
};

template <class Set, class... C>
constexpr bool required_columns_set(type_list<C...>) {
  return ((C::nullable || C::has_default || C::is_identity || contains_v<Set, C>) && ...);
}

template <class D, class... C>
struct insert_columns_builder {
  /// INSERT INTO t (columns) SELECT ...: the select's columns must match in number and type.
  template <class Q>
  constexpr auto select(const Q& q) const {
    static_assert(query_like<Q>, "quarry: columns(...).select() takes a select statement");
    static_assert(columns_match_kinds<type_list<C...>, typename Q::fields_type::exprs_list>::value,
                  "quarry: INSERT ... SELECT needs as many selected values as columns, with matching SQL types");
    static_assert(required_columns_set<type_list<C...>>(columns_of<D>{}),
                  "quarry: insert leaves out a NOT NULL column that has no default; set every "
                  "non-optional column (or give it a default in the descriptor)");
    if constexpr (columns_match_kinds<type_list<C...>, typename Q::fields_type::exprs_list>::value) {
      // The rule of set(col = expr), column by column (expr/assign.hpp).
      using rules = assignment_rules<typename Q::row_type, type_list<C...>, typename Q::fields_type::exprs_list>;
      static_assert(rules::null_ok,
                    "quarry: INSERT ... SELECT puts a nullable selected value into a NOT NULL column; "
                    "select quarry::coalesce(expr, fallback), or declare the field std::optional");
      static_assert(rules::real_ok,
                    "quarry: INSERT ... SELECT puts a REAL selected value into an integer or decimal "
                    "column (or a decimal one into an integer column), which narrows it (PostgreSQL "
                    "rounds 67.5 to 68); select quarry::cast<T>(expr), or declare the field double");
      static_assert(rules::width_ok,
                    "quarry: INSERT ... SELECT puts a column of a wider integer type into a narrower "
                    "integer column (e.g. std::int64_t into std::int16_t); select quarry::cast<T>(col), "
                    "or widen the field");
      static_assert(rules::form_ok,
                    "quarry: INSERT ... SELECT puts a value stored in another SQLite form than the "
                    "column (sqlite_as<> / numeric<P, S>) into it; the value would be written in the "
                    "wrong form");
    }
    using S = select_source<D, Q, C...>;
    return insert_stmt<D, S, none, none>{{}, S{q}, {}, {}};
  }
};

template <class D>
struct insert_builder {
  /// Inserts the whole object. The statement refers to `row`; run it while `row` lives.
  constexpr auto values(const typename D::row_type& row QUARRY_LIFETIMEBOUND) const {
    return insert_stmt<D, row_source<D>, none, none>{{}, row_source<D>{&row}, {}, {}};
  }
  /// A temporary object is copied into the statement (which then does not depend on it).
  constexpr auto values(typename D::row_type&& row) const {
    using S = owned_row_source<D>;
    return insert_stmt<D, S, none, none>{{}, S{std::move(row)}, {}, {}};
  }
  /// A const temporary (a function returning `const Row`) is copied.
  constexpr auto values(const typename D::row_type&& row) const {
    using S = owned_row_source<D>;
    return insert_stmt<D, S, none, none>{{}, S{row}, {}, {}};
  }
  /// Inserts every row of a range: a multi-row INSERT that the connection splits into
  /// statements under the parameter limit (query/insert_rows.hpp). Run it while `rows` lives.
  template <class R>
    requires(std::ranges::forward_range<const R> &&
             std::is_convertible_v<std::ranges::range_reference_t<const R>, const typename D::row_type&>)
  constexpr auto values(const R& rows QUARRY_LIFETIMEBOUND, max_rows batch = {}) const {
    return insert_stmt<D, rows_source<D, R>, none, none>{{}, rows_source<D, R>{&rows, batch.n, {}}, {}, {}};
  }
  /// A temporary range is moved into the statement (shared by its copies), so the statement
  /// stays valid when stored.
  template <class R>
    requires(!std::is_lvalue_reference_v<R> && std::ranges::forward_range<const R> &&
             std::is_convertible_v<std::ranges::range_reference_t<const R>, const typename D::row_type&>)
  auto values(R&& rows, max_rows batch = {}) const {
    auto owned = std::make_shared<const R>(std::move(rows));
    const R* p = owned.get();
    return insert_stmt<D, rows_source<D, R>, none, none>{{}, rows_source<D, R>{p, batch.n, std::move(owned)}, {}, {}};
  }

  /// Inserts the given columns; the others take their DEFAULT or NULL.
  template <class... A>
  constexpr auto set(A&&... a) const {
    static_assert((is_assignment<std::remove_cvref_t<A>>::value && ...),
                  "quarry: set() takes assignments: insert_into(t).set(t.col = value, ...)");
    using Set = type_list<typename std::remove_cvref_t<A>::column_type...>;
    static_assert(((std::is_same_v<typename std::remove_cvref_t<A>::column_type::table_tag, typename D::table_tag>) && ...),
                  "quarry: set() assigns a column of another table");
    static_assert(columns_distinct<std::remove_cvref_t<A>...>(), "quarry: set() assigns the same column twice");
    check_no_excluded<concat_t<typename std::remove_cvref_t<A>::value_node::tables...>>();
    check_placement<place::insert_set, (0u | ... | std::remove_cvref_t<A>::flags)>();
    static_assert(set_values_read_only<type_list<>, std::remove_cvref_t<A>...>(),
                  "quarry: insert_into(t).set() uses a column in its value, but VALUES reads no table; "
                  "give a value, or insert from a query with insert_into(t).columns(...).select(q)");
    static_assert(required_columns_set<Set>(columns_of<D>{}),
                  "quarry: insert leaves out a NOT NULL column that has no default; set every "
                  "non-optional column (or give it a default in the descriptor)");
    using S = set_source<D, std::remove_cvref_t<A>...>;
    return insert_stmt<D, S, none, none>{{}, S{{{std::forward<A>(a)}...}}, {}, {}};
  }

  /// Names the columns of an INSERT ... SELECT.
  template <class... C>
  constexpr auto columns(const C&...) const {
    static_assert(((is_column_v<C> && std::is_same_v<typename C::table_tag, typename D::table_tag>) && ...),
                  "quarry: columns() takes columns of the inserted table");
    return insert_columns_builder<D, C...>{};
  }
};

}  // namespace detail

/// Starts an INSERT into table `t`.
template <table_descriptor D>
constexpr auto insert_into(const D&) {
  static_assert(detail::descriptor_traits<D>::valid);
  return detail::insert_builder<D>{};
}

/// The value the conflicting INSERT proposed for `col`, inside on_conflict(...).do_update(...).
template <class C>
constexpr auto excluded(const C&) {
  static_assert(detail::is_column_v<C>, "quarry: excluded() takes a column");
  return detail::excluded_expr<C>{};
}

}  // namespace quarry

#include "quarry/query/insert_rows.hpp"  // insert_into(t).values(range)
