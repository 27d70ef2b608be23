// Keyset pagination without a database: the SQL of every predicate shape on both dialects,
// compile-time key rules, cursor tokens (layout, every rejection reason, signing) and a
// fixed-seed fuzz of the token decoder. Paging against real databases is in
// tests/conformance/pagination.cpp.

#include "catch.hpp"
#include "fuzz/cursor_fuzz_cases.hpp"
#include "schema.hpp"

#include <random>
#include <string>
#include <type_traits>

using namespace test;
namespace qd = quarry::detail;
using quarry::page_request;
using sqlite_sql = quarry::sqlite_dialect;
using pg_sql = quarry::postgres_dialect;

namespace {

/// Catches the invalid_cursor `fn` throws and returns its message ("" when nothing is thrown).
template <class F>
std::string cursor_error(F&& fn) {
  try {
    fn();
  } catch (const quarry::invalid_cursor& e) {
    CHECK(e.category() == quarry::errc::invalid_cursor);
    return e.what();
  }
  return {};
}

/// The token of a raw byte string (header, values, trailer all chosen by the test).
std::string raw_token(const std::string& bytes) { return qd::base64url_encode(bytes); }

// Value bodies for cursor_fuzz::wrap_body.
std::string v_bool(int b) { return std::string{'\x01', static_cast<char>(b)}; }
std::string v_i64(qd::cursor_type t, std::int64_t v) {
  std::string s(1, static_cast<char>(t));
  qd::put_be(s, static_cast<std::uint64_t>(v), 8);
  return s;
}
std::string v_chunk(qd::cursor_type t, const std::string& data) {
  std::string s(1, static_cast<char>(t));
  qd::put_be(s, data.size(), 4);
  return s + data;
}
/// Every key of the fuzz pager, valid, with one replaced by `bad` at position `at` (0-based).
std::string fuzz_body(std::size_t at, const std::string& bad) {
  using T = qd::cursor_type;
  std::vector<std::string> keys = {v_bool(1),
                                   v_i64(T::int64, 5),
                                   v_i64(T::real, 0),
                                   v_chunk(T::text, "name"),
                                   v_chunk(T::bytes, std::string("\0\1", 2)),
                                   v_i64(T::timestamp, 0),
                                   v_i64(T::date, 0),
                                   v_chunk(T::decimal, "1.50"),
                                   std::string(1, '\0'),
                                   v_i64(T::int64, 9)};
  if (at < keys.size()) keys[at] = bad;
  std::string body;
  for (auto& k : keys) body += k;
  return body;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

TEST_CASE("one key: a plain comparison, flipped when reading backwards", "[page][render]") {
  auto p = quarry::paginate(quarry::select(users.id).from(users), users.id);
  auto c = p.cursor_for({std::int64_t{10}});
  CHECK(p.to_sql<sqlite_sql>({.first = 5}) ==
        R"(SELECT "users"."id" FROM "users" ORDER BY "users"."id" ASC LIMIT ?)");
  CHECK(p.to_sql<sqlite_sql>({.first = 5, .after = c}) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."id" > ? ORDER BY "users"."id" ASC LIMIT ?)");
  CHECK(p.to_sql<pg_sql>({.first = 5, .after = c}) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."id" > $1 ORDER BY "users"."id" ASC LIMIT $2)");
  CHECK(p.to_sql<pg_sql>({.last = 5}) ==
        R"(SELECT "users"."id" FROM "users" ORDER BY "users"."id" DESC LIMIT $1)");
  CHECK(p.to_sql<pg_sql>({.last = 5, .before = c}) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."id" < $1 ORDER BY "users"."id" DESC LIMIT $2)");
}

TEST_CASE("keys in one direction: a row-value comparison after the statement's filter", "[page][render]") {
  auto p = quarry::paginate(quarry::select(users.email).from(users).where(users.age > 18), users.age.desc(),
                            users.id.desc());
  auto c = p.cursor_for({40, std::int64_t{7}});
  CHECK(p.to_sql<pg_sql>({.first = 20, .after = c}) ==
        R"(SELECT "users"."email", "users"."age", "users"."id" FROM "users" WHERE "users"."age" > $1 AND )"
        R"(("users"."age", "users"."id") < ($2, $3) ORDER BY "users"."age" DESC, "users"."id" DESC LIMIT $4)");
  CHECK(p.to_sql<sqlite_sql>({.last = 20, .before = c}) ==
        R"(SELECT "users"."email", "users"."age", "users"."id" FROM "users" WHERE "users"."age" > ? AND )"
        R"(("users"."age", "users"."id") > (?, ?) ORDER BY "users"."age" ASC, "users"."id" ASC LIMIT ?)");
}

TEST_CASE("mixed directions: the expanded OR form led by a bound on the first key", "[page][render]") {
  auto p = quarry::paginate(quarry::select(users.id).from(users).where(users.age < 10 || users.age > 60),
                            users.email.desc(), users.age, users.id);
  auto c = p.cursor_for({"m@x.org", 30, std::int64_t{4}});
  CHECK(p.to_sql<sqlite_sql>({.first = 3, .after = c}) ==
        R"(SELECT "users"."id", "users"."email", "users"."age" FROM "users" WHERE )"
        R"(("users"."age" < ? OR "users"."age" > ?) AND "users"."email" <= ? AND ("users"."email" < ? OR )"
        R"(("users"."email" = ? AND "users"."age" > ?) OR ("users"."email" = ? AND "users"."age" = ? AND )"
        R"("users"."id" > ?)) ORDER BY "users"."email" DESC, "users"."age" ASC, "users"."id" ASC LIMIT ?)");
  CHECK(p.to_sql<pg_sql>({.last = 3, .before = c}) ==
        R"(SELECT "users"."id", "users"."email", "users"."age" FROM "users" WHERE )"
        R"(("users"."age" < $1 OR "users"."age" > $2) AND "users"."email" >= $3 AND ("users"."email" > $4 OR )"
        R"(("users"."email" = $5 AND "users"."age" < $6) OR ("users"."email" = $7 AND "users"."age" = $8 AND )"
        R"("users"."id" < $9)) ORDER BY "users"."email" ASC, "users"."age" DESC, "users"."id" DESC LIMIT $10)");
}

TEST_CASE("nullable keys: explicit NULLS placement and IS NULL branches per boundary shape", "[page][render]") {
  auto p = quarry::paginate(quarry::select(users.id).from(users), users.city.asc(quarry::nulls_last), users.id);
  auto paris = p.cursor_for({std::optional<std::string>("Paris"), std::int64_t{3}});
  auto null_city = p.cursor_for({std::nullopt, std::int64_t{3}});
  const std::string head = R"(SELECT "users"."id", "users"."city" FROM "users" )";
  const std::string fwd = R"(ORDER BY "users"."city" ASC NULLS LAST, "users"."id" ASC LIMIT )";
  const std::string bwd = R"(ORDER BY "users"."city" DESC NULLS FIRST, "users"."id" DESC LIMIT )";
  // After "Paris": larger cities, then every NULL city; or Paris with a larger id.
  CHECK(p.to_sql<pg_sql>({.first = 2, .after = paris}) ==
        head + R"(WHERE ("users"."city" > $1 OR "users"."city" IS NULL) OR ("users"."city" = $2 AND )"
               R"("users"."id" > $3) )" + fwd + "$4");
  // After a NULL city (NULLs come last): only NULL cities with a larger id.
  CHECK(p.to_sql<pg_sql>({.first = 2, .after = null_city}) ==
        head + R"(WHERE "users"."city" IS NULL AND "users"."id" > $1 )" + fwd + "$2");
  // Before "Paris", reading backwards (NULLs now come first, and are before nothing): every row
  // read has a city <= "Paris", so the first key gets its index bound.
  CHECK(p.to_sql<pg_sql>({.last = 2, .before = paris}) ==
        head + R"(WHERE "users"."city" <= $1 AND ("users"."city" < $2 OR ("users"."city" = $3 AND )"
               R"("users"."id" < $4)) )" + bwd + "$5");
  // Before a NULL city: every non-NULL city, or a NULL city with a smaller id.
  CHECK(p.to_sql<sqlite_sql>({.last = 2, .before = null_city}) ==
        head + R"(WHERE "users"."city" IS NOT NULL OR ("users"."city" IS NULL AND "users"."id" < ?) )" + bwd + "?");
  CHECK(p.to_sql<sqlite_sql>({.first = 2}) == head + fwd + "?");

  // Under the statement's own condition an OR-shaped predicate is parenthesized.
  auto q = quarry::paginate(quarry::select(users.id).from(users).where(users.age > 1),
                            users.city.desc(quarry::nulls_last), users.id);
  auto qc = q.cursor_for({std::optional<std::string>("Lyon"), std::int64_t{1}});
  CHECK(q.to_sql<sqlite_sql>({.first = 2, .after = qc}) ==
        R"(SELECT "users"."id", "users"."city" FROM "users" WHERE "users"."age" > ? AND )"
        R"((("users"."city" < ? OR "users"."city" IS NULL) OR ("users"."city" = ? AND "users"."id" > ?)) )"
        R"(ORDER BY "users"."city" DESC NULLS LAST, "users"."id" ASC LIMIT ?)");
  // NULLS FIRST read forwards: the non-NULL cities after "Lyon" are a range, led by its bound.
  auto f = quarry::paginate(quarry::select(users.id).from(users), users.city.desc(quarry::nulls_first), users.id);
  CHECK(f.to_sql<sqlite_sql>({.first = 2, .after = f.cursor_for({std::optional<std::string>("Lyon"), std::int64_t{1}})}) ==
        R"(SELECT "users"."id", "users"."city" FROM "users" WHERE "users"."city" <= ? AND )"
        R"(("users"."city" < ? OR ("users"."city" = ? AND "users"."id" > ?)) ORDER BY "users"."city" DESC NULLS )"
        R"(FIRST, "users"."id" ASC LIMIT ?)");
}

TEST_CASE("joins: keys of any source, the outer side counts as nullable", "[page][render]") {
  auto q = quarry::select(posts.title, users.email).from(posts).left_join(users).on(users.id == posts.user_id);
  auto p = quarry::paginate(q, users.email.asc(quarry::nulls_first), posts.id);
  using P = decltype(p);
  // Pages hold the rows db.query(q) yields (a tuple that also reads row[users.email]).
  STATIC_REQUIRE(std::is_same_v<P::row_type, quarry::row_of<decltype(q)>>);
  STATIC_REQUIRE(std::is_base_of_v<std::tuple<std::string, std::optional<std::string>>, P::row_type>);
  STATIC_REQUIRE(std::is_same_v<P::key_values, std::tuple<std::optional<std::string>, std::int64_t>>);
  auto c = p.cursor_for({std::optional<std::string>("a@x.org"), std::int64_t{2}});
  CHECK(p.to_sql<sqlite_sql>({.first = 2, .after = c}) ==
        R"(SELECT "posts"."title", "users"."email", "posts"."id" FROM "posts" LEFT JOIN "users" )"
        R"(ON "users"."id" = "posts"."user_id" WHERE "users"."email" >= ? AND ("users"."email" > ? OR )"
        R"(("users"."email" = ? AND "posts"."id" > ?)) ORDER BY "users"."email" ASC NULLS FIRST, "posts"."id" ASC )"
        R"(LIMIT ?)");
}

TEST_CASE("composite primary keys and expression keys", "[page][render]") {
  auto m = quarry::paginate(quarry::select(memberships), memberships.user_id, memberships.group_id);
  CHECK(m.to_sql<pg_sql>({.first = 1, .after = m.cursor_for({std::int64_t{1}, std::int64_t{2}})}) ==
        R"(SELECT "memberships"."user_id", "memberships"."group_id", "memberships"."role" FROM)"
        R"( "memberships" WHERE ("memberships"."user_id", "memberships"."group_id") > )"
        R"(($1, $2) ORDER BY "memberships"."user_id" ASC, "memberships"."group_id" ASC LIMIT $3)");
  // A key with a bound value is bound wherever it is rendered: select list, predicate, ORDER BY.
  auto e = quarry::paginate(quarry::select(users.id).from(users), (users.age + 1).desc(), users.id.desc());
  CHECK(e.to_sql<pg_sql>({.first = 1, .after = e.cursor_for({std::int64_t{3}, std::int64_t{2}})}) ==
        R"(SELECT "users"."id", "users"."age" + $1 FROM "users" WHERE ("users"."age" + $2, )"
        R"("users"."id") < ($3, $4) ORDER BY "users"."age" + $5 DESC, "users"."id" DESC LIMIT $6)");
}

// ---------------------------------------------------------------------------------------------
// Fingerprint
// ---------------------------------------------------------------------------------------------

TEST_CASE("the fingerprint covers tables, filter shape, keys and directions, not filter values", "[page][cursor]") {
  auto base = quarry::paginate(quarry::select(users.id).from(users).where(users.age > 18), users.age.desc(),
                               users.id.desc());
  CHECK(base.fingerprint_text() ==
        "quarry keyset v1\nfrom: FROM \"users\"\nwhere: WHERE \"users\".\"age\" > ?\n"
        "order: ORDER BY \"users\".\"age\" DESC, \"users\".\"id\" DESC");
  auto token = base.cursor_for({30, std::int64_t{5}});

  // Other values and another select list: the same query as far as cursors go.
  auto other_value = quarry::paginate(quarry::select(users.email).from(users).where(users.age > 65),
                                      users.age.desc(), users.id.desc());
  CHECK(other_value.fingerprint() == base.fingerprint());
  CHECK_NOTHROW(other_value.validate_cursor(token));

  auto other_filter = quarry::paginate(quarry::select(users.id).from(users).where(users.age < 18),
                                       users.age.desc(), users.id.desc());
  auto other_direction = quarry::paginate(quarry::select(users.id).from(users).where(users.age > 18), users.age,
                                          users.id.desc());
  auto other_keys = quarry::paginate(quarry::select(users.id).from(users).where(users.age > 18), users.id.desc());
  auto other_table = quarry::paginate(
      quarry::select(users.id).from(users).join(posts).on(posts.user_id == users.id).where(users.age > 18),
      users.age.desc(), users.id.desc());
  for (auto fp : {other_filter.fingerprint(), other_direction.fingerprint(), other_keys.fingerprint(),
                  other_table.fingerprint()})
    CHECK(fp != base.fingerprint());
  CHECK_THAT(cursor_error([&] { other_filter.validate_cursor(token); }),
             Catch::Contains("invalid cursor: foreign query"));
  CHECK_THAT(cursor_error([&] { other_keys.validate_cursor(token); }), Catch::Contains("foreign query"));
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

TEST_CASE("token building blocks: base64url, CRC-32, FNV-1a", "[page][cursor]") {
  CHECK(qd::base64url_encode("") == "");
  CHECK(qd::base64url_encode("f") == "Zg");
  CHECK(qd::base64url_encode("fo") == "Zm8");
  CHECK(qd::base64url_encode("foo") == "Zm9v");
  CHECK(qd::base64url_encode("\xfb\xff") == "-_8");
  CHECK(qd::base64url_decode("-_8") == "\xfb\xff");
  CHECK(qd::base64url_decode("Zm9vYg") == "foob");
  CHECK(qd::crc32("123456789") == 0xCBF43926u);
  CHECK(qd::fnv1a64("a") == 0xaf63dc4c8601ec8cull);
  CHECK(qd::valid_utf8("h\xC3\xA9llo \xF0\x9F\x98\x80"));
  CHECK_FALSE(qd::valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(qd::valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(qd::valid_utf8("\xE2\x82"));          // cut short
  CHECK_FALSE(qd::valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  // The range limits of timestamps and dates in tokens are the years 0000..9999.
  using namespace std::chrono;
  CHECK(sys_days{year{0} / January / 1}.time_since_epoch().count() == qd::cursor_min_day);
  CHECK(sys_days{year{9999} / December / 31}.time_since_epoch().count() == qd::cursor_max_day);
}

TEST_CASE("a token holds typed key values and decodes to the same values", "[page][cursor]") {
  auto p = cursor_fuzz::make_pager();
  const auto& seeds = cursor_fuzz::seeds();
  qd::cursor_codec codec{p.fingerprint(), p.key_count, nullptr, 4096};
  auto a = qd::decode_cursor(codec, seeds[0]);
  REQUIRE(a.size() == 10);
  CHECK(a[0].type == qd::cursor_type::boolean);
  CHECK(a[0].integer == 1);
  CHECK(a[1].type == qd::cursor_type::int64);
  CHECK(a[1].integer == -7);
  CHECK(a[2].type == qd::cursor_type::real);
  CHECK(a[2].real == 2.5);
  CHECK(a[3].type == qd::cursor_type::text);
  CHECK(a[3].data == "h\xC3\xA9llo");
  CHECK(a[4].type == qd::cursor_type::bytes);
  CHECK(a[4].data == std::string("\0\xff", 2));
  CHECK(a[5].type == qd::cursor_type::timestamp);
  CHECK(a[5].integer == 1700000000123456);
  CHECK(a[6].type == qd::cursor_type::date);
  CHECK(a[6].integer == 19000);
  CHECK(a[7].type == qd::cursor_type::decimal);
  CHECK(a[7].data == "-12.340");
  CHECK(a[8].type == qd::cursor_type::null);
  CHECK(a[9].integer == 42);
  for (const auto& t : seeds) {
    CHECK(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
    CHECK(t.size() < 200);
  }
  CHECK_NOTHROW(p.validate_cursor(seeds[0]));
  CHECK_NOTHROW(p.validate_cursor(seeds[1]));
  // The token is opaque but not secret: its layout is documented (version 1, unsigned).
  auto raw = qd::base64url_decode(seeds[0]);
  CHECK(raw[0] == '\x01');
  CHECK(raw[1] == '\x00');
}

TEST_CASE("every kind of bad token is an invalid_cursor naming the reason", "[page][cursor]") {
  auto p = quarry::paginate(quarry::select(users.id).from(users), users.age.desc(), users.id.desc());
  auto good = p.cursor_for({30, std::int64_t{5}});
  auto raw = qd::base64url_decode(good);
  auto bad = [&](const std::string& token) { return cursor_error([&] { p.validate_cursor(token); }); };
  using Catch::Contains;

  CHECK_THAT(bad(""), Contains("malformed: the token is empty"));
  CHECK_THAT(bad("A"), Contains("malformed: not base64url"));
  CHECK_THAT(bad("AQ=="), Contains("malformed: not base64url"));
  CHECK_THAT(bad("AQ+/"), Contains("malformed: not base64url"));
  CHECK_THAT(bad("AB"), Contains("malformed: not canonical base64url"));
  CHECK_THAT(bad(std::string(5000, 'A')), Contains("oversized: the token has 5000 characters, the limit is 4096"));
  CHECK_THAT(cursor_error([&] { p.max_cursor_length(16).validate_cursor(good); }), Contains("oversized"));
  CHECK_THAT(bad(raw_token("\x02" + raw.substr(1))), Contains("wrong version: the token is version 2"));
  CHECK_THAT(bad(raw_token(raw.substr(0, 5))), Contains("truncated: the token ends inside its header"));
  CHECK_THAT(bad(raw_token(raw.substr(0, raw.size() - 1))), Contains("truncated"));
  CHECK_THAT(bad(raw_token(raw + "x")), Contains("malformed: 1 trailing bytes"));
  std::string flags = raw;
  flags[1] = '\x04';
  CHECK_THAT(bad(raw_token(flags)), Contains("malformed: unknown flags"));
  std::string flipped = raw;
  flipped[14] = static_cast<char>(flipped[14] ^ 0x10);
  CHECK_THAT(bad(raw_token(flipped)), Contains("corrupted: the checksum does not match"));
  std::string edited = good;
  edited[good.size() / 2] = edited[good.size() / 2] == 'A' ? 'B' : 'A';
  CHECK_THAT(bad(edited), Contains("invalid cursor: corrupted"));

  auto other = quarry::paginate(quarry::select(users.id).from(users), users.id);
  CHECK_THAT(bad(other.cursor_for({std::int64_t{1}})), Contains("foreign query"));

  // A token with this query's fingerprint but values of other types.
  qd::cursor_codec codec{p.fingerprint(), 2, nullptr, 4096};
  auto forged = [&](qd::cursor_value a) { return qd::encode_cursor(codec, {a, qd::to_cursor_value(std::int64_t{1})}); };
  CHECK_THAT(bad(forged(qd::to_cursor_value(std::string("x")))),
             Contains(R"(wrong type: key 1 ("users"."age") holds text in the token but the key is int64)"));
  CHECK_THAT(bad(forged(qd::cursor_value{})),
             Contains(R"(wrong type: key 1 ("users"."age") is NULL in the token but cannot be NULL)"));
  CHECK_THAT(bad(forged(qd::to_cursor_value(std::int64_t{1} << 40))),
             Contains(R"(wrong type: key 1 ("users"."age"): value 1099511627776 is out of range for int32)"));
  CHECK_THAT(bad(qd::encode_cursor(qd::cursor_codec{p.fingerprint(), 1, nullptr, 4096},
                                   {qd::to_cursor_value(std::int64_t{1})})),
             Contains("foreign query: the token holds 1 keys, this query has 2"));
  CHECK_THAT(bad(qd::encode_cursor(qd::cursor_codec{p.fingerprint() ^ 1, 2, nullptr, 4096},
                                   {qd::to_cursor_value(std::int64_t{1}), qd::to_cursor_value(std::int64_t{1})})),
             Contains("foreign query: the token was issued for another query"));
}

TEST_CASE("malformed values under a valid checksum are rejected one by one", "[page][cursor]") {
  auto p = cursor_fuzz::make_pager();
  using T = qd::cursor_type;
  auto bad = [&](std::size_t at, const std::string& value) {
    return cursor_error([&] { p.validate_cursor(cursor_fuzz::wrap_body(fuzz_body(at, value))); });
  };
  using Catch::Contains;
  CHECK(bad(99, "").empty());  // the unmodified body is valid
  CHECK_THAT(bad(0, v_bool(2)), Contains("malformed: key 1 is a bool that is neither 0 nor 1"));
  CHECK_THAT(bad(0, std::string(1, '\x09')), Contains("malformed: key 1 has an unknown type tag 9"));
  CHECK_THAT(bad(3, v_chunk(T::text, "\xff")), Contains("malformed: key 4 is text that is not valid UTF-8"));
  CHECK_THAT(bad(7, v_chunk(T::decimal, "1e5")), Contains("malformed: key 8 is not a decimal number in plain notation"));
  CHECK_THAT(bad(7, v_chunk(T::decimal, "-0")), Contains("key 8 is not a decimal"));
  CHECK_THAT(bad(7, v_chunk(T::decimal, "")), Contains("key 8 is not a decimal"));
  CHECK_THAT(bad(6, v_i64(T::date, qd::cursor_max_day + 1)), Contains("malformed: key 7 is a date outside the years"));
  CHECK_THAT(bad(5, v_i64(T::timestamp, qd::cursor_min_day * qd::cursor_day_us - 1)),
             Contains("key 6 is a timestamp outside the years 0000..9999"));
  CHECK_THAT(bad(3, std::string("\x04\x00\x00\x01\x00", 5)), Contains("malformed: key 4 runs past the end"));
  CHECK_THAT(bad(1, v_i64(T::int64, 40000)), Contains(R"(wrong type: key 2 ("fuzz_items"."small"): value 40000 is out of range for int16)"));
  CHECK_THAT(bad(8, v_chunk(T::bytes, "x")), Contains("key 9 (\"fuzz_items\".\"note\") holds bytes in the token but the key is text"));
  CHECK(bad(8, v_chunk(T::text, "a note")).empty());  // the nullable key also takes a value
  CHECK_THAT(cursor_error([&] { p.validate_cursor(cursor_fuzz::wrap_body(fuzz_body(99, "") + "z")); }),
             Contains("malformed: 1 bytes after the last key"));
}

TEST_CASE("signed cursors: a pluggable signer, checked both ways", "[page][cursor]") {
  auto plain = quarry::paginate(quarry::select(users.id).from(users), users.id);
  cursor_fuzz::test_signer key_a{1}, key_b{2};
  auto signed_a = plain.signed_by(key_a);
  auto signed_b = plain.signed_by(key_b);
  auto token = signed_a.cursor_for({std::int64_t{77}});
  CHECK_NOTHROW(signed_a.validate_cursor(token));
  using Catch::Contains;
  CHECK_THAT(cursor_error([&] { signed_b.validate_cursor(token); }),
             Contains("bad signature: the signature does not match"));
  CHECK_THAT(cursor_error([&] { plain.validate_cursor(token); }),
             Contains("bad signature: the token is signed but this query has no cursor signer"));
  CHECK_THAT(cursor_error([&] { signed_a.validate_cursor(plain.cursor_for({std::int64_t{77}})); }),
             Contains("bad signature: the token is not signed but this query requires signed cursors"));
  // Change the value and keep the old signature: rejected.
  auto raw = qd::base64url_decode(token);
  raw[20] = static_cast<char>(raw[20] ^ 1);
  CHECK_THAT(cursor_error([&] { signed_a.validate_cursor(raw_token(raw)); }), Contains("bad signature"));

  struct broken_signer final : quarry::cursor_signer {
    std::size_t signature_size() const noexcept override { return 100; }
    std::string sign(std::string_view) const override { return std::string(100, 'x'); }
  } too_long;
  CHECK_THROWS_AS(plain.signed_by(too_long), quarry::usage_error);
}

TEST_CASE("page requests are checked before any query runs", "[page][request]") {
  auto p = quarry::paginate(quarry::select(users.id).from(users), users.id);
  auto usage = [&](const page_request& r) {
    try {
      (void)p.to_sql<sqlite_sql>(r);
    } catch (const quarry::usage_error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  using Catch::Contains;
  CHECK_THAT(usage({}), Contains("needs exactly one of .first"));
  CHECK_THAT(usage({.first = 1, .last = 1}), Contains("needs exactly one of .first"));
  CHECK_THAT(usage({.first = -1}), Contains("cannot be negative"));
  CHECK_THAT(usage({.first = 1, .before = "x"}), Contains(".before goes with .last"));
  CHECK_THAT(usage({.after = "x", .last = 1}), Contains(".after goes with .first"));
  CHECK_THAT(usage({.first = 1001}), Contains("page size 1001 is over this pager's limit of 1000"));
  CHECK(usage({.first = 1000}).empty());
  CHECK_THROWS_AS(p.max_page_size(5).to_sql<sqlite_sql>({.last = 6}), quarry::usage_error);
  // A cursor that would exceed the length cap is refused when it is made.
  auto q = quarry::paginate(quarry::select(users.id).from(users), users.email.desc()).max_cursor_length(64);
  CHECK_NOTHROW(q.cursor_for({std::string(10, 'a')}));
  CHECK_THROWS_AS(q.cursor_for({std::string(100, 'a')}), quarry::usage_error);
}

// ---------------------------------------------------------------------------------------------
// Fuzzing with a fixed seed (scripts/fuzz runs the same cases under libFuzzer)
// ---------------------------------------------------------------------------------------------

TEST_CASE("20000 random and mutated tokens are all rejected with invalid_cursor", "[page][cursor][fuzz]") {
  std::mt19937_64 rng(20240607);
  const auto& seeds = cursor_fuzz::seeds();
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  int accepted = 0, rejected = 0;
  for (int i = 0; i < 20000; ++i) {
    std::size_t s = pick(seeds.size());
    std::string token = seeds[s];
    switch (i % 5) {
      case 0:  // random bytes
        token.resize(pick(120));
        for (char& c : token) c = static_cast<char>(rng());
        break;
      case 1:  // random base64url text
        token.resize(1 + pick(120));
        for (char& c : token) c = alphabet[pick(alphabet.size())];
        break;
      case 2: {  // one bit flip
        std::size_t at = pick(token.size());
        token[at] = static_cast<char>(token[at] ^ (1 << pick(8)));
        break;
      }
      case 3:  // truncation
        token.resize(pick(token.size()));
        break;
      default: {  // one to three characters replaced by other base64url characters
        for (std::size_t n = 1 + pick(3); n > 0; --n) {
          std::size_t at = pick(token.size());
          char c;
          do c = alphabet[pick(alphabet.size())];
          while (c == seeds[s][at]);
          token[at] = c;
        }
        break;
      }
    }
    if (token == seeds[s]) continue;  // a random change that cancelled out
    auto result = cursor_fuzz::check_token(token, s >= 2);
    (result == cursor_fuzz::outcome::accepted ? accepted : rejected)++;
  }
  CHECK(accepted == 0);
  CHECK(rejected > 19000);
}

TEST_CASE("the libFuzzer harness runs on 20000 fixed-seed inputs without escaping exceptions", "[page][cursor][fuzz]") {
  std::mt19937_64 rng(7);
  int accepted = 0, rejected = 0;
  std::vector<std::uint8_t> input;
  for (int i = 0; i < 20000; ++i) {
    input.resize(static_cast<std::size_t>(rng() % 160));
    for (auto& b : input) b = static_cast<std::uint8_t>(rng());
    // Only "accepted" or quarry::invalid_cursor may come out; anything else fails this test.
    (cursor_fuzz::run_input(input.data(), input.size()) == cursor_fuzz::outcome::accepted ? accepted : rejected)++;
  }
  CHECK(accepted + rejected == 20000);
  CHECK(rejected > 19500);  // inputs too short to mutate anything leave a valid seed
}

// ---------------------------------------------------------------------------------------------
// Compile-time rules (the failing forms are in tests/compile_fail/keyset_*.cpp)
// ---------------------------------------------------------------------------------------------

TEST_CASE("which orders end in a unique key", "[page][rules]") {
  using sources = qd::type_list<users_t, posts_t>;
  using id = decltype(users.id);
  using email = decltype(users.email);
  using age = decltype(users.age);
  STATIC_REQUIRE(qd::is_unique_key<id, sources, qd::type_list<age, id>>());
  STATIC_REQUIRE(qd::is_unique_key<email, sources, qd::type_list<email>>());
  STATIC_REQUIRE_FALSE(qd::is_unique_key<age, sources, qd::type_list<age>>());
  using mu = decltype(memberships.user_id);
  using mg = decltype(memberships.group_id);
  using msources = qd::type_list<memberships_t>;
  STATIC_REQUIRE(qd::is_unique_key<mg, msources, qd::type_list<mu, mg>>());
  STATIC_REQUIRE_FALSE(qd::is_unique_key<mg, msources, qd::type_list<mg>>());
  // Aliased tables find their own primary key.
  constexpr auto boss = quarry::alias<"boss">(users);
  using boss_id = decltype(boss[users.id]);
  using boss_t = std::remove_cv_t<decltype(boss)>;
  STATIC_REQUIRE(qd::is_unique_key<boss_id, qd::type_list<boss_t>, qd::type_list<boss_id>>());
  auto p = quarry::paginate(quarry::select(boss[users.email]).from(boss), boss[users.id]);
  CHECK(p.to_sql<sqlite_sql>({.first = 1}) ==
        R"(SELECT "boss"."email", "boss"."id" FROM "users" AS "boss" ORDER BY "boss"."id" ASC LIMIT ?)");
}
