// expect: (quarry: cannot compare text with a number.*kinds_comparable<quarry::sql_kind::text, quarry::sql_kind::integer>|kinds_comparable<quarry::sql_kind::text, quarry::sql_kind::integer>.*quarry: cannot compare text with a number)
// Misuse: comparing a text column with an integer.
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
  auto cond = users.email == 5;
#else
  auto cond = users.email == "5";
#endif
  (void)cond;
}
