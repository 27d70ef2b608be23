// expect: quarry: order_by\(\) uses a plain column in an aggregate select without group_by\(\)
// Misuse: order_by() of a plain column in a one-row aggregate select.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::count()).from(users).order_by(users.age));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::count()).from(users).group_by(users.age).order_by(users.age));
#endif
}
