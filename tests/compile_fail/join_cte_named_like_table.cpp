// expect: quarry: two sources of this statement have one SQL name
// Misuse: a CTE joined next to a table of the same name.
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
  auto c = quarry::cte<"posts">(quarry::select(users.id).from(users));
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::with(c).select(posts.id).from(posts).join(c).on(c[users.id] == posts.user_id));
#else
  auto c = quarry::cte<"user_ids">(quarry::select(users.id).from(users));
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::with(c).select(posts.id).from(posts).join(c).on(c[users.id] == posts.user_id));
#endif
}
