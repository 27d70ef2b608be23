// expect: quarry: select\(table\) on the left of a UNION/INTERSECT/EXCEPT reads rows into the table
// Misuse: select(table) on the left, and a right side that can be NULL where the row struct's field cannot.
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
  (void)quarry::union_(quarry::select(posts), quarry::select(posts.id, posts.user_id, posts.title, posts.likes)
                                                  .from(users).left_join(posts).on(posts.user_id == users.id));
#else
  (void)quarry::union_(quarry::select(posts.id, posts.user_id, posts.title, posts.likes).from(posts),
                       quarry::select(posts.id, posts.user_id, posts.title, posts.likes)
                           .from(users).left_join(posts).on(posts.user_id == users.id));
#endif
}
