// expect: quarry: do_update\(\) assigns an aggregate function
// Misuse: an aggregate as an ON CONFLICT DO UPDATE SET value.
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
  User u{}; (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).values(u).on_conflict(users.email).do_update(users.age = quarry::count()));
#else
  User u{}; (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).values(u).on_conflict(users.email).do_update(users.age = quarry::excluded(users.age)));
#endif
}
