// expect: quarry: order_by\(\) in a grouped select may only use grouped columns and aggregates
// Misuse: order_by() of a column that is not grouped, in a grouped select.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, quarry::count()).from(users).group_by(users.city).order_by(users.age));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, quarry::count()).from(users).group_by(users.city).order_by(quarry::max(users.age)));
#endif
}
