// expect: quarry: this C\+\+ type cannot be bound as an SQL parameter of raw SQL
// Misuse: execute_raw() with a parameter whose type has no SQL mapping.
#include <quarry/sqlite.hpp>

struct point { int x, y; };

void misuse(quarry::sqlite::connection* db) {
#ifndef QUARRY_CF_CONTROL
  (void)db->execute_raw("DELETE FROM users WHERE age = ?", point{1, 2});
#else
  (void)db->execute_raw("DELETE FROM users WHERE age = ?", 1);
#endif
}
