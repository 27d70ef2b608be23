// Transactions: commit, rollback (explicit, on exception, RAII), savepoints, misuse errors and the
// retry loop of the callback form, on every backend. Concurrency tests are in tests/unit/tx_*.cpp.

#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "backends.hpp"
#include "catch.hpp"

using namespace test;

namespace {

template <class Conn>
void fresh_table(Conn& db) {
  db.exec("DROP TABLE IF EXISTS tx_items");
  db.exec("CREATE TABLE tx_items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
}

template <class T, class Conn>
void add(Conn& db, int id, const std::string& name) {
  db.execute_raw("INSERT INTO tx_items (id, name) VALUES (" + T::ph(1) + ", " + T::ph(2) + ")", id, name);
}

template <class Conn>
std::vector<std::int64_t> ids(Conn& db) {
  std::vector<std::int64_t> out;
  for (auto [id] : db.template query_raw<std::tuple<std::int64_t>>("SELECT id FROM tx_items ORDER BY id")) out.push_back(id);
  return out;
}

using V = std::vector<std::int64_t>;

/// A retryable error as this backend reports it.
template <class T>
quarry::serialization_failure fake_conflict() {
  if (std::string_view(T::name) == "postgres")
    return quarry::serialization_failure(quarry::errc::serialization_failure, "fake 40001", {}, 0, "40001");
  return quarry::serialization_failure(quarry::errc::serialization_failure, "fake busy snapshot", {}, 517);
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("transaction: commit, rollback and RAII rollback", "[tx]", backends) {
  auto db = TestType::connect();
  fresh_table(*db);
  {
    auto tx = db->begin();
    add<TestType>(*db, 1, "a");
    tx.commit();
    CHECK_FALSE(tx.active());
  }
  {
    auto tx = db->begin();
    add<TestType>(*db, 2, "b");
    tx.rollback();
  }
  {
    auto tx = db->begin();
    add<TestType>(*db, 3, "c");
  }  // destroyed without commit: rolled back
  CHECK(ids(*db) == V{1});
  CHECK(db->transaction_state().depth == 0);
}

TEMPLATE_LIST_TEST_CASE("transaction: the callback form commits on return, rolls back on throw", "[tx]", backends) {
  auto db = TestType::connect();
  fresh_table(*db);
  int r = db->transaction([&](quarry::transaction&, int attempt) {
    add<TestType>(*db, 1, "a");
    return attempt * 10;
  });
  CHECK(r == 10);
  CHECK_THROWS_WITH(db->transaction([&](quarry::transaction&) {
    add<TestType>(*db, 2, "b");
    throw std::runtime_error("boom");
  }),
                    "boom");
  CHECK(ids(*db) == V{1});
  // A failing statement (duplicate key) rolls back the whole callback.
  CHECK_THROWS_AS(db->transaction(quarry::tx_options{}, [&](quarry::transaction&) {
    add<TestType>(*db, 5, "x");
    add<TestType>(*db, 1, "dup");
  }),
                  quarry::unique_violation);
  CHECK(ids(*db) == V{1});
}

TEMPLATE_LIST_TEST_CASE("transaction: nested scopes are savepoints", "[tx][savepoint]", backends) {
  auto db = TestType::connect();
  fresh_table(*db);
  {
    auto outer = db->begin();
    add<TestType>(*db, 1, "a");
    {
      auto inner = db->begin();
      CHECK(inner.nested());
      CHECK(inner.savepoint().rfind("quarry_sp_", 0) == 0);
      add<TestType>(*db, 2, "b");
    }  // rolled back to its savepoint
    {
      auto inner = db->begin();
      add<TestType>(*db, 3, "c");
      inner.commit();  // RELEASE
    }
    // A failed statement inside a savepoint: the savepoint is rolled back, the outer scope goes on
    // (on PostgreSQL this is what keeps the outer transaction usable).
    try {
      db->transaction([&](quarry::transaction&) {
        add<TestType>(*db, 4, "d");
        add<TestType>(*db, 1, "dup");
      });
      FAIL("no exception");
    } catch (const quarry::unique_violation&) {
    }
    add<TestType>(*db, 5, "e");
    outer.commit();
  }
  CHECK(ids(*db) == V{1, 3, 5});

  // The outermost rollback undoes released savepoints too.
  {
    auto outer = db->begin();
    {
      auto inner = db->begin();
      add<TestType>(*db, 6, "f");
      inner.commit();
    }
    outer.rollback();
  }
  CHECK(ids(*db) == V{1, 3, 5});
}

TEMPLATE_LIST_TEST_CASE("transaction: misuse is a usage_error", "[tx][errors]", backends) {
  auto db = TestType::connect();
  fresh_table(*db);
  auto tx = db->begin();
  tx.commit();
  CHECK_THROWS_WITH(tx.commit(), Catch::Matchers::Contains("commit() on a transaction that was already committed"));
  CHECK_THROWS_AS(tx.commit(), quarry::usage_error);
  CHECK_THROWS_WITH(tx.rollback(), Catch::Matchers::Contains("rollback() on a transaction that was already committed"));

  auto tx2 = db->begin();
  tx2.rollback();
  CHECK_THROWS_WITH(tx2.commit(), Catch::Matchers::Contains("already rolled back"));
  CHECK_THROWS_AS(tx2.rollback(), quarry::usage_error);

  {
    auto outer = db->begin();
    auto inner = db->begin();
    CHECK_THROWS_WITH(outer.commit(), Catch::Matchers::Contains("nested transaction scope"));
    inner.commit();
    outer.commit();
  }
  CHECK(db->transaction_state().depth == 0);
}

TEMPLATE_LIST_TEST_CASE("transaction: retry re-runs the whole callback", "[tx][retry]", backends) {
  auto db = TestType::connect();
  fresh_table(*db);
  std::vector<int> hooked;
  quarry::tx_options o;
  o.base_delay = std::chrono::microseconds{100};
  o.on_retry = [&](const quarry::retry_event& ev) {
    hooked.push_back(ev.attempt);
    CHECK(ev.max_attempts == 5);
    CHECK(ev.delay <= std::chrono::microseconds{100000});
  };
  int runs = 0;
  db->transaction(o, [&](quarry::transaction&, int attempt) {
    ++runs;
    CHECK(attempt == runs);
    add<TestType>(*db, attempt, "x");  // rolled back with the failed attempt
    if (attempt < 3) throw fake_conflict<TestType>();
  });
  CHECK(runs == 3);
  CHECK(hooked == std::vector<int>{1, 2});
  CHECK(ids(*db) == V{3});

  // Bounded: the last error is rethrown (same class) with the attempt count.
  quarry::tx_options few;
  few.max_attempts = 3;
  few.base_delay = std::chrono::microseconds{0};
  runs = 0;
  try {
    db->transaction(few, [&](quarry::transaction&) {
      ++runs;
      throw fake_conflict<TestType>();
    });
    FAIL("no exception");
  } catch (const quarry::serialization_failure& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("gave up after 3 attempts"));
  }
  CHECK(runs == 3);

  // Errors that are not retryable run once.
  runs = 0;
  CHECK_THROWS_AS(db->transaction([&](quarry::transaction&) {
    ++runs;
    if (std::string_view(TestType::name) == "postgres")
      throw quarry::query_canceled(quarry::errc::query_canceled, "fake 57014", {}, 0, "57014");
    throw quarry::error(quarry::errc::locked, "fake SQLITE_LOCKED", {}, 6);
  }),
                  quarry::error);
  CHECK(runs == 1);
}

TEMPLATE_LIST_TEST_CASE("transaction: a nested scope never swallows a conflict", "[tx][savepoint][retry]", backends) {
  auto db = TestType::connect();
  fresh_table(*db);
  int outer_runs = 0, inner_runs = 0;
  quarry::tx_options o;
  o.max_attempts = 2;
  o.base_delay = std::chrono::microseconds{0};
  CHECK_THROWS_AS(db->transaction(o, [&](quarry::transaction&) {
    ++outer_runs;
    try {
      db->transaction([&](quarry::transaction& inner) {
        CHECK(inner.nested());
        ++inner_runs;
        throw fake_conflict<TestType>();  // not retried here
      });
    } catch (const quarry::transaction_conflict&) {
      // the user swallows it: the outermost scope still cannot commit, and retries
    }
    add<TestType>(*db, 1, "a");
  }),
                  quarry::serialization_failure);
  CHECK(outer_runs == 2);
  CHECK(inner_runs == 2);
  CHECK(ids(*db).empty());
}
