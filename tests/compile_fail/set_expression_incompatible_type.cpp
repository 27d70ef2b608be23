// expect: quarry: set\(\) assigns an expression of an incompatible SQL type to this column \(the kinds are the arguments of kinds_comparable<column, value>\)
// Misuse: set() assigns a text expression to an integer column.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = users.email).where(users.id == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = users.age + 1).where(users.id == 1));
#endif
}
