// expect: quarry: excluded\(col\) is the value an INSERT proposed and exists only in on_conflict
// Misuse: excluded(col) in a select list (it exists only in ON CONFLICT ... DO UPDATE).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::age, "age"> age;
} users;
struct Stat { std::int64_t id; int age; };
inline constexpr struct stats_t : quarry::table<"stats", Stat> {
  column<&Stat::id, "id", quarry::identity> id;
  column<&Stat::age, "age"> age;
} stats;

void misuse(const User& u) {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id, quarry::excluded(users.age)).from(users));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.id, users.age).from(users));
#endif
}
