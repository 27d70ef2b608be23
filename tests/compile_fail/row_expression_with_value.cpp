// expect: quarry: row\[\.\.\.\] cannot find an expression that holds a bound value
// Misuse: reading a computed expression that holds a bound value by name; another expression of
// the same type (users.age + 2) would find the same column, so it is refused.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  auto q = quarry::select(users.id, users.age + 1).from(users);
  quarry::row_of<decltype(q)> r{1, 2};
  (void)r[users.age + 1];
#else
  auto q = quarry::select(users.id, (users.age + 1).as<"next_age">()).from(users);
  quarry::row_of<decltype(q)> r{1, 2};
  (void)r[(users.age + 1).as<"next_age">()];
  (void)r[users.id];
#endif
}
