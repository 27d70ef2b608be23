// expect: quarry: an alias must differ from the table's own name
// Misuse: an alias named like the table it aliases.
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
  (void)quarry::alias<"users">(users);
#else
  (void)quarry::alias<"other_users">(users);
#endif
}
