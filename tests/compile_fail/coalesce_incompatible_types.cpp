// expect: (quarry: coalesce\(\) operands must have compatible SQL types \(their kinds are the arguments of kinds_comparable<first, operand>\).*kinds_comparable<quarry::sql_kind::text, quarry::sql_kind::integer>|kinds_comparable<quarry::sql_kind::text, quarry::sql_kind::integer>.*quarry: coalesce\(\) operands must have compatible SQL types \(their kinds are the arguments of kinds_comparable<first, operand>\))
// Misuse: coalesce() of a text column and an integer.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::coalesce(users.city, 0)).from(users));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::coalesce(users.city, "none")).from(users));
#endif
}
