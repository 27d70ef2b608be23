// expect: quarry: an eager-loading query \(select\(t\)\.with\(relation\)\) is not one statement
// Misuse: to_sql() of an eager-loading query (it runs one statement per relation level).
#include <quarry/orm.hpp>

struct User { std::int64_t id; std::string email; std::int64_t number; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::number, "number"> number;
} users;
struct Order { std::int64_t id; std::int64_t user_id; std::int64_t total; };
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
  column<&Order::total, "total"> total;
} orders;
struct Profile { std::int64_t id; std::int64_t user_id; };
inline constexpr struct profiles_t : quarry::table<"profiles", Profile> {
  column<&Profile::id, "id", quarry::identity> id;
  column<&Profile::user_id, "user_id", quarry::unique> user_id;
} profiles;
inline constexpr auto user_orders = quarry::has_many<&users_t::id, &orders_t::user_id>;
inline constexpr auto user_profile = quarry::has_one<&users_t::id, &profiles_t::user_id>;

void misuse() {
  auto q = quarry::select(users).with(user_orders);
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(q);
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(q.query);
#endif
}
