// expect: quarry: compares two expressions stored in different SQLite forms
// Misuse: comparing numeric<12,2> with numeric<12,3> (different units on SQLite).
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
  auto c = ev.cents < ev.mills; (void)c;
#else
  auto c = ev.cents < ev.cents; (void)c;
#endif
}
