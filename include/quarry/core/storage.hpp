#pragma once
/// \file quarry/core/storage.hpp
/// How a column's values are stored on SQLite, which has no timestamp, date or exact decimal
/// type: the same C++ value can be TEXT in several spellings, an INTEGER or a REAL. A column
/// says which with `quarry::sqlite_as<...>` (existing databases) or `quarry::numeric<P, S>`
/// (exact decimals as scaled INTEGER); binding, comparing and reading then use that form.
/// PostgreSQL has real types for all of them and ignores the SQLite form (docs/sqlite.md).

#include <cstdint>

namespace quarry {

/// The stored form of a timestamp, date or decimal column on SQLite.
enum class sqlite_storage : std::uint8_t {
  native,          ///< quarry's default for the kind: iso_text for times, decimal_text for decimals
  iso_text,        ///< 'YYYY-MM-DD HH:MM:SS[.f]' — SQLite's datetime() / CURRENT_TIMESTAMP form
  iso_text_ms,     ///< 'YYYY-MM-DD HH:MM:SS.SSS' — strftime('%Y-%m-%d %H:%M:%f')
  iso_text_us,     ///< 'YYYY-MM-DD HH:MM:SS.ffffff' — always six fraction digits
  iso_t,           ///< 'YYYY-MM-DDTHH:MM:SS[.f]'
  iso_t_z,         ///< 'YYYY-MM-DDTHH:MM:SSZ' — whole seconds only
  iso_t_ms_z,      ///< 'YYYY-MM-DDTHH:MM:SS.SSSZ' — JavaScript's toISOString()
  unix_seconds,    ///< INTEGER seconds since 1970-01-01 UTC — unixepoch(), strftime('%s')
  unix_millis,     ///< INTEGER milliseconds since 1970-01-01 UTC
  julian_day,      ///< REAL julian day number — julianday(); millisecond precision
  decimal_text,    ///< TEXT, exact, any number of digits; compares as text in SQL
  decimal_scaled,  ///< INTEGER count of 10^-S units (quarry::numeric<P, S>, P <= 18)
  decimal_real,    ///< REAL or NUMERIC affinity (existing NUMERIC(P,S) columns); 15 digits
};

/// A column's stored form as a compile-time value: the SQLite form and, for decimals declared
/// with quarry::numeric<P, S>, the precision and scale (0 when undeclared).
struct storage_format {
  sqlite_storage form = sqlite_storage::native;
  std::int16_t precision = 0;
  std::int16_t scale = 0;
  friend constexpr bool operator==(storage_format, storage_format) = default;
};

namespace detail {
constexpr bool is_time_form(sqlite_storage s) noexcept {
  return s >= sqlite_storage::iso_text && s <= sqlite_storage::julian_day;
}
constexpr bool is_decimal_form(sqlite_storage s) noexcept { return s >= sqlite_storage::decimal_text; }
/// Whether a column with this form is flagged f_stored: its values must be bound and read in
/// a form other than quarry's default for the kind.
constexpr bool is_custom_form(sqlite_storage s) noexcept {
  return s != sqlite_storage::native && s != sqlite_storage::iso_text && s != sqlite_storage::decimal_text;
}
/// The name of a form in messages and docs.
constexpr const char* storage_name(sqlite_storage s) noexcept {
  switch (s) {
    case sqlite_storage::native: return "native";
    case sqlite_storage::iso_text: return "iso_text";
    case sqlite_storage::iso_text_ms: return "iso_text_ms";
    case sqlite_storage::iso_text_us: return "iso_text_us";
    case sqlite_storage::iso_t: return "iso_t";
    case sqlite_storage::iso_t_z: return "iso_t_z";
    case sqlite_storage::iso_t_ms_z: return "iso_t_ms_z";
    case sqlite_storage::unix_seconds: return "unix_seconds";
    case sqlite_storage::unix_millis: return "unix_millis";
    case sqlite_storage::julian_day: return "julian_day";
    case sqlite_storage::decimal_text: return "decimal_text";
    case sqlite_storage::decimal_scaled: return "decimal_scaled";
    case sqlite_storage::decimal_real: return "decimal_real";
  }
  return "?";
}
}  // namespace detail

}  // namespace quarry
