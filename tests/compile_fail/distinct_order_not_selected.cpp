// expect: quarry: order_by\(\) of a distinct\(\) select may only use selected expressions
// Misuse: ORDER BY a column that is not selected, in a DISTINCT select (PostgreSQL 42P10).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city).from(users).distinct().order_by(users.age));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.city, users.age).from(users).distinct().order_by(users.age));
#endif
}
