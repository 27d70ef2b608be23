// expect: quarry: arithmetic needs numeric operands \(integer, real or decimal\)
// Misuse: arithmetic (+) on a text column.
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
  auto e = users.email + 1;
#else
  auto e = users.age + 1;
#endif
  (void)e;
}
