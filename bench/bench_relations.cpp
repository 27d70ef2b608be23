// Eager loading: 1000 parents x 10 children, on SQLite and PostgreSQL, three ways in the same
// process and run:
//   quarry  db.load(select(users).with(user_orders))                          (2 statements)
//   raw     hand-written two-query code with the C API: parents, then all children in one
//           statement keyed by the parents' ids (the same SQL texts as quarry's: json_each(?) on
//           SQLite, = ANY($1) with a binary int8[] on PostgreSQL), attached through a hash map
//   n+1     the naive loop with the C API: parents, then one prepared child query per parent
//
//   bench_relations [--quick] [--reps N] [--dir PATH] [--parents N] [--children N] [--backend sqlite|postgres]...
//
// PostgreSQL: QUARRY_BENCH_PG, else QUARRY_TEST_PG (a local server); without either the
// PostgreSQL half is skipped (said so in the output). All three PostgreSQL sides share one server
// session (the C API code runs on quarry's PGconn, with its own prepared statements). Each side runs N times (default 15, --quick
// 5), rotating which goes first; medians are reported with the ratios quarry/raw (target <= 1.10)
// and n+1/raw. Results are checked against each other (exit 1 on a mismatch); every result goes
// through a sink. See docs/benchmarks.md ("Eager loading").

#include <quarry/postgres.hpp>
#include <quarry/sqlite.hpp>
#include <quarry/diag.hpp>
#include <quarry/orm.hpp>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <time.h>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace quarry_bench {

struct User {
  std::int64_t id;
  std::string email;
};
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
} users;

struct Order {
  std::int64_t id;
  std::int64_t user_id;
  std::int64_t total;
  std::string status;
};
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
  column<&Order::total, "total"> total;
  column<&Order::status, "status"> status;
} orders;

inline constexpr auto user_orders = quarry::has_many<&orders_t::user_id>;

}  // namespace quarry_bench

namespace {

using namespace quarry_bench;

template <class T>
inline void do_not_optimize(T const& v) {
  asm volatile("" : : "r,m"(v) : "memory");
}
inline void clobber_memory() { asm volatile("" : : : "memory"); }

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct sample {
  double wall = 0;
  double cpu = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_relations: %s\n", what.c_str());
  std::exit(1);
}

/// What a loaded graph holds, compared between the sides: parents, children, sums.
struct checksum {
  std::int64_t parents = 0, children = 0, ids = 0, totals = 0, text = 0;
  bool operator==(const checksum&) const = default;
  void add_parent(const User& u) {
    ++parents;
    ids += u.id;
    text += static_cast<std::int64_t>(u.email.size());
  }
  void add_child(std::int64_t parent, const Order& o) {
    ++children;
    ids += o.id * 3 + parent;
    totals += o.total;
    text += static_cast<std::int64_t>(o.status.size());
    if (o.user_id != parent) fail("a child is attached to the wrong parent");
  }
};

/// A parent with its children, as hand-written code would hold them.
struct UserWithOrders {
  User user;
  std::vector<Order> orders;
};
checksum sum_of(const std::vector<UserWithOrders>& g) {
  checksum c;
  for (const auto& u : g) {
    c.add_parent(u.user);
    for (const auto& o : u.orders) c.add_child(u.user.id, o);
  }
  return c;
}
template <class Graph>
checksum sum_of_loaded(const Graph& g) {
  checksum c;
  for (const auto& u : g) {
    c.add_parent(u);
    for (const auto& o : u[user_orders]) c.add_child(u.id, o);
  }
  return c;
}

struct config {
  bool quick = false;
  int reps = 15;
  std::size_t parents = 1000;
  std::size_t children = 10;
  std::string dir;
  std::vector<std::string> backends;
  bool wants(std::string_view b) const {
    return backends.empty() || std::find(backends.begin(), backends.end(), b) != backends.end();
  }
};

struct line {
  std::string what;
  sample raw, quarry, n1;
  std::size_t statements = 0;
};
std::vector<line> g_lines;

/// Runs the three sides reps times each, rotating the order; returns their medians.
line run_three(const std::string& what, int reps, const std::function<sample()>& raw,
               const std::function<sample()>& quarry, const std::function<sample()>& n1) {
  std::vector<double> rw, rc, qw, qc, nw, nc;
  const std::function<sample()>* sides[3] = {&raw, &quarry, &n1};
  for (int i = 0; i < reps; ++i) {
    for (int k = 0; k < 3; ++k) {
      int s = (i + k) % 3;
      sample t = (*sides[s])();
      (s == 0 ? rw : s == 1 ? qw : nw).push_back(t.wall);
      (s == 0 ? rc : s == 1 ? qc : nc).push_back(t.cpu);
    }
  }
  line l{what, {median(rw), median(rc)}, {median(qw), median(qc)}, {median(nw), median(nc)}, 0};
  std::printf("  %-10s raw %8.3f ms   quarry %8.3f ms   n+1 %9.3f ms   quarry/raw %.3f (cpu %.3f)   n+1/raw %.2f (cpu %.2f)\n",
              what.c_str(), l.raw.wall * 1e3, l.quarry.wall * 1e3, l.n1.wall * 1e3, l.quarry.wall / l.raw.wall,
              l.quarry.cpu / l.raw.cpu, l.n1.wall / l.raw.wall, l.n1.cpu / l.raw.cpu);
  std::fflush(stdout);
  return l;
}

template <class F>
sample time_it(F&& f) {
  clobber_memory();
  double c0 = thread_cpu_seconds();
  auto t0 = std::chrono::steady_clock::now();
  f();
  clobber_memory();
  auto t1 = std::chrono::steady_clock::now();
  return {std::chrono::duration<double>(t1 - t0).count(), thread_cpu_seconds() - c0};
}

/// quarry's side, the same on both backends (two functions, so that bench/instructions-style
/// callgrind runs find them by name: --toggle-collect='*quarry_load*').
[[gnu::noinline]] auto quarry_load(quarry::sqlite::connection& db) {
  return db.load(quarry::select(users).with(user_orders));
}
[[gnu::noinline]] auto quarry_load(quarry::postgres::connection& db) {
  return db.load(quarry::select(users).with(user_orders));
}

template <class Db>
std::vector<std::string> quarry_sql(Db& db) {
  std::vector<std::string> sql;
  db.on_statement([&](const quarry::diag::statement_event& e) { sql.emplace_back(e.sql); });
  auto g = quarry_load(db);
  do_not_optimize(g);
  db.on_statement(nullptr);
  return sql;
}

std::string status_of(std::size_t i) { return "shipped-by-carrier-" + std::to_string(1000 + i % 7); }

// ---------------------------------------------------------------------------------------------
// SQLite
// ---------------------------------------------------------------------------------------------
struct raw_stmt {
  sqlite3_stmt* s = nullptr;
  raw_stmt(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
      fail("prepare " + sql + ": " + sqlite3_errmsg(db));
  }
  raw_stmt(const raw_stmt&) = delete;
  raw_stmt& operator=(const raw_stmt&) = delete;
  ~raw_stmt() { sqlite3_finalize(s); }
};

std::string column_text(sqlite3_stmt* s, int i) {
  return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)), static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
}

/// Hand-written two-query loading: parents, then every child in one statement.
[[gnu::noinline]] std::vector<UserWithOrders> raw_sqlite_two(sqlite3* db, sqlite3_stmt* parents, sqlite3_stmt* children) {
  std::vector<UserWithOrders> out;
  std::unordered_map<std::int64_t, std::size_t> index;
  std::string keys = "[";
  int rc;
  while ((rc = sqlite3_step(parents)) == SQLITE_ROW) {
    std::int64_t id = sqlite3_column_int64(parents, 0);
    index.emplace(id, out.size());
    if (keys.size() > 1) keys += ',';
    keys += std::to_string(id);
    out.push_back(UserWithOrders{User{id, column_text(parents, 1)}, {}});
  }
  if (rc != SQLITE_DONE) fail(std::string("raw parents: ") + sqlite3_errmsg(db));
  sqlite3_reset(parents);
  if (out.empty()) return out;
  keys += ']';
  sqlite3_bind_text64(children, 1, keys.data(), keys.size(), SQLITE_STATIC, SQLITE_UTF8);
  while ((rc = sqlite3_step(children)) == SQLITE_ROW) {
    Order o{sqlite3_column_int64(children, 0), sqlite3_column_int64(children, 1), sqlite3_column_int64(children, 2),
            column_text(children, 3)};
    auto it = index.find(o.user_id);
    if (it != index.end()) out[it->second].orders.push_back(std::move(o));
  }
  if (rc != SQLITE_DONE) fail(std::string("raw children: ") + sqlite3_errmsg(db));
  sqlite3_reset(children);
  return out;
}

/// The naive loop: one child query per parent.
[[gnu::noinline]] std::vector<UserWithOrders> raw_sqlite_n1(sqlite3* db, sqlite3_stmt* parents, sqlite3_stmt* child) {
  std::vector<UserWithOrders> out;
  int rc;
  while ((rc = sqlite3_step(parents)) == SQLITE_ROW)
    out.push_back(UserWithOrders{User{sqlite3_column_int64(parents, 0), column_text(parents, 1)}, {}});
  if (rc != SQLITE_DONE) fail(std::string("raw parents: ") + sqlite3_errmsg(db));
  sqlite3_reset(parents);
  for (auto& u : out) {
    sqlite3_bind_int64(child, 1, u.user.id);
    while ((rc = sqlite3_step(child)) == SQLITE_ROW)
      u.orders.push_back(Order{sqlite3_column_int64(child, 0), sqlite3_column_int64(child, 1),
                               sqlite3_column_int64(child, 2), column_text(child, 3)});
    if (rc != SQLITE_DONE) fail(std::string("raw n+1: ") + sqlite3_errmsg(db));
    sqlite3_reset(child);
  }
  return out;
}

void bench_sqlite(const config& cfg) {
  std::filesystem::path dir = cfg.dir.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(cfg.dir);
  std::string path = (dir / ("quarry_bench_relations_" + std::to_string(::getpid()) + ".db")).string();
  std::printf("\n[sqlite %s] %zu parents x %zu children, database %s (WAL)\n", sqlite3_libversion(), cfg.parents,
              cfg.children, path.c_str());
  {
    quarry::sqlite::options o;
    o.path = path;
    o.cache_size_kib = 8192;
    quarry::sqlite::connection db(o);
    db.create_table(users);
    db.create_table(orders);
    db.exec("CREATE INDEX orders_user_id ON orders (user_id)");
    db.transaction([&](quarry::transaction&) {
      for (std::size_t u = 0; u < cfg.parents; ++u) {
        char email[64];
        std::snprintf(email, sizeof email, "user-%07zu@example.com", u);
        auto id = db.insert(users, User{0, email});
        for (std::size_t k = 0; k < cfg.children; ++k)
          db.insert(orders, Order{0, id, static_cast<std::int64_t>(u * 31 + k), status_of(u + k)});
      }
    });
  }
  quarry::sqlite::options o;
  o.path = path;
  o.cache_size_kib = 8192;
  quarry::sqlite::connection qdb(o);
  auto sql = quarry_sql(qdb);
  if (sql.size() != 2) fail("quarry ran " + std::to_string(sql.size()) + " statements, not 2");
  std::printf("  parents SQL (both): %s\n  children SQL (both): %s\n", sql[0].c_str(), sql[1].c_str());
  std::string n1_sql = "SELECT \"orders\".\"id\", \"orders\".\"user_id\", \"orders\".\"total\", \"orders\".\"status\" "
                       "FROM \"orders\" WHERE \"orders\".\"user_id\" = ?";

  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    fail("cannot open " + path);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_exec(raw, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-8192", nullptr, nullptr, nullptr);
  {
    raw_stmt parents(raw, sql[0]), children(raw, sql[1]), child(raw, n1_sql);
    checksum want = sum_of(raw_sqlite_two(raw, parents.s, children.s));
    if (!(sum_of(raw_sqlite_n1(raw, parents.s, child.s)) == want)) fail("MISMATCH: n+1 and two-query differ");
    if (!(sum_of_loaded(quarry_load(qdb)) == want)) fail("MISMATCH: quarry and raw differ");
    if (want.children != static_cast<std::int64_t>(cfg.parents * cfg.children)) fail("unexpected child count");
    {
      quarry::diag::query_counter qc(qdb);  // scoped: no observer during the timed runs
      (void)quarry_load(qdb);
      qc.expect(2);
    }

    auto l = run_three(
        "sqlite", cfg.reps,
        [&] {
          std::vector<UserWithOrders> g;
          sample t = time_it([&] { g = raw_sqlite_two(raw, parents.s, children.s); });
          do_not_optimize(g);
          return t;
        },
        [&] {
          decltype(quarry_load(qdb)) g;
          sample t = time_it([&] { g = quarry_load(qdb); });
          do_not_optimize(g);
          return t;
        },
        [&] {
          std::vector<UserWithOrders> g;
          sample t = time_it([&] { g = raw_sqlite_n1(raw, parents.s, child.s); });
          do_not_optimize(g);
          return t;
        });
    l.statements = 2;
    g_lines.push_back(l);
  }
  sqlite3_close(raw);
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (binary parameters and results on both sides, as quarry)
// ---------------------------------------------------------------------------------------------
using result_ptr = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::int64_t get_be64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  return static_cast<std::int64_t>(v);
}
void put_be32(std::string& out, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_be64(std::string& out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

void pg_prepare(PGconn* c, const char* name, const std::string& sql, int n, const Oid* types) {
  result_ptr r(PQprepare(c, name, sql.c_str(), n, types), &PQclear);
  if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail(std::string("prepare: ") + PQerrorMessage(c));
}

User pg_user(const PGresult* r, int i) {
  return User{get_be64(PQgetvalue(r, i, 0)), std::string(PQgetvalue(r, i, 1), static_cast<std::size_t>(PQgetlength(r, i, 1)))};
}
Order pg_order(const PGresult* r, int i) {
  return Order{get_be64(PQgetvalue(r, i, 0)), get_be64(PQgetvalue(r, i, 1)), get_be64(PQgetvalue(r, i, 2)),
               std::string(PQgetvalue(r, i, 3), static_cast<std::size_t>(PQgetlength(r, i, 3)))};
}
result_ptr pg_run(PGconn* c, const char* name, int n, const char* const* values, const int* lengths, const int* formats) {
  result_ptr r(PQexecPrepared(c, name, n, values, lengths, formats, 1), &PQclear);
  if (!r || PQresultStatus(r.get()) != PGRES_TUPLES_OK) fail(std::string("run: ") + PQerrorMessage(c));
  return r;
}

[[gnu::noinline]] std::vector<UserWithOrders> raw_pg_two(PGconn* c) {
  std::vector<UserWithOrders> out;
  std::unordered_map<std::int64_t, std::size_t> index;
  {
    result_ptr r = pg_run(c, "raw_parents", 0, nullptr, nullptr, nullptr);
    int n = PQntuples(r.get());
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      out.push_back(UserWithOrders{pg_user(r.get(), i), {}});
      index.emplace(out.back().user.id, out.size() - 1);
    }
  }
  if (out.empty()) return out;
  // int8[] in binary: dimensions, no NULLs, element type, (length, lower bound), elements.
  std::string keys;
  put_be32(keys, 1);
  put_be32(keys, 0);
  put_be32(keys, 20);
  put_be32(keys, static_cast<std::uint32_t>(out.size()));
  put_be32(keys, 1);
  for (const auto& u : out) {
    put_be32(keys, 8);
    put_be64(keys, static_cast<std::uint64_t>(u.user.id));
  }
  const char* values[1] = {keys.data()};
  const int lengths[1] = {static_cast<int>(keys.size())};
  const int formats[1] = {1};
  result_ptr r = pg_run(c, "raw_children", 1, values, lengths, formats);
  int n = PQntuples(r.get());
  for (int i = 0; i < n; ++i) {
    Order o = pg_order(r.get(), i);
    auto it = index.find(o.user_id);
    if (it != index.end()) out[it->second].orders.push_back(std::move(o));
  }
  return out;
}

[[gnu::noinline]] std::vector<UserWithOrders> raw_pg_n1(PGconn* c) {
  std::vector<UserWithOrders> out;
  {
    result_ptr r = pg_run(c, "raw_parents", 0, nullptr, nullptr, nullptr);
    for (int i = 0, n = PQntuples(r.get()); i < n; ++i) out.push_back(UserWithOrders{pg_user(r.get(), i), {}});
  }
  std::string key;
  for (auto& u : out) {
    key.clear();
    put_be64(key, static_cast<std::uint64_t>(u.user.id));
    const char* values[1] = {key.data()};
    const int lengths[1] = {8};
    const int formats[1] = {1};
    result_ptr r = pg_run(c, "raw_child", 1, values, lengths, formats);
    for (int i = 0, n = PQntuples(r.get()); i < n; ++i) u.orders.push_back(pg_order(r.get(), i));
  }
  return out;
}

void bench_postgres(const config& cfg) {
  const char* conninfo = std::getenv("QUARRY_BENCH_PG");
  if (!conninfo || !*conninfo) conninfo = std::getenv("QUARRY_TEST_PG");
  if (!conninfo || !*conninfo) {
    std::printf("\n[postgres] skipped: set QUARRY_BENCH_PG (or QUARRY_TEST_PG) to a local server's conninfo\n");
    return;
  }
  std::string schema = "quarry_bench_rel_" + std::to_string(::getpid());
  quarry::postgres::options o;
  o.conninfo = conninfo;
  quarry::postgres::connection qdb(o);
  std::printf("\n[postgres %d] %zu parents x %zu children, schema %s\n", qdb.server_version(), cfg.parents,
              cfg.children, schema.c_str());
  qdb.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  qdb.exec("CREATE SCHEMA " + schema);
  qdb.exec("SET search_path TO " + schema);
  qdb.create_table(users);
  qdb.create_table(orders);
  qdb.exec("CREATE INDEX orders_user_id ON orders (user_id)");
  qdb.transaction([&](quarry::transaction&) {
    for (std::size_t u = 0; u < cfg.parents; ++u) {
      char email[64];
      std::snprintf(email, sizeof email, "user-%07zu@example.com", u);
      auto id = qdb.insert(users, User{0, email});
      for (std::size_t k = 0; k < cfg.children; ++k)
        qdb.insert(orders, Order{0, id, static_cast<std::int64_t>(u * 31 + k), status_of(u + k)});
    }
  });
  qdb.exec("ANALYZE users");
  qdb.exec("ANALYZE orders");
  auto sql = quarry_sql(qdb);
  if (sql.size() != 2) fail("quarry ran " + std::to_string(sql.size()) + " statements, not 2");
  std::printf("  parents SQL (both): %s\n  children SQL (both): %s\n", sql[0].c_str(), sql[1].c_str());
  std::string n1_sql = "SELECT \"orders\".\"id\", \"orders\".\"user_id\", \"orders\".\"total\", \"orders\".\"status\" "
                       "FROM \"orders\" WHERE \"orders\".\"user_id\" = $1";

  // The C API sides run on quarry's own server session (its PGconn): one backend process serves
  // all three sides, so none of them pays for waking a backend that sat idle while another side
  // ran. With a second connection the raw side always ran right after the N+1 loop on its own,
  // warm backend while quarry's had been idle for ~80 ms, which cost quarry 0.3-0.6 ms (7-15%)
  // of server-side wake-up that its client code never caused.
  PGconn* raw = qdb.native_handle();
  const Oid array_type[1] = {1016}, int8_type[1] = {20};
  pg_prepare(raw, "raw_parents", sql[0], 0, nullptr);  // quarry names its statements quarry_<n>
  pg_prepare(raw, "raw_children", sql[1], 1, array_type);
  pg_prepare(raw, "raw_child", n1_sql, 1, int8_type);

  checksum want = sum_of(raw_pg_two(raw));
  if (!(sum_of(raw_pg_n1(raw)) == want)) fail("MISMATCH: n+1 and two-query differ");
  if (!(sum_of_loaded(quarry_load(qdb)) == want)) fail("MISMATCH: quarry and raw differ");
  if (want.children != static_cast<std::int64_t>(cfg.parents * cfg.children)) fail("unexpected child count");
  {
    quarry::diag::query_counter qc(qdb);
    (void)quarry_load(qdb);
    qc.expect(2);
  }
  auto l = run_three(
      "postgres", cfg.reps,
      [&] {
        std::vector<UserWithOrders> g;
        sample t = time_it([&] { g = raw_pg_two(raw); });
        do_not_optimize(g);
        return t;
      },
      [&] {
        decltype(quarry_load(qdb)) g;
        sample t = time_it([&] { g = quarry_load(qdb); });
        do_not_optimize(g);
        return t;
      },
      [&] {
        std::vector<UserWithOrders> g;
        sample t = time_it([&] { g = raw_pg_n1(raw); });
        do_not_optimize(g);
        return t;
      });
  l.statements = 2;
  g_lines.push_back(l);
  qdb.exec("DROP SCHEMA " + schema + " CASCADE");
}

}  // namespace

int main(int argc, char** argv) {
  config cfg;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) fail(std::string(a) + " needs a value");
      return argv[++i];
    };
    if (a == "--quick") {
      cfg.quick = true;
      cfg.reps = 5;
    } else if (a == "--reps") {
      cfg.reps = std::max(1, std::atoi(next().c_str()));
    } else if (a == "--dir") {
      cfg.dir = next();
    } else if (a == "--parents") {
      cfg.parents = static_cast<std::size_t>(std::atoll(next().c_str()));
    } else if (a == "--children") {
      cfg.children = static_cast<std::size_t>(std::atoll(next().c_str()));
    } else if (a == "--backend") {
      cfg.backends.push_back(next());
    } else {
      std::fprintf(stderr,
                   "usage: bench_relations [--quick] [--reps N] [--dir PATH] [--parents N] [--children N] "
                   "[--backend sqlite|postgres]...\n");
      return 2;
    }
  }
  std::printf("bench_relations: eager loading vs hand-written two-query code vs an N+1 loop, %d runs each (medians)\n",
              cfg.reps);
  if (cfg.wants("sqlite")) bench_sqlite(cfg);
  if (cfg.wants("postgres")) bench_postgres(cfg);
  std::printf("\n| backend | raw two-query ms | quarry ms | N+1 loop ms | quarry/raw (wall) | quarry/raw (cpu) | "
              "target | N+1/raw (wall) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& l : g_lines)
    std::printf("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | <= 1.10 %s | %.2f |\n", l.what.c_str(), l.raw.wall * 1e3,
                l.quarry.wall * 1e3, l.n1.wall * 1e3, l.quarry.wall / l.raw.wall, l.quarry.cpu / l.raw.cpu,
                l.quarry.wall / l.raw.wall <= 1.10 ? "ok" : "MISS", l.n1.wall / l.raw.wall);
  return 0;
}
