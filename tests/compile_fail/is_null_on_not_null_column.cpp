// expect: quarry: is_null\(\)/is_not_null\(\) on an expression that can never be NULL
// Misuse: is_null() on a NOT NULL column (checked when the statement is rendered).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.email.is_null()));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.city.is_null()));
#endif
}
