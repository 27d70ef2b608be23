// Exact SQL of derived tables, CTEs (WITH, WITH RECURSIVE) and nested set operations, the types
// of their columns, and the order parameters are bound in.

#include "catch.hpp"
#include "schema.hpp"

#include <string>
#include <type_traits>
#include <vector>

using namespace test;
using quarry::col;
using quarry::postgres_dialect;
using quarry::sqlite_dialect;

namespace {

struct Employee {
  std::int64_t id;
  std::string name;
  std::optional<std::int64_t> manager_id;
};
inline constexpr struct employees_t : quarry::table<"employees", Employee> {
  column<&Employee::id, "id", quarry::primary_key> id;
  column<&Employee::name, "name"> name;
  column<&Employee::manager_id, "manager_id"> manager_id;
} employees;

template <class S>
std::string lite(const S& s) {
  return quarry::to_sql<sqlite_dialect>(s);
}
template <class S>
std::string pg(const S& s) {
  return quarry::to_sql<postgres_dialect>(s);
}

/// Records bound values as text, in the order the statement binds them.
struct recorder {
  std::vector<std::string> values;
  template <class T>
  void operator()(const T& v) {
    if constexpr (std::is_arithmetic_v<T>) {
      values.push_back(std::to_string(v));
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
      values.emplace_back(std::string_view(v));
    } else {
      values.emplace_back("?");
    }
  }
};
template <class S>
std::vector<std::string> bound(const S& s) {
  recorder r;
  s.bind(r);
  return r.values;
}
using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("derived table in FROM with named aggregate columns") {
  auto per_city = quarry::derived<"per_city">(
      quarry::select(users.city, quarry::count(users.id).as<"n">()).from(users).where(users.age >= 18).group_by(users.city));
  auto q = quarry::select(per_city[users.city], per_city[col<"n">])
               .from(per_city)
               .where(per_city[col<"n">] > 2)
               .order_by(per_city[col<"n">].desc())
               .limit(5);
  CHECK(pg(q) ==
        R"(SELECT "per_city"."city", "per_city"."n" FROM (SELECT "users"."city", COUNT("users"."id") AS "n" FROM "users" WHERE "users"."age" >= $1 GROUP BY "users"."city") AS "per_city" WHERE "per_city"."n" > $2 ORDER BY "per_city"."n" DESC LIMIT $3)");
  CHECK(lite(q) ==
        R"(SELECT "per_city"."city", "per_city"."n" FROM (SELECT "users"."city", COUNT("users"."id") AS "n" FROM "users" WHERE "users"."age" >= ? GROUP BY "users"."city") AS "per_city" WHERE "per_city"."n" > ? ORDER BY "per_city"."n" DESC LIMIT ?)");
  CHECK(bound(q) == strings{"18", "2", "5"});
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::optional<std::string>, std::int64_t>>);
  // select(t) selects every column of the derived table
  auto all = quarry::select(per_city);
  CHECK(lite(all) ==
        R"(SELECT "per_city"."city", "per_city"."n" FROM (SELECT "users"."city", COUNT("users"."id") AS "n" FROM "users" WHERE "users"."age" >= ? GROUP BY "users"."city") AS "per_city")");
  STATIC_REQUIRE(std::is_same_v<decltype(all)::row_type, std::tuple<std::optional<std::string>, std::int64_t>>);
}

TEST_CASE("derived table joined to a table: parameters numbered in text order") {
  auto active = quarry::derived<"active">(quarry::select(posts.user_id, quarry::sum(posts.likes).as<"likes">())
                                              .from(posts)
                                              .where(posts.title != "draft")
                                              .group_by(posts.user_id)
                                              .having(quarry::count() > 1));
  auto q = quarry::select(users.email, active[col<"likes">])
               .from(users)
               .join(active)
               .on(active[posts.user_id] == users.id && users.age > 30)
               .where(users.email.like("%@x.org"));
  CHECK(pg(q) ==
        R"(SELECT "users"."email", "active"."likes" FROM "users" INNER JOIN (SELECT "posts"."user_id", CAST(SUM("posts"."likes") AS BIGINT) AS "likes" FROM "posts" WHERE "posts"."title" <> $1 GROUP BY "posts"."user_id" HAVING COUNT(*) > $2) AS "active" ON "active"."user_id" = "users"."id" AND "users"."age" > $3 WHERE "users"."email" LIKE $4)");
  CHECK(bound(q) == strings{"draft", "1", "30", "%@x.org"});
  // sum over a nullable column stays optional; user_id is NOT NULL
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::optional<std::int64_t>>>);

  auto l = quarry::select(users.email, active[posts.user_id]).from(users).left_join(active).on(active[posts.user_id] == users.id);
  CHECK(lite(l) ==
        R"(SELECT "users"."email", "active"."user_id" FROM "users" LEFT JOIN (SELECT "posts"."user_id", SUM("posts"."likes") AS "likes" FROM "posts" WHERE "posts"."title" <> ? GROUP BY "posts"."user_id" HAVING COUNT(*) > ?) AS "active" ON "active"."user_id" = "users"."id")");
  STATIC_REQUIRE(std::is_same_v<decltype(l)::row_type, std::tuple<std::string, std::optional<std::int64_t>>>);
}

TEST_CASE("derived column names: own names, .as<>, and nullability from outer joins") {
  auto t = quarry::derived<"t">(
      quarry::select(users.id.as<"uid">(), posts.title, quarry::lower(users.email).as<"mail">())
          .from(users)
          .left_join(posts)
          .on(posts.user_id == users.id));
  using row = decltype(quarry::select(t))::row_type;
  STATIC_REQUIRE(std::is_same_v<row, std::tuple<std::int64_t, std::optional<std::string>, std::string>>);
  CHECK(pg(quarry::select(t[col<"uid">], t[col<"mail">]).from(t).where(t[posts.title].is_null())) ==
        R"(SELECT "t"."uid", "t"."mail" FROM (SELECT "users"."id" AS "uid", "posts"."title", LOWER("users"."email") AS "mail" FROM "users" LEFT JOIN "posts" ON "posts"."user_id" = "users"."id") AS "t" WHERE "t"."title" IS NULL)");
}

TEST_CASE("WITH: one CTE, parameters in the CTE and in the main query") {
  auto old = quarry::cte<"old">(quarry::select(users.id, users.email).from(users).where(users.age > 60));
  auto q = quarry::with(old)
               .select(old[users.email], posts.title)
               .from(old)
               .join(posts)
               .on(posts.user_id == old[users.id])
               .where(posts.likes > 10)
               .limit(3);
  CHECK(pg(q) ==
        R"(WITH "old" AS (SELECT "users"."id", "users"."email" FROM "users" WHERE "users"."age" > $1) SELECT "old"."email", "posts"."title" FROM "old" INNER JOIN "posts" ON "posts"."user_id" = "old"."id" WHERE "posts"."likes" > $2 LIMIT $3)");
  CHECK(lite(q) ==
        R"(WITH "old" AS (SELECT "users"."id", "users"."email" FROM "users" WHERE "users"."age" > ?) SELECT "old"."email", "posts"."title" FROM "old" INNER JOIN "posts" ON "posts"."user_id" = "old"."id" WHERE "posts"."likes" > ? LIMIT ?)");
  CHECK(bound(q) == strings{"60", "10", "3"});
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::string>>);
}

TEST_CASE("WITH: two CTEs, the second reading the first; a CTE in a subquery") {
  auto adults = quarry::cte<"adults">(quarry::select(users.id, users.city).from(users).where(users.age >= 18));
  auto cities = quarry::cte<"cities">(
      quarry::select(adults[users.city], quarry::count().as<"n">()).from(adults).group_by(adults[users.city]));
  auto q = quarry::with(adults, cities)
               .select(cities[users.city], cities[col<"n">])
               .from(cities)
               .where(cities[col<"n">] >= 2);
  CHECK(pg(q) ==
        R"(WITH "adults" AS (SELECT "users"."id", "users"."city" FROM "users" WHERE "users"."age" >= $1), "cities" AS (SELECT "adults"."city", COUNT(*) AS "n" FROM "adults" GROUP BY "adults"."city") SELECT "cities"."city", "cities"."n" FROM "cities" WHERE "cities"."n" >= $2)");
  CHECK(bound(q) == strings{"18", "2"});

  auto in = quarry::with(adults)
                .select(posts.title)
                .from(posts)
                .where(posts.user_id.in(quarry::select(adults[users.id]).from(adults)) && posts.likes > 5);
  CHECK(lite(in) ==
        R"(WITH "adults" AS (SELECT "users"."id", "users"."city" FROM "users" WHERE "users"."age" >= ?) SELECT "posts"."title" FROM "posts" WHERE "posts"."user_id" IN (SELECT "adults"."id" FROM "adults") AND "posts"."likes" > ?)");
  CHECK(lite(quarry::with(adults).select(adults)) ==
        R"(WITH "adults" AS (SELECT "users"."id", "users"."city" FROM "users" WHERE "users"."age" >= ?) SELECT "adults"."id", "adults"."city" FROM "adults")");
}

TEST_CASE("WITH RECURSIVE: a series") {
  constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>> nums;
  auto n = nums[col<"n">];
  auto q = quarry::with_recursive(nums.as(quarry::union_all(quarry::select(quarry::val(std::int64_t{1})),
                                                            quarry::select(n + 1).from(nums).where(n < 10))))
               .select(n)
               .from(nums)
               .where(n > 3);
  CHECK(pg(q) ==
        R"(WITH RECURSIVE "nums"("n") AS (SELECT $1 UNION ALL SELECT "nums"."n" + $2 FROM "nums" WHERE "nums"."n" < $3) SELECT "nums"."n" FROM "nums" WHERE "nums"."n" > $4)");
  CHECK(lite(q) ==
        R"(WITH RECURSIVE "nums"("n") AS (SELECT ? UNION ALL SELECT "nums"."n" + ? FROM "nums" WHERE "nums"."n" < ?) SELECT "nums"."n" FROM "nums" WHERE "nums"."n" > ?)");
  CHECK(bound(q) == strings{"1", "1", "10", "3"});
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::int64_t>>);
}

TEST_CASE("WITH RECURSIVE: a hierarchy, joined to its table, next to a plain CTE") {
  constexpr quarry::recursive_cte<"chain", quarry::field<"id", std::int64_t>, quarry::field<"name", std::string>,
                                  quarry::field<"depth", std::int64_t>>
      chain;
  auto body = quarry::union_all(
      quarry::select(employees.id, employees.name, quarry::val(std::int64_t{0})).from(employees).where(employees.manager_id.is_null()),
      quarry::select(employees.id, employees.name, chain[col<"depth">] + 1)
          .from(employees)
          .join(chain)
          .on(employees.manager_id == chain[employees.id]));
  auto named = quarry::cte<"named">(quarry::select(employees.id, employees.name).from(employees).where(employees.name != "x"));
  auto q = quarry::with_recursive(chain.as(body), named)
               .select(chain[employees.name], chain[col<"depth">])
               .from(chain)
               .join(named)
               .on(named[employees.id] == chain[employees.id])
               .order_by(chain[col<"depth">], chain[employees.name]);
  CHECK(pg(q) ==
        R"(WITH RECURSIVE "chain"("id", "name", "depth") AS (SELECT "employees"."id", "employees"."name", $1 FROM "employees" WHERE "employees"."manager_id" IS NULL UNION ALL SELECT "employees"."id", "employees"."name", "chain"."depth" + $2 FROM "employees" INNER JOIN "chain" ON "employees"."manager_id" = "chain"."id"), "named" AS (SELECT "employees"."id", "employees"."name" FROM "employees" WHERE "employees"."name" <> $3) SELECT "chain"."name", "chain"."depth" FROM "chain" INNER JOIN "named" ON "named"."id" = "chain"."id" ORDER BY "chain"."depth" ASC, "chain"."name" ASC)");
  CHECK(bound(q) == strings{"0", "1", "x"});
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::int64_t>>);
}

TEST_CASE("a with-select as the first side of a UNION; union of unions") {
  auto old = quarry::cte<"old">(quarry::select(users.id).from(users).where(users.age > 60));
  auto u = quarry::union_(quarry::with(old).select(old[users.id]).from(old), quarry::select(posts.user_id).from(posts).where(posts.likes > 1));
  CHECK(pg(u) ==
        R"(WITH "old" AS (SELECT "users"."id" FROM "users" WHERE "users"."age" > $1) SELECT "old"."id" FROM "old" UNION SELECT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > $2)");

  auto a = quarry::select(users.id).from(users).where(users.age > 1);
  auto b = quarry::select(posts.user_id).from(posts).where(posts.likes > 2);
  auto c = quarry::select(users.id).from(users).where(users.age < 3);
  auto uu = quarry::except(quarry::union_all(a, b), c);
  CHECK(pg(uu) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."age" > $1 UNION ALL SELECT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > $2 EXCEPT SELECT "users"."id" FROM "users" WHERE "users"."age" < $3)");
  CHECK(bound(uu) == strings{"1", "2", "3"});
  auto three = quarry::union_(quarry::union_(quarry::union_(a, b), c), a);
  CHECK(lite(three) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."age" > ? UNION SELECT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > ? UNION SELECT "users"."id" FROM "users" WHERE "users"."age" < ? UNION SELECT "users"."id" FROM "users" WHERE "users"."age" > ?)");
  // PostgreSQL binds INTERSECT tighter than UNION: the left side keeps its grouping there
  auto i = quarry::intersect(quarry::union_(a, b), c);
  CHECK(pg(i) ==
        R"((SELECT "users"."id" FROM "users" WHERE "users"."age" > $1 UNION SELECT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > $2) INTERSECT SELECT "users"."id" FROM "users" WHERE "users"."age" < $3)");
  CHECK(lite(i) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."age" > ? UNION SELECT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > ? INTERSECT SELECT "users"."id" FROM "users" WHERE "users"."age" < ?)");
  CHECK(pg(quarry::union_(quarry::intersect(a, b), c)).find('(') == std::string::npos);
  // a compound as a derived table
  auto ids = quarry::derived<"ids">(quarry::union_(a, b));
  CHECK(lite(quarry::select(quarry::count()).from(ids).where(ids[users.id] > 7)) ==
        R"(SELECT COUNT(*) FROM (SELECT "users"."id" FROM "users" WHERE "users"."age" > ? UNION SELECT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > ?) AS "ids" WHERE "ids"."id" > ?)");
}

TEST_CASE("compound columns are optional when either side's is") {
  auto a = quarry::select(users.email.as<"v">()).from(users);
  auto b = quarry::select(users.city).from(users);
  auto t = quarry::derived<"t">(quarry::union_all(a, b));
  STATIC_REQUIRE(std::is_same_v<decltype(quarry::select(t))::row_type, std::tuple<std::optional<std::string>>>);
  CHECK(lite(quarry::select(t[col<"v">]).from(t)) ==
        R"(SELECT "t"."v" FROM (SELECT "users"."email" AS "v" FROM "users" UNION ALL SELECT "users"."city" FROM "users") AS "t")");
}

TEST_CASE("SQL text is rendered once per statement type") {
  auto make = [](int age, int n) {
    auto c = quarry::cte<"c">(quarry::select(users.id).from(users).where(users.age > age));
    return quarry::with(c).select(c[users.id]).from(c).where(c[users.id] > n);
  };
  const std::string& first = quarry::to_sql<sqlite_dialect>(make(1, 2));
  const std::string& second = quarry::to_sql<sqlite_dialect>(make(3, 4));
  CHECK(&first == &second);
  CHECK(bound(make(3, 4)) == strings{"3", "4"});
}

TEST_CASE("DISTINCT in a CTE, in the main query of a WITH, and in a derived table") {
  auto cities = quarry::cte<"cities">(quarry::select(users.city).from(users).where(users.age > 18).distinct());
  auto q = quarry::with(cities).select(cities[users.city]).from(cities).distinct_on(cities[users.city]).order_by(cities[users.city]);
  CHECK(pg(q) ==
        R"(WITH "cities" AS (SELECT DISTINCT "users"."city" FROM "users" WHERE "users"."age" > $1) SELECT DISTINCT ON ("cities"."city") "cities"."city" FROM "cities" ORDER BY "cities"."city" ASC)");
  CHECK(bound(q) == strings{"18"});
  auto d = quarry::derived<"d">(quarry::select(posts.user_id).from(posts).where(posts.likes > 3).distinct());
  auto q2 = quarry::select(quarry::count()).from(d).where(d[posts.user_id] > 1);
  CHECK(lite(q2) ==
        R"(SELECT COUNT(*) FROM (SELECT DISTINCT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > ?) AS "d" WHERE "d"."user_id" > ?)");
  CHECK(bound(q2) == strings{"3", "1"});
}
