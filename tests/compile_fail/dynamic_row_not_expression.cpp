// expect: quarry: row\[\.\.\.\] takes a column or expression of the query
// Misuse: reading a dynamic row by position.
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
  auto q = db.dynamic(quarry::select(quarry::dynamic_columns).from(users));
  q.select(users.email);
  for (const auto& r : db.query(q)) {
#ifndef QUARRY_CF_CONTROL
    (void)r[0];
#else
    (void)r.is_null(0);
#endif
  }
}
