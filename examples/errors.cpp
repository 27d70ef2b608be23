// What quarry does when the data or the database says no: typed exceptions that name the problem.
#include <quarry/sqlite.hpp>

#include <cstdio>
#include <optional>
#include <string>

struct Account {
  std::int64_t id;
  std::string owner;
  quarry::decimal balance;  // exact: never a double
};

inline constexpr struct accounts_t : quarry::table<"accounts", Account> {
  column<&Account::id, "id", quarry::identity> id;
  column<&Account::owner, "owner", quarry::unique> owner;
  column<&Account::balance, "balance"> balance;
} accounts;

int main() {
  quarry::sqlite::connection db;
  db.create_table(accounts);
  db.insert(accounts, Account{0, "ada", quarry::decimal("100.10")});

  try {
    db.insert(accounts, Account{0, "ada", quarry::decimal("5")});
  } catch (const quarry::unique_violation& e) {
    std::printf("unique_violation (code %d):\n  %s\n", e.native_code(), e.what());
  }

  try {
    auto row = db.query(quarry::select(accounts.owner).from(accounts).where(accounts.id == 42)).one();
    (void)row;
  } catch (const quarry::row_count_error& e) {
    std::printf("row_count_error:\n  %s\n", e.what());
  }

  try {
    quarry::sqlite::connection missing({.path = "/no/such/dir/app.db"});
  } catch (const quarry::open_error& e) {
    std::printf("open_error:\n  %s\n", e.what());
  }

  auto a = db.query(quarry::select(accounts).where(accounts.owner == "ada")).one();
  std::printf("ada has %s (exact decimal)\n", a.balance.to_string().c_str());
}
