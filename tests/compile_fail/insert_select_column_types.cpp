// expect: quarry: INSERT \.\.\. SELECT needs as many selected values as columns, with matching SQL types
// Misuse: INSERT ... SELECT whose selected values have other SQL types than the columns.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(posts).columns(posts.user_id, posts.title).select(quarry::select(users.email, users.id).from(users)));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(posts).columns(posts.user_id, posts.title).select(quarry::select(users.id, users.email).from(users)));
#endif
}
