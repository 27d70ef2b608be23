// expect: (quarry: cannot compare a timestamp with a date.*kinds_comparable<quarry::sql_kind::timestamp, quarry::sql_kind::date>|kinds_comparable<quarry::sql_kind::timestamp, quarry::sql_kind::date>.*quarry: cannot compare a timestamp with a date)
// Misuse: comparing a timestamp column with a date value.
#include <quarry/quarry.hpp>

struct Event { std::int64_t id; quarry::timestamp at; quarry::date day; };
inline constexpr struct events_t : quarry::table<"events", Event> {
  column<&Event::id, "id", quarry::identity> id;
  column<&Event::at, "at"> at;
  column<&Event::day, "day"> day;
} events;

void misuse(quarry::date d, quarry::timestamp t) {
#ifndef QUARRY_CF_CONTROL
  auto cond = events.at >= d;
#else
  auto cond = events.at >= t && events.day >= d;
#endif
  (void)cond;
  (void)t;
}
