#pragma once
// The backends every conformance test runs on. A test is written once as
// TEMPLATE_LIST_TEST_CASE("...", "[tag]", backends) and gets a fresh connection from
// TestType::connect(); tables are dropped and re-created by the test itself.

#include <quarry/sqlite.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
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

using backends = std::tuple<sqlite_memory, sqlite_file>;

}  // namespace test
