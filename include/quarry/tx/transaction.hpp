#pragma once
/// \file quarry/tx/transaction.hpp
/// Transactions: the RAII `quarry::transaction` (from `db.begin(options)`), nested scopes as
/// savepoints, and the callback form with retry (`db.transaction(options, fn)`).
/// See docs/transactions.md.

#include <concepts>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#if defined(__GLIBCXX__) && __has_include(<bits/this_thread_sleep.h>)
// std::this_thread::sleep_for alone: <thread> costs every TU that includes a backend ≈ 0.1 s
// and 17 MB with g++ 12 (docs/benchmarks.md, "Build cost").
#include <bits/this_thread_sleep.h>
#else
#include <thread>
#endif

#include "quarry/backend/connection_core.hpp"
#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/error.hpp"
#include "quarry/tx/options.hpp"
#include "quarry/tx/state.hpp"

namespace quarry {
namespace detail {

template <class Conn>
inline constexpr bool is_sqlite_connection = Conn::dialect::name == std::string_view("sqlite");

template <class Conn, isolation L>
constexpr void check_isolation() {
  static_assert(!is_sqlite_connection<Conn> || L == isolation::backend_default || L == isolation::serializable,
                "quarry: SQLite transactions are always SERIALIZABLE; read_committed and repeatable_read are "
                "not available on an SQLite connection (use quarry::tx_options or quarry::serializable_tx, and "
                "sqlite_lock for the locking mode)");
}

constexpr std::string_view isolation_sql(isolation l) noexcept {
  switch (l) {
    case isolation::read_committed: return " ISOLATION LEVEL READ COMMITTED";
    case isolation::repeatable_read: return " ISOLATION LEVEL REPEATABLE READ";
    case isolation::serializable: return " ISOLATION LEVEL SERIALIZABLE";
    default: return "";
  }
}

/// The BEGIN statement for these options on this backend.
template <class Conn, isolation L>
std::string begin_sql(const tx_options_for<L>& o) {
  check_isolation<Conn, L>();
  if constexpr (is_sqlite_connection<Conn>) {
    switch (o.lock) {
      case sqlite_lock::deferred: return "BEGIN DEFERRED";
      case sqlite_lock::immediate: return "BEGIN IMMEDIATE";
      case sqlite_lock::exclusive: return "BEGIN EXCLUSIVE";
      default: return o.read_only ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE";
    }
  } else {
    if (o.lock != sqlite_lock::automatic)
      throw usage_error(errc::usage,
                        "quarry: sqlite_lock (deferred/immediate/exclusive) applies to SQLite only; on this "
                        "connection leave it `automatic` and choose an isolation level");
    std::string s = "BEGIN";
    s += isolation_sql(L);
    if (o.read_only) s += " READ ONLY";
    if (o.deferrable) s += " DEFERRABLE";
    return s;
  }
}

/// What a transaction needs from its connection, without naming the connection's type.
struct tx_backend {
  void* conn = nullptr;
  void (*exec)(void*, std::string_view) = nullptr;
  bool (*failed)(void*) = nullptr;  ///< PostgreSQL: the transaction is aborted (25P02 state)
  std::string (*failure)(void*) = nullptr;  ///< PostgreSQL: the error that aborted it, if known
  bool (*broken)(void*) = nullptr;          ///< PostgreSQL: the connection is known to be gone
  tx_state* state = nullptr;
  /// The connection's shared block (a reference is held): a scope that outlives its connection
  /// finds it closed and touches nothing (docs/transactions.md).
  connection_core* core = nullptr;

  template <class Conn>
  static tx_backend of(Conn& db) {
    tx_backend b;
    b.conn = &db;
    b.exec = [](void* c, std::string_view sql) { static_cast<Conn*>(c)->exec(sql); };
    b.failed = [](void* c) -> bool {
      if constexpr (requires(Conn& x) { x.transaction_failed(); }) {
        return static_cast<Conn*>(c)->transaction_failed();
      } else {
        (void)c;
        return false;
      }
    };
    b.failure = [](void* c) -> std::string {
      if constexpr (requires(Conn& x) { x.transaction_failure(); }) {
        return static_cast<Conn*>(c)->transaction_failure();
      } else {
        (void)c;
        return {};
      }
    };
    b.broken = [](void* c) -> bool {
      if constexpr (requires(Conn& x) { x.broken(); }) {
        return static_cast<Conn*>(c)->broken();
      } else {
        (void)c;
        return false;
      }
    };
    b.state = &db.transaction_state();
    if constexpr (requires { db.shared_core(); }) {
      b.core = &db.shared_core();
      b.core->retain();
    }
    return b;
  }
};

}  // namespace detail

/// One transaction scope. The outermost scope on a connection is BEGIN ... COMMIT/ROLLBACK; a scope
/// opened while another is active is `SAVEPOINT quarry_sp_<n>` ... RELEASE / ROLLBACK TO.
/// Destroying an active scope rolls it back. A scope is ended once: commit() or rollback() on an
/// ended scope throws quarry::usage_error. Scopes end innermost first.
class transaction {
 public:
  template <class Conn, isolation L>
  transaction(Conn& db, const tx_options_for<L>& o) : b_(detail::tx_backend::of(db)) {
    try {
      begin<Conn, L>(o);
    } catch (...) {
      if (b_.core) b_.core->release();
      throw;
    }
  }
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;
  ~transaction() {
    // A scope that outlives its connection: the connection rolled the transaction back when it
    // closed, and its state is gone; touch nothing.
    const bool gone = b_.core && b_.core->closed();
    if (state_ == open && !gone) {
      try {
        undo();
      } catch (...) {  // a destructor must not throw; the connection reports the problem next time
      }
      finish(rolled_back);
    }
    if (b_.core) b_.core->release();
  }

 private:
  template <class Conn, isolation L>
  void begin(const tx_options_for<L>& o) {
    detail::tx_state& st = *b_.state;
    if (st.depth == 0) {
      std::string sql = detail::begin_sql<Conn, L>(o);
      st.doomed = nullptr;
      b_.exec(b_.conn, sql);
    } else {
      (void)detail::begin_sql<Conn, L>(o);  // the same checks; a savepoint inherits the outer settings
      savepoint_ = "quarry_sp_" + std::to_string(++st.savepoints);
      b_.exec(b_.conn, "SAVEPOINT " + savepoint_);
    }
    depth_ = ++st.depth;
  }

 public:

  /// COMMIT (outermost) or RELEASE SAVEPOINT (nested). If COMMIT fails the transaction is rolled
  /// back and the error propagates. A connection known to be lost before COMMIT is sent is
  /// quarry::connection_lost (nothing committed); a connection lost while COMMIT is in flight, or
  /// SQLSTATE 08007 / 40003, is quarry::ambiguous_commit (the outcome is unknown).
  void commit() {
    check_usable("commit");
    detail::tx_state& st = *b_.state;
    if (savepoint_.empty()) {
      if (st.doomed) {
        auto p = st.doomed;
        quiet_undo();
        finish(rolled_back);
        std::rethrow_exception(p);
      }
      if (b_.broken(b_.conn)) {
        finish(rolled_back);
        throw connection_lost(errc::connection_lost,
                              "quarry: cannot commit: the connection was lost before COMMIT was sent, so the "
                              "transaction did not commit (the server rolls it back); run it again on a new "
                              "connection (the callback form db.transaction(...) does this itself)",
                              "COMMIT");
      }
      if (b_.failed(b_.conn)) {
        std::string why = b_.failure(b_.conn);
        quiet_undo();
        finish(rolled_back);
        throw usage_error(errc::usage,
                          "quarry: cannot commit: an earlier statement of this transaction failed" +
                              (why.empty() ? std::string() : " (" + why + ")") +
                              " and PostgreSQL aborted the transaction (SQLSTATE 25P02 for every later "
                              "statement); it was rolled back. Catch errors in a nested scope (savepoint) to go "
                              "on after them",
                          "COMMIT");
      }
      try {
        b_.exec(b_.conn, "COMMIT");
      } catch (const connection_lost& e) {
        finish(rolled_back);
        throw ambiguous_commit(errc::ambiguous_commit,
                               std::string("quarry: the connection was lost while COMMIT was in flight, so the "
                                           "transaction may or may not have committed; quarry does not retry it. "
                                           "Check whether its effects are there (an idempotent transaction, e.g. one "
                                           "keyed by a client-generated unique id, makes this a lookup) before "
                                           "running it again. Cause: ") +
                                   e.what(),
                               "COMMIT", e.native_code(), e.sqlstate());
      } catch (const ambiguous_commit&) {
        finish(rolled_back);
        throw;
      } catch (...) {
        quiet_undo();  // SQLite keeps the transaction open after a failed COMMIT
        finish(rolled_back);
        throw;
      }
    } else {
      b_.exec(b_.conn, "RELEASE SAVEPOINT " + savepoint_);
    }
    finish(committed);
  }

  /// ROLLBACK (outermost) or ROLLBACK TO SAVEPOINT + RELEASE (nested).
  void rollback() {
    check_usable("rollback");
    try {
      undo();
    } catch (...) {
      finish(rolled_back);
      throw;
    }
    finish(rolled_back);
  }

  /// True until commit() or rollback() ends the scope.
  bool active() const noexcept { return state_ == open; }
  /// True for a savepoint scope.
  bool nested() const noexcept { return !savepoint_.empty(); }
  /// The savepoint's name ("quarry_sp_3"), empty for the outermost scope.
  const std::string& savepoint() const noexcept { return savepoint_; }

 private:
  enum status { open, committed, rolled_back };

  void check_usable(const char* what) const {
    if (b_.core && b_.core->closed())
      throw usage_error(errc::usage, std::string("quarry: ") + what +
                                         "() on a transaction whose connection was closed (destroyed); the "
                                         "database rolled it back; keep the connection open until the "
                                         "transaction ends");
    if (state_ == committed)
      throw usage_error(errc::usage, std::string("quarry: ") + what +
                                         "() on a transaction that was already committed; a transaction "
                                         "ends once (begin a new one)");
    if (state_ == rolled_back)
      throw usage_error(errc::usage, std::string("quarry: ") + what +
                                         "() on a transaction that was already rolled back; a transaction "
                                         "ends once (begin a new one)");
    if (b_.state->depth != depth_)
      throw usage_error(errc::usage, std::string("quarry: ") + what +
                                         "() while a nested transaction scope (savepoint) opened inside "
                                         "this one is still active; end the inner scope first");
  }
  void undo() {
    if (savepoint_.empty()) {
      b_.exec(b_.conn, "ROLLBACK");
    } else {
      b_.exec(b_.conn, "ROLLBACK TO SAVEPOINT " + savepoint_);
      b_.exec(b_.conn, "RELEASE SAVEPOINT " + savepoint_);
    }
  }
  void quiet_undo() noexcept {
    try {
      undo();
    } catch (...) {
    }
  }
  void finish(status s) noexcept {
    state_ = s;
    --b_.state->depth;
  }

  detail::tx_backend b_;
  std::string savepoint_;
  int depth_ = 0;
  status state_ = open;
};

namespace detail {

template <class Conn>
inline constexpr bool can_reconnect = requires(Conn& c) {
  c.reconnect();
  { c.broken() } -> std::convertible_to<bool>;
};

/// Whether the callback form re-runs the transaction after `e`.
template <class Conn, isolation L>
bool retryable(const error& e, const tx_options_for<L>& o) noexcept {
  // A lost connection reaches here only if COMMIT was not sent: commit() turns a loss during
  // COMMIT into ambiguous_commit, which is never retried.
  if constexpr (can_reconnect<Conn>) {
    if (e.category() == errc::connection_lost) return o.retry_connection_lost;
  }
  if constexpr (is_sqlite_connection<Conn>) {
    int c = e.native_code();
    // SQLITE_BUSY (5) and its extended codes, SQLITE_BUSY_SNAPSHOT (517) among them; never
    // SQLITE_LOCKED (6), a conflict inside the same connection that a retry cannot fix.
    return e.sqlstate().empty() && c != 0 && (c & 0xff) == 5;
  } else {
    const std::string& s = e.sqlstate();
    return s == "40001" || (s == "40P01" && o.retry_deadlock) || (s == "23505" && o.retry_unique_violation) ||
           (s == "23P01" && o.retry_exclusion_violation) || (s == "55P03" && o.retry_lock_not_available);
  }
}

/// A per-thread pseudo-random 64-bit number (splitmix64), seeded from the clock and the thread:
/// enough to spread retries apart (<random> would cost every TU that includes a backend).
inline std::uint64_t jitter_random() noexcept {
  thread_local std::uint64_t state =
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
      (static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&state)) << 16);
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// Full-jitter exponential backoff before attempt `failed + 1`: uniform in [0, min(cap, base·2^(failed-1))].
template <isolation L>
std::chrono::microseconds backoff(const tx_options_for<L>& o, int failed) {
  std::int64_t cap = o.max_delay.count();
  std::int64_t d = o.base_delay.count();
  for (int k = 1; k < failed && d < cap; ++k) d *= 2;
  if (d > cap) d = cap;
  if (d <= 0) return std::chrono::microseconds{0};
  // The modulo's bias is below 2^-40 for any delay under 2^24 µs.
  return std::chrono::microseconds{static_cast<std::int64_t>(jitter_random() % (static_cast<std::uint64_t>(d) + 1))};
}

template <class F>
decltype(auto) call_tx_fn(F& fn, transaction& tx, int attempt) {
  if constexpr (std::is_invocable_v<F&, transaction&, int>) {
    return fn(tx, attempt);
  } else {
    static_assert(std::is_invocable_v<F&, transaction&>,
                  "quarry: the transaction callback must be callable as fn(quarry::transaction&, int "
                  "attempt) or fn(quarry::transaction&)");
    return fn(tx);
  }
}

template <class F>
using tx_result_t = decltype(call_tx_fn(std::declval<F&>(), std::declval<transaction&>(), 1));

template <class Conn, isolation L, class F>
tx_result_t<F> run_once(Conn& db, const tx_options_for<L>& o, F& fn, int attempt) {
  transaction tx(db, o);
  if constexpr (std::is_void_v<tx_result_t<F>>) {
    call_tx_fn(fn, tx, attempt);
    tx.commit();
  } else {
    tx_result_t<F> r = call_tx_fn(fn, tx, attempt);
    tx.commit();
    return r;
  }
}

/// The callback form: see connection_base::transaction.
template <class Conn, isolation L, class F>
tx_result_t<F> run_transaction(Conn& db, const tx_options_for<L>& o, F& fn) {
  check_isolation<Conn, L>();
  tx_state& st = db.transaction_state();
  if (st.depth > 0) {  // a savepoint: never retried here, a conflict always reaches the outermost scope
    try {
      return run_once(db, o, fn, 1);
    } catch (const transaction_conflict&) {
      if (!st.doomed) st.doomed = std::current_exception();
      throw;
    }
  }
  int max = o.max_attempts < 1 ? 1 : o.max_attempts;
  for (int attempt = 1;; ++attempt) {
    try {
      if constexpr (can_reconnect<Conn>) {
        // A fresh session after a connection loss (this attempt's or an earlier call's). A failed
        // reconnect is a connection_lost of this attempt.
        if (o.retry_connection_lost && db.broken()) db.reconnect();
      }
      return run_once(db, o, fn, attempt);
    } catch (const error& e) {
      if (!retryable<Conn>(e, o)) throw;
      if (attempt >= max)
        detail::throw_error(e.category(),
                            std::string(e.what()) + " [quarry: gave up after " + std::to_string(attempt) +
                                (attempt == 1 ? " attempt" : " attempts") + "]",
                            e.sql(), e.native_code(), e.sqlstate());
      auto delay = backoff(o, attempt);
      if (o.on_retry) {
        try {
          o.on_retry(retry_event{attempt, max, delay, e});
        } catch (...) {
        }
      }
      std::this_thread::sleep_for(delay);
    }
  }
}

}  // namespace detail
}  // namespace quarry
