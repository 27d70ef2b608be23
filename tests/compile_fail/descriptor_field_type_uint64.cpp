// expect: quarry: 64-bit unsigned integers have no SQL type that holds all their values
// Misuse: a std::uint64_t field (no SQL integer type holds every value of it).
#include <quarry/quarry.hpp>

#ifndef QUARRY_CF_CONTROL
struct User { std::int64_t id; std::uint64_t visits; };
#else
struct User { std::int64_t id; std::int64_t visits; };
#endif

inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::visits, "visits"> visits;
} users;

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
