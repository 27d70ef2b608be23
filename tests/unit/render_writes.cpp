// Exact SQL of upserts, RETURNING and INSERT ... SELECT.

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

static const User u{0, "a@b.c", std::nullopt, 3};

TEST_CASE("upsert: DO NOTHING and DO UPDATE with excluded and WHERE") {
  auto nothing = quarry::insert_into(users).values(u).on_conflict(users.email).do_nothing();
  CHECK(lite(nothing) == R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?) ON CONFLICT ("email") DO NOTHING)");
  auto upd = quarry::insert_into(users)
                 .values(u)
                 .on_conflict(users.email)
                 .do_update(users.age = quarry::excluded(users.age), users.city = quarry::coalesce(quarry::excluded(users.city), users.city))
                 .where(users.age < 100);
  CHECK(pg(upd) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES ($1, $2, $3) ON CONFLICT ("email") DO UPDATE SET "age" = excluded."age", "city" = COALESCE(excluded."city", "users"."city") WHERE "users"."age" < $4 RETURNING "id")");
  auto composite = quarry::insert_into(memberships)
                       .values(Membership{1, 2, "x"})
                       .on_conflict(memberships.user_id, memberships.group_id)
                       .do_update(memberships.role = quarry::excluded(memberships.role));
  CHECK(lite(composite) ==
        R"(INSERT INTO "memberships" ("user_id", "group_id", "role") VALUES (?, ?, ?) ON CONFLICT ("user_id", "group_id") DO UPDATE SET "role" = excluded."role")");
}

TEST_CASE("RETURNING on insert, update and delete") {
  auto i = quarry::insert_into(users).values(u).returning(users.id, users.email);
  CHECK(lite(i) == R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?) RETURNING "users"."id", "users"."email")");
  STATIC_REQUIRE(std::is_same_v<decltype(i)::row_type, std::tuple<std::int64_t, std::string>>);
  auto up = quarry::update(users).set(users.age = users.age + 1).where(users.id == 1).returning(users.age);
  CHECK(pg(up) == R"(UPDATE "users" SET "age" = "users"."age" + $1 WHERE "users"."id" = $2 RETURNING "users"."age")");
  auto d = quarry::delete_from(users).where(users.age > 90).returning(users.id);
  CHECK(lite(d) == R"(DELETE FROM "users" WHERE "users"."age" > ? RETURNING "users"."id")");
}

TEST_CASE("INSERT ... SELECT") {
  auto q = quarry::insert_into(posts)
               .columns(posts.user_id, posts.title)
               .select(quarry::select(users.id, users.email).from(users).where(users.age > 3));
  CHECK(lite(q) ==
        R"(INSERT INTO "posts" ("user_id", "title") SELECT "users"."id", "users"."email" FROM "users" WHERE "users"."age" > ?)");
  CHECK(pg(q) ==
        R"(INSERT INTO "posts" ("user_id", "title") SELECT "users"."id", "users"."email" FROM "users" WHERE "users"."age" > $1)");
}

TEST_CASE("correlated subqueries in SET, DO UPDATE SET and RETURNING keep the target's qualification") {
  // Only the SET targets are bare; a value's columns name the written table, so the subquery's
  // "posts"."user_id" = "users"."id" compares with the updated row (issue 12).
  auto n = quarry::coalesce(
      quarry::scalar(quarry::select(quarry::count()).from(posts).where(posts.user_id == users.id)), std::int64_t{0});
  auto up = quarry::update(users).set(users.age = quarry::cast<std::int32_t>(n)).all_rows().returning(users.id, n);
  CHECK(lite(up) ==
        R"(UPDATE "users" SET "age" = CAST(COALESCE((SELECT COUNT(*) FROM "posts" WHERE "posts"."user_id" = "users"."id"), ?) AS INTEGER) RETURNING "users"."id", COALESCE((SELECT COUNT(*) FROM "posts" WHERE "posts"."user_id" = "users"."id"), ?))");
  auto ups = quarry::insert_into(users).values(u).on_conflict(users.email).do_update(
      users.age = users.age + quarry::excluded(users.age));
  CHECK(pg(ups) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES ($1, $2, $3) ON CONFLICT ("email") DO UPDATE SET "age" = "users"."age" + excluded."age" RETURNING "id")");
  CHECK(lite(ups) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?) ON CONFLICT ("email") DO UPDATE SET "age" = "users"."age" + excluded."age")");
}
