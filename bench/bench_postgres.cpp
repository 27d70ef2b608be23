// quarry vs raw libpq, in the same process and run, against the same server, with the same formats.
//
//   QUARRY_BENCH_PG="host=/tmp/pg port=5432 dbname=postgres user=postgres" bench_postgres [--quick]
//       [--reps N] [--phase insert|modes|select|join]...
//
// The conninfo comes from QUARRY_BENCH_PG, else QUARRY_TEST_PG; the program stops (exit 2) when
// neither is set. Use a local server (Unix socket or 127.0.0.1): the figures are about the client.
//
// Every phase is run N times (default 5) for each side, alternating which side goes first; the
// median is reported together with the ratio quarry/raw. Results are checked against each other
// (the program exits 1 when quarry and raw disagree), and every result goes through a sink so the
// optimizer cannot drop it. See docs/benchmarks.md ("PostgreSQL") for the method and the figures.
//
// Formats (both sides): parameters in binary with explicit type OIDs (bigint 20, double precision
// 701), strings as untyped (OID 0) text-format parameters, results in binary; the raw side runs a
// statement prepared once with PQexecPrepared. The SQL texts are quarry's, printed by
// quarry::to_sql<quarry::postgres_dialect>, so the server does identical work. Session settings:
// client_encoding=UTF8 and TimeZone=UTC on both (quarry's defaults); the program prints them.
//
// Everything happens in a private schema (quarry_bench_<pid>), dropped at the end.

#include <quarry/postgres.hpp>
#include <libpq-fe.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <time.h>
#include <unistd.h>
#include <utility>
#include <vector>

#include "bench_schema.hpp"

namespace {

using namespace quarry_bench;
using quarry::postgres::prepare_mode;

using clock_type = std::chrono::steady_clock;
using seconds = std::chrono::duration<double>;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_postgres: %s\n", what.c_str());
  std::exit(1);
}

/// CPU time of the calling thread (user + system), in seconds. On a shared machine it is far less
/// disturbed by other processes than the wall clock; with a client/server database it is the
/// client's share only (libpq, quarry, decoding, the socket system calls).
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// CPU time used so far by a local server process (the connection's backend), in seconds, from
/// /proc/<pid>/schedstat (nanoseconds on a CPU); NaN when it cannot be read, e.g. a remote
/// server or another PID namespace. Only a process named "postgres" is trusted.
class server_clock {
 public:
  explicit server_clock(int pid) {
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    if (pid > 0 && std::getline(comm, name) && name.rfind("postgres", 0) == 0)
      path_ = "/proc/" + std::to_string(pid) + "/schedstat";
  }
  double seconds() const {
    if (path_.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::ifstream f(path_);
    unsigned long long ns = 0;
    if (!(f >> ns)) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(ns) * 1e-9;
  }
  bool available() const { return !std::isnan(seconds()); }

 private:
  std::string path_;
};

/// One timed run: steady_clock wall time (the figure the targets apply to), the client thread's
/// CPU time and the server backend's CPU time.
struct sample {
  double wall = 0;
  double cpu = 0;
  double server = 0;
};

template <class F>
sample time_it(const server_clock& srv, F&& f) {
  double s0 = srv.seconds();
  clobber_memory();
  double c0 = thread_cpu_seconds();
  auto t0 = clock_type::now();
  f();
  clobber_memory();
  auto t1 = clock_type::now();
  double c1 = thread_cpu_seconds();
  double s1 = srv.seconds();
  return {seconds(t1 - t0).count(), c1 - c0, s1 - s0};
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Median wall, CPU and server time of a set of runs (each median taken separately).
sample median(const std::vector<sample>& v) {
  std::vector<double> w, c, s;
  for (const auto& x : v) {
    w.push_back(x.wall);
    c.push_back(x.cpu);
    s.push_back(x.server);
  }
  return {median(w), median(c), median(s)};
}

// ---------------------------------------------------------------------------------------------
// Raw libpq helpers: the code a careful hand-written program would have.
// ---------------------------------------------------------------------------------------------
using result_ptr = std::unique_ptr<PGresult, decltype(&PQclear)>;

/// Binary wire format (network byte order), written out by hand as a raw program would.
inline void put_be64(char* out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
}
inline std::int64_t get_be64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  return static_cast<std::int64_t>(v);
}
inline double get_f64(const char* p) { return std::bit_cast<double>(get_be64(p)); }

constexpr Oid oid_unknown = 0, oid_int8 = 20, oid_text = 25, oid_float8 = 701;

void check(PGconn* c, const PGresult* r, ExecStatusType want, const char* what) {
  if (!r || PQresultStatus(r) != want)
    fail(std::string(what) + ": " + (r ? PQresultErrorMessage(r) : PQerrorMessage(c)));
}

void raw_exec(PGconn* c, const std::string& sql) {
  result_ptr r(PQexec(c, sql.c_str()), &PQclear);
  if (!r || (PQresultStatus(r.get()) != PGRES_COMMAND_OK && PQresultStatus(r.get()) != PGRES_TUPLES_OK))
    fail("raw exec '" + sql + "': " + (r ? PQresultErrorMessage(r.get()) : PQerrorMessage(c)));
}

std::string raw_value(PGconn* c, const std::string& sql) {
  result_ptr r(PQexec(c, sql.c_str()), &PQclear);
  check(c, r.get(), PGRES_TUPLES_OK, sql.c_str());
  return PQntuples(r.get()) > 0 && !PQgetisnull(r.get(), 0, 0) ? PQgetvalue(r.get(), 0, 0) : "NULL";
}

void raw_prepare(PGconn* c, const char* name, const std::string& sql, int n, const Oid* types) {
  result_ptr r(PQprepare(c, name, sql.c_str(), n, types), &PQclear);
  check(c, r.get(), PGRES_COMMAND_OK, "prepare");
}

/// A raw connection with quarry's session settings (client_encoding=UTF8, TimeZone=UTC).
struct raw_conn {
  PGconn* c = nullptr;
  raw_conn(const std::string& conninfo, const std::string& schema) {
    const char* keys[] = {"dbname", "client_encoding", "options", "application_name", nullptr};
    const char* vals[] = {conninfo.c_str(), "UTF8", "-c TimeZone=UTC", "quarry_bench_raw", nullptr};
    c = PQconnectdbParams(keys, vals, 1);
    if (!c || PQstatus(c) != CONNECTION_OK) fail(std::string("cannot connect: ") + (c ? PQerrorMessage(c) : "?"));
    raw_exec(c, "SET search_path TO " + schema);
  }
  raw_conn(const raw_conn&) = delete;
  raw_conn& operator=(const raw_conn&) = delete;
  ~raw_conn() { PQfinish(c); }
};

std::unique_ptr<quarry::postgres::connection> quarry_connect(const std::string& conninfo, const std::string& schema,
                                                             prepare_mode mode = prepare_mode::named) {
  quarry::postgres::options o;
  o.conninfo = conninfo;
  o.prepare = mode;
  auto db = std::make_unique<quarry::postgres::connection>(o);
  db->exec("SET search_path TO " + schema);
  return db;
}

std::string settings_of(PGconn* c) {
  std::string s;
  for (const char* p : {"client_encoding", "TimeZone", "synchronous_commit", "search_path", "jit",
                        "max_parallel_workers_per_gather"}) {
    if (!s.empty()) s += ' ';
    s += p;
    s += '=';
    s += raw_value(c, std::string("SHOW ") + p);
  }
  return s;
}

// The workload functions below are [[gnu::noinline]] (one call per run, so it costs nothing) so
// that profilers see them by name, e.g.
//   valgrind --tool=callgrind --toggle-collect='*quarry_select_all*' bench_postgres --quick --phase select

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
  std::vector<std::string> phases;  // empty: all
  std::size_t insert_rows = 100'000;
  std::size_t select_rows = 100'000;
  int select_passes = 3;               // each timed select run reads the table this many times
  std::size_t join_orders = 200'000;
  std::size_t join_customers = 2'000;  // half of them match WHERE region = 0: 1000 groups
  std::string conninfo;
  std::string schema;

  bool wants(std::string_view p) const {
    return phases.empty() || std::find(phases.begin(), phases.end(), p) != phases.end();
  }
  /// The informational prepare-mode rows take long (a round trip or two per row): at most 5 runs.
  int mode_reps() const { return std::min(reps, 5); }
};

// ---------------------------------------------------------------------------------------------
// Results table
// ---------------------------------------------------------------------------------------------
struct row_result {
  std::string variant;
  sample raw;
  sample quarry;
  double target = 0;  // 0: informational
};
std::vector<row_result> g_results;

double ratio_cpu(const row_result& r) { return r.quarry.cpu / r.raw.cpu; }
/// quarry/raw of client + server CPU time; NaN when the server's CPU time is unknown.
double ratio_total(const row_result& r) {
  return (r.quarry.cpu + r.quarry.server) / (r.raw.cpu + r.raw.server);
}

void report(const row_result& r) {
  std::printf("  %-38s raw %9.2f ms   quarry %9.2f ms   quarry/raw %.3f   (cpu %.3f, cpu+server %.3f)\n",
              r.variant.c_str(), r.raw.wall * 1e3, r.quarry.wall * 1e3, r.quarry.wall / r.raw.wall, ratio_cpu(r),
              ratio_total(r));
  std::printf("  %-38s client cpu: raw %.2f ms, quarry %.2f ms; server cpu: raw %.2f ms, quarry %.2f ms\n", "",
              r.raw.cpu * 1e3, r.quarry.cpu * 1e3, r.raw.server * 1e3, r.quarry.server * 1e3);
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

bool g_mismatch = false;

template <class T>
void expect_equal(const T& a, const T& b, const char* what) {
  if (!(a == b)) {
    std::fprintf(stderr, "bench_postgres: MISMATCH in %s: quarry and raw disagree\n", what);
    g_mismatch = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 1: insert N rows one by one in one transaction, reading each generated id (RETURNING)
// ---------------------------------------------------------------------------------------------
const std::string& insert_sql() { return quarry::to_sql<quarry::postgres_dialect>(quarry::insert_into(items).values(Item{})); }

/// The parameter types quarry sends for (name, score, weight): an untyped string, bigint, double.
constexpr Oid insert_types[3] = {oid_unknown, oid_int8, oid_float8};

/// Raw: one INSERT ... RETURNING "id" per row, reading the id. `mode` picks the same protocol as
/// quarry's prepare modes: named (PQexecPrepared of "ins", prepared once per connection), unnamed
/// (PQprepare("") + PQexecPrepared("") per row) and off (PQexecParams per row).
[[gnu::noinline]] std::int64_t raw_insert_all(PGconn* c, const std::vector<Item>& rows, prepare_mode mode) {
  std::int64_t last = 0;
  char score[8], weight[8];
  const char* values[3] = {nullptr, score, weight};
  const int lengths[3] = {0, 8, 8};
  const int formats[3] = {0, 1, 1};  // the string as text (OID 0), the numbers in binary
  const std::string& sql = insert_sql();
  raw_exec(c, "BEGIN");
  for (const Item& r : rows) {
    values[0] = r.name.c_str();
    put_be64(score, static_cast<std::uint64_t>(r.score));
    put_be64(weight, std::bit_cast<std::uint64_t>(r.weight));
    PGresult* res;
    if (mode == prepare_mode::named) {
      res = PQexecPrepared(c, "ins", 3, values, lengths, formats, 1);
    } else if (mode == prepare_mode::unnamed) {
      raw_prepare(c, "", sql, 3, insert_types);
      res = PQexecPrepared(c, "", 3, values, lengths, formats, 1);
    } else {
      res = PQexecParams(c, sql.c_str(), 3, insert_types, values, lengths, formats, 1);
    }
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
      std::string msg = PQresultErrorMessage(res);
      PQclear(res);
      fail("raw insert: " + msg);
    }
    last = get_be64(PQgetvalue(res, 0, 0));
    PQclear(res);
  }
  raw_exec(c, "COMMIT");
  return last;
}

[[gnu::noinline]] std::int64_t quarry_insert_all(quarry::postgres::connection& db, const std::vector<Item>& rows) {
  std::int64_t last = 0;
  db.exec("BEGIN");
  for (const Item& r : rows) last = db.insert(items, r);
  db.exec("COMMIT");
  return last;
}

/// What the table holds after an insert run (compared between the two sides).
struct table_sum {
  std::string text;
  bool operator==(const table_sum&) const = default;
};
table_sum items_checksum(PGconn* c) {
  return {raw_value(c, "SELECT count(*) || ' ' || max(id) || ' ' || sum(score) || ' ' || sum(length(name)) || ' ' || "
                       "sum(weight) FROM items")};
}

void insert_pair(const config& cfg, prepare_mode mode, const char* label, double target, int reps) {
  const auto rows = make_items(cfg.insert_rows);
  raw_conn raw_db(cfg.conninfo, cfg.schema);
  auto qdb = quarry_connect(cfg.conninfo, cfg.schema, mode);
  if (mode == prepare_mode::named) raw_prepare(raw_db.c, "ins", insert_sql(), 3, insert_types);
  const server_clock raw_srv(PQbackendPID(raw_db.c)), q_srv(qdb->backend_pid());
  std::optional<table_sum> raw_sum, q_sum;

  auto raw = [&] {
    raw_exec(raw_db.c, "TRUNCATE items RESTART IDENTITY");
    std::int64_t last = 0;
    sample t = time_it(raw_srv, [&] { last = raw_insert_all(raw_db.c, rows, mode); });
    do_not_optimize(last);
    if (last != static_cast<std::int64_t>(rows.size())) fail("raw insert: last id " + std::to_string(last));
    if (!raw_sum) raw_sum = items_checksum(raw_db.c);
    return t;
  };
  auto q = [&] {
    qdb->exec("TRUNCATE items RESTART IDENTITY");
    std::int64_t last = 0;
    sample t = time_it(q_srv, [&] { last = quarry_insert_all(*qdb, rows); });
    do_not_optimize(last);
    if (last != static_cast<std::int64_t>(rows.size())) fail("quarry insert: last id " + std::to_string(last));
    if (!q_sum) q_sum = items_checksum(qdb->native_handle());
    return t;
  };
  raw();  // warm-up (server caches, allocator; quarry prepares its statement)
  q();
  expect_equal(*q_sum, *raw_sum, "insert (table contents)");
  auto [r, qq] = run_pair(reps, raw, q);
  report({label, r, qq, target});
}

void phase_insert(const config& cfg) {
  std::printf("\n[1] insert %zu rows one by one in one transaction, INSERT ... RETURNING \"id\"\n", cfg.insert_rows);
  std::printf("  SQL (both sides): %s\n", insert_sql().c_str());
  {
    raw_conn r(cfg.conninfo, cfg.schema);
    auto q = quarry_connect(cfg.conninfo, cfg.schema);
    std::printf("  settings raw:    %s\n  settings quarry: %s\n", settings_of(r.c).c_str(),
                settings_of(q->native_handle()).c_str());
  }
  insert_pair(cfg, prepare_mode::named, "insert(obj), one transaction", 1.05, cfg.reps);
}

void phase_modes(const config& cfg) {
  std::printf("\n[1b] the same inserts with prepare=unnamed and prepare=off (informational, %d runs per side);\n"
              "     raw does the same protocol: PQprepare(\"\") + PQexecPrepared(\"\") per row, PQexecParams per row\n",
              cfg.mode_reps());
  insert_pair(cfg, prepare_mode::unnamed, "insert(obj), prepare=unnamed", 0, cfg.mode_reps());
  insert_pair(cfg, prepare_mode::off, "insert(obj), prepare=off", 0, cfg.mode_reps());
}

// ---------------------------------------------------------------------------------------------
// Phase 2: select all rows into structs and sum the columns (each run reads the table 3 times)
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

const std::string& select_sql() { return quarry::to_sql<quarry::postgres_dialect>(quarry::select(items)); }

inline Item raw_read_item(const PGresult* r, int i) {
  return Item{get_be64(PQgetvalue(r, i, 0)),
              std::string(PQgetvalue(r, i, 1), static_cast<std::size_t>(PQgetlength(r, i, 1))),
              get_be64(PQgetvalue(r, i, 2)), get_f64(PQgetvalue(r, i, 3))};
}

PGresult* raw_run_select(PGconn* c) {
  PGresult* r = PQexecPrepared(c, "sel", 0, nullptr, nullptr, nullptr, 1);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    fail("raw select: " + msg);
  }
  return r;
}

/// Raw, every row into a std::vector<Item> (reserved, as quarry's .all() does), then the sum.
[[gnu::noinline]] select_sum raw_select_vector(PGconn* c, int passes) {
  select_sum sum;
  for (int p = 0; p < passes; ++p) {
    PGresult* r = raw_run_select(c);
    int n = PQntuples(r);
    std::vector<Item> v;
    v.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) v.push_back(raw_read_item(r, i));
    PQclear(r);
    for (const Item& it : v) add(sum, it);
    do_not_optimize(v.data());
  }
  return sum;
}

/// Raw, one struct per row, no container (the counterpart of iterating a quarry result).
[[gnu::noinline]] select_sum raw_select_stream(PGconn* c, int passes) {
  select_sum sum;
  for (int p = 0; p < passes; ++p) {
    PGresult* r = raw_run_select(c);
    int n = PQntuples(r);
    for (int i = 0; i < n; ++i) {
      Item it = raw_read_item(r, i);
      add(sum, it);
    }
    PQclear(r);
  }
  return sum;
}

/// Raw with the checks quarry makes: each column's type OID once per result, and PQgetisnull for
/// every value. Informational: how much of quarry's cost is the checking.
[[noreturn, gnu::noinline]] void bad_column(int i) { fail("select: unexpected NULL or type in column " + std::to_string(i)); }

[[gnu::noinline]] select_sum raw_select_checked(PGconn* c, int passes) {
  select_sum sum;
  for (int p = 0; p < passes; ++p) {
    PGresult* r = raw_run_select(c);
    const Oid want[4] = {oid_int8, oid_text, oid_int8, oid_float8};
    if (PQnfields(r) != 4) bad_column(-1);
    for (int k = 0; k < 4; ++k)
      if (PQftype(r, k) != want[k]) bad_column(k);
    int n = PQntuples(r);
    for (int i = 0; i < n; ++i) {
      for (int k = 0; k < 4; ++k)
        if (PQgetisnull(r, i, k)) bad_column(k);
      Item it = raw_read_item(r, i);
      add(sum, it);
    }
    PQclear(r);
  }
  return sum;
}

[[gnu::noinline]] select_sum quarry_select_all(quarry::postgres::connection& db, int passes) {
  select_sum sum;
  for (int p = 0; p < passes; ++p) {
    std::vector<Item> v = db.query(quarry::select(items)).all();
    for (const Item& it : v) add(sum, it);
    do_not_optimize(v.data());
  }
  return sum;
}

[[gnu::noinline]] select_sum quarry_select_iterate(quarry::postgres::connection& db, int passes) {
  select_sum sum;
  for (int p = 0; p < passes; ++p)
    for (const Item& it : db.query(quarry::select(items))) add(sum, it);
  return sum;
}

void populate(const config& cfg) {
  raw_conn db(cfg.conninfo, cfg.schema);
  raw_exec(db.c, "TRUNCATE items RESTART IDENTITY");
  // The same rows as make_items(): 'user-0000042@example.com', (i * 7919) % 1000, (i % 977) * 0.5.
  raw_exec(db.c, "INSERT INTO items (name, score, weight) SELECT 'user-' || lpad(i::text, 7, '0') || '@example.com', "
                 "(i * 7919) % 1000, (i % 977) * 0.5 FROM generate_series(0, " +
                     std::to_string(cfg.select_rows - 1) + ") AS i ORDER BY i");
  // Customers (region alternates 0/1) and orders spread over every customer.
  raw_exec(db.c, "INSERT INTO customers (name, region) SELECT 'customer-' || i, i % 2 FROM generate_series(0, " +
                     std::to_string(cfg.join_customers - 1) + ") AS i ORDER BY i");
  raw_exec(db.c, "INSERT INTO orders (customer_id, amount) SELECT i % " + std::to_string(cfg.join_customers) +
                     " + 1, (i % 1013) * 0.25 FROM generate_series(0, " + std::to_string(cfg.join_orders - 1) +
                     ") AS i ORDER BY i");
  raw_exec(db.c, "CREATE INDEX orders_customer_id ON orders (customer_id)");
  raw_exec(db.c, "VACUUM ANALYZE items");  // hint bits and visibility map set before the first timed read
  raw_exec(db.c, "VACUUM ANALYZE customers");
  raw_exec(db.c, "VACUUM ANALYZE orders");
}

void phase_select(const config& cfg) {
  std::printf("\n[2] select all %zu rows into structs and sum them; each run reads the table %d times\n",
              cfg.select_rows, cfg.select_passes);
  std::printf("  SQL (both sides): %s\n", select_sql().c_str());
  raw_conn raw_db(cfg.conninfo, cfg.schema);
  auto qdb = quarry_connect(cfg.conninfo, cfg.schema);
  raw_prepare(raw_db.c, "sel", select_sql(), 0, nullptr);
  const server_clock raw_srv(PQbackendPID(raw_db.c)), q_srv(qdb->backend_pid());
  const int n = cfg.select_passes;

  select_sum expected = raw_select_vector(raw_db.c, n);  // also warms the server's buffers
  expect_equal(quarry_select_all(*qdb, n), expected, "select all()");
  expect_equal(quarry_select_iterate(*qdb, n), expected, "select iterate");
  expect_equal(raw_select_stream(raw_db.c, n), expected, "raw select stream");
  expect_equal(raw_select_checked(raw_db.c, n), expected, "raw select checked");
  if (expected.rows != static_cast<std::int64_t>(cfg.select_rows) * n) fail("select: wrong row count");

  auto timed = [](const server_clock& srv, auto&& f) {
    return [&srv, f] {
      select_sum s;
      sample t = time_it(srv, [&] { s = f(); });
      do_not_optimize(s);
      return t;
    };
  };
  {
    auto [r, q] = run_pair(cfg.reps, timed(raw_srv, [&] { return raw_select_vector(raw_db.c, n); }),
                           timed(q_srv, [&] { return quarry_select_all(*qdb, n); }));
    report({"select(t).all() into vector, sum", r, q, 1.05});
  }
  {
    auto [r, q] = run_pair(cfg.reps, timed(raw_srv, [&] { return raw_select_stream(raw_db.c, n); }),
                           timed(q_srv, [&] { return quarry_select_iterate(*qdb, n); }));
    report({"select(t), iterate row by row", r, q, 0});
  }
  {
    // "raw" here is hand-written code that checks types and NULLs as quarry does.
    auto [r, q] = run_pair(cfg.reps, timed(raw_srv, [&] { return raw_select_checked(raw_db.c, n); }),
                           timed(q_srv, [&] { return quarry_select_iterate(*qdb, n); }));
    report({"select(t) iterate vs raw with checks", r, q, 0});
  }
}

// ---------------------------------------------------------------------------------------------
// Phase 3: two-table join with WHERE and GROUP BY, ~1000 groups
// ---------------------------------------------------------------------------------------------
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

/// The query through quarry's builder (select / join / where / group_by). With an inner join and
/// NOT NULL operands, count() is std::int64_t and sum() a plain double.
auto join_query(std::int64_t region) {
  return quarry::select(customers.id, customers.name, quarry::count(), quarry::sum(orders.amount))
      .from(customers)
      .join(orders)
      .on(orders.customer_id == customers.id)
      .where(customers.region == region)
      .group_by(customers.id, customers.name);
}

/// quarry's SQL text for the join; the raw side prepares the same text.
const std::string& join_sql() { return quarry::to_sql<quarry::postgres_dialect>(join_query(0)); }

[[gnu::noinline]] std::vector<GroupRow> raw_join(PGconn* c, std::int64_t region) {
  char param[8];
  put_be64(param, static_cast<std::uint64_t>(region));
  const char* values[1] = {param};
  const int lengths[1] = {8};
  const int formats[1] = {1};
  PGresult* r = PQexecPrepared(c, "join", 1, values, lengths, formats, 1);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    fail("raw join: " + msg);
  }
  // No reserve(): the vector grows as quarry_join's does (a result range has no size).
  int n = PQntuples(r);
  std::vector<GroupRow> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(GroupRow{get_be64(PQgetvalue(r, i, 0)),
                           std::string(PQgetvalue(r, i, 1), static_cast<std::size_t>(PQgetlength(r, i, 1))),
                           get_be64(PQgetvalue(r, i, 2)), get_f64(PQgetvalue(r, i, 3))});
  }
  PQclear(r);
  return out;
}

[[gnu::noinline]] std::vector<GroupRow> quarry_join(quarry::postgres::connection& db, std::int64_t region) {
  std::vector<GroupRow> out;
  for (auto [id, name, n, total] : db.query(join_query(region))) out.push_back(GroupRow{id, std::move(name), n, total});
  return out;
}

void phase_join(const config& cfg) {
  std::printf("\n[3] join customers x orders (%zu x %zu), WHERE region = $1, GROUP BY customer\n", cfg.join_customers,
              cfg.join_orders);
  raw_conn raw_db(cfg.conninfo, cfg.schema);
  auto qdb = quarry_connect(cfg.conninfo, cfg.schema);
  const Oid types[1] = {oid_int8};
  raw_prepare(raw_db.c, "join", join_sql(), 1, types);
  const server_clock raw_srv(PQbackendPID(raw_db.c)), q_srv(qdb->backend_pid());

  auto rows = raw_join(raw_db.c, 0);  // warm-up
  join_sum expected = sum_groups(rows);
  std::printf("  %zu groups\n  SQL (both sides): %s\n", expected.groups, join_sql().c_str());
  {
    // The plan the server uses for region 0 (both sides run the same statement text).
    raw_exec(raw_db.c, "PREPARE join_plan(bigint) AS " + join_sql());
    result_ptr plan(PQexec(raw_db.c, "EXPLAIN (COSTS OFF) EXECUTE join_plan(0)"), &PQclear);
    raw_exec(raw_db.c, "DEALLOCATE join_plan");
    if (PQresultStatus(plan.get()) == PGRES_TUPLES_OK) {
      std::printf("  plan (region 0):\n");
      for (int i = 0; i < PQntuples(plan.get()); ++i) std::printf("    %s\n", PQgetvalue(plan.get(), i, 0));
    }
  }
  expect_equal(sum_groups(quarry_join(*qdb, 0)), expected, "join");
  if (expected.groups != cfg.join_customers / 2) fail("join: wrong number of groups");

  auto timed = [](const server_clock& srv, auto&& f) {
    return [&srv, f] {
      sample t = time_it(srv, [&] {
        auto v = f();
        do_not_optimize(v.data());
      });
      return t;
    };
  };
  auto [r, q] = run_pair(cfg.reps, timed(raw_srv, [&] { return raw_join(raw_db.c, 0); }),
                         timed(q_srv, [&] { return quarry_join(*qdb, 0); }));
  report({"join + WHERE + GROUP BY, 1000 groups", r, q, 1.05});
}

// ---------------------------------------------------------------------------------------------
// Set-up and tear-down: a private schema with the three tables
// ---------------------------------------------------------------------------------------------
void create_schema(const config& cfg) {
  raw_conn db(cfg.conninfo, "public");
  raw_exec(db.c, "CREATE SCHEMA " + cfg.schema);
  raw_exec(db.c, "SET search_path TO " + cfg.schema);
  raw_exec(db.c, quarry::create_table_sql<quarry::postgres_dialect>(items));
  raw_exec(db.c, quarry::create_table_sql<quarry::postgres_dialect>(customers));
  raw_exec(db.c, quarry::create_table_sql<quarry::postgres_dialect>(orders));
  // No autovacuum/autoanalyze in the middle of a timed run (both sides alike).
  for (const char* t : {"items", "customers", "orders"})
    raw_exec(db.c, std::string("ALTER TABLE ") + t + " SET (autovacuum_enabled = off)");
}

void drop_schema(const config& cfg) noexcept {
  const char* keys[] = {"dbname", nullptr};
  const char* vals[] = {cfg.conninfo.c_str(), nullptr};
  PGconn* c = PQconnectdbParams(keys, vals, 1);
  if (c && PQstatus(c) == CONNECTION_OK) {
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);  // "drop cascades to 3 other objects"
    PQclear(PQexec(c, ("DROP SCHEMA IF EXISTS " + cfg.schema + " CASCADE").c_str()));
  }
  PQfinish(c);
}

void usage() {
  std::puts(
      "usage: bench_postgres [--quick] [--reps N] [--phase insert|modes|select|join]...\n"
      "  --quick   CI-sized run (10x fewer rows, 3 repetitions unless --reps is given)\n"
      "  --reps N  repetitions per side and phase; the median is reported (default 5; the\n"
      "            informational prepare-mode rows use at most 5)\n"
      "  --phase   run only the named phase(s)\n"
      "The server: QUARRY_BENCH_PG, else QUARRY_TEST_PG (a libpq conninfo or URL of a local server).");
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
    cfg.insert_rows = cfg.select_rows = 10'000;
    cfg.join_orders = 20'000;
    if (!reps_given) cfg.reps = 3;
  }
  const char* conninfo = std::getenv("QUARRY_BENCH_PG");
  const char* from = "QUARRY_BENCH_PG";
  if (!conninfo || !*conninfo) {
    conninfo = std::getenv("QUARRY_TEST_PG");
    from = "QUARRY_TEST_PG";
  }
  if (!conninfo || !*conninfo) {
    std::fprintf(stderr,
                 "bench_postgres: no server: set QUARRY_BENCH_PG (or QUARRY_TEST_PG) to the libpq conninfo of a "
                 "local PostgreSQL, e.g.\n  QUARRY_BENCH_PG=\"host=/tmp/pgdir port=54351 dbname=postgres "
                 "user=postgres\" %s\n",
                 argv[0]);
    return 2;
  }
  cfg.conninfo = conninfo;
  cfg.schema = "quarry_bench_" + std::to_string(::getpid());

  int server_version = 0;
  bool server_cpu = false;
  std::string where;
  try {
    auto probe = quarry_connect(cfg.conninfo, "public");
    server_version = probe->server_version();
    server_cpu = server_clock(probe->backend_pid()).available();
    where = probe->server();
  } catch (const std::exception& e) {
    fail(std::string("cannot connect (conninfo from ") + from + "): " + e.what());
  }
  std::printf("quarry bench_postgres: server %d, libpq %d, %d repetitions per side, median reported%s\n",
              server_version, PQlibVersion(), cfg.reps, cfg.quick ? ", --quick" : "");
  std::printf("server: %s (conninfo from %s), schema %s\n", where.c_str(), from, cfg.schema.c_str());
  std::printf("server CPU time: %s\n", server_cpu ? "read from /proc/<backend pid>/schedstat"
                                                  : "not available (remote server?): cpu+server shows nan");

  try {
    create_schema(cfg);
    if (cfg.wants("insert")) phase_insert(cfg);
    if (cfg.wants("modes")) phase_modes(cfg);
    if (cfg.wants("select") || cfg.wants("join")) {
      populate(cfg);
      if (cfg.wants("select")) phase_select(cfg);
      if (cfg.wants("join")) phase_join(cfg);
    }
  } catch (const std::exception& e) {
    drop_schema(cfg);
    fail(std::string("error: ") + e.what());
  }
  drop_schema(cfg);

  std::printf(
      "\nSummary (median of %d runs per side; ratio = quarry/raw wall time, cpu = quarry/raw client thread CPU "
      "time, cpu+srv = quarry/raw client + server backend CPU time)\n",
      cfg.reps);
  std::printf("| %-38s | %10s | %10s | %8s | %8s | %8s | %7s | %-6s |\n", "workload", "raw ms", "quarry ms", "ratio",
              "cpu", "cpu+srv", "target", "status");
  std::printf("|%s|%s|%s|%s|%s|%s|%s|%s|\n", std::string(40, '-').c_str(), std::string(12, '-').c_str(),
              std::string(12, '-').c_str(), std::string(10, '-').c_str(), std::string(10, '-').c_str(),
              std::string(10, '-').c_str(), std::string(9, '-').c_str(), std::string(8, '-').c_str());
  for (const auto& r : g_results) {
    double x = r.quarry.wall / r.raw.wall;
    char target[32];
    if (r.target == 0)
      std::snprintf(target, sizeof target, "-");
    else
      std::snprintf(target, sizeof target, "<= %.2f", r.target);
    const char* status = r.target == 0 ? "info" : (x <= r.target ? "ok" : "MISS");
    std::printf("| %-38s | %10.2f | %10.2f | %8.3f | %8.3f | %8.3f | %7s | %-6s |\n", r.variant.c_str(),
                r.raw.wall * 1e3, r.quarry.wall * 1e3, x, ratio_cpu(r), ratio_total(r), target, status);
  }
  if (g_mismatch) {
    std::fprintf(stderr, "bench_postgres: quarry and raw results differ (see above)\n");
    return 1;
  }
  return 0;
}
