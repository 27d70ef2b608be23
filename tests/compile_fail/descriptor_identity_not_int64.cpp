// expect: quarry: an identity column must be a std::int64_t field \(ids stay 64-bit\)
// Misuse: quarry::identity on an int field.
#include <quarry/quarry.hpp>

#ifndef QUARRY_CF_CONTROL
struct User { int id; std::string email; };
#else
struct User { std::int64_t id; std::string email; };
#endif

inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
