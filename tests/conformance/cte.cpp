// Derived tables, CTEs (WITH / WITH RECURSIVE) and nested set operations against real databases.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

using namespace test;
using quarry::col;

namespace {

struct Staff {
  std::int64_t id;
  std::string name;
  std::optional<std::int64_t> manager_id;
};
inline constexpr struct staff_t : quarry::table<"cte_staff", Staff> {
  column<&Staff::id, "id", quarry::primary_key> id;
  column<&Staff::name, "name"> name;
  column<&Staff::manager_id, "manager_id"> manager_id;
} staff;

// users 1..4 with ages 20, 40, 60, 80 (u1 and u3 in Oslo, the others without a city);
// posts: u2 has two (likes 5, 50), u3 one (no likes), u4 three (1, 2, 3).
template <class Db>
void seed(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
  for (int i = 1; i <= 4; ++i)
    db.insert(users, User{0, "u" + std::to_string(i), i % 2 == 1 ? std::optional<std::string>("Oslo") : std::nullopt, i * 20});
  db.insert(posts, Post{0, 2, "a", 5});
  db.insert(posts, Post{0, 2, "b", 50});
  db.insert(posts, Post{0, 3, "c", std::nullopt});
  db.insert(posts, Post{0, 4, "d", 1});
  db.insert(posts, Post{0, 4, "e", 2});
  db.insert(posts, Post{0, 4, "f", 3});
}

// 1 ceo; 2, 3 report to 1; 4 to 2; 5 to 4.
template <class Db>
void seed_staff(Db& db) {
  db.drop_table(staff, true);
  db.create_table(staff);
  db.insert(staff, Staff{1, "ceo", std::nullopt});
  db.insert(staff, Staff{2, "vp", 1});
  db.insert(staff, Staff{3, "cfo", 1});
  db.insert(staff, Staff{4, "lead", 2});
  db.insert(staff, Staff{5, "dev", 4});
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("WITH RECURSIVE generates a series", "[cte]", backends) {
  auto db = TestType::connect();
  constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>> nums;
  auto n = nums[col<"n">];
  auto series = [&](std::int64_t from, std::int64_t to, std::int64_t above) {
    std::vector<std::int64_t> out;
    auto q = quarry::with_recursive(nums.as(quarry::union_all(quarry::select(quarry::val(from)),
                                                              quarry::select(n + 1).from(nums).where(n < to))))
                 .select(n)
                 .from(nums)
                 .where(n > above)
                 .order_by(n);
    for (auto [v] : db->query(q)) out.push_back(v);
    return out;
  };
  CHECK(series(1, 10, 0) == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  // parameters in the CTE body and in the main query, bound in text order
  CHECK(series(3, 7, 4) == std::vector<std::int64_t>{5, 6, 7});
  auto total = db->query(quarry::with_recursive(nums.as(quarry::union_all(quarry::select(quarry::val(std::int64_t{1})),
                                                                          quarry::select(n + 1).from(nums).where(n < 100))))
                             .select(quarry::sum(n), quarry::count())
                             .from(nums))
                   .one();
  CHECK(std::get<0>(total) == 5050);
  CHECK(std::get<1>(total) == 100);
}

TEMPLATE_LIST_TEST_CASE("WITH RECURSIVE walks a hierarchy from an employee up to the top", "[cte]", backends) {
  auto db = TestType::connect();
  seed_staff(*db);
  constexpr quarry::recursive_cte<"chain", quarry::field<"id", std::int64_t>, quarry::field<"name", std::string>,
                                  quarry::field<"manager_id", std::optional<std::int64_t>>, quarry::field<"depth", std::int64_t>>
      chain;
  auto up_from = [&](std::int64_t who) {
    auto body = quarry::union_all(
        quarry::select(staff.id, staff.name, staff.manager_id, quarry::val(std::int64_t{0})).from(staff).where(staff.id == who),
        quarry::select(staff.id, staff.name, staff.manager_id, chain[col<"depth">] + 1)
            .from(staff)
            .join(chain)
            .on(staff.id == chain[staff.manager_id]));
    std::vector<std::tuple<std::string, std::int64_t>> out;
    for (auto row : db->query(quarry::with_recursive(chain.as(body))
                                  .select(chain[staff.name], chain[col<"depth">])
                                  .from(chain)
                                  .order_by(chain[col<"depth">])))
      out.push_back(row);
    return out;
  };
  using path = std::vector<std::tuple<std::string, std::int64_t>>;
  CHECK(up_from(5) == path{{"dev", 0}, {"lead", 1}, {"vp", 2}, {"ceo", 3}});
  CHECK(up_from(3) == path{{"cfo", 0}, {"ceo", 1}});
  CHECK(up_from(9).empty());

  // downwards: everyone with their depth below the top, joined back to the table for the boss
  auto down = quarry::union_all(
      quarry::select(staff.id, staff.name, staff.manager_id, quarry::val(std::int64_t{0})).from(staff).where(staff.manager_id.is_null()),
      quarry::select(staff.id, staff.name, staff.manager_id, chain[col<"depth">] + 1)
          .from(staff)
          .join(chain)
          .on(staff.manager_id == chain[staff.id]));
  constexpr auto boss = quarry::alias<"boss">(staff);
  auto rows = db->query(quarry::with_recursive(chain.as(down))
                            .select(chain[staff.name], chain[col<"depth">], boss[staff.name])
                            .from(chain)
                            .left_join(boss)
                            .on(boss[staff.id] == chain[staff.manager_id])
                            .order_by(chain[col<"depth">], chain[staff.name]))
                  .all();
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == std::tuple<std::string, std::int64_t, std::optional<std::string>>{"ceo", 0, std::nullopt});
  CHECK(rows[1] == std::tuple<std::string, std::int64_t, std::optional<std::string>>{"cfo", 1, "ceo"});
  CHECK(rows[4] == std::tuple<std::string, std::int64_t, std::optional<std::string>>{"dev", 3, "lead"});
}

TEMPLATE_LIST_TEST_CASE("derived table with GROUP BY inside, joined to a table", "[cte]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto per_user = quarry::derived<"per_user">(quarry::select(posts.user_id, quarry::count().as<"n">(), quarry::max(posts.likes).as<"best">())
                                                  .from(posts)
                                                  .where(posts.title != "e")
                                                  .group_by(posts.user_id)
                                                  .having(quarry::count() >= 1));
  auto q = quarry::select(users.email, per_user[col<"n">], per_user[col<"best">])
               .from(users)
               .join(per_user)
               .on(per_user[posts.user_id] == users.id)
               .where(users.age > 20)
               .order_by(users.email);
  STATIC_REQUIRE(std::is_same_v<typename decltype(q)::row_type, std::tuple<std::string, std::int64_t, std::optional<std::int64_t>>>);
  auto rows = db->query(q).all();
  using row = std::tuple<std::string, std::int64_t, std::optional<std::int64_t>>;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == row{"u2", 2, 50});
  CHECK(rows[1] == row{"u3", 1, std::nullopt});
  CHECK(rows[2] == row{"u4", 2, 3});  // "e" filtered inside the derived table

  // LEFT JOIN: users without posts read the derived columns as nullopt
  auto l = db->query(quarry::select(users.email, per_user[col<"n">])
                         .from(users)
                         .left_join(per_user)
                         .on(per_user[posts.user_id] == users.id)
                         .order_by(users.email))
               .all();
  REQUIRE(l.size() == 4);
  CHECK(l[0] == std::tuple<std::string, std::optional<std::int64_t>>{"u1", std::nullopt});
  CHECK(l[3] == std::tuple<std::string, std::optional<std::int64_t>>{"u4", 2});

  // grouping over a derived table, and select(t)
  auto cities = quarry::derived<"cities">(quarry::select(users.city, quarry::count().as<"n">()).from(users).group_by(users.city));
  auto all = db->query(quarry::select(cities).where(cities[col<"n">] >= 2).order_by(cities[users.city].asc(quarry::nulls_first))).all();
  REQUIRE(all.size() == 2);
  CHECK(all[0] == std::tuple<std::optional<std::string>, std::int64_t>{std::nullopt, 2});
  CHECK(all[1] == std::tuple<std::optional<std::string>, std::int64_t>{"Oslo", 2});
}

TEMPLATE_LIST_TEST_CASE("WITH: parameters in the CTEs and the main query bind in order", "[cte]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto old = quarry::cte<"old">(quarry::select(users.id, users.email).from(users).where(users.age > 50));
  auto liked = quarry::cte<"liked">(quarry::select(posts.user_id, posts.title).from(posts).where(posts.title != "zz"));
  auto titles = [&](std::int64_t min_likes, std::int64_t limit) {
    std::vector<std::string> out;
    auto q = quarry::with(old, liked)
                 .select(liked[posts.title])
                 .from(old)
                 .join(liked)
                 .on(liked[posts.user_id] == old[users.id])
                 .join(posts)
                 .on(posts.title == liked[posts.title] && posts.likes >= min_likes)
                 .order_by(liked[posts.title])
                 .limit(limit);
    for (auto [t] : db->query(q)) out.push_back(t);
    return out;
  };
  CHECK(titles(2, 10) == std::vector<std::string>{"e", "f"});
  CHECK(titles(0, 2) == std::vector<std::string>{"d", "e"});

  // a CTE read by an IN subquery of the main query, and a second CTE reading the first
  auto old_posts = quarry::cte<"old_posts">(
      quarry::select(posts.id, posts.user_id).from(posts).where(posts.user_id.in(quarry::select(old[users.id]).from(old))));
  auto n = db->query(quarry::with(old, old_posts).select(quarry::count()).from(old_posts).where(old_posts[posts.id] > 0)).one();
  CHECK(std::get<0>(n) == 4);
  auto emails = db->query(quarry::with(old)
                              .select(users.email)
                              .from(users)
                              .where(users.id.in(quarry::select(old[users.id]).from(old)) && users.age < 70))
                    .all();
  REQUIRE(emails.size() == 1);
  CHECK(std::get<0>(emails[0]) == "u3");
}

TEMPLATE_LIST_TEST_CASE("nested set operations keep left-to-right meaning on both databases", "[cte]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto ids = [&](auto q) {
    std::vector<std::int64_t> v;
    for (auto [x] : db->query(q)) v.push_back(x);
    std::sort(v.begin(), v.end());
    return v;
  };
  auto a = quarry::select(users.id).from(users).where(users.age <= 40);   // 1, 2
  auto b = quarry::select(posts.user_id).from(posts).where(posts.likes.is_null());  // 3
  auto c = quarry::select(users.id).from(users).where(users.age == 60);   // 3
  // (a UNION b) INTERSECT c = {3}; a UNION (b INTERSECT c) would be {1, 2, 3}
  CHECK(ids(quarry::intersect(quarry::union_(a, b), c)) == std::vector<std::int64_t>{3});
  CHECK(ids(quarry::except(quarry::union_all(a, b), c)) == std::vector<std::int64_t>{1, 2});
  CHECK(ids(quarry::union_(quarry::union_(a, b), quarry::select(posts.user_id).from(posts).where(posts.likes > 40))) ==
        std::vector<std::int64_t>{1, 2, 3});
  // a compound as a derived table and as a CTE
  auto u = quarry::derived<"u">(quarry::union_all(a, b));
  CHECK(std::get<0>(db->query(quarry::select(quarry::count()).from(u).where(u[users.id] > 1)).one()) == 2);
  auto cu = quarry::cte<"cu">(quarry::union_all(a, b));
  CHECK(ids(quarry::with(cu).select(cu[users.id]).from(cu).where(cu[users.id] != 2)) == std::vector<std::int64_t>{1, 3});
}
