// expect: quarry: row\[\.\.\.\] names an expression that is selected more than once
// Misuse: row[e] for an expression type selected twice (ambiguous).
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
  auto q = quarry::select(users.age + 1, users.age + 2).from(users);
  quarry::row_of<decltype(q)> r{1, 2};
#ifndef QUARRY_CF_CONTROL
  (void)r[users.age + 2];
#else
  (void)std::get<1>(r);
#endif
}
