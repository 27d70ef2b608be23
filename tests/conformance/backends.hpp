#pragma once
// The backends every conformance test runs on. A test is written once as
// TEMPLATE_LIST_TEST_CASE("...", "[tag]", backends) and gets a fresh connection from
// TestType::connect(); tables are dropped and re-created by the test itself.

#include <quarry/postgres.hpp>
#include <quarry/sqlite.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unistd.h>

namespace test {

/// A private in-memory SQLite database per connection.
struct sqlite_memory {
  using connection = quarry::sqlite::connection;
  static constexpr const char* name = "sqlite-memory";
  /// Placeholder n in this backend's raw SQL.
  static std::string ph(int) { return "?"; }
  static std::unique_ptr<connection> connect() { return std::make_unique<connection>(); }
};

/// A fresh SQLite file (WAL) per connection, in the test run's temporary directory.
struct sqlite_file {
  using connection = quarry::sqlite::connection;
  static constexpr const char* name = "sqlite-file";
  static std::string ph(int) { return "?"; }
  static std::string fresh_path() {
    static std::atomic<int> n{0};
    const char* dir = std::getenv("QUARRY_TEST_TMPDIR");
    std::filesystem::path base = dir ? dir : std::filesystem::temp_directory_path().string();
    std::filesystem::create_directories(base);
    auto p = base / ("conformance-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".db");
    std::filesystem::remove(p);
    std::filesystem::remove(p.string() + "-wal");
    std::filesystem::remove(p.string() + "-shm");
    return p.string();
  }
  static std::unique_ptr<connection> connect() {
    quarry::sqlite::options o;
    o.path = fresh_path();
    return std::make_unique<connection>(o);
  }
};

/// The server scripts/test starts (QUARRY_TEST_PG). Each test process works in its own schema, so
/// test binaries can run concurrently against one server. Never skipped: no server is a failure.
struct postgres {
  using connection = quarry::postgres::connection;
  static constexpr const char* name = "postgres";
  static std::string ph(int n) { return "$" + std::to_string(n); }
  static std::unique_ptr<connection> connect() {
    const char* conninfo = std::getenv("QUARRY_TEST_PG");
    if (!conninfo || !*conninfo)
      throw std::runtime_error(
          "QUARRY_TEST_PG is not set: run the suite through scripts/test (which starts a throwaway "
          "PostgreSQL) or point QUARRY_TEST_PG at a server; PostgreSQL tests are never skipped");
    quarry::postgres::options o;
    o.conninfo = conninfo;
    auto db = std::make_unique<connection>(o);
    static const std::string schema = "conformance_" + std::to_string(::getpid());
    db->exec("CREATE SCHEMA IF NOT EXISTS " + schema);
    db->exec("SET search_path TO " + schema);
    return db;
  }
};

using backends = std::tuple<sqlite_memory, sqlite_file, postgres>;

}  // namespace test
