#pragma once
/// \file quarry/backend/sqlite/options.hpp
/// How an SQLite connection is opened. Every default from docs/sqlite.md is a field here.

#include <optional>
#include <string>

#include "quarry/core/detail/std_chrono.hpp"

namespace quarry::sqlite {

enum class journal_mode { wal, delete_, truncate, persist, memory, off };
enum class synchronous { off, normal, full, extra };

/// Connection options; `quarry::sqlite::connection db{{.path = "app.db"}}`.
struct options {
  /// File path, or ":memory:" for a private in-memory database.
  std::string path = ":memory:";
  bool read_only = false;
  /// Create the file when it does not exist (ignored when read_only).
  bool create = true;
  /// PRAGMA journal_mode (not applied to in-memory or read-only databases). WAL lets readers
  /// run while one writer writes.
  journal_mode journal = journal_mode::wal;
  /// sqlite3_busy_timeout: how long a statement waits for another connection's lock.
  std::chrono::milliseconds busy_timeout{5000};
  /// PRAGMA synchronous. NORMAL is durable across application crashes in WAL mode.
  synchronous sync = synchronous::normal;
  /// PRAGMA foreign_keys (SQLite's own default is OFF).
  bool foreign_keys = true;
  /// PRAGMA cache_size in KiB (negative values in SQLite's terms); nullopt keeps SQLite's default.
  std::optional<int> cache_size_kib = 8192;
};

}  // namespace quarry::sqlite
