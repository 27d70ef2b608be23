#pragma once
/// \file quarry/backend/sqlite/error.hpp
/// The one mapping from SQLite extended result codes to quarry error categories.

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "quarry/core/error.hpp"

namespace quarry::sqlite {

/// Category of an SQLite (extended) result code.
constexpr errc category_of(int extended_code) noexcept {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return errc::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return errc::foreign_key_violation;
    case SQLITE_CONSTRAINT_NOTNULL:
      return errc::not_null_violation;
    case SQLITE_CONSTRAINT_CHECK:
      return errc::check_violation;
    case SQLITE_BUSY_SNAPSHOT:
      return errc::serialization_failure;
    default:
      break;
  }
  switch (extended_code & 0xff) {
    case SQLITE_CONSTRAINT: return errc::constraint_violation;
    case SQLITE_BUSY: return errc::busy;
    case SQLITE_LOCKED: return errc::locked;
    case SQLITE_CANTOPEN: return errc::cannot_open;
    case SQLITE_READONLY: return errc::read_only;
    case SQLITE_INTERRUPT: return errc::query_canceled;
    case SQLITE_MISMATCH: return errc::type_mismatch;
    case SQLITE_ERROR: return errc::syntax;
    case SQLITE_MISUSE: return errc::usage;
    default: return errc::unknown;
  }
}

/// What to do about an error category, appended to messages.
inline std::string_view advice(errc c) noexcept {
  switch (c) {
    case errc::busy: return " (the database stayed locked past busy_timeout; retry the transaction)";
    case errc::serialization_failure:
      return " (the snapshot of this read transaction is stale; retry the whole transaction)";
    case errc::locked: return " (a conflict inside this connection; finish the other statement first)";
    case errc::read_only: return " (the connection or file is read-only)";
    default: return "";
  }
}

/// Throws the quarry error for `rc` on `db`, naming the SQL.
[[noreturn, gnu::cold]] QUARRY_DECL void throw_error(sqlite3* db, int rc, std::string_view sql);

}  // namespace quarry::sqlite

// ---- definitions: inline when header-only, compiled once by src/sqlite.cpp otherwise ----
#if QUARRY_DEFINE_SQLITE
namespace quarry::sqlite {
[[noreturn, gnu::cold]] QUARRY_DECL void throw_error(sqlite3* db, int rc, std::string_view sql) {
  int ext = db ? sqlite3_extended_errcode(db) : rc;
  if ((ext & 0xff) != (rc & 0xff)) ext = rc;
  errc c = category_of(ext);
  std::string msg = "sqlite: ";
  msg += detail::echo_sql(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));  // may quote the SQL
  msg += " [";
  msg += sqlite3_errstr(ext);
  msg += ", code ";
  msg += std::to_string(ext);
  msg += "]";
  msg += advice(c);
  if (!sql.empty()) {
    msg += "; SQL: ";
    msg += detail::echo_sql(sql);
  }
  detail::throw_error(c, std::move(msg), std::string(sql), ext);
}
}  // namespace quarry::sqlite
#endif
