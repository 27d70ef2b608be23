#pragma once
/// \file quarry/core/detail/time_text.hpp
/// ISO-8601 text for timestamps and dates: "YYYY-MM-DD HH:MM:SS[.f]" (UTC; SQLite's canonical
/// form by default, other spellings on request) and "YYYY-MM-DD". Parsing accepts every ISO
/// variant that names a UTC instant exactly and nothing else.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/types.hpp"

namespace quarry::detail {

inline void put_digits(std::string& out, long long v, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}

/// A proleptic Gregorian calendar date.
struct civil_date {
  long long year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

/// Days before the first of each month, in a year that starts on March 1 (so February, with its
/// leap day, comes last).
inline constexpr unsigned days_before_march_month[12] = {0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337};
/// Days from 0000-03-01 to 1970-01-01.
inline constexpr long long march_epoch_offset = 719468;

constexpr long long floor_div(long long a, long long b) noexcept { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

constexpr bool is_leap_year(long long y) noexcept { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr unsigned days_in_month(long long y, unsigned m) noexcept {
  constexpr unsigned len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29u : len[m - 1];
}

/// The date `days` after 1970-01-01: whole 400-, 100-, 4- and 1-year blocks counted from
/// 0000-03-01, then the month within the March-based year.
constexpr civil_date civil_from_days(long long days) noexcept {
  long long n = days + march_epoch_offset;
  const long long q400 = floor_div(n, 146097);
  n -= q400 * 146097;                                // 0..146096
  const long long q100 = n / 36524 < 3 ? n / 36524 : 3;
  n -= q100 * 36524;                                 // 0..36524
  const long long q4 = n / 1461;
  n -= q4 * 1461;                                    // 0..1460
  const long long q1 = n / 365 < 3 ? n / 365 : 3;
  n -= q1 * 365;                                     // day of the March-based year, 0..365
  unsigned mi = 11;
  while (days_before_march_month[mi] > n) --mi;
  const unsigned day = static_cast<unsigned>(n) - days_before_march_month[mi] + 1;
  const unsigned month = mi < 10 ? mi + 3 : mi - 9;
  const long long year = q400 * 400 + q100 * 100 + q4 * 4 + q1 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

/// Days from 1970-01-01 to the date (which must be valid).
constexpr long long days_from_civil(long long year, unsigned month, unsigned day) noexcept {
  const long long y = month <= 2 ? year - 1 : year;  // the March-based year
  const unsigned mi = month > 2 ? month - 3 : month + 9;
  return 365 * y + floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400) + days_before_march_month[mi] + day - 1 -
         march_epoch_offset;
}

/// False when the year is outside 0..9999 (not representable in this text form).
inline bool format_date(std::string& out, date d) {
  const civil_date c = civil_from_days(d.time_since_epoch().count());
  if (c.year < 0 || c.year > 9999) return false;
  put_digits(out, c.year, 4);
  out += '-';
  put_digits(out, c.month, 2);
  out += '-';
  put_digits(out, c.day, 2);
  return true;
}

/// How format_timestamp writes the fraction and the zone (core/storage.hpp names the forms).
enum class time_text_style : std::uint8_t {
  canonical,     // 'YYYY-MM-DD HH:MM:SS[.f]': a fraction only when non-zero, trailing zeros stripped
  fixed_ms,      // always '.SSS' (sub-millisecond time points are refused)
  fixed_us,      // always '.ffffff'
  seconds,       // no fraction (fractional time points are refused)
};

/// Writes `t` as ISO-8601 text in UTC with separator `sep` (' ' or 'T') and an optional 'Z'.
/// False when the year is outside 0000-9999 or the style cannot hold the time point exactly.
///
/// The canonical style is SQLite's own (datetime(), CURRENT_TIMESTAMP): whole seconds have no
/// fraction, so rows SQLite wrote compare equal to the same instant bound by quarry. Text order
/// is still time order: a fraction without trailing zeros sorts after the whole second and in
/// numeric order among fractions. With a 'Z' suffix that is no longer true ('Z' sorts after
/// '.'), so the 'Z' forms have a fixed fraction width.
inline bool format_timestamp(std::string& out, timestamp t, char sep = ' ',
                             time_text_style style = time_text_style::canonical, bool zulu = false) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  long long us = (t - day).count();  // 0 .. 86'399'999'999
  const long long frac = us % 1'000'000LL;
  if (style == time_text_style::fixed_ms && frac % 1000 != 0) return false;
  if (style == time_text_style::seconds && frac != 0) return false;
  if (!format_date(out, day)) return false;
  out += sep;
  put_digits(out, us / 3'600'000'000LL, 2);
  out += ':';
  put_digits(out, us / 60'000'000LL % 60, 2);
  out += ':';
  put_digits(out, us / 1'000'000LL % 60, 2);
  switch (style) {
    case time_text_style::canonical:
      if (frac != 0) {
        long long f = frac;
        int width = 6;
        while (f % 10 == 0) {
          f /= 10;
          --width;
        }
        out += '.';
        put_digits(out, f, width);
      }
      break;
    case time_text_style::fixed_ms:
      out += '.';
      put_digits(out, frac / 1000, 3);
      break;
    case time_text_style::fixed_us:
      out += '.';
      put_digits(out, frac, 6);
      break;
    case time_text_style::seconds: break;
  }
  if (zulu) out += 'Z';
  return true;
}

inline bool parse_fixed(std::string_view s, std::size_t pos, int width, int& out) {
  if (pos + static_cast<std::size_t>(width) > s.size()) return false;
  int v = 0;
  for (int i = 0; i < width; ++i) {
    char c = s[pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

inline std::optional<date> parse_date(std::string_view s) {
  int y, m, d;
  if (s.size() < 10 || !parse_fixed(s, 0, 4, y) || s[4] != '-' || !parse_fixed(s, 5, 2, m) || s[7] != '-' ||
      !parse_fixed(s, 8, 2, d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
    return std::nullopt;
  return date{std::chrono::days{days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))}};
}

/// Accepts "YYYY-MM-DD HH:MM[:SS[.f+]]" with ' ' or 'T', optionally followed by "Z" or
/// "+00:00" / "+0000" / "+00" (UTC only); digits past microseconds must be zeros. A date alone is
/// midnight. Any other offset is refused: it would be silently shifted.
inline std::optional<timestamp> parse_timestamp(std::string_view s) {
  auto d = parse_date(s);
  if (!d) return std::nullopt;
  std::chrono::microseconds tod{0};
  std::size_t p = 10;
  if (p < s.size() && (s[p] == ' ' || s[p] == 'T')) {
    int hh, mm, ss = 0;
    if (!parse_fixed(s, p + 1, 2, hh) || p + 3 >= s.size() || s[p + 3] != ':' || !parse_fixed(s, p + 4, 2, mm))
      return std::nullopt;
    p += 6;
    if (p < s.size() && s[p] == ':') {
      if (!parse_fixed(s, p + 1, 2, ss)) return std::nullopt;
      p += 3;
    }
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    long long frac = 0;
    int digits = 0;
    if (p < s.size() && s[p] == '.') {
      ++p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
        if (digits >= 6) {
          // Digits finer than microseconds (.NET writes 7, Go 9) are accepted only when zero:
          // anything else would be truncated.
          if (s[p] != '0') return std::nullopt;
        } else {
          frac = frac * 10 + (s[p] - '0');
        }
        ++digits;
        ++p;
      }
      if (digits == 0) return std::nullopt;
      for (int i = digits; i < 6; ++i) frac *= 10;
    }
    tod = std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss} + std::chrono::microseconds{frac};
  }
  std::string_view rest = s.substr(p);
  if (!(rest.empty() || rest == "Z" || rest == "z" || rest == "+00:00" || rest == "+0000" || rest == "+00"))
    return std::nullopt;
  return timestamp{std::chrono::sys_days{*d}} + tod;
}

}  // namespace quarry::detail
