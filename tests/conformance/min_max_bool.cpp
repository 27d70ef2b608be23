// min()/max() of booleans: MIN/MAX on SQLite (0/1), BOOL_AND/BOOL_OR on PostgreSQL, which has
// no min/max of boolean (42883). The same values on every backend, NULLs skipped, NULL for no rows.

#include "backends.hpp"
#include "catch.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct Flag { std::int64_t id; std::string grp; std::optional<bool> on; };
inline constexpr struct flags_t : quarry::table<"mm_flags", Flag> {
  column<&Flag::id, "id", quarry::identity> id;
  column<&Flag::grp, "grp"> grp;
  column<&Flag::on, "on"> on;
} flags;

}  // namespace

TEMPLATE_LIST_TEST_CASE("min and max of booleans", "[functions][aggregate]", test::backends) {
  auto db = TestType::connect();
  db->drop_table(flags, true);
  db->create_table(flags);
  for (auto [g, v] : std::vector<std::pair<std::string, std::optional<bool>>>{
           {"all", true}, {"all", true}, {"mixed", true}, {"mixed", false}, {"mixed", std::nullopt},
           {"none", false}, {"none", false}, {"null", std::nullopt}})
    db->insert(flags, Flag{0, g, v});

  auto rows = db->query(quarry::select(flags.grp, quarry::min(flags.on), quarry::max(flags.on))
                            .from(flags)
                            .group_by(flags.grp)
                            .order_by(flags.grp))
                  .all();
  using R = std::tuple<std::string, std::optional<bool>, std::optional<bool>>;
  std::vector<R> got;
  for (const auto& r : rows) got.emplace_back(std::get<0>(r), std::get<1>(r), std::get<2>(r));
  CHECK(got == std::vector<R>{{"all", true, true}, {"mixed", false, true}, {"none", false, false},
                              {"null", std::nullopt, std::nullopt}});

  // No rows: NULL, as for every other min/max.
  auto empty = db->query(quarry::select(quarry::min(flags.on), quarry::max(flags.on))
                             .from(flags)
                             .where(flags.grp == "absent"))
                   .one();
  CHECK_FALSE(std::get<0>(empty).has_value());
  CHECK_FALSE(std::get<1>(empty).has_value());

  // As a window function (over a partition) too.
  auto win = db->query(quarry::select(flags.id, quarry::max(flags.on).over(quarry::window().partition_by(flags.grp)))
                           .from(flags)
                           .where(flags.grp == "mixed")
                           .order_by(flags.id))
                 .all();
  REQUIRE(win.size() == 3);
  for (const auto& w : win) CHECK(std::get<1>(w) == std::optional<bool>{true});
  db->drop_table(flags);
}

namespace {
struct Switch { std::int64_t id; std::string name; bool on; };
inline constexpr struct switches_t : quarry::table<"mm_switches", Switch> {
  column<&Switch::id, "id", quarry::identity> id;
  column<&Switch::name, "name"> name;
  column<&Switch::on, "on", quarry::default_value<1>> on;
} switches;
}  // namespace

// default_value<1> on a bool column renders DEFAULT TRUE (PostgreSQL refuses DEFAULT 1: 42804).
TEMPLATE_LIST_TEST_CASE("a boolean column's default_value", "[ddl]", test::backends) {
  auto db = TestType::connect();
  db->drop_table(switches, true);
  db->create_table(switches);
  db->execute(quarry::insert_into(switches).set(switches.name = "a"));
  CHECK(std::get<0>(db->query(quarry::select(switches.on).from(switches)).one()) == true);
  db->drop_table(switches);
}
