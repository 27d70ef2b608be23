// SQLite stored forms (docs/sqlite.md, "Storage forms"): what the choice of scaled-INTEGER
// decimals and unix-time columns costs and buys, in the same process and run.
//
//   bench_storage [--rows N] [--queries Q] [--reps R]
//
// On one table of N rows with an index on every column, Q range queries (each selecting about
// 0.5 % of the rows) are run R times per side, alternating the order; the median thread CPU time
// is reported (the database is in memory).
//   decimal:   quarry on a numeric<12,2> column (INTEGER units, indexed)  vs
//              raw C on the same column reading int64 units, raw C building quarry::decimal values
//              (the same work quarry does), and the rejected design: TEXT decimals compared with
//              CAST(x AS REAL) (neither exact nor indexable).
//   timestamp: quarry on a sqlite_as<unix_seconds> column and on the default ISO-text column vs
//              raw C on the same columns.
// The query plans are printed (EXPLAIN QUERY PLAN), and the row counts of every side are checked
// against each other (exit 1 on a difference).

#include <quarry/sqlite.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <time.h>
#include <vector>

namespace quarry_bench_storage {

struct Row {
  std::int64_t id;
  quarry::decimal cents;
  quarry::decimal text_amount;
  quarry::timestamp at_unix;
  quarry::timestamp at_iso;
};
inline constexpr struct rows_t : quarry::table<"rows", Row> {
  column<&Row::id, "id", quarry::primary_key> id;
  column<&Row::cents, "cents", quarry::numeric<12, 2>> cents;
  column<&Row::text_amount, "text_amount"> text_amount;
  column<&Row::at_unix, "at_unix", quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> at_unix;
  column<&Row::at_iso, "at_iso"> at_iso;
} rows;

inline void clobber() { asm volatile("" : : : "memory"); }

}  // namespace quarry_bench_storage

namespace {
using namespace quarry_bench_storage;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_storage: %s\n", what.c_str());
  std::exit(1);
}

/// Thread CPU time of one run: on a shared machine far less disturbed than the wall clock (the
/// work is in memory, so CPU time is all of it).
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
template <class F>
double time_it(F&& f) {
  clobber();
  double c0 = cpu_now();
  f();
  clobber();
  return cpu_now() - c0;
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::int64_t lcg(std::uint64_t& s) {
  s = s * 6364136223846793005ULL + 1442695040888963407ULL;
  return static_cast<std::int64_t>(s >> 17);
}

void plan(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  std::string q = std::string("EXPLAIN QUERY PLAN ") + sql;
  if (sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db));
  std::printf("  plan of %s\n", sql);
  while (sqlite3_step(st) == SQLITE_ROW) std::printf("    %s\n", reinterpret_cast<const char*>(sqlite3_column_text(st, 3)));
  sqlite3_finalize(st);
}

/// Runs `sql` once per bound range with a raw prepared statement; `bind` binds one range, `read`
/// consumes one row. Returns the number of rows.
template <class Bind, class Read>
std::int64_t raw_ranges(sqlite3* db, const char* sql, int queries, Bind bind, Read read) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db));
  std::int64_t n = 0;
  for (int q = 0; q < queries; ++q) {
    bind(st, q);
    while (sqlite3_step(st) == SQLITE_ROW) {
      read(st);
      ++n;
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  int n_rows = 200000, queries = 400, reps = 7;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rows" && i + 1 < argc) n_rows = std::atoi(argv[++i]);
    else if (a == "--queries" && i + 1 < argc) queries = std::atoi(argv[++i]);
    else if (a == "--reps" && i + 1 < argc) reps = std::atoi(argv[++i]);
    else fail("usage: bench_storage [--rows N] [--queries Q] [--reps R]");
  }
  quarry::sqlite::connection db;  // in memory: the comparison is CPU work, not I/O
  db.create_table(rows);
  db.exec("CREATE INDEX rows_cents ON rows (cents)");
  db.exec("CREATE INDEX rows_text ON rows (text_amount)");
  db.exec("CREATE INDEX rows_unix ON rows (at_unix)");
  db.exec("CREATE INDEX rows_iso ON rows (at_iso)");
  const quarry::timestamp t0 = quarry::timestamp{std::chrono::sys_days{std::chrono::days{19723}}};
  const std::int64_t span_cents = 10'000'000;  // 0.00 .. 100000.00
  const std::int64_t span_s = 365LL * 86400;
  {
    auto tx = db.begin();
    std::uint64_t s = 42;
    for (int i = 1; i <= n_rows; ++i) {
      std::int64_t c = lcg(s) % span_cents;
      std::string txt = std::to_string(c / 100) + "." + (c % 100 < 10 ? "0" : "") + std::to_string(c % 100);
      quarry::timestamp at = t0 + std::chrono::seconds{lcg(s) % span_s};
      db.insert(rows, Row{i, quarry::decimal(txt), quarry::decimal(txt), at, at});
    }
    tx.commit();
  }
  db.exec("ANALYZE");
  // Ranges of 0.5 % of the value span, at pseudo-random places.
  std::vector<std::int64_t> lo_c(queries), lo_s(queries);
  {
    std::uint64_t s = 7;
    for (int q = 0; q < queries; ++q) {
      lo_c[q] = lcg(s) % (span_cents - span_cents / 200);
      lo_s[q] = lcg(s) % (span_s - span_s / 200);
    }
  }
  auto dec = [](std::int64_t units) { return quarry::decimal::scaled(units, 2); };
  sqlite3* raw = db.native_handle();

  const char* sql_cents = R"(SELECT "rows"."id", "rows"."cents" FROM "rows" WHERE "rows"."cents" BETWEEN ? AND ?)";
  const char* sql_cast = R"(SELECT "rows"."id", "rows"."text_amount" FROM "rows" WHERE CAST("rows"."text_amount" AS REAL) BETWEEN ? AND ?)";
  const char* sql_unix = R"(SELECT "rows"."id", "rows"."at_unix" FROM "rows" WHERE "rows"."at_unix" BETWEEN ? AND ?)";
  const char* sql_iso = R"(SELECT "rows"."id", "rows"."at_iso" FROM "rows" WHERE "rows"."at_iso" BETWEEN ? AND ?)";
  std::printf("bench_storage: %d rows, %d range queries per run, %d runs per side\n", n_rows, queries, reps);
  plan(raw, sql_cents);
  plan(raw, sql_cast);
  plan(raw, sql_unix);
  plan(raw, sql_iso);
  if (quarry::to_sql<quarry::sqlite_dialect>(quarry::select(rows.id, rows.cents).from(rows).where(rows.cents.between(0, 0))) !=
      sql_cents)
    fail("quarry's SQL differs from the raw side's");

  volatile std::int64_t sink = 0;
  std::int64_t counts[7] = {};
  auto side = [&](int k) -> double {
    switch (k) {
      case 0:  // quarry, numeric<12,2>
        return time_it([&] {
          std::int64_t n = 0;
          for (int q = 0; q < queries; ++q)
            for (auto [id, c] : db.query(quarry::select(rows.id, rows.cents).from(rows).where(
                     rows.cents.between(dec(lo_c[q]), dec(lo_c[q] + span_cents / 200))))) {
              sink = sink + id + static_cast<std::int64_t>(c.digits().size());
              ++n;
            }
          counts[0] = n;
        });
      case 1:  // raw C, int64 units
        return time_it([&] {
          counts[1] = raw_ranges(
              raw, sql_cents, queries,
              [&](sqlite3_stmt* st, int q) {
                sqlite3_bind_int64(st, 1, lo_c[q]);
                sqlite3_bind_int64(st, 2, lo_c[q] + span_cents / 200);
              },
              [&](sqlite3_stmt* st) { sink = sink + sqlite3_column_int64(st, 0) + sqlite3_column_int64(st, 1); });
        });
      case 2:  // raw C, building the same decimal values quarry builds
        return time_it([&] {
          counts[2] = raw_ranges(
              raw, sql_cents, queries,
              [&](sqlite3_stmt* st, int q) {
                sqlite3_bind_int64(st, 1, lo_c[q]);
                sqlite3_bind_int64(st, 2, lo_c[q] + span_cents / 200);
              },
              [&](sqlite3_stmt* st) {
                quarry::decimal c = dec(sqlite3_column_int64(st, 1));
                sink = sink + sqlite3_column_int64(st, 0) + static_cast<std::int64_t>(c.digits().size());
              });
        });
      case 3:  // raw C, the rejected design: TEXT decimals compared through CAST AS REAL
        return time_it([&] {
          counts[3] = raw_ranges(
              raw, sql_cast, queries,
              [&](sqlite3_stmt* st, int q) {
                sqlite3_bind_double(st, 1, static_cast<double>(lo_c[q]) / 100);
                sqlite3_bind_double(st, 2, static_cast<double>(lo_c[q] + span_cents / 200) / 100);
              },
              [&](sqlite3_stmt* st) {
                quarry::decimal c(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
                sink = sink + sqlite3_column_int64(st, 0) + static_cast<std::int64_t>(c.digits().size());
              });
        });
      case 4:  // quarry, unix seconds
        return time_it([&] {
          std::int64_t n = 0;
          for (int q = 0; q < queries; ++q)
            for (auto [id, at] : db.query(quarry::select(rows.id, rows.at_unix).from(rows).where(rows.at_unix.between(
                     t0 + std::chrono::seconds{lo_s[q]}, t0 + std::chrono::seconds{lo_s[q] + span_s / 200})))) {
              sink = sink + id + at.time_since_epoch().count();
              ++n;
            }
          counts[4] = n;
        });
      case 5:  // raw C, unix seconds
        return time_it([&] {
          const std::int64_t base = t0.time_since_epoch().count() / 1'000'000;
          counts[5] = raw_ranges(
              raw, sql_unix, queries,
              [&](sqlite3_stmt* st, int q) {
                sqlite3_bind_int64(st, 1, base + lo_s[q]);
                sqlite3_bind_int64(st, 2, base + lo_s[q] + span_s / 200);
              },
              [&](sqlite3_stmt* st) { sink = sink + sqlite3_column_int64(st, 0) + sqlite3_column_int64(st, 1) * 1'000'000; });
        });
      default:  // quarry, ISO text
        return time_it([&] {
          std::int64_t n = 0;
          for (int q = 0; q < queries; ++q)
            for (auto [id, at] : db.query(quarry::select(rows.id, rows.at_iso).from(rows).where(rows.at_iso.between(
                     t0 + std::chrono::seconds{lo_s[q]}, t0 + std::chrono::seconds{lo_s[q] + span_s / 200})))) {
              sink = sink + id + at.time_since_epoch().count();
              ++n;
            }
          counts[6] = n;
        });
    }
  };
  std::vector<double> t[7];
  for (int r = 0; r < reps; ++r)
    for (int k = 0; k < 7; ++k) {
      int kk = r % 2 ? 6 - k : k;  // alternate the order
      t[kk].push_back(side(kk));
    }
  if (counts[0] != counts[1] || counts[0] != counts[2] || counts[0] != counts[3])
    fail("decimal sides disagree: " + std::to_string(counts[0]) + " " + std::to_string(counts[1]) + " " +
         std::to_string(counts[2]) + " " + std::to_string(counts[3]));
  if (counts[4] != counts[5] || counts[4] != counts[6]) fail("timestamp sides disagree");
  const char* names[7] = {"decimal   quarry numeric<12,2> (INTEGER units)", "decimal   raw C, int64 units",
                          "decimal   raw C, building quarry::decimal", "decimal   raw C, TEXT + CAST AS REAL (rejected)",
                          "timestamp quarry sqlite_as<unix_seconds>", "timestamp raw C, unix seconds",
                          "timestamp quarry ISO text (default)"};
  std::printf("rows matched per run: decimal %lld, timestamp %lld\n", static_cast<long long>(counts[0]),
              static_cast<long long>(counts[4]));
  for (int k = 0; k < 7; ++k) std::printf("  %-52s %9.3f ms\n", names[k], median(t[k]) * 1e3);
  std::printf("ratios: quarry numeric / raw units %.3f, / raw building decimals %.3f; CAST-text design / quarry numeric %.1f\n",
              median(t[0]) / median(t[1]), median(t[0]) / median(t[2]), median(t[3]) / median(t[0]));
  std::printf("        quarry unix / raw unix %.3f; quarry ISO text / quarry unix %.3f\n", median(t[4]) / median(t[5]),
              median(t[6]) / median(t[4]));
  return sink == 42 ? 2 : 0;
}
