// expect: quarry: with\(\.\.\.\) goes on the first select of a UNION/INTERSECT/EXCEPT
// Misuse: with(...) on the right-hand select of union_().
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
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
  auto c = quarry::cte<"c">(quarry::select(posts.title).from(posts));
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::union_(quarry::select(users.email).from(users), quarry::with(c).select(c[posts.title]).from(c)));
#else
  auto c = quarry::cte<"c">(quarry::select(posts.title).from(posts));
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::union_(quarry::with(c).select(users.email).from(users), quarry::select(c[posts.title]).from(c)));
#endif
}
