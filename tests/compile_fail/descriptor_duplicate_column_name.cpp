// expect: quarry: two columns of this table have the same SQL name
// Misuse: two columns share one SQL name.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::string backup_email; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::backup_email, "email"> backup_email;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::backup_email, "backup_email"> backup_email;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
