// expect: quarry: having\(\) uses a column that is neither grouped nor inside an aggregate
// Misuse: grouping by part of a composite primary key: the other columns are not determined.
#include <quarry/quarry.hpp>

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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(memberships.user_id, quarry::count()).from(memberships).group_by(memberships.user_id).having(memberships.role == "admin"));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(memberships.user_id, quarry::count()).from(memberships).group_by(memberships.group_id, memberships.user_id).having(memberships.role == "admin"));
#endif
}
