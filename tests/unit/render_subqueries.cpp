// Exact SQL of subqueries and set operations.

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

TEST_CASE("IN (subquery) numbers parameters across both levels") {
  auto q = quarry::select(users.email)
               .from(users)
               .where(users.age > 1 && users.id.in(quarry::select(posts.user_id).from(posts).where(posts.likes > 10)))
               .limit(5);
  CHECK(pg(q) ==
        R"(SELECT "users"."email" FROM "users" WHERE "users"."age" > $1 AND "users"."id" IN (SELECT "posts"."user_id" FROM "posts" WHERE "posts"."likes" > $2) LIMIT $3)");
  auto n = quarry::select(users.id).from(users).where(users.id.not_in(quarry::select(posts.user_id).from(posts)));
  CHECK(lite(n) == R"(SELECT "users"."id" FROM "users" WHERE "users"."id" NOT IN (SELECT "posts"."user_id" FROM "posts"))");
}

TEST_CASE("correlated EXISTS and scalar subqueries") {
  auto has_posts = quarry::exists(quarry::select(posts.id).from(posts).where(posts.user_id == users.id));
  auto q = quarry::select(users.email, quarry::scalar(quarry::select(quarry::count()).from(posts).where(posts.user_id == users.id)))
               .from(users)
               .where(has_posts && quarry::not_exists(quarry::select(posts.id).from(posts).where(posts.title == "spam")));
  CHECK(lite(q) ==
        R"(SELECT "users"."email", (SELECT COUNT(*) FROM "posts" WHERE "posts"."user_id" = "users"."id") FROM "users" WHERE EXISTS (SELECT "posts"."id" FROM "posts" WHERE "posts"."user_id" = "users"."id") AND NOT EXISTS (SELECT "posts"."id" FROM "posts" WHERE "posts"."title" = ?))");
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::optional<std::int64_t>>>);
}

TEST_CASE("set operations") {
  auto a = quarry::select(users.email).from(users).where(users.age > 60);
  auto b = quarry::select(posts.title).from(posts);
  CHECK(lite(quarry::union_(a, b)) ==
        R"(SELECT "users"."email" FROM "users" WHERE "users"."age" > ? UNION SELECT "posts"."title" FROM "posts")");
  CHECK(pg(quarry::union_all(a, b)) ==
        R"(SELECT "users"."email" FROM "users" WHERE "users"."age" > $1 UNION ALL SELECT "posts"."title" FROM "posts")");
  CHECK(lite(quarry::intersect(a, b)).find(" INTERSECT ") != std::string::npos);
  CHECK(lite(quarry::except(a, b)).find(" EXCEPT ") != std::string::npos);
}
