// expect: quarry: group_by\(\) cannot group by a window function
// Misuse: a window function in group_by().
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::count()).from(users).group_by(quarry::row_number().over(quarry::window())));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::count()).from(users).group_by(users.city));
#endif
}
