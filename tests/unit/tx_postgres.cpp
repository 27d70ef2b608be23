// PostgreSQL transactions under contention: a forced serialization conflict and a deadlock are
// retried and land once, BEGIN options reach the server, 25P02 is explained, and the bank-transfer
// load proof (SERIALIZABLE + retry, total exact, every successful transfer logged exactly once).
// Needs QUARRY_TEST_PG (unset is a failure, not a skip). QUARRY_TX_LOAD_SCALE scales the load
// test (1 = 8 threads x 2000 transfers; default 0.25).
#include "catch.hpp"

#if QUARRY_TEST_WITH_POSTGRES
#include <quarry/postgres.hpp>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <latch>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace {

using conn = quarry::postgres::connection;
using I64 = std::tuple<std::int64_t>;

std::unique_ptr<conn> connect() {
  const char* c = std::getenv("QUARRY_TEST_PG");
  if (!c || !*c)
    FAIL("QUARRY_TEST_PG is not set: run scripts/test (it starts a throwaway server) or export "
         "QUARRY_TEST_PG=\"host=127.0.0.1 port=5432 dbname=postgres user=postgres\"");
  quarry::postgres::options o;
  o.conninfo = c;
  auto db = std::make_unique<conn>(o);
  static const std::string schema = "tx_unit_" + std::to_string(::getpid());
  db->exec("CREATE SCHEMA IF NOT EXISTS " + schema);
  db->exec("SET search_path TO " + schema);
  return db;
}

std::int64_t scalar(conn& db, const std::string& sql) {
  return std::get<0>(db.query_raw<I64>(sql).one());
}

double load_scale() {
  const char* s = std::getenv("QUARRY_TX_LOAD_SCALE");
  return s && *s ? std::atof(s) : 0.25;
}

}  // namespace

TEST_CASE("postgres: BEGIN carries isolation, READ ONLY and DEFERRABLE", "[tx][pg]") {
  auto db = connect();
  {
    auto tx = db->begin(quarry::serializable_tx{.read_only = true, .deferrable = true});
    auto [iso, ro, df] = db->query_raw<std::tuple<std::string, std::string, std::string>>(
                               "SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only'), "
                               "current_setting('transaction_deferrable')")
                             .one();
    CHECK(iso == "serializable");
    CHECK(ro == "on");
    CHECK(df == "on");
    CHECK_THROWS_AS(db->exec("CREATE TEMP TABLE tx_ro_probe (x int)"), quarry::error);
  }
  {
    auto tx = db->begin(quarry::repeatable_read_tx{});
    CHECK(std::get<0>(db->query_raw<std::tuple<std::string>>("SELECT current_setting('transaction_isolation')").one()) ==
          "repeatable read");
    tx.commit();
  }
  {
    auto tx = db->begin(quarry::read_committed_tx{});
    CHECK(std::get<0>(db->query_raw<std::tuple<std::string>>("SELECT current_setting('transaction_isolation')").one()) ==
          "read committed");
  }
  CHECK_THROWS_WITH(db->begin(quarry::tx_options{.lock = quarry::sqlite_lock::exclusive}),
                    Catch::Matchers::Contains("applies to SQLite only"));
}

TEST_CASE("postgres: 25P02 after a failed statement, and commit() says why", "[tx][pg][errors]") {
  auto db = connect();
  db->exec("DROP TABLE IF EXISTS tx_e; CREATE TABLE tx_e (id int PRIMARY KEY)");
  auto tx = db->begin();
  db->execute_raw("INSERT INTO tx_e VALUES (1)");
  CHECK_THROWS_AS(db->execute_raw("INSERT INTO tx_e VALUES (1)"), quarry::unique_violation);
  CHECK(db->transaction_failed());
  try {
    db->execute_raw("INSERT INTO tx_e VALUES (2)");
    FAIL("no exception");
  } catch (const quarry::error& e) {
    CHECK(e.sqlstate() == "25P02");
    CHECK_THAT(e.what(), Catch::Matchers::Contains("an earlier statement failed"));
  }
  CHECK_THROWS_WITH(tx.commit(), Catch::Matchers::Contains("cannot commit: an earlier statement of this transaction failed"));
  CHECK_FALSE(tx.active());
  CHECK(scalar(*db, "SELECT count(*) FROM tx_e") == 0);

  // A failure inside a nested scope is rolled back to its savepoint: the transaction goes on.
  db->transaction([&](quarry::transaction&) {
    try {
      db->transaction([&](quarry::transaction&) { db->execute_raw("INSERT INTO tx_e VALUES (1), (1)"); });
    } catch (const quarry::unique_violation&) {
    }
    CHECK_FALSE(db->transaction_failed());
    db->execute_raw("INSERT INTO tx_e VALUES (3)");
  });
  CHECK(scalar(*db, "SELECT count(*) FROM tx_e") == 1);
}

TEST_CASE("postgres: a forced serialization conflict is retried and both effects land once", "[tx][pg][retry]") {
  auto setup = connect();
  setup->exec("DROP TABLE IF EXISTS tx_skew; CREATE TABLE tx_skew (id int PRIMARY KEY, val int NOT NULL);"
              "INSERT INTO tx_skew VALUES (1, 0), (2, 0);"
              "DROP TABLE IF EXISTS tx_skew_log; CREATE TABLE tx_skew_log (who text NOT NULL)");
  std::latch both_read(2);
  std::atomic<int> retries{0};
  auto worker = [&](int mine, int other, int add, const char* who) {
    auto db = connect();
    quarry::serializable_tx o;
    o.on_retry = [&](const quarry::retry_event& ev) {
      CHECK(ev.cause.sqlstate() == "40001");
      ++retries;
    };
    db->transaction(o, [&](quarry::transaction&, int attempt) {
      auto v = scalar(*db, "SELECT val FROM tx_skew WHERE id = " + std::to_string(other));
      if (attempt == 1) both_read.arrive_and_wait();  // both read before either writes: write skew
      db->execute_raw("UPDATE tx_skew SET val = $1 WHERE id = $2", v + add, mine);
      db->execute_raw("INSERT INTO tx_skew_log VALUES ($1)", std::string(who));
    });
  };
  std::thread a(worker, 1, 2, 10, "a"), b(worker, 2, 1, 100, "b");
  a.join();
  b.join();
  auto r1 = scalar(*setup, "SELECT val FROM tx_skew WHERE id = 1");
  auto r2 = scalar(*setup, "SELECT val FROM tx_skew WHERE id = 2");
  INFO("row1=" << r1 << " row2=" << r2);
  CHECK(((r1 == 10 && r2 == 110) || (r1 == 110 && r2 == 100)));  // one of the serial orders
  CHECK(scalar(*setup, "SELECT count(*) FROM tx_skew_log WHERE who = 'a'") == 1);
  CHECK(scalar(*setup, "SELECT count(*) FROM tx_skew_log WHERE who = 'b'") == 1);
  CHECK(retries.load() >= 1);
  std::cout << "postgres serialization conflict: retries=" << retries.load() << "\n";
}

TEST_CASE("postgres: a deadlock is detected and retried", "[tx][pg][retry]") {
  auto setup = connect();
  setup->exec("DROP TABLE IF EXISTS tx_dl; CREATE TABLE tx_dl (id int PRIMARY KEY, n int NOT NULL);"
              "INSERT INTO tx_dl VALUES (1, 0), (2, 0)");
  std::latch both_locked(2);
  std::atomic<int> retries{0};
  auto worker = [&](int first, int second) {
    auto db = connect();
    quarry::tx_options o;  // READ COMMITTED: only the deadlock can fail it
    o.on_retry = [&](const quarry::retry_event& ev) {
      CHECK(ev.cause.sqlstate() == "40P01");
      ++retries;
    };
    db->transaction(o, [&](quarry::transaction&, int attempt) {
      db->execute_raw("UPDATE tx_dl SET n = n + 1 WHERE id = $1", first);
      if (attempt == 1) both_locked.arrive_and_wait();
      db->execute_raw("UPDATE tx_dl SET n = n + 1 WHERE id = $1", second);
    });
  };
  std::thread a(worker, 1, 2), b(worker, 2, 1);
  a.join();
  b.join();
  CHECK(scalar(*setup, "SELECT n FROM tx_dl WHERE id = 1") == 2);
  CHECK(scalar(*setup, "SELECT n FROM tx_dl WHERE id = 2") == 2);
  CHECK(retries.load() == 1);
  std::cout << "postgres deadlock: retries=" << retries.load() << "\n";
}

TEST_CASE("postgres: bank transfers under SERIALIZABLE with retry keep the total exact", "[tx][pg][load]") {
  constexpr int accounts = 20;
  constexpr std::int64_t initial = 1000;
  const int threads = 8;
  const int per_thread = std::max(1, static_cast<int>(2000 * load_scale()));
  auto setup = connect();
  setup->exec("DROP TABLE IF EXISTS tx_accounts; DROP TABLE IF EXISTS tx_transfers;"
              "CREATE TABLE tx_accounts (id int PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0));"
              "CREATE TABLE tx_transfers (client_id bigint PRIMARY KEY, src int NOT NULL, dst int NOT NULL, amount bigint NOT NULL)");
  for (int i = 0; i < accounts; ++i) setup->execute_raw("INSERT INTO tx_accounts VALUES ($1, $2)", i, initial);

  std::atomic<long> retries{0}, failures{0};
  std::vector<std::vector<std::int64_t>> done(static_cast<std::size_t>(threads));
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      auto db = connect();
      std::mt19937 rng(static_cast<unsigned>(t * 7919 + 1));
      std::uniform_int_distribution<int> acc(0, accounts - 1), amt(1, 50);
      quarry::serializable_tx o;
      o.max_attempts = 100;
      o.on_retry = [&](const quarry::retry_event&) { ++retries; };
      for (int i = 0; i < per_thread; ++i) {
        int src = acc(rng), dst = acc(rng);
        while (dst == src) dst = acc(rng);
        std::int64_t amount = amt(rng);
        std::int64_t id = std::int64_t{t} * 1000000 + i;
        try {
          bool moved = db->transaction(o, [&](quarry::transaction&) {
            auto bal = scalar(*db, "SELECT balance FROM tx_accounts WHERE id = " + std::to_string(src));
            if (bal < amount) return false;
            db->execute_raw("UPDATE tx_accounts SET balance = balance - $1 WHERE id = $2", amount, src);
            db->execute_raw("UPDATE tx_accounts SET balance = balance + $1 WHERE id = $2", amount, dst);
            db->execute_raw("INSERT INTO tx_transfers VALUES ($1, $2, $3, $4)", id, src, dst, amount);
            return true;
          });
          if (moved) done[static_cast<std::size_t>(t)].push_back(id);
        } catch (const quarry::error& e) {
          ++failures;
          UNSCOPED_INFO("transfer failed: " << e.what());
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::size_t succeeded = 0;
  for (auto& v : done) succeeded += v.size();
  CHECK(failures.load() == 0);
  CHECK(scalar(*setup, "SELECT sum(balance)::bigint FROM tx_accounts") == accounts * initial);
  CHECK(scalar(*setup, "SELECT count(*) FROM tx_transfers") == static_cast<std::int64_t>(succeeded));
  // Every successful transfer is in the log exactly once (client_id is the primary key), and the
  // balances are exactly what the log says.
  std::int64_t missing = 0;
  for (auto& v : done)
    for (auto id : v) missing += scalar(*setup, "SELECT count(*) FROM tx_transfers WHERE client_id = " + std::to_string(id)) == 1 ? 0 : 1;
  CHECK(missing == 0);
  CHECK(scalar(*setup,
               "SELECT count(*) FROM tx_accounts a WHERE a.balance <> " + std::to_string(initial) +
                   " - COALESCE((SELECT sum(amount) FROM tx_transfers WHERE src = a.id), 0)"
                   " + COALESCE((SELECT sum(amount) FROM tx_transfers WHERE dst = a.id), 0)") == 0);
  std::cout << "postgres bank transfer: " << threads << " threads x " << per_thread << " transfers, " << succeeded
            << " moved money, retries=" << retries.load() << ", failures=" << failures.load() << ", " << secs << " s\n";
}
#else
TEST_CASE("PostgreSQL backend disabled", "[tx][pg]") { SUCCEED("built with QUARRY_WITH_POSTGRES=OFF"); }
#endif
