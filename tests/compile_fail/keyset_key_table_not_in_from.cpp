// expect: quarry: a keyset key uses a column whose table is not in FROM or JOIN
// Misuse: a key of a table the statement does not read.
#include <quarry/page.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Post { std::int64_t id; std::int64_t user_id; std::string title; };
inline constexpr struct posts_t : quarry::table<"posts", Post> {
  column<&Post::id, "id", quarry::identity> id;
  column<&Post::user_id, "user_id"> user_id;
  column<&Post::title, "title"> title;
} posts;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::paginate(quarry::select(users), posts.title, users.id);
#else
  (void)quarry::paginate(quarry::select(users).join(posts).on(posts.user_id == users.id), posts.title, posts.id);
#endif
}
