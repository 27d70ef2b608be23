// expect: quarry: quarry::nocase, rtrim, binary and sqlite_collation<> are SQLite collations
// Misuse: NOCASE rendered for PostgreSQL, which has no such collation.
#include <optional>
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string name; std::optional<std::string> nick; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::name, "name"> name;
  column<&User::nick, "nick"> nick;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(users.id).from(users).where(users.name.collate<quarry::nocase>() == "bob"));
#else
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(users.id).from(users).where(users.name.collate<quarry::pg_collation<"und-x-icu">>() == "bob"));
#endif
}
