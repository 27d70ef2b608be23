// expect: quarry: an aggregate.s argument cannot be a window function
// Misuse: a window function as an aggregate's argument (PostgreSQL 42803).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::sum(quarry::row_number().over(quarry::window()))).from(users));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::sum(users.age)).from(users));
#endif
}
