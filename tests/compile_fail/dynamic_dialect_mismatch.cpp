// expect: quarry: this dynamic query was built for another SQL dialect than the connection
// Misuse: a dynamic query built for PostgreSQL run on an SQLite connection.
#include <quarry/sqlite.hpp>
#include <quarry/dynamic.hpp>

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
#ifndef QUARRY_CF_CONTROL
  auto q = quarry::dynamic<quarry::postgres_dialect>(quarry::select(users.id).from(users));
#else
  auto q = quarry::dynamic<quarry::sqlite_dialect>(quarry::select(users.id).from(users));
#endif
  (void)db.query(q).all();
}
