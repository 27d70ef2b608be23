// expect: quarry: a selected column is neither in group_by\(\) nor inside an aggregate
// Misuse: grouping by a unique column that is not the primary key, and selecting another column (only a grouped primary key determines the other columns).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email, users.city, quarry::count()).from(users).group_by(users.email));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email, users.city, quarry::count()).from(users).group_by(users.id));
#endif
}
