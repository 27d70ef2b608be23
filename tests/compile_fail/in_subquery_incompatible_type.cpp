// expect: quarry: cannot compare a number \(an integer, real or decimal: see kinds_comparable<left, right>\) with text
// Misuse: in(subquery) where the subquery selects text and the expression is an integer.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Post { std::int64_t id; std::int64_t user_id; std::string title; std::optional<std::int64_t> likes; };
inline constexpr struct posts_t : quarry::table<"posts", Post> {
  column<&Post::id, "id", quarry::identity> id;
  column<&Post::user_id, "user_id"> user_id;
  column<&Post::title, "title"> title;
  column<&Post::likes, "likes"> likes;
} posts;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email).from(users).where(users.id.in(quarry::select(posts.title).from(posts))));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.email).from(users).where(users.id.in(quarry::select(posts.user_id).from(posts))));
#endif
}
