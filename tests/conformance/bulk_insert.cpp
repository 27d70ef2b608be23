// Multi-row inserts of a range (insert_into(t).values(range), insert_all): split into statements
// under the parameter limit, every row and every generated id checked, on every backend.

#include <sqlite3.h>

#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

using namespace test;

namespace {

template <class Db>
void fresh_users(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
}

std::vector<User> make_users(std::size_t n, const std::string& prefix = "u") {
  std::vector<User> v;
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<std::string> city;
    if (i % 3 == 1) city = "city" + std::to_string(i);
    v.push_back(User{0, prefix + std::to_string(i) + "@x.org", city, static_cast<std::int32_t>(i % 90)});
  }
  return v;
}

/// Every row of `users`, by id, equals `expected` (ids given separately).
template <class Db>
void check_table(Db& db, const std::vector<User>& expected, const std::vector<std::int64_t>& ids) {
  auto rows = db.query(quarry::select(users).order_by(users.id)).all();
  REQUIRE(rows.size() == expected.size());
  REQUIRE(ids.size() == expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].id == ids[i]);
    CHECK(rows[i].email == expected[i].email);
    CHECK(rows[i].city == expected[i].city);
    CHECK(rows[i].age == expected[i].age);
  }
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("multi-row insert: 0, 1, one batch, one batch + 1, several batches", "[bulk]", backends) {
  auto db = TestType::connect();
  // max_rows{4}: 4 is exactly one batch, 5 is a batch and one row, 11 is 4 + 4 + 3.
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{5}, std::size_t{11}}) {
    INFO("rows: " << n);
    fresh_users(*db);
    const auto v = make_users(n);
    auto rows =
        db->query(quarry::insert_into(users).values(v, quarry::max_rows{4}).returning(users.id, users.email)).all();
    REQUIRE(rows.size() == n);
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < n; ++i) {
      ids.push_back(rows[i][users.id]);
      CHECK(rows[i][users.email] == v[i].email);  // in insertion order
      if (i > 0) CHECK(ids[i] > ids[i - 1]);
    }
    check_table(*db, v, ids);
  }
}

TEMPLATE_LIST_TEST_CASE("multi-row insert without RETURNING, and insert_all", "[bulk]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  const auto v = make_users(11);
  CHECK(db->execute(quarry::insert_into(users).values(v, quarry::max_rows{4})) == 11);
  const auto w = make_users(7, "w");
  CHECK(db->insert_all(users, w, quarry::max_rows{3}) == 7);
  const std::vector<User> none;
  CHECK(db->insert_all(users, none) == 0);
  std::vector<User> all = v;
  all.insert(all.end(), w.begin(), w.end());
  std::vector<std::int64_t> ids;
  for (auto [id] : db->query(quarry::select(users.id).from(users).order_by(users.id))) ids.push_back(id);
  check_table(*db, all, ids);
}

TEMPLATE_LIST_TEST_CASE("multi-row insert with the default batch size", "[bulk]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  // 1000 rows: exactly one default batch; 1001 more: a full batch and one row.
  const auto v = make_users(1000);
  const auto before = db->prepared_statements();
  auto ids = db->query(quarry::insert_into(users).values(v).returning(users.id)).all();
  CHECK(db->prepared_statements() == before + 1);
  const auto w = make_users(1001, "w");
  auto more = db->query(quarry::insert_into(users).values(w).returning(users.id)).all();
  CHECK(db->prepared_statements() == before + 2);  // the 1000-row statement again, plus a 1-row one
  REQUIRE(ids.size() == 1000);
  REQUIRE(more.size() == 1001);
  std::vector<User> all = v;
  all.insert(all.end(), w.begin(), w.end());
  std::vector<std::int64_t> flat;
  for (auto& r : ids) flat.push_back(std::get<0>(r));
  for (auto& r : more) flat.push_back(std::get<0>(r));
  check_table(*db, all, flat);
}

TEMPLATE_LIST_TEST_CASE("multi-row insert prepares the full batch once and reuses it", "[bulk]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  const auto before = db->prepared_statements();
  db->execute(quarry::insert_into(users).values(make_users(11, "a"), quarry::max_rows{4}));
  CHECK(db->prepared_statements() == before + 2);  // the 4-row statement and the 3-row remainder
  db->execute(quarry::insert_into(users).values(make_users(8, "b"), quarry::max_rows{4}));
  CHECK(db->prepared_statements() == before + 2);  // two more 4-row batches: nothing new
  db->execute(quarry::insert_into(users).values(make_users(7, "c"), quarry::max_rows{4}));
  CHECK(db->prepared_statements() == before + 2);  // 4 + 3 again
  CHECK(db->query(quarry::select(quarry::count()).from(users)).one() == std::tuple<std::int64_t>{26});
}

TEMPLATE_LIST_TEST_CASE("multi-row upserts: DO NOTHING and DO UPDATE", "[bulk]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  auto v = make_users(6);
  db->insert(users, v[1]);
  db->insert(users, v[4]);
  // DO NOTHING: only the 4 new rows come back, their ids in insertion order.
  auto rows = db->query(quarry::insert_into(users)
                            .values(v, quarry::max_rows{4})
                            .on_conflict(users.email)
                            .do_nothing()
                            .returning(users.id, users.email))
                  .all();
  REQUIRE(rows.size() == 4);
  std::vector<std::string> emails;
  for (auto& r : rows) emails.push_back(r[users.email]);
  CHECK(emails == std::vector<std::string>{v[0].email, v[2].email, v[3].email, v[5].email});
  CHECK(rows[0][users.id] < rows[1][users.id]);
  CHECK(rows[2][users.id] < rows[3][users.id]);
  // DO UPDATE with a bound value in the SET: every row changes; 2 + 1 parameters per statement.
  for (auto& u : v) u.age = 77;
  auto n = db->execute(quarry::insert_into(users)
                           .values(v, quarry::max_rows{4})
                           .on_conflict(users.email)
                           .do_update(users.age = quarry::excluded(users.age), users.city = std::string("upd")));
  CHECK(n == 6);
  auto all = db->query(quarry::select(users.email, users.age, users.city).from(users).order_by(users.email)).all();
  REQUIRE(all.size() == 6);
  for (auto& r : all) {
    CHECK(r[users.age] == 77);
    CHECK(r[users.city] == "upd");
  }
}

TEMPLATE_LIST_TEST_CASE("a multi-row insert is all or nothing", "[bulk]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  auto v = make_users(10);
  v[9].email = v[0].email;  // the last batch violates the unique email
  CHECK_THROWS_AS(db->execute(quarry::insert_into(users).values(v, quarry::max_rows{4})), quarry::unique_violation);
  CHECK(db->query(quarry::select(quarry::count()).from(users)).one() == std::tuple<std::int64_t>{0});
  // Inside an open transaction the batches run in a savepoint: the outer work survives.
  auto tx = db->begin();
  db->insert(users, User{0, "kept@x.org", std::nullopt, 1});
  CHECK_THROWS_AS(db->execute(quarry::insert_into(users).values(v, quarry::max_rows{4})), quarry::unique_violation);
  tx.commit();
  auto left = db->query(quarry::select(users.email).from(users)).all();
  REQUIRE(left.size() == 1);
  CHECK(left[0][users.email] == "kept@x.org");
}

TEMPLATE_TEST_CASE("multi-row insert batches follow SQLITE_LIMIT_VARIABLE_NUMBER", "[bulk]", test::sqlite_memory,
                   test::sqlite_file) {
  auto db = TestType::connect();
  fresh_users(*db);
  sqlite3_limit(db->native_handle(), SQLITE_LIMIT_VARIABLE_NUMBER, 10);
  REQUIRE(db->max_parameters() == 10);
  const auto before = db->prepared_statements();
  // 3 columns per row, 10 parameters: batches of 3 (3 + 3 + 3 + 1).
  const auto v = make_users(10);
  auto rows = db->query(quarry::insert_into(users).values(v).returning(users.id)).all();
  CHECK(db->prepared_statements() == before + 2);
  REQUIRE(rows.size() == 10);
  std::vector<std::int64_t> ids;
  for (auto& r : rows) ids.push_back(r[users.id]);
  check_table(*db, v, ids);
  // DO UPDATE SET age = ? takes one parameter per statement: (10 - 1) / 3 = 3 rows still.
  auto n =
      db->execute(quarry::insert_into(users).values(v).on_conflict(users.email).do_update(users.age = std::int32_t{5}));
  CHECK(n == 10);
  CHECK(db->query(quarry::select(quarry::count()).from(users).where(users.age == 5)).one() ==
        std::tuple<std::int64_t>{10});
  // A limit below one row's parameters fails in the database, naming the statement.
  sqlite3_limit(db->native_handle(), SQLITE_LIMIT_VARIABLE_NUMBER, 2);
  CHECK_THROWS_AS(db->insert_all(users, make_users(2, "z")), quarry::error);
}

TEMPLATE_LIST_TEST_CASE("insert statements built from temporaries keep them", "[bulk]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  // Stored first, run later: the temporaries given to values() are gone by then, so the
  // statements must own copies (ASan reports the use after scope otherwise).
  auto many = quarry::insert_into(users).values(make_users(5, "t"), quarry::max_rows{2});
  auto one = quarry::insert_into(users).values(User{0, "solo@x.org", std::nullopt, 7});
  auto copy = many;  // copies share the owned range
  CHECK(db->execute(many) == 5);
  CHECK(db->execute(one) == 1);
  CHECK(db->execute(quarry::insert_into(users).values(make_users(3, "c"))) == 3);
  auto rows = db->query(quarry::select(users.email).from(users).order_by(users.id)).all();
  REQUIRE(rows.size() == 9);
  CHECK(std::get<0>(rows[0]) == "t0@x.org");
  CHECK(std::get<0>(rows[4]) == "t4@x.org");
  CHECK(std::get<0>(rows[5]) == "solo@x.org");
  CHECK(std::get<0>(rows[8]) == "c2@x.org");
  (void)copy;
}
