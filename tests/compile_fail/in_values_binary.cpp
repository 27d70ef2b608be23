// expect: quarry: in_values\(\) does not take binary values
// Misuse: in_values() with a range of quarry::bytes (blobs cannot be bound as a list).
#include <quarry/quarry.hpp>
#include <vector>

struct File { std::int64_t id; quarry::bytes hash; };
inline constexpr struct files_t : quarry::table<"files", File> {
  column<&File::id, "id", quarry::identity> id;
  column<&File::hash, "hash"> hash;
} files;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  std::vector<quarry::bytes> hashes(2);
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(files).where(files.hash.in_values(hashes)));
#else
  quarry::bytes hash;
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(files).where(files.hash == hash));
#endif
}
