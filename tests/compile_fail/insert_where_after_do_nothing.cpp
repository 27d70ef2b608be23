// expect: quarry: where\(\) on an insert filters on_conflict\(\.\.\.\)\.do_update\(\.\.\.\). do_nothing\(\) takes no where\(\)
// Misuse: where() after on_conflict(...).do_nothing().
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

void misuse(const User& u) {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).values(u).on_conflict(users.email).do_nothing().where(users.age < 100));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(users).values(u).on_conflict(users.email).do_nothing());
#endif
}
