// expect: (quarry: cannot compare a number \(an integer, real or decimal: see kinds_comparable<left, right>\) with text.*kinds_comparable<quarry::sql_kind::integer, quarry::sql_kind::text>|kinds_comparable<quarry::sql_kind::integer, quarry::sql_kind::text>.*quarry: cannot compare a number \(an integer, real or decimal: see kinds_comparable<left, right>\) with text)
// Misuse: comparing an integer column with a text column.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::string code; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::code, "code"> code;
  column<&User::age, "age"> age;
} users;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  auto cond = users.age < users.code;
#else
  auto cond = users.email < users.code;
#endif
  (void)cond;
}
