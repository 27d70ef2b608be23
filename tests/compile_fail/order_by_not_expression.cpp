// expect: quarry: order_by\(\) takes expressions or their \.asc\(\)/\.desc\(\) keys
// Misuse: order_by() given a plain value (a column number) instead of an expression.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).order_by(2));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).order_by(users.email));
#endif
}
