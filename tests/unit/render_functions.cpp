// Exact SQL of functions, CASE and window functions in both dialects, and their result types.

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

TEST_CASE("COALESCE removes optional when the last operand is not null") {
  auto q = quarry::select(quarry::coalesce(users.city, "none"), quarry::coalesce(users.city, users.city)).from(users);
  CHECK(lite(q) == R"(SELECT COALESCE("users"."city", ?), COALESCE("users"."city", "users"."city") FROM "users")");
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::optional<std::string>>>);
}

TEST_CASE("CASE WHEN") {
  auto c = quarry::case_when(users.age < 18, "minor").when(users.age < 65, "adult").else_("senior");
  auto q = quarry::select(c, quarry::case_when(users.age > 1, 1).end()).from(users);
  CHECK(pg(q) ==
        R"(SELECT CASE WHEN "users"."age" < $1 THEN $2 WHEN "users"."age" < $3 THEN $4 ELSE $5 END, CASE WHEN "users"."age" > $6 THEN $7 END FROM "users")");
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::optional<int>>>);
}

TEST_CASE("CAST, NULLIF, string and math functions") {
  auto q = quarry::select(quarry::cast<double>(users.age), quarry::nullif(users.age, 0), quarry::lower(users.email),
                          quarry::upper(users.city), quarry::length(users.email), quarry::trim(users.email),
                          quarry::substr(users.email, 1, 3), quarry::replace(users.email, "@", " at "),
                          quarry::concat(users.email, "/", users.email), quarry::abs(users.age - 50))
               .from(users);
  CHECK(lite(q) ==
        R"(SELECT CAST("users"."age" AS REAL), NULLIF("users"."age", ?), LOWER("users"."email"), UPPER("users"."city"), LENGTH("users"."email"), TRIM("users"."email"), SUBSTR("users"."email", CAST(? AS INTEGER), CAST(? AS INTEGER)), REPLACE("users"."email", ?, ?), ("users"."email" || ? || "users"."email"), ABS("users"."age" - ?) FROM "users")");
  CHECK(pg(quarry::select(quarry::cast<std::int64_t>(users.age)).from(users)) == R"(SELECT CAST("users"."age" AS BIGINT) FROM "users")");
  using row = decltype(q)::row_type;
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<0, row>, double>);
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<1, row>, std::optional<std::int32_t>>);
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<3, row>, std::optional<std::string>>);
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<4, row>, std::int64_t>);
}

TEST_CASE("date extraction and truncation have a portable form, in UTC") {
  auto q = quarry::select(quarry::extract<quarry::date_field::year>(samples.at),
                          quarry::extract<quarry::date_field::day>(samples.day),
                          quarry::trunc<quarry::date_field::month>(samples.at))
               .from(samples);
  CHECK(lite(q) ==
        R"(SELECT CAST(strftime('%Y', "samples"."at") AS INTEGER), CAST(strftime('%d', "samples"."day") AS INTEGER), strftime('%Y-%m-01 00:00:00', "samples"."at") FROM "samples")");
  CHECK(pg(q) ==
        R"(SELECT CAST(FLOOR(EXTRACT(YEAR FROM "samples"."at" AT TIME ZONE 'UTC')) AS BIGINT), CAST(FLOOR(EXTRACT(DAY FROM "samples"."day")) AS BIGINT), date_trunc('month', "samples"."at", 'UTC') FROM "samples")");
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::int64_t, std::int64_t, quarry::timestamp>>);
}

TEST_CASE("window functions") {
  auto w = quarry::window().partition_by(posts.user_id).order_by(posts.id.desc());
  auto q = quarry::select(posts.id, quarry::row_number().over(w), quarry::rank().over(w), quarry::dense_rank().over(w),
                          quarry::lag(posts.title).over(quarry::window().order_by(posts.id)),
                          quarry::lead(posts.likes, 2).over(quarry::window().order_by(posts.id)),
                          quarry::sum(posts.likes).over(quarry::window().order_by(posts.id).rows(quarry::unbounded_preceding, quarry::current_row)),
                          quarry::count().over(quarry::window().partition_by(posts.user_id)),
                          quarry::avg(posts.likes).over(quarry::window().rows(quarry::preceding<2>{}, quarry::following<1>{})))
               .from(posts);
  CHECK(lite(q) ==
        R"(SELECT "posts"."id", ROW_NUMBER() OVER (PARTITION BY "posts"."user_id" ORDER BY "posts"."id" DESC), RANK() OVER (PARTITION BY "posts"."user_id" ORDER BY "posts"."id" DESC), DENSE_RANK() OVER (PARTITION BY "posts"."user_id" ORDER BY "posts"."id" DESC), LAG("posts"."title", CAST(? AS INTEGER)) OVER (ORDER BY "posts"."id" ASC), LEAD("posts"."likes", CAST(? AS INTEGER)) OVER (ORDER BY "posts"."id" ASC), SUM("posts"."likes") OVER (ORDER BY "posts"."id" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), COUNT(*) OVER (PARTITION BY "posts"."user_id"), AVG("posts"."likes") OVER (ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM "posts")");
  CHECK(pg(quarry::select(quarry::sum(posts.likes).over(quarry::window().partition_by(posts.user_id))).from(posts)) ==
        R"(SELECT CAST(SUM("posts"."likes") OVER (PARTITION BY "posts"."user_id") AS BIGINT) FROM "posts")");
  using row = decltype(q)::row_type;
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<1, row>, std::int64_t>);
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<4, row>, std::optional<std::string>>);
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<6, row>, std::optional<std::int64_t>>);
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<7, row>, std::int64_t>);
}

namespace {
struct Toggle { std::int64_t id; bool on; std::optional<bool> seen; };
inline constexpr struct toggles_t : quarry::table<"toggles", Toggle> {
  column<&Toggle::id, "id", quarry::identity> id;
  column<&Toggle::on, "on", quarry::default_value<1>> on;
  column<&Toggle::seen, "seen", quarry::default_value<0>> seen;
} toggles;
}  // namespace

TEST_CASE("min/max of booleans: MIN/MAX on SQLite, BOOL_AND/BOOL_OR on PostgreSQL") {
  auto q = quarry::select(quarry::min(toggles.on), quarry::max(toggles.seen)).from(toggles);
  CHECK(lite(q) == R"(SELECT MIN("toggles"."on"), MAX("toggles"."seen") FROM "toggles")");
  CHECK(pg(q) == R"(SELECT BOOL_AND("toggles"."on"), BOOL_OR("toggles"."seen") FROM "toggles")");
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::optional<bool>, std::optional<bool>>>);
}

TEST_CASE("default_value<N> of a boolean column renders TRUE/FALSE") {
  // PostgreSQL refuses DEFAULT 1 for a boolean column (42804); SQLite accepts TRUE/FALSE too.
  CHECK(quarry::create_table_sql<postgres_dialect>(toggles) ==
        R"(CREATE TABLE "toggles" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "on" BOOLEAN NOT NULL DEFAULT TRUE, "seen" BOOLEAN DEFAULT FALSE))");
  CHECK(quarry::create_table_sql<sqlite_dialect>(toggles) ==
        R"(CREATE TABLE "toggles" ("id" INTEGER PRIMARY KEY, "on" INTEGER NOT NULL DEFAULT TRUE, "seen" INTEGER DEFAULT FALSE))");
}
