#pragma once
/// \file quarry/render/sql.hpp
/// SQL text for a statement in a dialect. The text depends only on the statement's type, so it is
/// rendered once per (statement type, dialect) and kept in a function-local static; each entry
/// also gets a process-wide slot number that connections index their prepared statements by.

#include <atomic>
#include <cstddef>
#include <string>

#include "quarry/render/context.hpp"
#include "quarry/render/dialect.hpp"

namespace quarry {
namespace detail {

/// Rendered SQL plus what a connection needs to cache its prepared statement.
struct sql_entry {
  std::string text;
  std::size_t slot;  ///< index into a connection's prepared-statement table
  int param_count;
};

inline std::size_t next_statement_slot() noexcept {
  static std::atomic<std::size_t> next{0};
  return next.fetch_add(1, std::memory_order_relaxed);
}

/// Runs once per statement type and dialect: cold, and never inlined into the statement's caller.
template <class Dialect, class Stmt>
[[gnu::cold, gnu::noinline]] sql_entry make_entry(const Stmt& s) {
  render_context<Dialect> c;
  s.render(c);
  return sql_entry{std::move(c.sql), next_statement_slot(), c.params};
}

/// The cached entry for statement type Stmt in Dialect (thread-safe initialization).
template <class Dialect, class Stmt>
const sql_entry& cached_sql(const Stmt& s) {
  static_assert(!requires { Stmt::loads_relations; },
                "quarry: an eager-loading query (select(t).with(relation)) is not one statement: it runs "
                "one per relation level; run it with db.load(q), or render the parents' statement with "
                "to_sql<Dialect>(q.query)");
  static const sql_entry entry = make_entry<Dialect>(s);
  return entry;
}

}  // namespace detail

/// The SQL text of a statement in a dialect, e.g. `quarry::to_sql<quarry::sqlite_dialect>(q)`.
/// Values never appear in it: they are bound parameters.
template <class Dialect, class Stmt>
const std::string& to_sql(const Stmt& s) {
  return detail::cached_sql<Dialect>(s).text;
}

}  // namespace quarry
