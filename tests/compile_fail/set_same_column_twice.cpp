// expect: quarry: set\(\) assigns the same column twice
// Misuse: set() assigns one column twice.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = 1, users.age = 2).where(users.id == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = 1, users.email = "x").where(users.id == 1));
#endif
}
