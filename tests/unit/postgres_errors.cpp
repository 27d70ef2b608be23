// PostgreSQL errors: the SQLSTATE -> quarry::errc table (every mapping, without a server), then
// live errors raised by a server (constraint violations, serialization failure, deadlock, lock
// not available, statement_timeout, a terminated session, refused connections), each checked
// for its exception class, SQLSTATE, and a message with the server's text, DETAIL and the SQL.
// The live tests need QUARRY_TEST_PG; each works in its own schema.
#include "catch.hpp"

#if QUARRY_TEST_WITH_POSTGRES
#include <arpa/inet.h>
#include <netinet/in.h>
#include <quarry/postgres.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <memory>
#include <stdexcept>
#include <optional>
#include <string>
#include <thread>
#include <utility>

// A named namespace: descriptors in an anonymous one trip clang's -Wundefined-internal in
// quarry/schema/detail/reflect.hpp.
namespace pg_errors_test {

namespace pg = quarry::postgres;
using quarry::errc;
using Catch::Matchers::Contains;

std::string conninfo() {
  const char* c = std::getenv("QUARRY_TEST_PG");
  if (c == nullptr || *c == '\0')
    FAIL("QUARRY_TEST_PG is not set: run scripts/test (it starts a throwaway server) or export "
         "QUARRY_TEST_PG=\"host=127.0.0.1 port=5432 dbname=postgres user=postgres\"");
  return c;
}

pg::options test_options() {
  pg::options o;
  o.conninfo = conninfo();
  return o;
}

std::string new_schema_name() {
  static std::atomic<int> n{0};
  return "quarry_errors_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
}

/// Connections sharing one schema of their own, dropped at the end.
struct schema_fixture {
  std::string schema = new_schema_name();
  pg::connection db{test_options()};
  schema_fixture() { db.exec("CREATE SCHEMA " + schema + "; SET search_path TO " + schema); }
  ~schema_fixture() {
    try {
      pg::connection cleanup{test_options()};
      cleanup.exec("DROP SCHEMA " + schema + " CASCADE");
    } catch (...) {
    }
  }
  std::unique_ptr<pg::connection> another() {
    auto c = std::make_unique<pg::connection>(test_options());
    c->exec("SET search_path TO " + schema);
    return c;
  }
};

/// Runs f, which must throw E; returns the exception for more checks.
template <class E, class F>
E catch_as(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  } catch (const std::exception& e) {
    FAIL("threw another exception: " << e.what());
  }
  FAIL("did not throw");
  throw std::logic_error("unreachable");
}

struct User {
  std::int64_t id;
  std::string email;
  int age;
};
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::age, "age", quarry::check<"age >= 0">> age;
} users;

struct Order {
  std::int64_t id;
  std::int64_t user_id;
};
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
} orders;

/// A TCP port on 127.0.0.1 where nothing listens (bound, then closed).
int closed_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  socklen_t len = sizeof a;
  REQUIRE(::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0);
  ::close(s);
  return ntohs(a.sin_port);
}

}  // namespace pg_errors_test

using namespace pg_errors_test;

TEST_CASE("every SQLSTATE maps to its category", "[pg][errors][mapping]") {
  const std::pair<const char*, errc> table[] = {
      {"23505", errc::unique_violation},
      {"23503", errc::foreign_key_violation},
      {"23502", errc::not_null_violation},
      {"23514", errc::check_violation},
      {"23P01", errc::constraint_violation},  // exclusion
      {"23001", errc::constraint_violation},  // restrict
      {"23000", errc::constraint_violation},
      {"40001", errc::serialization_failure},
      {"40P01", errc::deadlock},
      {"40003", errc::ambiguous_commit},  // statement_completion_unknown
      {"08007", errc::ambiguous_commit},  // transaction_resolution_unknown
      {"40002", errc::constraint_violation},
      {"40000", errc::unknown},
      {"08000", errc::connection_lost},
      {"08003", errc::connection_lost},
      {"08006", errc::connection_lost},
      {"08001", errc::connection_lost},
      {"08004", errc::connection_lost},
      {"08P01", errc::connection_lost},
      {"57014", errc::query_canceled},
      {"57P01", errc::connection_lost},  // admin_shutdown (pg_terminate_backend)
      {"57P02", errc::connection_lost},
      {"57P03", errc::connection_lost},
      {"57P04", errc::connection_lost},
      {"57P05", errc::connection_lost},
      {"57000", errc::unknown},
      {"25P03", errc::connection_lost},
      {"25006", errc::read_only},
      {"25P02", errc::usage},
      {"25001", errc::usage},
      {"26000", errc::usage},
      {"0B000", errc::usage},
      {"2D000", errc::usage},
      {"3B001", errc::usage},
      {"55P03", errc::busy},
      {"55000", errc::unknown},
      {"22001", errc::type_mismatch},
      {"22003", errc::type_mismatch},
      {"22P02", errc::type_mismatch},
      {"22007", errc::type_mismatch},
      {"22008", errc::type_mismatch},
      {"22021", errc::type_mismatch},
      {"22012", errc::unknown},  // division by zero
      {"42601", errc::syntax},
      {"42P01", errc::syntax},
      {"42703", errc::syntax},
      {"42883", errc::syntax},
      {"42804", errc::syntax},
      {"42501", errc::unknown},  // insufficient_privilege
      {"28000", errc::cannot_open},
      {"28P01", errc::cannot_open},
      {"3D000", errc::cannot_open},
      {"53300", errc::unknown},
      {"XX000", errc::unknown},
      {"P0001", errc::unknown},  // RAISE EXCEPTION
      {"", errc::unknown},
      {"2350", errc::unknown},
  };
  for (auto [state, expected] : table) {
    INFO("SQLSTATE '" << state << "'");
    CHECK(pg::category_of(state) == expected);
  }
  // A connection that is gone: everything is connection_lost but an ambiguous commit.
  CHECK(pg::category_of("", true) == errc::connection_lost);
  CHECK(pg::category_of("23505", true) == errc::connection_lost);
  CHECK(pg::category_of("40003", true) == errc::ambiguous_commit);
  CHECK(pg::category_of("08007", true) == errc::ambiguous_commit);
  static_assert(pg::category_of("40001") == errc::serialization_failure);  // constexpr
}

TEST_CASE("constraint violations throw their classes with the SQLSTATE", "[pg][errors]") {
  using namespace quarry;
  schema_fixture f;
  f.db.create_table(users);
  f.db.create_table(orders);
  auto id = f.db.insert(users, User{0, "a@example.com", 1});

  auto u = catch_as<quarry::unique_violation>([&] { f.db.insert(users, User{0, "a@example.com", 2}); });
  CHECK(u.category() == errc::unique_violation);
  CHECK(u.sqlstate() == "23505");
  CHECK_THAT(u.what(), Contains("duplicate key value violates unique constraint") &&
                           Contains("DETAIL: Key (email)=(a@example.com) already exists") &&
                           Contains("[SQLSTATE 23505]") && Contains("SQL: INSERT INTO \"users\""));
  CHECK_THAT(u.sql(), Contains("INSERT INTO \"users\""));

  auto fk = catch_as<quarry::foreign_key_violation>([&] { f.db.insert(orders, Order{0, id + 100}); });
  CHECK(fk.sqlstate() == "23503");
  CHECK_THAT(fk.what(), Contains("foreign key") && Contains("DETAIL"));
  f.db.insert(orders, Order{0, id});
  CHECK_THROWS_AS(f.db.remove(users, id), quarry::foreign_key_violation);

  auto nn = catch_as<quarry::not_null_violation>([&] { f.db.exec("INSERT INTO users (email, age) VALUES (NULL, 1)"); });
  CHECK(nn.sqlstate() == "23502");
  CHECK(nn.category() == errc::not_null_violation);

  auto ck = catch_as<quarry::check_violation>([&] { f.db.insert(users, User{0, "b@example.com", -1}); });
  CHECK(ck.sqlstate() == "23514");
  CHECK_THAT(ck.what(), Contains("check constraint"));

  f.db.exec("CREATE TABLE booking (during int4range, EXCLUDE USING gist (during WITH &&))");
  f.db.exec("INSERT INTO booking VALUES ('[1,5)')");
  auto ex = catch_as<quarry::constraint_violation>([&] { f.db.exec("INSERT INTO booking VALUES ('[3,4)')"); });
  CHECK(ex.sqlstate() == "23P01");
  CHECK(ex.category() == errc::constraint_violation);

  // Every one of them is a quarry::constraint_violation and a quarry::error.
  CHECK_THROWS_AS(f.db.insert(users, User{0, "a@example.com", 2}), quarry::constraint_violation);
  CHECK_THROWS_AS(f.db.insert(users, User{0, "a@example.com", 2}), quarry::error);
}

TEST_CASE("syntax errors and failed transactions", "[pg][errors]") {
  schema_fixture f;
  auto s = catch_as<quarry::error>([&] { f.db.exec("SELEC 1"); });
  CHECK(s.category() == errc::syntax);
  CHECK(s.sqlstate() == "42601");
  CHECK_THAT(s.what(), Contains("syntax error") && Contains("SQL: SELEC 1"));
  auto t = catch_as<quarry::error>([&] { f.db.exec("SELECT * FROM no_such_table"); });
  CHECK(t.sqlstate() == "42P01");
  CHECK(t.category() == errc::syntax);

  f.db.exec("BEGIN");
  CHECK_THROWS(f.db.exec("SELECT 1/0"));
  auto aborted = catch_as<quarry::usage_error>([&] { f.db.exec("SELECT 1"); });
  CHECK(aborted.sqlstate() == "25P02");
  CHECK_THAT(aborted.what(), Contains("roll the transaction back"));
  f.db.exec("ROLLBACK");
  f.db.exec("SELECT 1");
}

TEST_CASE("a concurrent update is a serialization_failure (40001)", "[pg][errors][tx]") {
  schema_fixture f;
  auto other_owner = f.another();
  pg::connection& other = *other_owner;
  f.db.exec("CREATE TABLE counter (id int PRIMARY KEY, v int); INSERT INTO counter VALUES (1, 0)");
  f.db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
  f.db.exec("SELECT v FROM counter");  // takes the snapshot
  other.exec("UPDATE counter SET v = 1 WHERE id = 1");
  auto e = catch_as<quarry::serialization_failure>([&] { f.db.exec("UPDATE counter SET v = 2 WHERE id = 1"); });
  CHECK(e.sqlstate() == "40001");
  CHECK(e.category() == errc::serialization_failure);
  CHECK_THAT(e.what(), Contains("retry the whole transaction"));
  CHECK(dynamic_cast<const quarry::transaction_conflict*>(&e) != nullptr);
  f.db.exec("ROLLBACK");
}

TEST_CASE("a lock cycle is a deadlock (40P01)", "[pg][errors][tx]") {
  schema_fixture f;
  auto other_owner = f.another();
  pg::connection& other = *other_owner;
  f.db.exec("CREATE TABLE locks (id int PRIMARY KEY); INSERT INTO locks VALUES (1), (2)");
  f.db.exec("BEGIN; SELECT * FROM locks WHERE id = 1 FOR UPDATE");
  other.exec("BEGIN; SELECT * FROM locks WHERE id = 2 FOR UPDATE");
  std::optional<quarry::error> in_thread;
  std::thread t([&] {
    try {
      other.exec("SELECT * FROM locks WHERE id = 1 FOR UPDATE");
    } catch (const quarry::error& e) {
      in_thread = e;
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::optional<quarry::error> here;
  try {
    f.db.exec("SELECT * FROM locks WHERE id = 2 FOR UPDATE");
  } catch (const quarry::error& e) {
    here = e;
  }
  // One side is chosen as the victim; its transaction ends, so the other one gets its lock.
  if (here) f.db.exec("ROLLBACK");
  t.join();
  if (in_thread) other.exec("ROLLBACK");
  REQUIRE((here.has_value() != in_thread.has_value()));
  const quarry::error& e = here ? *here : *in_thread;
  CHECK(e.sqlstate() == "40P01");
  CHECK(e.category() == errc::deadlock);
  if (!here) f.db.exec("ROLLBACK");
  if (!in_thread) other.exec("ROLLBACK");
  // The class is deadlock_detected.
  CHECK_THROWS_AS(quarry::detail::throw_error(pg::category_of("40P01"), "x"), quarry::deadlock_detected);
}

TEST_CASE("NOWAIT on a locked row is busy (55P03)", "[pg][errors][tx]") {
  schema_fixture f;
  auto other_owner = f.another();
  pg::connection& other = *other_owner;
  f.db.exec("CREATE TABLE locks (id int PRIMARY KEY); INSERT INTO locks VALUES (1)");
  other.exec("BEGIN; SELECT * FROM locks WHERE id = 1 FOR UPDATE");
  auto e = catch_as<quarry::busy_error>([&] { f.db.exec("SELECT * FROM locks WHERE id = 1 FOR UPDATE NOWAIT"); });
  CHECK(e.sqlstate() == "55P03");
  other.exec("ROLLBACK");
}

TEST_CASE("statement_timeout raises query_canceled (57014)", "[pg][errors]") {
  auto o = test_options();
  o.statement_timeout = std::chrono::milliseconds{100};
  pg::connection db{o};
  auto started = std::chrono::steady_clock::now();
  auto e = catch_as<quarry::query_canceled>([&] { db.exec("SELECT pg_sleep(5)"); });
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds{4});
  CHECK(e.sqlstate() == "57014");
  CHECK(e.category() == errc::query_canceled);
  CHECK_THAT(e.what(), Contains("statement timeout") && Contains("pg_sleep"));
  CHECK_FALSE(db.broken());
  db.exec("SELECT 1");  // the connection stays usable
}

TEST_CASE("a terminated session raises connection_lost and the connection is broken", "[pg][errors]") {
  using namespace quarry;
  for (auto mode : {pg::prepare_mode::named, pg::prepare_mode::off}) {
    INFO("prepare mode " << static_cast<int>(mode));
    schema_fixture f;
    f.db.create_table(users);
    f.db.insert(users, User{0, "a@example.com", 1});
    pg::options o = test_options();
    o.prepare = mode;
    pg::connection victim{o};
    victim.exec("SET search_path TO " + f.schema);
    for (int i = 0; i < 2; ++i) CHECK(victim.query(select(users).where(users.age == 1)).all().size() == 1);
    f.db.exec("SELECT pg_terminate_backend(" + std::to_string(victim.backend_pid()) + ", 5000)");
    auto e = catch_as<quarry::connection_lost>([&] { victim.query(select(users).where(users.age == 1)).all(); });
    CHECK(e.category() == errc::connection_lost);
    CHECK_THAT(e.sql(), Contains("SELECT"));
    CHECK(victim.broken());
    // Later calls fail the same way instead of crashing.
    CHECK_THROWS_AS(victim.exec("SELECT 1"), quarry::connection_lost);
    CHECK_THROWS_AS(victim.insert(users, User{0, "b@example.com", 1}), quarry::connection_lost);
  }
}

TEST_CASE("refused connections name host and port, never the password", "[pg][errors][connect]") {
  int port = closed_port();
  pg::options o;
  o.conninfo = "host=127.0.0.1 port=" + std::to_string(port) + " dbname=nodb user=nobody password=s3cretpw";
  o.connect_timeout = std::chrono::seconds{2};
  auto e = catch_as<quarry::open_error>([&] { pg::connection db{o}; });
  CHECK(e.category() == errc::cannot_open);
  std::string what = e.what();
  CHECK_THAT(what, Contains("127.0.0.1") && Contains(std::to_string(port)) && Contains("nodb") && Contains("nobody"));
  CHECK_THAT(what, !Contains("s3cretpw"));

  o.conninfo = "postgresql://nobody:s3cretpw@127.0.0.1:" + std::to_string(port) + "/nodb";
  e = catch_as<quarry::open_error>([&] { pg::connection db{o}; });
  CHECK_THAT(std::string(e.what()), Contains("port " + std::to_string(port)) && !Contains("s3cretpw"));

  // Reachable server, database that does not exist.
  o = test_options();
  o.conninfo += " dbname=quarry_no_such_database";
  e = catch_as<quarry::open_error>([&] { pg::connection db{o}; });
  CHECK_THAT(e.what(), Contains("quarry_no_such_database"));
}

#else
TEST_CASE("PostgreSQL backend disabled", "[pg]") { SUCCEED("built with QUARRY_WITH_POSTGRES=OFF"); }
#endif
