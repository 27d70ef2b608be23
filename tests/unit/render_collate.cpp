// Exact SQL of COLLATE on expressions and in CREATE TABLE, for both dialects; descriptors that
// are class templates (quarry::column_of).

#include "catch.hpp"

#include <quarry/quarry.hpp>
#include <quarry/render/ddl.hpp>

#include <optional>
#include <string>
#include <type_traits>

namespace {

struct Person { std::int64_t id; std::string name; std::optional<std::string> nick; std::int32_t age; };
inline constexpr struct people_t : quarry::table<"people", Person> {
  column<&Person::id, "id", quarry::identity> id;
  column<&Person::name, "name"> name;
  column<&Person::nick, "nick"> nick;
  column<&Person::age, "age"> age;
} people;

template <class S>
std::string lite(const S& s) {
  return quarry::to_sql<quarry::sqlite_dialect>(s);
}
template <class S>
std::string pg(const S& s) {
  return quarry::to_sql<quarry::postgres_dialect>(s);
}

using icu = quarry::pg_collation<"und-x-icu">;

}  // namespace

TEST_CASE("COLLATE in comparisons, IN, BETWEEN and ORDER BY", "[collate][render]") {
  auto q = quarry::select(people.id)
               .from(people)
               .where(people.name.collate<quarry::nocase>() == "bob" && people.nick.collate<quarry::rtrim>().in("a", "b") &&
                      people.name.collate<quarry::binary>().between("a", "m"))
               .order_by(people.name.collate<quarry::nocase>().desc(), people.nick.collate<quarry::nocase>().asc(quarry::nulls_last));
  CHECK(lite(q) ==
        R"(SELECT "people"."id" FROM "people" WHERE "people"."name" COLLATE NOCASE = ? AND "people"."nick" COLLATE RTRIM IN (?, ?) )"
        R"(AND "people"."name" COLLATE BINARY BETWEEN ? AND ? ORDER BY "people"."name" COLLATE NOCASE DESC, "people"."nick" COLLATE NOCASE ASC NULLS LAST)");
  auto p = quarry::select(people.name.collate<icu>())
               .from(people)
               .where("x" < people.name.collate<icu>())
               .order_by(quarry::lower(people.name).collate<quarry::pg_collation<"C">>());
  CHECK(pg(p) ==
        R"(SELECT "people"."name" COLLATE "und-x-icu" FROM "people" WHERE $1 < "people"."name" COLLATE "und-x-icu" )"
        R"(ORDER BY LOWER("people"."name") COLLATE "C" ASC)");
}

TEST_CASE("bytewise is BINARY on SQLite and \"C\" on PostgreSQL", "[collate][render]") {
  auto q = quarry::select(people.name).from(people).where(people.name.collate<quarry::bytewise>() >= "m").order_by(people.name.collate<quarry::bytewise>());
  CHECK(lite(q) == R"(SELECT "people"."name" FROM "people" WHERE "people"."name" COLLATE BINARY >= ? ORDER BY "people"."name" COLLATE BINARY ASC)");
  CHECK(pg(q) == R"(SELECT "people"."name" FROM "people" WHERE "people"."name" COLLATE "C" >= $1 ORDER BY "people"."name" COLLATE "C" ASC)");
}

TEST_CASE("COLLATE binds tighter than any operator: a compound operand is parenthesized", "[collate][render]") {
  auto q = quarry::select(quarry::concat(people.name, "x").collate<quarry::nocase>()).from(people).group_by(people.name);
  CHECK(lite(q).find("COLLATE NOCASE") != std::string::npos);
  auto s = quarry::select(people.id).from(people).where(quarry::coalesce(people.nick, people.name).collate<quarry::nocase>() == "a");
  CHECK(lite(s) == R"(SELECT "people"."id" FROM "people" WHERE COALESCE("people"."nick", "people"."name") COLLATE NOCASE = ?)");
  auto g = quarry::select(people.name.collate<quarry::nocase>(), quarry::count())
               .from(people)
               .group_by(people.name.collate<quarry::nocase>());
  CHECK(lite(g) == R"(SELECT "people"."name" COLLATE NOCASE, COUNT(*) FROM "people" GROUP BY "people"."name" COLLATE NOCASE)");
}

TEST_CASE("a registered SQLite collation is a quoted name", "[collate][render]") {
  auto q = quarry::select(people.id).from(people).order_by(people.name.collate<quarry::sqlite_collation<"my coll">>());
  CHECK(lite(q) == R"(SELECT "people"."id" FROM "people" ORDER BY "people"."name" COLLATE "my coll" ASC)");
}

namespace {
struct Tagged { std::int64_t id; std::string label; std::optional<std::string> alt; std::string code; };
inline constexpr struct tagged_lite_t : quarry::table<"tagged", Tagged> {
  column<&Tagged::id, "id", quarry::identity> id;
  column<&Tagged::label, "label", quarry::collate<quarry::nocase>> label;
  column<&Tagged::alt, "alt", quarry::unique, quarry::collate<quarry::rtrim>> alt;
  column<&Tagged::code, "code", quarry::collate<quarry::bytewise>, quarry::default_text<"x">> code;
} tagged_lite;
inline constexpr struct tagged_pg_t : quarry::table<"tagged", Tagged> {
  column<&Tagged::id, "id", quarry::identity> id;
  column<&Tagged::label, "label", quarry::collate<icu>> label;
  column<&Tagged::alt, "alt", quarry::unique, quarry::collate<quarry::pg_collation<"C">>> alt;
  column<&Tagged::code, "code", quarry::collate<quarry::bytewise>, quarry::default_text<"x">> code;
} tagged_pg;
}  // namespace

TEST_CASE("collate<C> as a column option in CREATE TABLE", "[collate][ddl]") {
  CHECK(quarry::create_table_sql<quarry::sqlite_dialect>(tagged_lite) ==
        R"(CREATE TABLE "tagged" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL COLLATE NOCASE, )"
        R"("alt" TEXT UNIQUE COLLATE RTRIM, "code" TEXT NOT NULL COLLATE BINARY DEFAULT 'x'))");
  CHECK(quarry::create_table_sql<quarry::postgres_dialect>(tagged_pg) ==
        R"(CREATE TABLE "tagged" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, )"
        R"("label" TEXT NOT NULL COLLATE "und-x-icu", "alt" TEXT UNIQUE COLLATE "C", "code" TEXT NOT NULL COLLATE "C" DEFAULT 'x'))");
  STATIC_REQUIRE(std::is_same_v<decltype(tagged_lite.label)::declared_collation, quarry::nocase>);
  STATIC_REQUIRE(std::is_void_v<decltype(people.name)::declared_collation>);
  // Two columns with the same declared collation compare without an explicit one.
  auto q = quarry::select(tagged_lite.id).from(tagged_lite).where(tagged_lite.code == tagged_lite.code);
  CHECK(lite(q) == R"(SELECT "tagged"."id" FROM "tagged" WHERE "tagged"."code" = "tagged"."code")");
}

// ---- descriptors that are class templates ----
namespace {
template <quarry::fixed_string Table, quarry::fixed_string NameColumn>
struct people_as_t : quarry::table<Table, Person> {
  quarry::column_of<people_as_t, &Person::id, "id", quarry::identity> id;
  quarry::column_of<people_as_t, &Person::name, NameColumn, quarry::collate<quarry::bytewise>> name;
  quarry::column_of<people_as_t, &Person::nick, "nick"> nick;
  quarry::column_of<people_as_t, &Person::age, "age", quarry::default_value<0>> age;
};
inline constexpr people_as_t<"staff", "name"> staff;
inline constexpr people_as_t<"old_staff", "full_name"> old_staff;

// column_of<> in an ordinary descriptor, mixed with the nested alias: the same column types.
inline constexpr struct mixed_t : quarry::table<"mixed", Person> {
  quarry::column_of<mixed_t, &Person::id, "id", quarry::identity> id;
  column<&Person::name, "name"> name;
  quarry::column_of<mixed_t, &Person::nick, "nick"> nick;
  column<&Person::age, "age"> age;
} mixed;
}  // namespace

TEST_CASE("a class-template descriptor declared with column_of", "[descriptor][template]") {
  STATIC_REQUIRE(quarry::detail::descriptor_traits<people_as_t<"staff", "name">>::valid);
  STATIC_REQUIRE(quarry::detail::descriptor_traits<mixed_t>::valid);
  STATIC_REQUIRE(std::is_same_v<decltype(mixed.nick), mixed_t::column<&Person::nick, "nick">>);
  STATIC_REQUIRE(decltype(staff.id)::is_identity);
  STATIC_REQUIRE(decltype(old_staff.name)::name == "full_name");
  STATIC_REQUIRE_FALSE(std::is_same_v<decltype(staff.name)::table_tag, decltype(old_staff.name)::table_tag>);
  CHECK(quarry::create_table_sql<quarry::sqlite_dialect>(old_staff) ==
        R"(CREATE TABLE "old_staff" ("id" INTEGER PRIMARY KEY, "full_name" TEXT NOT NULL COLLATE BINARY, "nick" TEXT, "age" INTEGER NOT NULL DEFAULT 0))");
  CHECK(quarry::create_table_sql<quarry::postgres_dialect>(staff) ==
        R"(CREATE TABLE "staff" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "name" TEXT NOT NULL COLLATE "C", "nick" TEXT, "age" INTEGER NOT NULL DEFAULT 0))");
  auto q = quarry::select(staff.name, old_staff.age).from(staff).join(old_staff).on(old_staff.name == staff.name).where(staff.age > 3);
  CHECK(lite(q) ==
        R"(SELECT "staff"."name", "old_staff"."age" FROM "staff" INNER JOIN "old_staff" ON "old_staff"."full_name" = "staff"."name" WHERE "staff"."age" > ?)");
}
