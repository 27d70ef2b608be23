// Exact SQL of multi-row inserts and dynamic queries on both dialects, and the types of named
// and dynamic rows.

#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

#include "catch.hpp"
#include "schema.hpp"

#include <quarry/dynamic.hpp>

using namespace test;
using quarry::postgres_dialect;
using quarry::sqlite_dialect;

static const std::vector<User> three{{0, "a", std::nullopt, 1}, {0, "b", "x", 2}, {0, "c", std::nullopt, 3}};

TEST_CASE("multi-row insert: one statement per batch size") {
  auto plain = quarry::insert_into(users).values(three);
  CHECK(quarry::batch_sql<sqlite_dialect>(plain, 1) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?))");
  CHECK(quarry::batch_sql<sqlite_dialect>(plain, 3) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?))");
  CHECK(quarry::batch_sql<postgres_dialect>(plain, 2) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES ($1, $2, $3), ($4, $5, $6))");
  // No implicit RETURNING "id" on PostgreSQL: only db.insert(obj) reads one id.
  auto m = quarry::insert_into(memberships).values(std::vector<Membership>{{1, 2, "x"}});
  CHECK(quarry::batch_sql<postgres_dialect>(m, 2) ==
        R"(INSERT INTO "memberships" ("user_id", "group_id", "role") VALUES ($1, $2, $3), ($4, $5, $6))");
}

TEST_CASE("multi-row insert: upserts and RETURNING number their parameters after the rows") {
  auto up = quarry::insert_into(users)
                .values(three)
                .on_conflict(users.email)
                .do_update(users.age = std::int32_t{5}, users.city = quarry::excluded(users.city))
                .returning(users.id, users.email);
  CHECK(
      quarry::batch_sql<postgres_dialect>(up, 3) ==
      R"(INSERT INTO "users" ("email", "city", "age") VALUES ($1, $2, $3), ($4, $5, $6), ($7, $8, $9) ON CONFLICT ("email") DO UPDATE SET "age" = $10, "city" = excluded."city" RETURNING "users"."id", "users"."email")");
  CHECK(
      quarry::batch_sql<sqlite_dialect>(up, 2) ==
      R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT ("email") DO UPDATE SET "age" = ?, "city" = excluded."city" RETURNING "users"."id", "users"."email")");
  auto nothing = quarry::insert_into(users).values(three).on_conflict(users.email).do_nothing();
  CHECK(quarry::batch_sql<sqlite_dialect>(nothing, 2) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT ("email") DO NOTHING)");
  STATIC_REQUIRE(std::is_same_v<quarry::row_of<decltype(up)>::tuple_type, std::tuple<std::int64_t, std::string>>);
}

TEST_CASE("batch size: rows that fit under the parameter limit") {
  using quarry::detail::batch_rows;
  STATIC_REQUIRE(batch_rows(32766, 3, 0, 1000) == 1000);
  STATIC_REQUIRE(batch_rows(999, 3, 0, 1000) == 333);  // SQLite before 3.32
  STATIC_REQUIRE(batch_rows(10, 3, 1, 1000) == 3);     // one more parameter per statement
  STATIC_REQUIRE(batch_rows(65535, 4, 0, 100000) == 16383);
  STATIC_REQUIRE(batch_rows(2, 3, 0, 1000) == 1);  // too small for a row: the database reports it
}

TEST_CASE("dynamic: without pieces the SQL is the base statement's") {
  auto base = quarry::select(users.id, users.email)
                  .from(users)
                  .where(users.age > 1 || users.age < 0)
                  .order_by(users.id)
                  .limit(5);
  CHECK(quarry::dynamic<sqlite_dialect>(base).sql() == quarry::to_sql<sqlite_dialect>(base));
  CHECK(quarry::dynamic<postgres_dialect>(base).sql() == quarry::to_sql<postgres_dialect>(base));
}

TEST_CASE("dynamic: conditions are ANDed, OR groups parenthesized, parameters numbered in order") {
  auto q = quarry::dynamic<postgres_dialect>(
      quarry::select(users.id).from(users).where(users.age > 1 || users.age < 0).order_by(users.id).limit(5));
  q.where(users.city == "Paris");
  CHECK(
      q.sql() ==
      R"(SELECT "users"."id" FROM "users" WHERE ("users"."age" > $1 OR "users"."age" < $2) AND "users"."city" = $3 ORDER BY "users"."id" ASC LIMIT $4)");
  auto g = q.any_of();
  g.add(users.email.like("%@a.org")).add(users.age >= 18 && users.age < 65);
  q.where(g).where(users.email != "x" || users.city.is_null());
  q.order_by(users.email.desc(quarry::nulls_last)).order_by(users.age, quarry::direction::desc);
  CHECK(
      q.sql() ==
      R"(SELECT "users"."id" FROM "users" WHERE ("users"."age" > $1 OR "users"."age" < $2) AND "users"."city" = $3 AND ("users"."email" LIKE $4 OR "users"."age" >= $5 AND "users"."age" < $6) AND ("users"."email" <> $7 OR "users"."city" IS NULL) ORDER BY "users"."id" ASC, "users"."email" DESC NULLS LAST, "users"."age" DESC LIMIT $8)");

  auto s = quarry::dynamic<sqlite_dialect>(quarry::select(users.email).from(users));
  auto all = s.all_of();
  auto any = s.any_of();
  any.add(users.age < 20).add(all.add(users.city == "Paris").add(users.age > 50));
  s.where(any).where(s.any_of());  // an empty group adds nothing
  s.order_by("age", quarry::direction::asc, quarry::sort_by("email", users.email), quarry::sort_by("age", users.age));
  CHECK(
      s.sql() ==
      R"(SELECT "users"."email" FROM "users" WHERE ("users"."age" < ? OR ("users"."city" = ? AND "users"."age" > ?)) ORDER BY "users"."age" ASC)");
}

TEST_CASE("dynamic: the text depends on the shape, not on the values") {
  auto a = quarry::dynamic<sqlite_dialect>(quarry::select(users.id).from(users));
  auto b = a;  // a copy grows independently
  a.where(users.age > 10);
  b.where(users.age > 99);
  CHECK(a.sql() == b.sql());
  b.where(users.city == "x");
  CHECK(a.sql() != b.sql());
  auto asc = quarry::dynamic<sqlite_dialect>(quarry::select(users.id).from(users));
  auto desc = asc;
  asc.order_by(users.age, quarry::direction::asc);
  desc.order_by(users.age, quarry::direction::desc);
  CHECK(asc.sql() == R"(SELECT "users"."id" FROM "users" ORDER BY "users"."age" ASC)");
  CHECK(desc.sql() == R"(SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC)");
  // Runtime lists are one parameter in either dialect.
  std::vector<std::int64_t> ids{1, 2, 3};
  auto l = quarry::dynamic<sqlite_dialect>(quarry::select(users.id).from(users));
  l.where(users.id.in_values(ids));
  CHECK(l.sql() == R"(SELECT "users"."id" FROM "users" WHERE "users"."id" IN (SELECT value FROM json_each(?)))");
  auto p = quarry::dynamic<postgres_dialect>(quarry::select(users.id).from(users));
  p.where(users.id.in_values(ids));
  CHECK(p.sql() == R"(SELECT "users"."id" FROM "users" WHERE "users"."id" = ANY($1))");
}

TEST_CASE("dynamic: columns chosen at run time") {
  auto q = quarry::dynamic<postgres_dialect>(quarry::select(quarry::dynamic_columns)
                                                 .from(users)
                                                 .left_join(posts)
                                                 .on(posts.user_id == users.id)
                                                 .where(users.age > 3));
  q.select(users.email).select_column(posts, "likes").select((posts.likes + 1).as<"next">());
  q.where(posts.title.is_not_null());
  CHECK(
      q.sql() ==
      R"(SELECT "users"."email", "posts"."likes", "posts"."likes" + $1 AS "next" FROM "users" LEFT JOIN "posts" ON "posts"."user_id" = "users"."id" WHERE "users"."age" > $2 AND "posts"."title" IS NOT NULL)");
  auto g = quarry::dynamic<sqlite_dialect>(quarry::select(quarry::dynamic_columns).from(users).group_by(users.city));
  g.select(users.city).select(quarry::count().as<"n">()).order_by(quarry::count().desc());
  CHECK(g.sql() ==
        R"(SELECT "users"."city", COUNT(*) AS "n" FROM "users" GROUP BY "users"."city" ORDER BY COUNT(*) DESC)");
  // Row types: typed per column, optional on the outer side of the join.
  using row = decltype(q)::row_type;
  STATIC_REQUIRE(std::is_same_v<decltype(std::declval<const row&>()[users.email]), std::string>);
  STATIC_REQUIRE(std::is_same_v<decltype(std::declval<const row&>()[posts.title]), std::optional<std::string>>);
  STATIC_REQUIRE(std::is_same_v<decltype(std::declval<const row&>()[posts.likes]), std::optional<std::int64_t>>);
}

TEST_CASE("named rows: a tuple with row[expression]") {
  auto n = quarry::count(posts.id);
  auto q = quarry::select(users.email, n, quarry::max(posts.likes).as<"top">())
               .from(users)
               .join(posts)
               .on(posts.user_id == users.id)
               .group_by(users.email);
  using row = quarry::row_of<decltype(q)>;
  STATIC_REQUIRE(std::is_base_of_v<decltype(q)::row_type, row>);
  STATIC_REQUIRE(std::tuple_size_v<row> == 3);
  STATIC_REQUIRE(std::is_same_v<std::tuple_element_t<1, row>, std::int64_t>);
  row r{"a@x.org", 4, std::nullopt};
  STATIC_REQUIRE(std::is_same_v<decltype(r[users.email]), std::string&>);
  STATIC_REQUIRE(std::is_same_v<decltype(std::as_const(r)[n]), const std::int64_t&>);
  STATIC_REQUIRE(std::is_same_v<decltype(row(r)[users.email]), std::string>);
  CHECK(r[users.email] == "a@x.org");
  CHECK(r[n] == 4);
  CHECK(r[quarry::max(posts.likes).as<"top">()] == std::nullopt);
  r[n] = 5;
  auto [email, count, top] = r;
  CHECK(email == "a@x.org");
  CHECK(count == 5);
  CHECK_FALSE(top.has_value());
  CHECK(r == std::tuple<std::string, std::int64_t, std::optional<std::int64_t>>{"a@x.org", 5, std::nullopt});
  CHECK(std::get<0>(r) == "a@x.org");
}
