// expect: quarry: window functions are not allowed in where\(\)
// Misuse: a window function in where().
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email).from(users).where(quarry::row_number().over(quarry::window().order_by(users.id)) == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email, quarry::row_number().over(quarry::window().order_by(users.id))).from(users));
#endif
}
