#pragma once
/// \file quarry/backend/postgres/error.hpp
/// The one mapping from PostgreSQL SQLSTATE codes to quarry error categories, and the function
/// that turns a failed libpq result into the matching quarry exception (docs/postgres.md,
/// "Errors").

#include <libpq-fe.h>

#include <string>
#include <string_view>
#include <utility>

#include "quarry/core/error.hpp"

namespace quarry::postgres {

/// Category of a SQLSTATE. `connection_bad` says the connection is gone (PQstatus is
/// CONNECTION_BAD): then every error but an ambiguous commit is connection_lost, and an empty
/// SQLSTATE (the client library's own error, e.g. "server closed the connection") is too.
constexpr errc category_of(std::string_view sqlstate, bool connection_bad = false) noexcept {
  errc c = errc::unknown;
  auto is = [&](std::string_view code) { return sqlstate == code; };
  auto cls = [&](std::string_view two) { return sqlstate.size() == 5 && sqlstate.substr(0, 2) == two; };
  if (sqlstate.size() != 5) {
    c = errc::unknown;
  } else if (is("23505")) {
    c = errc::unique_violation;
  } else if (is("23503")) {
    c = errc::foreign_key_violation;
  } else if (is("23502")) {
    c = errc::not_null_violation;
  } else if (is("23514")) {
    c = errc::check_violation;
  } else if (cls("23")) {  // 23P01 exclusion, 23001 restrict, 23000
    c = errc::constraint_violation;
  } else if (is("40001")) {
    c = errc::serialization_failure;
  } else if (is("40P01")) {
    c = errc::deadlock;
  } else if (is("40003") || is("08007")) {  // statement_completion_unknown, transaction_resolution_unknown
    c = errc::ambiguous_commit;
  } else if (is("40002")) {  // transaction_integrity_constraint_violation
    c = errc::constraint_violation;
  } else if (cls("08")) {
    c = errc::connection_lost;
  } else if (is("57014")) {
    c = errc::query_canceled;
  } else if (is("57P01") || is("57P02") || is("57P03") || is("57P04") || is("57P05")) {
    c = errc::connection_lost;  // admin/crash shutdown, cannot connect now, database dropped, idle timeout
  } else if (is("25P03")) {     // idle_in_transaction_session_timeout: the server closed the session
    c = errc::connection_lost;
  } else if (is("25006")) {
    c = errc::read_only;
  } else if (cls("25") || is("26000") || is("0B000") || is("2D000") || is("3B001")) {
    c = errc::usage;  // 25P02 in a failed transaction, no such prepared statement or savepoint...
  } else if (is("55P03")) {  // lock_not_available (NOWAIT, lock_timeout)
    c = errc::busy;
  } else if (is("22001") || is("22003") || is("22P02") || is("22007") || is("22008") || is("22021")) {
    c = errc::type_mismatch;  // a value does not fit the column's type
  } else if (is("42501")) {   // insufficient_privilege is no syntax error
    c = errc::unknown;
  } else if (cls("42")) {
    c = errc::syntax;
  } else if (cls("28") || is("3D000")) {  // authorization, no such database
    c = errc::cannot_open;
  }
  if (connection_bad && c != errc::ambiguous_commit) return errc::connection_lost;
  return c;
}

/// What to do about an error, appended to messages.
inline std::string_view advice(errc c, std::string_view sqlstate) noexcept {
  if (sqlstate == "25P02") return " (an earlier statement failed; roll the transaction back)";
  if (sqlstate == "26000")
    return " (a prepared statement is missing: something ran DEALLOCATE or DISCARD on this "
           "session, or a pooler switched server connections; behind PgBouncer use prepare_mode::off)";
  switch (c) {
    case errc::serialization_failure: return " (retry the whole transaction)";
    case errc::deadlock: return " (retry the whole transaction; take locks in a consistent order)";
    case errc::connection_lost: return " (the connection is gone; reconnect() or open a new one)";
    case errc::ambiguous_commit:
      return " (the outcome of COMMIT is unknown; check whether it took effect before retrying)";
    case errc::query_canceled: return " (statement_timeout expired or the statement was canceled)";
    case errc::busy: return " (a lock was not available: NOWAIT or lock_timeout)";
    default: return "";
  }
}

namespace detail {
/// libpq's own messages end with a newline and indent their continuation lines with tabs;
/// make them one line with single spaces.
inline std::string one_line(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\n' || ch == '\t' || ch == '\r' || ch == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += ch;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}
}  // namespace detail

/// Throws the quarry exception for a failed statement: the server's primary message, DETAIL and
/// HINT, the SQLSTATE and the SQL. `res` may be null (libpq could not even send the query).
/// `earlier`: for 25P02, the error that aborted the transaction (named in the message).
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_error(PGconn* conn, const PGresult* res, std::string_view sql,
                                     std::string_view earlier = {}) {
  auto field = [&](int code) -> std::string_view {
    const char* v = res ? PQresultErrorField(res, code) : nullptr;
    return v ? std::string_view(v) : std::string_view();
  };
  std::string state(field(PG_DIAG_SQLSTATE));
  bool bad = conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
  errc c = category_of(state, bad);

  std::string msg = "postgres: ";
  std::string_view primary = field(PG_DIAG_MESSAGE_PRIMARY);
  if (!primary.empty()) {
    msg += quarry::detail::echo_sql(primary);  // "invalid input syntax ...: "<the value>""
  } else {
    const char* m = res ? PQresultErrorMessage(res) : "";
    if ((m == nullptr || *m == '\0') && conn) m = PQerrorMessage(conn);
    std::string text = detail::one_line(m ? m : "");
    msg += text.empty() ? std::string("unknown error") : quarry::detail::echo_sql(text);
  }
  if (auto d = field(PG_DIAG_MESSAGE_DETAIL); !d.empty()) {
    msg += "; DETAIL: ";
    msg += quarry::detail::echo_sql(d);  // "Key (email)=(<the value>) already exists."
  }
  if (auto h = field(PG_DIAG_MESSAGE_HINT); !h.empty()) {
    msg += "; HINT: ";
    msg += quarry::detail::echo_sql(h);
  }
  msg += state.empty() ? std::string(" [no SQLSTATE]") : " [SQLSTATE " + state + "]";
  if (state == "25P02" && !earlier.empty()) {
    msg += " (the transaction failed earlier with ";
    msg += earlier;
    msg += "; roll the transaction back (or leave the transaction scope) before running more statements)";
  } else {
    msg += advice(c, state);
  }
  if (!sql.empty()) {
    msg += "; SQL: ";
    msg += quarry::detail::echo_sql(sql);
  }
  quarry::detail::throw_error(c, std::move(msg), std::string(sql), 0, std::move(state));
}

}  // namespace quarry::postgres
