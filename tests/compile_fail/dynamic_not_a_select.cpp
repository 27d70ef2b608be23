// expect: quarry: quarry::dynamic<Dialect>\(\) takes a select statement
// Misuse: making an insert dynamic.
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
  (void)quarry::dynamic<D>(quarry::insert_into(users).set(users.email = "x", users.age = 1));
#else
  (void)quarry::dynamic<D>(quarry::select(users.id).from(users));
#endif
}
