// SQLite transactions: writing transactions BEGIN IMMEDIATE (a second writer is kept out), read-only
// ones DEFERRED, a busy database and a stale snapshot (SQLITE_BUSY_SNAPSHOT) are retried,
// SQLITE_LOCKED is not, and the multi-process load proof: 4 processes
// (fork) moving money inside one WAL file, no busy error reaching the caller, total exact.
// QUARRY_TX_LOAD_SCALE scales the load test (default 1 = 4 processes x 2000 transfers). It runs
// once with the default busy_timeout and once with 1 ms, so that SQLITE_BUSY escapes and is retried.
#include "catch.hpp"

#if QUARRY_TEST_WITH_SQLITE
#include <quarry/sqlite.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace {

using conn = quarry::sqlite::connection;
using I64 = std::tuple<std::int64_t>;

std::string fresh_path(const std::string& stem) {
  const char* dir = std::getenv("QUARRY_TEST_TMPDIR");
  std::filesystem::path base = dir ? dir : std::filesystem::temp_directory_path();
  std::filesystem::create_directories(base);
  auto p = base / (stem + "-" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
  return p.string();
}

std::int64_t scalar(conn& db, const std::string& sql) { return std::get<0>(db.query_raw<I64>(sql).one()); }

double load_scale() {
  const char* s = std::getenv("QUARRY_TX_LOAD_SCALE");
  return s && *s ? std::atof(s) : 1.0;
}

quarry::sqlite::options opts(const std::string& path, int busy_ms) {
  quarry::sqlite::options o;
  o.path = path;
  o.busy_timeout = std::chrono::milliseconds{busy_ms};
  return o;
}

}  // namespace

TEST_CASE("sqlite: a writing transaction begins IMMEDIATE, a read-only one DEFERRED", "[tx][sqlite]") {
  auto path = fresh_path("tx-immediate");
  conn a(opts(path, 5000));
  conn b(opts(path, 20));
  a.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  {
    auto tx = a.begin();  // no statement yet, but the write lock is already taken
    CHECK_THROWS_AS(b.execute_raw("INSERT INTO t VALUES (1)"), quarry::busy_error);
    CHECK_THROWS_AS(b.begin(), quarry::busy_error);
    CHECK(scalar(b, "SELECT count(*) FROM t") == 0);  // WAL: readers go on
    tx.commit();
  }
  {
    auto tx = a.begin(quarry::tx_options{.read_only = true});  // DEFERRED: takes no lock yet
    CHECK(scalar(a, "SELECT count(*) FROM t") == 0);
    b.execute_raw("INSERT INTO t VALUES (2)");
    tx.commit();
  }
  {
    auto tx = a.begin(quarry::serializable_tx{.lock = quarry::sqlite_lock::deferred});
    b.execute_raw("INSERT INTO t VALUES (3)");
    tx.rollback();
  }
  {
    auto tx = a.begin(quarry::tx_options{.lock = quarry::sqlite_lock::exclusive});
    CHECK_THROWS_AS(b.execute_raw("INSERT INTO t VALUES (4)"), quarry::busy_error);
  }
  CHECK(scalar(a, "SELECT count(*) FROM t") == 2);
}

TEST_CASE("sqlite: SQLITE_BUSY that escaped busy_timeout is retried; SQLITE_LOCKED is not", "[tx][sqlite][retry]") {
  auto path = fresh_path("tx-busy");
  conn a(opts(path, 5000));
  conn b(opts(path, 10));
  a.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  auto tx = a.begin();
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds{150});
    tx.commit();
  });
  int retries = 0;
  quarry::tx_options o;
  o.max_attempts = 50;
  o.base_delay = std::chrono::milliseconds{5};
  o.max_delay = std::chrono::milliseconds{40};
  o.on_retry = [&](const quarry::retry_event& ev) {
    CHECK((ev.cause.native_code() & 0xff) == SQLITE_BUSY);
    ++retries;
  };
  b.transaction(o, [&](quarry::transaction&) { b.execute_raw("INSERT INTO t VALUES (1)"); });
  release.join();
  CHECK(retries >= 1);
  CHECK(scalar(a, "SELECT count(*) FROM t") == 1);
  std::cout << "sqlite busy: retries=" << retries << "\n";

  // SQLITE_LOCKED (a conflict inside one connection): DROP TABLE while a read of it is still open.
  int runs = 0;
  try {
    a.transaction([&](quarry::transaction&) {
      ++runs;
      a.exec("CREATE TABLE IF NOT EXISTS u (id INTEGER PRIMARY KEY); INSERT INTO u VALUES (1), (2)");
      auto rows = a.query_raw<I64>("SELECT id FROM u");
      auto it = rows.begin();
      (void)*it;
      a.exec("DROP TABLE u");
    });
    FAIL("no exception");
  } catch (const quarry::error& e) {
    CHECK(e.category() == quarry::errc::locked);
  }
  CHECK(runs == 1);
}

TEST_CASE("sqlite: a stale snapshot (SQLITE_BUSY_SNAPSHOT) is retried from a fresh BEGIN", "[tx][sqlite][retry]") {
  auto path = fresh_path("tx-snapshot");
  conn a(opts(path, 5000));
  conn b(opts(path, 5000));
  a.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, seen INTEGER NOT NULL)");
  // A DEFERRED transaction reads (its snapshot starts), another connection commits a write, then the
  // first one writes: its snapshot is stale, the busy handler cannot help.
  quarry::serializable_tx o;
  o.lock = quarry::sqlite_lock::deferred;
  o.base_delay = std::chrono::microseconds{0};
  std::vector<int> causes;
  o.on_retry = [&](const quarry::retry_event& ev) { causes.push_back(ev.cause.native_code()); };
  int runs = 0;
  a.transaction(o, [&](quarry::transaction&, int attempt) {
    ++runs;
    auto n = scalar(a, "SELECT count(*) FROM t");
    if (attempt == 1) b.execute_raw("INSERT INTO t VALUES (100, 0)");
    a.execute_raw("INSERT INTO t VALUES (?, ?)", attempt, n);
  });
  CHECK(runs == 2);
  CHECK(causes == std::vector<int>{SQLITE_BUSY_SNAPSHOT});
  CHECK(scalar(a, "SELECT count(*) FROM t") == 2);
  CHECK(scalar(a, "SELECT seen FROM t WHERE id = 2") == 1);  // the re-run saw the other write
}

TEST_CASE("sqlite: 4 processes moving money in one WAL file keep the total exact", "[tx][sqlite][load]") {
  constexpr int accounts = 20;
  constexpr std::int64_t initial = 1000;
  constexpr int procs = 4;
  const int per_proc = std::max(1, static_cast<int>(2000 * load_scale()));
  int busy_ms = GENERATE(5000, 1);
  INFO("busy_timeout " << busy_ms << " ms");
  auto path = fresh_path("tx-bank-" + std::to_string(busy_ms));
  {
    conn setup(opts(path, 5000));
    setup.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL CHECK (balance >= 0));"
               "CREATE TABLE transfers (client_id INTEGER PRIMARY KEY, src INTEGER NOT NULL, dst INTEGER NOT NULL, "
               "amount INTEGER NOT NULL)");
    auto tx = setup.begin();
    for (int i = 0; i < accounts; ++i) setup.execute_raw("INSERT INTO accounts VALUES (?, ?)", i, initial);
    tx.commit();
  }  // closed before fork(): no SQLite handle crosses a fork

  auto t0 = std::chrono::steady_clock::now();
  std::vector<pid_t> kids;
  std::cout << std::flush;
  for (int p = 0; p < procs; ++p) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int code = 0;
      long retries = 0;
      try {
        conn db(opts(path, busy_ms));
        std::mt19937 rng(static_cast<unsigned>(p * 104729 + 7));
        std::uniform_int_distribution<int> acc(0, accounts - 1), amt(1, 50);
        quarry::tx_options o;
        o.max_attempts = 1000;
        o.on_retry = [&](const quarry::retry_event&) { ++retries; };
        for (int i = 0; i < per_proc; ++i) {
          int src = acc(rng), dst = acc(rng);
          while (dst == src) dst = acc(rng);
          std::int64_t amount = amt(rng);
          std::int64_t id = std::int64_t{p} * 1000000 + i;
          db.transaction(o, [&](quarry::transaction&) {
            auto bal = scalar(db, "SELECT balance FROM accounts WHERE id = " + std::to_string(src));
            if (bal < amount) amount = 0;  // a logged no-op keeps "every call is in the log once"
            db.execute_raw("UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, src);
            db.execute_raw("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, dst);
            db.execute_raw("INSERT INTO transfers VALUES (?, ?, ?, ?)", id, src, dst, amount);
          });
        }
      } catch (const std::exception& e) {
        std::cerr << "process " << p << ": " << e.what() << "\n";
        code = 1;
      }
      std::cout << "sqlite process " << p << " (busy_timeout " << busy_ms << " ms): retries=" << retries << "\n" << std::flush;
      ::_exit(code);
    }
    kids.push_back(pid);
  }
  int failed = 0;
  for (pid_t k : kids) {
    int status = 0;
    ::waitpid(k, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failed;
  }
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(failed == 0);  // no error (busy or other) reached any caller
  conn check(opts(path, 5000));
  CHECK(scalar(check, "SELECT sum(balance) FROM accounts") == accounts * initial);
  CHECK(scalar(check, "SELECT count(*) FROM transfers") == std::int64_t{procs} * per_proc);
  for (int p = 0; p < procs; ++p)
    CHECK(scalar(check, "SELECT count(*) FROM transfers WHERE client_id / 1000000 = " + std::to_string(p)) == per_proc);
  CHECK(scalar(check,
               "SELECT count(*) FROM accounts a WHERE a.balance <> " + std::to_string(initial) +
                   " - COALESCE((SELECT sum(amount) FROM transfers WHERE src = a.id), 0)"
                   " + COALESCE((SELECT sum(amount) FROM transfers WHERE dst = a.id), 0)") == 0);
  std::cout << "sqlite bank transfer: " << procs << " processes x " << per_proc << " transfers, " << secs << " s\n";
}

TEST_CASE("retry backoff: full jitter, uniform within the doubling bound, capped", "[tx][backoff]") {
  quarry::tx_options o;
  o.base_delay = std::chrono::microseconds{1000};
  o.max_delay = std::chrono::microseconds{20000};
  for (int failed = 1; failed <= 7; ++failed) {
    const std::int64_t bound = std::min<std::int64_t>(20000, 1000LL << (failed - 1));
    std::int64_t lo = bound, hi = 0, sum = 0;
    std::vector<std::int64_t> seen;
    const int n = 4000;
    for (int i = 0; i < n; ++i) {
      std::int64_t d = quarry::detail::backoff(o, failed).count();
      REQUIRE(d >= 0);
      REQUIRE(d <= bound);
      lo = std::min(lo, d);
      hi = std::max(hi, d);
      sum += d;
      seen.push_back(d);
    }
    std::sort(seen.begin(), seen.end());
    const auto distinct = std::unique(seen.begin(), seen.end()) - seen.begin();
    INFO("attempt " << failed << " bound " << bound);
    CHECK(lo < bound / 20);       // reaches near zero
    CHECK(hi > bound - bound / 20);  // and near the bound
    const double mean = static_cast<double>(sum) / n;
    CHECK(mean > 0.45 * static_cast<double>(bound));
    CHECK(mean < 0.55 * static_cast<double>(bound));
    CHECK(distinct > 500);
  }
  o.base_delay = std::chrono::microseconds{0};
  CHECK(quarry::detail::backoff(o, 3).count() == 0);
}

#else
TEST_CASE("SQLite backend disabled", "[tx][sqlite]") { SUCCEED("built with QUARRY_WITH_SQLITE=OFF"); }
#endif
