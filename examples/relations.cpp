// Relations and eager loading on an in-memory SQLite database: users -> latest orders -> items ->
// product, plus each user's profile through a JOIN, in a fixed number of statements (printed by
// the statement hook), and the N+1 guard catching a hand-written loop. See docs/relations.md.
#include <quarry/sqlite.hpp>
#include <quarry/diag.hpp>
#include <quarry/orm.hpp>

#include <cstdint>
#include <cstdio>
#include <string>

namespace shop {

struct User {
  std::int64_t id;
  std::string email;
};
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
} users;

struct Profile {
  std::int64_t id;
  std::int64_t user_id;
  std::string name;
};
inline constexpr struct profiles_t : quarry::table<"profiles", Profile> {
  column<&Profile::id, "id", quarry::identity> id;
  column<&Profile::user_id, "user_id", quarry::unique, quarry::references<&users_t::id>> user_id;
  column<&Profile::name, "name"> name;
} profiles;

struct Product {
  std::int64_t id;
  std::string sku;
};
inline constexpr struct products_t : quarry::table<"products", Product> {
  column<&Product::id, "id", quarry::identity> id;
  column<&Product::sku, "sku", quarry::unique> sku;
} products;

struct Order {
  std::int64_t id;
  std::int64_t user_id;
  std::int64_t total_cents;
};
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
  column<&Order::total_cents, "total_cents"> total_cents;
} orders;

struct Item {
  std::int64_t id;
  std::int64_t order_id;
  std::int64_t product_id;
  std::int64_t quantity;
};
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::order_id, "order_id", quarry::references<&orders_t::id>> order_id;
  column<&Item::product_id, "product_id", quarry::references<&products_t::id>> product_id;
  column<&Item::quantity, "quantity"> quantity;
} items;

// Relations, declared once next to the descriptors (keys checked at compile time).
inline constexpr auto user_orders = quarry::has_many<&orders_t::user_id>;
inline constexpr auto user_profile = quarry::has_one<&profiles_t::user_id>;
inline constexpr auto order_items = quarry::has_many<&items_t::order_id>;
inline constexpr auto item_product = quarry::belongs_to<&items_t::product_id>;

}  // namespace shop

int main() {
  using namespace shop;
  quarry::sqlite::connection db;
  db.create_table(users);
  db.create_table(profiles);
  db.create_table(products);
  db.create_table(orders);
  db.create_table(items);

  db.transaction([&](quarry::transaction&) {
    auto pen = db.insert(products, Product{0, "pen"});
    auto ink = db.insert(products, Product{0, "ink"});
    for (int u = 1; u <= 3; ++u) {
      auto uid = db.insert(users, User{0, "user" + std::to_string(u) + "@example.org"});
      if (u != 2) db.insert(profiles, Profile{0, uid, "User " + std::to_string(u)});
      for (int o = 1; o <= u + 1; ++o) {
        auto oid = db.insert(orders, Order{0, uid, o * 1000 + u});
        db.insert(items, Item{0, oid, pen, o});
        if (o % 2 == 0) db.insert(items, Item{0, oid, ink, 1});
      }
    }
  });

  // Print every statement the loading runs.
  db.on_statement([](const quarry::diag::statement_event& e) {
    std::printf("  -- %s  [%lld rows]\n", std::string(e.sql).c_str(), static_cast<long long>(e.rows));
  });

  // Each user with their 2 largest orders (chosen in SQL, per user), each order's items and
  // product, and the profile through a LEFT JOIN: 1 + 3 statements whatever the number of users.
  auto q = quarry::select(users).order_by(users.id).with(
      user_orders.order_by(orders.total_cents.desc()).limit(2).with(order_items.with(item_product)),
      user_profile.joined());
  quarry::diag::query_counter counter(db);
  auto graph = db.load(q);
  db.on_statement(nullptr);
  counter.expect(4);

  for (const auto& u : graph) {
    const auto& profile = u[user_profile];  // std::optional: user 2 has none
    std::printf("%s (%s)\n", u.email.c_str(), profile ? profile->name.c_str() : "no profile");
    for (const auto& o : u[user_orders]) {  // std::vector, largest first
      std::printf("  order %lld: %lld cents\n", static_cast<long long>(o.id), static_cast<long long>(o.total_cents));
      for (const auto& it : o[order_items])
        std::printf("    %lld x %s\n", static_cast<long long>(it.quantity), it[item_product]->sku.c_str());
    }
  }

  // The N+1 guard: a loop that queries once per user is stopped on the second user.
  try {
    quarry::diag::repeated_statement_guard guard(db);
    for (const auto& u : graph) (void)db.query(quarry::select(orders).where(orders.user_id == u.id)).all();
  } catch (const quarry::diag::repeated_statement_error& e) {
    std::printf("guard: %s\n", e.what());
  }
  return 0;
}
