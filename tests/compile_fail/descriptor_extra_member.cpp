// expect: quarry: the descriptor has more members than the row struct has fields
// Misuse: a descriptor member that maps no field (more members than the row struct has fields).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  int version = 1;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
