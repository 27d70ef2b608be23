// expect: quarry: quarry::nocase, rtrim, binary and sqlite_collation<> are SQLite collations
// Misuse: CREATE TABLE for PostgreSQL of a column declared COLLATE NOCASE.
#include <quarry/quarry.hpp>
#include <quarry/render/ddl.hpp>

struct Item { std::int64_t id; std::string name; };
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name", quarry::collate<quarry::nocase>> name;
} items;
inline constexpr struct portable_t : quarry::table<"portable", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name", quarry::collate<quarry::bytewise>> name;
} portable;

void use() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::create_table_sql<quarry::postgres_dialect>(items);
#else
  (void)quarry::create_table_sql<quarry::sqlite_dialect>(items);
  (void)quarry::create_table_sql<quarry::postgres_dialect>(portable);
#endif
}
