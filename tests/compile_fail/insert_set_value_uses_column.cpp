// expect: quarry: insert_into\(t\)\.set\(\) uses a column in its value, but VALUES reads no table
// Misuse: INSERT ... VALUES whose value reads a column (of another table here); VALUES reads no table.
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
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(scores).set(scores.name = "a", scores.points = 1, scores.rank = std::int16_t{1}, scores.ratio = entries.total + 0.5, scores.amount = quarry::decimal{"1"}));
#else
  (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::insert_into(scores).set(scores.name = "a", scores.points = 1, scores.rank = std::int16_t{1}, scores.ratio = 0.5, scores.amount = quarry::decimal{"1"}));
#endif
}
