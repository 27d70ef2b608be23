// expect: quarry: a field of the row struct is mapped twice
// Misuse: two columns map the same field (User::email), so User::age is left without one.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; int age; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::email, "email2"> email2;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::age, "age"> age;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
