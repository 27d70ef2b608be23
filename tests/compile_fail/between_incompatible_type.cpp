// expect: quarry: cannot compare a number \(an integer, real or decimal: see kinds_comparable<left, right>\) with text
// Misuse: between() with text bounds on an integer column.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.between("a", "m")));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.between(18, 65)));
#endif
}
