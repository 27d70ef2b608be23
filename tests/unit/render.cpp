// Exact SQL text of every statement form, for both dialects.

#include "catch.hpp"
#include "schema.hpp"

#include <vector>

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

TEST_CASE("select of columns with where, order, limit, offset") {
  auto q = quarry::select(users.id, users.email)
               .from(users)
               .where(users.city == "Paris" && users.age >= 18)
               .order_by(users.email.asc(), users.id.desc())
               .limit(10)
               .offset(20);
  CHECK(lite(q) ==
        R"(SELECT "users"."id", "users"."email" FROM "users" WHERE "users"."city" = ? AND "users"."age" >= ? ORDER BY "users"."email" ASC, "users"."id" DESC LIMIT ? OFFSET ?)");
  CHECK(pg(q) ==
        R"(SELECT "users"."id", "users"."email" FROM "users" WHERE "users"."city" = $1 AND "users"."age" >= $2 ORDER BY "users"."email" ASC, "users"."id" DESC LIMIT $3 OFFSET $4)");
}

TEST_CASE("select of a whole table lists every column in field order") {
  CHECK(lite(quarry::select(users)) == R"(SELECT "users"."id", "users"."email", "users"."city", "users"."age" FROM "users")");
}

TEST_CASE("offset without limit") {
  auto q = quarry::select(users.id).from(users).offset(5);
  CHECK(lite(q) == R"(SELECT "users"."id" FROM "users" LIMIT -1 OFFSET ?)");
  CHECK(pg(q) == R"(SELECT "users"."id" FROM "users" OFFSET $1)");
}

TEST_CASE("operator precedence is kept with minimal parentheses") {
  auto a = quarry::select(users.id).from(users).where((users.age > 1 || users.age < 0) && users.email != "x");
  CHECK(lite(a) == R"(SELECT "users"."id" FROM "users" WHERE ("users"."age" > ? OR "users"."age" < ?) AND "users"."email" <> ?)");
  auto b = quarry::select(users.age - (users.age - 1)).from(users);
  CHECK(lite(b) == R"(SELECT "users"."age" - ("users"."age" - ?) FROM "users")");
  auto c = quarry::select(users.age * 2 + 1).from(users).where(!(users.age <= 3));
  CHECK(lite(c) == R"(SELECT "users"."age" * ? + ? FROM "users" WHERE NOT ("users"."age" <= ?))");
  auto d = quarry::select(-users.age).from(users).where(users.age % 2 == 0);
  CHECK(lite(d) == R"(SELECT -"users"."age" FROM "users" WHERE "users"."age" % ? = ?)");
}

TEST_CASE("LIKE, BETWEEN, IN, IS NULL") {
  auto q = quarry::select(users.id)
               .from(users)
               .where(users.email.like("%@x.org") && users.email.not_like("a%") && users.age.between(18, 65) &&
                      users.id.in(1, 2, 3) && users.id.not_in(4) && users.city.is_null() && users.city.is_not_null());
  CHECK(lite(q) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."email" LIKE ? ESCAPE '\' AND "users"."email" NOT LIKE ? ESCAPE '\' AND "users"."age" BETWEEN ? AND ? AND "users"."id" IN (?, ?, ?) AND "users"."id" NOT IN (?) AND "users"."city" IS NULL AND "users"."city" IS NOT NULL)");
  CHECK(pg(q) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."email" LIKE $1 AND "users"."email" NOT LIKE $2 AND "users"."age" BETWEEN $3 AND $4 AND "users"."id" IN ($5, $6, $7) AND "users"."id" NOT IN ($8) AND "users"."city" IS NULL AND "users"."city" IS NOT NULL)");
}

TEST_CASE("a runtime list is one parameter whatever its length") {
  std::vector<std::int64_t> few{1, 2}, many(500, 7);
  auto q1 = quarry::select(users.id).from(users).where(users.id.in_values(few));
  auto q2 = quarry::select(users.id).from(users).where(users.id.in_values(many));
  CHECK(lite(q1) == R"(SELECT "users"."id" FROM "users" WHERE "users"."id" IN (SELECT value FROM json_each(?)))");
  CHECK(lite(q2) == lite(q1));
  CHECK(pg(q1) == R"(SELECT "users"."id" FROM "users" WHERE "users"."id" = ANY($1))");
  auto q3 = quarry::select(users.id).from(users).where(users.id.not_in_values(few));
  CHECK(lite(q3) == R"(SELECT "users"."id" FROM "users" WHERE "users"."id" NOT IN (SELECT value FROM json_each(?)))");
  CHECK(pg(q3) == R"(SELECT "users"."id" FROM "users" WHERE "users"."id" <> ALL($1))");
}

TEST_CASE("LIKE escapes with a backslash on every dialect") {
  // SQLite has no LIKE escape by default; PostgreSQL's is `\`. Rendering ESCAPE '\' on SQLite
  // gives a pattern the same meaning on both (issue 12).
  auto q = quarry::select(users.id).from(users).where(users.email.like("a\\_%") || users.email.not_like("%x") ||
                                                       users.email.contains("5%") || users.email.starts_with("a_") ||
                                                       users.email.ends_with("\\"));
  CHECK(lite(q) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."email" LIKE ? ESCAPE '\' OR "users"."email" NOT LIKE ? ESCAPE '\' OR "users"."email" LIKE ? ESCAPE '\' OR "users"."email" LIKE ? ESCAPE '\' OR "users"."email" LIKE ? ESCAPE '\')");
  CHECK(pg(q) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."email" LIKE $1 OR "users"."email" NOT LIKE $2 OR "users"."email" LIKE $3 OR "users"."email" LIKE $4 OR "users"."email" LIKE $5)");
  auto e = quarry::select(users.id).from(users).where(users.email.like(quarry::concat(users.city, std::string("%"))));
  CHECK(lite(e) == R"(SELECT "users"."id" FROM "users" WHERE "users"."email" LIKE ("users"."city" || ?) ESCAPE '\')");
}

TEST_CASE("a runtime list of strings decodes zero bytes on SQLite") {
  // json_each cuts strings at \u0000: the statement escapes zero bytes (and \x01) with \x01, the
  // SQL undoes it. Only lists of std::string storage need it (issue 12).
  std::vector<std::string> few{"a", "b"};
  auto q = quarry::select(users.id).from(users).where(users.email.in_values(few) && users.email.not_in_values(few));
  CHECK(lite(q) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."email" IN (SELECT replace(replace(value, char(1) || '0', char(0)), char(1) || '1', char(1)) FROM json_each(?)) AND "users"."email" NOT IN (SELECT replace(replace(value, char(1) || '0', char(0)), char(1) || '1', char(1)) FROM json_each(?)))");
  CHECK(pg(q) == R"(SELECT "users"."id" FROM "users" WHERE "users"."email" = ANY($1) AND "users"."email" <> ALL($2))");
}

TEST_CASE("NULLS FIRST / LAST are rendered explicitly") {
  auto q = quarry::select(users.id).from(users).order_by(users.city.asc(quarry::nulls_last), quarry::desc(users.age),
                                                          users.city.desc(quarry::nulls_first), users.id);
  CHECK(lite(q) ==
        R"(SELECT "users"."id" FROM "users" ORDER BY "users"."city" ASC NULLS LAST, "users"."age" DESC, "users"."city" DESC NULLS FIRST, "users"."id" ASC)");
}

TEST_CASE("values never appear in the SQL text") {
  auto q = quarry::select(users.id).from(users).where(users.email == "x'); DROP TABLE users; --");
  CHECK(lite(q) == R"(SELECT "users"."id" FROM "users" WHERE "users"."email" = ?)");
}

TEST_CASE("insert, update, delete") {
  User u{0, "a@b.c", std::nullopt, 3};
  CHECK(lite(quarry::insert_into(users).values(u)) == R"(INSERT INTO "users" ("email", "city", "age") VALUES (?, ?, ?))");
  CHECK(pg(quarry::insert_into(users).values(u)) ==
        R"(INSERT INTO "users" ("email", "city", "age") VALUES ($1, $2, $3) RETURNING "id")");
  CHECK(lite(quarry::insert_into(users).set(users.email = "x")) == R"(INSERT INTO "users" ("email") VALUES (?))");
  CHECK(lite(quarry::update(users).set(users.city = "Lyon", users.age = users.age + 1).where(users.id == 7)) ==
        R"(UPDATE "users" SET "city" = ?, "age" = "users"."age" + ? WHERE "users"."id" = ?)");
  CHECK(pg(quarry::update(users).set(users.city = std::nullopt).all_rows()) == R"(UPDATE "users" SET "city" = $1)");
  CHECK(lite(quarry::delete_from(users).where(users.id == 7)) == R"(DELETE FROM "users" WHERE "users"."id" = ?)");
  CHECK(pg(quarry::delete_from(users).all_rows()) == R"(DELETE FROM "users")");
}

TEST_CASE("CREATE TABLE and DROP TABLE from descriptors") {
  CHECK(quarry::create_table_sql<sqlite_dialect>(users) ==
        R"(CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "email" TEXT NOT NULL UNIQUE, "city" TEXT, "age" INTEGER NOT NULL DEFAULT 0 CHECK (age >= 0)))");
  CHECK(quarry::create_table_sql<postgres_dialect>(users, true) ==
        R"(CREATE TABLE IF NOT EXISTS "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "email" TEXT NOT NULL UNIQUE, "city" TEXT, "age" INTEGER NOT NULL DEFAULT 0 CHECK (age >= 0)))");
  CHECK(quarry::create_table_sql<sqlite_dialect>(posts) ==
        R"(CREATE TABLE "posts" ("id" INTEGER PRIMARY KEY, "user_id" INTEGER NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE, "title" TEXT NOT NULL, "likes" INTEGER))");
  CHECK(quarry::create_table_sql<sqlite_dialect>(memberships) ==
        R"(CREATE TABLE "memberships" ("user_id" INTEGER NOT NULL, "group_id" INTEGER NOT NULL, "role" TEXT NOT NULL DEFAULT 'member', PRIMARY KEY ("user_id", "group_id")))");
  CHECK(quarry::create_table_sql<postgres_dialect>(samples) ==
        R"(CREATE TABLE "samples" ("id" BIGINT NOT NULL PRIMARY KEY, "flag" BOOLEAN NOT NULL, "small" SMALLINT NOT NULL, "medium" INTEGER NOT NULL, "big" BIGINT NOT NULL, "real" DOUBLE PRECISION NOT NULL, "text" TEXT NOT NULL, "blob" BYTEA NOT NULL, "at" TIMESTAMPTZ NOT NULL, "day" DATE NOT NULL, "amount" NUMERIC NOT NULL, "note" TEXT, "maybe" BIGINT))");
  CHECK(quarry::drop_table_sql<sqlite_dialect>(users, true) == R"(DROP TABLE IF EXISTS "users")");
  CHECK(quarry::drop_table_sql<postgres_dialect>(users) == R"(DROP TABLE "users")");
}

TEST_CASE("SQL is rendered once per statement type") {
  auto a = quarry::select(users.id).from(users).where(users.id == 1);
  auto b = quarry::select(users.id).from(users).where(users.id == 2);
  CHECK(&quarry::to_sql<sqlite_dialect>(a) == &quarry::to_sql<sqlite_dialect>(b));
  CHECK(&quarry::to_sql<sqlite_dialect>(a) != &quarry::to_sql<postgres_dialect>(a));
}

TEST_CASE("SELECT DISTINCT and DISTINCT ON") {
  auto q = quarry::select(users.city, users.age).from(users).distinct().order_by(users.age.desc());
  CHECK(lite(q) == R"(SELECT DISTINCT "users"."city", "users"."age" FROM "users" ORDER BY "users"."age" DESC)");
  CHECK(pg(q) == R"(SELECT DISTINCT "users"."city", "users"."age" FROM "users" ORDER BY "users"."age" DESC)");
  // distinct() may come anywhere in the chain; a named expression is ordered by its expression.
  auto n = quarry::select(quarry::lower(users.email).as<"e">()).distinct().from(users).order_by(quarry::lower(users.email));
  CHECK(lite(n) == R"(SELECT DISTINCT LOWER("users"."email") AS "e" FROM "users" ORDER BY LOWER("users"."email") ASC)");
  CHECK(lite(quarry::select(users).distinct().limit(3)) ==
        R"(SELECT DISTINCT "users"."id", "users"."email", "users"."city", "users"."age" FROM "users" LIMIT ?)");
  // DISTINCT ON binds its values before the select list's.
  auto on = quarry::select(users.email, users.age + 2)
                .from(users)
                .where(users.age > 1)
                .distinct_on(users.city, quarry::lower(users.email))
                .order_by(quarry::lower(users.email), users.city.asc(quarry::nulls_last), users.id.desc());
  CHECK(pg(on) ==
        R"(SELECT DISTINCT ON ("users"."city", LOWER("users"."email")) "users"."email", "users"."age" + $1 FROM "users" WHERE "users"."age" > $2 ORDER BY LOWER("users"."email") ASC, "users"."city" ASC NULLS LAST, "users"."id" DESC)");
  // With a WITH clause, in a compound and as a subquery.
  auto u = quarry::union_(quarry::select(users.city).from(users).distinct(), quarry::select(users.city).from(users));
  CHECK(lite(u) == R"(SELECT DISTINCT "users"."city" FROM "users" UNION SELECT "users"."city" FROM "users")");
  auto s = quarry::select(posts.title).from(posts).where(posts.user_id.in(quarry::select(users.id).from(users).distinct()));
  CHECK(lite(s) ==
        R"(SELECT "posts"."title" FROM "posts" WHERE "posts"."user_id" IN (SELECT DISTINCT "users"."id" FROM "users"))");
}
