// expect: quarry: a keyset order may have at most 16 keys, at most 4 of them nullable
// Misuse: five nullable keys (each doubles the prepared statement shapes).
#include <quarry/page.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;
struct Item { std::int64_t id; std::optional<int> a; std::optional<int> b; std::optional<int> c; std::optional<int> d; std::optional<int> e; };
inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::a, "a"> a;
  column<&Item::b, "b"> b;
  column<&Item::c, "c"> c;
  column<&Item::d, "d"> d;
  column<&Item::e, "e"> e;
} items;
constexpr auto nl = quarry::nulls_last;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::paginate(quarry::select(items), items.a.asc(nl), items.b.asc(nl), items.c.asc(nl), items.d.asc(nl), items.e.asc(nl), items.id);
#else
  (void)quarry::paginate(quarry::select(items), items.a.asc(nl), items.b.asc(nl), items.c.asc(nl), items.d.asc(nl), items.id);
#endif
}
