// expect: quarry: the two sides are compared under different explicit collations
// Misuse: IN with an item under another explicit collation than the expression.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id).from(users).where(users.name.collate<quarry::nocase>().in(users.nick.collate<quarry::rtrim>(), "x")));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id).from(users).where(users.name.collate<quarry::nocase>().in(users.nick, "x")));
#endif
}
