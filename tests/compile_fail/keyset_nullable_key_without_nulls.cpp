// expect: quarry: a keyset key can be NULL
// Misuse: a nullable key (city) without an explicit NULLS FIRST/LAST.
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
  (void)quarry::paginate(quarry::select(users), users.city, users.id);
#else
  (void)quarry::paginate(quarry::select(users), users.city.asc(quarry::nulls_last), users.id);
#endif
}
