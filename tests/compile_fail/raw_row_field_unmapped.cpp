// expect: quarry: query_raw<Row>\(\) reads into a row type with a field that has no SQL mapping
// Misuse: query_raw<Row>() whose row struct has a field of a type with no SQL mapping.
#include <quarry/sqlite.hpp>
#include <vector>

struct Stat { std::int64_t user_id; std::vector<int> counts; };
struct Count { std::int64_t user_id; std::int64_t n; };

void misuse(quarry::sqlite::connection* db) {
#ifndef QUARRY_CF_CONTROL
  (void)db->query_raw<Stat>("SELECT user_id, count(*) FROM posts GROUP BY user_id").all();
#else
  (void)db->query_raw<Count>("SELECT user_id, count(*) FROM posts GROUP BY user_id").all();
#endif
}
