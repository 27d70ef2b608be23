// expect: quarry: a table descriptor must be an aggregate: only column members, no constructors
// Misuse: a table descriptor with a constructor.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  constexpr users_t() {}
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
