// Build-cost probe of a realistic application file (issue 13): 9 tables of a small shop and 26
// statements of the kinds real code mixes — joins, correlated subqueries, aggregates with GROUP BY
// and HAVING, CTEs, upserts, RETURNING, keyset pages, an eager load and retrying transactions.
// bench/compile_time.sh measures how long the compilers take on it; running it checks that every
// statement works against an in-memory database (it prints one line and exits 0).

#include <quarry/orm.hpp>
#include <quarry/page.hpp>
#include <quarry/sqlite.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace shop {

struct Country { std::int64_t id; std::string code; std::string name; };
struct City { std::int64_t id; std::int64_t country_id; std::string name; };
struct Customer { std::int64_t id; std::string email; std::optional<std::int64_t> city_id; quarry::timestamp created_at; bool active; };
struct Category { std::int64_t id; std::string name; std::optional<std::int64_t> parent_id; };
struct Product { std::int64_t id; std::int64_t category_id; std::string sku; std::string title; quarry::decimal price; int stock; };
struct Order { std::int64_t id; std::int64_t customer_id; quarry::timestamp placed_at; std::string status; quarry::decimal total; };
struct Item { std::int64_t id; std::int64_t order_id; std::int64_t product_id; int quantity; quarry::decimal unit_price; };
struct Review { std::int64_t id; std::int64_t product_id; std::int64_t customer_id; int stars; std::optional<std::string> body; };
struct Payment { std::int64_t id; std::int64_t order_id; quarry::decimal amount; quarry::timestamp paid_at; std::string method; };

inline constexpr struct countries_t : quarry::table<"countries", Country> {
  column<&Country::id, "id", quarry::identity> id;
  column<&Country::code, "code", quarry::unique> code;
  column<&Country::name, "name"> name;
} countries;
inline constexpr struct cities_t : quarry::table<"cities", City> {
  column<&City::id, "id", quarry::identity> id;
  column<&City::country_id, "country_id", quarry::references<&countries_t::id>> country_id;
  column<&City::name, "name"> name;
} cities;
inline constexpr struct customers_t : quarry::table<"customers", Customer> {
  column<&Customer::id, "id", quarry::identity> id;
  column<&Customer::email, "email", quarry::unique> email;
  column<&Customer::city_id, "city_id", quarry::references<&cities_t::id>> city_id;
  column<&Customer::created_at, "created_at", quarry::default_sql<"CURRENT_TIMESTAMP">> created_at;
  column<&Customer::active, "active"> active;
} customers;
inline constexpr struct categories_t : quarry::table<"categories", Category> {
  column<&Category::id, "id", quarry::identity> id;
  column<&Category::name, "name"> name;
  column<&Category::parent_id, "parent_id", quarry::references<&categories_t::id>> parent_id;
} categories;
inline constexpr struct products_t : quarry::table<"products", Product> {
  column<&Product::id, "id", quarry::identity> id;
  column<&Product::category_id, "category_id", quarry::references<&categories_t::id>> category_id;
  column<&Product::sku, "sku", quarry::unique> sku;
  column<&Product::title, "title"> title;
  column<&Product::price, "price", quarry::numeric<12, 2>> price;
  column<&Product::stock, "stock", quarry::check<"stock >= 0">> stock;
} products;
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::customer_id, "customer_id", quarry::references<&customers_t::id>> customer_id;
  column<&Order::placed_at, "placed_at"> placed_at;
  column<&Order::status, "status"> status;
  column<&Order::total, "total", quarry::numeric<12, 2>> total;
} orders;
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::order_id, "order_id", quarry::references<&orders_t::id, quarry::fk_action::cascade>> order_id;
  column<&Item::product_id, "product_id", quarry::references<&products_t::id>> product_id;
  column<&Item::quantity, "quantity"> quantity;
  column<&Item::unit_price, "unit_price", quarry::numeric<12, 2>> unit_price;
} items;
inline constexpr struct reviews_t : quarry::table<"reviews", Review> {
  column<&Review::id, "id", quarry::identity> id;
  column<&Review::product_id, "product_id", quarry::references<&products_t::id>> product_id;
  column<&Review::customer_id, "customer_id", quarry::references<&customers_t::id>> customer_id;
  column<&Review::stars, "stars"> stars;
  column<&Review::body, "body"> body;
} reviews;
inline constexpr struct payments_t : quarry::table<"payments", Payment> {
  column<&Payment::id, "id", quarry::identity> id;
  column<&Payment::order_id, "order_id", quarry::references<&orders_t::id>> order_id;
  column<&Payment::amount, "amount", quarry::numeric<12, 2>> amount;
  column<&Payment::paid_at, "paid_at"> paid_at;
  column<&Payment::method, "method"> method;
} payments;

inline constexpr auto customer_orders = quarry::has_many<&orders_t::customer_id>;
inline constexpr auto order_items = quarry::has_many<&items_t::order_id>;
inline constexpr auto item_product = quarry::belongs_to<&items_t::product_id>;

}  // namespace shop

int main() {
  using namespace quarry;
  using namespace shop;
  sqlite::connection db;
  db.create_table(countries);
  db.create_table(cities);
  db.create_table(customers);
  db.create_table(categories);
  db.create_table(products);
  db.create_table(orders);
  db.create_table(items);
  db.create_table(reviews);
  db.create_table(payments);
  const timestamp t0{std::chrono::sys_days{std::chrono::days{19723}}};
  std::size_t n = 0;

  // 1-6: inserts (a retrying transaction around them)
  db.transaction([&](transaction&) {
    auto fr = db.insert(countries, Country{0, "FR", "France"});
    auto paris = db.insert(cities, City{0, fr, "Paris"});
    auto cat = db.insert(categories, Category{0, "Pens", std::nullopt});
    auto pen = db.insert(products, Product{0, cat, "P-1", "Blue pen", decimal("1.50"), 100});
    for (int c = 1; c <= 3; ++c) {
      auto cid = db.insert(customers, Customer{0, "c" + std::to_string(c) + "@x.org", paris, t0, true});
      auto oid = db.insert(orders, Order{0, cid, t0 + std::chrono::hours{c}, "paid", decimal("3.00")});
      db.insert(items, Item{0, oid, pen, 2, decimal("1.50")});
      db.insert(payments, Payment{0, oid, decimal("3.00"), t0 + std::chrono::hours{c}, "card"});
      db.insert(reviews, Review{0, pen, cid, 3 + c % 3, std::nullopt});
    }
  });
  // 7: join of four tables with a compound filter
  for (auto [email, city, country] :
       db.query(select(customers.email, cities.name, countries.name)
                    .from(customers)
                    .join(cities).on(cities.id == customers.city_id)
                    .join(countries).on(countries.id == cities.country_id)
                    .where(customers.active == true && countries.code.in("FR", "DE"))
                    .order_by(customers.email)))
    n += email.size() + city.size() + country.size();
  // 8: aggregate per customer with HAVING
  for (auto [cid, cnt, spent] : db.query(select(orders.customer_id, count(orders.id), sum(orders.total))
                                             .from(orders)
                                             .where(orders.status == "paid")
                                             .group_by(orders.customer_id)
                                             .having(count(orders.id) >= 1)))
    n += static_cast<std::size_t>(cid + cnt) + spent.digits().size();
  // 9: correlated scalar subquery in the select list (COUNT: std::int64_t, never NULL)
  for (auto [id, reviews_n] : db.query(select(products.id, scalar(select(count()).from(reviews).where(reviews.product_id == products.id)))
                                           .from(products)))
    n += static_cast<std::size_t>(id) + static_cast<std::size_t>(reviews_n);
  // 10: EXISTS
  n += db.query(select(customers.id).from(customers).where(exists(select(orders.id).from(orders).where(orders.customer_id == customers.id))))
           .all().size();
  // 11: IN (subquery)
  n += db.query(select(products.title).from(products).where(products.id.in(select(items.product_id).from(items).where(items.quantity > 1))))
           .all().size();
  // 12: LEFT JOIN with IS NULL (customers without reviews)
  n += db.query(select(customers.email).from(customers).left_join(reviews).on(reviews.customer_id == customers.id).where(reviews.id.is_null()))
           .all().size();
  // 13: CTE
  auto big = cte<"big">(select(orders.id, orders.customer_id).from(orders).where(orders.total > 2));
  n += db.query(with(big).select(big[orders.id], customers.email).from(big).join(customers).on(customers.id == big[orders.customer_id]))
           .all().size();
  // 14: derived table
  auto per_customer = derived<"per_customer">(select(items.order_id, sum(items.quantity).as<"q">()).from(items).group_by(items.order_id));
  n += db.query(select(per_customer[items.order_id], per_customer[col<"q">]).from(per_customer).where(per_customer[col<"q">] > 1)).all().size();
  // 15: window function
  for (auto [id, rank] : db.query(select(orders.id, row_number().over(window().partition_by(orders.customer_id).order_by(orders.placed_at.desc())))
                                      .from(orders)))
    n += static_cast<std::size_t>(id + rank);
  // 16: UNION
  n += db.query(union_(select(customers.email).from(customers).where(customers.active == true),
                       select(customers.email).from(customers).where(customers.city_id.is_null())))
           .all().size();
  // 17: upsert
  db.execute(insert_into(products)
                 .values(Product{0, 1, "P-1", "Blue pen", decimal("1.60"), 90})
                 .on_conflict(products.sku)
                 .do_update(products.price = excluded(products.price), products.stock = excluded(products.stock)));
  // 18: UPDATE with a correlated subquery
  db.execute(update(orders).set(orders.total = coalesce(scalar(select(sum(items.unit_price * items.quantity)).from(items).where(items.order_id == orders.id)), decimal("0"))).all_rows());
  // 19: UPDATE ... RETURNING
  for (auto [id, stock] : db.query(update(products).set(products.stock = products.stock - 1).where(products.stock > 0).returning(products.id, products.stock)))
    n += static_cast<std::size_t>(id + stock);
  // 20: DELETE with a subquery
  db.execute(delete_from(reviews).where(reviews.customer_id.not_in(select(customers.id).from(customers))));
  // 21: keyset page forwards and back
  auto feed = paginate(select(orders.id, orders.total).from(orders).where(orders.status == "paid"), orders.placed_at.desc(), orders.id.desc());
  auto p1 = feed.fetch(db, {.first = 2});
  n += p1.size() + feed.fetch(db, {.first = 2, .after = p1.next_cursor}).size();
  // 22: eager load: customers -> orders -> items -> product
  auto graph = db.load(select(customers).order_by(customers.id).with(customer_orders.order_by(orders.placed_at.desc()).with(order_items.with(item_product))));
  for (const auto& c : graph)
    for (const auto& o : c[customer_orders]) n += o[order_items].size();
  // 23: find / update / remove by primary key
  if (auto p = db.find(products, std::int64_t{1})) {
    p->stock += 1;
    db.update(products, *p);
  }
  db.remove(reviews, std::int64_t{99});
  // 24: runtime list
  std::vector<std::int64_t> ids{1, 2, 3};
  n += db.query(select(orders.id).from(orders).where(orders.customer_id.in_values(ids) && orders.placed_at >= t0)).all().size();
  // 25: grouped date report
  for (auto [month, revenue] : db.query(select(trunc<date_field::month>(payments.paid_at), sum(payments.amount))
                                            .from(payments)
                                            .group_by(trunc<date_field::month>(payments.paid_at))))
    n += static_cast<std::size_t>(month.time_since_epoch().count() % 7) + revenue.digits().size();
  // 26: a transaction with a savepoint, reading and writing
  db.transaction([&](transaction&) {
    auto sp = db.begin();  // a savepoint inside the transaction
    db.execute(update(customers).set(customers.active = false).where(customers.email.like("%@y.org")));
    sp.commit();
  });
  std::printf("compile_realistic: %zu\n", n);
  return 0;
}
