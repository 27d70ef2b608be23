// expect: quarry: a table can have at most one identity column
// Misuse: two columns are declared quarry::identity.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::int64_t number; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::number, "number", quarry::identity> number;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::number, "number", quarry::unique> number;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
