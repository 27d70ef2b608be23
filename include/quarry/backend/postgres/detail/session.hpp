#pragma once
/// \file quarry/backend/postgres/detail/session.hpp
/// What a connection shares with its statements: the libpq handle, the prepare mode, the name
/// counter for named statements, the row count of the last data-changing command, and the error
/// that aborted the current transaction (so that a later 25P02 can name it).

#include <libpq-fe.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "quarry/backend/postgres/error.hpp"
#include "quarry/backend/postgres/options.hpp"

namespace quarry::postgres::detail {

struct session {
  PGconn* conn = nullptr;
  prepare_mode mode = prepare_mode::named;
  /// Rows changed by the last completed INSERT, UPDATE, DELETE, MERGE or COPY.
  std::int64_t changes = 0;
  /// Names handed out so far ("quarry_1", "quarry_2", ...); unique per connection.
  std::uint64_t names = 0;
  /// Bumped by connection::reconnect(): statements prepared by name in an earlier server session
  /// are gone and must be prepared again.
  std::uint64_t generation = 0;
  /// "23505 duplicate key value violates ... (SQL: INSERT ...)": the error that aborted the current
  /// transaction; empty while the transaction (if any) is not aborted.
  std::string failure;

  /// Keeps the row count of a data-changing command (like sqlite3_changes(), SELECT leaves it).
  void record(const PGresult* r) noexcept {
    // A successful ROLLBACK (TO SAVEPOINT) ends the aborted state; nothing else succeeds in it.
    if (!failure.empty() && PQtransactionStatus(conn) != PQTRANS_INERROR) failure.clear();
    std::string_view tag = PQcmdStatus(const_cast<PGresult*>(r));
    for (std::string_view verb : {"INSERT ", "UPDATE ", "DELETE ", "MERGE ", "COPY "}) {
      if (tag.substr(0, verb.size()) == verb) {
        changes = std::strtoll(PQcmdTuples(const_cast<PGresult*>(r)), nullptr, 10);
        return;
      }
    }
  }

  /// Throws the quarry exception for a failed statement (postgres::throw_error). An error that
  /// aborts a transaction is remembered; a later 25P02 ("current transaction is aborted") names it.
  [[noreturn, gnu::cold, gnu::noinline]] void fail(const PGresult* r, std::string_view sql) {
    const char* st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string_view state = st ? st : "";
    if (state == "25P02") throw_error(conn, r, sql, failure);
    if (PQtransactionStatus(conn) == PQTRANS_INERROR) {
      const char* primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
      failure.assign(state.empty() ? std::string_view("(no SQLSTATE)") : state);
      failure += ' ';
      failure += primary ? quarry::detail::echo_sql(primary, quarry::detail::echo_limit) : "unknown error";
      if (!sql.empty()) {
        constexpr std::size_t max_sql = 200;
        failure += " (SQL: ";
        failure += quarry::detail::echo_sql(sql, max_sql);
        failure += ')';
      }
    }
    throw_error(conn, r, sql);
  }
};

}  // namespace quarry::postgres::detail
