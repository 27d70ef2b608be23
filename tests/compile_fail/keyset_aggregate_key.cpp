// expect: quarry: a keyset key cannot be an aggregate or window function
// Misuse: an aggregate as a keyset key.
#include <quarry/page.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::paginate(quarry::select(users.id).from(users), quarry::max(users.age), users.id);
#else
  (void)quarry::paginate(quarry::select(users.id).from(users), users.age, users.id);
#endif
}
