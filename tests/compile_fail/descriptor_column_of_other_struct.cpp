// expect: quarry: column<&S::field, .*> maps a field of another struct than the table's row type
// Misuse: a column of the users table points at a field of another struct (Order::note).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; };
struct Order { std::int64_t id; std::string note; };

#ifndef QUARRY_CF_CONTROL
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&Order::note, "email"> email;
} users;
#else
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;
#endif

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
