// expect: quarry: two sources of this statement have one SQL name
// Misuse: two descriptors that name one SQL table joined in one select (their C++ tags differ).
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
// A second descriptor of table "users" (a narrower view of it).
struct Account { std::int64_t id; std::string email; };
inline constexpr struct accounts_t : quarry::table<"users", Account> {
  column<&Account::id, "id", quarry::identity> id;
  column<&Account::email, "email"> email;
} accounts;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::select(users.id).from(users).join(accounts).on(accounts.id == users.id));
#else
  constexpr auto acc = quarry::alias<"acc">(accounts);
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::select(users.id).from(users).join(acc).on(acc[accounts.id] == users.id));
#endif
}
