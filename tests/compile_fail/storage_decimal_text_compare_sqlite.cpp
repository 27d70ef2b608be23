// expect: quarry: on SQLite a quarry::decimal column without numeric<P, S> is stored as TEXT
// Misuse: comparing a TEXT-stored decimal in SQL on SQLite.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(ev.id).from(ev).where(ev.plain > 50));
#else
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(ev.id).from(ev).where(ev.plain > 50));
#endif
}
