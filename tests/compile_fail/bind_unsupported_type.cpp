// expect: quarry: this C\+\+ type cannot be bound as an SQL parameter
// Misuse: comparing with a value whose C++ type has no SQL mapping.
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
  struct point { int x, y; };
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age == point{1, 2}));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age == 1));
#endif
}
