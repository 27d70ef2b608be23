// expect: quarry: in\(\) with a std::optional value would render 'IN \(NULL\)'
// Misuse: in() with a std::optional item in its fixed list (an empty one binds NULL, which never matches).
#include <optional>
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

void misuse(std::optional<int> lo, std::optional<std::string> pattern) {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.in(18, lo)));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.in(18, lo.value_or(18))));
#endif
}
