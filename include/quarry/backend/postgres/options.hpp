#pragma once
/// \file quarry/backend/postgres/options.hpp
/// How a PostgreSQL connection is opened and how it prepares statements. Every default is
/// described in docs/postgres.md ("Options").

#include <optional>
#include <string>
#include <string_view>

#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/detail/std_function.hpp"

namespace quarry::postgres {

/// How statements reach the server (docs/postgres.md, "Prepare modes").
enum class prepare_mode {
  /// Server-side named statements ("quarry_<n>"), prepared once per connection and executed by
  /// name afterwards. A statement is prepared by name the second time it runs, so a statement that
  /// runs once never leaves a prepared statement behind on the server. The fastest mode.
  named,
  /// Parse into the unnamed statement, then execute it, on every run (two round trips).
  unnamed,
  /// One PQexecParams per run (Parse/Bind/Execute in one round trip, nothing kept on the server).
  /// Use this behind PgBouncer in transaction pooling mode.
  off,
};

/// Connection options: `quarry::postgres::connection db{{.conninfo = "host=db dbname=app"}}`.
struct options {
  /// A libpq connection string ("host=127.0.0.1 port=5432 dbname=app user=app") or URL
  /// ("postgresql://app@127.0.0.1:5432/app"). Empty uses libpq's defaults and PG* variables.
  std::string conninfo{};
  /// application_name (shown in pg_stat_activity) when the conninfo sets none; empty sends none.
  std::string application_name = "quarry";
  /// Session statement_timeout, sent at connect (`-c statement_timeout=N`); nullopt keeps the
  /// server's setting. A statement running longer fails with quarry::query_canceled (57014).
  std::optional<std::chrono::milliseconds> statement_timeout{};
  /// libpq connect_timeout (whole seconds, libpq treats 1 as 2); nullopt waits as long as the
  /// operating system does.
  std::optional<std::chrono::seconds> connect_timeout = std::chrono::seconds{10};
  /// Session TimeZone, sent at connect. "UTC" makes `timestamp without time zone` columns hold UTC
  /// wall-clock time, which is how quarry reads them; nullopt keeps the server's setting.
  std::optional<std::string> time_zone = "UTC";
  prepare_mode prepare = prepare_mode::named;
  /// Receives the server's notices and warnings ("NOTICE: table \"t\" does not exist,
  /// skipping"), one line each. Empty (the default) drops them instead of printing to stderr.
  std::function<void(std::string_view)> on_notice{};
};

}  // namespace quarry::postgres
