// expect: quarry: db.dynamic.. needs #include <quarry/dynamic.hpp>
// Misuse: db.dynamic(...) in a TU that includes only the backend header (dynamic queries are a
// feature header of their own).
#include <quarry/sqlite.hpp>
#ifdef QUARRY_CF_CONTROL
#include <quarry/dynamic.hpp>
#endif

#include <cstdint>
#include <string>

struct User { std::int64_t id; std::string email; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;

void misuse() {
  quarry::sqlite::connection db;
  auto q = db.dynamic(quarry::select(users.id).from(users));
  (void)db.query(q).all();
}
