// expect: quarry: set\(\) assigns an expression stored in another SQLite form than the column
// Misuse: assigning a unix-millis column to a unix-seconds column.
#include <quarry/quarry.hpp>

struct Ev { std::int64_t id; quarry::timestamp at; quarry::timestamp at_unix; quarry::timestamp at_ms; quarry::decimal plain; quarry::decimal cents; quarry::decimal mills; };
inline constexpr struct ev_t : quarry::table<"ev", Ev> {
  column<&Ev::id, "id", quarry::identity> id;
  column<&Ev::at, "at"> at;
  column<&Ev::at_unix, "at_unix", quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> at_unix;
  column<&Ev::at_ms, "at_ms", quarry::sqlite_as<quarry::sqlite_storage::unix_millis>> at_ms;
  column<&Ev::plain, "plain"> plain;
  column<&Ev::cents, "cents", quarry::numeric<12, 2>> cents;
  column<&Ev::mills, "mills", quarry::numeric<12, 3>> mills;
} ev;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  auto s = quarry::update(ev).set(ev.at_unix = ev.at_ms).all_rows(); (void)s;
#else
  auto s = quarry::update(ev).set(ev.at_unix = ev.at_unix).all_rows(); (void)s;
#endif
}
