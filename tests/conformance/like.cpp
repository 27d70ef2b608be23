// LIKE means the same on every backend (issue 12): `\` escapes `%`, `_` and itself, as it does by
// default on PostgreSQL (SQLite gets an explicit ESCAPE '\'), and quarry::like_escape /
// contains / starts_with / ends_with match user input literally.

#include "backends.hpp"
#include "catch.hpp"

#include <cstdint>
#include <string>
#include <vector>

using test::backends;

namespace {
struct Phrase {
  std::int64_t id;
  std::string text;
};
inline constexpr struct phrases_t : quarry::table<"like_phrases", Phrase> {
  column<&Phrase::id, "id", quarry::primary_key> id;
  column<&Phrase::text, "text"> text;
} phrases;

using ids_t = std::vector<std::int64_t>;

template <class Db>
void seed(Db& db) {
  db.drop_table(phrases, true);
  db.create_table(phrases);
  // 1..6 by quarry, 7..10 by raw SQL literals (no escapes inside: both databases read '\' as itself).
  db.insert(phrases, Phrase{1, "100%"});
  db.insert(phrases, Phrase{2, "100x"});
  db.insert(phrases, Phrase{3, "a_b"});
  db.insert(phrases, Phrase{4, "axb"});
  db.insert(phrases, Phrase{5, "a\\b"});
  db.insert(phrases, Phrase{6, "ab"});
  db.exec("INSERT INTO like_phrases (id, text) VALUES (7, '50% off'), (8, '50 off'), (9, 'C:\\dir\\_x'), (10, 'C:\\dirx')");
}

template <class Db, class C>
ids_t ids(Db& db, C cond) {
  ids_t out;
  for (auto [id] : db.query(quarry::select(phrases.id).from(phrases).where(cond).order_by(phrases.id))) out.push_back(id);
  return out;
}
}  // namespace

TEMPLATE_LIST_TEST_CASE("a backslash in a LIKE pattern escapes on every backend", "[query][like][issue12]", backends) {
  auto db = TestType::connect();
  seed(*db);
  CHECK(ids(*db, phrases.text.like("100\\%")) == ids_t{1});
  CHECK(ids(*db, phrases.text.like("100%")) == ids_t{1, 2});
  CHECK(ids(*db, phrases.text.like("a\\_b")) == ids_t{3});
  CHECK(ids(*db, phrases.text.like("a_b")) == ids_t{3, 4, 5});
  CHECK(ids(*db, phrases.text.like("a\\\\b")) == ids_t{5});
  CHECK(ids(*db, phrases.text.like("%\\%%")) == ids_t{1, 7});
  CHECK(ids(*db, phrases.text.like("C:\\\\dir\\\\\\_%")) == ids_t{9});
  CHECK(ids(*db, phrases.text.not_like("%\\%%")) == ids_t{2, 3, 4, 5, 6, 8, 9, 10});
  CHECK(ids(*db, phrases.text.not_like("a\\_b")) == ids_t{1, 2, 4, 5, 6, 7, 8, 9, 10});
  // The escape also applies to a pattern that is an expression.
  CHECK(ids(*db, phrases.text.like(quarry::concat(std::string("a\\"), std::string("_b")))) == ids_t{3});
}

TEMPLATE_LIST_TEST_CASE("like_escape, contains, starts_with and ends_with match input literally",
                        "[query][like][issue12]", backends) {
  auto db = TestType::connect();
  seed(*db);
  CHECK(quarry::like_escape("50%_a\\b") == "50\\%\\_a\\\\b");
  CHECK(quarry::like_escape("plain") == "plain");
  CHECK(ids(*db, phrases.text.like("%" + quarry::like_escape("0%") + "%")) == ids_t{1, 7});
  CHECK(ids(*db, phrases.text.contains("%")) == ids_t{1, 7});
  CHECK(ids(*db, phrases.text.contains("_")) == ids_t{3, 9});
  CHECK(ids(*db, phrases.text.contains("\\")) == ids_t{5, 9, 10});
  CHECK(ids(*db, phrases.text.contains("\\_")) == ids_t{9});
  CHECK(ids(*db, phrases.text.contains("")) == ids_t{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  CHECK(ids(*db, phrases.text.starts_with("a_")) == ids_t{3});
  CHECK(ids(*db, phrases.text.starts_with("50%")) == ids_t{7});
  CHECK(ids(*db, phrases.text.ends_with("\\b")) == ids_t{5});
  CHECK(ids(*db, phrases.text.ends_with("0%")) == ids_t{1});
  CHECK(ids(*db, !phrases.text.contains("%")) == ids_t{2, 3, 4, 5, 6, 8, 9, 10});
}
