// expect: quarry: do_update\(\) assigns the same column twice
// Misuse: do_update() assigning one column twice.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

void misuse(const User& u) {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).values(u).on_conflict(users.email).do_update(users.age = quarry::excluded(users.age), users.age = 0));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).values(u).on_conflict(users.email).do_update(users.age = quarry::excluded(users.age), users.city = quarry::excluded(users.city)));
#endif
}
