// quarry vs the raw sqlite3 C API, in the same process and run, with the same database settings.
//
//   bench_sqlite [--quick] [--reps N] [--dir PATH] [--phase insert|select|join|percall]...
//
// Every phase is run N times (default 5) for each side, alternating which side goes first; the
// median is reported together with the ratio quarry/raw. Results are checked against each other
// (the program exits 1 when quarry and raw disagree), and every result goes through a sink so the
// optimizer cannot drop it. See docs/benchmarks.md for the method and the figures.
//
// Database settings (both sides): quarry's defaults, i.e. journal_mode=WAL (file databases only),
// synchronous=NORMAL, foreign_keys=ON, busy_timeout=5000, cache_size=-8192, extended result codes,
// SQLITE_OPEN_NOMUTEX. The raw connection sets them by hand and the program prints the PRAGMAs of
// both connections so a difference is visible.

#include <quarry/sqlite.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <time.h>
#include <unistd.h>
#include <vector>

#include "bench_schema.hpp"

namespace {

using namespace quarry_bench;

using clock_type = std::chrono::steady_clock;
using seconds = std::chrono::duration<double>;

/// CPU time of the calling thread (user + system), in seconds. Reported next to the wall time:
/// on a shared machine it is far less disturbed by other processes than the wall clock.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// One timed run: steady_clock wall time (the figure the targets apply to) and thread CPU time.
struct sample {
  double wall = 0;
  double cpu = 0;
};

template <class F>
sample time_it(F&& f) {
  clobber_memory();
  double c0 = thread_cpu_seconds();
  auto t0 = clock_type::now();
  f();
  clobber_memory();
  auto t1 = clock_type::now();
  double c1 = thread_cpu_seconds();
  return {seconds(t1 - t0).count(), c1 - c0};
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Median wall and median CPU time of a set of runs.
sample median(const std::vector<sample>& v) {
  std::vector<double> w, c;
  for (const auto& x : v) {
    w.push_back(x.wall);
    c.push_back(x.cpu);
  }
  return {median(w), median(c)};
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_sqlite: %s\n", what.c_str());
  std::exit(1);
}

// ---------------------------------------------------------------------------------------------
// Raw sqlite3 helpers: the code a careful hand-written program would have.
// ---------------------------------------------------------------------------------------------
void check_rc(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
    fail(std::string(what) + ": " + sqlite3_errmsg(db) + " (" + std::to_string(rc) + ")");
}

void raw_exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    fail("raw exec '" + sql + "': " + msg);
  }
}

/// Opens a raw connection with exactly quarry's default settings (see quarry/backend/sqlite/).
sqlite3* raw_open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) fail("cannot open " + path);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  if (path != ":memory:") raw_exec(db, "PRAGMA journal_mode=WAL");
  raw_exec(db, "PRAGMA synchronous=NORMAL");
  raw_exec(db, "PRAGMA foreign_keys=ON");
  raw_exec(db, "PRAGMA cache_size=-8192");
  return db;
}

struct raw_stmt {
  sqlite3_stmt* s = nullptr;
  raw_stmt(sqlite3* db, const char* sql) {
    check_rc(db, sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr), sql);
  }
  raw_stmt(const raw_stmt&) = delete;
  raw_stmt& operator=(const raw_stmt&) = delete;
  ~raw_stmt() { sqlite3_finalize(s); }
};

std::string pragma_text(sqlite3* db, const char* name) {
  std::string sql = std::string("PRAGMA ") + name;
  raw_stmt st(db, sql.c_str());
  std::string out;
  if (sqlite3_step(st.s) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st.s, 0);
    out = t ? reinterpret_cast<const char*>(t) : "NULL";
  }
  return out;
}

std::string settings_of(sqlite3* db) {
  std::string s;
  for (const char* p : {"journal_mode", "synchronous", "foreign_keys", "cache_size", "busy_timeout"}) {
    if (!s.empty()) s += ' ';
    s += p;
    s += '=';
    s += pragma_text(db, p);
  }
  return s;
}

// The workload functions below are [[gnu::noinline]] (one call per run, so it costs nothing) so
// that profilers see them by name, e.g.
//   valgrind --tool=callgrind --toggle-collect='*quarry_select_iterate*' bench_sqlite --quick --phase select

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------
std::vector<Item> make_items(std::size_t n) {
  std::vector<Item> v;
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "user-%07zu@example.com", i);
    v.push_back(Item{0, buf, static_cast<std::int64_t>((i * 7919) % 1000), static_cast<double>(i % 977) * 0.5});
  }
  return v;
}

struct config {
  bool quick = false;
  int reps = 5;
  std::filesystem::path dir;
  std::vector<std::string> phases;  // empty: all
  std::size_t insert_rows = 200'000;
  std::size_t select_rows = 200'000;
  std::size_t join_orders = 200'000;
  std::size_t join_customers = 2'000;  // half of them match WHERE region = 0: 1000 groups
  std::size_t percall_rows = 20'000;

  bool wants(std::string_view p) const {
    return phases.empty() || std::find(phases.begin(), phases.end(), p) != phases.end();
  }
};

// ---------------------------------------------------------------------------------------------
// Results table
// ---------------------------------------------------------------------------------------------
struct row_result {
  std::string phase;
  std::string variant;
  sample raw;
  std::optional<sample> quarry;  // nullopt: pending
  double target = 0;             // 0: informational
  std::string note;
};
std::vector<row_result> g_results;

void report(const row_result& r) {
  if (r.quarry) {
    std::printf("  %-34s raw %9.2f ms   quarry %9.2f ms   quarry/raw %.3f   (cpu time: %.3f)\n", r.variant.c_str(),
                r.raw.wall * 1e3, r.quarry->wall * 1e3, r.quarry->wall / r.raw.wall, r.quarry->cpu / r.raw.cpu);
  } else {
    std::printf("  %-34s raw %9.2f ms   quarry %12s   (%s)\n", r.variant.c_str(), r.raw.wall * 1e3, "-",
                r.note.c_str());
  }
  std::fflush(stdout);
  g_results.push_back(r);
}

/// Runs `raw` and `quarry` reps times each, alternating which goes first; returns the medians.
std::pair<sample, sample> run_pair(int reps, const std::function<sample()>& raw, const std::function<sample()>& quarry) {
  std::vector<sample> r, q;
  for (int i = 0; i < reps; ++i) {
    if (i % 2 == 0) {
      r.push_back(raw());
      q.push_back(quarry());
    } else {
      q.push_back(quarry());
      r.push_back(raw());
    }
  }
  return {median(r), median(q)};
}

// ---------------------------------------------------------------------------------------------
// Phase 1: insert N rows in one transaction (file database, WAL, synchronous=NORMAL)
// ---------------------------------------------------------------------------------------------
void remove_db(const std::filesystem::path& p) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(p.string() + suffix, ec);
}

[[gnu::noinline]] std::int64_t raw_insert_all(sqlite3* db, const std::vector<Item>& rows) {
  std::int64_t last = 0;
  raw_stmt ins(db, "INSERT INTO items (name, score, weight) VALUES (?, ?, ?)");
  raw_exec(db, "BEGIN");
  for (const Item& r : rows) {
    check_rc(db, sqlite3_bind_text(ins.s, 1, r.name.data(), static_cast<int>(r.name.size()), SQLITE_STATIC), "bind");
    check_rc(db, sqlite3_bind_int64(ins.s, 2, r.score), "bind");
    check_rc(db, sqlite3_bind_double(ins.s, 3, r.weight), "bind");
    int rc = sqlite3_step(ins.s);
    if (rc != SQLITE_DONE) check_rc(db, rc, "insert");
    last = sqlite3_last_insert_rowid(db);  // quarry's insert() returns the id too
    sqlite3_reset(ins.s);
  }
  raw_exec(db, "COMMIT");
  return last;
}

[[gnu::noinline]] std::int64_t quarry_insert_all(quarry::sqlite::connection& db, const std::vector<Item>& rows) {
  std::int64_t last = 0;
  db.exec("BEGIN");
  for (const Item& r : rows) last = db.insert(items, r);
  db.exec("COMMIT");
  return last;
}

void phase_insert(const config& cfg) {
  std::printf("\n[1] insert %zu rows in one transaction (temp file, WAL, synchronous=NORMAL)\n", cfg.insert_rows);
  const auto rows = make_items(cfg.insert_rows);
  const auto raw_path = cfg.dir / "insert_raw.db";
  const auto q_path = cfg.dir / "insert_quarry.db";
  const std::string ddl = quarry::create_table_sql<quarry::sqlite_dialect>(items);
  bool printed = false;

  auto raw = [&] {
    remove_db(raw_path);
    sqlite3* db = raw_open(raw_path.string());
    raw_exec(db, ddl);
    std::int64_t last = 0;
    sample t = time_it([&] { last = raw_insert_all(db, rows); });
    do_not_optimize(last);
    if (last != static_cast<std::int64_t>(rows.size())) fail("raw insert: last id " + std::to_string(last));
    sqlite3_close(db);
    return t;
  };
  auto q = [&] {
    remove_db(q_path);
    quarry::sqlite::connection db{{.path = q_path.string()}};
    db.create_table(items);
    if (!printed) {
      sqlite3* r = raw_open(raw_path.string());
      std::printf("  settings raw:    %s\n  settings quarry: %s\n", settings_of(r).c_str(),
                  settings_of(db.native_handle()).c_str());
      sqlite3_close(r);
      printed = true;
    }
    std::int64_t last = 0;
    sample t = time_it([&] { last = quarry_insert_all(db, rows); });
    do_not_optimize(last);
    if (last != static_cast<std::int64_t>(rows.size())) fail("quarry insert: last id " + std::to_string(last));
    return t;
  };
  raw();  // warm-up (page cache, allocator)
  q();
  auto [r, qq] = run_pair(cfg.reps, raw, q);
  report({"insert", "insert(obj), one transaction", r, qq, 1.05, ""});
  remove_db(raw_path);
  remove_db(q_path);
}

// ---------------------------------------------------------------------------------------------
// Phase 2: select all rows into structs and sum the score
// ---------------------------------------------------------------------------------------------
struct select_sum {
  std::int64_t rows = 0;
  std::int64_t score = 0;
  std::size_t name_bytes = 0;
  double weight = 0;
  bool operator==(const select_sum&) const = default;
};

inline void add(select_sum& s, const Item& it) {
  ++s.rows;
  s.score += it.score;
  s.name_bytes += it.name.size();
  s.weight += it.weight;
}

constexpr const char* raw_select_sql = "SELECT id, name, score, weight FROM items";

inline Item raw_read_item(sqlite3_stmt* s) {
  return Item{sqlite3_column_int64(s, 0),
              std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)),
                          static_cast<std::size_t>(sqlite3_column_bytes(s, 1))),
              sqlite3_column_int64(s, 2), sqlite3_column_double(s, 3)};
}

/// Raw, one struct per row, no container (the counterpart of iterating a quarry result).
[[gnu::noinline]] select_sum raw_select_stream(sqlite3* db, raw_stmt& st) {
  select_sum sum;
  int rc;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
    Item it = raw_read_item(st.s);
    add(sum, it);
  }
  if (rc != SQLITE_DONE) check_rc(db, rc, "select");
  sqlite3_reset(st.s);
  return sum;
}

/// Raw with the checks quarry makes: each column's storage class is tested (NULL or another type
/// is an error) before it is read. Informational: how much of quarry's cost is the checking.
[[noreturn, gnu::noinline]] void bad_column(int i) { fail("select: unexpected storage class in column " + std::to_string(i)); }

[[gnu::noinline]] select_sum raw_select_checked(sqlite3* db, raw_stmt& st) {
  select_sum sum;
  int rc;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
    if (sqlite3_column_type(st.s, 0) != SQLITE_INTEGER) bad_column(0);
    std::int64_t id = sqlite3_column_int64(st.s, 0);
    if (sqlite3_column_type(st.s, 1) != SQLITE_TEXT) bad_column(1);
    std::string name(reinterpret_cast<const char*>(sqlite3_column_text(st.s, 1)),
                     static_cast<std::size_t>(sqlite3_column_bytes(st.s, 1)));
    if (sqlite3_column_type(st.s, 2) != SQLITE_INTEGER) bad_column(2);
    std::int64_t score = sqlite3_column_int64(st.s, 2);
    if (sqlite3_column_type(st.s, 3) != SQLITE_FLOAT) bad_column(3);
    double weight = sqlite3_column_double(st.s, 3);
    add(sum, Item{id, std::move(name), score, weight});
  }
  if (rc != SQLITE_DONE) check_rc(db, rc, "select");
  sqlite3_reset(st.s);
  return sum;
}

/// Raw, every row into a std::vector<Item>, then the sum (the counterpart of .all()).
[[gnu::noinline]] select_sum raw_select_vector(sqlite3* db, raw_stmt& st) {
  std::vector<Item> v;
  int rc;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) v.push_back(raw_read_item(st.s));
  if (rc != SQLITE_DONE) check_rc(db, rc, "select");
  sqlite3_reset(st.s);
  select_sum sum;
  for (const Item& it : v) add(sum, it);
  do_not_optimize(v.data());
  return sum;
}

[[gnu::noinline]] select_sum quarry_select_iterate(quarry::sqlite::connection& db) {
  select_sum sum;
  for (const Item& it : db.query(quarry::select(items))) add(sum, it);
  return sum;
}

[[gnu::noinline]] select_sum quarry_select_all(quarry::sqlite::connection& db) {
  std::vector<Item> v = db.query(quarry::select(items)).all();
  select_sum sum;
  for (const Item& it : v) add(sum, it);
  do_not_optimize(v.data());
  return sum;
}

[[gnu::noinline]] select_sum quarry_select_tuple(quarry::sqlite::connection& db) {
  select_sum sum;
  for (auto [id, name, score, weight] : db.query(quarry::select(items.id, items.name, items.score, items.weight).from(items))) {
    add(sum, Item{id, std::move(name), score, weight});
  }
  return sum;
}

void populate_select_db(const std::filesystem::path& path, const config& cfg) {
  remove_db(path);
  sqlite3* db = raw_open(path.string());
  raw_exec(db, quarry::create_table_sql<quarry::sqlite_dialect>(items));
  raw_insert_all(db, make_items(cfg.select_rows));

  // Join data: customers (region alternates 0/1) and orders spread over every customer.
  raw_exec(db, quarry::create_table_sql<quarry::sqlite_dialect>(customers));
  raw_exec(db, quarry::create_table_sql<quarry::sqlite_dialect>(orders));
  raw_exec(db, "CREATE INDEX orders_customer_id ON orders (customer_id)");
  raw_exec(db, "BEGIN");
  {
    raw_stmt c(db, "INSERT INTO customers (name, region) VALUES (?, ?)");
    for (std::size_t i = 0; i < cfg.join_customers; ++i) {
      std::string name = "customer-" + std::to_string(i);
      sqlite3_bind_text(c.s, 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(c.s, 2, static_cast<std::int64_t>(i % 2));
      check_rc(db, sqlite3_step(c.s), "insert customer");
      sqlite3_reset(c.s);
    }
    raw_stmt o(db, "INSERT INTO orders (customer_id, amount) VALUES (?, ?)");
    for (std::size_t i = 0; i < cfg.join_orders; ++i) {
      sqlite3_bind_int64(o.s, 1, static_cast<std::int64_t>(i % cfg.join_customers) + 1);
      sqlite3_bind_double(o.s, 2, static_cast<double>(i % 1013) * 0.25);
      check_rc(db, sqlite3_step(o.s), "insert order");
      sqlite3_reset(o.s);
    }
  }
  raw_exec(db, "COMMIT");
  raw_exec(db, "ANALYZE");
  raw_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(db);
}

bool g_mismatch = false;

template <class T>
void expect_equal(const T& a, const T& b, const char* what) {
  if (!(a == b)) {
    std::fprintf(stderr, "bench_sqlite: MISMATCH in %s: quarry and raw disagree\n", what);
    g_mismatch = true;
  }
}

void phase_select(const config& cfg, const std::filesystem::path& path) {
  std::printf("\n[2] select all %zu rows into structs, sum the score (temp file, WAL)\n", cfg.select_rows);
  sqlite3* raw_db = raw_open(path.string());
  quarry::sqlite::connection qdb{{.path = path.string()}};
  raw_stmt st(raw_db, raw_select_sql);

  select_sum expected = raw_select_stream(raw_db, st);  // also warms the raw page cache
  expect_equal(quarry_select_iterate(qdb), expected, "select iterate");
  expect_equal(quarry_select_all(qdb), expected, "select all()");
  expect_equal(quarry_select_tuple(qdb), expected, "select tuple");
  expect_equal(raw_select_vector(raw_db, st), expected, "raw select vector");
  expect_equal(raw_select_checked(raw_db, st), expected, "raw select checked");
  if (expected.rows != static_cast<std::int64_t>(cfg.select_rows)) fail("select: wrong row count");

  auto timed = [](auto&& f) {
    return [f] {
      select_sum s;
      sample t = time_it([&] { s = f(); });
      do_not_optimize(s);
      return t;
    };
  };
  {
    auto [r, q] = run_pair(cfg.reps, timed([&] { return raw_select_stream(raw_db, st); }),
                           timed([&] { return quarry_select_iterate(qdb); }));
    report({"select", "select(t), iterate (row by row)", r, q, 1.05, ""});
  }
  {
    auto [r, q] = run_pair(cfg.reps, timed([&] { return raw_select_vector(raw_db, st); }),
                           timed([&] { return quarry_select_all(qdb); }));
    report({"select", "select(t).all() into vector", r, q, 1.05, ""});
  }
  {
    auto [r, q] = run_pair(cfg.reps, timed([&] { return raw_select_stream(raw_db, st); }),
                           timed([&] { return quarry_select_tuple(qdb); }));
    report({"select", "select(4 columns) tuples, iterate", r, q, 0, "informational"});
  }
  {
    // "raw" here is hand-written code that checks each column's storage class as quarry does.
    auto [r, q] = run_pair(cfg.reps, timed([&] { return raw_select_checked(raw_db, st); }),
                           timed([&] { return quarry_select_iterate(qdb); }));
    report({"select", "select(t) vs raw with type checks", r, q, 0, "informational"});
  }
  sqlite3_finalize(st.s);
  st.s = nullptr;
  sqlite3_close(raw_db);
}

// ---------------------------------------------------------------------------------------------
// Phase 3: two-table join with WHERE and GROUP BY, ~1000 groups
// ---------------------------------------------------------------------------------------------
constexpr const char* join_sql =
    "SELECT c.id, c.name, count(*), sum(o.amount) FROM customers AS c JOIN orders AS o ON o.customer_id = c.id "
    "WHERE c.region = ? GROUP BY c.id, c.name";

struct join_sum {
  std::size_t groups = 0;
  std::int64_t n = 0;
  double total = 0;
  bool operator==(const join_sum& o) const {
    return groups == o.groups && n == o.n && std::abs(total - o.total) <= 1e-9 * std::abs(total);
  }
};

join_sum sum_groups(const std::vector<GroupRow>& v) {
  join_sum s;
  for (const auto& g : v) {
    ++s.groups;
    s.n += g.n;
    s.total += g.total;
  }
  return s;
}

[[gnu::noinline]] std::vector<GroupRow> raw_join(sqlite3* db, raw_stmt& st, std::int64_t region) {
  std::vector<GroupRow> out;
  check_rc(db, sqlite3_bind_int64(st.s, 1, region), "bind");
  int rc;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
    out.push_back(GroupRow{sqlite3_column_int64(st.s, 0),
                           std::string(reinterpret_cast<const char*>(sqlite3_column_text(st.s, 1)),
                                       static_cast<std::size_t>(sqlite3_column_bytes(st.s, 1))),
                           sqlite3_column_int64(st.s, 2), sqlite3_column_double(st.s, 3)});
  }
  if (rc != SQLITE_DONE) check_rc(db, rc, "join");
  sqlite3_reset(st.s);
  return out;
}

/// The same query through quarry's builder (select / join / where / group_by). With an inner join
/// and NOT NULL operands, count() is std::int64_t and sum() a plain double.
auto join_query(std::int64_t region) {
  return quarry::select(customers.id, customers.name, quarry::count(), quarry::sum(orders.amount))
      .from(customers)
      .join(orders)
      .on(orders.customer_id == customers.id)
      .where(customers.region == region)
      .group_by(customers.id, customers.name);
}

[[gnu::noinline]] std::vector<GroupRow> quarry_join(quarry::sqlite::connection& db, std::int64_t region) {
  std::vector<GroupRow> out;
  for (auto [id, name, n, total] : db.query(join_query(region))) out.push_back(GroupRow{id, std::move(name), n, total});
  return out;
}

void phase_join(const config& cfg, const std::filesystem::path& path) {
  std::printf("\n[3] join customers x orders (%zu x %zu), WHERE region = ?, GROUP BY customer\n", cfg.join_customers,
              cfg.join_orders);
  sqlite3* raw_db = raw_open(path.string());
  quarry::sqlite::connection qdb{{.path = path.string()}};
  raw_stmt st(raw_db, join_sql);

  auto rows = raw_join(raw_db, st, 0);  // warm-up
  join_sum expected = sum_groups(rows);
  std::printf("  %zu groups\n  raw SQL:    %s\n  quarry SQL: %s\n", expected.groups, join_sql,
              quarry::to_sql<quarry::sqlite::dialect>(join_query(0)).c_str());
  expect_equal(sum_groups(quarry_join(qdb, 0)), expected, "join");

  auto timed = [](auto&& f) {
    return [f] {
      sample t = time_it([&] {
        auto v = f();
        do_not_optimize(v.data());
      });
      return t;
    };
  };
  auto [r, q] = run_pair(cfg.reps, timed([&] { return raw_join(raw_db, st, 0); }),
                         timed([&] { return quarry_join(qdb, 0); }));
  report({"join", "join + WHERE + GROUP BY", r, q, 1.03, ""});
  sqlite3_finalize(st.s);
  st.s = nullptr;
  sqlite3_close(raw_db);
}

// ---------------------------------------------------------------------------------------------
// Phase 4: per-call insert(obj) in autocommit mode (no transaction), in-memory database
// ---------------------------------------------------------------------------------------------
/// Raw: one prepared statement, each row its own (autocommit) transaction.
[[gnu::noinline]] std::int64_t raw_insert_each(sqlite3* db, const std::vector<Item>& rows) {
  std::int64_t last = 0;
  raw_stmt ins(db, "INSERT INTO items (name, score, weight) VALUES (?, ?, ?)");
  for (const Item& r : rows) {
    check_rc(db, sqlite3_bind_text(ins.s, 1, r.name.data(), static_cast<int>(r.name.size()), SQLITE_STATIC), "bind");
    check_rc(db, sqlite3_bind_int64(ins.s, 2, r.score), "bind");
    check_rc(db, sqlite3_bind_double(ins.s, 3, r.weight), "bind");
    int rc = sqlite3_step(ins.s);
    if (rc != SQLITE_DONE) check_rc(db, rc, "insert");
    last = sqlite3_last_insert_rowid(db);
    sqlite3_reset(ins.s);
  }
  return last;
}

[[gnu::noinline]] std::int64_t quarry_insert_each(quarry::sqlite::connection& db, const std::vector<Item>& rows) {
  std::int64_t last = 0;
  for (const Item& r : rows) last = db.insert(items, r);
  return last;
}

/// The raw-SQL escape hatch in the same loop (informational: it has no statement cache).
[[gnu::noinline]] std::int64_t quarry_execute_raw_each(quarry::sqlite::connection& db, const std::vector<Item>& rows) {
  std::int64_t n = 0;
  for (const Item& r : rows)
    n += db.execute_raw("INSERT INTO items (name, score, weight) VALUES (?, ?, ?)", r.name, r.score, r.weight);
  return n;
}

void phase_percall(const config& cfg) {
  std::printf("\n[4] %zu single insert(obj) calls in autocommit mode (in-memory database)\n", cfg.percall_rows);
  const auto rows = make_items(cfg.percall_rows);
  const std::string ddl = quarry::create_table_sql<quarry::sqlite_dialect>(items);

  auto raw = [&] {
    sqlite3* db = raw_open(":memory:");
    raw_exec(db, ddl);
    std::int64_t last = 0;
    sample t = time_it([&] { last = raw_insert_each(db, rows); });
    do_not_optimize(last);
    if (last != static_cast<std::int64_t>(rows.size())) fail("raw per-call insert: wrong last id");
    sqlite3_close(db);
    return t;
  };
  auto q = [&] {
    quarry::sqlite::connection db{{.path = ":memory:"}};
    db.create_table(items);
    std::int64_t last = 0;
    sample t = time_it([&] { last = quarry_insert_each(db, rows); });
    do_not_optimize(last);
    if (last != static_cast<std::int64_t>(rows.size())) fail("quarry per-call insert: wrong last id");
    return t;
  };
  auto q_raw_sql = [&] {
    quarry::sqlite::connection db{{.path = ":memory:"}};
    db.create_table(items);
    std::int64_t n = 0;
    sample t = time_it([&] { n = quarry_execute_raw_each(db, rows); });
    do_not_optimize(n);
    if (n != static_cast<std::int64_t>(rows.size())) fail("quarry execute_raw: wrong row count");
    return t;
  };
  raw();
  q();
  auto [r, qq] = run_pair(cfg.reps, raw, q);
  report({"percall", "insert(obj), autocommit, :memory:", r, qq, 1.10, ""});
  q_raw_sql();
  auto [r2, qr] = run_pair(cfg.reps, raw, q_raw_sql);
  report({"percall", "execute_raw(INSERT), autocommit", r2, qr, 0, "informational"});
}

void usage() {
  std::puts(
      "usage: bench_sqlite [--quick] [--reps N] [--dir PATH] [--phase insert|select|join|percall]...\n"
      "  --quick   CI-sized run (10x fewer rows, 3 repetitions unless --reps is given)\n"
      "  --reps N  repetitions per side and phase; the median is reported (default 5)\n"
      "  --dir P   where the temporary database files go (default: the system temp directory)\n"
      "  --phase   run only the named phase(s)");
}

}  // namespace

int main(int argc, char** argv) {
  config cfg;
  bool reps_given = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--quick") {
      cfg.quick = true;
    } else if (a == "--reps" && i + 1 < argc) {
      cfg.reps = std::max(1, std::atoi(argv[++i]));
      reps_given = true;
    } else if (a == "--dir" && i + 1 < argc) {
      cfg.dir = argv[++i];
    } else if (a == "--phase" && i + 1 < argc) {
      cfg.phases.emplace_back(argv[++i]);
    } else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else {
      usage();
      return 2;
    }
  }
  if (cfg.quick) {
    cfg.insert_rows = cfg.select_rows = cfg.join_orders = 20'000;
    cfg.percall_rows = 2'000;
    if (!reps_given) cfg.reps = 3;
  }
  if (cfg.dir.empty()) cfg.dir = std::filesystem::temp_directory_path();
  cfg.dir /= "quarry-bench-" + std::to_string(::getpid());
  std::filesystem::create_directories(cfg.dir);

  std::printf("quarry bench_sqlite: SQLite %s (library %s), %d repetitions per side, median reported%s\n",
              SQLITE_VERSION, sqlite3_libversion(), cfg.reps, cfg.quick ? ", --quick" : "");
  std::printf("temp dir: %s\n", cfg.dir.string().c_str());

  try {
    if (cfg.wants("insert")) phase_insert(cfg);
    if (cfg.wants("select") || cfg.wants("join")) {
      const auto path = cfg.dir / "select.db";
      populate_select_db(path, cfg);
      if (cfg.wants("select")) phase_select(cfg, path);
      if (cfg.wants("join")) phase_join(cfg, path);
      remove_db(path);
    }
    if (cfg.wants("percall")) phase_percall(cfg);
  } catch (const std::exception& e) {
    std::error_code ec;
    std::filesystem::remove_all(cfg.dir, ec);
    fail(std::string("error: ") + e.what());
  }
  std::error_code ec;
  std::filesystem::remove_all(cfg.dir, ec);

  std::printf("\nSummary (median of %d runs per side; ratio = quarry/raw wall time, cpu = quarry/raw thread CPU time)\n",
              cfg.reps);
  std::printf("| %-36s | %10s | %10s | %8s | %8s | %7s | %-7s |\n", "workload", "raw ms", "quarry ms", "ratio", "cpu",
              "target", "status");
  std::printf("|%s|%s|%s|%s|%s|%s|%s|\n", std::string(38, '-').c_str(), std::string(12, '-').c_str(),
              std::string(12, '-').c_str(), std::string(10, '-').c_str(), std::string(10, '-').c_str(),
              std::string(9, '-').c_str(), std::string(9, '-').c_str());
  for (const auto& r : g_results) {
    char q[32], ratio[32], cpu[32], target[32];
    const char* status = "";
    if (r.quarry) {
      double x = r.quarry->wall / r.raw.wall;
      std::snprintf(q, sizeof q, "%.2f", r.quarry->wall * 1e3);
      std::snprintf(ratio, sizeof ratio, "%.3f", x);
      std::snprintf(cpu, sizeof cpu, "%.3f", r.quarry->cpu / r.raw.cpu);
      status = r.target == 0 ? "info" : (x <= r.target ? "ok" : "MISS");
    } else {
      std::snprintf(q, sizeof q, "-");
      std::snprintf(ratio, sizeof ratio, "-");
      std::snprintf(cpu, sizeof cpu, "-");
      status = "pending";
    }
    if (r.target == 0)
      std::snprintf(target, sizeof target, "-");
    else
      std::snprintf(target, sizeof target, "<= %.2f", r.target);
    std::printf("| %-36s | %10.2f | %10s | %8s | %8s | %7s | %-7s |\n", r.variant.c_str(), r.raw.wall * 1e3, q, ratio,
                cpu, target, status);
  }
  if (g_mismatch) {
    std::fprintf(stderr, "bench_sqlite: quarry and raw results differ (see above)\n");
    return 1;
  }
  return 0;
}
