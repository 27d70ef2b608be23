// Every mapped C++ type round-trips exactly; NULL and out-of-range values are loud errors.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <limits>

using namespace test;
using namespace std::chrono;

static Sample sample(std::int64_t id) {
  quarry::bytes blob{std::byte{0}, std::byte{1}, std::byte{0}, std::byte{255}};
  return Sample{id,
                true,
                std::numeric_limits<std::int16_t>::min(),
                std::numeric_limits<std::int32_t>::max(),
                std::numeric_limits<std::int64_t>::min(),
                0.1 + 0.2,
                std::string("caf\xC3\xA9 \xE2\x82\xAC \"quoted\" 'single'"),
                blob,
                sys_days{2024y / February / 29} + 13h + 14min + 15s + 123456us,
                sys_days{1999y / December / 31},
                quarry::decimal("-12345678901234567890.123456789012345678"),
                std::nullopt,
                std::int64_t{42}};
}

TEMPLATE_LIST_TEST_CASE("every mapped type round-trips exactly", "[types]", backends) {
  auto db = TestType::connect();
  db->drop_table(samples, true);
  db->create_table(samples);
  Sample in = sample(1);
  db->insert(samples, in);
  Sample in2 = sample(2);
  in2.flag = false;
  in2.blob = {};
  in2.text = "";
  in2.note = "note";
  in2.maybe = std::nullopt;
  in2.at = sys_days{1969y / July / 20} + 20h + 17min;
  in2.amount = quarry::decimal("0.00");
  db->insert(samples, in2);

  auto out = db->query(quarry::select(samples).order_by(samples.id)).all();
  REQUIRE(out.size() == 2);
  for (int i = 0; i < 2; ++i) {
    const Sample& a = i == 0 ? in : in2;
    const Sample& b = out[static_cast<std::size_t>(i)];
    CHECK(b.id == a.id);
    CHECK(b.flag == a.flag);
    CHECK(b.small == a.small);
    CHECK(b.medium == a.medium);
    CHECK(b.big == a.big);
    CHECK(b.real == a.real);
    CHECK(b.text == a.text);
    CHECK(b.blob == a.blob);
    CHECK(b.at == a.at);
    CHECK(b.day == a.day);
    CHECK(b.amount == a.amount);
    CHECK(b.amount.to_string() == a.amount.to_string());
    CHECK(b.note == a.note);
    CHECK(b.maybe == a.maybe);
  }
}

TEMPLATE_LIST_TEST_CASE("values of every type are usable as parameters", "[types]", backends) {
  auto db = TestType::connect();
  db->drop_table(samples, true);
  db->create_table(samples);
  Sample s = sample(7);
  db->insert(samples, s);
  auto hit = [&](auto cond) { return db->query(quarry::select(samples.id).from(samples).where(cond)).all().size(); };
  CHECK(hit(samples.flag == true) == 1);
  CHECK(hit(samples.small == s.small) == 1);
  CHECK(hit(samples.big == s.big) == 1);
  CHECK(hit(samples.real == s.real) == 1);
  CHECK(hit(samples.text == s.text) == 1);
  CHECK(hit(samples.blob == s.blob) == 1);
  CHECK(hit(samples.at == s.at) == 1);
  CHECK(hit(samples.at > s.at - 1us) == 1);
  CHECK(hit(samples.at > s.at) == 0);
  CHECK(hit(samples.day == s.day) == 1);
  // A decimal without numeric<P, S> is TEXT on SQLite, where comparing it in SQL is a compile
  // error (tests/compile_fail/storage_decimal_text_compare_sqlite.cpp); numeric<P, S> columns are
  // compared on every backend in storage_forms.cpp.
  if constexpr (std::string_view(TestType::name) == "postgres") CHECK(hit(samples.amount == s.amount) == 1);
  CHECK(hit(samples.at.in_values(std::vector<quarry::timestamp>{s.at})) == 1);
  CHECK(hit(samples.day.in_values(std::vector<quarry::date>{s.day})) == 1);
}

/// The same "users" table seen through a struct that (wrongly) says city is never NULL.
struct StrictUser {
  std::int64_t id;
  std::string email;
  std::string city;
  std::int32_t age;
};
inline constexpr struct strict_users_t : quarry::table<"users", StrictUser> {
  column<&StrictUser::id, "id", quarry::identity> id;
  column<&StrictUser::email, "email"> email;
  column<&StrictUser::city, "city"> city;
  column<&StrictUser::age, "age"> age;
} strict_users;

TEMPLATE_LIST_TEST_CASE("NULL read into a non-optional field names table.column", "[types][errors]", backends) {
  auto db = TestType::connect();
  db->drop_table(posts, true);
  db->drop_table(users, true);
  db->create_table(users);
  db->insert(users, User{0, "a@x.org", std::nullopt, 1});
  try {
    (void)db->query(quarry::select(strict_users)).all();
    FAIL("no exception");
  } catch (const quarry::type_mismatch& e) {
    CHECK(e.category() == quarry::errc::null_value);
    CHECK_THAT(e.what(), Catch::Matchers::Contains("users.city is NULL"));
  }
  try {
    (void)db->query(quarry::select(strict_users.city).from(strict_users)).one();
    FAIL("no exception");
  } catch (const quarry::type_mismatch& e) {
    CHECK(e.category() == quarry::errc::null_value);
    CHECK_THAT(e.what(), Catch::Matchers::Contains("users.city"));
  }
  // The nullable descriptor reads the same row fine.
  CHECK_FALSE(std::get<0>(db->query(quarry::select(users.city).from(users)).one()).has_value());
}

// A user type mapped through quarry::value_traits, whose to_storage returns a temporary string.
enum class color { red, green };
template <>
struct quarry::value_traits<color> {
  using storage = std::string;
  static constexpr quarry::sql_kind kind = quarry::sql_kind::text;
  static constexpr std::string_view name = "color";
  static std::string to_storage(color c) { return c == color::red ? "red-and-long-enough-to-allocate" : "green-and-long-enough-to-allocate"; }
  static color from_storage(const std::string& s) {
    if (s == "red-and-long-enough-to-allocate") return color::red;
    if (s == "green-and-long-enough-to-allocate") return color::green;
    throw quarry::detail::conversion_error{"'" + s + "' is not a color"};
  }
};
namespace test {
struct Paint {
  std::int64_t id;
  color shade;
  std::optional<color> trim;
};
inline constexpr struct paints_t : quarry::table<"paints", Paint> {
  column<&Paint::id, "id", quarry::identity> id;
  column<&Paint::shade, "shade"> shade;
  column<&Paint::trim, "trim"> trim;
} paints;
}  // namespace test

TEMPLATE_LIST_TEST_CASE("user types through value_traits", "[types]", backends) {
  auto db = TestType::connect();
  db->drop_table(paints, true);
  db->create_table(paints);
  auto id = db->insert(paints, Paint{0, color::green, std::nullopt});
  db->insert(paints, Paint{0, color::red, color::green});
  auto p = db->find(paints, id);
  REQUIRE(p);
  CHECK(p->shade == color::green);
  CHECK_FALSE(p->trim.has_value());
  CHECK(db->query(quarry::select(paints.id).from(paints).where(paints.shade == color::red)).all().size() == 1);
  CHECK(db->execute(quarry::update(paints).set(paints.trim = color::red).where(paints.id == id)) == 1);
  CHECK(db->find(paints, id)->trim == color::red);
  db->execute_raw("UPDATE paints SET shade = 'blue'");
  CHECK_THROWS_WITH(db->query(quarry::select(paints)).all(), Catch::Matchers::Contains("'blue' is not a color"));
}
