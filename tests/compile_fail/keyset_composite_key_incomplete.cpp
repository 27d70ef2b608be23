// expect: quarry: a keyset order must end with a unique key
// Misuse: ending with one column of a two-column primary key without the other.
#include <quarry/page.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Membership { std::int64_t user_id; std::int64_t group_id; std::string role; };
inline constexpr struct memberships_t : quarry::table<"memberships", Membership> {
  column<&Membership::user_id, "user_id", quarry::primary_key> user_id;
  column<&Membership::group_id, "group_id", quarry::primary_key> group_id;
  column<&Membership::role, "role"> role;
} memberships;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::paginate(quarry::select(memberships), memberships.role, memberships.group_id);
#else
  (void)quarry::paginate(quarry::select(memberships), memberships.role, memberships.user_id, memberships.group_id);
#endif
}
