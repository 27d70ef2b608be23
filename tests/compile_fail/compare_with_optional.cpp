// expect: quarry: comparing with a std::optional value would render '= NULL', which is never true
// Misuse: comparing a column with a std::optional value (= NULL is never true).
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
  std::optional<std::string> city = "Paris";
  auto cond = users.city == city;
#else
  std::optional<std::string> city = "Paris";
  auto cond = users.city == *city;
#endif
  (void)cond;
}
