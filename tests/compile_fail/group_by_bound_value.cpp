// expect: quarry: a selected or order_by\(\) expression that binds a value cannot match its group_by\(\) copy
// Misuse: grouping by `age / 10` and selecting it: two parameters, which PostgreSQL does not match.
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
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(users.age / 10, quarry::count()).from(users).group_by(users.age / 10));
#else
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(quarry::length(users.email), quarry::count()).from(users).group_by(quarry::length(users.email)));
#endif
}
