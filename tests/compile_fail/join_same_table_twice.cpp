// expect: quarry: this table is already in FROM or JOIN. join it again through quarry::alias<.*>\(table\)
// Misuse: the same table joined a second time without an alias.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

void misuse() {
  constexpr auto older = quarry::alias<"older">(users);
  (void)older;
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email).from(users).join(users).on(users.age > users.age));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email).from(users).join(older).on(older[users.age] > users.age));
#endif
}
