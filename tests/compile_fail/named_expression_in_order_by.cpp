// expect: quarry: an expression named with .as<.name.>\(\) can only be selected. use the expression without .as in order_by\(\)
// Misuse: ordering by a named select-list expression, which would render "... AS name" inside
// ORDER BY (invalid SQL).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::select(users.id).from(users).order_by((users.age + 1).as<"next">());
#else
  (void)quarry::select(users.id, (users.age + 1).as<"next">()).from(users).order_by(users.age + 1);
#endif
}
