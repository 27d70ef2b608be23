// expect: quarry: sqlite_as<decimal_scaled> needs numeric<P, S> with P <= 18
// Misuse: a scaled-INTEGER decimal without the scale that gives its units.
#include <quarry/quarry.hpp>

struct Acct { std::int64_t id; quarry::decimal balance; };
inline constexpr struct accts_t : quarry::table<"accts", Acct> {
  column<&Acct::id, "id", quarry::identity> id;
#ifndef QUARRY_CF_CONTROL
  column<&Acct::balance, "balance", quarry::sqlite_as<quarry::sqlite_storage::decimal_scaled>> balance;
#else
  column<&Acct::balance, "balance", quarry::numeric<12, 2>, quarry::sqlite_as<quarry::sqlite_storage::decimal_scaled>> balance;
#endif
} accts;

void misuse() { (void)quarry::select(accts.balance).from(accts); }
