// Joins, aggregates and GROUP BY against real databases.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <map>
#include <vector>

using namespace test;

template <class Db>
static void seed_posts(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
  for (int i = 1; i <= 5; ++i) {
    std::optional<std::string> city;
    if (i % 2) city = "C" + std::to_string(i % 3);
    db.insert(users, User{0, "u" + std::to_string(i), city, i * 10});
  }
  // user i has i-1 posts; likes NULL on every third post
  int n = 0;
  for (std::int64_t u = 1; u <= 5; ++u)
    for (std::int64_t k = 1; k < u; ++k) {
      std::optional<std::int64_t> likes;
      if (++n % 3) likes = k * 10;
      db.insert(posts, Post{0, u, "p" + std::to_string(u) + "-" + std::to_string(k), likes});
    }
}

TEMPLATE_LIST_TEST_CASE("inner join returns matching pairs only", "[joins]", backends) {
  auto db = TestType::connect();
  seed_posts(*db);
  auto rows = db->query(quarry::select(users.email, posts.title).from(users).join(posts).on(posts.user_id == users.id).order_by(posts.id)).all();
  CHECK(rows.size() == 10);
  CHECK(std::get<0>(rows.front()) == "u2");
  CHECK(std::get<1>(rows.front()) == "p2-1");
}

TEMPLATE_LIST_TEST_CASE("left join gives nullopt for missing right rows", "[joins]", backends) {
  auto db = TestType::connect();
  seed_posts(*db);
  auto rows = db->query(quarry::select(users.id, posts.title)
                            .from(users)
                            .left_join(posts)
                            .on(posts.user_id == users.id)
                            .order_by(users.id, posts.id))
                  .all();
  REQUIRE(rows.size() == 11);
  CHECK(std::get<0>(rows[0]) == 1);
  CHECK_FALSE(std::get<1>(rows[0]).has_value());
  CHECK(std::get<1>(rows[1]) == "p2-1");
  auto lonely = db->query(quarry::select(users.id).from(users).left_join(posts).on(posts.user_id == users.id).where(posts.id.is_null())).all();
  REQUIRE(lonely.size() == 1);
  CHECK(std::get<0>(lonely[0]) == 1);
}

TEMPLATE_LIST_TEST_CASE("right and full joins", "[joins]", backends) {
  auto db = TestType::connect();
  seed_posts(*db);
  auto right = db->query(quarry::select(users.email, posts.id).from(users).right_join(posts).on(posts.user_id == users.id && users.age > 30)).all();
  CHECK(right.size() == 10);
  int missing = 0;
  for (auto& [email, pid] : right) missing += email ? 0 : 1;
  CHECK(missing == 1 + 2);  // posts of users 2 and 3 (age 20, 30) have no matching user row
  auto full = db->query(quarry::select(users.id, posts.id).from(users).full_join(posts).on(posts.user_id == users.id && users.age > 30)).all();
  CHECK(full.size() == 7 + 3 + 3);  // 7 matched posts, 3 unmatched posts, 3 unmatched users
}

TEMPLATE_LIST_TEST_CASE("self-join through an alias", "[joins]", backends) {
  auto db = TestType::connect();
  seed_posts(*db);
  constexpr auto older = quarry::alias<"older">(users);
  auto rows = db->query(quarry::select(users.id, older[users.id])
                            .from(users)
                            .join(older)
                            .on(older[users.age] == users.age + 10)
                            .order_by(users.id))
                  .all();
  REQUIRE(rows.size() == 4);
  for (auto& [a, b] : rows) CHECK(b == a + 1);
  auto one = db->query(quarry::select(older).where(older[users.id] == 3)).one();
  CHECK(one.email == "u3");
}

TEMPLATE_LIST_TEST_CASE("aggregates over the whole table and over empty input", "[aggregates]", backends) {
  auto db = TestType::connect();
  seed_posts(*db);
  auto [n, with_city, cities, total, mean, lo, hi] =
      db->query(quarry::select(quarry::count(), quarry::count(users.city), quarry::count_distinct(users.city),
                               quarry::sum(users.age), quarry::avg(users.age), quarry::min(users.email),
                               quarry::max(users.age))
                    .from(users))
          .one();
  CHECK(n == 5);
  CHECK(with_city == 3);
  CHECK(cities == 3);  // C1, C0, C2
  CHECK(total == 150);
  CHECK(mean == 30.0);
  CHECK(lo == "u1");
  CHECK(hi == 50);
  auto [n0, s0, a0, m0] =
      db->query(quarry::select(quarry::count(), quarry::sum(users.age), quarry::avg(users.age), quarry::max(users.email))
                    .from(users)
                    .where(users.age > 1000))
          .one();
  CHECK(n0 == 0);
  CHECK_FALSE(s0.has_value());
  CHECK_FALSE(a0.has_value());
  CHECK_FALSE(m0.has_value());
}

TEMPLATE_LIST_TEST_CASE("group by with having and ordering by an aggregate", "[aggregates]", backends) {
  auto db = TestType::connect();
  seed_posts(*db);
  auto rows = db->query(quarry::select(users.email, quarry::count(posts.id), quarry::sum(posts.likes))
                            .from(users)
                            .left_join(posts)
                            .on(posts.user_id == users.id)
                            .group_by(users.id, users.email)
                            .having(quarry::count(posts.id) >= 1)
                            .order_by(quarry::count(posts.id).desc()))
                  .all();
  REQUIRE(rows.size() == 4);
  CHECK(std::get<0>(rows[0]) == "u5");
  CHECK(std::get<1>(rows[0]) == 4);
  std::int64_t likes = 0;
  for (auto& r : rows) likes += std::get<2>(r).value_or(0);
  CHECK(likes == 10 + 10 + 10 + 20 + 10 + 20 + 40);  // every third post has NULL likes
  auto by_city = db->query(quarry::select(users.city, quarry::count(), quarry::sum(users.age))
                               .from(users)
                               .group_by(users.city)
                               .order_by(users.city.asc(quarry::nulls_first)))
                     .all();
  REQUIRE(by_city.size() == 4);  // NULL, C0, C1, C2
  CHECK_FALSE(std::get<0>(by_city[0]).has_value());
  CHECK(std::get<1>(by_city[0]) == 2);
  CHECK(std::get<2>(by_city[0]) == 20 + 40);  // grouped sum over NOT NULL: plain int64
}
