// expect: quarry: every member of a table descriptor must be a column<&Row::field, .*> of that table
// Misuse: a descriptor member that is not a column (as many members as fields, one of them an int).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; int version; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  int version = 1;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::version, "version"> version;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
