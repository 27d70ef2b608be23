// expect: (quarry: cannot compare a boolean with a number. SQL booleans are not integers.*kinds_comparable<quarry::sql_kind::boolean, quarry::sql_kind::integer>|kinds_comparable<quarry::sql_kind::boolean, quarry::sql_kind::integer>.*quarry: cannot compare a boolean with a number. SQL booleans are not integers)
// Misuse: comparing a boolean column with the integer 1.
#include <quarry/quarry.hpp>

struct Flag { std::int64_t id; bool on; };
inline constexpr struct flags_t : quarry::table<"flags", Flag> {
  column<&Flag::id, "id", quarry::identity> id;
  column<&Flag::on, "on"> on;
} flags;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  auto cond = flags.on == 1;
#else
  auto cond = flags.on == true;
#endif
  (void)cond;
}
