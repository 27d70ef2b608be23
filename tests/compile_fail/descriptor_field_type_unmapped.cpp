// expect: quarry: this column's field type has no SQL mapping
// Misuse: a field whose C++ type (std::vector<int>) has no quarry::value_traits.
#include <quarry/quarry.hpp>
#include <vector>

#ifndef QUARRY_CF_CONTROL
struct User { std::int64_t id; std::vector<int> tags; };
#else
struct User { std::int64_t id; std::string tags; };
#endif

inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::tags, "tags"> tags;
} users;

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(users); }
