// Multi-row inserts: quarry's insert_all / insert_into(t).values(range) against one prepared
// insert per row (quarry and raw) and against a hand-written multi-row statement (raw), in the
// same process and run.
//
//   bench_bulk_insert [--rows N] [--reps N] [--dir PATH]
//
// SQLite: a temporary file database with quarry's defaults (WAL, synchronous=NORMAL), every side in
// one transaction. PostgreSQL (when QUARRY_BENCH_PG or QUARRY_TEST_PG holds a conninfo): N/4 rows,
// in schema quarry_bench_bulk. Each side runs N times (default 5); the best and median wall times
// are printed with the ratio to the per-row baseline. Every side checks the table it wrote. See
// docs/benchmarks.md ("Multi-row inserts").

#include <quarry/postgres.hpp>
#include <quarry/sqlite.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace quarry_bench {

struct Item {
  std::int64_t id;
  std::string name;
  std::int64_t score;
  double weight;
};

inline constexpr struct items_t : quarry::table<"bulk_items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name"> name;
  column<&Item::score, "score"> score;
  column<&Item::weight, "weight"> weight;
} items;

}  // namespace quarry_bench

namespace {

using namespace quarry_bench;

struct config {
  std::size_t rows = 200000;
  int reps = 5;
  std::filesystem::path dir = std::filesystem::temp_directory_path();
};

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_bulk_insert: %s\n", what.c_str());
  std::exit(1);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct timing {
  double best = 0, median = 0;
};
timing measure(int reps, const std::function<double()>& run) {
  std::vector<double> v;
  run();  // warm-up
  for (int i = 0; i < reps; ++i) v.push_back(run());
  std::sort(v.begin(), v.end());
  return {v.front(), v[v.size() / 2]};
}
void report(const char* what, timing t, timing base) {
  std::printf("  %-44s best %.3f s  median %.3f s  (%.2f x the per-row median)\n", what, t.best, t.median,
              t.median / base.median);
}

std::vector<Item> make_items(std::size_t n) {
  std::vector<Item> v;
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    v.push_back({0, "item-" + std::to_string(i) + "-abcdefghijklmnop", static_cast<std::int64_t>(i), 0.5 * static_cast<double>(i)});
  return v;
}

// ---- SQLite ----

void remove_db(const std::filesystem::path& p) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix, ec);
}

void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) fail(std::string(what) + ": " + sqlite3_errmsg(db));
}

/// Raw: one prepared multi-row statement of k rows, the remainder one row at a time.
double raw_multi_row(const std::filesystem::path& path, const std::vector<Item>& rows, std::size_t k) {
  remove_db(path);
  sqlite3* db = nullptr;
  check(db, sqlite3_open(path.string().c_str(), &db), "open");
  for (const char* s : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                        "PRAGMA cache_size=-8192",  // quarry's defaults
                        "CREATE TABLE bulk_items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score INTEGER NOT NULL, "
                        "weight REAL NOT NULL)"})
    check(db, sqlite3_exec(db, s, nullptr, nullptr, nullptr), s);
  auto prepare = [&](std::size_t n) {
    std::string sql = "INSERT INTO bulk_items (name, score, weight) VALUES ";
    for (std::size_t i = 0; i < n; ++i) sql += i ? ", (?, ?, ?)" : "(?, ?, ?)";
    sqlite3_stmt* s = nullptr;
    check(db, sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr), "prepare");
    return s;
  };
  auto t0 = std::chrono::steady_clock::now();
  sqlite3_stmt* full = prepare(k);
  sqlite3_stmt* one = prepare(1);
  check(db, sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), "begin");
  std::size_t i = 0;
  while (i < rows.size()) {
    sqlite3_stmt* s = rows.size() - i >= k ? full : one;
    std::size_t n = s == full ? k : 1;
    int p = 1;
    for (std::size_t j = 0; j < n; ++j, ++i) {
      const Item& r = rows[i];
      sqlite3_bind_text(s, p++, r.name.data(), static_cast<int>(r.name.size()), SQLITE_STATIC);
      sqlite3_bind_int64(s, p++, r.score);
      sqlite3_bind_double(s, p++, r.weight);
    }
    check(db, sqlite3_step(s), "insert");
    sqlite3_reset(s);
  }
  check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit");
  double t = seconds_since(t0);
  sqlite3_finalize(full);
  sqlite3_finalize(one);
  sqlite3_close(db);
  return t;
}

void phase_sqlite(const config& cfg) {
  const auto rows = make_items(cfg.rows);
  const auto path = cfg.dir / "bench_bulk_insert.db";
  auto fresh = [&] {
    remove_db(path);
    auto db = std::make_unique<quarry::sqlite::connection>(quarry::sqlite::options{.path = path.string()});
    db->create_table(items);
    return db;
  };
  auto verify = [&](quarry::sqlite::connection& db) {
    auto [n, sum] = db.query(quarry::select(quarry::count(), quarry::sum(items.score)).from(items)).one();
    if (n != static_cast<std::int64_t>(rows.size())) fail("sqlite: wrong row count");
    (void)sum;
  };
  std::printf("\n[sqlite] %zu rows in one transaction (temp file, WAL, synchronous=NORMAL)\n", rows.size());
  timing per_row = measure(cfg.reps, [&] {
    auto db = fresh();
    auto t0 = std::chrono::steady_clock::now();
    auto tx = db->begin();
    for (const auto& r : rows) db->insert(items, r);
    tx.commit();
    double t = seconds_since(t0);
    verify(*db);
    return t;
  });
  report("quarry insert(obj) per row", per_row, per_row);
  for (std::size_t k : {100, 500, 1000, 5000}) {
    timing t = measure(cfg.reps, [&] {
      auto db = fresh();
      auto t0 = std::chrono::steady_clock::now();
      db->insert_all(items, rows, quarry::max_rows{k});
      double s = seconds_since(t0);
      verify(*db);
      return s;
    });
    report(("quarry insert_all, max_rows " + std::to_string(k)).c_str(), t, per_row);
  }
  timing ret = measure(cfg.reps, [&] {
    auto db = fresh();
    auto t0 = std::chrono::steady_clock::now();
    auto ids = db->query(quarry::insert_into(items).values(rows).returning(items.id)).all();
    double s = seconds_since(t0);
    if (ids.size() != rows.size()) fail("sqlite: RETURNING row count");
    return s;
  });
  report("quarry values(rows).returning(id)", ret, per_row);
  timing raw = measure(cfg.reps, [&] { return raw_multi_row(path, rows, 1000); });
  report("raw multi-row statement, 1000 rows", raw, per_row);
  remove_db(path);
}

// ---- PostgreSQL ----

void phase_postgres(const config& cfg, const char* conninfo) {
  const auto rows = make_items(cfg.rows / 4);
  auto fresh = [&] {
    auto db = std::make_unique<quarry::postgres::connection>(quarry::postgres::options{.conninfo = conninfo});
    db->exec("CREATE SCHEMA IF NOT EXISTS quarry_bench_bulk; SET search_path TO quarry_bench_bulk");
    db->drop_table(items, true);
    db->create_table(items);
    return db;
  };
  std::printf("\n[postgres] %zu rows in one transaction\n", rows.size());
  timing per_row = measure(cfg.reps, [&] {
    auto db = fresh();
    auto t0 = std::chrono::steady_clock::now();
    auto tx = db->begin();
    for (const auto& r : rows) db->insert(items, r);
    tx.commit();
    return seconds_since(t0);
  });
  report("quarry insert(obj) per row (RETURNING id)", per_row, per_row);
  for (std::size_t k : {100, 500, 1000, 5000}) {
    timing t = measure(cfg.reps, [&] {
      auto db = fresh();
      auto t0 = std::chrono::steady_clock::now();
      if (db->insert_all(items, rows, quarry::max_rows{k}) != rows.size()) fail("postgres: row count");
      return seconds_since(t0);
    });
    report(("quarry insert_all, max_rows " + std::to_string(k)).c_str(), t, per_row);
  }
  timing ret = measure(cfg.reps, [&] {
    auto db = fresh();
    auto t0 = std::chrono::steady_clock::now();
    auto ids = db->query(quarry::insert_into(items).values(rows).returning(items.id)).all();
    double s = seconds_since(t0);
    if (ids.size() != rows.size()) fail("postgres: RETURNING row count");
    return s;
  });
  report("quarry values(rows).returning(id)", ret, per_row);
  fresh()->exec("DROP SCHEMA quarry_bench_bulk CASCADE");
}

}  // namespace

int main(int argc, char** argv) {
  config cfg;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rows" && i + 1 < argc) {
      cfg.rows = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10));
    } else if (a == "--reps" && i + 1 < argc) {
      cfg.reps = std::atoi(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      cfg.dir = argv[++i];
    } else {
      std::fprintf(stderr, "usage: bench_bulk_insert [--rows N] [--reps N] [--dir PATH]\n");
      return 2;
    }
  }
  if (cfg.reps < 1 || cfg.rows < 4) fail("--reps must be >= 1 and --rows >= 4");
  phase_sqlite(cfg);
  const char* pg = std::getenv("QUARRY_BENCH_PG");
  if (!pg || !*pg) pg = std::getenv("QUARRY_TEST_PG");
  if (pg && *pg) {
    phase_postgres(cfg, pg);
  } else {
    std::printf("\n[postgres] skipped: set QUARRY_BENCH_PG to a conninfo\n");
  }
}
