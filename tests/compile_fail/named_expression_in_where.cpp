// expect: quarry: an expression named with .as<.name.>\(\) can only be selected. use the expression without .as in where\(\)
// Misuse: a condition named with .as<"...">() passed to where(), which would render "... AS name"
// inside WHERE (invalid SQL).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::select(users.id).from(users).where((users.age > 18).as<"adult">());
#else
  (void)quarry::select(users.id, (users.age > 18).as<"adult">()).from(users).where(users.age > 18);
#endif
}
