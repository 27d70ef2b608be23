// expect: quarry: set\(\) assigns the same column twice
// Misuse: insert_into(t).set() assigning one column twice.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).set(users.email = "a@b.c", users.age = 1, users.email = "d@e.f"));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).set(users.email = "a@b.c", users.age = 1));
#endif
}
