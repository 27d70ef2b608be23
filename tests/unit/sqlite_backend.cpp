// What only the SQLite backend has: open options, pragmas, storage classes, error codes.

#include "catch.hpp"
#include "schema.hpp"

#include <quarry/sqlite.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace test;
namespace qs = quarry::sqlite;

static std::string temp_db(const std::string& name) {
  const char* dir = std::getenv("QUARRY_TEST_TMPDIR");
  std::filesystem::path base = dir ? dir : std::filesystem::temp_directory_path().string();
  std::filesystem::create_directories(base);
  auto p = base / (name + "-" + std::to_string(::getpid()) + ".db");
  for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
  return p.string();
}

template <class T>
static T pragma(qs::connection& db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db.native_handle(), sql, -1, &s, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  T v{};
  if constexpr (std::is_same_v<T, std::string>)
    v = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  else
    v = static_cast<T>(sqlite3_column_int64(s, 0));
  sqlite3_finalize(s);
  return v;
}

TEST_CASE("defaults: WAL, busy_timeout 5000, synchronous NORMAL, foreign keys on") {
  qs::options o;
  o.path = temp_db("defaults");
  qs::connection db(o);
  CHECK(pragma<std::string>(db, "PRAGMA journal_mode") == "wal");
  CHECK(pragma<int>(db, "PRAGMA busy_timeout") == 5000);
  CHECK(pragma<int>(db, "PRAGMA synchronous") == 1);
  CHECK(pragma<int>(db, "PRAGMA foreign_keys") == 1);
  CHECK(pragma<int>(db, "PRAGMA cache_size") == -8192);
  CHECK(db.max_parameters() == sqlite3_limit(db.native_handle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1));
  CHECK(db.max_parameters() > 0);
}

TEST_CASE("every default is an option") {
  qs::options o;
  o.path = temp_db("options");
  o.journal = qs::journal_mode::delete_;
  o.busy_timeout = std::chrono::milliseconds(250);
  o.sync = qs::synchronous::full;
  o.foreign_keys = false;
  o.cache_size_kib = 1024;
  qs::connection db(o);
  CHECK(pragma<std::string>(db, "PRAGMA journal_mode") == "delete");
  CHECK(pragma<int>(db, "PRAGMA busy_timeout") == 250);
  CHECK(pragma<int>(db, "PRAGMA synchronous") == 2);
  CHECK(pragma<int>(db, "PRAGMA foreign_keys") == 0);
  CHECK(pragma<int>(db, "PRAGMA cache_size") == -1024);
}

TEST_CASE("an unopenable path names the path") {
  qs::options o;
  o.path = "/nonexistent-dir/quarry/x.db";
  try {
    qs::connection db(o);
    FAIL("opened");
  } catch (const quarry::open_error& e) {
    CHECK(e.category() == quarry::errc::cannot_open);
    CHECK_THAT(e.what(), Catch::Matchers::Contains("/nonexistent-dir/quarry/x.db"));
    CHECK((e.native_code() & 0xff) == SQLITE_CANTOPEN);
  }
}

TEST_CASE("read-only connections open existing files and refuse writes") {
  std::string path = temp_db("readonly");
  {
    qs::options o;
    o.path = path;
    qs::connection db(o);
    db.create_table(users);
    db.insert(users, User{0, "a@x.org", std::nullopt, 1});
  }
  qs::options ro;
  ro.path = path;
  ro.read_only = true;
  qs::connection db(ro);
  CHECK(db.find(users, 1)->email == "a@x.org");
  CHECK_THROWS_AS(db.insert(users, User{0, "b@x.org", std::nullopt, 1}), quarry::error);
  try {
    db.insert(users, User{0, "b@x.org", std::nullopt, 1});
  } catch (const quarry::error& e) {
    CHECK(e.category() == quarry::errc::read_only);
  }
  qs::options missing;
  missing.path = temp_db("missing");
  missing.read_only = true;
  CHECK_THROWS_AS(qs::connection(missing), quarry::open_error);
}

TEST_CASE("a value of the wrong storage class names the column and both types") {
  qs::connection db;
  db.create_table(users);
  db.exec("INSERT INTO users (email, city, age) VALUES ('a@x.org', NULL, 'old')");
  try {
    (void)db.query(quarry::select(users)).all();
    FAIL("no exception");
  } catch (const quarry::type_mismatch& e) {
    CHECK(e.category() == quarry::errc::type_mismatch);
    CHECK_THAT(e.what(), Catch::Matchers::Contains("users.age holds an SQLite TEXT value but is read as INTEGER"));
    CHECK_THAT(e.sql(), Catch::Matchers::Contains("SELECT"));
  }
}

TEST_CASE("an integer that does not fit the field is an error, not a truncation") {
  qs::connection db;
  db.create_table(samples);
  db.exec("INSERT INTO samples VALUES (1, 1, 40000, 0, 0, 0.5, 't', x'00', '2024-01-01 00:00:00.000000', '2024-01-01', '1', NULL, NULL)");
  try {
    (void)db.query(quarry::select(samples)).one();
    FAIL("no exception");
  } catch (const quarry::type_mismatch& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("samples.small"));
    CHECK_THAT(e.what(), Catch::Matchers::Contains("40000 is out of range for int16"));
  }
  db.exec("UPDATE samples SET small = 1, flag = 2");
  CHECK_THROWS_AS(db.query(quarry::select(samples)).one(), quarry::type_mismatch);
  db.exec("UPDATE samples SET flag = 1, at = 'yesterday'");
  CHECK_THROWS_WITH(db.query(quarry::select(samples)).one(), Catch::Matchers::Contains("samples.at"));
  db.exec("UPDATE samples SET at = '2024-01-01 00:00:00', amount = 'abc'");
  CHECK_THROWS_WITH(db.query(quarry::select(samples)).one(), Catch::Matchers::Contains("samples.amount: 'abc' is not a decimal number"));
  // TEXT affinity keeps decimals exact even when a REAL is written to the column.
  db.exec("UPDATE samples SET amount = 1.5");
  CHECK(db.query(quarry::select(samples)).one().amount == quarry::decimal("1.5"));
}

TEST_CASE("extended result codes map to categories (one table)") {
  struct row {
    int code;
    quarry::errc category;
  };
  const row table[] = {
      {SQLITE_CONSTRAINT_UNIQUE, quarry::errc::unique_violation},
      {SQLITE_CONSTRAINT_PRIMARYKEY, quarry::errc::unique_violation},
      {SQLITE_CONSTRAINT_ROWID, quarry::errc::unique_violation},
      {SQLITE_CONSTRAINT_FOREIGNKEY, quarry::errc::foreign_key_violation},
      {SQLITE_CONSTRAINT_NOTNULL, quarry::errc::not_null_violation},
      {SQLITE_CONSTRAINT_CHECK, quarry::errc::check_violation},
      {SQLITE_CONSTRAINT_TRIGGER, quarry::errc::constraint_violation},
      {SQLITE_CONSTRAINT, quarry::errc::constraint_violation},
      {SQLITE_BUSY, quarry::errc::busy},
      {SQLITE_BUSY_TIMEOUT, quarry::errc::busy},
      {SQLITE_BUSY_SNAPSHOT, quarry::errc::serialization_failure},
      {SQLITE_LOCKED, quarry::errc::locked},
      {SQLITE_LOCKED_SHAREDCACHE, quarry::errc::locked},
      {SQLITE_CANTOPEN, quarry::errc::cannot_open},
      {SQLITE_READONLY, quarry::errc::read_only},
      {SQLITE_READONLY_DBMOVED, quarry::errc::read_only},
      {SQLITE_INTERRUPT, quarry::errc::query_canceled},
      {SQLITE_MISMATCH, quarry::errc::type_mismatch},
      {SQLITE_ERROR, quarry::errc::syntax},
      {SQLITE_MISUSE, quarry::errc::usage},
      {SQLITE_IOERR, quarry::errc::unknown},
  };
  for (const auto& r : table) {
    INFO("code " << r.code);
    CHECK(qs::category_of(r.code) == r.category);
  }
}

TEST_CASE("busy: a second writer waits busy_timeout, then gets busy_error") {
  std::string path = temp_db("busy");
  qs::options o;
  o.path = path;
  o.busy_timeout = std::chrono::milliseconds(50);
  qs::connection a(o), b(o);
  a.create_table(users);
  a.exec("BEGIN IMMEDIATE");
  a.insert(users, User{0, "a@x.org", std::nullopt, 1});
  try {
    b.insert(users, User{0, "b@x.org", std::nullopt, 1});
    FAIL("no exception");
  } catch (const quarry::busy_error& e) {
    CHECK(e.category() == quarry::errc::busy);
    CHECK((e.native_code() & 0xff) == SQLITE_BUSY);
  }
  a.exec("COMMIT");
  b.insert(users, User{0, "b@x.org", std::nullopt, 1});
}

TEST_CASE("an SQL error names the SQL and the code") {
  qs::connection db;
  try {
    db.exec("SELEC 1");
    FAIL("no exception");
  } catch (const quarry::error& e) {
    CHECK(e.category() == quarry::errc::syntax);
    CHECK_THAT(e.what(), Catch::Matchers::Contains("SELEC 1"));
    CHECK(e.native_code() == SQLITE_ERROR);
  }
}

TEST_CASE("SQLite text keeps embedded zero bytes") {
  qs::connection db;
  db.create_table(users);
  std::string email("a\0b@x.org", 9);
  auto id = db.insert(users, User{0, email, std::nullopt, 1});
  CHECK(db.find(users, id)->email == email);
  CHECK(db.find(users, id)->email.size() == 9);
}
