// Reading and querying a SQLite database that quarry did not create: a schema made by hand and
// rows written by SQLite's own functions (datetime(), unixepoch(), julianday(), NUMERIC REALs).
// Each column says how it is stored (docs/sqlite.md, "Storage forms"), so comparisons bind
// values in the column's own form and reads convert exactly.

#include <quarry/sqlite.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace legacy {

struct Visit {
  std::int64_t id;
  quarry::timestamp at;       // TEXT from datetime(): quarry's default form
  quarry::timestamp at_unix;  // INTEGER from unixepoch()
  quarry::timestamp at_jd;    // REAL from julianday()
  quarry::decimal amount;     // NUMERIC(10,2): SQLite keeps REALs
};
inline constexpr struct visits_t : quarry::table<"visits", Visit> {
  column<&Visit::id, "id", quarry::primary_key> id;
  column<&Visit::at, "at"> at;
  column<&Visit::at_unix, "at_unix", quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> at_unix;
  column<&Visit::at_jd, "at_jd", quarry::sqlite_as<quarry::sqlite_storage::julian_day>> at_jd;
  column<&Visit::amount, "amount", quarry::numeric<10, 2>, quarry::sqlite_as<quarry::sqlite_storage::decimal_real>> amount;
} visits;

}  // namespace legacy

int main() {
  using namespace legacy;
  using namespace std::chrono;
  quarry::sqlite::connection db;
  // What another program left behind.
  db.exec("CREATE TABLE visits (id INTEGER PRIMARY KEY, at TEXT, at_unix INTEGER, at_jd REAL, amount NUMERIC(10,2))");
  db.exec("INSERT INTO visits VALUES"
          " (1, datetime('2024-03-10 08:00:00'), unixepoch('2024-03-10 08:00:00'), julianday('2024-03-10 08:00:00'), 9.50),"
          " (2, datetime('2024-03-11 08:00:00'), unixepoch('2024-03-11 08:00:00'), julianday('2024-03-11 08:00:00.500'), 100.00),"
          " (3, datetime('2024-03-12 09:30:00'), unixepoch('2024-03-12 09:30:00'), julianday('2024-03-12 09:30:00'), 0.05)");

  const quarry::timestamp t = sys_days{2024y / March / 11} + 8h;
  // Each condition binds t as its column stores it: text, an INTEGER, a REAL.
  auto q = quarry::select(visits.id, visits.amount)
               .from(visits)
               .where(visits.at >= t && visits.at_unix >= t && visits.at_jd >= t && visits.amount > 50)
               .order_by(visits.amount.desc());
  int n = 0;
  for (auto [id, amount] : db.query(q)) {
    std::printf("visit %lld: %s\n", static_cast<long long>(id), amount.to_string().c_str());  // visit 2: 100.00
    ++n;
  }
  auto all = db.query(quarry::select(visits).order_by(visits.id)).all();
  const bool same = all.size() == 3 && all[1].at_jd == t + 500ms && all[2].at_unix == all[2].at &&
                    all[0].amount.to_string() == "9.50";
  std::printf("%zu visits read exactly: %s\n", all.size(), same ? "yes" : "no");
  return n == 1 && same ? 0 : 1;
}
