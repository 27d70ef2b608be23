// expect: quarry: the two sides are compared under different explicit collations
// Misuse: each side of = with its own explicit collation (PostgreSQL error 42P21).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id).from(users).where(users.name.collate<quarry::nocase>() == users.nick.collate<quarry::binary>()));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id).from(users).where(users.name.collate<quarry::nocase>() == users.nick.collate<quarry::nocase>()));
#endif
}
