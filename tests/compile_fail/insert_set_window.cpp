// expect: quarry: insert_into\(t\)\.set\(\) assigns an aggregate or window function
// Misuse: a window function as a VALUES item of insert_into(t).set().
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).set(users.email = "a", users.age = quarry::rank().over(quarry::window())));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).set(users.email = "a", users.age = 3));
#endif
}
