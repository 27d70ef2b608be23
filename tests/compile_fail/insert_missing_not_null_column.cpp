// expect: quarry: insert leaves out a NOT NULL column that has no default
// Misuse: insert_into(t).set(...) leaves out users.email (NOT NULL, no default).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).set(users.age = 30));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).set(users.email = "a@b.c", users.age = 30));
#endif
}
