#pragma once
/// \file quarry/core/detail/time_text.hpp
/// ISO-8601 text for timestamps and dates: "YYYY-MM-DD HH:MM:SS.ffffff" (UTC, always six
/// fraction digits, so text order is time order) and "YYYY-MM-DD". Parsing is strict.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

/// False when the year is outside 0..9999 (not representable in this text form).
inline bool format_date(std::string& out, date d) {
  std::chrono::year_month_day ymd{d};
  int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) return false;
  put_digits(out, y, 4);
  out += '-';
  put_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  put_digits(out, static_cast<unsigned>(ymd.day()), 2);
  return true;
}

inline bool format_timestamp(std::string& out, timestamp t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  if (!format_date(out, day)) return false;
  std::chrono::hh_mm_ss<std::chrono::microseconds> tod{t - day};
  out += ' ';
  put_digits(out, tod.hours().count(), 2);
  out += ':';
  put_digits(out, tod.minutes().count(), 2);
  out += ':';
  put_digits(out, tod.seconds().count(), 2);
  out += '.';
  put_digits(out, tod.subseconds().count(), 6);
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
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return date{ymd};
}

/// Accepts "YYYY-MM-DD HH:MM[:SS[.f{1,6}]]" with ' ' or 'T', optionally followed by "Z" or
/// "+00:00" / "+00" (UTC only). A date alone is midnight.
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
        if (digits == 6) return std::nullopt;  // finer than microseconds would be truncated
        frac = frac * 10 + (s[p] - '0');
        ++digits;
        ++p;
      }
      if (digits == 0) return std::nullopt;
      for (int i = digits; i < 6; ++i) frac *= 10;
    }
    tod = std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss} + std::chrono::microseconds{frac};
  }
  std::string_view rest = s.substr(p);
  if (!(rest.empty() || rest == "Z" || rest == "+00:00" || rest == "+00")) return std::nullopt;
  return timestamp{std::chrono::sys_days{*d}} + tod;
}

}  // namespace quarry::detail
