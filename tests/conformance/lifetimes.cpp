// Lifetimes (issue 12, item 7): statements that were given temporaries, rows of a range that are
// prvalues, and results that outlive their connection. None of these may read freed memory: a
// stored statement owns its temporaries, and a result whose connection is gone throws
// quarry::usage_error. Run under AddressSanitizer (build/sanitize) these tests are the proof.

#include <cstring>
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

TEMPLATE_LIST_TEST_CASE("lifetimes: a multi-row insert of a range whose rows are temporaries (a transform view)",
                        "[lifetime][bulk]", backends) {
  auto db = TestType::connect();
  // Short texts live inside each temporary row (small-string buffer), long ones on the heap: both
  // must be bound before the temporary dies.
  for (bool long_text : {false, true}) {
    INFO("long text: " << long_text);
    fresh(*db);
    auto email = [long_text](int i) { return long_text ? long_email(i) : "e" + std::to_string(i); };
    auto rows = std::views::iota(0, 7) | std::views::transform([&](int i) {
                  return User{0, email(i), "c" + std::to_string(i), i};
                });
    CHECK(db->execute(quarry::insert_into(users).values(rows, quarry::max_rows{3})) == 7);
    auto more = std::views::iota(7, 10) | std::views::transform([&](int i) { return User{0, email(i), std::nullopt, i}; });
    CHECK(db->insert_all(users, more) == 3);
    auto ret = db->query(quarry::insert_into(users)
                             .values(std::views::iota(10, 12) |
                                     std::views::transform([&](int i) { return User{0, email(i), std::nullopt, i}; }))
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
