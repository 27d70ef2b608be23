// Exact SQL of joins, aliases, aggregates, GROUP BY and HAVING, and the result types they give.

#include "catch.hpp"
#include "schema.hpp"

#include <type_traits>

using namespace test;
using quarry::postgres_dialect;
using quarry::sqlite_dialect;

template <class S>
static std::string lite(const S& s) {
  return quarry::to_sql<sqlite_dialect>(s);
}
template <class S>
static std::string pg(const S& s) {
  return quarry::to_sql<postgres_dialect>(s);
}

TEST_CASE("inner and left joins") {
  auto q = quarry::select(users.email, posts.title)
               .from(users)
               .join(posts)
               .on(posts.user_id == users.id)
               .where(users.age > 18);
  CHECK(lite(q) ==
        R"(SELECT "users"."email", "posts"."title" FROM "users" INNER JOIN "posts" ON "posts"."user_id" = "users"."id" WHERE "users"."age" > ?)");
  auto l = quarry::select(users.email, posts.title).from(users).left_join(posts).on(posts.user_id == users.id);
  CHECK(pg(l) == R"(SELECT "users"."email", "posts"."title" FROM "users" LEFT JOIN "posts" ON "posts"."user_id" = "users"."id")");
}

TEST_CASE("outer joins make the other side optional") {
  using inner = decltype(quarry::select(users.email, posts.title).from(users).join(posts).on(posts.user_id == users.id))::row_type;
  STATIC_REQUIRE(std::is_same_v<inner, std::tuple<std::string, std::string>>);
  using left = decltype(quarry::select(users.email, posts.title).from(users).left_join(posts).on(posts.user_id == users.id))::row_type;
  STATIC_REQUIRE(std::is_same_v<left, std::tuple<std::string, std::optional<std::string>>>);
  using right = decltype(quarry::select(users.email, posts.title).from(users).right_join(posts).on(posts.user_id == users.id))::row_type;
  STATIC_REQUIRE(std::is_same_v<right, std::tuple<std::optional<std::string>, std::string>>);
  using full = decltype(quarry::select(users.email, posts.title).from(users).full_join(posts).on(posts.user_id == users.id))::row_type;
  STATIC_REQUIRE(std::is_same_v<full, std::tuple<std::optional<std::string>, std::optional<std::string>>>);
  // Already-optional columns stay optional once (no optional<optional<T>>).
  using lk = decltype(quarry::select(posts.likes).from(users).left_join(posts).on(posts.user_id == users.id))::row_type;
  STATIC_REQUIRE(std::is_same_v<lk, std::tuple<std::optional<std::int64_t>>>);
  auto r = quarry::select(users.email).from(users).right_join(posts).on(posts.user_id == users.id);
  CHECK(lite(r) == R"(SELECT "users"."email" FROM "users" RIGHT JOIN "posts" ON "posts"."user_id" = "users"."id")");
  auto f = quarry::select(users.email).from(users).full_join(posts).on(posts.user_id == users.id);
  CHECK(pg(f) == R"(SELECT "users"."email" FROM "users" FULL JOIN "posts" ON "posts"."user_id" = "users"."id")");
}

TEST_CASE("is_null on the outer side of a join is allowed (anti-join)") {
  auto q = quarry::select(users.id).from(users).left_join(posts).on(posts.user_id == users.id).where(posts.id.is_null());
  CHECK(lite(q) ==
        R"(SELECT "users"."id" FROM "users" LEFT JOIN "posts" ON "posts"."user_id" = "users"."id" WHERE "posts"."id" IS NULL)");
}

TEST_CASE("cross join and self-join through an alias") {
  auto c = quarry::select(users.id, posts.id).from(users).cross_join(posts);
  CHECK(lite(c) == R"(SELECT "users"."id", "posts"."id" FROM "users" CROSS JOIN "posts")");
  constexpr auto older = quarry::alias<"older">(users);
  auto s = quarry::select(users.email, older[users.email])
               .from(users)
               .join(older)
               .on(older[users.age] > users.age && older[users.city] == users.city);
  CHECK(lite(s) ==
        R"(SELECT "users"."email", "older"."email" FROM "users" INNER JOIN "users" AS "older" ON "older"."age" > "users"."age" AND "older"."city" = "users"."city")");
  auto w = quarry::select(older).where(older[users.id] == 1);
  CHECK(pg(w) ==
        R"(SELECT "older"."id", "older"."email", "older"."city", "older"."age" FROM "users" AS "older" WHERE "older"."id" = $1)");
}

TEST_CASE("join conditions bind their parameters in order") {
  auto q = quarry::select(users.id)
               .from(users)
               .join(posts)
               .on(posts.user_id == users.id && posts.title != "draft")
               .where(users.age > 3)
               .limit(2);
  CHECK(pg(q) ==
        R"(SELECT "users"."id" FROM "users" INNER JOIN "posts" ON "posts"."user_id" = "users"."id" AND "posts"."title" <> $1 WHERE "users"."age" > $2 LIMIT $3)");
}

TEST_CASE("aggregates and their types") {
  auto q = quarry::select(quarry::count(), quarry::count(users.city), quarry::count_distinct(users.city),
                          quarry::sum(users.age), quarry::avg(users.age), quarry::min(users.email),
                          quarry::max(users.city))
               .from(users);
  CHECK(lite(q) ==
        R"(SELECT COUNT(*), COUNT("users"."city"), COUNT(DISTINCT "users"."city"), SUM("users"."age"), AVG("users"."age"), MIN("users"."email"), MAX("users"."city") FROM "users")");
  CHECK(pg(q) ==
        R"(SELECT COUNT(*), COUNT("users"."city"), COUNT(DISTINCT "users"."city"), CAST(SUM("users"."age") AS BIGINT), CAST(AVG("users"."age") AS DOUBLE PRECISION), MIN("users"."email"), MAX("users"."city") FROM "users")");
  using row = decltype(q)::row_type;
  STATIC_REQUIRE(std::is_same_v<row, std::tuple<std::int64_t, std::int64_t, std::int64_t, std::optional<std::int64_t>,
                                                std::optional<double>, std::optional<std::string>,
                                                std::optional<std::string>>>);
}

TEST_CASE("group by, having, order by an aggregate") {
  auto q = quarry::select(users.email, quarry::count(posts.id), quarry::sum(users.age), quarry::max(posts.likes))
               .from(users)
               .left_join(posts)
               .on(posts.user_id == users.id)
               .where(users.age >= 18)
               .group_by(users.id, users.email)
               .having(quarry::count(posts.id) > 2 && users.id != 7)
               .order_by(quarry::count(posts.id).desc(), users.email)
               .limit(50);
  CHECK(pg(q) ==
        R"(SELECT "users"."email", COUNT("posts"."id"), CAST(SUM("users"."age") AS BIGINT), MAX("posts"."likes") FROM "users" LEFT JOIN "posts" ON "posts"."user_id" = "users"."id" WHERE "users"."age" >= $1 GROUP BY "users"."id", "users"."email" HAVING COUNT("posts"."id") > $2 AND "users"."id" <> $3 ORDER BY COUNT("posts"."id") DESC, "users"."email" ASC LIMIT $4)");
  // Grouped: count is never NULL, sum over a NOT NULL column has a value in every group,
  // max over the outer side of a LEFT JOIN may be NULL.
  using row = decltype(q)::row_type;
  STATIC_REQUIRE(std::is_same_v<row, std::tuple<std::string, std::int64_t, std::int64_t, std::optional<std::int64_t>>>);
}

TEST_CASE("grouping by an expression") {
  // A value-free expression: `age / 10` binds 10 twice, as two parameters that PostgreSQL does not
  // match (a compile error now: tests/compile_fail/group_by_bound_value.cpp).
  auto q = quarry::select(quarry::length(users.email), quarry::count()).from(users).group_by(quarry::length(users.email));
  CHECK(lite(q) == R"(SELECT LENGTH("users"."email"), COUNT(*) FROM "users" GROUP BY LENGTH("users"."email"))");
  // The grouped expression inside larger ones, in the select list, having() and order_by().
  auto key = quarry::lower(users.email);
  auto q2 = quarry::select(quarry::upper(key), quarry::count())
                .from(users)
                .group_by(key)
                .having(key != "x")
                .order_by(quarry::length(key).desc());
  CHECK(pg(q2) ==
        R"(SELECT UPPER(LOWER("users"."email")), COUNT(*) FROM "users" GROUP BY LOWER("users"."email") HAVING LOWER("users"."email") <> $1 ORDER BY LENGTH(LOWER("users"."email")) DESC)");
  // A grouped primary key determines the table's other columns.
  auto q3 = quarry::select(users.email, quarry::count(posts.id))
                .from(users)
                .left_join(posts)
                .on(posts.user_id == users.id)
                .group_by(users.id)
                .order_by(users.city.asc(quarry::nulls_last));
  CHECK(lite(q3) ==
        R"(SELECT "users"."email", COUNT("posts"."id") FROM "users" LEFT JOIN "posts" ON "posts"."user_id" = "users"."id" GROUP BY "users"."id" ORDER BY "users"."city" ASC NULLS LAST)");
}
