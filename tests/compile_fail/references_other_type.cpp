// expect: quarry: references<> must point at a primary key or unique column of the same type
// Misuse: a foreign key whose type (int) differs from the referenced column's (std::int64_t)
// (checked by create_table_sql).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;

#ifndef QUARRY_CF_CONTROL
struct Order { std::int64_t id; int user_id; };
#else
struct Order { std::int64_t id; std::int64_t user_id; };
#endif
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
} orders;

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(orders); }
