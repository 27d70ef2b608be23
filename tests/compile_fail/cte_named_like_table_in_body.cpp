// expect: quarry: a CTE has the name of a table the statement reads
// Misuse: a CTE named like the table its own body reads (WITH RECURSIVE would make it read itself).
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
  auto c = quarry::cte<"users">(quarry::select(users.id, users.email).from(users).where(users.age > 30));
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::with_recursive(c).select(c[users.email]).from(c));
#else
  auto c = quarry::cte<"older_users">(quarry::select(users.id, users.email).from(users).where(users.age > 30));
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::with_recursive(c).select(c[users.email]).from(c));
#endif
}
