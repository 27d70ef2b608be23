// expect: quarry: the body of a recursive CTE can yield NULL in a column declared not optional
// Misuse: a recursive CTE column declared std::int64_t whose body selects a nullable column.
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

void misuse() {
#ifndef QUARRY_CF_CONTROL
  constexpr quarry::recursive_cte<"chain", quarry::field<"id", std::int64_t>, quarry::field<"up", std::int64_t>> chain;
  (void)chain.as(quarry::select(posts.id, posts.likes).from(posts));
#else
  constexpr quarry::recursive_cte<"chain", quarry::field<"id", std::int64_t>, quarry::field<"up", std::optional<std::int64_t>>> chain;
  (void)chain.as(quarry::select(posts.id, posts.likes).from(posts));
#endif
}
