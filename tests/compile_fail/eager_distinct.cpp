// expect: quarry: eager loading \(with\(relations\)\) of a distinct\(\) select is not supported
// Misuse: eager loading on a DISTINCT select.
#include <quarry/orm.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Order { std::int64_t id; std::int64_t user_id; std::int64_t total; };
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
  column<&Order::total, "total"> total;
} orders;
inline constexpr auto user_orders = quarry::has_many<&users_t::id, &orders_t::user_id>;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::select(users).distinct().with(user_orders);
#else
  (void)quarry::select(users).where(quarry::exists(quarry::select(orders.id).from(orders).where(orders.user_id == users.id))).with(user_orders);
#endif
}
