#pragma once
/// \file quarry/core/error.hpp
/// One exception hierarchy for every backend. Each backend has one mapping function from its
/// native code (SQLite extended result code, PostgreSQL SQLSTATE) to these classes.
/// See docs/errors.md.

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "quarry/core/config.hpp"
#include "quarry/core/detail/echo.hpp"

namespace quarry {

/// What went wrong, independent of the database.
enum class errc {
  unknown,
  unique_violation,
  foreign_key_violation,
  not_null_violation,
  check_violation,
  constraint_violation,   ///< another constraint kind (exclusion, trigger RAISE, ...)
  serialization_failure,  ///< PostgreSQL 40001, SQLite SQLITE_BUSY_SNAPSHOT
  deadlock,               ///< PostgreSQL 40P01
  busy,                   ///< SQLite SQLITE_BUSY after busy_timeout
  locked,                 ///< SQLite SQLITE_LOCKED (same-connection conflict; never retried)
  query_canceled,         ///< PostgreSQL 57014 (statement_timeout, cancel)
  connection_lost,        ///< PostgreSQL 08xxx or a dropped socket
  ambiguous_commit,       ///< COMMIT outcome unknown
  cannot_open,            ///< the database could not be opened
  read_only,              ///< a write on a read-only database or connection
  invalid_cursor,         ///< a bad pagination token
  type_mismatch,          ///< a stored value does not fit the C++ type that reads it
  null_value,             ///< NULL read into a non-optional field
  syntax,                 ///< SQL the database could not parse (raw SQL, or a quarry bug)
  usage,                  ///< the API was used in a way it does not allow at run time
  row_count,              ///< one() found no row or several rows
};

/// A readable name for an error category, e.g. "unique_violation".
constexpr std::string_view to_string(errc e) noexcept {
  constexpr std::string_view names[] = {
      "unknown",          "unique_violation", "foreign_key_violation", "not_null_violation",
      "check_violation",  "constraint_violation", "serialization_failure", "deadlock",
      "busy",             "locked",           "query_canceled",        "connection_lost",
      "ambiguous_commit", "cannot_open",      "read_only",             "invalid_cursor",
      "type_mismatch",    "null_value",       "syntax",                "usage",
      "row_count"};
  return names[static_cast<int>(e)];
}

/// Base of every exception quarry throws.
///
/// Carries the category, the SQL text (when a statement was involved), the SQLite extended
/// result code (`native_code()`, 0 for other backends) and the SQLSTATE (empty for SQLite).
class error : public std::runtime_error {
 public:
  QUARRY_KEY_FUNCTION(error)
  error(errc category, std::string message, std::string sql = {}, int native_code = 0,
        std::string sqlstate = {})
      : std::runtime_error(std::move(message)),
        category_(category),
        sql_(std::move(sql)),
        native_code_(native_code),
        sqlstate_(std::move(sqlstate)) {}

  errc category() const noexcept { return category_; }
  const std::string& sql() const noexcept { return sql_; }
  int native_code() const noexcept { return native_code_; }
  const std::string& sqlstate() const noexcept { return sqlstate_; }

 private:
  errc category_;
  std::string sql_;
  int native_code_;
  std::string sqlstate_;
};

/// Any constraint violation; the leaves below name the kind.
class constraint_violation : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(constraint_violation)
};
class unique_violation : public constraint_violation {
 public:
  using constraint_violation::constraint_violation;
  QUARRY_KEY_FUNCTION(unique_violation)
};
class foreign_key_violation : public constraint_violation {
 public:
  using constraint_violation::constraint_violation;
  QUARRY_KEY_FUNCTION(foreign_key_violation)
};
class not_null_violation : public constraint_violation {
 public:
  using constraint_violation::constraint_violation;
  QUARRY_KEY_FUNCTION(not_null_violation)
};
class check_violation : public constraint_violation {
 public:
  using constraint_violation::constraint_violation;
  QUARRY_KEY_FUNCTION(check_violation)
};
/// The transaction lost a race and may succeed when re-run (40001, 40P01, SQLITE_BUSY_SNAPSHOT).
class transaction_conflict : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(transaction_conflict)
};
class serialization_failure : public transaction_conflict {
 public:
  using transaction_conflict::transaction_conflict;
  QUARRY_KEY_FUNCTION(serialization_failure)
};
class deadlock_detected : public transaction_conflict {
 public:
  using transaction_conflict::transaction_conflict;
  QUARRY_KEY_FUNCTION(deadlock_detected)
};
class busy_error : public transaction_conflict {
 public:
  using transaction_conflict::transaction_conflict;
  QUARRY_KEY_FUNCTION(busy_error)
};
class connection_lost : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(connection_lost)
};
/// COMMIT was sent but its outcome is unknown; never retried automatically.
class ambiguous_commit : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(ambiguous_commit)
};
class query_canceled : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(query_canceled)
};
class open_error : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(open_error)
};
class invalid_cursor : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(invalid_cursor)
};
/// A stored value does not fit the C++ type reading it (wrong storage class, out of range,
/// NULL into a non-optional field). The message names table.column.
class type_mismatch : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(type_mismatch)
};
class usage_error : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(usage_error)
};
/// `one()` found no row, or more than one.
class row_count_error : public error {
 public:
  using error::error;
  QUARRY_KEY_FUNCTION(row_count_error)
};

namespace detail {
/// Throws the leaf class that matches the category.
[[noreturn, gnu::cold]] QUARRY_DECL void throw_error(errc c, std::string msg, std::string sql = {}, int native = 0,
                                                std::string state = {});
}  // namespace detail

}  // namespace quarry

// ---- definitions: inline when header-only, compiled once by src/core.cpp otherwise ----
#if QUARRY_DEFINE_CORE
namespace quarry {
#ifdef QUARRY_SEPARATE_COMPILATION
error::~error() = default;
constraint_violation::~constraint_violation() = default;
unique_violation::~unique_violation() = default;
foreign_key_violation::~foreign_key_violation() = default;
not_null_violation::~not_null_violation() = default;
check_violation::~check_violation() = default;
transaction_conflict::~transaction_conflict() = default;
serialization_failure::~serialization_failure() = default;
deadlock_detected::~deadlock_detected() = default;
busy_error::~busy_error() = default;
connection_lost::~connection_lost() = default;
ambiguous_commit::~ambiguous_commit() = default;
query_canceled::~query_canceled() = default;
open_error::~open_error() = default;
invalid_cursor::~invalid_cursor() = default;
type_mismatch::~type_mismatch() = default;
usage_error::~usage_error() = default;
row_count_error::~row_count_error() = default;
#endif
namespace detail {
[[noreturn, gnu::cold]] QUARRY_DECL void throw_error(errc c, std::string msg, std::string sql, int native,
                                                std::string state) {
  switch (c) {
    case errc::unique_violation:
      throw unique_violation(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::foreign_key_violation:
      throw foreign_key_violation(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::not_null_violation:
      throw not_null_violation(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::check_violation:
      throw check_violation(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::constraint_violation:
      throw constraint_violation(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::serialization_failure:
      throw serialization_failure(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::deadlock:
      throw deadlock_detected(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::busy:
      throw busy_error(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::connection_lost:
      throw connection_lost(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::ambiguous_commit:
      throw ambiguous_commit(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::query_canceled:
      throw query_canceled(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::cannot_open:
      throw open_error(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::invalid_cursor:
      throw invalid_cursor(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::type_mismatch:
    case errc::null_value:
      throw type_mismatch(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::usage:
      throw usage_error(c, std::move(msg), std::move(sql), native, std::move(state));
    case errc::row_count:
      throw row_count_error(c, std::move(msg), std::move(sql), native, std::move(state));
    default:
      throw error(c, std::move(msg), std::move(sql), native, std::move(state));
  }
}

}  // namespace detail
}  // namespace quarry
#endif
