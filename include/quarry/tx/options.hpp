#pragma once
/// \file quarry/tx/options.hpp
/// Options of a transaction: isolation level (a template argument, so that a level a backend
/// cannot give is a compile error), read only / deferrable (PostgreSQL), the SQLite locking mode
/// and the retry policy of the callback form. See docs/transactions.md.

#include <string_view>

#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/detail/std_function.hpp"

namespace quarry {

class error;

/// Isolation level. `backend_default` sends no isolation clause: READ COMMITTED on PostgreSQL
/// (unless the session default was changed), SERIALIZABLE on SQLite (its only level).
enum class isolation { backend_default, read_committed, repeatable_read, serializable };

/// How an SQLite transaction takes its locks (BEGIN DEFERRED / IMMEDIATE / EXCLUSIVE).
/// `automatic`: IMMEDIATE for transactions that may write, DEFERRED for read-only ones.
/// Only `automatic` is accepted on PostgreSQL.
enum class sqlite_lock { automatic, deferred, immediate, exclusive };

/// What the retry hook of the callback form receives before it sleeps and re-runs the callback.
struct retry_event {
  int attempt;                      ///< the attempt that failed (1-based)
  int max_attempts;                 ///< the configured bound
  std::chrono::microseconds delay;  ///< how long quarry sleeps before the next attempt
  const error& cause;               ///< the retryable error
};

/// Transaction options. The isolation level is the template argument:
///
///     db.begin();                                              // backend default
///     db.begin(quarry::serializable_tx{.read_only = true, .deferrable = true});
///     db.transaction(quarry::serializable_tx{.max_attempts = 10}, [&](quarry::transaction& tx, int attempt) {...});
///
/// On an SQLite connection only backend_default and serializable compile.
template <isolation Level>
struct tx_options_for {
  static constexpr isolation level = Level;
  /// PostgreSQL: READ ONLY. SQLite: begins DEFERRED (unless `lock` says otherwise).
  bool read_only = false;
  /// PostgreSQL: DEFERRABLE (with SERIALIZABLE READ ONLY: waits for a safe snapshot, then can never
  /// fail with a serialization failure). Ignored by SQLite.
  bool deferrable = false;
  /// SQLite locking mode; must stay `automatic` on PostgreSQL.
  sqlite_lock lock = sqlite_lock::automatic;

  // ---- retry policy (callback form, outermost transaction only) ----
  /// Attempts in all, the first included (>= 1).
  int max_attempts = 5;
  /// Backoff before attempt n+1: a uniformly random delay in [0, min(max_delay, base_delay * 2^(n-1))]
  /// ("full jitter").
  std::chrono::microseconds base_delay{1000};
  std::chrono::microseconds max_delay{100000};
  /// PostgreSQL 40P01 deadlock_detected (on by default). 40001 is always retried.
  bool retry_deadlock = true;
  /// PostgreSQL 23505 unique_violation (off by default: only when a concurrent insert of the same
  /// key is the expected cause, e.g. an upsert race).
  bool retry_unique_violation = false;
  /// PostgreSQL 23P01 exclusion_violation (off by default).
  bool retry_exclusion_violation = false;
  /// PostgreSQL 55P03 lock_not_available (NOWAIT, lock_timeout; off by default).
  bool retry_lock_not_available = false;
  /// PostgreSQL: a connection lost before COMMIT was sent (08xxx but 08007, 57P01 after
  /// pg_terminate_backend, ...) reconnects the connection (`reconnect()`) and re-runs the callback,
  /// counting as an attempt (on by default). A loss during COMMIT is never retried: it throws
  /// quarry::ambiguous_commit.
  bool retry_connection_lost = true;
  /// Called before every retry (logging, metrics). Must not throw.
  std::function<void(const retry_event&)> on_retry{};
};

using tx_options = tx_options_for<isolation::backend_default>;
using read_committed_tx = tx_options_for<isolation::read_committed>;
using repeatable_read_tx = tx_options_for<isolation::repeatable_read>;
using serializable_tx = tx_options_for<isolation::serializable>;

}  // namespace quarry
