// expect: quarry: unknown column option. use primary_key, identity, unique, default_value
// Misuse: a column option that is not one of quarry's (here a plain type).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; };
struct not_null {};

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", not_null> email;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
