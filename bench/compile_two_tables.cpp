// Build-cost probe (DESIGN.md: "TU with 2 tables and 10 queries ≤ 2.5 s, ≤ 250 MB"): two tables
// and ten representative statements, run against an in-memory database. bench/compile_time.sh
// measures how long g++/clang++ take to compile this file; running it only checks that the
// queries work (it prints one line and exits 0).

#include <quarry/sqlite.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace quarry_bench {

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::string> city;
  int age;
};

inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age", quarry::default_value<0>, quarry::check<"age >= 0">> age;
} users;

struct Order {
  std::int64_t id;
  std::int64_t user_id;
  double total;
  std::string status;
};

inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
  column<&Order::total, "total"> total;
  column<&Order::status, "status"> status;
} orders;

}  // namespace quarry_bench

int main() {
  using namespace quarry;
  using namespace quarry_bench;
  sqlite::connection db;
  db.create_table(users);
  db.create_table(orders);

  // 1. insert(obj) into each table
  std::int64_t alice = db.insert(users, User{0, "alice@example.com", "Paris", 34});
  std::int64_t bob = db.insert(users, User{0, "bob@example.com", std::nullopt, 19});
  // 2.
  for (int i = 0; i < 5; ++i) db.insert(orders, Order{0, i % 2 ? alice : bob, 10.0 * i, i % 3 ? "paid" : "new"});

  std::size_t n = 0;
  // 3. tuple select with a compound WHERE, ORDER BY and LIMIT
  for (auto [id, email] : db.query(select(users.id, users.email)
                                       .from(users)
                                       .where((users.city == "Paris" && users.age > 18) || users.email.like("%@x.org"))
                                       .order_by(users.email.asc())
                                       .limit(20))) {
    n += static_cast<std::size_t>(id) + email.size();
  }
  // 4. whole-row select with IS NULL, BETWEEN, ORDER BY ... NULLS LAST, LIMIT/OFFSET, .all()
  n += db.query(select(users)
                    .where(users.city.is_null() && users.age.between(18, 65))
                    .order_by(users.age.desc(nulls_last), users.id.asc())
                    .limit(10)
                    .offset(0))
           .all()
           .size();
  // 5. select with IN (list) and a runtime list bound as one parameter
  std::vector<std::int64_t> ids{alice, bob};
  for (auto [id, total] : db.query(select(orders.id, orders.total)
                                       .from(orders)
                                       .where(orders.status.in("new", "paid") && orders.user_id.in_values(ids))
                                       .order_by(orders.total.desc())
                                       .limit(5))) {
    n += static_cast<std::size_t>(id) + static_cast<std::size_t>(total);
  }
  // 6. first() of a filtered select
  auto big = db.query(select(orders).where(orders.total > 15.0 && orders.user_id == alice).order_by(orders.id)).first();
  n += big ? 1 : 0;
  // 7. find() by primary key
  auto u = db.find(users, alice);
  // 8. update(obj)
  if (u) {
    u->city = "Lyon";
    n += db.update(users, *u) ? 1 : 0;
  }
  // 9. UPDATE ... SET with an expression, WHERE
  n += static_cast<std::size_t>(
      db.execute(update(orders).set(orders.status = "shipped", orders.total = orders.total + 1.0).where(orders.status == "paid")));
  // 10. DELETE ... WHERE, and remove() by key
  n += static_cast<std::size_t>(db.execute(delete_from(orders).where(orders.user_id == bob && orders.total < 100.0)));
  n += db.remove(users, bob) ? 1 : 0;

  std::printf("compile_two_tables: ok (%zu)\n", n);
  return 0;
}
