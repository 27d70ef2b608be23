// expect: quarry: find\(\)/update\(\)/remove\(\) need a single-column primary key
// Misuse: connection::find() on a table whose primary key has two columns.
#include <quarry/sqlite.hpp>

struct Member { std::int64_t group_id; std::int64_t user_id; std::string role; };
inline constexpr struct members_t : quarry::table<"members", Member> {
  column<&Member::group_id, "group_id", quarry::primary_key> group_id;
  column<&Member::user_id, "user_id", quarry::primary_key> user_id;
  column<&Member::role, "role"> role;
} members;

void misuse(quarry::sqlite::connection* db) {
#ifndef QUARRY_CF_CONTROL
  (void)db->find(members, 1);
#else
  (void)db->query(quarry::select(members).where(members.group_id == 1 && members.user_id == 2)).first();
#endif
}
