// expect: quarry: use query\(\) for statements with RETURNING
// Misuse: execute() of a multi-row insert with RETURNING (its rows would be lost).
#include <quarry/sqlite.hpp>

#include <vector>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Post { std::int64_t id; std::int64_t user_id; std::string title; };
inline constexpr struct posts_t : quarry::table<"posts", Post> {
  column<&Post::id, "id", quarry::identity> id;
  column<&Post::user_id, "user_id"> user_id;
  column<&Post::title, "title"> title;
} posts;
using D = quarry::sqlite_dialect;

void misuse() {
  quarry::sqlite::connection db;
  std::vector<User> rows;
#ifndef QUARRY_CF_CONTROL
  (void)db.execute(quarry::insert_into(users).values(rows).returning(users.id));
#else
  (void)db.query(quarry::insert_into(users).values(rows).returning(users.id)).all();
#endif
}
