// Lifetimes (issue 12, item 7): statements that were given temporaries, rows of a range that are
// prvalues, and results that outlive their connection. None of these may read freed memory: a
// stored statement owns its temporaries, and a result whose connection is gone throws
// quarry::usage_error. Run under AddressSanitizer (build/sanitize) these tests are the proof.

#include <cstddef>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <ranges>
#include <string>
#include <tuple>
#include <vector>

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <quarry/dynamic.hpp>

using namespace test;
using Catch::Matchers::Contains;

namespace {

template <class Db>
void fresh(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
}

/// Longer than any small-string buffer, so a freed copy is a heap use-after-free under ASan.
std::string long_email(int i) { return "a-rather-long-address-number-" + std::to_string(i) + "@example.org"; }

/// Overwrites the stack a dead temporary lived in.
[[gnu::noinline]] void scribble_stack() {
  volatile char junk[4096];
  for (std::size_t i = 0; i < sizeof junk; ++i) junk[i] = static_cast<char>(0x5a);
  (void)junk[0];
}

const User make_const_user(int i) { return User{0, long_email(i), "Const", 40 + i}; }

template <class Db>
auto all_users(Db& db) {
  return db.query(quarry::select(users.email, users.city, users.age).from(users).order_by(users.id)).all();
}

template <class Db>
void seed(Db& db, int n) {
  fresh(db);
  for (int i = 0; i < n; ++i) db.insert(users, User{0, long_email(i), std::nullopt, i});
}

/// A forward range whose iterator makes each row on the fly and returns it by value, as
/// std::views::transform does (written by hand: clang 14 cannot compile libstdc++ 12's views).
template <class Make>
struct made_rows {
  int from, to;
  Make make;
  struct iterator {
    using iterator_concept = std::forward_iterator_tag;
    using value_type = User;
    using difference_type = std::ptrdiff_t;
    const made_rows* r = nullptr;
    int i = 0;
    User operator*() const { return r->make(i); }
    iterator& operator++() {
      ++i;
      return *this;
    }
    iterator operator++(int) {
      iterator t = *this;
      ++i;
      return t;
    }
    bool operator==(const iterator& o) const { return i == o.i; }
  };
  iterator begin() const { return {this, from}; }
  iterator end() const { return {this, to}; }
};
template <class Make>
made_rows<Make> make_rows(int from, int to, Make m) {
  return {from, to, std::move(m)};
}
static_assert(std::ranges::forward_range<const made_rows<User (*)(int)>>);

}  // namespace

TEMPLATE_LIST_TEST_CASE("lifetimes: stored insert statements own the temporaries they were given", "[lifetime]",
                        backends) {
  auto db = TestType::connect();
  fresh(*db);

  // One row, given as a temporary, and a const temporary (a function returning `const User`).
  auto one = quarry::insert_into(users).values(User{0, long_email(1), "Paris", 31});
  auto konst = quarry::insert_into(users).values(make_const_user(2));
  // A range given as a temporary, with and without RETURNING.
  auto many = quarry::insert_into(users).values(std::vector<User>{{0, long_email(3), "Lyon", 1}, {0, long_email(4), std::nullopt, 2}},
                                                quarry::max_rows{1});
  auto many_ret = quarry::insert_into(users)
                      .values(std::vector<User>{{0, long_email(5), "Nice", 3}, {0, long_email(6), "Nice", 4}})
                      .returning(users.email);
  // An upsert whose row was a temporary: conflicts with row 1 and updates its age.
  auto upsert = quarry::insert_into(users)
                    .values(User{0, long_email(1), "Paris", 77})
                    .on_conflict(users.email)
                    .do_update(users.age = quarry::excluded(users.age));
  scribble_stack();

  CHECK(db->execute(one) == 1);
  CHECK(db->execute(konst) == 1);
  CHECK(db->execute(many) == 2);
  auto returned = db->query(many_ret).all();
  REQUIRE(returned.size() == 2);
  CHECK(std::get<0>(returned[0]) == long_email(5));
  CHECK(std::get<0>(returned[1]) == long_email(6));
  CHECK(db->execute(upsert) == 1);

  auto rows = all_users(*db);
  REQUIRE(rows.size() == 6);
  CHECK(rows[0] == std::tuple(long_email(1), std::optional<std::string>("Paris"), 77));
  CHECK(rows[1] == std::tuple(long_email(2), std::optional<std::string>("Const"), 42));
  CHECK(rows[2] == std::tuple(long_email(3), std::optional<std::string>("Lyon"), 1));
  CHECK(rows[3] == std::tuple(long_email(4), std::optional<std::string>(), 2));
}

TEMPLATE_LIST_TEST_CASE("lifetimes: a multi-row insert of a range whose rows are temporaries (made on the fly)",
                        "[lifetime][bulk]", backends) {
  auto db = TestType::connect();
  // Short texts live inside each temporary row (small-string buffer), long ones on the heap: both
  // must be bound before the temporary dies.
  for (bool long_text : {false, true}) {
    INFO("long text: " << long_text);
    fresh(*db);
    auto email = [long_text](int i) { return long_text ? long_email(i) : "e" + std::to_string(i); };
    auto rows = make_rows(0, 7, [&](int i) { return User{0, email(i), "c" + std::to_string(i), i}; });
    CHECK(db->execute(quarry::insert_into(users).values(rows, quarry::max_rows{3})) == 7);
    auto more = make_rows(7, 10, [&](int i) { return User{0, email(i), std::nullopt, i}; });
    CHECK(db->insert_all(users, more) == 3);
    auto ret = db->query(quarry::insert_into(users)
                             .values(make_rows(10, 12, [&](int i) { return User{0, email(i), std::nullopt, i}; }))
                             .returning(users.email))
                   .all();
    REQUIRE(ret.size() == 2);
    CHECK(std::get<0>(ret[0]) == email(10));

    auto stored = all_users(*db);
    REQUIRE(stored.size() == 12);
    for (int i = 0; i < 12; ++i) {
      INFO("row " << i);
      CHECK(std::get<0>(stored[static_cast<std::size_t>(i)]) == email(i));
      CHECK(std::get<2>(stored[static_cast<std::size_t>(i)]) == i);
      if (i < 7) CHECK(std::get<1>(stored[static_cast<std::size_t>(i)]) == "c" + std::to_string(i));
    }
  }
}

TEMPLATE_LIST_TEST_CASE("lifetimes: a result that outlives its connection throws usage_error", "[lifetime]",
                        backends) {
  const auto q = quarry::select(users.email).from(users).order_by(users.id);
  auto closed = [](auto& r) {
    try {
      (void)r.all();
    } catch (const quarry::usage_error& e) {
      CHECK_THAT(e.what(), Contains("connection") && Contains("closed"));
      return true;
    }
    return false;
  };

  SECTION("not started") {
    auto db = TestType::connect();
    seed(*db, 3);
    auto r = db->query(q);
    db.reset();
    scribble_stack();
    CHECK(closed(r));
  }
  SECTION("in the middle of its rows") {
    auto db = TestType::connect();
    seed(*db, 3);
    auto r = db->query(q);
    auto it = r.begin();
    CHECK(*it == std::tuple(long_email(0)));
    db.reset();
    CHECK_THROWS_AS(*it, quarry::usage_error);
    CHECK_THROWS_AS(++it, quarry::usage_error);
  }
  SECTION("a private copy (the same statement nested), raw SQL and a dynamic query") {
    auto db = TestType::connect();
    seed(*db, 3);
    auto outer = db->query(q);
    auto it = outer.begin();
    auto inner = db->query(q);  // the cached statement is busy: a private copy
    auto raw = db->template query_raw<std::tuple<std::string>>("SELECT email FROM users ORDER BY id");
    auto dq = db->dynamic(quarry::select(quarry::dynamic_columns).from(users));
    dq.select(users.email);
    auto dyn = db->query(dq);
    db.reset();
    CHECK_THROWS_AS(++it, quarry::usage_error);
    CHECK(closed(inner));
    CHECK(closed(raw));
    CHECK(closed(dyn));
  }
  SECTION("with a statement hook installed") {
    int finished = 0;
    auto db = TestType::connect();
    seed(*db, 3);
    db->on_statement([&](const quarry::diag::statement_event&) { ++finished; });
    auto r = db->query(q);
    auto it = r.begin();
    const int before = finished;
    db.reset();
    CHECK_THROWS_AS(++it, quarry::usage_error);
    CHECK(finished == before);  // the hook died with the connection: never called
  }
  SECTION("results that are read before the connection closes are unaffected") {
    auto db = TestType::connect();
    seed(*db, 3);
    auto rows = db->query(q).all();
    auto page = db->query(quarry::insert_into(users).values(std::vector<User>{{0, "late@x.org", std::nullopt, 1}}).returning(users.id));
    db.reset();
    CHECK(rows.size() == 3);
    CHECK(page.size() == 1);  // a buffered result holds its rows, not the connection
  }
}

TEMPLATE_LIST_TEST_CASE("lifetimes: a transaction scope that outlives its connection touches nothing", "[lifetime][tx]",
                        backends) {
  SECTION("destroyed after the connection") {
    auto db = TestType::connect();
    seed(*db, 1);
    auto tx = std::make_unique<quarry::transaction>(*db, quarry::tx_options{});
    db->execute(quarry::update(users).set(users.email = std::string("changed")).all_rows());
    db.reset();         // the database rolls the open transaction back when the connection closes
    scribble_stack();
    tx.reset();         // before: ROLLBACK through the destroyed connection (heap-use-after-free)
    SUCCEED();
  }
  SECTION("commit() and rollback() after the connection are usage errors") {
    auto db = TestType::connect();
    seed(*db, 1);
    auto tx = std::make_unique<quarry::transaction>(*db, quarry::tx_options{});
    auto tx2 = std::make_unique<quarry::transaction>(*db, quarry::tx_options{});  // a savepoint
    db.reset();
    CHECK_THROWS_WITH(tx2->commit(), Contains("connection was closed"));
    CHECK_THROWS_WITH(tx->rollback(), Contains("connection was closed"));
  }
}
