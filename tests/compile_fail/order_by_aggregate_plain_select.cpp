// expect: quarry: order_by\(\) uses an aggregate in a select without group_by\(\)
// Misuse: an aggregate in order_by() of a select of plain columns (SQLite silently returns one row).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email).from(users).order_by(quarry::count()));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city).from(users).group_by(users.city).order_by(quarry::count()));
#endif
}
