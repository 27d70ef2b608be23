// COLLATE: on expressions (comparisons, IN, ORDER BY, GROUP BY, the select list) and as a
// column option in CREATE TABLE. SQLite's NOCASE / RTRIM / registered collations, PostgreSQL's
// "C" and ICU collations, and quarry::bytewise (BINARY / "C") on every backend. Checked by the
// rows that come back, including from tables quarry did not create.

#include "backends.hpp"
#include "catch.hpp"

#include <quarry/page.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace {

struct Word { std::int64_t id; std::string text; std::optional<std::string> note; };
inline constexpr struct words_t : quarry::table<"co_words", Word> {
  column<&Word::id, "id", quarry::identity> id;
  column<&Word::text, "text"> text;
  column<&Word::note, "note"> note;
} words;

using sqlite_backends = std::tuple<test::sqlite_memory, test::sqlite_file>;

template <class DB>
void fill(DB& db, const std::vector<std::string>& texts) {
  db.drop_table(words, true);
  db.create_table(words);
  for (const auto& t : texts) db.insert(words, Word{0, t, std::nullopt});
}

template <class Rows>
std::vector<std::string> firsts(const Rows& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(std::get<0>(r));
  return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEMPLATE_LIST_TEST_CASE("bytewise orders and compares bytes on every backend", "[collate]", test::backends) {
  auto db = TestType::connect();
  fill(*db, {"b", "B", "a", "A", "ab"});
  auto sorted = db->query(quarry::select(words.text).from(words).order_by(words.text.collate<quarry::bytewise>()))
                    .all();
  CHECK(firsts(sorted) == strings{"A", "B", "a", "ab", "b"});
  auto desc = db->query(quarry::select(words.text.collate<quarry::bytewise>())
                            .from(words)
                            .order_by(words.text.collate<quarry::bytewise>().desc()))
                  .all();
  CHECK(firsts(desc) == strings{"b", "ab", "a", "B", "A"});
  auto less = db->query(quarry::select(words.text)
                            .from(words)
                            .where(words.text.collate<quarry::bytewise>() < "a")
                            .order_by(words.id))
                  .all();
  CHECK(firsts(less) == strings{"B", "A"});
  auto eq = db->query(quarry::select(words.text).from(words).where(words.text.collate<quarry::bytewise>() == "a")).all();
  CHECK(firsts(eq) == strings{"a"});
  auto in = db->query(quarry::select(words.text)
                          .from(words)
                          .where(words.text.collate<quarry::bytewise>().in("a", "B"))
                          .order_by(words.id))
                .all();
  CHECK(firsts(in) == strings{"B", "a"});
  // NULLs placement with a collated key.
  db->execute(quarry::update(words).set(words.note = "x").where(words.text == "a"));
  auto nulls = db->query(quarry::select(words.text)
                             .from(words)
                             .order_by(words.note.collate<quarry::bytewise>().asc(quarry::nulls_first), words.id))
                   .all();
  CHECK(firsts(nulls) == strings{"b", "B", "A", "ab", "a"});
  db->drop_table(words);
}

TEMPLATE_LIST_TEST_CASE("NOCASE and RTRIM on SQLite", "[collate][sqlite]", sqlite_backends) {
  auto db = TestType::connect();
  fill(*db, {"bob", "Bob", "alice", "Carol", "BOB "});
  auto eq = db->query(quarry::select(words.id).from(words).where(words.text.collate<quarry::nocase>() == "BOB").order_by(words.id))
                .all();
  REQUIRE(eq.size() == 2);
  CHECK(std::get<0>(eq[0]) == 1);
  CHECK(std::get<0>(eq[1]) == 2);
  // Without a collation the comparison is BINARY.
  CHECK(db->query(quarry::select(words.id).from(words).where(words.text == "BOB")).all().empty());
  auto ordered =
      db->query(quarry::select(words.text).from(words).order_by(words.text.collate<quarry::nocase>(), words.id)).all();
  CHECK(firsts(ordered) == strings{"alice", "bob", "Bob", "BOB ", "Carol"});
  auto binary = db->query(quarry::select(words.text).from(words).order_by(words.text.collate<quarry::binary>())).all();
  CHECK(firsts(binary) == strings{"BOB ", "Bob", "Carol", "alice", "bob"});
  auto in = db->query(quarry::select(words.text)
                          .from(words)
                          .where(words.text.collate<quarry::nocase>().in("ALICE", "carol"))
                          .order_by(words.id))
                .all();
  CHECK(firsts(in) == strings{"alice", "Carol"});
  std::vector<std::string> wanted{"ALICE", "CAROL"};
  auto in_values = db->query(quarry::select(words.text)
                                 .from(words)
                                 .where(words.text.collate<quarry::nocase>().in_values(wanted))
                                 .order_by(words.id))
                       .all();
  CHECK(firsts(in_values) == strings{"alice", "Carol"});
  auto between = db->query(quarry::select(words.text)
                               .from(words)
                               .where(words.text.collate<quarry::nocase>().between("B", "BOB"))
                               .order_by(words.id))
                     .all();
  CHECK(firsts(between) == strings{"bob", "Bob"});
  auto rtrim = db->query(quarry::select(words.text).from(words).where(words.text.collate<quarry::rtrim>() == "BOB")).all();
  CHECK(firsts(rtrim) == strings{"BOB "});
  // GROUP BY a collated expression: "bob" and "Bob" are one group.
  auto groups = db->query(quarry::select(words.text.collate<quarry::nocase>(), quarry::count())
                              .from(words)
                              .group_by(words.text.collate<quarry::nocase>()))
                    .all();
  std::vector<std::pair<std::string, std::int64_t>> got;
  for (const auto& [t, n] : groups) {
    std::string lower = t;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    got.emplace_back(lower, n);
  }
  std::sort(got.begin(), got.end());
  CHECK(got == std::vector<std::pair<std::string, std::int64_t>>{{"alice", 1}, {"bob", 2}, {"bob ", 1}, {"carol", 1}});
  // MIN/MAX take their argument's collation.
  auto mx = db->query(quarry::select(quarry::max(words.text.collate<quarry::nocase>())).from(words)).one();
  CHECK(std::get<0>(mx) == std::optional<std::string>{"Carol"});
  db->drop_table(words);
}

namespace {
// The application's own collation: reverse byte order.
int reverse_bytes(void*, int la, const void* a, int lb, const void* b) {
  int n = std::memcmp(a, b, static_cast<std::size_t>(std::min(la, lb)));
  int r = n != 0 ? n : (la < lb ? -1 : la > lb ? 1 : 0);
  return -r;
}
}  // namespace

TEMPLATE_LIST_TEST_CASE("a collation the application registered on SQLite", "[collate][sqlite]", sqlite_backends) {
  auto db = TestType::connect();
  REQUIRE(sqlite3_create_collation(db->native_handle(), "reverse_bytes", SQLITE_UTF8, nullptr, reverse_bytes) ==
          SQLITE_OK);
  fill(*db, {"b", "c", "a"});
  using rev = quarry::sqlite_collation<"reverse_bytes">;
  auto rows = db->query(quarry::select(words.text).from(words).order_by(words.text.collate<rev>())).all();
  CHECK(firsts(rows) == strings{"c", "b", "a"});
  auto gt = db->query(quarry::select(words.text).from(words).where(words.text.collate<rev>() > "b")).all();
  CHECK(firsts(gt) == strings{"a"});
  db->drop_table(words);
}

namespace {
// A table another program made, with COLLATE NOCASE on the column; the descriptor says nothing
// about it (the column's own collation applies) or says it (the same DDL).
struct Tag { std::int64_t id; std::string label; };
inline constexpr struct tags_t : quarry::table<"co_tags", Tag> {
  column<&Tag::id, "id", quarry::primary_key> id;
  column<&Tag::label, "label"> label;
} tags;
inline constexpr struct tags_nocase_t : quarry::table<"co_tags", Tag> {
  column<&Tag::id, "id", quarry::primary_key> id;
  column<&Tag::label, "label", quarry::collate<quarry::nocase>> label;
} tags_nocase;
}  // namespace

TEMPLATE_LIST_TEST_CASE("a hand-made SQLite table with a COLLATE NOCASE column", "[collate][sqlite]", sqlite_backends) {
  auto db = TestType::connect();
  db->exec("DROP TABLE IF EXISTS co_tags");
  db->exec("CREATE TABLE co_tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL COLLATE NOCASE)");
  db->exec("INSERT INTO co_tags VALUES (1, 'Red'), (2, 'green'), (3, 'RED'), (4, 'Blue')");
  auto red = db->query(quarry::select(tags.id, tags.label).from(tags).where(tags.label == "red").order_by(tags.id)).all();
  REQUIRE(red.size() == 2);
  CHECK(red[0] == std::tuple<std::int64_t, std::string>{1, "Red"});
  CHECK(red[1] == std::tuple<std::int64_t, std::string>{3, "RED"});
  auto ordered = db->query(quarry::select(tags.label).from(tags).order_by(tags.label, tags.id)).all();
  CHECK(firsts(ordered) == strings{"Blue", "green", "Red", "RED"});
  // An explicit collation wins over the column's.
  auto binary = db->query(quarry::select(tags.label).from(tags).order_by(tags.label.collate<quarry::binary>())).all();
  CHECK(firsts(binary) == strings{"Blue", "RED", "Red", "green"});
  CHECK(db->query(quarry::select(tags.id).from(tags).where(tags.label.collate<quarry::binary>() == "red")).all().empty());
  // The descriptor that declares the collation reads and compares the same rows.
  auto same = db->query(quarry::select(tags_nocase).where(tags_nocase.label.in("RED")).order_by(tags_nocase.id)).all();
  REQUIRE(same.size() == 2);
  CHECK(same[0].label == "Red");
  CHECK(same[1].label == "RED");
  // find() by key, and a write through quarry, then read by the raw API.
  db->execute(quarry::update(tags).set(tags.label = "BLUE").where(tags.label == "blue"));
  auto raw = db->template query_raw<std::tuple<std::string>>("SELECT label FROM co_tags WHERE id = 4").one();
  CHECK(std::get<0>(raw) == "BLUE");
  db->exec("DROP TABLE co_tags");
}

TEMPLATE_LIST_TEST_CASE("create_table with a NOCASE column on SQLite", "[collate][ddl][sqlite]", sqlite_backends) {
  auto db = TestType::connect();
  db->drop_table(tags_nocase, true);
  db->create_table(tags_nocase);
  db->insert(tags_nocase, Tag{1, "Red"});
  db->insert(tags_nocase, Tag{2, "blue"});
  // Behaviour: the column compares without case, and UNIQUE-like lookups see it too.
  auto red = db->query(quarry::select(tags_nocase.id).from(tags_nocase).where(tags_nocase.label == "RED")).all();
  REQUIRE(red.size() == 1);
  CHECK(std::get<0>(red[0]) == 1);
  auto ordered = db->query(quarry::select(tags_nocase.label).from(tags_nocase).order_by(tags_nocase.label)).all();
  CHECK(firsts(ordered) == strings{"blue", "Red"});  // BINARY would put "Red" first
  // The DDL SQLite stored says so.
  auto ddl = db->template query_raw<std::tuple<std::string>>("SELECT sql FROM sqlite_master WHERE name = 'co_tags'").one();
  CHECK(std::get<0>(ddl).find(R"("label" TEXT NOT NULL COLLATE NOCASE)") != std::string::npos);
  db->drop_table(tags_nocase);
}

namespace {
struct Name { std::int64_t id; std::string name; };
inline constexpr struct names_icu_t : quarry::table<"co_names", Name> {
  column<&Name::id, "id", quarry::identity> id;
  column<&Name::name, "name", quarry::collate<quarry::pg_collation<"und-x-icu">>> name;
} names_icu;
inline constexpr struct names_bytes_t : quarry::table<"co_names_b", Name> {
  column<&Name::id, "id", quarry::identity> id;
  column<&Name::name, "name", quarry::collate<quarry::bytewise>> name;
} names_bytes;
}  // namespace

TEST_CASE("PostgreSQL: \"C\" and und-x-icu order differently", "[collate][postgres]") {
  auto db = test::postgres::connect();
  // The test cluster is initdb --locale=C: the default collation is C ('B' < 'a'). ICU must be there.
  auto icu = db->query_raw<std::tuple<std::int64_t>>("SELECT count(*) FROM pg_collation WHERE collname = 'und-x-icu'").one();
  REQUIRE(std::get<0>(icu) == 1);
  fill(*db, {"B", "a", "A", "b"});
  using c_coll = quarry::pg_collation<"C">;
  using icu_coll = quarry::pg_collation<"und-x-icu">;
  auto by_c = db->query(quarry::select(words.text).from(words).order_by(words.text.collate<c_coll>())).all();
  CHECK(firsts(by_c) == strings{"A", "B", "a", "b"});
  auto by_icu = db->query(quarry::select(words.text).from(words).order_by(words.text.collate<icu_coll>())).all();
  CHECK(firsts(by_icu) == strings{"a", "A", "b", "B"});
  auto by_default = db->query(quarry::select(words.text).from(words).order_by(words.text)).all();
  CHECK(firsts(by_default) == strings{"A", "B", "a", "b"});
  auto less_icu = db->query(quarry::select(words.text).from(words).where(words.text.collate<icu_coll>() < "B").order_by(words.id))
                      .all();
  CHECK(firsts(less_icu) == strings{"a", "A", "b"});
  auto less_c = db->query(quarry::select(words.text).from(words).where(words.text.collate<c_coll>() < "B")).all();
  CHECK(firsts(less_c) == strings{"A"});
  auto mx = db->query(quarry::select(quarry::max(words.text.collate<icu_coll>())).from(words)).one();
  CHECK(std::get<0>(mx) == std::optional<std::string>{"B"});
  // A collation inside a function carries through on PostgreSQL.
  auto lowered = db->query(quarry::select(words.text)
                               .from(words)
                               .order_by(quarry::upper(words.text).collate<icu_coll>(), words.text.collate<icu_coll>()))
                     .all();
  CHECK(firsts(lowered) == strings{"a", "A", "b", "B"});
  db->drop_table(words);
}

TEST_CASE("PostgreSQL: create_table with an ICU column collation", "[collate][ddl][postgres]") {
  auto db = test::postgres::connect();
  db->drop_table(names_icu, true);
  db->create_table(names_icu);
  for (const char* n : {"B", "a", "A", "b"}) db->insert(names_icu, Name{0, n});
  auto rows = db->query(quarry::select(names_icu.name).from(names_icu).order_by(names_icu.name)).all();
  CHECK(firsts(rows) == strings{"a", "A", "b", "B"});
  auto coll = db->query_raw<std::tuple<std::string>>(
                    "SELECT c.collname::text FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation "
                    "WHERE a.attrelid = 'co_names'::regclass AND a.attname = 'name'")
                  .one();
  CHECK(std::get<0>(coll) == "und-x-icu");
  db->drop_table(names_icu);
}

TEMPLATE_LIST_TEST_CASE("create_table with a bytewise column on every backend", "[collate][ddl]", test::backends) {
  auto db = TestType::connect();
  db->drop_table(names_bytes, true);
  db->create_table(names_bytes);
  for (const char* n : {"b", "A", "a", "B"}) db->insert(names_bytes, Name{0, n});
  auto rows = db->query(quarry::select(names_bytes.name).from(names_bytes).order_by(names_bytes.name)).all();
  CHECK(firsts(rows) == strings{"A", "B", "a", "b"});
  auto eq = db->query(quarry::select(names_bytes.id).from(names_bytes).where(names_bytes.name == "a")).all();
  REQUIRE(eq.size() == 1);
  CHECK(std::get<0>(eq[0]) == 3);
  db->drop_table(names_bytes);
}

namespace {
template <class Pager, class DB>
std::vector<std::vector<std::string>> all_pages(const Pager& pager, DB& db) {
  std::vector<std::vector<std::string>> pages;
  std::string after;
  for (int guard = 0; guard < 10; ++guard) {
    auto p = pager.fetch(db, {.first = 2, .after = after});
    std::vector<std::string> texts;
    for (const auto& r : p.rows) texts.push_back(std::get<0>(r));
    pages.push_back(texts);
    if (!p.has_next) break;
    after = p.next_cursor;
  }
  return pages;
}
}  // namespace

TEMPLATE_LIST_TEST_CASE("keyset pages ordered by a collated key", "[collate][page]", test::backends) {
  auto db = TestType::connect();
  fill(*db, {"b", "B", "a", "A", "ab"});
  auto pager = quarry::paginate(quarry::select(words.text, words.id).from(words),
                                words.text.collate<quarry::bytewise>(), words.id);
  CHECK(all_pages(pager, *db) == std::vector<strings>{{"A", "B"}, {"a", "ab"}, {"b"}});
  auto back = quarry::paginate(quarry::select(words.text).from(words), words.text.collate<quarry::bytewise>().desc(),
                               words.id.desc());
  CHECK(all_pages(back, *db) == std::vector<strings>{{"b", "ab"}, {"a", "B"}, {"A"}});
  if constexpr (!std::is_same_v<TestType, test::postgres>) {
    fill(*db, {"bob", "Bob", "alice", "Carol", "BOB "});
    auto nocase = quarry::paginate(quarry::select(words.text).from(words), words.text.collate<quarry::nocase>(), words.id);
    CHECK(all_pages(nocase, *db) == std::vector<strings>{{"alice", "bob"}, {"Bob", "BOB "}, {"Carol"}});
  }
  db->drop_table(words);
}
