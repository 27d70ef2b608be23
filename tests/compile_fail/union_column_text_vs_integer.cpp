// expect: quarry: a column of a UNION/INTERSECT/EXCEPT has another SQL kind on the right select than on the left
// Misuse: union_all() whose second column is an integer on the left and text on the right.
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
  (void)quarry::union_all(quarry::select(users.email, users.age).from(users), quarry::select(posts.title, posts.title).from(posts));
#else
  (void)quarry::union_all(quarry::select(users.email, users.age).from(users), quarry::select(posts.title, posts.id).from(posts));
#endif
}
