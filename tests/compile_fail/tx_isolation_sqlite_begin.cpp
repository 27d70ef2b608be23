// expect: quarry: SQLite transactions are always SERIALIZABLE
// Misuse: asking an SQLite connection for REPEATABLE READ (RAII form). SQLite has one isolation
// level; the locking mode is chosen with sqlite_lock instead.
#include <quarry/sqlite.hpp>

void misuse(quarry::sqlite::connection& db) {
#ifndef QUARRY_CF_CONTROL
  auto tx = db.begin(quarry::repeatable_read_tx{});
#else
  auto tx = db.begin(quarry::serializable_tx{.lock = quarry::sqlite_lock::immediate});
#endif
  tx.commit();
}
