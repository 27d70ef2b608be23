// expect: quarry: a relation key column has a non-default SQLite storage form
// Misuse: a relation keyed by a unix-time column (eager loading would bind its keys as text).
#include <quarry/orm.hpp>

struct Slot { std::int64_t id; quarry::timestamp at; };
inline constexpr struct slots_t : quarry::table<"slots", Slot> {
  column<&Slot::id, "id", quarry::identity> id;
  column<&Slot::at, "at", quarry::unique, quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> at;
} slots;
struct Booking { std::int64_t id; std::int64_t slot_id; quarry::timestamp slot_at; };
inline constexpr struct bookings_t : quarry::table<"bookings", Booking> {
  column<&Booking::id, "id", quarry::identity> id;
  column<&Booking::slot_id, "slot_id", quarry::references<&slots_t::id>> slot_id;
  column<&Booking::slot_at, "slot_at", quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>> slot_at;
} bookings;

#ifndef QUARRY_CF_CONTROL
inline constexpr auto slot_bookings = quarry::has_many<&slots_t::at, &bookings_t::slot_at>;
#else
inline constexpr auto slot_bookings = quarry::has_many<&slots_t::id, &bookings_t::slot_id>;
#endif
