// expect: quarry: this sqlite_as<> form is for timestamp and date columns
// Misuse: a time form on a decimal column.
#include <quarry/quarry.hpp>

struct Acct { std::int64_t id; quarry::decimal balance; };
inline constexpr struct accts_t : quarry::table<"accts", Acct> {
  column<&Acct::id, "id", quarry::identity> id;
#ifndef QUARRY_CF_CONTROL
  column<&Acct::balance, "balance", quarry::sqlite_as<quarry::sqlite_storage::julian_day>> balance;
#else
  column<&Acct::balance, "balance", quarry::sqlite_as<quarry::sqlite_storage::decimal_real>> balance;
#endif
} accts;

void misuse() { (void)quarry::select(accts.balance).from(accts); }
