// expect: quarry: set\(\) assigns a value that does not convert to the column's C\+\+ type without narrowing
// Misuse: set() assigns an int to a std::int16_t column (narrowing, even for a literal);
// write std::int16_t{5}.
#include <quarry/quarry.hpp>

struct Item { std::int64_t id; std::int16_t stock; };
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::stock, "stock"> stock;
} items;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(items).set(items.stock = 5).where(items.id == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::update(items).set(items.stock = std::int16_t{5}).where(items.id == 1));
#endif
}
