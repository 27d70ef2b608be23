// expect: quarry: PostgreSQL has no min\(\)/max\(\) of binary values
// Misuse: max() of a quarry::bytes column rendered for PostgreSQL (SQLite accepts it).
#include <quarry/quarry.hpp>

struct File { std::int64_t id; quarry::bytes hash; };
inline constexpr struct files_t : quarry::table<"files", File> {
  column<&File::id, "id", quarry::identity> id;
  column<&File::hash, "hash"> hash;
} files;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::postgres_dialect>(quarry::select(quarry::max(files.hash)).from(files));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(quarry::max(files.hash)).from(files));
#endif
}
