// expect: quarry: returning\(\) cannot use aggregate or window functions
// Misuse: an aggregate in RETURNING (PostgreSQL: aggregate functions are not allowed in RETURNING).
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
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::delete_from(users).where(users.age > 3).returning(quarry::count()));
#else
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::delete_from(users).where(users.age > 3).returning(users.id));
#endif
}
