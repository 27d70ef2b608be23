// The statement hook, quarry::diag::query_counter and quarry::diag::repeated_statement_guard, on
// both backends: what each statement kind reports (SQL, parameters, rows, failure), the counter's
// failure message, kind filters, observers coming and going, the guard raising before the
// statement runs or reporting, and statement shapes.

#include "catch.hpp"
#include "conformance/backends.hpp"
#include <quarry/diag.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace qc {

struct Note {
  std::int64_t id;
  std::string body;
};
inline constexpr struct notes_t : quarry::table<"qc_notes", Note> {
  column<&Note::id, "id", quarry::identity> id;
  column<&Note::body, "body", quarry::unique> body;
} notes;

template <class Db>
void reset(Db& db) {
  db.drop_table(notes, true);
  db.create_table(notes);
}

/// Every finished event, copied.
struct recorder final : quarry::diag::statement_observer {
  struct seen {
    quarry::diag::statement_kind kind;
    std::string sql;
    int params;
    std::int64_t rows;
    bool failed;
  };
  std::vector<seen> started, finished;
  void statement_started(const quarry::diag::statement_event& e) override {
    started.push_back({e.kind, std::string(e.sql), e.param_count, e.rows, e.failed});
  }
  void statement_finished(const quarry::diag::statement_event& e) noexcept override {
    finished.push_back({e.kind, std::string(e.sql), e.param_count, e.rows, e.failed});
  }
};

}  // namespace qc

using namespace qc;
using quarry::diag::statement_kind;

TEMPLATE_LIST_TEST_CASE("the statement hook sees every kind of statement with its rows", "[diag]", test::backends) {
  auto db = TestType::connect();
  reset(*db);
  recorder r;
  db->add_observer(r);
  db->insert(notes, Note{0, "a"});
  db->insert(notes, Note{0, "b"});
  auto all = db->query(quarry::select(notes).order_by(notes.id)).all();
  REQUIRE(all.size() == 2);
  CHECK(db->execute(quarry::update(notes).set(notes.body = "c").where(notes.id == all[0].id)) == 1);
  {
    // Raw SQL: the hook keeps its own copy of the text, the caller's string dies first.
    std::string sql = "SELECT id FROM qc_notes WHERE id >= " + TestType::ph(1);
    auto res = db->template query_raw<std::tuple<std::int64_t>>(sql, std::int64_t{0});
    sql.assign(sql.size(), 'x');
    CHECK(res.all().size() == 2);
  }
  CHECK(db->execute_raw("DELETE FROM qc_notes WHERE id = " + TestType::ph(1), all[1].id) == 1);
  db->exec("CREATE TABLE qc_tmp (x INTEGER)");
  db->exec("DROP TABLE qc_tmp");
  db->remove_observer(r);
  db->insert(notes, Note{0, "not seen"});

  REQUIRE(r.finished.size() == 8);
  REQUIRE(r.started.size() == 8);
  CHECK(r.finished[0].kind == statement_kind::execute);
  CHECK(r.finished[0].params == 1);
  CHECK(r.finished[0].rows == 1);
  CHECK(r.finished[2].kind == statement_kind::query);
  CHECK(r.finished[2].rows == 2);
  CHECK(r.finished[2].sql.find("FROM \"qc_notes\" ORDER BY") != std::string::npos);
  CHECK(r.finished[3].kind == statement_kind::execute);
  CHECK(r.finished[3].rows == 1);
  CHECK(r.finished[4].kind == statement_kind::raw_query);
  CHECK(r.finished[4].sql == "SELECT id FROM qc_notes WHERE id >= " + TestType::ph(1));
  CHECK(r.finished[4].rows == 2);
  CHECK(r.finished[5].kind == statement_kind::raw_execute);
  CHECK(r.finished[5].rows == 1);
  CHECK(r.finished[6].kind == statement_kind::exec);
  CHECK(r.finished[6].sql == "CREATE TABLE qc_tmp (x INTEGER)");
  for (const auto& e : r.finished) CHECK_FALSE(e.failed);
}

TEMPLATE_LIST_TEST_CASE("failed and abandoned statements are reported", "[diag]", test::backends) {
  auto db = TestType::connect();
  reset(*db);
  db->insert(notes, Note{0, "a"});
  db->insert(notes, Note{0, "b"});
  std::vector<quarry::diag::statement_event> seen;
  std::vector<std::string> texts;
  db->on_statement([&](const quarry::diag::statement_event& e) {
    seen.push_back(e);
    texts.emplace_back(e.sql);
  });
  CHECK_THROWS_AS(db->insert(notes, Note{0, "a"}), quarry::unique_violation);
  CHECK_THROWS(db->exec("SELECT * FROM qc_no_such_table"));
  auto first = db->query(quarry::select(notes).order_by(notes.id)).first();  // stops after one row
  REQUIRE(first.has_value());
  db->on_statement(nullptr);
  db->insert(notes, Note{0, "c"});
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].failed);
  CHECK(seen[0].kind == statement_kind::execute);
  CHECK(seen[1].failed);
  CHECK(seen[1].kind == statement_kind::exec);
  CHECK(texts[1] == "SELECT * FROM qc_no_such_table");
  CHECK_FALSE(seen[2].failed);
  CHECK(seen[2].rows == 1);
  CHECK(seen[2].duration.count() >= 0);
}

TEMPLATE_LIST_TEST_CASE("query_counter counts, lists and filters statements", "[diag]", test::backends) {
  auto db = TestType::connect();
  reset(*db);
  quarry::diag::query_counter all(*db);
  quarry::diag::query_counter statements(*db, quarry::diag::kinds::statements);
  {
    quarry::diag::query_counter reads(*db, quarry::diag::kinds::reads);
    db->transaction([&](quarry::transaction&) {
      db->insert(notes, Note{0, "a"});
      db->insert(notes, Note{0, "b"});
    });
    (void)db->query(quarry::select(notes)).all();
    CHECK(reads.count() == 1);
    CHECK_NOTHROW(reads.expect(1));
  }
  (void)db->find(notes, std::int64_t{1});  // the destroyed counter no longer counts; the others do
  CHECK(all.count() == 6);                  // BEGIN, 2 inserts, COMMIT, select, find
  CHECK(statements.count() == 4);
  CHECK(all.statements()[0].kind == statement_kind::exec);
  CHECK(all.statements()[0].sql.rfind("BEGIN", 0) == 0);
  CHECK(all.statements()[3].sql == "COMMIT");
  CHECK(all.statements()[4].finished);
  CHECK(all.statements()[4].rows == 2);

  // expect() fails with every statement listed.
  try {
    statements.expect(2);
    FAIL("expect(2) did not throw");
  } catch (const quarry::diag::statement_count_error& e) {
    std::string msg = e.what();
    CHECK(msg.find("quarry: expected 2 statements, 4 ran:") == 0);
    CHECK(msg.find("\n  1. [execute] INSERT INTO \"qc_notes\"") != std::string::npos);
    CHECK(msg.find("\n  4. [query] SELECT") != std::string::npos);
    CHECK(msg.find("2 rows") != std::string::npos);
    CHECK(e.category() == quarry::errc::usage);
  }
  statements.reset();
  CHECK(statements.count() == 0);

  // The one-call form returns the callback's value and checks the count.
  auto rows = quarry::diag::expect_statements(*db, 1, [&] { return db->query(quarry::select(notes)).all(); });
  CHECK(rows.size() == 2);
  CHECK_THROWS_AS(quarry::diag::expect_statements(*db, 0, [&] { (void)db->find(notes, std::int64_t{1}); }),
                  quarry::diag::statement_count_error);
}

TEMPLATE_LIST_TEST_CASE("the repeated-statement guard raises before the statement runs", "[diag]", test::backends) {
  auto db = TestType::connect();
  reset(*db);
  for (int i = 0; i < 3; ++i) db->insert(notes, Note{0, "n" + std::to_string(i)});
  auto ids = db->query(quarry::select(notes.id).from(notes).order_by(notes.id)).all();

  quarry::diag::query_counter counter(*db);
  {
    quarry::diag::repeated_statement_guard guard(*db);
    int found = 0;
    try {
      for (auto [id] : ids) found += db->find(notes, id) ? 1 : 0;  // N+1: one query per id
      FAIL("the guard did not trip");
    } catch (const quarry::diag::repeated_statement_error& e) {
      CHECK(found == 1);
      CHECK(e.statement().count == 2);
      CHECK(e.statement().kind == statement_kind::query);
      std::string msg = e.what();
      CHECK(msg.find("quarry: the statement SELECT") == 0);
      CHECK(msg.find("ran 2 times in this scope (the guard allows 1)") != std::string::npos);
      CHECK(msg.find("N+1") != std::string::npos);
      CHECK(e.sql().find("WHERE \"qc_notes\".\"id\" =") != std::string::npos);
    }
    CHECK(guard.count(counter.statements()[0].sql) == 2);
    // Writes are not watched by default: an insert loop is not an N+1.
    for (int i = 0; i < 3; ++i) db->insert(notes, Note{0, "w" + std::to_string(i)});
    guard.reset();
    CHECK_NOTHROW(db->find(notes, std::int64_t{1}));
  }
  // The refused statement started (the counter saw it) but never finished (it did not run).
  REQUIRE(counter.statements().size() >= 2);
  CHECK(counter.statements()[1].finished == false);

  // Watching writes: the refused INSERT is not executed.
  {
    quarry::diag::repeated_statement_guard guard(*db, {.max_repeats = 1, .kinds = quarry::diag::kinds::writes});
    db->insert(notes, Note{0, "x1"});
    CHECK_THROWS_AS(db->insert(notes, Note{0, "x2"}), quarry::diag::repeated_statement_error);
  }
  auto x2 = db->query(quarry::select(notes).where(notes.body == "x2")).all();
  CHECK(x2.empty());
}

TEMPLATE_LIST_TEST_CASE("the repeated-statement guard can report instead", "[diag]", test::backends) {
  auto db = TestType::connect();
  reset(*db);
  db->insert(notes, Note{0, "a"});
  std::vector<std::string> reported;
  quarry::diag::guard_options o;
  o.max_repeats = 2;
  o.action = quarry::diag::guard_action::report;
  o.on_report = [&](const quarry::diag::repeated_statement& r) { reported.push_back(r.sql); };
  quarry::diag::repeated_statement_guard guard(*db, o);
  for (int i = 0; i < 5; ++i) (void)db->find(notes, std::int64_t{i});
  for (int i = 0; i < 2; ++i) (void)db->query(quarry::select(notes)).all();
  // Raw SQL with values spliced in has one shape whatever the values.
  for (int i = 0; i < 4; ++i)
    (void)db->template query_raw<std::tuple<std::int64_t>>("SELECT id FROM qc_notes WHERE id = " + std::to_string(i))
        .all();
  REQUIRE(reported.size() == 2);  // once per shape, when it first goes past the limit
  REQUIRE(guard.reports().size() == 2);
  CHECK(guard.reports()[0].count == 5);
  CHECK(guard.reports()[1].count == 4);
  CHECK(guard.reports()[1].shape == "SELECT id FROM qc_notes WHERE id = ?");
  CHECK(guard.reports()[1].sql == "SELECT id FROM qc_notes WHERE id = 3");
}

TEST_CASE("statement shapes replace literals and collapse placeholder lists", "[diag]") {
  using quarry::diag::statement_shape;
  CHECK(statement_shape("SELECT * FROM t WHERE id = 42") == "SELECT * FROM t WHERE id = ?");
  CHECK(statement_shape("SELECT * FROM t WHERE name = 'it''s' AND x = 1.5e3") ==
        "SELECT * FROM t WHERE name = ? AND x = ?");
  CHECK(statement_shape("SELECT * FROM t WHERE id IN (1, 2, 3)") == "SELECT * FROM t WHERE id IN (?)");
  CHECK(statement_shape("SELECT * FROM t WHERE id IN ($1, $2) AND y = $3") ==
        "SELECT * FROM t WHERE id IN (?) AND y = ?");
  CHECK(statement_shape("SELECT \"t1\".\"c2\" FROM \"t1\" WHERE \"a\"\"9\" = ?") ==
        "SELECT \"t1\".\"c2\" FROM \"t1\" WHERE \"a\"\"9\" = ?");
  CHECK(statement_shape("SELECT col1 FROM t2") == "SELECT col1 FROM t2");
  CHECK(statement_shape("SELECT * FROM t WHERE id = 7") == statement_shape("SELECT * FROM t WHERE id = 12345"));
}

TEMPLATE_LIST_TEST_CASE("a counter or guard destroyed after its connection touches nothing", "[diag][lifetime]",
                        test::backends) {
  auto db = TestType::connect();
  auto counter = std::make_unique<quarry::diag::query_counter>(*db);
  auto guard = std::make_unique<quarry::diag::repeated_statement_guard>(*db);
  db->exec("SELECT 1");
  CHECK(counter->count() == 1);
  db.reset();
  counter.reset();  // before: remove_observer on the destroyed connection (heap-use-after-free under ASan)
  guard.reset();
  SUCCEED();
}
