// expect: quarry: cannot compare a number \(an integer, real or decimal: see kinds_comparable<left, right>\) with text
// Misuse: an OR group condition comparing a number with text.
#include <quarry/dynamic.hpp>

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
  auto q = quarry::dynamic<D>(quarry::select(users.id).from(users));
  auto g = q.any_of();
#ifndef QUARRY_CF_CONTROL
  g.add(users.age == "x");
#else
  g.add(users.age == 3);
#endif
  q.where(g);
}
