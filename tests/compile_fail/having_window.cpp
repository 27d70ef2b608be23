// expect: quarry: window functions are not allowed in having\(\)
// Misuse: a window function in having().
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, quarry::count()).from(users).group_by(users.city).having(quarry::row_number().over(quarry::window()) > 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, quarry::count()).from(users).group_by(users.city).having(quarry::count() > 1));
#endif
}
