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
  // COUNT without GROUP BY always returns one row and is never NULL (issue 13; was optional)
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::int64_t>>);
}

template <class E>
using scalar_type = typename E::value_type;

TEST_CASE("scalar subquery types: one row of COUNT is never NULL, anything else can be") {
  auto per_user = posts.user_id == users.id;
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::count()).from(posts).where(per_user)))>,
                                std::int64_t>);
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::count(posts.likes)).from(posts)))>,
                                std::int64_t>);
  STATIC_REQUIRE(
      std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::count_distinct(posts.title)).from(posts)))>,
                     std::int64_t>);
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::count() + 1).from(posts)))>,
                                std::int64_t>);
  // SUM/MIN/MAX/AVG are NULL over no rows
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::sum(posts.user_id)).from(posts)))>,
                                std::optional<std::int64_t>>);
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::max(posts.id)).from(posts)))>,
                                std::optional<std::int64_t>>);
  // no row at all reads as NULL: a plain column, GROUP BY, LIMIT, OFFSET, a compound
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(posts.id).from(posts).where(per_user)))>,
                                std::optional<std::int64_t>>);
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(
                                    quarry::select(quarry::count()).from(posts).group_by(posts.user_id)))>,
                                std::optional<std::int64_t>>);
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::count()).from(posts).limit(1)))>,
                                std::optional<std::int64_t>>);
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::select(quarry::count()).from(posts).offset(1)))>,
                                std::optional<std::int64_t>>);
  STATIC_REQUIRE(std::is_same_v<scalar_type<decltype(quarry::scalar(quarry::union_all(
                                    quarry::select(quarry::count()).from(posts), quarry::select(quarry::count()).from(users))))>,
                                std::optional<std::int64_t>>);
  // the non-optional form compares, computes and is assigned without coalesce()
  auto n = quarry::scalar(quarry::select(quarry::count()).from(posts).where(per_user));
  auto up = quarry::update(users).set(users.age = quarry::cast<std::int32_t>(n)).where(n > 2);
  CHECK(lite(up) ==
        R"(UPDATE "users" SET "age" = CAST((SELECT COUNT(*) FROM "posts" WHERE "posts"."user_id" = "users"."id") AS INTEGER) WHERE (SELECT COUNT(*) FROM "posts" WHERE "posts"."user_id" = "users"."id") > ?)");
  auto q = quarry::select(users.id, n + 1).from(users).order_by(n.desc(), users.id);
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::int64_t, std::int64_t>>);
  CHECK(lite(q) ==
        R"(SELECT "users"."id", (SELECT COUNT(*) FROM "posts" WHERE "posts"."user_id" = "users"."id") + ? FROM "users" ORDER BY (SELECT COUNT(*) FROM "posts" WHERE "posts"."user_id" = "users"."id") DESC, "users"."id" ASC)");
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

TEST_CASE("set operations unify each column's type from both sides") {
  using quarry::select;
  auto s = [](auto... c) { return select(c...).from(samples); };
  // nullable when either side is
  using n1 = decltype(quarry::union_all(s(samples.text), s(samples.note)))::row_type;
  STATIC_REQUIRE(std::is_same_v<n1, std::tuple<std::optional<std::string>>>);
  using n2 = decltype(quarry::union_all(s(samples.note), s(samples.text)))::row_type;
  STATIC_REQUIRE(std::is_same_v<n2, std::tuple<std::optional<std::string>>>);
  // integers widen, an integer with a real is double
  using w = decltype(quarry::union_all(s(samples.small, samples.medium, samples.medium), s(samples.medium, samples.big, samples.real)))::row_type;
  STATIC_REQUIRE(std::is_same_v<w, std::tuple<std::int32_t, std::int64_t, double>>);
  using w2 = decltype(quarry::union_(s(samples.big), s(samples.maybe)))::row_type;
  STATIC_REQUIRE(std::is_same_v<w2, std::tuple<std::optional<std::int64_t>>>);
  // outer-join and aggregate nullability of the right side count
  auto right_outer = select(users.age).from(posts).left_join(users).on(users.id == posts.user_id);
  using o = decltype(quarry::union_all(select(users.age).from(users), right_outer))::row_type;
  STATIC_REQUIRE(std::is_same_v<o, std::tuple<std::optional<int>>>);
  using a = decltype(quarry::union_all(select(users.id).from(users), select(quarry::max(posts.id)).from(posts)))::row_type;
  STATIC_REQUIRE(std::is_same_v<a, std::tuple<std::optional<std::int64_t>>>);
  // nested compounds unify too, whichever level brings the change
  using nest = decltype(quarry::except(quarry::union_all(s(samples.small), s(samples.medium)), s(samples.maybe)))::row_type;
  STATIC_REQUIRE(std::is_same_v<nest, std::tuple<std::optional<std::int64_t>>>);
  using nest2 = decltype(quarry::union_all(quarry::union_all(s(samples.note), s(samples.text)), s(samples.text)))::row_type;
  STATIC_REQUIRE(std::is_same_v<nest2, std::tuple<std::optional<std::string>>>);
  // a derived table or CTE over a compound has the unified columns
  auto d = quarry::derived<"d">(quarry::union_all(s(samples.medium), s(samples.big)));
  STATIC_REQUIRE(std::is_same_v<decltype(d)::row_type, std::tuple<std::int64_t>>);
  // select(table) on both sides keeps the row struct
  using whole = decltype(quarry::union_(select(users), select(users)))::row_type;
  STATIC_REQUIRE(std::is_same_v<whole, User>);
  CHECK(lite(quarry::union_all(s(samples.medium), s(samples.real))) ==
        R"(SELECT "samples"."medium" FROM "samples" UNION ALL SELECT "samples"."real" FROM "samples")");
}
