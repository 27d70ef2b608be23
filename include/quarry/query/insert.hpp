#pragma once
/// \file quarry/query/insert.hpp
/// INSERT statements.
///
///     quarry::insert_into(users).values(u)                        // every column but the identity
///     quarry::insert_into(users).set(users.email = "a@b.c", ...)  // some columns; the rest must
///                                                                 // be nullable or have a default

#include <boost/pfr/core.hpp>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/expr/assign.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
namespace detail {

/// Renders `INSERT INTO "t" ("a", "b") VALUES (?, ?)` for the columns in Cols.
template <class D, class Ctx, class... C>
void render_insert_head(Ctx& c, type_list<C...>) {
  c.text("INSERT INTO ");
  c.ident(D::table_tag::table_name);
  c.text(" (");
  bool first = true;
  ((c.text(first ? "" : ", "), first = false, c.ident(C::name)), ...);
  c.text(") VALUES (");
  first = true;
  ((c.text(first ? "" : ", "), first = false, (void)sizeof(C), c.param()), ...);
  c.text(")");
}

/// With PostgreSQL the generated id comes back through RETURNING; SQLite reads last_insert_rowid.
template <class D, class Ctx>
void render_returning_id(Ctx& c) {
  if constexpr (descriptor_traits<D>::has_identity && Ctx::dialect::array_parameters) {
    [&]<class... C>(type_list<C...>) {
      ((C::is_identity ? (c.text(" RETURNING "), c.ident(C::name), 0) : 0), ...);
    }(columns_of<D>{});
  }
}

template <class C>
struct is_not_identity : std::bool_constant<!C::is_identity> {};
template <class D>
using insert_columns = filter_t<is_not_identity, columns_of<D>>;

/// INSERT of one row struct (all columns except an identity column).
template <class D, class Row>
struct insert_row_stmt {
  using descriptor = D;
  const Row* row;  // points at the caller's object: execute the statement while it lives
  template <class Ctx>
  void render(Ctx& c) const {
    render_insert_head<D>(c, insert_columns<D>{});
    render_returning_id<D>(c);
  }
  template <class B>
  void bind(B& b) const {
    [&]<class... C>(type_list<C...>) { (b(boost::pfr::get<C::field_index>(*row)), ...); }(insert_columns<D>{});
  }
};

template <class D, class... A>
struct insert_set_stmt {
  using descriptor = D;
  std::tuple<A...> sets;
  template <class Ctx>
  void render(Ctx& c) const {
    render_insert_head<D>(c, type_list<typename A::column_type...>{});
    render_returning_id<D>(c);
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, sets);
  }
};

template <class Set, class... C>
constexpr bool required_columns_set(type_list<C...>) {
  return ((C::nullable || C::has_default || C::is_identity || contains_v<Set, C>) && ...);
}

template <class D>
struct insert_builder {
  /// Inserts the whole object. The statement refers to `row`; run it while `row` lives.
  constexpr auto values(const typename D::row_type& row) const { return insert_row_stmt<D, typename D::row_type>{&row}; }

  /// Inserts the given columns; the others take their DEFAULT or NULL.
  template <class... A>
  constexpr auto set(A&&... a) const {
    static_assert((is_assignment<std::remove_cvref_t<A>>::value && ...),
                  "quarry: set() takes assignments: insert_into(t).set(t.col = value, ...)");
    using Set = type_list<typename std::remove_cvref_t<A>::column_type...>;
    static_assert(((std::is_same_v<typename std::remove_cvref_t<A>::column_type::table_tag, typename D::table_tag>) && ...),
                  "quarry: set() assigns a column of another table");
    static_assert(required_columns_set<Set>(columns_of<D>{}),
                  "quarry: insert leaves out a NOT NULL column that has no default; set every "
                  "non-optional column (or give it a default in the descriptor)");
    return insert_set_stmt<D, std::remove_cvref_t<A>...>{{std::forward<A>(a)...}};
  }
};

}  // namespace detail

/// Starts an INSERT into table `t`.
template <table_descriptor D>
constexpr auto insert_into(const D&) {
  static_assert(detail::descriptor_traits<D>::valid);
  return detail::insert_builder<D>{};
}

}  // namespace quarry
