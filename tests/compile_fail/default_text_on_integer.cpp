// expect: quarry: default_text<.*> is the default of a text column
// Misuse: default_text<"5"> on an integer column (std::int16_t).
#include <optional>
#include <quarry/quarry.hpp>

struct Item { std::int64_t id; std::string name; std::int16_t stock; bool active; std::optional<std::string> code; };
#ifndef QUARRY_CF_CONTROL
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name"> name;
  column<&Item::stock, "stock", quarry::default_text<"5">> stock;
  column<&Item::active, "active"> active;
  column<&Item::code, "code"> code;
} items;
#else
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name", quarry::default_text<"5">> name;
  column<&Item::stock, "stock", quarry::default_value<5>> stock;
  column<&Item::active, "active"> active;
  column<&Item::code, "code"> code;
} items;
#endif

void use() { (void)quarry::create_table_sql<quarry::postgres_dialect>(items); }
