// expect: quarry: group_by\(\) cannot group by an aggregate
// Misuse: group_by() given an aggregate.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::count()).from(users).group_by(quarry::count()));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::count()).from(users).group_by(users.city));
#endif
}
