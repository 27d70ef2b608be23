// expect: quarry: a recursive CTE needs quarry::with_recursive\(\.\.\.\)
// Misuse: a recursive CTE in with() instead of with_recursive().
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
  constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>> nums;
  auto n = nums[quarry::col<"n">];
  (void)quarry::with(nums.as(quarry::union_all(quarry::select(quarry::val(std::int64_t{1})), quarry::select(n + 1).from(nums).where(n < 9)))).select(n).from(nums);
#else
  constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>> nums;
  auto n = nums[quarry::col<"n">];
  (void)quarry::with_recursive(nums.as(quarry::union_all(quarry::select(quarry::val(std::int64_t{1})), quarry::select(n + 1).from(nums).where(n < 9)))).select(n).from(nums);
#endif
}
