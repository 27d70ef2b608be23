#pragma once
/// \file quarry/diag/statement_event.hpp
/// The statement hook: what a connection tells observers about every statement it runs (typed
/// statements, raw SQL, and `exec()` such as BEGIN/COMMIT), and the observer interface that
/// quarry::diag::query_counter, quarry::diag::repeated_statement_guard and user loggers implement.
///
///     db.on_statement([](const quarry::diag::statement_event& e) {
///       std::printf("%.3f ms  %lld rows  %s\n", e.duration.count() / 1e6, (long long)e.rows,
///                   std::string(e.sql).c_str());
///     });
///
/// With no observer and no hook installed a statement costs one test of a null pointer.
/// See docs/relations.md ("Counting statements").

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/detail/std_function.hpp"

namespace quarry::diag {

/// How a statement reached the connection.
enum class statement_kind : unsigned {
  query = 1,        ///< a typed SELECT: db.query(q), db.find(), db.load() (one per level)
  execute = 2,      ///< a typed INSERT/UPDATE/DELETE: db.execute(), insert(), update(), remove()
  raw_query = 4,    ///< db.query_raw()
  raw_execute = 8,  ///< db.execute_raw()
  exec = 16,        ///< db.exec(): DDL, PRAGMA, BEGIN/COMMIT/ROLLBACK/SAVEPOINT of transactions
};

/// A set of statement kinds (for filters): `kinds::reads`, `kinds::all`.
using kind_mask = unsigned;
namespace kinds {
inline constexpr kind_mask all = 31;
inline constexpr kind_mask reads = static_cast<unsigned>(statement_kind::query) | static_cast<unsigned>(statement_kind::raw_query);
inline constexpr kind_mask writes =
    static_cast<unsigned>(statement_kind::execute) | static_cast<unsigned>(statement_kind::raw_execute);
/// query, execute, raw_query, raw_execute: everything but exec() (no BEGIN/COMMIT, no DDL).
inline constexpr kind_mask statements = reads | writes;
}  // namespace kinds
constexpr bool in_mask(kind_mask m, statement_kind k) noexcept { return (m & static_cast<unsigned>(k)) != 0; }

/// "query", "execute", "raw_query", "raw_execute" or "exec".
constexpr std::string_view to_string(statement_kind k) noexcept {
  switch (k) {
    case statement_kind::query: return "query";
    case statement_kind::execute: return "execute";
    case statement_kind::raw_query: return "raw_query";
    case statement_kind::raw_execute: return "raw_execute";
    case statement_kind::exec: return "exec";
  }
  return "?";
}

/// One statement as an observer sees it. `sql` is valid during the call only.
struct statement_event {
  statement_kind kind;
  std::string_view sql;
  int param_count = 0;                   ///< bound parameters (a runtime list counts as one)
  std::chrono::nanoseconds duration{0};  ///< finish only: from before prepare/bind to the last row read
  std::int64_t rows = 0;                 ///< finish only: rows read (queries) or changed (writes)
  bool failed = false;                   ///< finish only: an exception ended the statement
};

/// Receives statement events from the connections it is added to (`db.add_observer(o)`).
/// Observers run on the connection's thread, must not use that connection, and must be removed
/// before they are destroyed (query_counter and repeated_statement_guard do it themselves).
class statement_observer {
 public:
  /// Before the statement is prepared and run. May throw: the statement is then not run and the
  /// exception reaches the caller (this is how repeated_statement_guard stops an N+1 loop).
  virtual void statement_started(const statement_event&) {}
  /// After the statement's last row was read (or it was abandoned, or it failed).
  virtual void statement_finished(const statement_event&) noexcept {}

 protected:
  statement_observer() = default;
  statement_observer(const statement_observer&) = default;
  statement_observer& operator=(const statement_observer&) = default;
  ~statement_observer() = default;
};

}  // namespace quarry::diag

namespace quarry::detail {

/// The observers and hook function of one connection. Allocated on first use and kept for the
/// connection's lifetime, so a statement in flight can always report its end.
struct statement_hooks {
  std::vector<diag::statement_observer*> observers;
  std::function<void(const diag::statement_event&)> on_finish;

  bool empty() const noexcept { return observers.empty() && !on_finish; }

  void started(const diag::statement_event& e) {
    for (auto* o : observers) o->statement_started(e);
  }
  void finished(const diag::statement_event& e) noexcept {
    for (auto* o : observers) o->statement_finished(e);
    if (on_finish) {
      try {
        on_finish(e);
      } catch (...) {  // a logging hook must not turn a finished statement into a failure
      }
    }
  }
};

/// One statement in flight while hooks are installed: reports its end when destroyed (the
/// statement's lease releases it after the last row, or the stack unwinds past it).
class statement_trace {
 public:
  /// `own_sql`: keep a copy of the text (raw SQL, whose caller's string may die before the end).
  statement_trace(statement_hooks& h, diag::statement_kind k, std::string_view sql, int params, bool own_sql)
      : hooks_(&h), event_{k, sql, params, {}, 0, false}, uncaught_(std::uncaught_exceptions()) {
    if (own_sql) {
      sql_.assign(sql);
      event_.sql = sql_;
    }
    start_ = std::chrono::steady_clock::now();
  }
  statement_trace(const statement_trace&) = delete;
  statement_trace& operator=(const statement_trace&) = delete;
  ~statement_trace() {
    event_.duration = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_);
    if (!hooks_) return;
    event_.failed = event_.failed || std::uncaught_exceptions() > uncaught_;
    hooks_->finished(event_);
  }
  /// The connection is gone (and its hooks with it): the end is not reported.
  void orphan() noexcept { hooks_ = nullptr; }
  void set_rows(std::int64_t n) noexcept { event_.rows = n; }
  void set_failed() noexcept { event_.failed = true; }

  /// Tells the observers a statement starts and returns its trace (throws what they throw).
  static std::unique_ptr<statement_trace> start(statement_hooks& h, diag::statement_kind k, std::string_view sql,
                                                int params, bool own_sql = false) {
    h.started(diag::statement_event{k, sql, params, {}, 0, false});
    return std::make_unique<statement_trace>(h, k, sql, params, own_sql);
  }

 private:
  statement_hooks* hooks_;
  std::string sql_;
  diag::statement_event event_;
  int uncaught_;
  std::chrono::steady_clock::time_point start_;
};

/// Ends a statement's trace (out of line: the fast path of a statement only tests the pointer).
[[gnu::noinline]] inline void end_trace(statement_trace*& t, std::int64_t rows) noexcept {
  t->set_rows(rows);
  delete std::exchange(t, nullptr);
}

}  // namespace quarry::detail
