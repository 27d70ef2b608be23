// expect: quarry: db\.insert\(table, row\) takes a row of the table's row type
// Misuse: db.insert(users, o) with a row struct of the orders table.
#include <quarry/sqlite.hpp>

struct User { std::int64_t id; std::string email; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
} users;
struct Order { std::int64_t id; std::int64_t user_id; };
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id"> user_id;
} orders;

void misuse(quarry::sqlite::connection* db) {
  Order o{0, 1};
#ifndef QUARRY_CF_CONTROL
  (void)db->insert(users, o);
#else
  (void)db->insert(orders, o);
#endif
}
