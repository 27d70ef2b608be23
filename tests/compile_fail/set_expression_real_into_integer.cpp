// expect: quarry: set\(\) assigns a REAL expression to an integer or decimal column
// Misuse: set() of a REAL expression into an integer column (PostgreSQL silently rounded 67.5 to 68).
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(scores).set(scores.points = scores.ratio * 100).where(scores.id == 1));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::update(scores).set(scores.points = quarry::cast<int>(scores.ratio * 100)).where(scores.id == 1));
#endif
}
