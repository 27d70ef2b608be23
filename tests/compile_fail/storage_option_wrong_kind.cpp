// expect: quarry: sqlite_as<> is an option of timestamp, date and decimal columns
// Misuse: a stored-form option on an integer column.
#include <quarry/quarry.hpp>

struct Ev { std::int64_t id; std::int64_t n; };
inline constexpr struct ev_t : quarry::table<"ev", Ev> {
  column<&Ev::id, "id", quarry::identity> id;
#ifndef QUARRY_CF_CONTROL
  column<&Ev::n, "n", quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> n;
#else
  column<&Ev::n, "n"> n;
#endif
} ev;

void misuse() { (void)quarry::select(ev.n).from(ev); }
