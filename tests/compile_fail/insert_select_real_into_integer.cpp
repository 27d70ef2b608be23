// expect: quarry: INSERT \.\.\. SELECT puts a REAL selected value into an integer or decimal column
// Misuse: INSERT ... SELECT of a REAL expression into an integer column.
#include <quarry/quarry.hpp>

struct Score { std::int64_t id; std::string name; int points; std::int16_t rank; double ratio; std::optional<int> bonus; quarry::decimal amount; };
inline constexpr struct scores_t : quarry::table<"scores", Score> {
  column<&Score::id, "id", quarry::identity> id;
  column<&Score::name, "name"> name;
  column<&Score::points, "points"> points;
  column<&Score::rank, "rank"> rank;
  column<&Score::ratio, "ratio"> ratio;
  column<&Score::bonus, "bonus"> bonus;
  column<&Score::amount, "amount"> amount;
} scores;
struct Entry { std::int64_t id; std::int64_t total; std::optional<int> extra; };
inline constexpr struct entries_t : quarry::table<"entries", Entry> {
  column<&Entry::id, "id", quarry::identity> id;
  column<&Entry::total, "total"> total;
  column<&Entry::extra, "extra"> extra;
} entries;

void misuse() {
#ifndef QUARRY_CF_CONTROL
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(scores).columns(scores.name, scores.points, scores.rank, scores.ratio, scores.amount).select(quarry::select(scores.name, scores.ratio * 2, scores.rank, scores.ratio, scores.amount).from(scores)));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(scores).columns(scores.name, scores.points, scores.rank, scores.ratio, scores.amount).select(quarry::select(scores.name, scores.points * 2, scores.rank, scores.ratio, scores.amount).from(scores)));
#endif
}
