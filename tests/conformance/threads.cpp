// One connection used by two threads at once (issue 12, item 8): documented as unsupported, and
// detected. While thread A is inside an operation of a connection, thread B's calls on it throw
// quarry::usage_error and touch nothing, so A's statement completes and the database is intact.
// Legitimate use never trips the check: nested results and statements on one thread, statements
// inside a transaction callback or a statement hook's thread, and a connection handed to another
// thread and used there serially. Catch2 assertions run on the main thread only.

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <vector>

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

using namespace test;
using Catch::Matchers::Contains;

namespace {

/// A one-shot signal with a timeout, so a broken test fails instead of hanging.
class signal {
 public:
  void raise() {
    std::lock_guard<std::mutex> l(m_);
    up_ = true;
    cv_.notify_all();
  }
  bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    std::unique_lock<std::mutex> l(m_);
    return cv_.wait_for(l, timeout, [&] { return up_; });
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  bool up_ = false;
};

template <class Db>
void seed(Db& db, int n) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
  for (int i = 0; i < n; ++i) db.insert(users, User{0, "u" + std::to_string(i) + "@x.org", std::nullopt, i});
}

/// What thread B saw for one call: "usage: <message>", "other: <message>" or "ok".
template <class F>
std::string attempt(F&& f) {
  try {
    f();
    return "ok";
  } catch (const quarry::usage_error& e) {
    return std::string("usage: ") + e.what();
  } catch (const std::exception& e) {
    return std::string("other: ") + e.what();
  }
}

/// Thread B's calls into a connection that thread A is using.
template <class Db, class Result>
std::vector<std::string> intrude(Db& db, Result& pending) {
  std::vector<std::string> seen;
  seen.push_back(attempt([&] { (void)db.query(quarry::select(users)).all(); }));
  seen.push_back(attempt([&] { (void)db.insert(users, User{0, "intruder@x.org", std::nullopt, 1}); }));
  seen.push_back(attempt([&] { (void)db.execute(quarry::delete_from(users).all_rows()); }));
  seen.push_back(attempt([&] { (void)db.execute_raw("DELETE FROM users"); }));
  seen.push_back(attempt([&] { db.exec("DELETE FROM users"); }));
  seen.push_back(attempt([&] { db.transaction([&](quarry::transaction&) { db.exec("DELETE FROM users"); }); }));
  seen.push_back(attempt([&] { (void)pending.all(); }));  // stepping a result of this connection
  return seen;
}

template <class Db>
void check_intact(Db& db, int n) {
  auto rows = db.query(quarry::select(users).order_by(users.id)).all();
  REQUIRE(rows.size() == static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) CHECK(rows[static_cast<std::size_t>(i)].email == "u" + std::to_string(i) + "@x.org");
}

void check_all_refused(const std::vector<std::string>& seen) {
  REQUIRE(seen.size() == 7);
  for (const auto& s : seen) {
    INFO(s);
    CHECK_THAT(s, Contains("usage: quarry: ") && Contains("another thread") && Contains("one connection per thread"));
  }
}

/// Blocks in statement_started until released: thread A is then inside db.query().
struct blocking_observer : quarry::diag::statement_observer {
  signal inside, release;
  bool armed = true;
  void statement_started(const quarry::diag::statement_event&) override {
    if (!armed) return;
    armed = false;
    inside.raise();
    release.wait();
  }
};

}  // namespace

TEMPLATE_LIST_TEST_CASE("threads: a second thread using a busy connection gets usage_error", "[threads]", backends) {
  auto db = TestType::connect();
  seed(*db, 5);
  auto pending = db->query(quarry::select(users.id).from(users));  // not started yet
  blocking_observer obs;
  db->add_observer(obs);

  std::optional<std::size_t> a_rows;
  std::string a_error;
  std::thread a([&] {
    try {
      a_rows = db->query(quarry::select(users)).all().size();
    } catch (const std::exception& e) {
      a_error = e.what();
    }
  });
  REQUIRE(obs.inside.wait());
  auto seen = intrude(*db, pending);
  obs.release.raise();
  a.join();
  db->remove_observer(obs);

  CHECK(a_error.empty());
  CHECK(a_rows == std::optional<std::size_t>(5));
  check_all_refused(seen);
  check_intact(*db, 5);
  CHECK(pending.all().size() == 5);  // the refused step left the result usable
}

namespace {
signal* sqlite_inside = nullptr;
signal* sqlite_release = nullptr;
void sqlite_block(sqlite3_context* ctx, int, sqlite3_value**) {
  sqlite_inside->raise();
  sqlite_release->wait();
  sqlite3_result_int(ctx, 1);
}
}  // namespace

TEMPLATE_LIST_TEST_CASE("threads: SQLite: another thread calls in while a statement is being stepped", "[threads]",
                        backends) {
  if constexpr (std::is_same_v<typename TestType::connection, quarry::sqlite::connection>) {
    auto db = TestType::connect();
    seed(*db, 5);
    auto pending = db->query(quarry::select(users.id).from(users));
    signal inside, release;
    sqlite_inside = &inside;
    sqlite_release = &release;
    REQUIRE(sqlite3_create_function_v2(db->native_handle(), "quarry_test_block", 0, SQLITE_UTF8, nullptr, &sqlite_block,
                                       nullptr, nullptr, nullptr) == SQLITE_OK);
    // Thread A steps a recursive CTE of 100,000 rows; at row 50,000 it blocks until B is done.
    std::int64_t a_sum = 0;
    std::string a_error;
    std::thread a([&] {
      try {
        for (auto [x] : db->template query_raw<std::tuple<std::int64_t>>(
                 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000) "
                 "SELECT CASE WHEN x = 50000 THEN x * quarry_test_block() ELSE x END FROM c"))
          a_sum += x;
      } catch (const std::exception& e) {
        a_error = e.what();
      }
    });
    REQUIRE(inside.wait());
    auto seen = intrude(*db, pending);
    release.raise();
    a.join();

    CHECK(a_error.empty());
    CHECK(a_sum == std::int64_t{100000} * 100001 / 2);
    check_all_refused(seen);
    check_intact(*db, 5);
    CHECK(db->template query_raw<std::tuple<std::string>>("PRAGMA integrity_check").one() == std::tuple<std::string>("ok"));
  }
}

TEMPLATE_LIST_TEST_CASE("threads: PostgreSQL: another thread calls in during pg_sleep", "[threads]", backends) {
  if constexpr (std::is_same_v<typename TestType::connection, quarry::postgres::connection>) {
    auto db = TestType::connect();
    auto monitor = TestType::connect();
    seed(*db, 5);
    auto pending = db->query(quarry::select(users.id).from(users));
    const int pid = db->backend_pid();
    std::optional<std::tuple<std::int64_t>> a_row;
    std::string a_error;
    std::thread a([&] {
      try {
        a_row = db->template query_raw<std::tuple<std::int64_t>>("SELECT 42::int8 FROM pg_sleep(1.5)").one();
      } catch (const std::exception& e) {
        a_error = e.what();
      }
    });
    // Thread A is inside the call once the server runs its pg_sleep.
    bool running = false;
    for (int i = 0; i < 400 && !running; ++i) {
      running = monitor->template query_raw<std::tuple<std::int64_t>>(
                           "SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE "
                           "'%pg_sleep(1.5)%'",
                           std::int64_t{pid})
                        .one() == std::tuple<std::int64_t>(1);
      if (!running) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::vector<std::string> seen;
    if (running) seen = intrude(*db, pending);
    a.join();
    REQUIRE(running);

    CHECK(a_error.empty());
    CHECK(a_row == std::optional<std::tuple<std::int64_t>>(std::tuple<std::int64_t>(42)));
    check_all_refused(seen);
    check_intact(*db, 5);
    CHECK(pending.all().size() == 5);
  }
}

TEMPLATE_LIST_TEST_CASE("threads: legitimate single-thread and serial use is never refused", "[threads]", backends) {
  auto db = TestType::connect();
  seed(*db, 3);

  SECTION("nested results, statements while a result is stepped, a transaction callback, a hook") {
    int hooked = 0;
    db->on_statement([&](const quarry::diag::statement_event&) { ++hooked; });
    std::size_t inner_rows = 0;
    for (auto [id] : db->query(quarry::select(users.id).from(users))) {
      for (auto [id2] : db->query(quarry::select(users.id).from(users))) inner_rows += id2 > 0 ? 1 : 0;
      db->execute(quarry::update(users).set(users.age = 9).where(users.id == id));
    }
    CHECK(inner_rows == 9);
    db->transaction([&](quarry::transaction&) {
      db->insert(users, User{0, "tx@x.org", std::nullopt, 1});
      db->transaction([&](quarry::transaction&) { (void)db->query(quarry::select(users.id).from(users)).all(); });
    });
    CHECK(db->query(quarry::select(users.id).from(users)).all().size() == 4);
    CHECK(hooked > 0);
  }
  SECTION("a connection handed to another thread and used there serially, then handed back") {
    auto pending = db->query(quarry::select(users.id).from(users).order_by(users.id));
    auto it = pending.begin();
    std::string t_error;
    std::size_t t_rows = 0;
    std::thread t([&] {
      try {
        db->insert(users, User{0, "elsewhere@x.org", std::nullopt, 2});
        t_rows = db->query(quarry::select(users)).all().size();
        ++it;  // a result stepped on the other thread, while this one waits
      } catch (const std::exception& e) {
        t_error = e.what();
      }
    });
    t.join();
    CHECK(t_error.empty());
    CHECK(t_rows == 4);
    ++it;
    CHECK(std::get<0>(*it) == 3);
    CHECK(db->query(quarry::select(users)).all().size() == 4);
  }
}
