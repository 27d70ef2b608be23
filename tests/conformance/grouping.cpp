// The grouping rule on every backend: a group_by() expression is valid wherever the select
// list, having() and order_by() use it (also inside larger expressions), and grouping by a
// table's whole primary key makes its other columns valid (functional dependency). DISTINCT and
// PostgreSQL's DISTINCT ON, with values.

#include "backends.hpp"
#include "catch.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace {

struct Customer { std::int64_t id; std::string name; std::string city; };
inline constexpr struct customers_t : quarry::table<"gr_customers", Customer> {
  column<&Customer::id, "id", quarry::identity> id;
  column<&Customer::name, "name"> name;
  column<&Customer::city, "city"> city;
} customers;

struct Purchase { std::int64_t id; std::int64_t customer_id; int total; };
inline constexpr struct purchases_t : quarry::table<"gr_purchases", Purchase> {
  column<&Purchase::id, "id", quarry::identity> id;
  column<&Purchase::customer_id, "customer_id"> customer_id;
  column<&Purchase::total, "total"> total;
} purchases;

// Created by hand with raw SQL (a composite PRIMARY KEY quarry did not write).
struct Season { std::string team; int year; std::string coach; };
inline constexpr struct seasons_t : quarry::table<"gr_seasons", Season> {
  column<&Season::team, "team", quarry::primary_key> team;
  column<&Season::year, "year", quarry::primary_key> year;
  column<&Season::coach, "coach"> coach;
} seasons;
struct Game { std::int64_t id; std::string team; int year; int points; };
inline constexpr struct games_t : quarry::table<"gr_games", Game> {
  column<&Game::id, "id", quarry::primary_key> id;
  column<&Game::team, "team"> team;
  column<&Game::year, "year"> year;
  column<&Game::points, "points"> points;
} games;

template <class Db>
void fill(Db& db) {
  db.drop_table(purchases, true);
  db.drop_table(customers, true);
  db.create_table(customers);
  db.create_table(purchases);
  for (const char* n : {"Ann", "bob", "Bob", "Cid"}) db.insert(customers, Customer{0, n, n[0] == 'C' ? "Oslo" : "Rome"});
  // Ann: 10 + 20, bob: 5, Bob: none, Cid: 7 + 7 + 7
  for (auto [c, t] : std::vector<std::pair<std::int64_t, int>>{{1, 10}, {1, 20}, {2, 5}, {4, 7}, {4, 7}, {4, 7}})
    db.insert(purchases, Purchase{0, c, t});
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("group by the primary key selects the table's other columns", "[grouping]", test::backends) {
  auto db = TestType::connect();
  fill(*db);
  auto q = quarry::select(customers.id, customers.name, quarry::count(purchases.id))
               .from(customers)
               .left_join(purchases)
               .on(purchases.customer_id == customers.id)
               .group_by(customers.id)
               .having(customers.name == "bob" || quarry::count(purchases.id) >= 2)
               .order_by(customers.city.desc(), customers.id);
  using R = std::tuple<std::int64_t, std::string, std::int64_t>;
  std::vector<R> got;
  for (const auto& r : db->query(q)) got.push_back(r);
  CHECK(got == std::vector<R>{{1, "Ann", 2}, {2, "bob", 1}, {4, "Cid", 3}});

  // Through an alias of the table, and with the whole row selected.
  constexpr auto c = quarry::alias<"c">(customers);
  auto qa = quarry::select(c[customers.city], quarry::count(purchases.id))
                .from(c)
                .join(purchases)
                .on(purchases.customer_id == c[customers.id])
                .group_by(c[customers.id])
                .order_by(quarry::count(purchases.id), c[customers.city]);
  std::vector<std::tuple<std::string, std::int64_t>> by_alias;
  for (const auto& r : db->query(qa)) by_alias.push_back(r);
  CHECK(by_alias == std::vector<std::tuple<std::string, std::int64_t>>{{"Rome", 1}, {"Rome", 2}, {"Oslo", 3}});

  auto whole = db->query(quarry::select(customers).group_by(customers.id).order_by(customers.id)).all();
  REQUIRE(whole.size() == 4);
  CHECK(whole[3].name == "Cid");
  CHECK(whole[3].city == "Oslo");
  db->drop_table(purchases);
  db->drop_table(customers);
}

TEMPLATE_LIST_TEST_CASE("group by a composite primary key of a hand-made table", "[grouping]", test::backends) {
  auto db = TestType::connect();
  db->exec("DROP TABLE IF EXISTS gr_games");
  db->exec("DROP TABLE IF EXISTS gr_seasons");
  db->exec("CREATE TABLE gr_seasons (team TEXT NOT NULL, year INTEGER NOT NULL, coach TEXT NOT NULL, "
           "PRIMARY KEY (team, year))");
  db->exec("CREATE TABLE gr_games (id INTEGER PRIMARY KEY, team TEXT NOT NULL, year INTEGER NOT NULL, "
           "points INTEGER NOT NULL)");
  db->exec("INSERT INTO gr_seasons VALUES ('owls', 2023, 'Kim'), ('owls', 2024, 'Lee'), ('bats', 2024, 'Kim')");
  db->exec("INSERT INTO gr_games VALUES (1, 'owls', 2023, 3), (2, 'owls', 2023, 1), (3, 'owls', 2024, 2), "
           "(4, 'bats', 2024, 0), (5, 'bats', 2024, 5), (6, 'bats', 2024, 1)");
  auto q = quarry::select(seasons.team, seasons.year, seasons.coach, quarry::sum(games.points))
               .from(seasons)
               .join(games)
               .on(games.team == seasons.team && games.year == seasons.year)
               .group_by(seasons.year, seasons.team)
               .having(seasons.coach == "Kim")
               .order_by(seasons.coach, seasons.team);
  using R = std::tuple<std::string, int, std::string, std::int64_t>;
  std::vector<R> got;
  for (const auto& r : db->query(q)) got.push_back(r);
  CHECK(got == std::vector<R>{{"bats", 2024, "Kim", 6}, {"owls", 2023, "Kim", 4}});
  db->exec("DROP TABLE gr_games");
  db->exec("DROP TABLE gr_seasons");
}

TEMPLATE_LIST_TEST_CASE("a group_by() expression is valid in the select list, having() and order_by()",
                        "[grouping]", test::backends) {
  auto db = TestType::connect();
  fill(*db);
  auto key = quarry::lower(customers.name);
  auto q = quarry::select(key, quarry::upper(key), quarry::length(key) + 1, quarry::count())
               .from(customers)
               .group_by(key)
               .having(key != "cid" && quarry::count() > 0)
               .order_by(quarry::length(key).desc(), key.desc());
  using R = std::tuple<std::string, std::string, std::int64_t, std::int64_t>;
  std::vector<R> got;
  for (const auto& r : db->query(q)) got.push_back(r);
  CHECK(got == std::vector<R>{{"bob", "BOB", 4, 2}, {"ann", "ANN", 4, 1}});
  db->drop_table(purchases);
  db->drop_table(customers);
}

TEMPLATE_LIST_TEST_CASE("select distinct", "[distinct]", test::backends) {
  auto db = TestType::connect();
  fill(*db);
  // Duplicated rows appear once.
  std::vector<std::tuple<std::int64_t, int>> got;
  for (const auto& r : db->query(quarry::select(purchases.customer_id, purchases.total)
                                     .from(purchases)
                                     .distinct()
                                     .order_by(purchases.customer_id.desc(), purchases.total)))
    got.push_back(r);
  CHECK(got == std::vector<std::tuple<std::int64_t, int>>{{4, 7}, {2, 5}, {1, 10}, {1, 20}});

  // Of a joined table's column, in a derived table, and in a subquery.
  std::vector<std::string> cities;
  for (const auto& r : db->query(quarry::select(customers.city)
                                     .from(customers)
                                     .join(purchases)
                                     .on(purchases.customer_id == customers.id)
                                     .distinct()
                                     .order_by(customers.city)))
    cities.push_back(std::get<0>(r));
  CHECK(cities == std::vector<std::string>{"Oslo", "Rome"});
  constexpr auto d = quarry::derived<"d">(
      quarry::select(purchases.customer_id, purchases.total).from(purchases).distinct());
  auto n = db->query(quarry::select(quarry::count()).from(d)).one();
  CHECK(std::get<0>(n) == 4);
  std::vector<std::string> buyers;
  for (const auto& r : db->query(quarry::select(customers.name)
                                     .from(customers)
                                     .where(customers.id.in(quarry::select(purchases.customer_id).from(purchases).distinct()))
                                     .order_by(customers.id)))
    buyers.push_back(std::get<0>(r));
  CHECK(buyers == std::vector<std::string>{"Ann", "bob", "Cid"});
  // In a compound select: DISTINCT applies to its side.
  auto all = db->query(quarry::union_all(quarry::select(purchases.total).from(purchases).distinct(),
                                         quarry::select(purchases.total).from(purchases).where(purchases.total == 7)))
                 .all();
  CHECK(all.size() == 4 + 3);
  db->drop_table(purchases);
  db->drop_table(customers);
}

TEMPLATE_LIST_TEST_CASE("select distinct on picks the first row of each group", "[distinct]", test::backends) {
  if constexpr (std::is_same_v<TestType, test::postgres>) {
    auto db = TestType::connect();
    fill(*db);
    // The largest purchase per customer (ties broken by the smallest id).
    auto q = quarry::select(purchases.customer_id, purchases.id, purchases.total)
                 .from(purchases)
                 .distinct_on(purchases.customer_id)
                 .order_by(purchases.customer_id, purchases.total.desc(), purchases.id);
    using R = std::tuple<std::int64_t, std::int64_t, int>;
    std::vector<R> got;
    for (const auto& r : db->query(q)) got.push_back(r);
    CHECK(got == std::vector<R>{{1, 2, 20}, {2, 3, 5}, {4, 4, 7}});
    // Two expressions, ORDER BY keys in another order among them.
    auto q2 = quarry::select(customers.city, customers.name)
                  .from(customers)
                  .distinct_on(customers.city, quarry::lower(customers.name))
                  .order_by(quarry::lower(customers.name), customers.city, customers.id.desc());
    std::vector<std::tuple<std::string, std::string>> got2;
    for (const auto& r : db->query(q2)) got2.push_back(r);
    CHECK(got2 == std::vector<std::tuple<std::string, std::string>>{{"Rome", "Ann"}, {"Rome", "Bob"}, {"Oslo", "Cid"}});
    db->drop_table(purchases);
    db->drop_table(customers);
  } else {
    SUCCEED("DISTINCT ON is PostgreSQL only (a compile error on SQLite: tests/compile_fail/distinct_on_sqlite.cpp)");
  }
}
