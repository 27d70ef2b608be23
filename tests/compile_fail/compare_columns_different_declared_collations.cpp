// expect: quarry: compares two columns declared with different collations
// Misuse: = between a COLLATE NOCASE column and a column with the default collation, without
// saying which applies (PostgreSQL 42P22 for two declared ones; SQLite takes the left column's).
#include <optional>
#include <quarry/quarry.hpp>

struct Item { std::int64_t id; std::string name; std::string code; };
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name", quarry::collate<quarry::nocase>> name;
  column<&Item::code, "code"> code;
} items;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(items.id).from(items).where(items.name == items.code));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(
      quarry::select(items.id).from(items).where(items.name.collate<quarry::nocase>() == items.code));
#endif
}
