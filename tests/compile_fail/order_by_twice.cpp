// expect: quarry: order_by\(\) is already given
// Misuse: calling order_by() twice instead of passing all keys in one call.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).order_by(users.age).order_by(users.id));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).order_by(users.age, users.id));
#endif
}
