// Issue 13: the types of set operations (unified per column from both sides) and of scalar
// subqueries (COUNT without GROUP BY is never NULL), and statements whose sources share a table
// name (aliased apart), against real databases. Rows are written with raw SQL.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace test;

namespace {

struct Narrow {
  std::int64_t id;
  std::int32_t n;
  std::int16_t s;
  std::optional<std::string> label;
  double r;
};
inline constexpr struct narrow_t : quarry::table<"ty_narrow", Narrow> {
  column<&Narrow::id, "id", quarry::primary_key> id;
  column<&Narrow::n, "n"> n;
  column<&Narrow::s, "s"> s;
  column<&Narrow::label, "label"> label;
  column<&Narrow::r, "r"> r;
} narrow;

struct Wide {
  std::int64_t id;
  std::int64_t n;
  std::string label;
};
inline constexpr struct wide_t : quarry::table<"ty_wide", Wide> {
  column<&Wide::id, "id", quarry::primary_key> id;
  column<&Wide::n, "n"> n;
  column<&Wide::label, "label"> label;
} wide;

/// A second descriptor of table ty_wide (another view of the same table: id and label only).
struct WideName {
  std::int64_t id;
  std::string label;
};
inline constexpr struct wide_names_t : quarry::table<"ty_wide", WideName> {
  column<&WideName::id, "id", quarry::primary_key> id;
  column<&WideName::label, "label"> label;
} wide_names;

template <class Db>
void seed(Db& db) {
  db.drop_table(narrow, true);
  db.drop_table(wide, true);
  db.create_table(narrow);
  db.create_table(wide);
  db.exec("INSERT INTO ty_narrow (id, n, s, label, r) VALUES (1, 7, 3, NULL, 2.5), (2, -2, -1, 'two', 0.25)");
  db.exec("INSERT INTO ty_wide (id, n, label) VALUES (1, 5000000000, 'big'), (2, -5000000000, 'two'), (3, 7, 'seven')");
}

/// The rows of q as its row_type (std::tuple or the row struct), sorted.
template <class Db, class Q>
auto sorted_rows(Db& db, const Q& q) {
  std::vector<typename Q::row_type> v;
  for (const auto& r : db.query(q)) v.push_back(r);
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("UNION of int32 and int64 columns reads int64 values without overflow", "[typing][issue13]",
                        backends) {
  auto db = TestType::connect();
  seed(*db);
  auto q = quarry::union_all(quarry::select(narrow.n).from(narrow), quarry::select(wide.n).from(wide));
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<std::int64_t>>);
  using R = std::vector<std::tuple<std::int64_t>>;
  CHECK(sorted_rows(*db, q) == R{{-5'000'000'000}, {-2}, {7}, {7}, {5'000'000'000}});
  // UNION removes the duplicate 7; the wide side on the left gives the same type
  CHECK(sorted_rows(*db, quarry::union_(quarry::select(wide.n).from(wide), quarry::select(narrow.n).from(narrow))) ==
        R{{-5'000'000'000}, {-2}, {7}, {5'000'000'000}});
  // int16 with int32 is int32
  auto small = quarry::union_all(quarry::select(narrow.s).from(narrow), quarry::select(narrow.n).from(narrow));
  STATIC_REQUIRE(std::is_same_v<decltype(small)::row_type, std::tuple<std::int32_t>>);
  CHECK(sorted_rows(*db, small) == std::vector<std::tuple<std::int32_t>>{{-2}, {-1}, {3}, {7}});
}

TEMPLATE_LIST_TEST_CASE("UNION with a nullable right side reads std::optional", "[typing][issue13]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto q = quarry::union_all(quarry::select(wide.id, wide.label).from(wide), quarry::select(narrow.id, narrow.label).from(narrow));
  using Row = std::tuple<std::int64_t, std::optional<std::string>>;
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, Row>);
  CHECK(sorted_rows(*db, q) ==
        std::vector<Row>{{1, std::nullopt}, {1, "big"}, {2, "two"}, {2, "two"}, {3, "seven"}});
  // a LEFT JOIN on the right side: NULL-extended rows
  auto joined = quarry::select(wide.id, narrow.n).from(wide).left_join(narrow).on(narrow.id == wide.id);
  auto u = quarry::union_(quarry::select(narrow.id, narrow.n).from(narrow), joined);
  using J = std::tuple<std::int64_t, std::optional<std::int32_t>>;
  STATIC_REQUIRE(std::is_same_v<decltype(u)::row_type, J>);
  CHECK(sorted_rows(*db, u) == std::vector<J>{{1, 7}, {2, -2}, {3, std::nullopt}});
  // an aggregate over no rows on the right side
  auto agg = quarry::union_all(quarry::select(wide.n).from(wide).where(wide.id == 1),
                               quarry::select(quarry::max(narrow.n)).from(narrow).where(narrow.id > 100));
  using A = std::tuple<std::optional<std::int64_t>>;
  STATIC_REQUIRE(std::is_same_v<decltype(agg)::row_type, A>);
  CHECK(sorted_rows(*db, agg) == std::vector<A>{{std::nullopt}, {5'000'000'000}});
}

TEMPLATE_LIST_TEST_CASE("UNION of an integer and a real column reads double", "[typing][issue13]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto q = quarry::union_all(quarry::select(narrow.n).from(narrow), quarry::select(narrow.r).from(narrow));
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, std::tuple<double>>);
  CHECK(sorted_rows(*db, q) == std::vector<std::tuple<double>>{{-2.0}, {0.25}, {2.5}, {7.0}});
  // nested: (int64 UNION int32) EXCEPT real
  auto nested = quarry::except(quarry::union_all(quarry::select(wide.n).from(wide), quarry::select(narrow.n).from(narrow)),
                               quarry::select(narrow.r).from(narrow).where(narrow.id == 2));
  STATIC_REQUIRE(std::is_same_v<decltype(nested)::row_type, std::tuple<double>>);
  CHECK(sorted_rows(*db, nested) == std::vector<std::tuple<double>>{{-5e9}, {-2.0}, {7.0}, {5e9}});
  // a derived table over the compound has the unified column
  auto d = quarry::derived<"d">(q);
  auto total = db->query(quarry::select(quarry::sum(d[narrow.n])).from(d)).one();
  CHECK(std::get<0>(total) == 7.75);
}

TEMPLATE_LIST_TEST_CASE("UNION of whole rows reads the row struct", "[typing][issue13]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto q = quarry::union_(quarry::select(wide).where(wide.id <= 2), quarry::select(wide).where(wide.id >= 2));
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, Wide>);
  std::vector<std::int64_t> ids;
  for (const Wide& w : db->query(q)) ids.push_back(w.n);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::int64_t>{-5'000'000'000, 7, 5'000'000'000});
}

TEMPLATE_LIST_TEST_CASE("scalar COUNT without GROUP BY is never NULL: 0 for a parent without children",
                        "[typing][issue13]", backends) {
  auto db = TestType::connect();
  db->drop_table(posts, true);
  db->drop_table(users, true);
  db->create_table(users);
  db->create_table(posts);
  db->exec("INSERT INTO users (id, email, city, age) VALUES (1, 'a', NULL, 20), (2, 'b', NULL, 30), (3, 'c', NULL, 40)");
  db->exec("INSERT INTO posts (id, user_id, title, likes) VALUES (1, 1, 'x', 5), (2, 1, 'y', NULL), (3, 2, 'z', 7)");
  auto n = quarry::scalar(quarry::select(quarry::count()).from(posts).where(posts.user_id == users.id));
  auto likes = quarry::scalar(quarry::select(quarry::count(posts.likes)).from(posts).where(posts.user_id == users.id));
  auto titles = quarry::scalar(quarry::select(quarry::count_distinct(posts.title)).from(posts).where(posts.user_id == users.id));
  auto sum = quarry::scalar(quarry::select(quarry::sum(posts.likes)).from(posts).where(posts.user_id == users.id));
  auto first = quarry::scalar(quarry::select(posts.title).from(posts).where(posts.user_id == users.id && posts.id == 1));
  auto q = quarry::select(users.id, n, likes, titles, sum, first).from(users).order_by(users.id);
  using Row = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::optional<std::int64_t>,
                         std::optional<std::string>>;
  STATIC_REQUIRE(std::is_same_v<decltype(q)::row_type, Row>);
  CHECK(sorted_rows(*db, q) == std::vector<Row>{{1, 2, 1, 2, 5, "x"}, {2, 1, 1, 1, 7, std::nullopt}, {3, 0, 0, 0, std::nullopt, std::nullopt}});

  // compared, computed with and ordered by without coalesce(); zero children compare as 0
  using P = std::vector<std::tuple<std::int64_t, std::int64_t>>;
  P ordered;
  for (const auto& r : db->query(quarry::select(users.id, n * 10).from(users).where(n < 2).order_by(n.desc(), users.id)))
    ordered.emplace_back(r);
  CHECK(ordered == P{{2, 10}, {3, 0}});
  // assigned to a NOT NULL column without coalesce()
  CHECK(db->execute(quarry::update(users).set(users.age = quarry::cast<std::int32_t>(n)).where(n == 0)) == 1);
  CHECK(sorted_rows(*db, quarry::select(users.id, users.age).from(users)) ==
        std::vector<std::tuple<std::int64_t, int>>{{1, 20}, {2, 30}, {3, 0}});
}

TEMPLATE_LIST_TEST_CASE("two descriptors of one table and a self-join, aliased apart, read the right rows",
                        "[typing][issue13]", backends) {
  auto db = TestType::connect();
  seed(*db);
  constexpr auto other = quarry::alias<"other_names">(wide_names);
  auto q = quarry::select(wide.id, other[wide_names.label]).from(wide).join(other).on(other[wide_names.id] == wide.id + 1);
  CHECK(sorted_rows(*db, q) == std::vector<std::tuple<std::int64_t, std::string>>{{1, "two"}, {2, "seven"}});
  // a correlated subquery over the same table, aliased so the outer reference stays outer
  constexpr auto inner = quarry::alias<"inner_wide">(wide);
  auto bigger = quarry::scalar(quarry::select(quarry::count()).from(inner).where(inner[wide.n] > wide.n));
  auto ranks = quarry::select(wide.id, bigger).from(wide);
  CHECK(sorted_rows(*db, ranks) == std::vector<std::tuple<std::int64_t, std::int64_t>>{{1, 0}, {2, 2}, {3, 1}});
}
