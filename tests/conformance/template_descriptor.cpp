// A descriptor written as a class template (one row struct, two naming schemes), declared with
// quarry::column_of<Self, ...>: both instantiations are separate tables in queries, joins and
// create_table, with their own names and values.

#include "backends.hpp"
#include "catch.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace {

struct Account { std::int64_t id; std::string owner; std::int32_t level; };

template <quarry::fixed_string Table, quarry::fixed_string Owner>
struct accounts_t : quarry::table<Table, Account> {
  quarry::column_of<accounts_t, &Account::id, "id", quarry::identity> id;
  quarry::column_of<accounts_t, &Account::owner, Owner, quarry::unique> owner;
  quarry::column_of<accounts_t, &Account::level, "level", quarry::default_value<1>> level;
};
inline constexpr accounts_t<"td_accounts", "owner"> accounts;
inline constexpr accounts_t<"td_legacy_accounts", "owner_name"> legacy;

}  // namespace

TEMPLATE_LIST_TEST_CASE("a class-template descriptor, instantiated twice", "[descriptor][template]", test::backends) {
  auto db = TestType::connect();
  db->drop_table(accounts, true);
  db->drop_table(legacy, true);
  db->create_table(accounts);
  db->create_table(legacy);
  auto a1 = db->insert(accounts, Account{0, "ann", 3});
  db->insert(accounts, Account{0, "bob", 1});
  db->insert(legacy, Account{0, "ann", 7});
  db->execute(quarry::insert_into(legacy).set(legacy.owner = "cyd"));

  // Each instantiation reads its own table and column names.
  auto ann = db->find(accounts, a1);
  REQUIRE(ann.has_value());
  CHECK(ann->owner == "ann");
  CHECK(ann->level == 3);
  auto old = db->query(quarry::select(legacy).order_by(legacy.owner)).all();
  REQUIRE(old.size() == 2);
  CHECK(old[0].owner == "ann");
  CHECK(old[0].level == 7);
  CHECK(old[1].owner == "cyd");
  CHECK(old[1].level == 1);  // the default from the DDL

  // Both in one statement: two distinct sources.
  auto joined = db->query(quarry::select(accounts.owner, accounts.level, legacy.level)
                              .from(accounts)
                              .join(legacy)
                              .on(legacy.owner == accounts.owner))
                    .all();
  REQUIRE(joined.size() == 1);
  CHECK(joined[0] == std::tuple<std::string, std::int32_t, std::int32_t>{"ann", 3, 7});

  // The raw names are the instantiation's own.
  auto raw = db->template query_raw<std::tuple<std::string>>(
                   "SELECT owner_name FROM td_legacy_accounts WHERE level = 7")
                 .one();
  CHECK(std::get<0>(raw) == "ann");
  db->execute(quarry::update(legacy).set(legacy.level = std::int32_t{9}).where(legacy.owner == "cyd"));
  CHECK(std::get<0>(db->query(quarry::select(legacy.level).from(legacy).where(legacy.owner == "cyd")).one()) == 9);
  CHECK(db->query(quarry::select(accounts.id).from(accounts).where(accounts.level == 9)).all().empty());
  db->drop_table(accounts);
  db->drop_table(legacy);
}
