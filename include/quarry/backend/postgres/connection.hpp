#pragma once
/// \file quarry/backend/postgres/connection.hpp
/// A PostgreSQL connection (libpq): connects from a conninfo string or URL, keeps its statements
/// prepared (named, unnamed or not at all: options::prepare), binds and reads in binary format,
/// and runs typed statements through quarry::connection_base.
///
///     quarry::postgres::connection db{{.conninfo = "host=127.0.0.1 dbname=app user=app"}};
///     db.create_table(users, /*if_not_exists=*/true);
///     auto id = db.insert(users, User{0, "a@example.com", std::nullopt});   // RETURNING "id"
///
/// Thread safety: a connection is used by one thread at a time; give each thread its own.
/// See docs/postgres.md.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "quarry/core/detail/std_function.hpp"
#include "quarry/backend/connection_base.hpp"
#include "quarry/backend/postgres/detail/conninfo.hpp"
#include "quarry/backend/postgres/detail/session.hpp"
#include "quarry/backend/postgres/error.hpp"
#include "quarry/backend/postgres/options.hpp"
#include "quarry/backend/postgres/statement.hpp"
#include "quarry/core/error.hpp"
#include "quarry/render/dialect.hpp"

namespace quarry::postgres {

class connection : public connection_base<connection, postgres_dialect, statement> {
 public:
  /// Connects; throws quarry::open_error naming host, port, database and user (never the
  /// password) when the server cannot be reached or refuses the connection.
  explicit connection(const options& o = {}) : options_(o) {
    detail::connect_params params(o);
    PGconn* c = params.connect();
    if (c == nullptr)
      throw open_error(errc::cannot_open, "quarry: cannot connect to PostgreSQL at " + params.describe(nullptr) +
                                              ": out of memory");
    if (PQstatus(c) != CONNECTION_OK) {
      std::string msg = "quarry: cannot connect to PostgreSQL at " + params.describe(c) + ": " +
                        params.scrub(detail::one_line(PQerrorMessage(c)));
      PQfinish(c);
      throw open_error(errc::cannot_open, std::move(msg));
    }
    if (PQserverVersion(c) < 120000) {
      std::string msg = "quarry: the PostgreSQL server at " + params.describe(c) + " is version " +
                        std::to_string(PQserverVersion(c)) + "; quarry needs PostgreSQL 12 or newer";
      PQfinish(c);
      throw open_error(errc::cannot_open, std::move(msg));
    }
    where_ = params.describe(c);
    session_.conn = c;
    session_.mode = o.prepare;
    // The receiver gets `this` options' handler; the connection never moves, so it stays valid.
    PQsetNoticeReceiver(c, &connection::receive_notice, &options_.on_notice);
  }
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection() {
    clear_statement_cache();
    PQfinish(session_.conn);
  }

  /// Runs SQL without parameters whose rows, if any, are not needed (DDL, SET, BEGIN/COMMIT).
  /// Several statements separated by ';' run as one implicit transaction (the simple protocol).
  void exec(std::string_view sql) {
    auto scope = enter();
    auto trace = trace_exec(sql);  // statement hooks (quarry/diag): null unless installed
    std::string s(sql);
    std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(session_.conn, s.c_str()), &PQclear);
    ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
      session_.record(r.get());
      return;
    }
    if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH) {
      abandon_copy(st);
      throw usage_error(errc::usage, "quarry: COPY is not supported by exec(); SQL: " + quarry::detail::echo_sql(s), s);
    }
    session_.fail(r.get(), sql);
  }

  /// The raw libpq handle, for what quarry does not wrap.
  PGconn* native_handle() const noexcept { return session_.conn; }
  /// True when the connection is gone (PQstatus is not CONNECTION_OK); reconnect() or open a new one.
  bool broken() const noexcept { return PQstatus(session_.conn) != CONNECTION_OK; }
  /// Closes the session and connects again with the same options (libpq's PQreset keeps the
  /// parameters; quarry never stores or prints the password separately). Session state is lost:
  /// SET, temporary tables, advisory locks, server-side prepared statements (quarry prepares its
  /// cached statements again on their next run). The callback form of transaction() calls it
  /// itself after a connection loss before COMMIT (docs/transactions.md). Not allowed inside a
  /// transaction scope; throws quarry::connection_lost when the server cannot be reached.
  void reconnect() {
    auto scope = enter();
    if (transaction_state().depth != 0)
      throw usage_error(errc::usage,
                        "quarry: reconnect() inside a transaction scope; end (or destroy) the transaction "
                        "first: its work is lost with the old session");
    PQreset(session_.conn);
    ++session_.generation;
    session_.failure.clear();
    session_.changes = 0;
    if (PQstatus(session_.conn) != CONNECTION_OK)
      throw connection_lost(errc::connection_lost,
                            "quarry: cannot reconnect to PostgreSQL at " + where_ + ": " +
                                detail::connect_params(options_).scrub(detail::one_line(PQerrorMessage(session_.conn))) +
                                " (the connection stays broken; reconnect() again later)");
  }
  const options& settings() const noexcept { return options_; }
  /// "host 127.0.0.1 port 5432 (database app, user app)": where this connection goes.
  const std::string& server() const noexcept { return where_; }
  /// PQserverVersion, e.g. 150004.
  int server_version() const noexcept { return PQserverVersion(session_.conn); }
  /// True while the current transaction is aborted by an earlier error (SQLSTATE 25P02 for any
  /// further statement until ROLLBACK).
  bool transaction_failed() const noexcept { return PQtransactionStatus(session_.conn) == PQTRANS_INERROR; }
  /// The error that aborted the current transaction, "23505 duplicate key value violates unique
  /// constraint ... (SQL: ...)"; empty when transaction_failed() is false (or the failure did not
  /// come through quarry).
  const std::string& transaction_failure() const noexcept { return session_.failure; }
  /// The server process id of this session (for pg_cancel_backend / pg_terminate_backend).
  int backend_pid() const noexcept { return PQbackendPID(session_.conn); }

  // ---- backend interface used by connection_base ----
  /// Creates the statement; nothing is sent until it runs (see prepare_mode).
  std::unique_ptr<statement> prepare(const std::string& sql) { return std::make_unique<statement>(session_, sql); }
  /// Rows changed by the last completed INSERT, UPDATE, DELETE or MERGE (PQcmdTuples).
  std::int64_t changes() const noexcept { return session_.changes; }
  /// Not available: with PostgreSQL, insert() reads generated ids through RETURNING.
  [[noreturn, gnu::cold, gnu::noinline]] std::int64_t last_insert_id() const {
    throw usage_error(errc::usage,
                      "quarry: PostgreSQL has no last insert id; insert() returns the id through RETURNING");
  }

 private:
  static void receive_notice(void* handler, const PGresult* r) {
    auto& f = *static_cast<std::function<void(std::string_view)>*>(handler);
    if (!f) return;
    try {
      f(postgres::detail::one_line(PQresultErrorMessage(r)));
    } catch (...) {  // libpq calls this from C; an exception must not cross it
    }
  }

  void abandon_copy(ExecStatusType st) noexcept {
    if (st == PGRES_COPY_IN) {
      PQputCopyEnd(session_.conn, "quarry: COPY is not supported by exec()");
    } else {
      char* buf = nullptr;
      while (PQgetCopyData(session_.conn, &buf, 0) > 0) PQfreemem(buf);
    }
    while (PGresult* r = PQgetResult(session_.conn)) PQclear(r);
  }

  options options_;
  detail::session session_;
  std::string where_;
};

}  // namespace quarry::postgres
