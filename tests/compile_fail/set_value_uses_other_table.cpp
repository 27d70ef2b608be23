// expect: quarry: set\(\) uses a column of another table in its value
// Misuse: update(users).set() computes its value from a column of the orders table.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email"> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Order { std::int64_t id; std::int64_t user_id; };
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id"> user_id;
} orders;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.id = orders.user_id).where(users.id == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(users).set(users.id = users.id + 1).where(users.id == 1));
#endif
}
