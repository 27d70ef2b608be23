// expect: quarry: row\[\.\.\.\] reads a column or expression that this select\(\) did not select
// Misuse: reading a column that was not selected from a result row.
#include <quarry/quarry.hpp>

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
  auto q = quarry::select(users.id, users.email).from(users);
  quarry::row_of<decltype(q)> r{1, "a"};
#ifndef QUARRY_CF_CONTROL
  (void)r[users.city];
#else
  (void)r[users.email];
#endif
}
