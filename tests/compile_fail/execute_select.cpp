// expect: quarry: use query\(\) for SELECT statements
// Misuse: connection::execute() given a SELECT (its rows would be thrown away).
#include <quarry/sqlite.hpp>

struct User { std::int64_t id; std::string email; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;

void misuse(quarry::sqlite::connection* db) {
#ifndef QUARRY_CF_CONTROL
  (void)db->execute(quarry::select(users));
#else
  (void)db->query(quarry::select(users)).all();
#endif
}
