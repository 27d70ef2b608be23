// expect: quarry: set\(\) assigns a value that does not convert to the column's C\+\+ type without narrowing
// Misuse: set() assigns std::nullopt (NULL) to a NOT NULL column.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.email = std::nullopt).where(users.id == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.city = std::nullopt).where(users.id == 1));
#endif
}
