// expect: quarry: LIKE does not use collations
// Misuse: like() on a collated expression: the collation would be ignored.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id).from(users).where(users.name.collate<quarry::nocase>().like("b%")));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id).from(users).where(users.name.like("b%")));
#endif
}
