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
