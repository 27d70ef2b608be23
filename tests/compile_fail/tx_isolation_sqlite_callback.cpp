// expect: quarry: SQLite transactions are always SERIALIZABLE
// Misuse: asking an SQLite connection for READ COMMITTED (callback form with retry).
#include <quarry/sqlite.hpp>

int misuse(quarry::sqlite::connection& db) {
#ifndef QUARRY_CF_CONTROL
  return db.transaction(quarry::read_committed_tx{.max_attempts = 3}, [](quarry::transaction&, int attempt) { return attempt; });
#else
  return db.transaction(quarry::tx_options{.max_attempts = 3}, [](quarry::transaction&, int attempt) { return attempt; });
#endif
}
