// expect: quarry: window functions are not allowed in where\(\)
// Misuse: a window function in the where() of an UPDATE (the rule every where() shares).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = 1).where(quarry::rank().over(quarry::window().order_by(users.age)) == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = 1).where(users.age == 1));
#endif
}
