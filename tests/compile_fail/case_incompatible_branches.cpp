// expect: quarry: every branch of a CASE must have a compatible SQL type \(the kinds are the arguments of kinds_comparable<this branch, first branch>\)
// Misuse: case_when() branches of text and integer.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::case_when(users.age < 18, "minor").when(users.age < 65, 1).end()).from(users));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::case_when(users.age < 18, "minor").when(users.age < 65, "adult").end()).from(users));
#endif
}
