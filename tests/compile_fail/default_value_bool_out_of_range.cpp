// expect: quarry: default_value<N> is the default of an integer or boolean column and must fit
// Misuse: default_value<2> on a bool column (only 0 and 1).
#include <optional>
#include <quarry/quarry.hpp>

struct Item { std::int64_t id; std::string name; std::int16_t stock; bool active; std::optional<std::string> code; };
#ifndef QUARRY_CF_CONTROL
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name"> name;
  column<&Item::stock, "stock"> stock;
  column<&Item::active, "active", quarry::default_value<2>> active;
  column<&Item::code, "code"> code;
} items;
#else
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name"> name;
  column<&Item::stock, "stock"> stock;
  column<&Item::active, "active", quarry::default_value<1>> active;
  column<&Item::code, "code"> code;
} items;
#endif

void use() { (void)quarry::create_table_sql<quarry::postgres_dialect>(items); }
