// expect: quarry: a column takes at most one collate<> option
// Misuse: two collate<> options on one column.
#include <quarry/quarry.hpp>
#include <quarry/render/ddl.hpp>

struct Item { std::int64_t id; std::string name; };
#ifndef QUARRY_CF_CONTROL
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name", quarry::collate<quarry::nocase>, quarry::collate<quarry::rtrim>> name;
} items;
#else
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name", quarry::collate<quarry::nocase>> name;
} items;
#endif

void use() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(items); }
