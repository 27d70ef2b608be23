// expect: quarry: the body of a recursive CTE must select as many columns as it declares
// Misuse: a recursive CTE declaring two columns whose body selects one.
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
  constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>, quarry::field<"sq", std::int64_t>> nums;
  auto n = nums[quarry::col<"n">];
  (void)nums.as(quarry::union_all(quarry::select(quarry::val(std::int64_t{1})), quarry::select(n + 1).from(nums).where(n < 9)));
#else
  constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>, quarry::field<"sq", std::int64_t>> nums;
  auto n = nums[quarry::col<"n">];
  (void)nums.as(quarry::union_all(quarry::select(quarry::val(std::int64_t{1}), quarry::val(std::int64_t{1})), quarry::select(n + 1, (n + 1) * (n + 1)).from(nums).where(n < 9)));
#endif
}
