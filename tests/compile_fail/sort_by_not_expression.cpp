// expect: quarry: sort_by\(\) takes a name and a column or expression
// Misuse: quarry::sort_by with a value instead of a column.
#include <quarry/dynamic.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Post { std::int64_t id; std::int64_t user_id; std::string title; };
inline constexpr struct posts_t : quarry::table<"posts", Post> {
  column<&Post::id, "id", quarry::identity> id;
  column<&Post::user_id, "user_id"> user_id;
  column<&Post::title, "title"> title;
} posts;
using D = quarry::sqlite_dialect;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::sort_by("email", 42);
#else
  (void)quarry::sort_by("email", users.email);
#endif
}
