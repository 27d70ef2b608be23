// expect: quarry: in\(\) needs at least one value \(IN \(\) is not SQL\)
// Misuse: in() with an empty fixed list (IN () is not SQL).
#include <optional>
#include <vector>
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.in()));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.in_values(std::vector<int>{})));
#endif
}
