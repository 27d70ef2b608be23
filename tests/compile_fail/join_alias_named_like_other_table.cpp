// expect: quarry: two sources of this statement have one SQL name
// Misuse: an alias named like another table of the same FROM ("users AS posts JOIN posts AS p").
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
  constexpr auto p = quarry::alias<"p">(posts);
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::select(a[users.id]).from(a).join(p).on(p[posts.user_id] == a[users.id]));
#else
  constexpr auto a = quarry::alias<"authors">(users);
  constexpr auto p = quarry::alias<"p">(posts);
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::select(a[users.id]).from(a).join(p).on(p[posts.user_id] == a[users.id]));
#endif
}
