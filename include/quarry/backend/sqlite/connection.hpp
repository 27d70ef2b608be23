#pragma once
/// \file quarry/backend/sqlite/connection.hpp
/// An SQLite connection: opens the database with quarry's defaults (WAL, busy_timeout 5000 ms,
/// synchronous NORMAL, foreign keys ON, extended result codes), caches prepared statements,
/// and runs typed statements through quarry::connection_base.
///
///     quarry::sqlite::connection db{{.path = "app.db"}};
///     db.create_table(users, /*if_not_exists=*/true);
///     auto id = db.insert(users, User{0, "a@example.com", std::nullopt});
///
/// Thread safety: one connection is used by one thread at a time (it is opened with
/// SQLITE_OPEN_NOMUTEX); give each thread its own connection.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "quarry/backend/connection_base.hpp"
#include "quarry/backend/sqlite/error.hpp"
#include "quarry/backend/sqlite/options.hpp"
#include "quarry/backend/sqlite/statement.hpp"
#include "quarry/render/dialect.hpp"

static_assert(SQLITE_VERSION_NUMBER >= 3035000, "quarry: the SQLite backend needs SQLite 3.35 or newer");

namespace quarry::sqlite {

/// The dialect of the SQLite quarry is compiled against.
using dialect = sqlite_dialect_for<SQLITE_VERSION_NUMBER>;

class connection : public connection_base<connection, dialect, statement> {
 public:
  /// Opens the database; throws quarry::open_error naming the path when it cannot.
  explicit connection(const options& o = {});
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection();

  /// Runs SQL that has no parameters and returns no rows (DDL, PRAGMA, BEGIN/COMMIT).
  void exec(std::string_view sql);

  /// The raw handle, for what quarry does not wrap.
  sqlite3* native_handle() const noexcept { return db_; }
  const options& settings() const noexcept { return options_; }
  /// SQLITE_LIMIT_VARIABLE_NUMBER of this connection (current value: lowering it with
  /// sqlite3_limit() on native_handle() makes multi-row inserts use smaller batches).
  int max_parameters() const noexcept { return sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1); }

  // ---- backend interface used by connection_base ----
  std::unique_ptr<statement> prepare(const std::string& sql);
  std::int64_t changes() const noexcept { return sqlite3_changes64(db_); }
  std::int64_t last_insert_id() const noexcept { return sqlite3_last_insert_rowid(db_); }

 private:
  /// SQLite compiles the first statement of a text and returns the rest: an empty text (or only
  /// comments) or a second statement is the caller's mistake, reported instead of running nothing
  /// or silently dropping the rest. Whitespace, ';' and comments after the statement are fine.
  [[gnu::cold]] void not_one_statement(sqlite3_stmt* s, const std::string& sql, const char* tail);
  void configure();

  options options_;
  sqlite3* db_ = nullptr;
};

}  // namespace quarry::sqlite

#if defined(QUARRY_SEPARATE_COMPILATION) && !QUARRY_DEFINE_SQLITE
// The members of these class templates that do not depend on a statement type are compiled once,
// in src/sqlite.cpp.
namespace quarry {
extern template class connection_base<sqlite::connection, sqlite::dialect, sqlite::statement>;
namespace detail {
extern template class statement_cache<sqlite::statement>;
extern template class statement_lease<sqlite::statement>;
}  // namespace detail
}  // namespace quarry
#endif

// ---- definitions: inline when header-only, compiled once by src/sqlite.cpp otherwise ----
#if QUARRY_DEFINE_SQLITE
namespace quarry::sqlite {
QUARRY_DECL connection::connection(const options& o)
    : options_(o) {
  int flags = o.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | (o.create ? SQLITE_OPEN_CREATE : 0));
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(o.path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    int ext = db_ ? sqlite3_extended_errcode(db_) : rc;
    sqlite3_close(db_);
    db_ = nullptr;
    throw open_error(errc::cannot_open,
                     "quarry: cannot open SQLite database " + detail::echo(o.path) + ": " + why + " (code " +
                         std::to_string(ext) + ")" +
                         (o.read_only ? "; it was opened read-only, so it must already exist" : ""),
                     {}, ext);
  }
  sqlite3_extended_result_codes(db_, 1);
  try {
    configure();
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

QUARRY_DECL connection::~connection() {
  clear_statement_cache();
  // A result that outlived the connection may still own a private statement: sqlite3_close_v2
  // closes the handle once that one is finalized too (sqlite3_close would fail and leak it).
  sqlite3_close_v2(db_);
}

QUARRY_DECL void connection::exec(std::string_view sql) {
  auto scope = enter();
  auto trace = trace_exec(sql);  // statement hooks (quarry/diag): null unless installed
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) throw_error(db_, rc, sql);
}

QUARRY_DECL std::unique_ptr<statement> connection::prepare(const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, &tail);
  if (rc != SQLITE_OK) throw_error(db_, rc, sql);
  if (s == nullptr || (tail && tail != sql.data() + sql.size())) [[unlikely]]
    not_one_statement(s, sql, tail);
  return std::make_unique<statement>(db_, s);
}

QUARRY_DECL void connection::not_one_statement(sqlite3_stmt* s, const std::string& sql, const char* tail) {
  if (s == nullptr) detail::throw_no_statement(sql);
  sqlite3_stmt* next = nullptr;
  const int n = static_cast<int>(sql.data() + sql.size() - tail);
  int rc = sqlite3_prepare_v2(db_, tail, n, &next, nullptr);
  sqlite3_finalize(next);
  if (rc == SQLITE_OK && next == nullptr) return;  // only whitespace, ';' or comments follow
  sqlite3_finalize(s);
  throw usage_error(errc::usage,
                    "quarry: the SQL text holds more than one statement; a prepared statement runs one "
                    "(run scripts with exec()); SQL: " + detail::echo_sql(sql), sql);
}

QUARRY_DECL void connection::configure() {
  sqlite3_busy_timeout(db_, static_cast<int>(options_.busy_timeout.count()));
  bool memory = options_.path == ":memory:" || options_.path.empty();
  if (!options_.read_only && !memory) {
    static constexpr const char* modes[] = {"WAL", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF"};
    exec(std::string("PRAGMA journal_mode=") + modes[static_cast<int>(options_.journal)]);
  }
  static constexpr const char* syncs[] = {"OFF", "NORMAL", "FULL", "EXTRA"};
  exec(std::string("PRAGMA synchronous=") + syncs[static_cast<int>(options_.sync)]);
  exec(options_.foreign_keys ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
  if (options_.cache_size_kib) exec("PRAGMA cache_size=-" + std::to_string(*options_.cache_size_kib));
}
}  // namespace quarry::sqlite
#ifdef QUARRY_SEPARATE_COMPILATION
template class quarry::connection_base<quarry::sqlite::connection, quarry::sqlite::dialect, quarry::sqlite::statement>;
template class quarry::detail::statement_cache<quarry::sqlite::statement>;
template class quarry::detail::statement_lease<quarry::sqlite::statement>;
#endif
#endif

