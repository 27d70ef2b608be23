// expect: quarry: a primary key column cannot be std::optional
// Misuse: a std::optional field marked primary_key (a primary key is NOT NULL).
#include <optional>
#include <quarry/quarry.hpp>

struct Item { std::int64_t id; std::string name; std::int16_t stock; bool active; std::optional<std::string> code; };
#ifndef QUARRY_CF_CONTROL
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id"> id;
  column<&Item::name, "name"> name;
  column<&Item::stock, "stock"> stock;
  column<&Item::active, "active"> active;
  column<&Item::code, "code", quarry::primary_key> code;
} items;
#else
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id"> id;
  column<&Item::name, "name"> name;
  column<&Item::stock, "stock"> stock;
  column<&Item::active, "active"> active;
  column<&Item::code, "code", quarry::unique> code;
} items;
#endif

void use() { (void)quarry::create_table_sql<quarry::postgres_dialect>(items); }
