// expect: quarry: a subquery reads a source under the SQL name of an outer table it references
// Misuse: a subquery in UPDATE SET reads posts under the alias "users", the name of the updated table it references.
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
  constexpr auto u = quarry::alias<"users">(posts);
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = quarry::cast<int>(
      quarry::scalar(quarry::select(quarry::count()).from(u).where(u[posts.user_id] == users.id)))).all_rows());
#else
  constexpr auto u = quarry::alias<"user_posts">(posts);
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.age = quarry::cast<int>(
      quarry::scalar(quarry::select(quarry::count()).from(u).where(u[posts.user_id] == users.id)))).all_rows());
#endif
}
