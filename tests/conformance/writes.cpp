// Upserts, RETURNING and INSERT ... SELECT against real databases.

#include "backends.hpp"

#include <algorithm>
#include "catch.hpp"
#include "schema.hpp"

using namespace test;

template <class Db>
static void fresh(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
}

TEMPLATE_LIST_TEST_CASE("upsert DO NOTHING keeps the first row", "[upsert]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  User a{0, "a@x.org", "Paris", 30};
  db->execute(quarry::insert_into(users).values(a).on_conflict(users.email).do_nothing());
  a.age = 99;
  CHECK(db->execute(quarry::insert_into(users).values(a).on_conflict(users.email).do_nothing()) == 0);
  CHECK(db->query(quarry::select(users).where(users.email == "a@x.org")).one().age == 30);
}

TEMPLATE_LIST_TEST_CASE("upsert DO UPDATE with excluded values and a WHERE", "[upsert]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  auto upsert = [&](const User& u) {
    return db->execute(quarry::insert_into(users)
                           .values(u)
                           .on_conflict(users.email)
                           .do_update(users.age = quarry::excluded(users.age), users.city = quarry::excluded(users.city))
                           .where(users.age < quarry::excluded(users.age)));
  };
  upsert(User{0, "a@x.org", "Paris", 30});
  upsert(User{0, "a@x.org", "Lyon", 40});
  auto row = db->query(quarry::select(users).where(users.email == "a@x.org")).one();
  CHECK(row.age == 40);
  CHECK(row.city == "Lyon");
  upsert(User{0, "a@x.org", "Nice", 20});  // WHERE blocks the older value
  CHECK(db->query(quarry::select(users).where(users.email == "a@x.org")).one().city == "Lyon");
  CHECK(db->query(quarry::select(quarry::count()).from(users)).one() == std::tuple<std::int64_t>{1});
}

TEMPLATE_LIST_TEST_CASE("RETURNING gives typed rows", "[returning]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  User a{0, "a@x.org", std::nullopt, 30};
  auto [id, email] = db->query(quarry::insert_into(users).values(a).returning(users.id, users.email)).one();
  CHECK(id > 0);
  CHECK(email == "a@x.org");
  db->insert(users, User{0, "b@x.org", std::nullopt, 50});
  auto ages = db->query(quarry::update(users).set(users.age = users.age + 1).all_rows().returning(users.age)).all();
  CHECK(ages.size() == 2);
  auto gone = db->query(quarry::delete_from(users).where(users.age > 40).returning(users.email)).all();
  REQUIRE(gone.size() == 1);
  CHECK(std::get<0>(gone[0]) == "b@x.org");
}

TEMPLATE_LIST_TEST_CASE("INSERT ... SELECT copies rows", "[writes]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  for (int i = 0; i < 5; ++i) db->insert(users, User{0, "u" + std::to_string(i), std::nullopt, i});
  auto n = db->execute(quarry::insert_into(posts).columns(posts.user_id, posts.title).select(
      quarry::select(users.id, users.email).from(users).where(users.age >= 2)));
  CHECK(n == 3);
  CHECK(db->query(quarry::select(posts.title).from(posts).order_by(posts.id)).all().front() == std::tuple<std::string>{"u2"});
}

// ---- correlated subqueries in SET, DO UPDATE SET and RETURNING (issue 12) ----
// The values of these clauses may read the target row through a subquery; unqualified, the
// subquery's own table would capture the column name ("inv_id" = "id" inside the subquery).

namespace {
struct Invoice {
  std::int64_t id;
  std::string name;
  std::int64_t total;
};
inline constexpr struct invoices_t : quarry::table<"invoices", Invoice> {
  column<&Invoice::id, "id", quarry::primary_key> id;
  column<&Invoice::name, "name"> name;
  column<&Invoice::total, "total"> total;
} invoices;

struct Line {
  std::int64_t id;
  std::int64_t inv_id;
  std::int64_t amount;
};
inline constexpr struct lines_t : quarry::table<"lines", Line> {
  column<&Line::id, "id", quarry::primary_key> id;
  column<&Line::inv_id, "inv_id", quarry::references<&invoices_t::id>> inv_id;
  column<&Line::amount, "amount"> amount;
} lines;

template <class Db>
void fresh_invoices(Db& db) {
  db.drop_table(lines, true);
  db.drop_table(invoices, true);
  db.create_table(invoices);
  db.create_table(lines);
  // No line has inv_id == id: a subquery comparing its own columns finds nothing.
  db.execute(quarry::insert_into(invoices).values(Invoice{1, "one", -1}));
  db.execute(quarry::insert_into(invoices).values(Invoice{2, "two", -1}));
  db.execute(quarry::insert_into(invoices).values(Invoice{3, "three", -1}));
  db.execute(quarry::insert_into(lines).values(Line{1, 2, 7}));
  db.execute(quarry::insert_into(lines).values(Line{2, 1, 10}));
  db.execute(quarry::insert_into(lines).values(Line{3, 1, 20}));
  db.execute(quarry::insert_into(lines).values(Line{4, 2, 5}));
}

auto line_sum() {
  return quarry::coalesce(
      quarry::scalar(quarry::select(quarry::sum(lines.amount)).from(lines).where(lines.inv_id == invoices.id)),
      std::int64_t{0});
}
auto line_count() {
  return quarry::scalar(quarry::select(quarry::count()).from(lines).where(lines.inv_id == invoices.id));
}

using totals_t = std::vector<std::tuple<std::int64_t, std::int64_t>>;
template <class Db>
totals_t totals(Db& db) {
  totals_t out;
  for (const auto& r : db.query(quarry::select(invoices.id, invoices.total).from(invoices).order_by(invoices.id)))
    out.emplace_back(r);
  return out;
}
}  // namespace

TEMPLATE_LIST_TEST_CASE("UPDATE SET with a correlated subquery computes each row's own value", "[writes][issue12]",
                        backends) {
  auto db = TestType::connect();
  fresh_invoices(*db);
  CHECK(db->execute(quarry::update(invoices).set(invoices.total = line_sum()).all_rows()) == 3);
  CHECK(totals(*db) == totals_t{{1, 30}, {2, 12}, {3, 0}});

  // where() next to it, and the target column read on the right-hand side
  db->execute(quarry::update(invoices).set(invoices.total = invoices.total + line_sum()).where(invoices.id == 2));
  CHECK(totals(*db) == totals_t{{1, 30}, {2, 24}, {3, 0}});
}

TEMPLATE_LIST_TEST_CASE("DO UPDATE SET with a correlated subquery reads the existing row", "[upsert][issue12]",
                        backends) {
  auto db = TestType::connect();
  fresh_invoices(*db);
  auto upsert = [&](Invoice v) {
    return db->execute(quarry::insert_into(invoices)
                           .values(v)
                           .on_conflict(invoices.id)
                           .do_update(invoices.total = invoices.total + quarry::excluded(invoices.total) + line_sum())
                           .where(invoices.total < std::int64_t{1000}));
  };
  upsert(Invoice{1, "one", 100});  // -1 + 100 + 30
  upsert(Invoice{2, "two", 1});    // -1 + 1 + 12
  upsert(Invoice{4, "four", 9});   // no conflict: inserted as given
  CHECK(totals(*db) == totals_t{{1, 129}, {2, 12}, {3, -1}, {4, 9}});
}

TEMPLATE_LIST_TEST_CASE("RETURNING a correlated subquery gives each row's own value", "[returning][issue12]",
                        backends) {
  auto db = TestType::connect();
  fresh_invoices(*db);
  auto up = db->query(quarry::update(invoices)
                          .set(invoices.total = line_sum())
                          .all_rows()
                          .returning(invoices.id, invoices.total, line_count()))
                .all();
  std::sort(up.begin(), up.end());
  // COUNT without GROUP BY is one row, never NULL: not optional (issue 13)
  using R = std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>>;
  CHECK(R(up.begin(), up.end()) == R{{1, 30, 2}, {2, 12, 2}, {3, 0, 0}});

  auto ins = db->query(quarry::insert_into(invoices)
                           .values(Invoice{2, "two", 5})
                           .on_conflict(invoices.id)
                           .do_update(invoices.total = quarry::excluded(invoices.total))
                           .returning(invoices.total, line_count()))
                 .one();
  CHECK(ins == std::tuple<std::int64_t, std::int64_t>{5, 2});

  auto del = db->query(quarry::delete_from(invoices).where(invoices.id == 3).returning(invoices.name, line_count())).one();
  CHECK(del == std::tuple<std::string, std::int64_t>{"three", 0});
}
