// expect: quarry: in_values\(\) needs a range of plain \(non-optional\) SQL values
// Misuse: in_values() with a range of std::optional.
#include <quarry/quarry.hpp>
#include <vector>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  std::vector<std::optional<std::string>> cities{"Paris", std::nullopt};
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.city.in_values(cities)));
#else
  std::vector<std::string> cities{"Paris", "Lyon"};
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.city.in_values(cities)));
#endif
}
