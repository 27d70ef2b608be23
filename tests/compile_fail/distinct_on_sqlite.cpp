// expect: quarry: distinct_on\(\) is PostgreSQL only
// Misuse: DISTINCT ON rendered for SQLite.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, users.email).from(users).distinct_on(users.city).order_by(users.city, users.id));
#else
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(users.city, users.email).from(users).distinct_on(users.city).order_by(users.city, users.id));
#endif
}
