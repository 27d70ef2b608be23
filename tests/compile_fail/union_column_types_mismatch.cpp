// expect: quarry: a column of a UNION/INTERSECT/EXCEPT has another SQL kind on the right select than on the left
// Misuse: union_() of selects whose columns have different SQL types.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::union_(quarry::select(users.email).from(users), quarry::select(posts.user_id).from(posts)));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::union_(quarry::select(users.email).from(users), quarry::select(posts.title).from(posts)));
#endif
}
