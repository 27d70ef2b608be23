// SELECT behaviour: filters, ordering, paging, result helpers, streaming, on every backend.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <set>
#include <vector>

using namespace test;

template <class Db>
static void seed(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
  const char* cities[] = {"Paris", "Lyon", nullptr, "Nice"};
  for (int i = 1; i <= 20; ++i) {
    std::optional<std::string> city;
    if (cities[i % 4]) city = cities[i % 4];
    db.insert(users, User{0, "user" + std::to_string(i) + "@x.org", city, i * 5});
  }
}

TEMPLATE_LIST_TEST_CASE("where with comparisons and logic", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto rows = db->query(quarry::select(users.id, users.age)
                            .from(users)
                            .where(users.age > 20 && users.age <= 50 && !(users.id == 6))
                            .order_by(users.id))
                  .all();
  std::vector<std::int64_t> ids;
  for (auto& [id, age] : rows) {
    ids.push_back(id);
    CHECK(age > 20);
  }
  CHECK(ids == std::vector<std::int64_t>{5, 7, 8, 9, 10});
  CHECK(db->query(quarry::select(users.id).from(users).where(users.age == 20 || users.age == 25)).all().size() == 2);
  CHECK(db->query(quarry::select(users.id).from(users).where(users.age != 20)).all().size() == 19);
}

TEMPLATE_LIST_TEST_CASE("LIKE, BETWEEN, IN and NULL tests", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto count = [&](auto cond) { return db->query(quarry::select(users.id).from(users).where(cond)).all().size(); };
  CHECK(count(users.email.like("user1%")) == 11);  // 1, 10..19
  CHECK(count(users.email.not_like("user1%")) == 9);
  CHECK(count(users.age.between(10, 20)) == 3);
  CHECK(count(users.id.in(1, 2, 3, 99)) == 3);
  CHECK(count(users.id.not_in(1, 2)) == 18);
  CHECK(count(users.city.is_null()) == 5);
  CHECK(count(users.city.is_not_null()) == 15);
  CHECK(count(users.city == "Paris") == 5);  // NULL cities are neither equal nor unequal
  CHECK(count(users.city != "Paris") == 10);
}

TEMPLATE_LIST_TEST_CASE("IN over a runtime list, including empty and long lists", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto count = [&](const auto& list) {
    return db->query(quarry::select(users.id).from(users).where(users.id.in_values(list))).all().size();
  };
  CHECK(count(std::vector<std::int64_t>{2, 4, 4, 6, 1000}) == 3);
  CHECK(count(std::vector<std::int64_t>{}) == 0);
  std::vector<std::int64_t> big;
  for (int i = 0; i < 50000; ++i) big.push_back(i % 40);
  CHECK(count(big) == 20);
  CHECK(db->query(quarry::select(users.id).from(users).where(users.id.not_in_values(std::vector<int>{}))).all().size() == 20);
  std::vector<std::string> cities{"Paris", "Nice", "Lyon \"quoted\"\n"};
  CHECK(db->query(quarry::select(users.id).from(users).where(users.city.in_values(cities))).all().size() == 10);
}

TEMPLATE_LIST_TEST_CASE("order by with NULLS FIRST / LAST, limit and offset", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto first = db->query(quarry::select(users.city).from(users).order_by(users.city.asc(quarry::nulls_first), users.id)).all();
  CHECK_FALSE(std::get<0>(first.front()).has_value());
  auto last = db->query(quarry::select(users.city).from(users).order_by(users.city.asc(quarry::nulls_last), users.id)).all();
  CHECK_FALSE(std::get<0>(last.back()).has_value());
  CHECK(std::get<0>(last.front()) == "Lyon");
  auto page = db->query(quarry::select(users.id).from(users).order_by(users.id.desc()).limit(3).offset(2)).all();
  REQUIRE(page.size() == 3);
  CHECK(std::get<0>(page[0]) == 18);
  CHECK(std::get<0>(page[2]) == 16);
  auto tail = db->query(quarry::select(users.id).from(users).order_by(users.id).offset(18)).all();
  CHECK(tail.size() == 2);
}

TEMPLATE_LIST_TEST_CASE("one(), first() and streaming", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto [email] = db->query(quarry::select(users.email).from(users).where(users.id == 3)).one();
  CHECK(email == "user3@x.org");
  CHECK_THROWS_AS(db->query(quarry::select(users.email).from(users).where(users.id == 300)).one(), quarry::row_count_error);
  CHECK_THROWS_AS(db->query(quarry::select(users.email).from(users).where(users.id < 3)).one(), quarry::row_count_error);
  CHECK_FALSE(db->query(quarry::select(users).where(users.id == 300)).first().has_value());
  CHECK(db->query(quarry::select(users).where(users.id > 3).order_by(users.id)).first()->id == 4);

  int seen = 0;
  std::int64_t sum = 0;
  for (auto [id, age] : db->query(quarry::select(users.id, users.age).from(users))) {
    ++seen;
    sum += age;
    CHECK(id > 0);
  }
  CHECK(seen == 20);
  CHECK(sum == 5 * 210);
  auto r = db->query(quarry::select(users.id).from(users));
  for (auto row : r) (void)row;
  CHECK_THROWS_AS(r.begin(), quarry::usage_error);
}

TEMPLATE_LIST_TEST_CASE("the same statement can be iterated while it is still open", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto make = [] { return quarry::select(users.id).from(users).where(users.age > 0).order_by(users.id); };
  int pairs = 0;
  for (auto [outer] : db->query(make())) {
    for (auto [inner] : db->query(make())) {
      if (inner == outer) ++pairs;
    }
  }
  CHECK(pairs == 20);
}

TEMPLATE_LIST_TEST_CASE("update and delete statements report changed rows", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  CHECK(db->execute(quarry::update(users).set(users.city = "Rome", users.age = users.age + 1).where(users.city.is_null())) == 5);
  CHECK(db->query(quarry::select(users.id).from(users).where(users.city == "Rome" && users.age % 5 == 1)).all().size() == 5);
  CHECK(db->execute(quarry::update(users).set(users.city = std::nullopt).where(users.city == "Rome")) == 5);
  CHECK(db->execute(quarry::delete_from(users).where(users.id > 15)) == 5);
  CHECK(db->execute(quarry::delete_from(users).all_rows()) == 15);
  CHECK(db->query(quarry::select(users.id).from(users)).all().empty());
}

TEMPLATE_LIST_TEST_CASE("prepared statements are reused", "[query]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto before = db->prepared_statements();
  for (int i = 0; i < 50; ++i) (void)db->find(users, i);
  CHECK(db->prepared_statements() == before + 1);
}
