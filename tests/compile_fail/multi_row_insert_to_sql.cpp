// expect: quarry: a multi-row insert runs as several statements
// Misuse: to_sql() of a multi-row insert (its SQL depends on the batch size).
#include <quarry/quarry.hpp>

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
  std::vector<User> rows;
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<D>(quarry::insert_into(users).values(rows));
#else
  (void)quarry::batch_sql<D>(quarry::insert_into(users).values(rows), 2);
#endif
}
