// The raw SQL escape hatch: parameters bound, rows typed and checked.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

using namespace test;

TEMPLATE_LIST_TEST_CASE("raw SQL with parameters and typed rows", "[raw]", backends) {
  auto db = TestType::connect();
  db->drop_table(posts, true);
  db->drop_table(users, true);
  db->create_table(users);
  for (int i = 1; i <= 4; ++i) db->insert(users, User{0, "u" + std::to_string(i), std::nullopt, i * 10});
  auto P = [](int n) { return TestType::ph(n); };

  std::string sql = "SELECT id, email FROM users WHERE age > " + P(1) + " AND email <> " + P(2) + " ORDER BY id";
  auto rows = db->template query_raw<std::tuple<std::int64_t, std::string>>(sql, 15, "u3").all();
  REQUIRE(rows.size() == 2);
  CHECK(std::get<1>(rows[0]) == "u2");
  CHECK(std::get<1>(rows[1]) == "u4");

  struct Pair {
    std::int64_t id;
    std::optional<std::string> city;
  };
  auto p = db->template query_raw<Pair>("SELECT id, city FROM users WHERE id = " + P(1), std::int64_t{2}).one();
  CHECK(p.id == 2);
  CHECK_FALSE(p.city.has_value());

  CHECK(db->execute_raw("UPDATE users SET city = " + P(1) + " WHERE age >= " + P(2), std::string("Oslo"), 30) == 2);
  CHECK(db->query(quarry::select(users.id).from(users).where(users.city == "Oslo")).all().size() == 2);
}

TEMPLATE_LIST_TEST_CASE("raw SQL rows are checked against the declared type", "[raw][errors]", backends) {
  auto db = TestType::connect();
  db->drop_table(posts, true);
  db->drop_table(users, true);
  db->create_table(users);
  db->insert(users, User{0, "a", std::nullopt, 1});
  try {
    (void)db->template query_raw<std::tuple<std::int64_t>>("SELECT id, email FROM users").all();
    FAIL("no exception");
  } catch (const quarry::type_mismatch& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("returns 2 columns but the row type has 1 fields"));
  }
  CHECK_THROWS_AS(db->template query_raw<std::tuple<std::int64_t>>("SELECT email FROM users").all(), quarry::type_mismatch);
  try {
    (void)db->template query_raw<std::tuple<std::string>>("SELECT city FROM users").one();
    FAIL("no exception");
  } catch (const quarry::type_mismatch& e) {
    CHECK(e.category() == quarry::errc::null_value);
    CHECK_THAT(e.what(), Catch::Matchers::Contains("result column 1"));
  }
}

TEMPLATE_LIST_TEST_CASE("raw SQL texts are prepared once and kept up to a limit", "[raw][cache]", backends) {
  auto db = TestType::connect();
  auto P = [](int n) { return TestType::ph(n); };
  using One = std::tuple<std::int64_t>;
  constexpr std::size_t max_raw = quarry::detail::statement_cache<typename TestType::connection::statement_type>::max_raw;
  const std::size_t before = db->prepared_statements();
  auto text = [&](int i) { return "SELECT " + std::to_string(i) + " + " + P(1); };

  // The same text again is the same prepared statement.
  CHECK(db->template query_raw<One>(text(0), 1).one() == One{1});
  CHECK(db->template query_raw<One>(text(0), 2).one() == One{2});
  CHECK(db->prepared_statements() == before + 1);

  // Past max_raw distinct texts the idle ones are finalized; every result stays right.
  for (int i = 1; i <= static_cast<int>(max_raw) + 44; ++i) {
    REQUIRE(db->template query_raw<One>(text(i), 1).one() == One{i + 1});
    REQUIRE(db->prepared_statements() <= before + max_raw);
  }
  const std::size_t kept = db->prepared_statements() - before;
  CHECK(kept >= 1);
  CHECK(kept <= max_raw);
  for (int i = static_cast<int>(max_raw) + 44; i > static_cast<int>(max_raw) + 44 - static_cast<int>(kept) + 1; --i)
    REQUIRE(db->template query_raw<One>(text(i), 3).one() == One{i + 3});  // recently used: found again
  CHECK(db->prepared_statements() - before == kept);

  // More than max_raw raw results alive at once: the extra ones get private statements.
  std::vector<decltype(db->template query_raw<One>(text(0), 1))> live;
  for (int i = 0; i < static_cast<int>(max_raw) + 10; ++i) live.push_back(db->template query_raw<One>(text(1000 + i), i));
  for (int i = 0; i < static_cast<int>(max_raw) + 10; ++i) {
    auto rows = std::move(live[static_cast<std::size_t>(i)]).all();
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0] == One{1000 + 2 * i});
  }
  live.clear();
  CHECK(db->prepared_statements() - before <= max_raw);
  CHECK(db->template query_raw<One>(text(7), 1).one() == One{8});
}

TEMPLATE_LIST_TEST_CASE("raw SQL must be exactly one statement", "[raw][errors]", backends) {
  auto db = TestType::connect();
  using One = std::tuple<std::int64_t>;
  CHECK_THROWS_AS(db->execute_raw(""), quarry::error);
  CHECK_THROWS_AS(db->execute_raw("  -- only a comment"), quarry::error);
  CHECK_THROWS_AS(db->template query_raw<One>("SELECT 1; SELECT 2").all(), quarry::error);
  CHECK_THROWS_AS(db->execute_raw("CREATE TABLE t1 (a integer); CREATE TABLE t2 (a integer)"), quarry::error);
  // What may follow the statement: whitespace, ';' and comments.
  CHECK(db->template query_raw<One>("SELECT 7;  -- the answer\n").one() == One{7});
  CHECK(db->template query_raw<One>("SELECT 8 /* c */ ;").one() == One{8});
  // The connection is fine afterwards.
  CHECK(db->template query_raw<One>("SELECT 9").one() == One{9});
  if constexpr (std::is_same_v<typename TestType::connection, quarry::sqlite::connection>) {
    try {
      db->execute_raw("SELECT 1; SELECT 2");
      FAIL("no error");
    } catch (const quarry::usage_error& e) {
      CHECK_THAT(e.what(), Catch::Matchers::Contains("more than one statement") &&
                               Catch::Matchers::Contains("SELECT 1; SELECT 2"));
    }
  }
  try {
    db->execute_raw("");
    FAIL("no error");
  } catch (const quarry::usage_error& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("holds no statement"));
  }
}
