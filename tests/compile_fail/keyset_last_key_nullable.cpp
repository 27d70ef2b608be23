// expect: quarry: the last keyset key is unique but can be NULL
// Misuse: ending with the primary key of the outer side of a LEFT JOIN (NULL for users without posts).
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
  (void)quarry::paginate(quarry::select(users.email, posts.title).from(users).left_join(posts).on(posts.user_id == users.id), posts.id.asc(quarry::nulls_last));
#else
  (void)quarry::paginate(quarry::select(users.email, posts.title).from(posts).left_join(users).on(posts.user_id == users.id), posts.id);
#endif
}
