// expect: quarry: a date has no time-of-day fields
// Misuse: extract<date_field::hour> of a date column.
#include <quarry/quarry.hpp>

struct Event { std::int64_t id; quarry::timestamp at; quarry::date day; };
inline constexpr struct events_t : quarry::table<"events", Event> {
  column<&Event::id, "id", quarry::identity> id;
  column<&Event::at, "at"> at;
  column<&Event::day, "day"> day;
} events;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::extract<quarry::date_field::hour>(events.day)).from(events));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::extract<quarry::date_field::hour>(events.at)).from(events));
#endif
}
