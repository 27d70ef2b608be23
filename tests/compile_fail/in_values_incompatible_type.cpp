// expect: quarry: cannot compare a number \(an integer, real or decimal: see kinds_comparable<left, right>\) with text
// Misuse: in_values() with a range of strings on an integer column.
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
  std::vector<std::string> ids{"1", "2"};
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.id.in_values(ids)));
#else
  std::vector<std::int64_t> ids{1, 2};
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.id.in_values(ids)));
#endif
}
