// Relations and eager loading against real databases: statement counts (query counter), per-parent
// limits with ties, empty parents, nesting, siblings, joined and keyed to-one relations,
// many-to-many, self relations, and the N+1 guard.

#include "backends.hpp"
#include "catch.hpp"

#include <quarry/diag.hpp>
#include <quarry/orm.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rel {

struct Company {
  std::int64_t id;
  std::string name;
};
inline constexpr struct companies_t : quarry::table<"rel_companies", Company> {
  column<&Company::id, "id", quarry::identity> id;
  column<&Company::name, "name"> name;
} companies;

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::int64_t> company_id;
};
inline constexpr struct users_t : quarry::table<"rel_users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::company_id, "company_id", quarry::references<&companies_t::id>> company_id;
} users;

struct Profile {
  std::int64_t id;
  std::int64_t user_id;
  std::string bio;
};
inline constexpr struct profiles_t : quarry::table<"rel_profiles", Profile> {
  column<&Profile::id, "id", quarry::identity> id;
  column<&Profile::user_id, "user_id", quarry::unique, quarry::references<&users_t::id>> user_id;
  column<&Profile::bio, "bio"> bio;
} profiles;

struct Product {
  std::int64_t id;
  std::string sku;
};
inline constexpr struct products_t : quarry::table<"rel_products", Product> {
  column<&Product::id, "id", quarry::identity> id;
  column<&Product::sku, "sku", quarry::unique> sku;
} products;

struct Order {
  std::int64_t id;
  std::int64_t user_id;
  std::int64_t total;
  std::string status;
};
inline constexpr struct orders_t : quarry::table<"rel_orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
  column<&Order::total, "total"> total;
  column<&Order::status, "status"> status;
} orders;

struct Item {
  std::int64_t id;
  std::int64_t order_id;
  std::int64_t product_id;
  std::int64_t qty;
};
inline constexpr struct items_t : quarry::table<"rel_items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::order_id, "order_id", quarry::references<&orders_t::id>> order_id;
  column<&Item::product_id, "product_id", quarry::references<&products_t::id>> product_id;
  column<&Item::qty, "qty"> qty;
} items;

struct Group {
  std::int64_t id;
  std::string name;
};
inline constexpr struct groups_t : quarry::table<"rel_groups", Group> {
  column<&Group::id, "id", quarry::identity> id;
  column<&Group::name, "name"> name;
} groups;

struct Membership {
  std::int64_t user_id;
  std::int64_t group_id;
};
inline constexpr struct memberships_t : quarry::table<"rel_memberships", Membership> {
  column<&Membership::user_id, "user_id", quarry::primary_key, quarry::references<&users_t::id>> user_id;
  column<&Membership::group_id, "group_id", quarry::primary_key, quarry::references<&groups_t::id>> group_id;
} memberships;

struct Employee {
  std::int64_t id;
  std::string name;
  std::optional<std::int64_t> manager_id;
};
inline constexpr struct employees_t : quarry::table<"rel_employees", Employee> {
  column<&Employee::id, "id", quarry::identity> id;
  column<&Employee::name, "name"> name;
  column<&Employee::manager_id, "manager_id"> manager_id;
} employees;

inline constexpr auto user_orders = quarry::has_many<&users_t::id, &orders_t::user_id>;
inline constexpr auto order_items = quarry::has_many<&items_t::order_id>;  // key from references<>
inline constexpr auto item_product = quarry::belongs_to<&items_t::product_id>;
inline constexpr auto order_user = quarry::belongs_to<&orders_t::user_id, &users_t::id>;
inline constexpr auto user_profile = quarry::has_one<&users_t::id, &profiles_t::user_id>;
inline constexpr auto user_company = quarry::belongs_to<&users_t::company_id>;
inline constexpr auto company_users = quarry::has_many<&users_t::company_id>;
inline constexpr auto user_groups =
    quarry::many_to_many<&users_t::id, &memberships_t::user_id, &memberships_t::group_id, &groups_t::id>;
inline constexpr auto group_users = quarry::many_to_many<&memberships_t::group_id, &memberships_t::user_id>;
inline constexpr auto employee_manager = quarry::belongs_to<&employees_t::manager_id, &employees_t::id>;
inline constexpr auto employee_reports = quarry::has_many<&employees_t::id, &employees_t::manager_id>;

template <class Db>
void reset(Db& db) {
  db.drop_table(memberships, true);
  db.drop_table(groups, true);
  db.drop_table(items, true);
  db.drop_table(products, true);
  db.drop_table(orders, true);
  db.drop_table(profiles, true);
  db.drop_table(users, true);
  db.drop_table(companies, true);
  db.drop_table(employees, true);
  db.create_table(companies);
  db.create_table(users);
  db.create_table(profiles);
  db.create_table(orders);
  db.create_table(products);
  db.create_table(items);
  db.create_table(groups);
  db.create_table(memberships);
  db.create_table(employees);
}

/// Every statement's SQL, for checks on the text.
struct sql_log final : quarry::diag::statement_observer {
  std::vector<std::string> sql;
  std::vector<std::int64_t> rows;
  void statement_finished(const quarry::diag::statement_event& e) noexcept override {
    sql.emplace_back(e.sql);
    rows.push_back(e.rows);
  }
};

}  // namespace rel

using namespace test;
using namespace rel;

TEMPLATE_LIST_TEST_CASE("1000 users with orders and order items load in exactly 3 statements", "[relations]",
                        backends) {
  auto db = TestType::connect();
  reset(*db);
  // User u (1-based) has u % 4 orders; order k of a user has k % 3 items: some users and some
  // orders have no children at all.
  std::map<std::int64_t, std::vector<std::int64_t>> want_orders;  // user id -> order ids
  std::map<std::int64_t, std::vector<std::int64_t>> want_items;   // order id -> item ids
  db->transaction([&](quarry::transaction&) {
    want_orders.clear();
    want_items.clear();
    auto pid = db->insert(products, Product{0, "p1"});
    for (int u = 1; u <= 1000; ++u) {
      auto uid = db->insert(users, User{0, "user" + std::to_string(u) + "@example.com", std::nullopt});
      want_orders[uid];
      for (int k = 0; k < u % 4; ++k) {
        auto oid = db->insert(orders, Order{0, uid, k * 10, "paid"});
        want_orders[uid].push_back(oid);
        want_items[oid];
        for (int i = 0; i < k % 3; ++i) want_items[oid].push_back(db->insert(items, Item{0, oid, pid, i + 1}));
      }
    }
  });

  auto q = quarry::select(users).order_by(users.id).with(user_orders.order_by(orders.id).with(order_items));
  quarry::diag::query_counter qc(*db);
  auto graph = db->load(q);
  INFO(qc.listing());
  CHECK(qc.count() == 3);
  REQUIRE_NOTHROW(qc.expect(3));

  REQUIRE(graph.size() == 1000);
  std::size_t n_orders = 0, n_items = 0, empty_users = 0;
  bool all_match = true;
  for (const auto& u : graph) {
    const auto& os = u[user_orders];
    if (os.empty()) ++empty_users;
    std::vector<std::int64_t> got;
    for (const auto& o : os) {
      got.push_back(o.id);
      std::vector<std::int64_t> got_items;
      for (const auto& it : o[order_items]) got_items.push_back(it.id);
      std::sort(got_items.begin(), got_items.end());
      all_match = all_match && got_items == want_items[o.id] && o.user_id == u.id;
      n_items += got_items.size();
    }
    all_match = all_match && got == want_orders[u.id];
    n_orders += got.size();
  }
  CHECK(all_match);
  CHECK(empty_users == 250);
  CHECK(n_orders == 1500);  // 250 users each with 1, 2 and 3 orders
  CHECK(n_items == 1000);   // per user with 3 orders: 0 + 1 + 2 items; with 2: 0 + 1; with 1: 0

  // The same through the one-call form, counting statements without BEGIN/COMMIT.
  auto again = quarry::diag::expect_statements(*db, 3, [&] { return db->load(q); }, quarry::diag::kinds::reads);
  CHECK(again.size() == 1000);
}

TEMPLATE_LIST_TEST_CASE("per-parent limit keeps the first n children of each parent, in SQL, ties included",
                        "[relations]", backends) {
  auto db = TestType::connect();
  reset(*db);
  auto u1 = db->insert(users, User{0, "a@x", std::nullopt});
  auto u2 = db->insert(users, User{0, "b@x", std::nullopt});
  auto u3 = db->insert(users, User{0, "c@x", std::nullopt});  // no orders
  // u1: totals 50, 30, 50, 40, 50 (three tie for first place); u2: one order.
  std::vector<std::int64_t> o1;
  for (std::int64_t t : {50, 30, 50, 40, 50}) o1.push_back(db->insert(orders, Order{0, u1, t, "paid"}));
  auto o2 = db->insert(orders, Order{0, u2, 70, "paid"});

  sql_log log;
  db->add_observer(log);
  auto top2 = db->load(quarry::select(users).order_by(users.id).with(
      user_orders.order_by(orders.total.desc()).limit(2).with(order_user.joined())));
  db->remove_observer(log);
  REQUIRE(top2.size() == 3);
  // Ties on total are broken by the primary key: the two lowest ids among the 50s.
  std::vector<std::int64_t> ids;
  for (const auto& o : top2[0][user_orders]) ids.push_back(o.id);
  CHECK(ids == std::vector<std::int64_t>{o1[0], o1[2]});
  REQUIRE(top2[1][user_orders].size() == 1);
  CHECK(top2[1][user_orders][0].id == o2);
  CHECK(top2[2].id == u3);
  CHECK(top2[2][user_orders].empty());
  // A joined relation under a limited level: read by the same statement (LEFT JOIN outside the
  // ranked derived table).
  CHECK(top2[0][user_orders][1][order_user]->email == "a@x");
  CHECK(top2[1][user_orders][0][order_user]->id == u2);
  // The limit is applied by the database: the child statement returned 3 rows, not 6.
  REQUIRE(log.sql.size() == 2);
  CHECK(log.sql[1].find("ROW_NUMBER() OVER (PARTITION BY") != std::string::npos);
  CHECK(log.rows[1] == 3);

  // limit_with_ties: every order tied with the 2nd keeps its place (RANK()).
  auto ties = db->load(quarry::select(users).where(users.id == u1).with(
      user_orders.order_by(orders.total.desc()).limit_with_ties(2)));
  REQUIRE(ties.size() == 1);
  ids.clear();
  for (const auto& o : ties[0][user_orders]) ids.push_back(o.id);
  CHECK(ids == std::vector<std::int64_t>{o1[0], o1[2], o1[4]});

  // limit 1 ascending, with a filter applied before ranking.
  auto cheapest = db->load(quarry::select(users).order_by(users.id).with(
      user_orders.where(orders.total > 35).order_by(orders.total.asc()).limit(1)));
  REQUIRE(cheapest[0][user_orders].size() == 1);
  CHECK(cheapest[0][user_orders][0].id == o1[3]);  // 40: the 30 is filtered out first
  CHECK(cheapest[1][user_orders][0].id == o2);
  CHECK(cheapest[2][user_orders].empty());
}

TEMPLATE_LIST_TEST_CASE("no parents, or no parent keys, run no child statement", "[relations]", backends) {
  auto db = TestType::connect();
  reset(*db);
  db->insert(users, User{0, "a@x", std::nullopt});
  {
    quarry::diag::query_counter qc(*db);
    auto none = db->load(quarry::select(users).where(users.id < 0).with(user_orders.with(order_items), user_company));
    CHECK(none.empty());
    INFO(qc.listing());
    CHECK(qc.count() == 1);
  }
  {
    // One parent whose nullable foreign key is NULL: the belongs_to level has no key to look up.
    quarry::diag::query_counter qc(*db);
    auto g = db->load(quarry::select(users).with(user_company, user_orders));
    REQUIRE(g.size() == 1);
    CHECK_FALSE(g[0][user_company].has_value());
    CHECK(g[0][user_orders].empty());  // loaded, and empty: one statement for it
    INFO(qc.listing());
    CHECK(qc.count() == 2);
  }
  {
    // A level whose parents have no children: the next level runs nothing.
    quarry::diag::query_counter qc(*db);
    auto g = db->load(quarry::select(users).with(user_orders.with(order_items.with(item_product))));
    CHECK(g[0][user_orders].empty());
    CHECK(qc.count() == 2);
  }
}

TEMPLATE_LIST_TEST_CASE("nested and sibling relations, one statement per level", "[relations]", backends) {
  auto db = TestType::connect();
  reset(*db);
  auto acme = db->insert(companies, Company{0, "Acme"});
  auto ann = db->insert(users, User{0, "ann@x", acme});
  auto bob = db->insert(users, User{0, "bob@x", std::nullopt});
  db->insert(profiles, Profile{0, ann, "Ann's bio"});
  auto pen = db->insert(products, Product{0, "pen"});
  auto ink = db->insert(products, Product{0, "ink"});
  auto oa1 = db->insert(orders, Order{0, ann, 10, "paid"});
  auto oa2 = db->insert(orders, Order{0, ann, 20, "open"});
  auto ob1 = db->insert(orders, Order{0, bob, 30, "paid"});
  db->insert(items, Item{0, oa1, pen, 1});
  db->insert(items, Item{0, oa1, ink, 2});
  db->insert(items, Item{0, ob1, pen, 3});
  auto admins = db->insert(groups, Group{0, "admins"});
  auto devs = db->insert(groups, Group{0, "devs"});
  db->insert(memberships, Membership{ann, devs});
  db->insert(memberships, Membership{ann, admins});
  db->insert(memberships, Membership{bob, devs});

  auto q = quarry::select(users).order_by(users.id).with(
      user_orders.order_by(orders.id).with(order_items.order_by(items.id).with(item_product)), user_profile,
      user_company, user_groups.order_by(groups.name));
  quarry::diag::query_counter qc(*db);
  auto g = db->load(q);
  INFO(qc.listing());
  // users; orders, items, products; profiles; companies; groups
  CHECK(qc.count() == 7);
  REQUIRE(g.size() == 2);
  const auto& a = g[0];
  CHECK(a.email == "ann@x");
  REQUIRE(a[user_orders].size() == 2);
  CHECK(a[user_orders][0].id == oa1);
  CHECK(a[user_orders][1].id == oa2);
  REQUIRE(a[user_orders][0][order_items].size() == 2);
  CHECK(a[user_orders][0][order_items][0][item_product]->sku == "pen");
  CHECK(a[user_orders][0][order_items][1][item_product]->sku == "ink");
  CHECK(a[user_orders][1][order_items].empty());
  REQUIRE(a[user_profile].has_value());
  CHECK(a[user_profile]->bio == "Ann's bio");
  REQUIRE(a[user_company].has_value());
  CHECK(a[user_company]->name == "Acme");
  REQUIRE(a[user_groups].size() == 2);
  CHECK(a[user_groups][0].name == "admins");
  CHECK(a[user_groups][1].name == "devs");
  const auto& b = g[1];
  CHECK_FALSE(b[user_profile].has_value());
  CHECK_FALSE(b[user_company].has_value());
  REQUIRE(b[user_orders].size() == 1);
  CHECK(b[user_orders][0][order_items][0][item_product]->id == pen);
  REQUIRE(b[user_groups].size() == 1);
  CHECK(b[user_groups][0].id == devs);

  // has_many through a nullable foreign key.
  auto cs = db->load(quarry::select(companies).with(company_users.order_by(users.id)));
  REQUIRE(cs.size() == 1);
  REQUIRE(cs[0][company_users].size() == 1);
  CHECK(cs[0][company_users][0].id == ann);

  // A relation filter, and the other direction of the many-to-many with a per-parent limit.
  auto paid = db->load(quarry::select(users).order_by(users.id).with(user_orders.where(orders.status == "paid")));
  CHECK(paid[0][user_orders].size() == 1);
  CHECK(paid[1][user_orders].size() == 1);
  auto gs = db->load(
      quarry::select(groups).order_by(groups.id).with(group_users.order_by(users.email.desc()).limit(1)));
  REQUIRE(gs.size() == 2);
  REQUIRE(gs[0][group_users].size() == 1);  // admins: ann
  CHECK(gs[0][group_users][0].id == ann);
  REQUIRE(gs[1][group_users].size() == 1);  // devs: ann and bob; the last e-mail first
  CHECK(gs[1][group_users][0].email == "bob@x");
  // A many_to_many filter may use the join table's columns.
  auto only_bob = db->load(quarry::select(groups).where(groups.id == devs).with(
      group_users.where(memberships.user_id == bob)));
  REQUIRE(only_bob[0][group_users].size() == 1);
  CHECK(only_bob[0][group_users][0].id == bob);
}

TEMPLATE_LIST_TEST_CASE("belongs_to through a JOIN and through a keyed statement give the same rows",
                        "[relations]", backends) {
  auto db = TestType::connect();
  reset(*db);
  auto acme = db->insert(companies, Company{0, "Acme"});
  auto ann = db->insert(users, User{0, "ann@x", acme});
  auto bob = db->insert(users, User{0, "bob@x", std::nullopt});
  db->insert(profiles, Profile{0, bob, "Bob's bio"});
  for (int i = 0; i < 3; ++i) db->insert(orders, Order{0, i == 2 ? bob : ann, i, "paid"});

  quarry::diag::query_counter qc(*db);
  auto joined = db->load(quarry::select(orders).order_by(orders.id).with(order_user.joined()));
  CHECK(qc.count() == 1);
  qc.reset();
  auto keyed = db->load(quarry::select(orders).order_by(orders.id).with(order_user));
  CHECK(qc.count() == 2);
  REQUIRE(joined.size() == 3);
  REQUIRE(keyed.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    REQUIRE(joined[i][order_user].has_value());
    REQUIRE(keyed[i][order_user].has_value());
    CHECK(joined[i][order_user]->id == joined[i].user_id);
    CHECK(joined[i][order_user]->email == keyed[i][order_user]->email);
  }
  CHECK(joined[2][order_user]->email == "bob@x");

  // Joined chains and a keyed relation under a joined one: order -> user (JOIN) -> company (JOIN),
  // user -> profile (keyed: one more statement).
  qc.reset();
  auto deep = db->load(quarry::select(orders).order_by(orders.id).with(
      order_user.joined().with(user_company.joined(), user_profile)));
  INFO(qc.listing());
  CHECK(qc.count() == 2);
  REQUIRE(deep.size() == 3);
  CHECK(deep[0][order_user]->operator[](user_company)->name == "Acme");
  CHECK_FALSE((*deep[2][order_user])[user_company].has_value());  // bob has no company: NULL key
  CHECK_FALSE((*deep[0][order_user])[user_profile].has_value());
  REQUIRE((*deep[2][order_user])[user_profile].has_value());
  CHECK((*deep[2][order_user])[user_profile]->bio == "Bob's bio");

  // has_one through a JOIN, with a condition in the ON clause.
  auto with_bio = db->load(quarry::select(users).order_by(users.id).with(
      user_profile.where(profiles.bio.like("Bob%")).joined()));
  CHECK_FALSE(with_bio[0][user_profile].has_value());
  REQUIRE(with_bio[1][user_profile].has_value());
  CHECK(with_bio[1][user_profile]->user_id == bob);
  auto no_bio = db->load(quarry::select(users).order_by(users.id).with(
      user_profile.joined().where(profiles.bio == "nobody")));
  CHECK_FALSE(no_bio[1][user_profile].has_value());
  CHECK(no_bio.size() == 2);  // a LEFT JOIN: parents stay

  // The parents' own where/order/limit pass through with().
  auto limited = db->load(quarry::select(orders).with(order_user.joined()).where(orders.user_id == ann).order_by(
      orders.id.desc()).limit(1));
  REQUIRE(limited.size() == 1);
  CHECK(limited[0].total == 1);
}

TEMPLATE_LIST_TEST_CASE("self relations: managers joined, reports keyed, several parents sharing a child",
                        "[relations]", backends) {
  auto db = TestType::connect();
  reset(*db);
  auto boss = db->insert(employees, Employee{0, "boss", std::nullopt});
  auto mid = db->insert(employees, Employee{0, "mid", boss});
  auto a = db->insert(employees, Employee{0, "a", mid});
  auto b = db->insert(employees, Employee{0, "b", mid});

  quarry::diag::query_counter qc(*db);
  auto g = db->load(quarry::select(employees).order_by(employees.id).with(
      employee_manager.joined().with(employee_manager.joined()), employee_reports.order_by(employees.name)));
  INFO(qc.listing());
  CHECK(qc.count() == 2);
  REQUIRE(g.size() == 4);
  CHECK_FALSE(g[0][employee_manager].has_value());
  CHECK(g[1][employee_manager]->id == boss);
  CHECK(g[2][employee_manager]->id == mid);
  CHECK((*g[2][employee_manager])[employee_manager]->name == "boss");
  REQUIRE(g[1][employee_reports].size() == 2);
  CHECK(g[1][employee_reports][0].id == a);
  CHECK(g[1][employee_reports][1].id == b);
  CHECK(g[3][employee_reports].empty());

  // Keyed belongs_to shared by several parents: one row per key is fetched and every parent gets
  // a copy, nested relations included.
  qc.reset();
  auto k = db->load(quarry::select(employees).where(employees.manager_id == mid).order_by(employees.id).with(
      employee_manager.with(employee_reports.order_by(employees.id))));
  CHECK(qc.count() == 3);
  REQUIRE(k.size() == 2);
  for (const auto& e : k) {
    REQUIRE(e[employee_manager].has_value());
    CHECK(e[employee_manager]->id == mid);
    REQUIRE((*e[employee_manager])[employee_reports].size() == 2);
    CHECK((*e[employee_manager])[employee_reports][1].id == b);
  }
}

TEMPLATE_LIST_TEST_CASE("a hand-written N+1 loop trips the repeated-statement guard", "[relations]", backends) {
  auto db = TestType::connect();
  reset(*db);
  for (int i = 0; i < 3; ++i) {
    auto u = db->insert(users, User{0, "u" + std::to_string(i), std::nullopt});
    db->insert(orders, Order{0, u, i, "paid"});
  }
  auto parents = db->query(quarry::select(users).order_by(users.id)).all();
  {
    quarry::diag::repeated_statement_guard guard(*db);
    std::size_t seen = 0;
    try {
      for (const auto& u : parents) seen += db->query(quarry::select(orders).where(orders.user_id == u.id)).all().size();
      FAIL("the guard did not trip");
    } catch (const quarry::diag::repeated_statement_error& e) {
      CHECK(seen == 1);  // the second parent's query was refused before it ran
      CHECK(e.statement().count == 2);
      CHECK(std::string(e.what()).find("WHERE \"rel_orders\".\"user_id\" =") != std::string::npos);
    }
    // The eager form runs each statement once: the guard stays quiet.
    auto g = db->load(quarry::select(users).with(user_orders));
    CHECK(g.size() == 3);
  }
  {
    quarry::diag::repeated_statement_guard guard(*db, {.max_repeats = 2, .action = quarry::diag::guard_action::report});
    for (const auto& u : parents) (void)db->find(orders, u.id);
    REQUIRE(guard.reports().size() == 1);
    CHECK(guard.reports()[0].count == 3);
    CHECK(guard.reports()[0].kind == quarry::diag::statement_kind::query);
  }
}

TEMPLATE_LIST_TEST_CASE("a child level ordered by its primary key does not repeat it as the tie-break",
                        "[relations]", backends) {
  auto db = TestType::connect();
  reset(*db);
  auto u1 = db->insert(users, User{0, "a@x", std::nullopt});
  std::vector<std::int64_t> ids;
  for (std::int64_t t : {5, 7, 6}) ids.push_back(db->insert(orders, Order{0, u1, t, "paid"}));
  sql_log log;
  db->add_observer(log);
  auto by_id = db->load(quarry::select(users).with(user_orders.order_by(orders.id.desc())));
  auto by_total = db->load(quarry::select(users).with(user_orders.order_by(orders.total)));
  auto ranked = db->load(quarry::select(users).with(user_orders.order_by(orders.id).limit(2)));
  db->remove_observer(log);
  std::string all;
  for (const auto& q : log.sql) all += q + "\n";
  INFO(all);
  REQUIRE(log.sql.size() == 6);
  auto ends_with = [](const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  };
  CHECK(ends_with(log.sql[1], R"( ORDER BY "rel_orders"."id" DESC)"));
  CHECK(ends_with(log.sql[3], R"( ORDER BY "rel_orders"."total" ASC, "rel_orders"."id" ASC)"));  // other keys: tie-break kept
  CHECK(log.sql[5].find(R"(ROW_NUMBER() OVER (PARTITION BY "rel_orders"."user_id" ORDER BY "rel_orders"."id" ASC) AS)") !=
        std::string::npos);
  CHECK(ends_with(log.sql[5], R"( ORDER BY "rel_orders"."id" ASC)"));
  std::vector<std::int64_t> got;
  for (const auto& o : by_id[0][user_orders]) got.push_back(o.id);
  CHECK(got == std::vector<std::int64_t>{ids[2], ids[1], ids[0]});
  got.clear();
  for (const auto& o : by_total[0][user_orders]) got.push_back(o.id);
  CHECK(got == std::vector<std::int64_t>{ids[0], ids[2], ids[1]});
  got.clear();
  for (const auto& o : ranked[0][user_orders]) got.push_back(o.id);
  CHECK(got == std::vector<std::int64_t>{ids[0], ids[1]});
}
