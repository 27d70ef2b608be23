#pragma once
/// \file quarry/query/insert_rows.hpp
/// Multi-row INSERT of a range, split into statements under the parameter limit.
///
///     db.execute(quarry::insert_into(users).values(rows));            // INSERT ... VALUES (...), (...), ...
///     auto ids = db.query(quarry::insert_into(users).values(rows).returning(users.id)).all();
///     db.execute(quarry::insert_into(users).values(rows).on_conflict(users.email).do_nothing());
///
/// A connection runs it as batches of k rows, k = min(max_rows, (parameter limit - other
/// parameters) / columns): SQLite's SQLITE_LIMIT_VARIABLE_NUMBER, PostgreSQL's 65535. The k-row
/// statement is rendered once per (statement type, k) and prepared once per connection; the
/// remaining rows go in one more statement. Several batches run in one transaction (a savepoint
/// inside an open one), so the insert is all or nothing. See docs/queries.md ("Writes").

#include <cstddef>
#include <memory>
#include <iterator>
#include <ranges>
#include <string>
#include <type_traits>

#include "quarry/core/type_list.hpp"
#include "quarry/query/insert.hpp"
#include "quarry/render/context.hpp"
#include "quarry/render/runtime_sql.hpp"

namespace quarry {

namespace detail {

template <class Ctx, class... C>
void render_row_params(Ctx& c, type_list<C...>) {
  c.text("(");
  bool first = true;
  ((c.text(first ? "" : ", "), first = false, (void)sizeof(C), c.param()), ...);
  c.text(")");
}

/// The rows of `insert_into(t).values(range)`. Not rendered itself: a connection runs it as
/// rows_batch statements.
template <class D, class R>
struct rows_source {
  static constexpr bool is_select = false;
  using columns = insert_columns<D>;
  using tables = type_list<>;
  using range_type = R;
  const R* range;  // the caller's range (run the statement while it lives), or *owned
  std::size_t max_rows;
  std::shared_ptr<const R> owned;  // a temporary range given to values(), kept alive here

  template <class Ctx>
  void render(Ctx&) const {
    static_assert(always_false<Ctx>,
                  "quarry: a multi-row insert runs as several statements; run it with db.execute() or "
                  "db.query(), or render one batch with quarry::batch_sql<Dialect>(statement, rows)");
  }
  template <class B>
  void bind(B&) const {}
};

/// `count` rows from `first`: one statement of a multi-row insert.
template <class D, class It>
struct rows_batch {
  static constexpr bool is_select = false;
  using columns = insert_columns<D>;
  using tables = type_list<>;
  It first;
  std::size_t count;

  template <class Ctx>
  void render(Ctx& c) const {
    render_column_list<D>(c, columns{});
    c.text(" VALUES ");
    for (std::size_t i = 0; i < count; ++i) {
      if (i != 0) c.text(", ");
      render_row_params(c, columns{});
    }
  }
  template <class B>
  void bind(B& b) const {
    It it = first;
    for (std::size_t i = 0; i < count; ++i, ++it) {
      const typename D::row_type& row = *it;
      [&]<class... C>(type_list<C...>) { (bind_for_column<C>(b, boost::pfr::get<C::field_index>(row)), ...); }(columns{});
    }
  }
};

template <class Conflict>
inline constexpr bool updates_on_conflict_v = false;
template <class T, class W, class... A>
inline constexpr bool updates_on_conflict_v<conflict_clause<T, do_update_t<W, A...>>> = true;

template <class S>
struct multi_row_insert_traits {
  static constexpr bool value = false;
};
template <class D, class R, class Conflict, class Returning>
struct multi_row_insert_traits<insert_stmt<D, rows_source<D, R>, Conflict, Returning>> {
  static constexpr bool value = true;
  using descriptor = D;
  using iterator = std::ranges::iterator_t<const R>;
  using batch_type = insert_stmt<D, rows_batch<D, iterator>, Conflict, Returning>;
  static constexpr std::size_t columns = insert_columns<D>::size;
  /// DO UPDATE returns updated rows with their old ids: rows are not sorted by id then.
  static constexpr bool updates = updates_on_conflict_v<Conflict>;

  static batch_type batch(const insert_stmt<D, rows_source<D, R>, Conflict, Returning>& s, iterator first,
                          std::size_t count) {
    return batch_type{{}, rows_batch<D, iterator>{first, count}, s.conflict, s.returning_};
  }
};

/// A multi-row insert statement (`insert_into(t).values(range)`, with any on_conflict/returning).
template <class S>
concept multi_row_insert = multi_row_insert_traits<S>::value;

/// One batch as a runtime statement: a full batch shares its SQL per (statement type, rows), the
/// remainder renders its own.
template <class Batch>
struct batch_statement {
  Batch stmt;
  bool full;

  template <class Dialect>
  runtime_sql sql_for() const {
    if (full) return detail::runtime_sql{&sized_entry<Dialect>(stmt, stmt.source.count), false, {}};
    return detail::runtime_sql{nullptr, true, render_entry<Dialect>(stmt)};
  }
  template <class B>
  void bind(B& b) const {
    stmt.bind(b);
  }
};

inline constexpr std::size_t no_identity = static_cast<std::size_t>(-1);
/// Position of D's identity column in a RETURNING list, or no_identity.
template <class Fields, class D>
constexpr std::size_t identity_position() {
  return []<class... E>(type_list<E...>) {
    std::size_t i = 0, at = no_identity;
    (([&] {
       if constexpr (is_column_v<E>) {
         if (at == no_identity && E::is_identity && std::is_same_v<typename E::table_tag, typename D::table_tag>)
           at = i;
       }
       ++i;
     }()),
     ...);
    return at;
  }(typename Fields::exprs_list{});
}

/// Rows per statement: the most that fit under `limit` parameters (each row takes `columns`, each
/// statement `fixed` more for ON CONFLICT/RETURNING values), at most `cap`, at least one.
constexpr std::size_t batch_rows(std::size_t limit, std::size_t columns, std::size_t fixed, std::size_t cap) noexcept {
  std::size_t fit = limit > fixed && columns > 0 ? (limit - fixed) / columns : 1;
  std::size_t k = fit < cap ? fit : cap;
  return k == 0 ? 1 : k;
}

}  // namespace detail

/// The SQL of one `rows`-row statement of a multi-row insert, e.g. for logs and tests:
/// `quarry::batch_sql<quarry::sqlite_dialect>(insert_into(users).values(v), 3)`.
template <class Dialect, detail::multi_row_insert S>
std::string batch_sql(const S& s, std::size_t rows) {
  using traits = detail::multi_row_insert_traits<S>;
  return detail::render_sql<Dialect>(traits::batch(s, std::ranges::begin(*s.source.range), rows));
}

}  // namespace quarry
