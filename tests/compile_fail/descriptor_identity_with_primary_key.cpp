// expect: quarry: an identity column is the whole primary key. remove primary_key from other columns
// Misuse: primary_key on another column of a table that has an identity column.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::primary_key> email;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
