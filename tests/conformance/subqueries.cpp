// Subqueries and set operations against real databases.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <algorithm>
#include <vector>

using namespace test;

template <class Db>
static void seed(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
  for (int i = 1; i <= 4; ++i) db.insert(users, User{0, "u" + std::to_string(i), std::nullopt, i * 20});
  db.insert(posts, Post{0, 2, "a", 5});
  db.insert(posts, Post{0, 2, "b", 50});
  db.insert(posts, Post{0, 3, "c", std::nullopt});
}

TEMPLATE_LIST_TEST_CASE("IN and EXISTS subqueries, correlated and not", "[subqueries]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto ids = [&](auto cond) {
    std::vector<std::int64_t> out;
    for (auto [id] : db->query(quarry::select(users.id).from(users).where(cond).order_by(users.id))) out.push_back(id);
    return out;
  };
  CHECK(ids(users.id.in(quarry::select(posts.user_id).from(posts))) == std::vector<std::int64_t>{2, 3});
  CHECK(ids(users.id.not_in(quarry::select(posts.user_id).from(posts))) == std::vector<std::int64_t>{1, 4});
  CHECK(ids(quarry::exists(quarry::select(posts.id).from(posts).where(posts.user_id == users.id && posts.likes > 10))) ==
        std::vector<std::int64_t>{2});
  CHECK(ids(quarry::not_exists(quarry::select(posts.id).from(posts).where(posts.user_id == users.id))) ==
        std::vector<std::int64_t>{1, 4});
}

TEMPLATE_LIST_TEST_CASE("scalar subqueries", "[subqueries]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto rows = db->query(quarry::select(users.id, quarry::scalar(quarry::select(quarry::count()).from(posts).where(posts.user_id == users.id)),
                                       quarry::scalar(quarry::select(posts.title).from(posts).where(posts.user_id == users.id && posts.likes > 10)))
                            .from(users)
                            .order_by(users.id))
                  .all();
  REQUIRE(rows.size() == 4);
  CHECK(std::get<1>(rows[1]) == 2);
  CHECK(std::get<2>(rows[1]) == "b");
  CHECK_FALSE(std::get<2>(rows[0]).has_value());
  auto above = db->query(quarry::select(users.id).from(users).where(users.age > quarry::scalar(quarry::select(quarry::avg(users.age)).from(users)))).all();
  CHECK(above.size() == 2);
}

TEMPLATE_LIST_TEST_CASE("UNION, UNION ALL, INTERSECT, EXCEPT", "[subqueries]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto a = quarry::select(users.id).from(users).where(users.age <= 60);
  auto b = quarry::select(posts.user_id).from(posts);
  auto sorted = [&](auto q) {
    std::vector<std::int64_t> v;
    for (auto [x] : db->query(q)) v.push_back(x);
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted(quarry::union_(a, b)) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(sorted(quarry::union_all(a, b)) == std::vector<std::int64_t>{1, 2, 2, 2, 3, 3});
  CHECK(sorted(quarry::intersect(a, b)) == std::vector<std::int64_t>{2, 3});
  CHECK(sorted(quarry::except(a, b)) == std::vector<std::int64_t>{1});
}
