// expect: quarry: SQLite has no exact decimal type: sum\(\) needs a numeric<P, S> column
// Misuse: sum() of a decimal column rendered for SQLite.
#include <quarry/quarry.hpp>

struct Account { std::int64_t id; quarry::decimal balance; };
inline constexpr struct accounts_t : quarry::table<"accounts", Account> {
  column<&Account::id, "id", quarry::identity> id;
  column<&Account::balance, "balance"> balance;
} accounts;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::sum(accounts.balance)).from(accounts));
#else
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(quarry::sum(accounts.balance)).from(accounts));
#endif
}
