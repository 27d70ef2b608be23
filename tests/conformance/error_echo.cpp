// Error messages that echo untrusted input (issue 12, item 9): a 10 MB value with CR/LF in it is
// provoked into real errors on every backend; each message stays short, holds no raw control
// character, and error::sql() still holds the whole statement (docs/errors.md).

#include <cstring>
#include <string>
#include <tuple>
#include <type_traits>

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <quarry/dynamic.hpp>
#include <quarry/page.hpp>

using namespace test;

namespace {

/// 10 MB of text with CR, LF, a tab and an escape character near its start.
std::string hostile() {
  std::string s(10 * 1024 * 1024, 'A');
  s.replace(3, 19, "\r\nFAKE: log line\t\x1b");
  return s;
}

/// The message is bounded and has no raw control characters.
void check_bounded(const quarry::error& e, std::size_t limit = 3000) {
  const std::string m = e.what();
  INFO(m.substr(0, 300));
  CHECK(m.size() < limit);
  for (char c : m) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      FAIL("raw control character " << static_cast<int>(c) << " in the message");
      break;
    }
  }
}

template <class F>
void expect_bounded(F&& f, std::size_t sql_size = 0) {
  try {
    f();
    FAIL("no error was thrown");
  } catch (const quarry::error& e) {
    check_bounded(e);
    if (sql_size) CHECK(e.sql().size() == sql_size);  // the full SQL stays available
  }
}

template <class Db>
void fresh(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("error messages: a 10 MB value with CR/LF is capped and escaped", "[errors][echo]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  const std::string big = hostile();

  SECTION("the database's own message echoes the value (duplicate key, bad literal)") {
    // PostgreSQL's DETAIL names the key: Key (email)=(<value>) already exists. (A btree entry
    // holds at most ~2700 bytes, so this value is 2,500 bytes; the cap on a message is 1000.)
    const std::string key = big.substr(0, 2500);
    db->insert(users, User{0, key, std::nullopt, 1});
    expect_bounded([&] { db->insert(users, User{0, key, std::nullopt, 2}); });
    // The value in raw SQL: PostgreSQL quotes it in "invalid input syntax for type bigint", SQLite
    // in "no such column" (a quoted identifier may hold CR/LF).
    const std::string sql = std::is_same_v<TestType, postgres> ? "SELECT CAST('" + big + "' AS int8)"
                                                               : "SELECT \"" + big + "\" FROM users";
    expect_bounded([&] { (void)db->template query_raw<std::tuple<std::int64_t>>(sql).all(); }, sql.size());
  }
  SECTION("a value read back that does not parse") {
    // SQLite returns the text as it is, which fails to parse as a date / decimal / timestamp;
    // PostgreSQL refuses to cast it (22P02 / 22007, whose message quotes the value).
    auto cast = [](const char* pg_type) {
      return std::is_same_v<TestType, postgres> ? "SELECT CAST($1 AS " + std::string(pg_type) + ")" : std::string("SELECT ?");
    };
    expect_bounded([&] { (void)db->template query_raw<std::tuple<quarry::date>>(cast("date"), big).all(); });
    expect_bounded([&] { (void)db->template query_raw<std::tuple<quarry::decimal>>(cast("numeric"), big).all(); });
    expect_bounded([&] { (void)db->template query_raw<std::tuple<quarry::timestamp>>(cast("timestamptz"), big).all(); });
  }
  SECTION("a sort key and a column name from a request") {
    auto q = db->dynamic(quarry::select(users.id).from(users));
    expect_bounded([&] { q.order_by(big, quarry::direction::asc, quarry::sort_by("email", users.email)); });
    auto dq = db->dynamic(quarry::select(quarry::dynamic_columns).from(users));
    expect_bounded([&] { dq.select_column(users, big); });
  }
  SECTION("a pagination cursor") {
    auto pager = quarry::paginate(quarry::select(users.id).from(users), users.id).max_cursor_length(std::size_t{1} << 30);
    expect_bounded([&] { (void)pager.fetch(*db, {.first = 10, .after = big}); });
  }
  SECTION("generated SQL in a message is capped, and sql() keeps all of it") {
    // 4,000 rows in one statement (parameters only: the SQL is long, but holds no value).
    std::vector<User> rows;
    for (int i = 0; i < 4000; ++i) rows.push_back(User{0, "dup@x.org", std::nullopt, i});
    const std::string sql = quarry::batch_sql<typename TestType::connection::dialect>(quarry::insert_into(users).values(rows), 2);
    try {
      db->execute(quarry::insert_into(users).values(rows, quarry::max_rows{4000}));
      FAIL("no error");
    } catch (const quarry::unique_violation& e) {
      check_bounded(e);
      CHECK(e.sql().size() > 30000);
      CHECK(std::string(e.what()).find(sql.substr(0, 40)) != std::string::npos);
    }
  }
}
