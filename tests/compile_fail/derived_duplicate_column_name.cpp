// expect: quarry: two columns of this derived table or CTE have the same name
// Misuse: users.id and posts.id in one derived table: both are named "id".
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
  (void)quarry::derived<"t">(quarry::select(users.id, posts.id).from(users).join(posts).on(posts.user_id == users.id));
#else
  (void)quarry::derived<"t">(quarry::select(users.id, posts.id.as<"post_id">()).from(users).join(posts).on(posts.user_id == users.id));
#endif
}
