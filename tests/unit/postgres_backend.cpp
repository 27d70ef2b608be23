// The PostgreSQL backend through quarry::connection_base: connecting (conninfo, URL, options),
// CRUD and queries, DDL from descriptors, the three prepare modes and the statement cache.
// Needs QUARRY_TEST_PG (a conninfo; scripts/test starts a server): unset is a failure, not a skip.
// Every test works in its own schema, so test binaries can share one server concurrently.
#include "catch.hpp"

#if QUARRY_TEST_WITH_POSTGRES
#include <quarry/postgres.hpp>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// A named namespace: descriptors in an anonymous one trip clang's -Wundefined-internal in
// quarry/schema/detail/reflect.hpp.
namespace pg_backend_test {

namespace pg = quarry::postgres;

std::string conninfo() {
  const char* c = std::getenv("QUARRY_TEST_PG");
  if (c == nullptr || *c == '\0')
    FAIL("QUARRY_TEST_PG is not set: run scripts/test (it starts a throwaway server) or export "
         "QUARRY_TEST_PG=\"host=127.0.0.1 port=5432 dbname=postgres user=postgres\"");
  return c;
}

pg::options test_options(pg::prepare_mode mode = pg::prepare_mode::named) {
  pg::options o;
  o.conninfo = conninfo();
  o.prepare = mode;
  return o;
}

/// A connection working in a schema of its own, dropped at the end.
struct schema_fixture {
  pg::connection db;
  std::string schema;
  explicit schema_fixture(pg::options o = test_options()) : db(o) {
    static std::atomic<int> n{0};
    schema = "quarry_backend_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
    db.exec("CREATE SCHEMA " + schema + "; SET search_path TO " + schema);
  }
  ~schema_fixture() {
    try {
      if (!db.broken()) db.exec("DROP SCHEMA " + schema + " CASCADE");
    } catch (...) {
    }
  }
};

/// One text value from raw libpq (checks what the server really holds).
std::string scalar(PGconn* c, const std::string& sql) {
  std::unique_ptr<PGresult, decltype(&PQclear)> r(PQexec(c, sql.c_str()), &PQclear);
  INFO(sql << ": " << PQresultErrorMessage(r.get()));
  REQUIRE(PQresultStatus(r.get()) == PGRES_TUPLES_OK);
  REQUIRE(PQntuples(r.get()) == 1);
  return PQgetisnull(r.get(), 0, 0) ? "<null>" : PQgetvalue(r.get(), 0, 0);
}

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::string> city;
  int age;
};
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age", quarry::default_value<0>, quarry::check<"age >= 0">> age;
} users;

struct Score {
  std::int64_t id;
  std::optional<int> points;        // INTEGER: the server would infer int4 for an untyped NULL
  std::optional<std::int64_t> big;  // BIGINT
  std::optional<double> ratio;
};
inline constexpr struct scores_t : quarry::table<"scores", Score> {
  column<&Score::id, "id", quarry::identity> id;
  column<&Score::points, "points"> points;
  column<&Score::big, "big"> big;
  column<&Score::ratio, "ratio"> ratio;
} scores;

void crud(pg::connection& db) {
  using namespace quarry;
  db.create_table(users);
  auto a = db.insert(users, User{0, "a@example.com", std::nullopt, 30});
  auto b = db.insert(users, User{0, "b@example.com", "Paris", 40});
  auto c = db.insert(users, User{0, "c@example.com", "Lyon", 50});
  CHECK(a == 1);
  CHECK(b == 2);
  CHECK(c == 3);
  CHECK(db.changes() == 1);

  auto u = db.find(users, b);
  REQUIRE(u);
  CHECK(u->email == "b@example.com");
  CHECK(u->city == "Paris");
  CHECK(u->age == 40);
  CHECK_FALSE(db.find(users, std::int64_t{99}));

  u->city = std::nullopt;
  u->age = 41;
  CHECK(db.update(users, *u));
  auto again = db.find(users, b);
  REQUIRE(again);
  CHECK_FALSE(again->city);
  CHECK(again->age == 41);
  CHECK_FALSE(db.update(users, User{99, "x", std::nullopt, 1}));

  auto page = db.query(select(users.id, users.email)
                           .from(users)
                           .where(users.age > 20)
                           .order_by(users.age.desc())
                           .limit(2)
                           .offset(1))
                  .all();
  REQUIRE(page.size() == 2);
  CHECK(std::get<0>(page[0]) == b);
  CHECK(std::get<1>(page[1]) == "a@example.com");

  std::vector<std::int64_t> ids{a, c, 42};
  auto some = db.query(select(users).where(users.id.in_values(ids)).order_by(users.id)).all();
  REQUIRE(some.size() == 2);
  CHECK(some[0].email == "a@example.com");
  CHECK(some[1].city == "Lyon");
  std::vector<std::string> emails{"c@example.com", "nobody@example.com"};
  CHECK(db.query(select(users.id).from(users).where(users.email.in_values(emails))).one() == std::tuple{c});
  CHECK(db.query(select(users.id).from(users).where(users.email.not_in_values(emails))).all().size() == 2);
  std::vector<std::int64_t> none;
  CHECK(db.query(select(users).where(users.id.in_values(none))).all().empty());
  CHECK(db.query(select(users).where(users.id.not_in_values(none))).all().size() == 3);

  CHECK(db.execute(update(users).set(users.age = users.age + 1).where(users.age >= 41)) == 2);
  CHECK(db.changes() == 2);
  CHECK(db.remove(users, a));
  CHECK_FALSE(db.remove(users, a));
  CHECK(db.execute(delete_from(users).all_rows()) == 2);
  db.drop_table(users);
}

int named_statements(pg::connection& db) {
  return std::stoi(scalar(db.native_handle(),
                          "SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'quarry\\_%'"));
}

}  // namespace pg_backend_test

using namespace pg_backend_test;

TEST_CASE("connect with a conninfo string", "[pg][connect]") {
  pg::connection db{test_options()};
  CHECK_FALSE(db.broken());
  CHECK(db.native_handle() != nullptr);
  CHECK(db.server_version() >= 120000);
  CHECK(db.backend_pid() > 0);
  CHECK(db.server().find("port") != std::string::npos);
  CHECK(scalar(db.native_handle(), "SHOW application_name") == "quarry");
  CHECK(scalar(db.native_handle(), "SHOW TimeZone") == "UTC");
  CHECK(scalar(db.native_handle(), "SHOW client_encoding") == "UTF8");
  CHECK_THROWS_AS(db.last_insert_id(), quarry::usage_error);
}

TEST_CASE("connect with a postgresql:// URL and options", "[pg][connect]") {
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> parsed(PQconninfoParse(conninfo().c_str(), nullptr),
                                                                     &PQconninfoFree);
  REQUIRE(parsed);
  std::string host = "127.0.0.1", port = "5432", db_name = "postgres", user, password;
  for (auto* p = parsed.get(); p->keyword; ++p) {
    if (!p->val) continue;
    std::string k = p->keyword;
    if (k == "host" || k == "hostaddr") host = p->val;
    if (k == "port") port = p->val;
    if (k == "dbname") db_name = p->val;
    if (k == "user") user = p->val;
    if (k == "password") password = p->val;
  }
  if (host.starts_with("/")) host = "%2F" + host.substr(1);  // a socket directory in a URL
  std::string url = "postgresql://" + user + (password.empty() ? "" : ":" + password) + (user.empty() ? "" : "@") +
                    host + ":" + port + "/" + db_name + "?application_name=from_url";
  pg::options o;
  o.conninfo = url;
  o.statement_timeout = std::chrono::milliseconds{1234};
  o.time_zone = "America/New_York";
  pg::connection db{o};
  CHECK(scalar(db.native_handle(), "SHOW application_name") == "from_url");
  CHECK(scalar(db.native_handle(), "SHOW statement_timeout") == "1234ms");
  CHECK(scalar(db.native_handle(), "SHOW TimeZone") == "America/New_York");
}

TEST_CASE("a malformed conninfo is an open_error", "[pg][connect]") {
  pg::options o;
  o.conninfo = "host=127.0.0.1 nonsense";
  try {
    pg::connection db{o};
    FAIL("connected with a malformed conninfo");
  } catch (const quarry::open_error& e) {
    CHECK(e.category() == quarry::errc::cannot_open);
    CHECK_THAT(e.what(), Catch::Matchers::Contains("malformed") && Catch::Matchers::Contains("nonsense"));
  }
  o.conninfo = "hots=127.0.0.1";
  CHECK_THROWS_AS(pg::connection{o}, quarry::open_error);
}

TEST_CASE("CRUD through connection_base, every prepare mode", "[pg][crud]") {
  for (auto mode : {pg::prepare_mode::named, pg::prepare_mode::unnamed, pg::prepare_mode::off}) {
    INFO("prepare mode " << static_cast<int>(mode));
    schema_fixture f{test_options(mode)};
    crud(f.db);
    if (mode == pg::prepare_mode::named)
      CHECK(named_statements(f.db) > 0);  // the INSERT ran three times
    else
      CHECK(named_statements(f.db) == 0);
  }
}

TEST_CASE("DDL from descriptors", "[pg][ddl]") {
  schema_fixture f;
  f.db.create_table(users);
  f.db.create_table(users, /*if_not_exists=*/true);
  CHECK_THROWS_AS(f.db.create_table(users), quarry::error);
  CHECK(scalar(f.db.native_handle(),
               "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
               "AND table_name = 'users' AND column_name = 'age'") == "integer");
  CHECK(scalar(f.db.native_handle(),
               "SELECT is_identity FROM information_schema.columns WHERE table_schema = current_schema() "
               "AND table_name = 'users' AND column_name = 'id'") == "YES");
  f.db.drop_table(users);
  f.db.drop_table(users, /*if_exists=*/true);
  CHECK_THROWS_AS(f.db.drop_table(users), quarry::error);
}

TEST_CASE("named mode prepares a statement by name on its second run, once", "[pg][prepare]") {
  using namespace quarry;
  schema_fixture f;
  f.db.create_table(users);
  f.db.insert(users, User{0, "a@example.com", std::nullopt, 1});
  int before = named_statements(f.db);  // the INSERT ran once: nothing kept
  CHECK(before == 0);
  auto q = [] { return select(users).where(users.age >= 0).order_by(users.id); };
  CHECK(f.db.query(q()).all().size() == 1);
  CHECK(named_statements(f.db) == 0);
  CHECK(f.db.query(q()).all().size() == 1);
  CHECK(named_statements(f.db) == 1);
  for (int i = 0; i < 5; ++i) CHECK(f.db.query(q()).all().size() == 1);
  CHECK(named_statements(f.db) == 1);

  // While a result of the statement is alive, running it again uses a private copy, which runs
  // once and leaves nothing behind on the server.
  auto outer = f.db.query(q());
  for (auto row : outer) {
    for (int i = 0; i < 3; ++i) CHECK(f.db.query(q()).one().email == row.email);
  }
  CHECK(named_statements(f.db) == 1);
  CHECK(f.db.prepared_statements() >= 1);
}

TEST_CASE("named statements are prepared again after DEALLOCATE ALL or DISCARD ALL", "[pg][prepare]") {
  using namespace quarry;
  schema_fixture f;
  f.db.create_table(users);
  f.db.insert(users, User{0, "a@example.com", std::nullopt, 1});
  auto q = [] { return select(users.email).from(users).where(users.age == 1); };
  for (int i = 0; i < 3; ++i) CHECK(std::get<0>(f.db.query(q()).one()) == "a@example.com");
  REQUIRE(named_statements(f.db) == 1);
  f.db.exec("DEALLOCATE ALL");  // what a pooler or other code might do; quarry never sends it
  CHECK(std::get<0>(f.db.query(q()).one()) == "a@example.com");
  CHECK(named_statements(f.db) == 1);
  // Inside a transaction the failed statement aborted it: the error surfaces (no silent retry).
  f.db.exec("DEALLOCATE ALL");
  f.db.exec("BEGIN");
  CHECK_THROWS_AS(f.db.query(q()).one(), quarry::usage_error);
  f.db.exec("ROLLBACK");
  CHECK(std::get<0>(f.db.query(q()).one()) == "a@example.com");
}

TEST_CASE("NULL parameters keep prepared statements valid when values follow", "[pg][prepare]") {
  using namespace quarry;
  for (auto mode : {pg::prepare_mode::named, pg::prepare_mode::unnamed, pg::prepare_mode::off}) {
    INFO("prepare mode " << static_cast<int>(mode));
    schema_fixture f{test_options(mode)};
    f.db.create_table(scores);
    // NULL, NULL (prepared by name with untyped parameters), then values: the statement must
    // be prepared again with binary types rather than send int8 bytes to an int4 parameter.
    f.db.insert(scores, Score{0, std::nullopt, std::nullopt, std::nullopt});
    f.db.insert(scores, Score{0, std::nullopt, std::nullopt, std::nullopt});
    f.db.insert(scores, Score{0, 7, std::int64_t{1} << 40, 0.25});
    f.db.insert(scores, Score{0, std::nullopt, std::nullopt, std::nullopt});
    f.db.insert(scores, Score{0, -3, -1, -0.5});
    auto all = f.db.query(select(scores).order_by(scores.id)).all();
    REQUIRE(all.size() == 5);
    CHECK_FALSE(all[0].points);
    CHECK(all[2].points == 7);
    CHECK(all[2].big == std::int64_t{1} << 40);
    CHECK(all[2].ratio == 0.25);
    CHECK_FALSE(all[3].big);
    CHECK(all[4].points == -3);
    CHECK(all[4].ratio == -0.5);
    auto hits = f.db.query(select(scores.id).from(scores).where(scores.points == 7)).all();
    CHECK(hits.size() == 1);
  }
}

TEST_CASE("changes() counts rows of the last data-changing command", "[pg][changes]") {
  using namespace quarry;
  schema_fixture f;
  f.db.create_table(users);
  for (int i = 0; i < 4; ++i) f.db.insert(users, User{0, "u" + std::to_string(i), std::nullopt, i});
  CHECK(f.db.changes() == 1);
  f.db.exec("UPDATE users SET age = age + 1");
  CHECK(f.db.changes() == 4);
  CHECK(f.db.query(select(users)).all().size() == 4);
  CHECK(f.db.changes() == 4);  // a SELECT leaves it alone
  CHECK(f.db.execute(delete_from(users).where(users.age > 2)) == 2);
  CHECK(f.db.changes() == 2);
}

TEST_CASE("first() and abandoned results release the statement", "[pg][result]") {
  using namespace quarry;
  schema_fixture f;
  f.db.create_table(users);
  for (int i = 0; i < 3; ++i) f.db.insert(users, User{0, "u" + std::to_string(i), std::nullopt, i});
  auto q = [] { return select(users.email).from(users).order_by(users.id); };
  for (int i = 0; i < 3; ++i) CHECK(std::get<0>(*f.db.query(q()).first()) == "u0");
  {
    auto r = f.db.query(q());
    auto it = r.begin();
    CHECK(std::get<0>(*it) == "u0");
  }  // dropped mid-way
  CHECK(f.db.query(q()).all().size() == 3);
  CHECK_THROWS_AS(f.db.query(q()).one(), quarry::row_count_error);
}

TEST_CASE("notices go to on_notice, not stderr", "[pg][notice]") {
  auto o = test_options();
  std::vector<std::string> seen;
  o.on_notice = [&](std::string_view m) { seen.emplace_back(m); };
  pg::connection db{o};
  db.exec("DROP TABLE IF EXISTS quarry_no_such_table_here");
  REQUIRE(seen.size() == 1);
  CHECK_THAT(seen[0], Catch::Matchers::Contains("NOTICE") && Catch::Matchers::Contains("does not exist"));
  pg::connection quiet{test_options()};
  quiet.exec("DROP TABLE IF EXISTS quarry_no_such_table_here");  // dropped silently
}

#else
TEST_CASE("PostgreSQL backend disabled", "[pg]") { SUCCEED("built with QUARRY_WITH_POSTGRES=OFF"); }
#endif
