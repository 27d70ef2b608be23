// expect: quarry: between\(\) with a std::optional bound would render 'BETWEEN NULL'
// Misuse: between() with a std::optional bound (an empty one binds NULL, which never matches).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.between(lo, 65)));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users).where(users.age.between(lo.value_or(0), 65)));
#endif
}
