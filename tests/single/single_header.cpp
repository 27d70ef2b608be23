// Built with ONLY single_include/ on the include path: the amalgamated header must stand alone.
#include <quarry/quarry.hpp>

#include "catch.hpp"

#include <optional>
#include <string>

namespace {
struct Item {
  std::int64_t id;
  std::string name;
  std::optional<double> price;
};
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name"> name;
  column<&Item::price, "price"> price;
} items;
}  // namespace

TEST_CASE("single header renders SQL", "[single]") {
  auto q = quarry::select(items.name).from(items).where(items.price.is_not_null() && items.id > 3);
  CHECK(quarry::to_sql<quarry::postgres_dialect>(q) ==
        R"(SELECT "items"."name" FROM "items" WHERE "items"."price" IS NOT NULL AND "items"."id" > $1)");
}

#if QUARRY_ENABLE_SQLITE
TEST_CASE("single header runs on SQLite", "[single]") {
  quarry::sqlite::connection db;
  db.create_table(items);
  auto id = db.insert(items, Item{0, "pen", 1.5});
  CHECK(db.find(items, id)->price == 1.5);
}
#endif
