// Keyset pagination vs LIMIT/OFFSET on a 1,000,000-row table with the matching index, on SQLite
// and PostgreSQL: time to fetch page 1, 10, 100, 1000 and 10000 (50 rows each).
//
//   bench_keyset [--rows N] [--reps N] [--backend sqlite|postgres]... [--dir PATH]
//
// PostgreSQL: the conninfo comes from QUARRY_BENCH_PG, else QUARRY_TEST_PG (without either the
// PostgreSQL part is skipped with a message); the table lives in a private schema
// (quarry_bench_keyset_<pid>), dropped at the end. SQLite: a database file in --dir (default the
// temporary directory), removed at the end.
//
// The feed is `SELECT id, title, score FROM items ORDER BY score DESC, id DESC` with an index on
// (score DESC, id DESC); scores repeat (about 10 rows per score), so the id breaks ties. The
// keyset side calls pager.fetch() with the cursor of the previous page (found once by walking);
// the OFFSET side runs the same select with .limit(50).offset(50 * (page - 1)). Both sides must
// return the same rows (the program exits 1 otherwise). Each fetch is timed N times (default 15)
// and the median is reported. All keyset fetches run first, the pages taking turns; then the
// OFFSET fetches, one page at a time (a deep OFFSET scan evicts the cache the fetch after it
// would otherwise find warm). See docs/benchmarks.md ("Keyset pagination").

#include <quarry/postgres.hpp>
#include <quarry/sqlite.hpp>
#include <quarry/page.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace quarry_bench {

struct Item {
  std::int64_t id;
  std::int64_t score;
  std::string title;
};

inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::score, "score"> score;
  column<&Item::title, "title"> title;
} items;

constexpr std::int64_t page_size = 50;
const std::vector<std::int64_t> pages = {1, 10, 100, 1000, 10000};

using clock_type = std::chrono::steady_clock;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct config {
  std::int64_t rows = 1000000;
  int reps = 15;
  std::vector<std::string> backends;
  std::string dir;
};

auto feed() { return quarry::select(items.id, items.title, items.score).from(items); }
auto feed_pager() { return quarry::paginate(feed(), items.score.desc(), items.id.desc()); }

struct result_row {
  std::string backend;
  std::int64_t page;
  double keyset_ms;
  double offset_ms;
};

volatile std::size_t sink = 0;

/// Walks to every measured page once by keyset (keeping the cursor before it), then times both
/// ways of fetching each page.
template <class Db>
bool measure(Db& db, const std::string& backend, const config& cfg, std::vector<result_row>& out) {
  auto pager = feed_pager();
  std::int64_t last_page = (cfg.rows + page_size - 1) / page_size;
  std::map<std::int64_t, std::string> cursor_before;  // page -> cursor of the page before it
  std::string cursor;
  for (std::int64_t p = 1; p <= pages.back() && p <= last_page; ++p) {
    cursor_before[p] = cursor;
    cursor = pager.fetch(db, {.first = page_size, .after = cursor}).next_cursor;
  }
  std::vector<std::int64_t> measured;
  for (std::int64_t page : pages)
    if (page <= last_page) measured.push_back(page);
  auto offset_query = [&](std::int64_t page) {
    return feed().order_by(items.score.desc(), items.id.desc()).limit(page_size).offset(page_size * (page - 1));
  };
  // The same rows both ways.
  bool ok = true;
  for (std::int64_t page : measured) {
    auto a = pager.fetch(db, {.first = page_size, .after = cursor_before[page]}).rows;
    auto b = db.query(offset_query(page)).all();
    if (a != b) {
      std::fprintf(stderr, "%s: page %lld differs between keyset and OFFSET\n", backend.c_str(), static_cast<long long>(page));
      ok = false;
    }
  }
  // One curve at a time. Keyset fetches touch a few index pages, so the pages take turns and a
  // change in machine load spreads over all of them. A deep OFFSET scan evicts the cache the next
  // fetch would otherwise find warm, so OFFSET runs one page at a time.
  std::map<std::int64_t, std::vector<double>> ks, os;
  for (int r = 0; r < cfg.reps; ++r) {
    for (std::int64_t page : measured) {
      auto t0 = clock_type::now();
      auto pg = pager.fetch(db, {.first = page_size, .after = cursor_before[page]});
      ks[page].push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
      sink = sink + pg.rows.size();
    }
  }
  for (std::int64_t page : measured) {
    for (int r = 0; r < cfg.reps; ++r) {
      auto t0 = clock_type::now();
      auto rows = db.query(offset_query(page)).all();
      os[page].push_back(std::chrono::duration<double, std::milli>(clock_type::now() - t0).count());
      sink = sink + rows.size();
    }
  }
  for (std::int64_t page : measured) {
    out.push_back({backend, page, median(ks[page]), median(os[page])});
    std::printf("  %-8s page %6lld: keyset %8.3f ms   offset %9.3f ms\n", backend.c_str(), static_cast<long long>(page),
                median(ks[page]), median(os[page]));
  }
  std::fflush(stdout);
  return ok;
}

void log_time(const char* what, clock_type::time_point t0) {
  std::printf("  %s: %.1f s\n", what, std::chrono::duration<double>(clock_type::now() - t0).count());
  std::fflush(stdout);
}

bool run_sqlite(const config& cfg, std::vector<result_row>& out) {
  std::filesystem::path dir = cfg.dir.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(cfg.dir);
  auto path = dir / ("quarry_bench_keyset_" + std::to_string(::getpid()) + ".db");
  quarry::sqlite::options o;
  o.path = path.string();
  bool ok;
  {
    quarry::sqlite::connection db(o);
    std::printf("sqlite %s (%s)\n", SQLITE_VERSION, o.path.c_str());
    auto t0 = clock_type::now();
    db.create_table(items);
    db.exec("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < " + std::to_string(cfg.rows) +
            ") INSERT INTO items (score, title) SELECT (n * 7919) % 100003, 'item number ' || n FROM g");
    db.exec("CREATE INDEX items_score_id ON items (score DESC, id DESC)");
    db.exec("ANALYZE");
    log_time("fill + index", t0);
    ok = measure(db, "sqlite", cfg, out);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return ok;
}

bool run_postgres(const config& cfg, std::vector<result_row>& out) {
  const char* conninfo = std::getenv("QUARRY_BENCH_PG");
  if (!conninfo || !*conninfo) conninfo = std::getenv("QUARRY_TEST_PG");
  if (!conninfo || !*conninfo) {
    std::printf("postgres: skipped (set QUARRY_BENCH_PG or QUARRY_TEST_PG)\n");
    return true;
  }
  quarry::postgres::options o;
  o.conninfo = conninfo;
  quarry::postgres::connection db(o);
  std::string schema = "quarry_bench_keyset_" + std::to_string(::getpid());
  std::printf("postgres (%s), schema %s\n", conninfo, schema.c_str());
  db.exec("CREATE SCHEMA " + schema);
  db.exec("SET search_path TO " + schema);
  bool ok = false;
  try {
    auto t0 = clock_type::now();
    db.create_table(items);
    db.exec("INSERT INTO items (score, title) SELECT (n::bigint * 7919) % 100003, 'item number ' || n FROM generate_series(1, " +
            std::to_string(cfg.rows) + ") AS g(n)");
    db.exec("CREATE INDEX items_score_id ON items (score DESC, id DESC)");
    db.exec("VACUUM ANALYZE items");
    log_time("fill + index + vacuum analyze", t0);
    ok = measure(db, "postgres", cfg, out);
  } catch (...) {
    db.exec("DROP SCHEMA " + schema + " CASCADE");
    throw;
  }
  db.exec("DROP SCHEMA " + schema + " CASCADE");
  return ok;
}

}  // namespace quarry_bench

int main(int argc, char** argv) {
  using namespace quarry_bench;
  config cfg;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--rows") {
      cfg.rows = std::stoll(value());
    } else if (a == "--reps") {
      cfg.reps = std::stoi(value());
    } else if (a == "--backend") {
      cfg.backends.push_back(value());
    } else if (a == "--dir") {
      cfg.dir = value();
    } else {
      std::fprintf(stderr, "usage: bench_keyset [--rows N] [--reps N] [--backend sqlite|postgres]... [--dir PATH]\n");
      return 2;
    }
  }
  if (cfg.backends.empty()) cfg.backends = {"sqlite", "postgres"};
  std::printf("keyset vs OFFSET: %lld rows, pages of %lld, median of %d fetches each\n",
              static_cast<long long>(cfg.rows), static_cast<long long>(page_size), cfg.reps);
  std::vector<result_row> results;
  bool ok = true;
  for (const auto& b : cfg.backends) {
    if (b == "sqlite") {
      ok = run_sqlite(cfg, results) && ok;
    } else if (b == "postgres") {
      ok = run_postgres(cfg, results) && ok;
    } else {
      std::fprintf(stderr, "unknown backend %s\n", b.c_str());
      return 2;
    }
  }
  std::printf("\n| backend | page | keyset ms | OFFSET ms | keyset vs its page 1 |\n|---|---:|---:|---:|---:|\n");
  std::map<std::string, double> first;
  for (const auto& r : results) {
    if (r.page == 1) first[r.backend] = r.keyset_ms;
    std::printf("| %s | %lld | %.3f | %.3f | %.2f |\n", r.backend.c_str(), static_cast<long long>(r.page), r.keyset_ms,
                r.offset_ms, r.keyset_ms / first[r.backend]);
  }
  for (const auto& r : results)
    if (r.page == 1000)
      std::printf("%s: keyset page 1000 / page 1 = %.2f (target <= 1.5): %s\n", r.backend.c_str(),
                  r.keyset_ms / first[r.backend], r.keyset_ms / first[r.backend] <= 1.5 ? "met" : "MISSED");
  if (!ok) std::printf("RESULTS DIFFER between keyset and OFFSET\n");
  return ok ? 0 : 1;
}
