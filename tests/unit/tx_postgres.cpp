// PostgreSQL transactions under contention: a forced serialization conflict and a deadlock are
// retried and land once, which SQLSTATEs are retried (table-driven, plus real unique-violation and
// lock-not-available races), BEGIN options reach the server, 25P02 names the earlier error, a
// backend terminated between statements is re-run on a new session, a loss during COMMIT (and
// 08007 / 40003) is an ambiguous_commit, and the bank-transfer load proof (SERIALIZABLE + retry,
// total exact, every successful transfer logged exactly once).
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
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace {

using conn = quarry::postgres::connection;
using I64 = std::tuple<std::int64_t>;

const std::string& schema();

std::unique_ptr<conn> connect() {
  const char* c = std::getenv("QUARRY_TEST_PG");
  if (!c || !*c)
    FAIL("QUARRY_TEST_PG is not set: run scripts/test (it starts a throwaway server) or export "
         "QUARRY_TEST_PG=\"host=127.0.0.1 port=5432 dbname=postgres user=postgres\"");
  quarry::postgres::options o;
  o.conninfo = c;
  auto db = std::make_unique<conn>(o);
  db->exec("CREATE SCHEMA IF NOT EXISTS " + schema());
  db->exec("SET search_path TO " + schema());
  return db;
}

/// This process's schema. Tests that reconnect name their tables with it: a new session has lost
/// `SET search_path`.
const std::string& schema() {
  static const std::string s = "tx_unit_" + std::to_string(::getpid());
  return s;
}
std::string qualified(const std::string& table) { return schema() + "." + table; }

/// Terminates `victim`'s server process from `by` and waits until it is gone
/// (pg_terminate_backend with a timeout waits for the process to exit).
void terminate(conn& by, const conn& victim) {
  bool gone = std::get<0>(by.query_raw<std::tuple<bool>>("SELECT pg_terminate_backend($1::int, 30000)", victim.backend_pid()).one());
  REQUIRE(gone);
}

/// On another thread: waits until `pid` sleeps in pg_sleep (in a deferred trigger at COMMIT), then
/// terminates it. Returns what went wrong, if anything (Catch assertions are not thread-safe).
std::string terminate_when_sleeping(int pid) noexcept {
  try {
    auto by = connect();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};  // a hang guard only
    while (std::get<0>(by->query_raw<I64>("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int AND "
                                          "wait_event = 'PgSleep'",
                                          pid)
                           .one()) == 0) {
      if (std::chrono::steady_clock::now() > deadline) return "the session never slept in COMMIT";
      std::this_thread::sleep_for(std::chrono::milliseconds{5});
    }
    by->query_raw<std::tuple<bool>>("SELECT pg_terminate_backend($1::int, 30000)", pid).one();
    return {};
  } catch (const std::exception& e) {
    return e.what();
  }
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
  CHECK_THAT(db->transaction_failure(), Catch::Matchers::StartsWith("23505 duplicate key value violates unique constraint") &&
                                            Catch::Matchers::Contains("INSERT INTO tx_e VALUES (1)"));
  for (int i = 0; i < 2; ++i) {  // every later statement names the error that aborted the transaction
    try {
      db->execute_raw("INSERT INTO tx_e VALUES (2)");
      FAIL("no exception");
    } catch (const quarry::usage_error& e) {
      CHECK(e.sqlstate() == "25P02");
      CHECK_THAT(e.what(), Catch::Matchers::Contains("the transaction failed earlier with 23505 duplicate key value") &&
                               Catch::Matchers::Contains("(SQL: INSERT INTO tx_e VALUES (1))") &&
                               Catch::Matchers::Contains("roll the transaction back (or leave the transaction scope) "
                                                         "before running more statements"));
    }
  }
  CHECK_THROWS_WITH(tx.commit(), Catch::Matchers::Contains("cannot commit: an earlier statement of this transaction failed "
                                                           "(23505 duplicate key value"));
  CHECK_FALSE(tx.active());
  CHECK(db->transaction_failure().empty());  // rolled back: nothing is failed any more
  CHECK(scalar(*db, "SELECT count(*) FROM tx_e") == 0);

  // The next transaction's 25P02 names its own error, not the previous one.
  {
    auto tx2 = db->begin();
    CHECK_THROWS_AS(db->exec("SELECT 1/0"), quarry::error);
    try {
      db->exec("SELECT 1");
      FAIL("no exception");
    } catch (const quarry::usage_error& err) {
      CHECK_THAT(err.what(), Catch::Matchers::Contains("failed earlier with 22012 division by zero (SQL: SELECT 1/0)") &&
                                 !Catch::Matchers::Contains("23505"));
    }
  }

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
  // Usually 1; on a loaded machine both sessions' deadlock checks can run before the first victim's
  // locks are gone, and both are aborted (and may deadlock again on the re-run).
  CHECK(retries.load() >= 1);
  std::cout << "postgres deadlock: retries=" << retries.load() << "\n";
}

TEST_CASE("postgres: which SQLSTATEs the callback form retries", "[tx][pg][retry]") {
  auto db = connect();
  using opts = quarry::tx_options;
  struct row {
    const char* code;
    void (*opt)(opts&);
    bool retried;
  };
  void (*defaults)(opts&) = [](opts&) {};
  void (*no_deadlock)(opts&) = [](opts& o) { o.retry_deadlock = false; };
  void (*unique)(opts&) = [](opts& o) { o.retry_unique_violation = true; };
  void (*exclusion)(opts&) = [](opts& o) { o.retry_exclusion_violation = true; };
  void (*lock)(opts&) = [](opts& o) { o.retry_lock_not_available = true; };
  void (*all)(opts&) = [](opts& o) {
    o.retry_unique_violation = o.retry_exclusion_violation = o.retry_lock_not_available = true;
  };
  const row table[] = {
      {"40001", defaults, true},  {"40P01", defaults, true},   {"40P01", no_deadlock, false},
      {"23505", defaults, false}, {"23505", unique, true},     {"23P01", defaults, false},
      {"23P01", exclusion, true}, {"55P03", defaults, false},  {"55P03", lock, true},
      {"57014", all, false},      {"08007", all, false},       {"40003", all, false},
      {"23503", all, false},      {"P0001", all, false},       {"25P02", all, false},
  };
  for (const row& r : table) {
    INFO("SQLSTATE " << r.code << (r.retried ? " retried" : " not retried"));
    opts o;
    o.base_delay = std::chrono::microseconds{0};
    r.opt(o);
    std::vector<std::string> causes;
    o.on_retry = [&](const quarry::retry_event& ev) { causes.push_back(ev.cause.sqlstate()); };
    int runs = 0;
    auto body = [&](quarry::transaction&, int attempt) {
      ++runs;
      db->execute_raw("INSERT INTO tx_codes VALUES ($1)", attempt);
      if (attempt == 1)  // a real server error with this SQLSTATE
        db->exec(std::string("DO $$BEGIN RAISE EXCEPTION 'raised by the test' USING ERRCODE = '") + r.code + "'; END$$");
    };
    db->exec("DROP TABLE IF EXISTS tx_codes; CREATE TABLE tx_codes (attempt int NOT NULL)");
    if (r.retried) {
      db->transaction(o, body);
      CHECK(runs == 2);
      CHECK(causes == std::vector<std::string>{r.code});
      CHECK(scalar(*db, "SELECT count(*) FROM tx_codes WHERE attempt = 2") == 1);
    } else {
      try {
        db->transaction(o, body);
        FAIL("no exception");
      } catch (const quarry::error& e) {
        CHECK(e.sqlstate() == r.code);
        CHECK_THAT(e.what(), !Catch::Matchers::Contains("gave up after"));
      }
      CHECK(runs == 1);
      CHECK(causes.empty());
    }
    CHECK(scalar(*db, "SELECT count(*) FROM tx_codes WHERE attempt = 1") == 0);  // the failed attempt left nothing
  }
}

TEST_CASE("postgres: real races: an insert race (23505) and NOWAIT (55P03) are retried only when opted in; "
          "statement_timeout (57014) never",
          "[tx][pg][retry]") {
  auto other = connect();
  auto db = connect();
  other->exec("DROP TABLE IF EXISTS tx_claims; CREATE TABLE tx_claims (job text PRIMARY KEY, owner text NOT NULL);"
              "DROP TABLE IF EXISTS tx_lk; CREATE TABLE tx_lk (id int PRIMARY KEY, n int NOT NULL);"
              "INSERT INTO tx_lk VALUES (1, 0)");
  for (bool opted_in : {false, true}) {
    INFO("opted in: " << opted_in);
    // Check-then-insert: another session claims the job between our check and our insert.
    other->exec("DELETE FROM tx_claims");
    quarry::tx_options o;
    o.base_delay = std::chrono::microseconds{0};
    o.retry_unique_violation = opted_in;
    std::vector<std::string> causes;
    o.on_retry = [&](const quarry::retry_event& ev) { causes.push_back(ev.cause.sqlstate()); };
    int runs = 0;
    auto claim = [&] {
      return db->transaction(o, [&](quarry::transaction&, int attempt) {
        ++runs;
        auto owner = db->query_raw<std::tuple<std::string>>("SELECT owner FROM tx_claims WHERE job = 'j'").first();
        if (owner) return std::get<0>(*owner);
        if (attempt == 1) other->execute_raw("INSERT INTO tx_claims VALUES ('j', 'other')");  // commits first
        db->execute_raw("INSERT INTO tx_claims VALUES ('j', 'me')");
        return std::string("me");
      });
    };
    if (opted_in) {
      CHECK(claim() == "other");  // the re-run sees the winner's row
      CHECK(runs == 2);
      CHECK(causes == std::vector<std::string>{"23505"});
    } else {
      CHECK_THROWS_AS(claim(), quarry::unique_violation);
      CHECK(runs == 1);
    }

    // SELECT ... FOR UPDATE NOWAIT on a row another session holds: 55P03.
    std::optional<quarry::transaction> holder;
    holder.emplace(*other, quarry::tx_options{});
    other->execute_raw("UPDATE tx_lk SET n = n + 1 WHERE id = 1");
    quarry::tx_options l;
    l.base_delay = std::chrono::microseconds{0};
    l.retry_lock_not_available = opted_in;
    causes.clear();
    l.on_retry = [&](const quarry::retry_event& ev) {
      causes.push_back(ev.cause.sqlstate());
      holder->commit();  // the lock goes away before the next attempt
    };
    runs = 0;
    auto bump = [&] {
      db->transaction(l, [&](quarry::transaction&) {
        ++runs;
        db->execute_raw("SELECT n FROM tx_lk WHERE id = 1 FOR UPDATE NOWAIT");
        db->execute_raw("UPDATE tx_lk SET n = n + 1 WHERE id = 1");
      });
    };
    std::int64_t before = scalar(*db, "SELECT n FROM tx_lk WHERE id = 1");
    if (opted_in) {
      bump();
      CHECK(runs == 2);
      CHECK(causes == std::vector<std::string>{"55P03"});
      CHECK(scalar(*db, "SELECT n FROM tx_lk WHERE id = 1") == before + 2);
    } else {
      try {
        bump();
        FAIL("no exception");
      } catch (const quarry::error& e) {
        CHECK(e.sqlstate() == "55P03");
      }
      CHECK(runs == 1);
      holder->rollback();
      CHECK(scalar(*db, "SELECT n FROM tx_lk WHERE id = 1") == before);
    }
  }

  // statement_timeout: never retried, whatever is opted in.
  quarry::tx_options all;
  all.retry_unique_violation = all.retry_exclusion_violation = all.retry_lock_not_available = true;
  int runs = 0;
  try {
    db->transaction(all, [&](quarry::transaction&) {
      ++runs;
      db->exec("SET LOCAL statement_timeout = '50ms'");
      db->exec("SELECT pg_sleep(30)");
    });
    FAIL("no exception");
  } catch (const quarry::query_canceled& e) {
    CHECK(e.sqlstate() == "57014");
  }
  CHECK(runs == 1);
}

TEST_CASE("postgres: a backend terminated between statements is re-run on a new session and commits once",
          "[tx][pg][retry][fault]") {
  auto admin = connect();
  const std::string t = qualified("tx_fault");
  admin->exec("DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t + " (id int PRIMARY KEY, attempt int NOT NULL)");
  auto db = connect();
  const int first_pid = db->backend_pid();
  std::vector<int> hooked;
  std::vector<quarry::errc> causes;
  quarry::serializable_tx o;
  o.on_retry = [&](const quarry::retry_event& ev) {
    hooked.push_back(ev.attempt);
    causes.push_back(ev.cause.category());
  };
  const std::string ins = "INSERT INTO " + t + " VALUES ($1, $2)";
  int runs = 0;
  int result = db->transaction(o, [&](quarry::transaction&, int attempt) {
    ++runs;
    db->execute_raw(ins, 1, attempt);
    db->execute_raw(ins, 2, attempt);  // the second run prepares the statement by name on the server
    if (attempt == 1) terminate(*admin, *db);
    db->execute_raw(ins, 3, attempt);  // attempt 1: the session is gone
    return attempt;
  });
  CHECK(result == 2);
  CHECK(runs == 2);
  CHECK(hooked == std::vector<int>{1});
  CHECK(causes == std::vector<quarry::errc>{quarry::errc::connection_lost});
  CHECK(db->backend_pid() != first_pid);  // a new server session
  CHECK_FALSE(db->broken());
  CHECK(scalar(*admin, "SELECT count(*) FROM " + t) == 3);  // committed once, by attempt 2 only
  CHECK(scalar(*admin, "SELECT count(*) FROM " + t + " WHERE attempt = 2") == 3);
  db->execute_raw(ins, 4, 0);  // statements prepared in the old session work in the new one
  db->execute_raw(ins, 5, 0);

  // Switched off, the loss reaches the caller and nothing is re-run.
  o.retry_connection_lost = false;
  runs = 0;
  hooked.clear();
  CHECK_THROWS_AS(db->transaction(o,
                                  [&](quarry::transaction&, int attempt) {
                                    ++runs;
                                    db->execute_raw(ins, 10 + attempt, attempt);
                                    terminate(*admin, *db);
                                    db->execute_raw(ins, 20 + attempt, attempt);
                                  }),
                  quarry::connection_lost);
  CHECK(runs == 1);
  CHECK(hooked.empty());
  CHECK(db->broken());
  {  // reconnect() is refused inside a transaction scope; with none it opens a new session
    quarry::tx_options plain;
    plain.retry_connection_lost = false;
    CHECK_THROWS_AS(db->begin(plain), quarry::connection_lost);
  }
  db->reconnect();
  CHECK_FALSE(db->broken());
  {
    auto tx = db->begin();
    CHECK_THROWS_WITH(db->reconnect(), Catch::Matchers::Contains("reconnect() inside a transaction scope"));
  }
  CHECK(scalar(*db, "SELECT count(*) FROM " + t) == 5);
}

TEST_CASE("postgres: COMMIT on a connection known to be lost is connection_lost; a loss only COMMIT discovers is "
          "ambiguous_commit",
          "[tx][pg][fault]") {
  auto admin = connect();
  auto db = connect();
  const std::string t = qualified("tx_lost");
  admin->exec("DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t + " (id int PRIMARY KEY)");
  {
    auto tx = db->begin();
    db->execute_raw("INSERT INTO " + t + " VALUES (1)");
    terminate(*admin, *db);
    CHECK_THROWS_AS(db->execute_raw("INSERT INTO " + t + " VALUES (2)"), quarry::connection_lost);
    CHECK(db->broken());
    try {
      tx.commit();  // nothing is sent: the outcome is known
      FAIL("no exception");
    } catch (const quarry::connection_lost& e) {
      CHECK_THAT(e.what(), Catch::Matchers::Contains("lost before COMMIT was sent") &&
                               Catch::Matchers::Contains("did not commit"));
    }
    CHECK_FALSE(tx.active());
  }
  db->reconnect();
  {
    auto tx = db->begin();
    db->execute_raw("INSERT INTO " + t + " VALUES (3)");
    terminate(*admin, *db);
    CHECK_FALSE(db->broken());  // libpq learns of it from COMMIT's reply only
    try {
      tx.commit();
      FAIL("no exception");
    } catch (const quarry::ambiguous_commit& e) {
      CHECK(e.category() == quarry::errc::ambiguous_commit);
      CHECK_THAT(e.what(), Catch::Matchers::Contains("while COMMIT was in flight"));
    }
    CHECK_FALSE(tx.active());
  }
  db->reconnect();
  CHECK(scalar(*db, "SELECT count(*) FROM " + t) == 0);
}

TEST_CASE("postgres: a connection lost during COMMIT, or 08007 / 40003 from COMMIT, is ambiguous_commit and never "
          "retried",
          "[tx][pg][fault]") {
  auto admin = connect();
  const std::string t = qualified("tx_amb");
  const std::string fn = qualified("tx_amb_at_commit");
  // A deferred constraint trigger runs at COMMIT: it sleeps (so that COMMIT is in flight while the
  // session is terminated) or raises the SQLSTATE the row asks for.
  admin->exec("DROP TABLE IF EXISTS " + t + "; CREATE TABLE " + t +
              " (id int PRIMARY KEY, slow bool NOT NULL DEFAULT false, fail_with text);"
              "CREATE OR REPLACE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              " IF NEW.slow THEN PERFORM pg_sleep(120); END IF;"
              " IF NEW.fail_with IS NOT NULL THEN RAISE EXCEPTION 'fails at COMMIT' USING ERRCODE = NEW.fail_with; END IF;"
              " RETURN NULL; END $$;"
              "CREATE CONSTRAINT TRIGGER tx_amb_commit AFTER INSERT ON " + t +
              " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION " + fn + "()");
  auto db = connect();
  int runs = 0, retries = 0;
  quarry::tx_options o;
  o.on_retry = [&](const quarry::retry_event&) { ++retries; };

  // The callback form: terminated while COMMIT runs.
  std::string killer_error;
  std::jthread killer([&, pid = db->backend_pid()] { killer_error = terminate_when_sleeping(pid); });
  try {
    db->transaction(o, [&](quarry::transaction&) {
      ++runs;
      db->execute_raw("INSERT INTO " + t + " (id, slow) VALUES (1, true)");
    });
    FAIL("no exception");
  } catch (const quarry::ambiguous_commit& e) {
    CHECK(e.sql() == "COMMIT");
    CHECK_THAT(e.what(), Catch::Matchers::Contains("while COMMIT was in flight") &&
                             Catch::Matchers::Contains("may or may not have committed") &&
                             Catch::Matchers::Contains("does not retry"));
  }
  killer.join();
  CHECK(killer_error.empty());
  CHECK(runs == 1);
  CHECK(retries == 0);
  CHECK(db->broken());

  // The RAII form.
  db->reconnect();
  std::jthread killer2([&, pid = db->backend_pid()] { killer_error = terminate_when_sleeping(pid); });
  {
    auto tx = db->begin();
    db->execute_raw("INSERT INTO " + t + " (id, slow) VALUES (2, true)");
    CHECK_THROWS_AS(tx.commit(), quarry::ambiguous_commit);
    CHECK_FALSE(tx.active());
  }
  killer2.join();
  CHECK(killer_error.empty());
  CHECK(db->broken());

  // The next callback transaction reconnects before its first attempt (no failed attempt).
  runs = 0;
  db->transaction(o, [&](quarry::transaction&) {
    ++runs;
    db->execute_raw("INSERT INTO " + t + " (id) VALUES (3)");
  });
  CHECK(runs == 1);
  CHECK(retries == 0);
  CHECK_FALSE(db->broken());
  // Here both were rolled back by the server (the trigger runs before the commit record); the
  // client could not know that.
  CHECK(scalar(*admin, "SELECT count(*) FROM " + t) == 1);

  // The server says the outcome is unknown: 40003 statement_completion_unknown, 08007
  // transaction_resolution_unknown. The session survives.
  int id = 10;
  for (std::string code : {"40003", "08007"}) {
    INFO("SQLSTATE " << code);
    runs = 0;
    try {
      db->transaction(o, [&](quarry::transaction&) {
        ++runs;
        db->execute_raw("INSERT INTO " + t + " (id, fail_with) VALUES ($1, $2)", id++, code);
      });
      FAIL("no exception");
    } catch (const quarry::ambiguous_commit& e) {
      CHECK(e.sqlstate() == code);
      CHECK_THAT(e.what(), Catch::Matchers::Contains("the outcome of COMMIT is unknown"));
    }
    CHECK(runs == 1);
    CHECK(retries == 0);
    CHECK_FALSE(db->broken());
  }
  CHECK(scalar(*admin, "SELECT count(*) FROM " + t) == 1);
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
