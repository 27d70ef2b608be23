// expect: quarry: && and \|\| combine conditions. both operands must be boolean expressions
// Misuse: && between an integer column and a condition.
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
  auto cond = users.age && users.id == 1;
#else
  auto cond = users.age != 0 && users.id == 1;
#endif
  (void)cond;
}
