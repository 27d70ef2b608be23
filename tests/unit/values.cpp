// quarry::decimal and the timestamp/date text form used by SQLite.

#include "catch.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include <quarry/core/decimal.hpp>
#include <quarry/core/detail/time_text.hpp>

using quarry::decimal;
using namespace std::chrono;

TEST_CASE("decimal parses and prints exactly") {
  CHECK(decimal("19.99").to_string() == "19.99");
  CHECK(decimal("-0.001").to_string() == "-0.001");
  CHECK(decimal("1.50").to_string() == "1.50");
  CHECK(decimal("1.2E+3").to_string() == "1200");
  CHECK(decimal("1.2e-3").to_string() == "0.0012");
  CHECK(decimal("00042").to_string() == "42");
  CHECK(decimal("-0").to_string() == "0");
  CHECK(decimal("12345678901234567890123456789012345678").to_string() == "12345678901234567890123456789012345678");
  CHECK(decimal("-1234567890123456789012345678.0123456789").to_string() == "-1234567890123456789012345678.0123456789");
  CHECK(decimal(std::int64_t{-9223372036854775807 - 1}).to_string() == "-9223372036854775808");
  CHECK(decimal("5e2").scale() == -2);
}

TEST_CASE("decimal rejects what is not a finite number") {
  for (const char* bad : {"", "-", ".", "1.2.3", "abc", "NaN", "Infinity", "1e", "1e+", "12a", " 1"})
    CHECK_THROWS_AS(decimal(bad), quarry::type_mismatch);
}

TEST_CASE("decimal compares numerically") {
  CHECK(decimal("1.5") == decimal("1.50"));
  CHECK(decimal("0.1") < decimal("0.11"));
  CHECK(decimal("-2") < decimal("-1.5"));
  CHECK(decimal("100") > decimal("99.999"));
  CHECK(decimal("0") == decimal("-0.000"));
  CHECK(decimal("1200") == decimal("1.2e3"));
}

TEST_CASE("timestamps format in SQLite's canonical form and parse back exactly") {
  quarry::timestamp t = sys_days{2024y / February / 29} + 23h + 59min + 58s + 123456us;
  std::string s;
  REQUIRE(quarry::detail::format_timestamp(s, t));
  CHECK(s == "2024-02-29 23:59:58.123456");
  // Whole seconds have no fraction (as datetime() and CURRENT_TIMESTAMP write them); a fraction
  // drops its trailing zeros.
  auto fmt = [](quarry::timestamp x, char sep = ' ', quarry::detail::time_text_style st = {}, bool z = false) {
    std::string o;
    return quarry::detail::format_timestamp(o, x, sep, st, z) ? o : std::string("<refused>");
  };
  const quarry::timestamp whole = sys_days{2024y / January / 1} + 9h + 30min;
  CHECK(fmt(whole) == "2024-01-01 09:30:00");
  CHECK(fmt(whole + 250ms) == "2024-01-01 09:30:00.25");
  CHECK(fmt(whole + 1us) == "2024-01-01 09:30:00.000001");
  CHECK(fmt(whole + 100ms, 'T') == "2024-01-01T09:30:00.1");
  using st = quarry::detail::time_text_style;
  CHECK(fmt(whole, ' ', st::fixed_ms) == "2024-01-01 09:30:00.000");
  CHECK(fmt(whole + 1us, ' ', st::fixed_ms) == "<refused>");
  CHECK(fmt(whole, ' ', st::fixed_us) == "2024-01-01 09:30:00.000000");
  CHECK(fmt(whole + 250ms, 'T', st::fixed_ms, true) == "2024-01-01T09:30:00.250Z");
  CHECK(fmt(whole, 'T', st::seconds, true) == "2024-01-01T09:30:00Z");
  CHECK(fmt(whole + 1ms, 'T', st::seconds, true) == "<refused>");
  // Text order is time order in the canonical form.
  std::vector<quarry::timestamp> ts;
  for (int i = 0; i < 400; ++i) ts.push_back(whole + microseconds{(i * 7919) % 2000000} - 1s);
  std::sort(ts.begin(), ts.end());
  for (std::size_t i = 1; i < ts.size(); ++i)
    if (ts[i - 1] != ts[i]) CHECK(fmt(ts[i - 1]) < fmt(ts[i]));
  CHECK(quarry::detail::parse_timestamp(s) == t);
  CHECK(quarry::detail::parse_timestamp("2024-02-29T23:59:58Z") == sys_days{2024y / February / 29} + 23h + 59min + 58s);
  CHECK(quarry::detail::parse_timestamp("2024-02-29 10:00") == sys_days{2024y / February / 29} + 10h);
  CHECK(quarry::detail::parse_timestamp("2024-02-29 10:00:00.5+00:00") == sys_days{2024y / February / 29} + 10h + 500ms);
  quarry::timestamp before_epoch = sys_days{1969y / December / 31} + 1us;
  s.clear();
  REQUIRE(quarry::detail::format_timestamp(s, before_epoch));
  CHECK(s == "1969-12-31 00:00:00.000001");
  // Every ISO spelling of a UTC instant is read; digits past microseconds only when zero.
  CHECK(quarry::detail::parse_timestamp("2024-02-29T10:00:00.123456789") == std::nullopt);
  CHECK(quarry::detail::parse_timestamp("2024-02-29T10:00:00.1234560Z") == sys_days{2024y / February / 29} + 10h + 123456us);
  CHECK(quarry::detail::parse_timestamp("2024-02-29 10:00:00+0000") == sys_days{2024y / February / 29} + 10h);
  CHECK(quarry::detail::parse_timestamp(s) == before_epoch);
}

TEST_CASE("timestamp parsing is strict") {
  for (const char* bad : {"2024-02-30 00:00:00", "2024-13-01", "2024-01-01 24:00:00", "2024-01-01 10:00:00+02:00",
                          "2024-01-01 10:00:00.1234567", "2024-01-01 10:00:00.", "yesterday", "2024-1-1",
                          "2024-01-01 10:00:00-05:00"})
    CHECK_FALSE(quarry::detail::parse_timestamp(bad).has_value());
}

TEST_CASE("dates") {
  std::string s;
  REQUIRE(quarry::detail::format_date(s, sys_days{1999y / January / 2}));
  CHECK(s == "1999-01-02");
  CHECK(quarry::detail::parse_date("1999-01-02") == sys_days{1999y / January / 2});
  CHECK_FALSE(quarry::detail::parse_date("1999-02-29").has_value());
  s.clear();
  CHECK_FALSE(quarry::detail::format_date(s, sys_days{year{10000} / January / 1}));
}

TEST_CASE("quarry's calendar arithmetic agrees with std::chrono for every day from -2700 to 10000") {
  // quarry converts days <-> year/month/day itself (core/detail/time_text.hpp, without the C++20
  // calendar headers); std::chrono::year_month_day is the reference.
  const long long first = sys_days{year{-2700} / January / 1}.time_since_epoch().count();
  const long long last = sys_days{year{10000} / December / 31}.time_since_epoch().count();
  long long mismatches = 0;
  for (long long n = first; n <= last; ++n) {
    const year_month_day ref{sys_days{days{n}}};
    const auto c = quarry::detail::civil_from_days(n);
    if (c.year != static_cast<int>(ref.year()) || c.month != static_cast<unsigned>(ref.month()) ||
        c.day != static_cast<unsigned>(ref.day()) || quarry::detail::days_from_civil(c.year, c.month, c.day) != n) {
      if (++mismatches <= 5) {
        INFO("day " << n << ": quarry " << c.year << "-" << c.month << "-" << c.day << ", std "
                    << static_cast<int>(ref.year()) << "-" << static_cast<unsigned>(ref.month()) << "-"
                    << static_cast<unsigned>(ref.day()));
        CHECK(false);
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(last - first + 1 == 4638945);  // 12701 years: the loop covered the whole range
  // Validation of parsed dates: month lengths and leap years.
  CHECK(quarry::detail::parse_date("2000-02-29") == sys_days{2000y / February / 29});
  CHECK(quarry::detail::parse_date("2024-02-29") == sys_days{2024y / February / 29});
  for (const char* bad : {"1900-02-29", "2023-02-29", "2024-02-30", "2024-04-31", "2024-00-10", "2024-12-32",
                          "2024-01-00"})
    CHECK_FALSE(quarry::detail::parse_date(bad).has_value());
  CHECK(quarry::detail::parse_date("0000-03-01") == sys_days{year{0} / March / 1});
  CHECK(quarry::detail::parse_date("9999-12-31") == sys_days{year{9999} / December / 31});
}
