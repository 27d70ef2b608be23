// Keyset pagination on every backend: walking a table with many duplicate sort values and NULLs
// page by page, forwards and backwards, for same-direction, mixed-direction, NULLS FIRST and
// NULLS LAST orders, page sizes 1, 7 and 50, equals the database's own full ORDER BY result;
// rows inserted between fetches never make a page skip or repeat a row. Also: every key type
// through a cursor, joins, expression keys, signed cursors, empty results.

#include "backends.hpp"
#include "catch.hpp"
#include "fuzz/cursor_fuzz_cases.hpp"
#include "schema.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace test;

namespace test_page {

struct Entry {
  std::int64_t id;
  std::int32_t grp;
  std::optional<std::int64_t> score;
  std::string name;
};
inline constexpr struct entries_t : quarry::table<"page_entries", Entry> {
  column<&Entry::id, "id", quarry::primary_key> id;
  column<&Entry::grp, "grp"> grp;
  column<&Entry::score, "score"> score;
  column<&Entry::name, "name"> name;
} entries;

constexpr int row_count = 2000;

/// Deterministic rows: 10 groups, 30 scores with about one NULL in five, 50 names.
inline Entry make_entry(std::int64_t id, std::mt19937_64& rng) {
  std::optional<std::int64_t> score;
  if (rng() % 5 != 0) score = static_cast<std::int64_t>(rng() % 30);
  return Entry{id, static_cast<std::int32_t>(rng() % 10), score, "n" + std::to_string(rng() % 50)};
}

template <class Db>
void seed(Db& db, int n = row_count) {
  db.drop_table(entries, true);
  db.create_table(entries);
  std::mt19937_64 rng(42);
  auto tx = db.begin();
  for (int i = 1; i <= n; ++i) db.insert(entries, make_entry(i, rng));
  tx.commit();
}

template <class Row>
std::int64_t id_of(const Row& r) {
  return std::get<0>(r);
}

/// Walks forwards from the start; checks page sizes and has_next / has_previous on the way.
template <class Db, class Pager>
std::vector<std::int64_t> walk_forward(Db& db, const Pager& p, std::int64_t size) {
  std::vector<std::int64_t> ids;
  std::string cursor;
  bool flags_ok = true, sizes_ok = true;
  for (int n = 0;; ++n) {
    auto page = p.fetch(db, {.first = size, .after = cursor});
    flags_ok = flags_ok && page.has_previous == (n > 0);
    for (const auto& r : page) ids.push_back(id_of(r));
    if (!page.has_next) break;
    sizes_ok = sizes_ok && static_cast<std::int64_t>(page.size()) == size;
    cursor = page.next_cursor;
  }
  CHECK(flags_ok);
  CHECK(sizes_ok);
  return ids;
}

/// Walks backwards from the end; returns the rows in the order visited (the reverse order).
template <class Db, class Pager>
std::vector<std::int64_t> walk_backward(Db& db, const Pager& p, std::int64_t size) {
  std::vector<std::int64_t> visited;
  std::string cursor;
  bool flags_ok = true, sizes_ok = true;
  for (int n = 0;; ++n) {
    auto page = p.fetch(db, {.last = size, .before = cursor});
    flags_ok = flags_ok && page.has_next == (n > 0);
    for (auto it = page.rows.rbegin(); it != page.rows.rend(); ++it) visited.push_back(id_of(*it));
    if (!page.has_previous) break;
    sizes_ok = sizes_ok && static_cast<std::int64_t>(page.size()) == size;
    cursor = page.previous_cursor;
  }
  CHECK(flags_ok);
  CHECK(sizes_ok);
  return visited;
}

/// Every page size both ways against the full ORDER BY of the same statement.
template <class Db, class Stmt, class... K>
void check_walks(Db& db, const Stmt& q, K... keys) {
  auto pager = quarry::paginate(q, keys...);
  std::vector<std::int64_t> expected;
  for (const auto& r : db.query(q.order_by(keys...)).all()) expected.push_back(id_of(r));
  REQUIRE(expected.size() > 1000);
  std::vector<std::int64_t> reversed(expected.rbegin(), expected.rend());
  for (std::int64_t size : {1, 7, 50}) {
    INFO("page size " << size);
    CHECK(walk_forward(db, pager, size) == expected);
    CHECK(walk_backward(db, pager, size) == reversed);
  }
}

}  // namespace test_page

using namespace test_page;

TEMPLATE_LIST_TEST_CASE("keyset walks equal the full ordered result, forwards and backwards", "[page]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto q = quarry::select(entries.id).from(entries);
  SECTION("same direction (row-value form), with a filter") {
    check_walks(*db, quarry::select(entries.id).from(entries).where(entries.grp != 3), entries.grp.asc(),
                entries.name.asc(), entries.id.asc());
  }
  SECTION("mixed directions") { check_walks(*db, q, entries.grp.desc(), entries.name.asc(), entries.id.desc()); }
  SECTION("NULLS FIRST") {
    check_walks(*db, q, entries.score.asc(quarry::nulls_first), entries.grp.asc(), entries.id.asc());
  }
  SECTION("NULLS LAST, mixed directions") {
    check_walks(*db, q, entries.score.desc(quarry::nulls_last), entries.name.desc(), entries.id.asc());
  }
}

TEMPLATE_LIST_TEST_CASE("rows inserted between fetches never cause a skip or a repeat", "[page]", backends) {
  auto db = TestType::connect();
  seed(*db, 600);
  // score DESC NULLS LAST, grp ASC, id ASC, compared here the way the database orders them.
  using key = std::tuple<std::optional<std::int64_t>, std::int32_t, std::int64_t>;
  auto before = [](const key& a, const key& b) {
    const auto& [sa, ga, ia] = a;
    const auto& [sb, gb, ib] = b;
    if (sa.has_value() != sb.has_value()) return sa.has_value();  // NULLs last
    if (sa && *sa != *sb) return *sa > *sb;
    return ga != gb ? ga < gb : ia < ib;
  };
  auto pager = quarry::paginate(quarry::select(entries.id, entries.score, entries.grp).from(entries),
                                entries.score.desc(quarry::nulls_last), entries.grp, entries.id);
  std::set<std::int64_t> original;
  for (auto [id, s, g] : db->query(quarry::select(entries.id, entries.score, entries.grp).from(entries)).all())
    original.insert(id);
  std::mt19937_64 rng(99);
  std::int64_t next_id = 100000;
  auto insert_some = [&] {
    for (int k = 0; k < 3; ++k) db->insert(entries, make_entry(next_id++, rng));
  };

  for (bool backward : {false, true}) {
    INFO((backward ? "backwards" : "forwards"));
    std::vector<key> seen;
    std::string cursor;
    for (;;) {
      auto page = backward ? pager.fetch(*db, {.last = 7, .before = cursor}) : pager.fetch(*db, {.first = 7, .after = cursor});
      std::vector<key> rows;
      for (auto [id, s, g] : page) rows.push_back(key{s, g, id});
      if (backward) std::reverse(rows.begin(), rows.end());
      seen.insert(seen.end(), rows.begin(), rows.end());
      insert_some();  // before and after the cursor alike
      if (backward ? !page.has_previous : !page.has_next) break;
      cursor = backward ? page.previous_cursor : page.next_cursor;
    }
    if (backward) std::reverse(seen.begin(), seen.end());
    // Strictly increasing in the order: no repeat and nothing out of place.
    bool increasing = true;
    for (std::size_t i = 1; i < seen.size(); ++i) increasing = increasing && before(seen[i - 1], seen[i]);
    CHECK(increasing);
    std::set<std::int64_t> seen_ids;
    for (const auto& k : seen) seen_ids.insert(std::get<2>(k));
    CHECK(seen_ids.size() == seen.size());
    CHECK(std::includes(seen_ids.begin(), seen_ids.end(), original.begin(), original.end()));
  }
  CHECK(next_id > 100000 + 2 * 3 * 80);  // both walks took many pages while rows were added
}

TEMPLATE_LIST_TEST_CASE("every key type survives a cursor", "[page]", backends) {
  auto db = TestType::connect();
  db->drop_table(samples, true);
  db->create_table(samples);
  using namespace std::chrono;
  auto tx = db->begin();
  for (int i = 1; i <= 60; ++i) {
    quarry::bytes blob{std::byte(i % 4), std::byte(0), std::byte(i % 3 * 100)};
    std::optional<std::string> note;
    if (i % 3 != 0) note = "note " + std::to_string(i % 5);
    db->insert(samples, Sample{i, i % 2 == 0, static_cast<std::int16_t>(i % 4 - 2), i % 6, i % 7 * 1000000000000LL,
                               (i % 9) * 0.25 - 1, "t\xC3\xA9xt " + std::to_string(i % 6), blob,
                               quarry::timestamp(microseconds(1700000000000000LL + (i % 8) * 1234567LL)),
                               quarry::date(days(19000 + i % 5)), quarry::decimal(std::to_string(i % 7) + ".25"),
                               note, std::nullopt});
  }
  tx.commit();
  auto walk = [&](auto... keys) {
    auto q = quarry::select(samples.id).from(samples);
    auto pager = quarry::paginate(q, keys...);
    std::vector<std::int64_t> expected;
    for (const auto& r : db->query(q.order_by(keys...)).all()) expected.push_back(std::get<0>(r));
    CHECK(walk_forward(*db, pager, 7) == expected);
    CHECK(walk_backward(*db, pager, 4) == std::vector<std::int64_t>(expected.rbegin(), expected.rend()));
  };
  walk(samples.flag.desc(), samples.real, samples.id);
  walk(samples.small, samples.medium.desc(), samples.big, samples.id.desc());
  walk(samples.text.desc(), samples.id);
  walk(samples.blob, samples.id);
  walk(samples.at.desc(), samples.id.desc());
  // A decimal without numeric<P, S> cannot be ordered on SQLite (TEXT); storage_forms.cpp pages
  // over numeric<P, S> and unix-time keys on every backend.
  if constexpr (std::string_view(TestType::name) == "postgres") {
    walk(samples.day, samples.amount.desc(), samples.id);
    walk(samples.note.asc(quarry::nulls_last), samples.amount, samples.id);
  }
  walk(samples.note.asc(quarry::nulls_last), samples.real, samples.id);
  walk(samples.note.desc(quarry::nulls_first), samples.at, samples.id);
}

TEMPLATE_LIST_TEST_CASE("joins, expression keys and whole-row pages", "[page]", backends) {
  auto db = TestType::connect();
  db->drop_table(posts, true);
  db->drop_table(users, true);
  db->create_table(users);
  db->create_table(posts);
  for (int u = 1; u <= 6; ++u) {
    std::optional<std::string> city;
    if (u % 3) city = u % 2 ? "Lyon" : "Paris";
    db->insert(users, User{0, "u" + std::to_string(u) + "@x.org", city, 20 + u % 3});
  }
  for (int p = 1; p <= 40; ++p) {
    std::optional<std::int64_t> likes;
    if (p % 4) likes = p % 5;
    db->insert(posts, Post{0, 1 + p % 6, "post " + std::to_string(p), likes});
  }
  SECTION("inner join, keys from both tables") {
    auto q = quarry::select(posts.id, users.email, posts.title).from(posts).join(users).on(users.id == posts.user_id);
    auto pager = quarry::paginate(q, users.email.desc(), posts.likes.asc(quarry::nulls_first), posts.id);
    std::vector<std::int64_t> expected;
    for (const auto& r : db->query(q.order_by(users.email.desc(), posts.likes.asc(quarry::nulls_first), posts.id)).all())
      expected.push_back(std::get<0>(r));
    REQUIRE(expected.size() == 40);
    auto first = pager.fetch(*db, {.first = 3});
    CHECK(first.rows[0][users.email] == "u6@x.org");  // page rows read by column, like query rows
    CHECK(walk_forward(*db, pager, 3) == expected);
    CHECK(walk_backward(*db, pager, 6) == std::vector<std::int64_t>(expected.rbegin(), expected.rend()));
  }
  SECTION("an expression key binds its value wherever it is rendered") {
    auto q = quarry::select(users.id).from(users).where(users.age > 0);
    auto pager = quarry::paginate(q, (users.age * 10 + 1).desc(), users.id);
    auto p1 = pager.fetch(*db, {.first = 4});
    REQUIRE(p1.size() == 4);
    auto p2 = pager.fetch(*db, {.first = 4, .after = p1.next_cursor});
    std::vector<std::int64_t> ids;
    for (auto [id] : p1) ids.push_back(id);
    for (auto [id] : p2) ids.push_back(id);
    std::vector<std::int64_t> expected;
    for (auto [id] : db->query(q.order_by((users.age * 10 + 1).desc(), users.id)).all()) expected.push_back(id);
    CHECK(ids == expected);
    CHECK_FALSE(p2.has_next);
  }
  SECTION("select(table) pages carry row structs") {
    auto pager = quarry::paginate(quarry::select(users), users.city.asc(quarry::nulls_last), users.id.desc());
    auto p = pager.fetch(*db, {.first = 4});
    REQUIRE(p.size() == 4);
    CHECK(p.rows[0].city == std::optional<std::string>("Lyon"));
    auto tail = pager.fetch(*db, {.last = 2});
    REQUIRE(tail.size() == 2);
    CHECK_FALSE(tail.rows[0].city.has_value());
    CHECK(tail.rows[0].id > tail.rows[1].id);
    CHECK(tail.has_previous);
    CHECK_FALSE(tail.has_next);
  }
}

TEMPLATE_LIST_TEST_CASE("cursors re-apply filters, poll for new rows, and can be signed", "[page]", backends) {
  auto db = TestType::connect();
  seed(*db, 50);
  auto of_group = [](std::int32_t g) {
    return quarry::paginate(quarry::select(entries.id, entries.grp).from(entries).where(entries.grp == g),
                            entries.id);
  };
  SECTION("a cursor never widens a query: the filter of the request applies") {
    auto first = of_group(1).fetch(*db, {.first = 2});
    REQUIRE(first.size() == 2);
    auto other = of_group(2).fetch(*db, {.first = 50, .after = first.next_cursor});
    REQUIRE_FALSE(other.empty());
    for (auto [id, g] : other) {
      CHECK(g == 2);
      CHECK(id > std::get<0>(first.rows.back()));
    }
  }
  SECTION("an empty page keeps its cursor, so a reader can poll for rows added later") {
    auto pager = of_group(4);
    std::string cursor;
    for (;;) {
      auto p = pager.fetch(*db, {.first = 10, .after = cursor});
      cursor = p.next_cursor;
      if (!p.has_next) break;
    }
    auto empty = pager.fetch(*db, {.first = 10, .after = cursor});
    CHECK(empty.empty());
    CHECK(empty.next_cursor == cursor);
    CHECK(empty.has_previous);
    db->insert(entries, Entry{5000, 4, std::nullopt, "late"});
    auto fresh = pager.fetch(*db, {.first = 10, .after = cursor});
    REQUIRE(fresh.size() == 1);
    CHECK(std::get<0>(fresh.rows[0]) == 5000);
  }
  SECTION("an empty result") {
    auto pager = of_group(99);
    for (auto r : {quarry::page_request{.first = 5}, quarry::page_request{.last = 5}}) {
      auto p = pager.fetch(*db, r);
      CHECK(p.empty());
      CHECK_FALSE(p.has_next);
      CHECK_FALSE(p.has_previous);
      CHECK(p.next_cursor.empty());
      CHECK(p.previous_cursor.empty());
    }
  }
  SECTION("signed cursors") {
    cursor_fuzz::test_signer key{123};
    auto pager = of_group(0).signed_by(key);
    auto p1 = pager.fetch(*db, {.first = 2});
    auto p2 = pager.fetch(*db, {.first = 2, .after = p1.next_cursor});
    REQUIRE(p2.size() > 0);
    CHECK(std::get<0>(p2.rows[0]) > std::get<0>(p1.rows[1]));
    CHECK_THROWS_AS(of_group(0).fetch(*db, {.first = 2, .after = p1.next_cursor}), quarry::invalid_cursor);
    std::string tampered = p1.next_cursor;
    tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'a' ? 'b' : 'a';
    CHECK_THROWS_AS(pager.fetch(*db, {.first = 2, .after = tampered}), quarry::invalid_cursor);
  }
}
