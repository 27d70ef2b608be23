// expect: quarry: collate<C> is an option of text columns
// Misuse: the collate<> column option on an integer column.
#include <quarry/quarry.hpp>
#include <quarry/render/ddl.hpp>

struct Item { std::int64_t id; std::string name; int stock; };
#ifndef QUARRY_CF_CONTROL
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name"> name;
  column<&Item::stock, "stock", quarry::collate<quarry::nocase>> stock;
} items;
#else
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name", quarry::collate<quarry::nocase>> name;
  column<&Item::stock, "stock"> stock;
} items;
#endif

void use() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(items); }
