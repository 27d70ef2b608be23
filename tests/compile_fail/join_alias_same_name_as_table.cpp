// expect: quarry: two sources of this statement have one SQL name
// Misuse: a table and an alias of another table exposing the same name in one FROM.
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
  constexpr auto a = quarry::alias<"posts">(users);
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::select(posts.id).from(posts).join(a).on(a[users.id] == posts.user_id));
#else
  constexpr auto a = quarry::alias<"authors">(users);
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::select(posts.id).from(posts).join(a).on(a[users.id] == posts.user_id));
#endif
}
