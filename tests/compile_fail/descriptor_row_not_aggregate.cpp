// expect: quarry: the row type must be a plain aggregate struct \(no constructors, no virtual functions\)
// Misuse: a row struct with a user-declared constructor (Boost.PFR cannot read it).
#include <quarry/quarry.hpp>

#ifndef QUARRY_CF_CONTROL
struct User { User() {} std::int64_t id; std::string email; };
#else
struct User { std::int64_t id; std::string email; };
#endif

inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
