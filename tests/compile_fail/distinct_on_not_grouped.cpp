// expect: quarry: distinct_on\(\) uses a column that is neither grouped nor inside an aggregate
// Misuse: distinct_on() of a column that is not grouped, in a grouped select.
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
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(users.city, quarry::count()).from(users).group_by(users.city).distinct_on(users.age));
#else
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(users.city, quarry::count()).from(users).group_by(users.city).distinct_on(users.city));
#endif
}
