// NaN and infinities: PostgreSQL stores them; SQLite stores infinities but would turn a NaN into
// NULL, so quarry refuses to bind one there, naming the column when it knows it (issue 12).

#include "backends.hpp"
#include "catch.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

using namespace test;

namespace {
struct Measure {
  std::int64_t id;
  double v;
  std::optional<double> maybe;
  float f;
};
inline constexpr struct measures_t : quarry::table<"measures", Measure> {
  column<&Measure::id, "id", quarry::primary_key> id;
  column<&Measure::v, "v"> v;
  column<&Measure::maybe, "maybe"> maybe;
  column<&Measure::f, "f"> f;
} measures;

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

template <class T>
constexpr bool is_sqlite = std::is_same_v<typename T::connection, quarry::sqlite::connection>;

template <class Db>
void fresh(Db& db) {
  db.drop_table(measures, true);
  db.create_table(measures);
}
template <class Db>
std::int64_t rows(Db& db) {
  return std::get<0>(db.query(quarry::select(quarry::count()).from(measures)).one());
}

/// Runs f, which must throw quarry::usage_error, and returns the message.
template <class F>
std::string usage_message(F&& f) {
  try {
    f();
  } catch (const quarry::usage_error& e) {
    CHECK(e.category() == quarry::errc::usage);
    return e.what();
  }
  FAIL("no quarry::usage_error");
  return {};
}
}  // namespace

using Catch::Matchers::Contains;

TEMPLATE_LIST_TEST_CASE("NaN is refused on SQLite at bind time, naming the column", "[types][nan][issue12]", backends) {
  if constexpr (is_sqlite<TestType>) {
    auto db = TestType::connect();
    fresh(*db);
    // Every message says what the value is, why, and what to do instead.
    auto advice = [](const std::string& m) {
      CHECK_THAT(m, Contains("is NaN, which SQLite cannot store") && Contains("std::optional") &&
                        Contains("PostgreSQL, which keeps NaN"));
      return m;
    };

    // Values bound for a known column name it.
    std::string m = usage_message([&] { db->insert(measures, Measure{1, not_a_number, 1.0, 1.0f}); });
    CHECK_THAT(advice(m), Contains("measures.v"));
    m = usage_message([&] { db->insert(measures, Measure{1, 1.0, not_a_number, 1.0f}); });
    CHECK_THAT(advice(m), Contains("measures.maybe"));
    m = usage_message([&] { db->insert(measures, Measure{1, 1.0, 1.0, std::numeric_limits<float>::quiet_NaN()}); });
    CHECK_THAT(advice(m), Contains("measures.f"));
    std::vector<Measure> many{{1, 1.0, 1.0, 1.0f}, {2, 2.0, not_a_number, 2.0f}};
    m = usage_message([&] { db->execute(quarry::insert_into(measures).values(many)); });
    CHECK_THAT(advice(m), Contains("measures.maybe"));
    m = usage_message([&] {
      db->execute(quarry::insert_into(measures).set(measures.id = std::int64_t{1}, measures.v = not_a_number, measures.f = 1.0f));
    });
    CHECK_THAT(advice(m), Contains("measures.v"));
    CHECK(rows(*db) == 0);

    db->insert(measures, Measure{1, 1.0, 1.0, 1.0f});
    m = usage_message([&] { db->execute(quarry::update(measures).set(measures.maybe = not_a_number).all_rows()); });
    CHECK_THAT(advice(m), Contains("measures.maybe"));
    m = usage_message([&] {
      db->execute(quarry::insert_into(measures)
                      .values(Measure{1, 2.0, 2.0, 2.0f})
                      .on_conflict(measures.id)
                      .do_update(measures.v = not_a_number));
    });
    CHECK_THAT(advice(m), Contains("measures.v"));

    // Other values: the parameter number and the SQL.
    m = usage_message([&] { (void)db->query(quarry::select(measures.id).from(measures).where(measures.v == not_a_number)).all(); });
    CHECK_THAT(advice(m), Contains("parameter 1") && Contains(R"("measures"."v" = ?)"));
    m = usage_message([&] { (void)db->query(quarry::select(measures.id).from(measures).where(measures.v < measures.v + not_a_number)).all(); });
    CHECK_THAT(advice(m), Contains("parameter 1"));
    m = usage_message([&] {
      (void)db->query(quarry::select(measures.id).from(measures).where(measures.v.in_values(std::vector<double>{1.0, not_a_number}))).all();
    });
    CHECK_THAT(advice(m), Contains("parameter 1"));
    m = usage_message([&] { db->execute_raw("UPDATE measures SET v = ? WHERE id = ?", not_a_number, std::int64_t{1}); });
    CHECK_THAT(advice(m), Contains("parameter 1") && Contains("UPDATE measures SET v = ?"));

    // Nothing was changed, and NULL is still stored explicitly through std::optional.
    auto row = db->query(quarry::select(measures)).one();
    CHECK(row.v == 1.0);
    CHECK(row.maybe == 1.0);
    db->execute(quarry::update(measures).set(measures.maybe = std::nullopt).all_rows());
    CHECK_FALSE(db->query(quarry::select(measures)).one().maybe.has_value());
  }
}

TEMPLATE_LIST_TEST_CASE("NaN round-trips on PostgreSQL", "[types][nan][issue12]", backends) {
  if constexpr (!is_sqlite<TestType>) {
    auto db = TestType::connect();
    fresh(*db);
    db->insert(measures, Measure{1, not_a_number, not_a_number, std::numeric_limits<float>::quiet_NaN()});
    auto row = db->query(quarry::select(measures)).one();
    CHECK(std::isnan(row.v));
    REQUIRE(row.maybe.has_value());
    CHECK(std::isnan(*row.maybe));
    CHECK(std::isnan(row.f));
    // PostgreSQL orders NaN above every number and calls it equal to itself.
    CHECK(db->query(quarry::select(measures.id).from(measures).where(measures.v == not_a_number)).all().size() == 1);
    CHECK(db->query(quarry::select(measures.id).from(measures).where(measures.v.in_values(std::vector<double>{not_a_number}))).all().size() == 1);
  }
}

TEMPLATE_LIST_TEST_CASE("infinities round-trip and compare on every backend", "[types][inf][issue12]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  float finf = std::numeric_limits<float>::infinity();
  db->insert(measures, Measure{1, infinity, -infinity, finf});
  db->insert(measures, Measure{2, -infinity, std::nullopt, -finf});
  db->insert(measures, Measure{3, 0.5, 0.5, 0.5f});
  db->execute_raw("INSERT INTO measures (id, v, maybe, f) VALUES (" + TestType::ph(1) + ", " + TestType::ph(2) + ", " +
                      TestType::ph(3) + ", " + TestType::ph(4) + ")",
                  std::int64_t{4}, infinity, -infinity, finf);
  auto all = db->query(quarry::select(measures).order_by(measures.id)).all();
  REQUIRE(all.size() == 4);
  CHECK(all[0].v == infinity);
  CHECK(all[0].maybe == -infinity);
  CHECK(all[0].f == finf);
  CHECK(all[1].v == -infinity);
  CHECK(all[1].f == -finf);
  CHECK(all[3].v == infinity);
  CHECK(all[3].maybe == -infinity);
  auto ids = [&](auto cond) {
    std::vector<std::int64_t> out;
    for (auto [id] : db->query(quarry::select(measures.id).from(measures).where(cond).order_by(measures.id))) out.push_back(id);
    return out;
  };
  CHECK(ids(measures.v == infinity) == std::vector<std::int64_t>{1, 4});
  CHECK(ids(measures.v < infinity) == std::vector<std::int64_t>{2, 3});
  CHECK(ids(measures.v.in_values(std::vector<double>{infinity, -infinity})) == std::vector<std::int64_t>{1, 2, 4});
  CHECK(ids(measures.v.not_in_values(std::vector<double>{infinity})) == std::vector<std::int64_t>{2, 3});
  CHECK(ids(measures.f.in_values(std::vector<float>{-finf})) == std::vector<std::int64_t>{2});
}

TEMPLATE_LIST_TEST_CASE("db.update(row) with a NaN names the column on SQLite", "[types][nan][issue12]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  db->insert(measures, Measure{1, 1.0, std::nullopt, 1.0f});
  if constexpr (is_sqlite<TestType>) {
    std::string m = usage_message([&] { db->update(measures, Measure{1, 1.0, not_a_number, 1.0f}); });
    CHECK_THAT(m, Contains("(measures.maybe) is NaN"));
    CHECK_FALSE(db->query(quarry::select(measures)).one().maybe.has_value());
  } else {
    db->update(measures, Measure{1, 1.0, not_a_number, 1.0f});
    auto maybe = db->query(quarry::select(measures)).one().maybe;
    REQUIRE(maybe.has_value());
    CHECK(std::isnan(*maybe));
  }
}
