// Runtime lists of strings with zero bytes (issue 12). SQLite text may hold them; SQLite binds a
// runtime list as one JSON array, and json_each cuts a string at "\u0000", so the list must be
// carried so that "a\0b" stays "a\0b". PostgreSQL text cannot hold a zero byte: binding one is an
// error there, in a list as anywhere else.

#include "backends.hpp"
#include "catch.hpp"

#include <quarry/diag.hpp>
#include <quarry/orm.hpp>

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

using namespace std::string_literals;
using test::backends;

namespace {
struct Word {
  std::int64_t id;
  std::string text;
};
inline constexpr struct words_t : quarry::table<"nul_words", Word> {
  column<&Word::id, "id", quarry::primary_key> id;
  column<&Word::text, "text", quarry::unique> text;
} words;

struct Note {
  std::int64_t id;
  std::string word;
};
inline constexpr struct notes_t : quarry::table<"nul_notes", Note> {
  column<&Note::id, "id", quarry::primary_key> id;
  column<&Note::word, "word", quarry::references<&words_t::text>> word;
} notes;
inline constexpr auto word_notes = quarry::has_many<&notes_t::word>;

struct sql_log final : quarry::diag::statement_observer {
  std::vector<std::string> sql;
  void statement_finished(const quarry::diag::statement_event& e) noexcept override { sql.emplace_back(e.sql); }
};

template <class T>
constexpr bool is_sqlite = std::is_same_v<typename T::connection, quarry::sqlite::connection>;

template <class Db>
void fresh(Db& db) {
  db.drop_table(notes, true);
  db.drop_table(words, true);
  db.create_table(words);
  db.create_table(notes);
}

template <class Db, class C>
std::vector<std::int64_t> ids(Db& db, C cond) {
  std::vector<std::int64_t> out;
  for (auto [id] : db.query(quarry::select(words.id).from(words).where(cond).order_by(words.id))) out.push_back(id);
  return out;
}
using ids_t = std::vector<std::int64_t>;
}  // namespace

TEMPLATE_LIST_TEST_CASE("in_values / not_in_values keep zero bytes in strings", "[query][in_values][issue12]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  db->insert(words, Word{1, "a"});
  db->insert(words, Word{5, "b\x01" "c"});  // the byte quarry's list encoding escapes with
  if constexpr (is_sqlite<TestType>) {
    db->insert(words, Word{2, "a\0b"s});
    db->execute_raw("INSERT INTO nul_words (id, text) VALUES (3, 'a' || char(0) || 'c')");
    db->execute_raw("INSERT INTO nul_words (id, text) VALUES (4, char(0))");
    REQUIRE(ids(*db, words.text == "a\0b"s) == ids_t{2});

    CHECK(ids(*db, words.text.in_values(std::vector<std::string>{"a\0b"s})) == ids_t{2});
    CHECK(ids(*db, words.text.in_values(std::vector<std::string>{"a\0c"s, "\0"s})) == ids_t{3, 4});
    CHECK(ids(*db, words.text.in_values(std::vector<std::string>{"a"})) == ids_t{1});
    CHECK(ids(*db, words.text.in_values(std::vector<std::string>{"a\0"s})).empty());
    CHECK(ids(*db, words.text.in_values(std::vector<std::string>{"b\x01" "c"})) == ids_t{5});
    CHECK(ids(*db, words.text.in_values(std::vector<std::string>{"b\x01" "0"})).empty());
    // A deny-list is not bypassed by a value that differs after its zero byte.
    CHECK(ids(*db, words.text.not_in_values(std::vector<std::string>{"a\0b"s, "a\0c"s})) == ids_t{1, 4, 5});
    CHECK(ids(*db, words.text.not_in_values(std::vector<std::string>{"a"})) == ids_t{2, 3, 4, 5});
  } else {
    CHECK_THROWS_AS(db->insert(words, Word{2, "a\0b"s}), quarry::usage_error);
    CHECK_THROWS_AS(ids(*db, words.text.in_values(std::vector<std::string>{"a\0b"s})), quarry::usage_error);
    CHECK_THROWS_AS(ids(*db, words.text.not_in_values(std::vector<std::string>{"x", "a\0b"s})), quarry::usage_error);
    CHECK(ids(*db, words.text.in_values(std::vector<std::string>{"a", "b\x01" "c"})) == ids_t{1, 5});
    CHECK(ids(*db, words.text.not_in_values(std::vector<std::string>{"a"})) == ids_t{5});
  }
}

TEMPLATE_LIST_TEST_CASE("eager loading by text keys with zero bytes finds each parent's own children",
                        "[relations][in_values][issue12]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  db->insert(words, Word{1, "a"});
  db->insert(words, Word{2, "b\x01" "c"});
  db->insert(notes, Note{10, "a"});
  db->insert(notes, Note{20, "b\x01" "c"});
  if constexpr (is_sqlite<TestType>) {
    db->insert(words, Word{3, "a\0b"s});
    db->execute_raw("INSERT INTO nul_notes (id, word) VALUES (30, 'a' || char(0) || 'b')");
  }
  sql_log log;
  db->add_observer(log);
  auto loaded = db->load(quarry::select(words).where(words.id != std::int64_t{1}).order_by(words.id).with(word_notes));
  db->remove_observer(log);
  REQUIRE(log.sql.size() == 2);
  if constexpr (is_sqlite<TestType>) {
    CHECK(log.sql[1] ==
          R"(SELECT "nul_notes"."id", "nul_notes"."word" FROM "nul_notes" WHERE "nul_notes"."word" IN (SELECT replace(replace(value, char(1) || '0', char(0)), char(1) || '1', char(1)) FROM json_each(?)))");
  } else {
    CHECK(log.sql[1] ==
          R"(SELECT "nul_notes"."id", "nul_notes"."word" FROM "nul_notes" WHERE "nul_notes"."word" = ANY($1))");
  }
  std::vector<std::vector<std::int64_t>> got;
  for (const auto& w : loaded) {
    got.emplace_back();
    for (const auto& n : w[word_notes]) got.back().push_back(n.id);
  }
  if constexpr (is_sqlite<TestType>) {
    CHECK(got == std::vector<std::vector<std::int64_t>>{{20}, {30}});
  } else {
    CHECK(got == std::vector<std::vector<std::int64_t>>{{20}});
  }
}
