#pragma once
/// \file quarry/backend/sqlite/detail/forms.hpp
/// Conversions between quarry's values and their stored forms on SQLite (core/storage.hpp):
/// ISO text in several spellings, unix time as INTEGER, julian day as REAL, decimals as TEXT,
/// scaled INTEGER or REAL. Every conversion is exact or fails with a reason; nothing is rounded
/// silently. Used by backend/sqlite/statement.hpp.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "quarry/core/decimal.hpp"
#include "quarry/core/detail/time_text.hpp"
#include "quarry/core/storage.hpp"
#include "quarry/core/types.hpp"

namespace quarry::sqlite::forms {

using quarry::detail::time_text_style;

/// A value in the storage class SQLite will hold: INTEGER, REAL or TEXT; or why it cannot be.
/// (A plain struct, not std::variant: this header is parsed by every TU that includes the
/// SQLite backend, and <variant> and <cmath> cost more to compile than they save.)
struct stored {
  enum class kind : unsigned char { integer, real, text } k = kind::integer;
  std::int64_t i = 0;
  double r = 0;
  std::string t;
  const char* error = nullptr;  // set when the value has no exact stored form

  stored() = default;
  stored(std::int64_t v) : k(kind::integer), i(v) {}      // NOLINT: a stored INTEGER
  stored(double v) : k(kind::real), r(v) {}               // NOLINT: a stored REAL
  stored(std::string v) : k(kind::text), t(std::move(v)) {}  // NOLINT: a stored TEXT
};

constexpr bool finite(double v) noexcept { return v == v && v - v == 0; }
constexpr double magnitude(double v) noexcept { return v < 0 ? -v : v; }
/// Nearest integer, halves away from zero (llround without <cmath>); |v| < 2^62.
constexpr std::int64_t round_nearest(double v) noexcept {
  return static_cast<std::int64_t>(v < 0 ? v - 0.5 : v + 0.5);
}

/// Milliseconds from the start of the julian period to 1970-01-01 (2440587.5 days), as SQLite
/// counts them (its iJD).
inline constexpr std::int64_t julian_epoch_ms = 210866760000000LL;

inline stored fail(const char* why) {
  stored s;
  s.error = why;
  return s;
}

/// A timestamp in form f.
inline stored time_to_form(timestamp t, storage_format f) {
  const std::int64_t us = t.time_since_epoch().count();
  auto text = [&](char sep, time_text_style st, bool z) -> stored {
    std::string s;
    if (!quarry::detail::format_timestamp(s, t, sep, st, z)) {
      if (st == time_text_style::fixed_ms) return fail("has a fraction finer than milliseconds, which this text form cannot hold");
      if (st == time_text_style::seconds) return fail("has a fraction of a second, which this text form cannot hold");
      return fail("is outside years 0000-9999");
    }
    return stored{std::move(s)};
  };
  switch (f.form) {
    case sqlite_storage::iso_text_ms: return text(' ', time_text_style::fixed_ms, false);
    case sqlite_storage::iso_text_us: return text(' ', time_text_style::fixed_us, false);
    case sqlite_storage::iso_t: return text('T', time_text_style::canonical, false);
    case sqlite_storage::iso_t_z: return text('T', time_text_style::seconds, true);
    case sqlite_storage::iso_t_ms_z: return text('T', time_text_style::fixed_ms, true);
    case sqlite_storage::unix_seconds:
      if (us % 1'000'000 != 0) return fail("has a fraction of a second, which unix_seconds cannot hold");
      return stored{us / 1'000'000};
    case sqlite_storage::unix_millis:
      if (us % 1000 != 0) return fail("has a fraction finer than milliseconds, which unix_millis cannot hold");
      return stored{us / 1000};
    case sqlite_storage::julian_day:
      if (us % 1000 != 0) return fail("has a fraction finer than milliseconds, which a julian day cannot hold");
      // The same double SQLite's julianday() computes for this instant, so = compares exactly.
      return stored{static_cast<double>(us / 1000 + julian_epoch_ms) / 86400000.0};
    default: return text(' ', time_text_style::canonical, false);
  }
}

/// A date in form f: 'YYYY-MM-DD' for iso_text (SQLite's date()), midnight in the other forms.
inline stored date_to_form(date d, storage_format f) {
  if (f.form == sqlite_storage::native || f.form == sqlite_storage::iso_text) {
    std::string s;
    if (!quarry::detail::format_date(s, d)) return fail("is outside years 0000-9999");
    return stored{std::move(s)};
  }
  return time_to_form(timestamp{std::chrono::sys_days{d}}, f);
}

/// Microseconds from a count of `unit` microseconds each, or nullopt on overflow.
inline std::optional<std::int64_t> scale_int(std::int64_t v, std::int64_t unit) {
  std::int64_t r;
  if (__builtin_mul_overflow(v, unit, &r)) return std::nullopt;
  return r;
}

/// A timestamp from a stored INTEGER or REAL in form f; nullptr error when it is one.
inline std::optional<timestamp> time_from_number(std::int64_t i, double r, bool is_real, storage_format f,
                                                 const char*& why) {
  std::optional<std::int64_t> us;
  switch (f.form) {
    case sqlite_storage::unix_seconds:
      if (is_real) {
        if (!finite(r) || magnitude(r) > 9.2e12) break;
        us = round_nearest(r * 1e6);  // unixepoch('subsec'): milliseconds in a REAL
      } else {
        us = scale_int(i, 1'000'000);
      }
      break;
    case sqlite_storage::unix_millis:
      if (is_real) {
        if (!finite(r) || magnitude(r) > 9.2e15) break;
        us = round_nearest(r * 1e3);
      } else {
        us = scale_int(i, 1000);
      }
      break;
    case sqlite_storage::julian_day: {
      const double jd = is_real ? r : static_cast<double>(i);
      if (!finite(jd) || magnitude(jd) > 1e11) break;
      // SQLite's own rounding of a julian day to milliseconds (iJD).
      const auto ms = static_cast<std::int64_t>(jd * 86400000.0 + 0.5) - julian_epoch_ms;
      us = scale_int(ms, 1000);
      break;
    }
    default:
      why = is_real ? "holds a REAL, but the column is declared as text; if it stores julian days, declare "
                      "sqlite_as<julian_day>"
                    : "holds an INTEGER, but the column is declared as text; if it stores unix time, declare "
                      "sqlite_as<unix_seconds> or sqlite_as<unix_millis>";
      return std::nullopt;
  }
  if (!us) {
    why = "holds a number outside the range of a timestamp";
    return std::nullopt;
  }
  return timestamp{std::chrono::microseconds{*us}};
}

/// The shortest decimal text that reads back as exactly `v` (what a REAL "means").
inline std::string shortest_text(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

/// `d` with exactly `scale` fraction digits, or nullopt when that would drop non-zero digits.
inline std::optional<decimal> at_scale(const decimal& d, int scale) {
  const std::string& digits = d.digits();
  const int have = d.scale();
  std::string t = d.negative() ? "-" : "";
  if (have <= scale) {
    t += digits;
    t.append(static_cast<std::size_t>(scale - have), '0');
  } else {
    const auto drop = static_cast<std::size_t>(have - scale);
    if (drop >= digits.size()) {
      if (digits.find_first_not_of('0') != std::string::npos) return std::nullopt;
      t += "0";
    } else {
      if (digits.find_first_not_of('0', digits.size() - drop) != std::string::npos) return std::nullopt;
      t.append(digits, 0, digits.size() - drop);
    }
  }
  t += "e-" + std::to_string(scale);
  return decimal(t);
}

inline constexpr std::int64_t pow10_i64[19] = {1LL,
                                               10LL,
                                               100LL,
                                               1000LL,
                                               10000LL,
                                               100000LL,
                                               1000000LL,
                                               10000000LL,
                                               100000000LL,
                                               1000000000LL,
                                               10000000000LL,
                                               100000000000LL,
                                               1000000000000LL,
                                               10000000000000LL,
                                               100000000000000LL,
                                               1000000000000000LL,
                                               10000000000000000LL,
                                               100000000000000000LL,
                                               1000000000000000000LL};

/// A decimal in form f.
inline stored decimal_to_form(const decimal& d, storage_format f) {
  switch (f.form) {
    case sqlite_storage::decimal_scaled: {
      // units = digits × 10^(S - scale), computed from the digits without building text.
      const std::string& digits = d.digits();
      const long long shift = static_cast<long long>(f.scale) - d.scale();  // zeros to append
      std::size_t keep = digits.size();
      if (shift < 0) {
        // The last -shift digits go; they must all be zeros.
        const auto drop = static_cast<std::size_t>(-shift);
        keep = drop >= digits.size() ? 0 : digits.size() - drop;
        if (digits.find_first_not_of('0', keep) != std::string::npos)
          return fail("has more fraction digits than the column's numeric<P, S> scale (it would be rounded)");
      }
      std::int64_t units = 0;
      for (std::size_t k = 0; k < keep; ++k) {
        if (units > (INT64_MAX - 9) / 10) return fail("does not fit a scaled 64-bit INTEGER (more than 18 digits)");
        units = units * 10 + (digits[k] - '0');
      }
      for (long long z = 0; z < shift && units != 0; ++z) {
        if (units > INT64_MAX / 10) return fail("does not fit a scaled 64-bit INTEGER (more than 18 digits)");
        units *= 10;
      }
      return stored{d.negative() ? -units : units};
    }
    case sqlite_storage::decimal_real: {
      const std::string text = d.to_string();
      double v = 0;
      auto r = std::from_chars(text.data(), text.data() + text.size(), v);
      if (r.ec != std::errc{} || !finite(v) || !(decimal(shortest_text(v)) == d))
        return fail("cannot be stored exactly as a REAL (at most 15 significant digits)");
      return stored{v};
    }
    default: return stored{d.to_string()};
  }
}

/// An integer in a decimal form (a bound integer compared with a decimal column).
inline stored integer_to_form(std::int64_t v, storage_format f) {
  if (f.form == sqlite_storage::decimal_scaled) {
    std::int64_t units;
    if (f.scale > 18 || __builtin_mul_overflow(v, pow10_i64[f.scale], &units))
      return fail("does not fit a scaled 64-bit INTEGER");
    return stored{units};
  }
  return stored{v};
}

/// A double in a decimal form (a bound double compared with a decimal column).
inline stored double_to_form(double v, storage_format f) {
  if (f.form == sqlite_storage::decimal_scaled) {
    if (!finite(v)) return fail("is not a finite number");
    return decimal_to_form(decimal(shortest_text(v)), f);
  }
  return stored{v};
}

/// A decimal from a stored INTEGER (scaled units or a whole number), REAL or TEXT in form f.
/// nullopt with `why` set when the value cannot be read exactly.
inline std::optional<decimal> decimal_from_integer(std::int64_t v, storage_format f) {
  if (f.form == sqlite_storage::decimal_scaled) return decimal::scaled(v, f.scale);
  decimal d(v);
  if (f.scale > 0) return at_scale(d, f.scale);
  return d;
}
inline std::optional<decimal> decimal_from_real(double v, storage_format f, const char*& why) {
  if (f.form != sqlite_storage::decimal_real) {
    why = "holds a REAL, which is not an exact decimal; for an existing NUMERIC/REAL column declare "
          "sqlite_as<decimal_real> (read as the shortest decimal that round-trips)";
    return std::nullopt;
  }
  if (!finite(v)) {
    why = "holds a REAL that is not a finite number";
    return std::nullopt;
  }
  decimal d(shortest_text(v));
  if (f.scale > 0 || f.precision > 0) {
    auto s = at_scale(d, f.scale);
    if (!s) why = "holds a REAL with more fraction digits than the column's numeric<P, S> scale";
    return s;
  }
  return d;
}

}  // namespace quarry::sqlite::forms
