// expect: quarry: paginate\(\) of a distinct\(\) select is not supported
// Misuse: keyset pagination of a DISTINCT select (the page's added keys would change which rows are duplicates).
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
  (void)quarry::paginate(quarry::select(users.city, users.id).from(users).distinct(), users.id);
#else
  (void)quarry::paginate(quarry::select(users.city, users.id).from(users), users.id);
#endif
}
