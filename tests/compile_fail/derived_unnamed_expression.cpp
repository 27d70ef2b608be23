// expect: quarry: every column of a derived table or CTE needs a name
// Misuse: an aggregate selected into a derived table without .as<"name">().
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
  (void)quarry::derived<"t">(quarry::select(posts.user_id, quarry::count()).from(posts).group_by(posts.user_id));
#else
  (void)quarry::derived<"t">(quarry::select(posts.user_id, quarry::count().as<"n">()).from(posts).group_by(posts.user_id));
#endif
}
