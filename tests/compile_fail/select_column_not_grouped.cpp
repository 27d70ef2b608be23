// expect: quarry: a selected column is neither in group_by\(\) nor inside an aggregate
// Misuse: a selected column that is not in group_by().
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, users.age, quarry::count()).from(users).group_by(users.city));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, users.age, quarry::count()).from(users).group_by(users.city, users.age));
#endif
}
