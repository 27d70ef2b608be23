// expect: quarry: INSERT \.\.\. SELECT puts a value stored in another SQLite form than the column
// Misuse: INSERT ... SELECT of an ISO-text timestamp into a unix-seconds column.
#include <quarry/quarry.hpp>

struct Ev { std::int64_t id; quarry::timestamp at; quarry::timestamp at_unix; };
inline constexpr struct ev_t : quarry::table<"ev", Ev> {
  column<&Ev::id, "id", quarry::identity> id;
  column<&Ev::at, "at"> at;
  column<&Ev::at_unix, "at_unix", quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> at_unix;
} ev;
struct Arch { std::int64_t id; quarry::timestamp at_unix; };
inline constexpr struct arch_t : quarry::table<"arch", Arch> {
  column<&Arch::id, "id", quarry::identity> id;
  column<&Arch::at_unix, "at_unix", quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> at_unix;
} arch;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  auto s = quarry::insert_into(arch).columns(arch.at_unix).select(quarry::select(ev.at).from(ev));
#else
  auto s = quarry::insert_into(arch).columns(arch.at_unix).select(quarry::select(ev.at_unix).from(ev));
#endif
  (void)s;
}
