// Timestamps, dates and decimals against data quarry did not write: rows written by SQLite's own
// date functions, by the sqlite3 shell and by raw SQL, and columns stored in other forms
// (sqlite_as<>, numeric<P, S>). Results are checked as values on every backend.

#include "backends.hpp"
#include "catch.hpp"

#include <quarry/page.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

using namespace std::chrono;
using namespace test;
using quarry::sqlite_storage;

namespace {

constexpr bool is_sqlite_v(const char* name) { return name[0] == 's'; }

quarry::timestamp at(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0, int ms = 0) {
  return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss} + milliseconds{ms};
}

// ---- a table quarry creates, with every stored form ----
struct Ev {
  std::int64_t id;
  quarry::timestamp iso;     // default: SQLite's canonical text
  quarry::timestamp unix_s;  // whole seconds
  quarry::timestamp unix_ms;
  quarry::timestamp jd;
  quarry::timestamp js;      // 'YYYY-MM-DDTHH:MM:SS.SSSZ'
  quarry::timestamp us6;     // six fraction digits
  std::optional<quarry::timestamp> maybe;
  quarry::date day;
  quarry::date day_unix;
};
inline constexpr struct ev_t : quarry::table<"ev", Ev> {
  column<&Ev::id, "id", quarry::primary_key> id;
  column<&Ev::iso, "iso"> iso;
  column<&Ev::unix_s, "unix_s", quarry::sqlite_as<sqlite_storage::unix_seconds>> unix_s;
  column<&Ev::unix_ms, "unix_ms", quarry::sqlite_as<sqlite_storage::unix_millis>> unix_ms;
  column<&Ev::jd, "jd", quarry::sqlite_as<sqlite_storage::julian_day>> jd;
  column<&Ev::js, "js", quarry::sqlite_as<sqlite_storage::iso_t_ms_z>> js;
  column<&Ev::us6, "us6", quarry::sqlite_as<sqlite_storage::iso_text_us>> us6;
  column<&Ev::maybe, "maybe", quarry::sqlite_as<sqlite_storage::unix_millis>> maybe;
  column<&Ev::day, "day"> day;
  column<&Ev::day_unix, "day_unix", quarry::sqlite_as<sqlite_storage::unix_seconds>> day_unix;
} ev;

Ev make_ev(std::int64_t id, quarry::timestamp t, quarry::timestamp whole) {
  auto d = floor<days>(whole);
  return Ev{id, t, whole, t, t, t, t, id % 2 ? std::optional<quarry::timestamp>(t) : std::nullopt, d, d};
}

// Five rows: 1.5 hours apart, odd ones with 250 ms (the unix_s column takes the whole second).
std::vector<Ev> fill_ev(auto& db) {
  db.drop_table(ev, true);
  db.create_table(ev);
  std::vector<Ev> rows;
  for (int i = 0; i < 5; ++i) {
    quarry::timestamp whole = at(2024, 1, 1) + minutes{90 * i};
    quarry::timestamp t = whole + milliseconds{i % 2 ? 250 : 0};
    rows.push_back(make_ev(i + 1, t, whole));
    db.insert(ev, rows.back());
  }
  return rows;
}

template <class DB, class Cond>
std::vector<std::int64_t> ids(DB& db, Cond c) {
  std::vector<std::int64_t> out;
  for (auto [id] : db.query(quarry::select(ev.id).from(ev).where(c).order_by(ev.id))) out.push_back(id);
  return out;
}
using idv = std::vector<std::int64_t>;

}  // namespace

namespace {
struct Log {
  std::int64_t id;
  quarry::timestamp at;
  quarry::date day;
};
inline constexpr struct logs_t : quarry::table<"logs", Log> {
  column<&Log::id, "id", quarry::primary_key> id;
  column<&Log::at, "at"> at;
  column<&Log::day, "day"> day;
} logs;

struct Note {
  std::int64_t id;
  std::string text;
  quarry::timestamp created;
};
inline constexpr struct notes_t : quarry::table<"notes_ts", Note> {
  column<&Note::id, "id", quarry::identity> id;
  column<&Note::text, "text"> text;
  column<&Note::created, "created", quarry::default_sql<"CURRENT_TIMESTAMP">> created;
} notes;

struct Visit {
  std::int64_t id;
  quarry::timestamp at;
  quarry::timestamp at_unix;
  quarry::timestamp at_jd;
  quarry::timestamp at_js;
  quarry::date day;
};
inline constexpr struct visits_t : quarry::table<"visits", Visit> {
  column<&Visit::id, "id", quarry::primary_key> id;
  column<&Visit::at, "at"> at;
  column<&Visit::at_unix, "at_unix", quarry::sqlite_as<sqlite_storage::unix_seconds>> at_unix;
  column<&Visit::at_jd, "at_jd", quarry::sqlite_as<sqlite_storage::julian_day>> at_jd;
  column<&Visit::at_js, "at_js", quarry::sqlite_as<sqlite_storage::iso_t_ms_z>> at_js;
  column<&Visit::day, "day"> day;
} visits;

struct Wrong {
  std::int64_t id;
  quarry::timestamp at_unix;
};
inline constexpr struct wrong_t : quarry::table<"visits", Wrong> {
  column<&Wrong::id, "id", quarry::primary_key> id;
  column<&Wrong::at_unix, "at_unix"> at_unix;
} wrong;

struct Price {
  std::int64_t id;
  quarry::decimal amount;
};
inline constexpr struct prices_t : quarry::table<"prices", Price> {
  column<&Price::id, "id", quarry::primary_key> id;
  column<&Price::amount, "amount", quarry::numeric<10, 2>, quarry::sqlite_as<sqlite_storage::decimal_real>> amount;
} prices;

struct Plain {
  std::int64_t id;
  quarry::decimal amount;
};
inline constexpr struct plain_t : quarry::table<"prices", Plain> {
  column<&Plain::id, "id", quarry::primary_key> id;
  column<&Plain::amount, "amount"> amount;
} plain;
}  // namespace

TEMPLATE_LIST_TEST_CASE("timestamps in every stored form round-trip and compare as times", "[storage][types]", backends) {
  auto db = TestType::connect();
  auto rows = fill_ev(*db);
  auto out = db->query(quarry::select(ev).order_by(ev.id)).all();
  REQUIRE(out.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(out[i].iso == rows[i].iso);
    CHECK(out[i].unix_s == rows[i].unix_s);
    CHECK(out[i].unix_ms == rows[i].unix_ms);
    CHECK(out[i].jd == rows[i].jd);
    CHECK(out[i].js == rows[i].js);
    CHECK(out[i].us6 == rows[i].us6);
    CHECK(out[i].maybe == rows[i].maybe);
    CHECK(out[i].day == rows[i].day);
    CHECK(out[i].day_unix == rows[i].day_unix);
  }
  const quarry::timestamp t1 = rows[1].iso, t3 = rows[3].iso;  // x:x:x.250
  // The same conditions on every column give the same rows, whatever the stored form.
  CHECK(ids(*db, ev.iso == t1) == idv{2});
  CHECK(ids(*db, ev.unix_ms == t1) == idv{2});
  CHECK(ids(*db, ev.jd == t1) == idv{2});
  CHECK(ids(*db, ev.js == t1) == idv{2});
  CHECK(ids(*db, ev.us6 == t1) == idv{2});
  CHECK(ids(*db, ev.unix_s == rows[1].unix_s) == idv{2});
  CHECK(ids(*db, ev.iso >= t1) == idv{2, 3, 4, 5});
  CHECK(ids(*db, ev.unix_ms > t1) == idv{3, 4, 5});
  CHECK(ids(*db, ev.jd < t3) == idv{1, 2, 3});
  CHECK(ids(*db, ev.js <= t3) == idv{1, 2, 3, 4});
  CHECK(ids(*db, ev.unix_s.between(rows[1].unix_s, rows[3].unix_s)) == idv{2, 3, 4});
  CHECK(ids(*db, ev.jd.between(t1, t3)) == idv{2, 3, 4});
  CHECK(ids(*db, ev.unix_ms.in(t1, t3)) == idv{2, 4});
  CHECK(ids(*db, ev.js.in_values(std::vector<quarry::timestamp>{t1, t3})) == idv{2, 4});
  CHECK(ids(*db, ev.unix_s.not_in_values(std::vector<quarry::timestamp>{rows[0].unix_s})) == idv{2, 3, 4, 5});
  CHECK(ids(*db, ev.maybe >= t1) == idv{3, 5});
  CHECK(ids(*db, quarry::coalesce(ev.maybe, t3) == t3) == idv{2, 4});
  CHECK(ids(*db, ev.day_unix == rows[4].day) == idv{1, 2, 3, 4, 5});
  CHECK(ids(*db, ev.day == rows[0].day) == idv{1, 2, 3, 4, 5});
  CHECK(ids(*db, ev.day_unix > rows[0].day).empty());
  // Calendar functions read every form.
  CHECK(ids(*db, quarry::extract<quarry::date_field::hour>(ev.unix_s) == 3) == idv{3});
  CHECK(ids(*db, quarry::extract<quarry::date_field::minute>(ev.unix_ms) == 30) == idv{2, 4});
  CHECK(ids(*db, quarry::extract<quarry::date_field::hour>(ev.jd) == 4) == idv{4});
  CHECK(ids(*db, quarry::trunc<quarry::date_field::hour>(ev.js) == at(2024, 1, 1, 4)) == idv{4});
  CHECK(ids(*db, quarry::trunc<quarry::date_field::day>(ev.iso) == at(2024, 1, 1)) == idv{1, 2, 3, 4, 5});
  // MIN/MAX keep the form; ORDER BY orders times.
  auto mm = db->query(quarry::select(quarry::min(ev.unix_ms), quarry::max(ev.jd), quarry::max(ev.unix_s)).from(ev)).first();
  REQUIRE(mm);
  CHECK(std::get<0>(*mm) == rows[0].unix_ms);
  CHECK(std::get<1>(*mm) == rows[4].jd);
  CHECK(std::get<2>(*mm) == rows[4].unix_s);
  std::vector<std::int64_t> order;
  for (auto [id] : db->query(quarry::select(ev.id).from(ev).order_by(ev.js.desc()))) order.push_back(id);
  CHECK(order == idv{5, 4, 3, 2, 1});
  // An upsert writes excluded() values in the column's form.
  db->execute(quarry::insert_into(ev)
                  .values(make_ev(5, t1, rows[1].unix_s))
                  .on_conflict(ev.id)
                  .do_update(ev.unix_s = quarry::excluded(ev.unix_s), ev.jd = quarry::excluded(ev.jd)));
  CHECK(ids(*db, ev.unix_s == rows[1].unix_s) == idv{2, 5});
  CHECK(ids(*db, ev.jd == t1) == idv{2, 5});
  // SET and a derived table carry the form.
  db->execute(quarry::update(ev).set(ev.unix_ms = t3 + hours{1}).where(ev.id == 1));
  CHECK(ids(*db, ev.unix_ms == t3 + hours{1}) == idv{1});
  auto late = quarry::derived<"late">(quarry::select(ev.id, ev.unix_ms).from(ev).where(ev.unix_ms > t1));
  std::vector<std::int64_t> got;
  for (auto [id, t] : db->query(quarry::select(late[ev.id], late[ev.unix_ms]).from(late).where(late[ev.unix_ms] < t3 + minutes{1}).order_by(late[ev.id]))) {
    got.push_back(id);
    CHECK(t > t1);
  }
  CHECK(got == idv{3, 4});
  if constexpr (is_sqlite_v(TestType::name)) {
    // The stored values are what the forms say.
    auto kinds = db->template query_raw<std::tuple<std::string, std::int64_t, std::int64_t, double, std::string, std::string>>(
                       "SELECT iso, unix_s, unix_ms, jd, js, us6 FROM ev WHERE id = 2")
                     .first();
    REQUIRE(kinds);
    CHECK(std::get<0>(*kinds) == "2024-01-01 01:30:00.25");
    CHECK(std::get<1>(*kinds) == 1704072600);
    CHECK(std::get<2>(*kinds) == 1704072600250);
    CHECK(std::get<3>(*kinds) == Approx(2460310.5625029).epsilon(1e-12));
    CHECK(std::get<4>(*kinds) == "2024-01-01T01:30:00.250Z");
    CHECK(std::get<5>(*kinds) == "2024-01-01 01:30:00.250000");
    // A fraction the form cannot hold is refused, not truncated.
    CHECK_THROWS_WITH(db->execute(quarry::update(ev).set(ev.unix_s = t1).where(ev.id == 1)),
                      Catch::Contains("unix_seconds") && Catch::Contains("fraction"));
    CHECK_THROWS_WITH(db->query(quarry::select(ev.id).from(ev).where(ev.js == t1 + microseconds{1})).all(),
                      Catch::Contains("milliseconds"));
  }
}

TEMPLATE_LIST_TEST_CASE("timestamps written by the database's own functions compare at the boundary", "[storage][types]", backends) {
  auto db = TestType::connect();
  db->exec("DROP TABLE IF EXISTS logs");
  if constexpr (is_sqlite_v(TestType::name)) {
    // A schema written by hand, filled by SQLite's datetime() and date(): whole seconds, no fraction.
    db->exec("CREATE TABLE logs (id INTEGER PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL)");
    db->exec("INSERT INTO logs VALUES (1, datetime('2024-01-01 00:00:00'), date('2024-01-01')),"
             " (2, datetime('2024-01-01 00:00:00', '+1 hour'), date('2024-01-01', '+1 day')),"
             " (3, datetime('2024-01-01', '+1 day', '+30 minutes'), date('2024-01-03'))");
  } else {
    db->exec("CREATE TABLE logs (id BIGINT PRIMARY KEY, at TIMESTAMPTZ NOT NULL, day DATE NOT NULL)");
    db->exec("INSERT INTO logs VALUES (1, TIMESTAMPTZ '2024-01-01 00:00:00+00', DATE '2024-01-01'),"
             " (2, TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL '1 hour', DATE '2024-01-02'),"
             " (3, TIMESTAMPTZ '2024-01-02 00:30:00+00', DATE '2024-01-03')");
  }
  auto q = [&](auto cond) {
    std::vector<std::int64_t> out;
    for (auto [id] : db->query(quarry::select(logs.id).from(logs).where(cond).order_by(logs.id))) out.push_back(id);
    return out;
  };
  const auto t0 = at(2024, 1, 1), t1 = at(2024, 1, 1, 1);
  CHECK(q(logs.at == t0) == idv{1});
  CHECK(q(logs.at >= t0) == idv{1, 2, 3});
  CHECK(q(logs.at > t0) == idv{2, 3});
  CHECK(q(logs.at < t1) == idv{1});
  CHECK(q(logs.at <= t1) == idv{1, 2});
  CHECK(q(logs.at.between(t0, t1)) == idv{1, 2});
  CHECK(q(logs.at.in(t1, at(2024, 1, 2, 0, 30))) == idv{2, 3});
  CHECK(q(logs.day == sys_days{2024y / January / 2}) == idv{2});
  CHECK(q(logs.day >= sys_days{2024y / January / 2}) == idv{2, 3});
  auto rows = db->query(quarry::select(logs).order_by(logs.id)).all();
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].at == t0);
  CHECK(rows[1].at == t1);
  CHECK(rows[2].at == at(2024, 1, 2, 0, 30));
  CHECK(rows[2].day == sys_days{2024y / January / 3});
}

TEMPLATE_LIST_TEST_CASE("CURRENT_TIMESTAMP defaults compare equal to the value read back", "[storage][types]", backends) {
  auto db = TestType::connect();
  db->drop_table(notes, true);
  db->create_table(notes);
  db->execute(quarry::insert_into(notes).set(notes.text = "a"));
  auto created = db->query(quarry::select(notes.created).from(notes)).first();
  REQUIRE(created);
  const quarry::timestamp c = std::get<0>(*created);
  auto count = [&](auto cond) { return db->query(quarry::select(quarry::count()).from(notes).where(cond)).first().value(); };
  CHECK(std::get<0>(count(notes.created == c)) == 1);
  CHECK(std::get<0>(count(notes.created >= c)) == 1);
  CHECK(std::get<0>(count(notes.created <= c)) == 1);
  CHECK(std::get<0>(count(notes.created > c)) == 0);
  CHECK(std::get<0>(count(notes.created < c)) == 0);
}

TEST_CASE("rows the sqlite3 shell wrote are read and compared in their stored forms", "[storage][types][sqlite]") {
  const char* shell = std::getenv("QUARRY_SQLITE3");
  REQUIRE(shell != nullptr);  // tests/CMakeLists.txt finds the sqlite3 shell; never skipped
  const std::string path = test::sqlite_file::fresh_path();
  const std::string script = path + ".sql";
  {
    std::ofstream f(script);
    f << "CREATE TABLE visits (id INTEGER PRIMARY KEY, at TEXT, at_unix INTEGER, at_jd REAL, at_js TEXT, day TEXT);\n"
         "INSERT INTO visits VALUES (1, datetime('2024-03-10 08:00:00'), strftime('%s', '2024-03-10 08:00:00'),\n"
         "  julianday('2024-03-10 08:00:00'), strftime('%Y-%m-%dT%H:%M:%fZ', '2024-03-10 08:00:00'), date('2024-03-10'));\n"
         "INSERT INTO visits VALUES (2, datetime('2024-03-10 08:00:00', '+1 day'), unixepoch('2024-03-11 08:00:00'),\n"
         "  julianday('2024-03-11 08:00:00.500'), strftime('%Y-%m-%dT%H:%M:%fZ', '2024-03-11 08:00:00.500'), date('2024-03-11'));\n"
         "INSERT INTO visits VALUES (3, datetime('now'), strftime('%s', 'now'), julianday('now'),\n"
         "  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), date('now'));\n";
  }
  const std::string cmd = std::string(shell) + " '" + path + "' < '" + script + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);

  quarry::sqlite::options o;
  o.path = path;
  quarry::sqlite::connection db{o};
  auto rows = db.query(quarry::select(visits).order_by(visits.id)).all();
  REQUIRE(rows.size() == 3);
  const auto t = at(2024, 3, 10, 8);
  CHECK(rows[0].at == t);
  CHECK(rows[0].at_unix == t);
  CHECK(rows[0].at_jd == t);
  CHECK(rows[0].at_js == t);
  CHECK(rows[0].day == sys_days{2024y / March / 10});
  CHECK(rows[1].at_jd == t + days{1} + milliseconds{500});
  CHECK(rows[1].at_js == t + days{1} + milliseconds{500});
  // 'now' is one instant within a statement: the whole-second forms agree, the others are within it.
  CHECK(rows[2].at == rows[2].at_unix);
  CHECK(floor<seconds>(rows[2].at_jd) == rows[2].at);
  CHECK(rows[2].at_js == rows[2].at_jd);
  auto q = [&](auto cond) {
    std::vector<std::int64_t> out;
    for (auto [id] : db.query(quarry::select(visits.id).from(visits).where(cond).order_by(visits.id))) out.push_back(id);
    return out;
  };
  CHECK(q(visits.at == t) == idv{1});
  CHECK(q(visits.at_unix == t) == idv{1});
  CHECK(q(visits.at_jd == t + days{1} + milliseconds{500}) == idv{2});
  CHECK(q(visits.at_js == t + days{1} + milliseconds{500}) == idv{2});
  CHECK(q(visits.at_js > t) == idv{2, 3});
  CHECK(q(visits.at_unix <= t + days{1}) == idv{1, 2});
  CHECK(q(visits.at == rows[2].at_unix) == idv{3});
  CHECK(q(visits.at_jd == rows[2].at_jd) == idv{3});
  CHECK(q(visits.day == sys_days{2024y / March / 11}) == idv{2});
  // Reading an INTEGER column declared as text says which option to use.
  CHECK_THROWS_WITH(db.query(quarry::select(wrong.at_unix).from(wrong)).all(),
                    Catch::Contains("visits.at_unix") && Catch::Contains("sqlite_as<unix_seconds>"));
  std::remove(script.c_str());
}

// ---- decimals ----
namespace {
struct Acct {
  std::int64_t id;
  quarry::decimal balance;
  std::optional<quarry::decimal> limit;
};
inline constexpr struct accts_t : quarry::table<"accts", Acct> {
  column<&Acct::id, "id", quarry::primary_key> id;
  column<&Acct::balance, "balance", quarry::numeric<10, 2>> balance;
  column<&Acct::limit, "limit", quarry::numeric<10, 2>> limit;
} accts;
}  // namespace

TEMPLATE_LIST_TEST_CASE("numeric<P, S> decimals compare, order and sum as numbers", "[storage][types][decimal]", backends) {
  auto db = TestType::connect();
  db->drop_table(accts, true);
  db->create_table(accts);
  using quarry::decimal;
  db->insert(accts, Acct{1, decimal("9.50"), decimal("10")});
  db->insert(accts, Acct{2, decimal("100.00"), std::nullopt});
  db->insert(accts, Acct{3, decimal("50"), decimal("-1.5")});
  db->insert(accts, Acct{4, decimal("-3.25"), std::nullopt});
  auto q = [&](auto cond) {
    std::vector<std::int64_t> out;
    for (auto [id] : db->query(quarry::select(accts.id).from(accts).where(cond).order_by(accts.id))) out.push_back(id);
    return out;
  };
  CHECK(q(accts.balance > 50) == idv{2});
  CHECK(q(accts.balance >= 50) == idv{2, 3});
  CHECK(q(accts.balance < 9.5) == idv{4});
  CHECK(q(accts.balance == decimal("9.5")) == idv{1});
  CHECK(q(accts.balance.between(decimal("-3.25"), 10)) == idv{1, 4});
  CHECK(q(accts.balance.in_values(std::vector<decimal>{decimal("9.5"), decimal("100")})) == idv{1, 2});
  CHECK(q(accts.balance + 1 > 51) == idv{2});
  CHECK(q(accts.balance * 2 == 19) == idv{1});
  CHECK(q(accts.limit < accts.balance) == idv{3});
  CHECK(q(quarry::coalesce(accts.limit, decimal("0")) < 0) == idv{3});
  std::vector<std::string> order;
  for (auto [b] : db->query(quarry::select(accts.balance).from(accts).order_by(accts.balance.desc())))
    order.push_back(b.to_string());
  CHECK(order == std::vector<std::string>{"100.00", "50.00", "9.50", "-3.25"});
  auto agg = db->query(quarry::select(quarry::sum(accts.balance), quarry::min(accts.balance), quarry::max(accts.balance),
                                      quarry::sum(accts.balance * 3))
                           .from(accts))
                 .first();
  REQUIRE(agg);
  CHECK(std::get<0>(*agg)->to_string() == "156.25");
  CHECK(std::get<1>(*agg)->to_string() == "-3.25");
  CHECK(std::get<2>(*agg)->to_string() == "100.00");
  CHECK(std::get<3>(*agg)->to_string() == "468.75");
  db->execute(quarry::update(accts).set(accts.balance = accts.balance - decimal("0.25")).where(accts.id == 1));
  auto one = db->find(accts, std::int64_t{1});
  REQUIRE(one);
  CHECK(one->balance.to_string() == "9.25");
  // An upsert's excluded() value is in the column's form too.
  db->execute(quarry::insert_into(accts)
                  .values(Acct{2, decimal("7.77"), decimal("1")})
                  .on_conflict(accts.id)
                  .do_update(accts.balance = accts.balance + quarry::excluded(accts.balance),
                             accts.limit = quarry::excluded(accts.limit))
                  .where(quarry::excluded(accts.balance) > 1));
  auto two = db->find(accts, std::int64_t{2});
  REQUIRE(two);
  CHECK(two->balance.to_string() == "107.77");
  CHECK(two->limit == decimal("1"));
  // A value with more digits than the column holds is refused, not rounded (PostgreSQL would round).
  CHECK_THROWS_WITH(db->insert(accts, Acct{5, decimal("1.005"), std::nullopt}),
                    Catch::Contains("accts.balance") && Catch::Contains("numeric(10,2)"));
  CHECK_THROWS_WITH(db->execute(quarry::update(accts).set(accts.balance = decimal("123456789")).where(accts.id == 1)),
                    Catch::Contains("numeric(10,2)"));
  CHECK(q(accts.id == 5).empty());
  if constexpr (!is_sqlite_v(TestType::name)) CHECK(q(accts.balance > decimal("9.249")) == idv{1, 2, 3});
  if constexpr (is_sqlite_v(TestType::name)) {
    // SQLite holds units of 0.01: a value between two units cannot be bound exactly and is refused.
    CHECK_THROWS_WITH(q(accts.balance > decimal("9.499")), Catch::Contains("scale"));
    auto raw = db->template query_raw<std::tuple<std::string, std::int64_t>>("SELECT typeof(balance), balance FROM accts WHERE id = 3")
                   .first();
    REQUIRE(raw);
    CHECK(std::get<0>(*raw) == "integer");
    CHECK(std::get<1>(*raw) == 5000);
    // Rows another program wrote as units read back exactly.
    db->exec("INSERT INTO accts (id, balance) VALUES (6, 12345)");
    CHECK(db->find(accts, std::int64_t{6})->balance.to_string() == "123.45");
  }
}

TEMPLATE_LIST_TEST_CASE("an existing NUMERIC(10,2) column is read as exact decimals", "[storage][types][decimal]", backends) {
  auto db = TestType::connect();
  db->exec("DROP TABLE IF EXISTS prices");
  db->exec(std::string("CREATE TABLE prices (id ") + (is_sqlite_v(TestType::name) ? "INTEGER" : "BIGINT") +
           " PRIMARY KEY, amount NUMERIC(10,2) NOT NULL)");
  db->exec("INSERT INTO prices VALUES (1, 9.50), (2, 100.00), (3, 12345678.91), (4, 0.05)");
  auto rows = db->query(quarry::select(prices).order_by(prices.id)).all();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].amount.to_string() == "9.50");
  CHECK(rows[1].amount.to_string() == "100.00");
  CHECK(rows[2].amount.to_string() == "12345678.91");
  CHECK(rows[3].amount.to_string() == "0.05");
  auto q = [&](auto cond) {
    std::vector<std::int64_t> out;
    for (auto [id] : db->query(quarry::select(prices.id).from(prices).where(cond).order_by(prices.id))) out.push_back(id);
    return out;
  };
  CHECK(q(prices.amount > 50) == idv{2, 3});
  CHECK(q(prices.amount == quarry::decimal("9.5")) == idv{1});
  CHECK(q(prices.amount <= quarry::decimal("0.05")) == idv{4});
  db->insert(prices, Price{5, quarry::decimal("19.99")});
  CHECK(db->find(prices, std::int64_t{5})->amount.to_string() == "19.99");
  if constexpr (is_sqlite_v(TestType::name)) {
    // A REAL with more digits than the scale is refused, not rounded.
    db->exec("INSERT INTO prices VALUES (6, 0.1 + 0.2)");
    CHECK_THROWS_WITH(db->find(prices, std::int64_t{6}), Catch::Contains("prices.amount") && Catch::Contains("scale"));
    // Without sqlite_as<decimal_real> the REAL is refused with the option to use.
    CHECK_THROWS_WITH(db->query(quarry::select(plain.amount).from(plain).where(plain.id == 1)).all(),
                      Catch::Contains("sqlite_as<decimal_real>"));
  }
}

TEMPLATE_LIST_TEST_CASE("keyset pages over unix-time and numeric<P, S> keys", "[storage][page]", backends) {
  auto db = TestType::connect();
  db->drop_table(ev, true);
  db->create_table(ev);
  db->drop_table(accts, true);
  db->create_table(accts);
  {
    auto tx = db->begin();
    for (int i = 1; i <= 40; ++i) {
      const quarry::timestamp whole = at(2024, 5, 1) + minutes{(i * 37) % 11};  // many duplicates
      db->insert(ev, make_ev(i, whole + milliseconds{(i % 3) * 125}, whole));
      db->insert(accts, Acct{i, quarry::decimal(std::to_string((i * 7) % 13 - 6) + "." + std::to_string(10 + i % 5)),
                             std::nullopt});
    }
    tx.commit();
  }
  auto walk = [&](auto q, auto... keys) {
    std::vector<std::int64_t> expected;
    for (const auto& r : db->query(q.order_by(keys...)).all()) expected.push_back(std::get<0>(r));
    REQUIRE(expected.size() == 40);
    auto pager = quarry::paginate(q, keys...);
    for (std::int64_t size : {1, 7}) {
      std::vector<std::int64_t> seen;
      std::string cursor;
      for (;;) {
        auto page = pager.fetch(*db, {.first = size, .after = cursor});
        for (const auto& r : page) seen.push_back(std::get<0>(r));
        if (!page.has_next) break;
        cursor = page.next_cursor;
      }
      CHECK(seen == expected);
      std::vector<std::int64_t> back;
      cursor.clear();
      for (;;) {
        auto page = pager.fetch(*db, {.last = size, .before = cursor});
        for (auto it = page.rows.rbegin(); it != page.rows.rend(); ++it) back.push_back(std::get<0>(*it));
        if (!page.has_previous) break;
        cursor = page.previous_cursor;
      }
      CHECK(back == std::vector<std::int64_t>(expected.rbegin(), expected.rend()));
    }
  };
  walk(quarry::select(ev.id).from(ev), ev.unix_s.desc(), ev.id);
  walk(quarry::select(ev.id).from(ev), ev.jd, ev.unix_ms.desc(), ev.id);
  walk(quarry::select(ev.id).from(ev), ev.js, ev.id.desc());
  walk(quarry::select(accts.id).from(accts), accts.balance.desc(), accts.id);
  walk(quarry::select(accts.id).from(accts), accts.balance, accts.id.desc());
}
