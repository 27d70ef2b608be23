#pragma once
/// \file quarry/backend/sqlite/statement.hpp
/// One prepared sqlite3_stmt: binding the storage types, stepping, reading with storage-class
/// checks that name the column in every error.

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/backend/binding.hpp"
#include "quarry/backend/sqlite/error.hpp"
#include "quarry/core/decimal.hpp"
#include "quarry/core/detail/time_text.hpp"
#include "quarry/core/types.hpp"

namespace quarry::sqlite {
namespace forms {
struct stored;  // backend/sqlite/detail/forms.hpp
}

class statement {
 public:
  statement(sqlite3* db, sqlite3_stmt* s) noexcept : db_(db), stmt_(s) {}
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  ~statement() { sqlite3_finalize(stmt_); }

  sqlite3_stmt* handle() const noexcept { return stmt_; }
  std::string_view sql() const noexcept { return sqlite3_sql(stmt_); }
  int column_count() const noexcept { return sqlite3_column_count(stmt_); }

  /// Whether text and blob values are copied at bind time (needed when the bound objects may
  /// die while a result is still stepping).
  void set_copy_values(bool copy) noexcept { copy_ = copy; }

  // ---- binding ----
  void bind_null(int i) { check(sqlite3_bind_null(stmt_, i)); }
  void bind(int i, bool v) { check(sqlite3_bind_int(stmt_, i, v ? 1 : 0)); }
  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
  void bind(int i, double v) {
    if (v != v) reject_nan(i, {});  // sqlite3_bind_double would store NULL
    check(sqlite3_bind_double(stmt_, i, v));
  }
  void bind(int i, const std::string& v) { bind_text(i, v); }
  /// A temporary (a user value_traits returning by value) is always copied: it dies before step().
  void bind(int i, std::string&& v);
  void bind(int i, bytes&& v);
  void bind(int i, const bytes& v);
  void bind(int i, timestamp v);
  void bind(int i, date v);
  void bind(int i, const decimal& v);
  /// Values of a column with a stored form (core/storage.hpp): bound as the column stores them.
  void bind_as(int i, timestamp v, storage_format f);
  void bind_as(int i, date v, storage_format f);
  void bind_as(int i, const decimal& v, storage_format f);
  void bind_as(int i, std::int64_t v, storage_format f);
  void bind_as(int i, double v, storage_format f);
  /// A runtime list as one JSON array, read back with json_each(); items compared with a column
  /// that has a stored form (core/storage.hpp) are written in that form.
  template <class T>
  void bind_list(int i, const std::vector<T>& items, storage_format f = {}) {
    using S = typename value_traits<T>::storage;
    constexpr bool has_forms = std::is_same_v<S, timestamp> || std::is_same_v<S, date> ||
                               std::is_same_v<S, decimal> || std::is_same_v<S, std::int64_t> ||
                               std::is_same_v<S, double>;
    const bool in_form = has_forms && quarry::detail::is_custom_form(f.form);
    std::string json = "[";
    for (const auto& v : items) {
      if (json.size() > 1) json += ',';
      if constexpr (has_forms) {
        if (in_form) {
          append_json_as(json, i, value_traits<T>::to_storage(v), f);
          continue;
        }
      }
      append_json(json, i, value_traits<T>::to_storage(v));
    }
    json += ']';
    check(sqlite3_bind_text64(stmt_, i, json.data(), json.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }

  // ---- stepping ----
  /// Advances; true when a row is available.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_error(db_, rc, sql());
  }
  void reset() noexcept { sqlite3_reset(stmt_); }

  /// Refuses a NaN bound as parameter i (SQLite would store NULL); `what` names the column when
  /// the caller knows it (detail::binder::column_value).
  [[noreturn, gnu::cold]] void reject_nan(int i, std::string_view what);

  // ---- reading (false on NULL) ----
  // Each read fetches the column's sqlite3_value once and asks it for its type and content:
  // calling sqlite3_column_type() and then sqlite3_column_int64() etc. repeats the statement
  // checks, the (no-op, NOMUTEX) mutex calls and sqlite3ApiExit for every call. The value is
  // "unprotected", which SQLite documents as unsafe only when another thread uses the same
  // connection at the same time; a quarry connection is NOMUTEX and single-threaded anyway.
  bool read(int i, std::int64_t& out, const detail::field_info& f) {
    sqlite3_value* v = sqlite3_column_value(stmt_, i);
    int t = sqlite3_value_type(v);
    if (t == SQLITE_NULL) return false;
    if (t != SQLITE_INTEGER) mismatch(f, t, "INTEGER");
    out = sqlite3_value_int64(v);
    return true;
  }
  bool read(int i, bool& out, const detail::field_info& f) {
    std::int64_t v;
    if (!read(i, v, f)) return false;
    if (v != 0 && v != 1) bad_value(f, "a boolean column holds " + std::to_string(v) + ", not 0 or 1");
    out = v == 1;
    return true;
  }
  QUARRY_ALWAYS_INLINE bool read(int i, double& out, const detail::field_info& f) {
    sqlite3_value* val = sqlite3_column_value(stmt_, i);
    int t = sqlite3_value_type(val);
    if (t == SQLITE_NULL) return false;
    if (t == SQLITE_FLOAT) {
      out = sqlite3_value_double(val);
    } else if (t == SQLITE_INTEGER) {  // e.g. sum() of integers; exact up to 2^53
      std::int64_t v = sqlite3_value_int64(val);
      if (v > (std::int64_t{1} << 53) || v < -(std::int64_t{1} << 53))
        bad_value(f, "integer " + std::to_string(v) + " is not exactly representable as double");
      out = static_cast<double>(v);
    } else {
      mismatch(f, t, "REAL");
    }
    return true;
  }
  /// Text borrowed from the statement: valid until the next step() or reset().
  bool read(int i, std::string_view& out, const detail::field_info& f) {
    sqlite3_value* v = sqlite3_column_value(stmt_, i);
    int t = sqlite3_value_type(v);
    if (t == SQLITE_NULL) return false;
    if (t != SQLITE_TEXT) mismatch(f, t, "TEXT");
    auto p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    out = std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)));
    return true;
  }
  bool read(int i, std::string& out, const detail::field_info& f) {
    std::string_view v;
    if (!read(i, v, f)) return false;
    out.assign(v.data(), v.size());
    return true;
  }
  bool read(int i, bytes& out, const detail::field_info& f) {
    sqlite3_value* v = sqlite3_column_value(stmt_, i);
    int t = sqlite3_value_type(v);
    if (t == SQLITE_NULL) return false;
    if (t != SQLITE_BLOB) mismatch(f, t, "BLOB");
    auto p = static_cast<const std::byte*>(sqlite3_value_blob(v));
    auto n = static_cast<std::size_t>(sqlite3_value_bytes(v));
    out.assign(p, p + n);
    return true;
  }
  bool read(int i, timestamp& out, const detail::field_info& f);
  bool read(int i, date& out, const detail::field_info& f);
  bool read(int i, decimal& out, const detail::field_info& f);

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw_error(db_, rc, sql());
  }
  void bind_text(int i, std::string_view v) {
    check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), copy_ ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8));
  }
  bool read_text_of(int i, std::string& s, const detail::field_info& f, const char* what);
  static const char* storage_class(int t) noexcept;
  [[noreturn, gnu::cold]] void mismatch(const detail::field_info& f, int t, std::string_view expected);
  [[noreturn, gnu::cold]] void bad_value(const detail::field_info& f, const std::string& what);
  [[noreturn, gnu::cold]] void out_of_range(int i, const char* what);

  static void append_json(std::string& out, int, bool v) { out += v ? "1" : "0"; }
  static void append_json(std::string& out, int, std::int64_t v) { out += std::to_string(v); }
  void append_json(std::string& out, int i, double v);
  static void append_json_string(std::string& out, std::string_view s);
  static void append_json_text(std::string& out, std::string_view s);
  static void append_json(std::string& out, int, const std::string& v) { append_json_text(out, v); }
  void append_json(std::string& out, int i, timestamp v);
  void append_json(std::string& out, int i, date v);
  static void append_json(std::string& out, int, const decimal& v) { append_json_string(out, v.to_string()); }
  void append_json_as(std::string& out, int i, timestamp v, storage_format f);
  void append_json_as(std::string& out, int i, date v, storage_format f);
  void append_json_as(std::string& out, int i, const decimal& v, storage_format f);
  void append_json_as(std::string& out, int i, std::int64_t v, storage_format f);
  void append_json_as(std::string& out, int i, double v, storage_format f);
  // `v` is the value converted, described only when it has no stored form (no text per value).
  template <class S>
  void append_stored(std::string& out, int i, const forms::stored& s, const S& v, storage_format f);
  template <class S>
  void bind_stored(int i, const forms::stored& s, const S& v, storage_format f);
  template <class S>
  std::string describe(const S& v);
  [[noreturn, gnu::cold]] void no_form(int i, const std::string& value, const char* why, storage_format f);
  [[noreturn, gnu::cold]] void bad_form(const detail::field_info& f, const std::string& what);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool copy_ = true;
};

}  // namespace quarry::sqlite

// ---- definitions: inline when header-only, compiled once by src/sqlite.cpp otherwise ----
#if QUARRY_DEFINE_SQLITE
#include "quarry/backend/sqlite/detail/forms.hpp"

namespace quarry::sqlite {
QUARRY_DECL void statement::bind(int i, std::string&& v) {
  check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

QUARRY_DECL void statement::bind(int i, bytes&& v) {
  check(sqlite3_bind_blob64(stmt_, i, v.empty() ? "" : static_cast<const void*>(v.data()), v.size(), SQLITE_TRANSIENT));
}

QUARRY_DECL void statement::bind(int i, const bytes& v) {
  check(sqlite3_bind_blob64(stmt_, i, v.empty() ? "" : static_cast<const void*>(v.data()), v.size(),
                            copy_ ? SQLITE_TRANSIENT : SQLITE_STATIC));
}

QUARRY_DECL void statement::bind(int i, timestamp v) {
  std::string s;
  if (!detail::format_timestamp(s, v)) out_of_range(i, "timestamp");
  check(sqlite3_bind_text64(stmt_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

QUARRY_DECL void statement::bind(int i, date v) {
  std::string s;
  if (!detail::format_date(s, v)) out_of_range(i, "date");
  check(sqlite3_bind_text64(stmt_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

QUARRY_DECL void statement::bind(int i, const decimal& v) {
  std::string s = v.to_string();
  check(sqlite3_bind_text64(stmt_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

template <class S>
void statement::bind_stored(int i, const forms::stored& s, const S& v, storage_format f) {
  if (s.error) no_form(i, describe(v), s.error, f);
  switch (s.k) {
    case forms::stored::kind::integer: check(sqlite3_bind_int64(stmt_, i, s.i)); break;
    case forms::stored::kind::real: check(sqlite3_bind_double(stmt_, i, s.r)); break;
    case forms::stored::kind::text:
      check(sqlite3_bind_text64(stmt_, i, s.t.data(), s.t.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
      break;
  }
}

template <class S>
std::string statement::describe(const S& v) {
  if constexpr (std::is_same_v<S, timestamp>) {
    std::string s;
    if (!quarry::detail::format_timestamp(s, v, ' ', quarry::detail::time_text_style::fixed_us)) s = "a timestamp";
    return "timestamp " + s;
  } else if constexpr (std::is_same_v<S, date>) {
    std::string s;
    if (!quarry::detail::format_date(s, v)) s = "a date";
    return "date " + s;
  } else if constexpr (std::is_same_v<S, decimal>) {
    return "decimal " + quarry::detail::echo(v.to_string());
  } else if constexpr (std::is_same_v<S, double>) {
    return "double " + forms::shortest_text(v);
  } else {
    return "integer " + std::to_string(v);
  }
}

QUARRY_DECL void statement::bind_as(int i, timestamp v, storage_format f) {
  bind_stored(i, forms::time_to_form(v, f), v, f);
}
QUARRY_DECL void statement::bind_as(int i, date v, storage_format f) {
  bind_stored(i, forms::date_to_form(v, f), v, f);
}
QUARRY_DECL void statement::bind_as(int i, const decimal& v, storage_format f) {
  bind_stored(i, forms::decimal_to_form(v, f), v, f);
}
QUARRY_DECL void statement::bind_as(int i, std::int64_t v, storage_format f) {
  bind_stored(i, forms::integer_to_form(v, f), v, f);
}
QUARRY_DECL void statement::bind_as(int i, double v, storage_format f) {
  bind_stored(i, forms::double_to_form(v, f), v, f);
}

template <class S>
void statement::append_stored(std::string& out, int i, const forms::stored& s, const S& v, storage_format f) {
  if (s.error) no_form(i, describe(v), s.error, f);
  switch (s.k) {
    case forms::stored::kind::integer: out += std::to_string(s.i); break;
    case forms::stored::kind::real: append_json(out, i, s.r); break;
    case forms::stored::kind::text: append_json_string(out, s.t); break;
  }
}
QUARRY_DECL void statement::append_json_as(std::string& out, int i, timestamp v, storage_format f) {
  append_stored(out, i, forms::time_to_form(v, f), v, f);
}
QUARRY_DECL void statement::append_json_as(std::string& out, int i, date v, storage_format f) {
  append_stored(out, i, forms::date_to_form(v, f), v, f);
}
QUARRY_DECL void statement::append_json_as(std::string& out, int i, const decimal& v, storage_format f) {
  append_stored(out, i, forms::decimal_to_form(v, f), v, f);
}
QUARRY_DECL void statement::append_json_as(std::string& out, int i, std::int64_t v, storage_format f) {
  append_stored(out, i, forms::integer_to_form(v, f), v, f);
}
QUARRY_DECL void statement::append_json_as(std::string& out, int i, double v, storage_format f) {
  append_stored(out, i, forms::double_to_form(v, f), v, f);
}

QUARRY_DECL void statement::no_form(int i, const std::string& value, const char* why, storage_format f) {
  throw usage_error(errc::usage,
                    "quarry: parameter " + std::to_string(i) + ": " + value + " " + why + " (the column is stored as " +
                        quarry::detail::storage_name(f.form) + " on SQLite); SQL: " + quarry::detail::echo_sql(sql()),
                    std::string(sql()));
}

QUARRY_DECL void statement::bad_form(const detail::field_info& f, const std::string& what) {
  throw type_mismatch(errc::type_mismatch,
                      "quarry: " + f.label() + " (stored as " + quarry::detail::storage_name(f.storage.form) +
                          "): " + what + "; SQL: " + quarry::detail::echo_sql(sql()),
                      std::string(sql()), SQLITE_MISMATCH);
}

QUARRY_DECL bool statement::read(int i, timestamp& out, const detail::field_info& f) {
  sqlite3_value* v = sqlite3_column_value(stmt_, i);
  const int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return false;
  if (t == SQLITE_TEXT) {
    std::string_view s(reinterpret_cast<const char*>(sqlite3_value_text(v)), static_cast<std::size_t>(sqlite3_value_bytes(v)));
    auto ts = quarry::detail::parse_timestamp(s);
    if (!ts) bad_value(f, quarry::detail::echo(s) + " is not a UTC timestamp (YYYY-MM-DD HH:MM:SS[.ffffff][Z])");
    out = *ts;
    return true;
  }
  if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) mismatch(f, t, "a timestamp (TEXT, or INTEGER/REAL with sqlite_as<>)");
  const char* why = nullptr;
  auto ts = forms::time_from_number(sqlite3_value_int64(v), sqlite3_value_double(v), t == SQLITE_FLOAT, f.storage, why);
  if (!ts) bad_form(f, std::string(why) + " (" + std::string(reinterpret_cast<const char*>(sqlite3_value_text(v))) + ")");
  out = *ts;
  return true;
}

QUARRY_DECL bool statement::read(int i, date& out, const detail::field_info& f) {
  sqlite3_value* v = sqlite3_column_value(stmt_, i);
  const int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return false;
  if (t == SQLITE_TEXT) {
    std::string_view s(reinterpret_cast<const char*>(sqlite3_value_text(v)), static_cast<std::size_t>(sqlite3_value_bytes(v)));
    if (s.size() == 10) {
      auto d = quarry::detail::parse_date(s);
      if (!d) bad_value(f, quarry::detail::echo(s) + " is not a date (YYYY-MM-DD)");
      out = *d;
      return true;
    }
    auto ts = quarry::detail::parse_timestamp(s);
    if (!ts) bad_value(f, quarry::detail::echo(s) + " is not a date (YYYY-MM-DD)");
    auto day = std::chrono::floor<std::chrono::days>(*ts);
    if (*ts != day) bad_value(f, quarry::detail::echo(s) + " has a time of day, which a date cannot hold");
    out = date{day};
    return true;
  }
  if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) mismatch(f, t, "a date (TEXT, or INTEGER/REAL with sqlite_as<>)");
  const char* why = nullptr;
  auto ts = forms::time_from_number(sqlite3_value_int64(v), sqlite3_value_double(v), t == SQLITE_FLOAT, f.storage, why);
  if (!ts) bad_form(f, std::string(why) + " (" + std::string(reinterpret_cast<const char*>(sqlite3_value_text(v))) + ")");
  auto day = std::chrono::floor<std::chrono::days>(*ts);
  if (*ts != day)
    bad_form(f, std::string(reinterpret_cast<const char*>(sqlite3_value_text(v))) + " is not midnight UTC, so not a date");
  out = date{day};
  return true;
}

QUARRY_DECL bool statement::read(int i, decimal& out, const detail::field_info& f) {
  sqlite3_value* v = sqlite3_column_value(stmt_, i);
  int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return false;
  if (t == SQLITE_INTEGER && f.storage.form == sqlite_storage::decimal_scaled) {  // numeric<P, S>: the hot path
    out = decimal::scaled(sqlite3_value_int64(v), f.storage.scale);
    return true;
  }
  std::optional<decimal> d;
  const char* why = nullptr;
  if (t == SQLITE_INTEGER) {
    d = forms::decimal_from_integer(sqlite3_value_int64(v), f.storage);
    if (!d) why = "holds an integer that does not fit the column's scale";
  } else if (t == SQLITE_TEXT) {
    std::string s(reinterpret_cast<const char*>(sqlite3_value_text(v)),
                  static_cast<std::size_t>(sqlite3_value_bytes(v)));
    try {
      d = decimal(s);
    } catch (const error&) {
      bad_value(f, detail::echo(s) + " is not a decimal number");
    }
    if (f.storage.scale > 0 || f.storage.precision > 0) {
      d = forms::at_scale(*d, f.storage.scale);
      if (!d) bad_value(f, quarry::detail::echo(s) + " has more fraction digits than the column's numeric<P, S> scale");
    }
  } else if (t == SQLITE_FLOAT) {
    d = forms::decimal_from_real(sqlite3_value_double(v), f.storage, why);
  } else {
    mismatch(f, t, "an exact decimal (TEXT or INTEGER)");
  }
  if (!d) bad_form(f, std::string(why) + " (" + std::string(reinterpret_cast<const char*>(sqlite3_value_text(v))) + ")");
  out = std::move(*d);
  return true;
}

QUARRY_DECL bool statement::read_text_of(int i, std::string& s, const detail::field_info& f, const char* what) {
  sqlite3_value* v = sqlite3_column_value(stmt_, i);
  int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return false;
  if (t != SQLITE_TEXT) mismatch(f, t, std::string("TEXT (") + what + ")");
  s.assign(reinterpret_cast<const char*>(sqlite3_value_text(v)), static_cast<std::size_t>(sqlite3_value_bytes(v)));
  return true;
}

QUARRY_DECL const char* statement::storage_class(int t) noexcept {
  switch (t) {
    case SQLITE_INTEGER: return "INTEGER";
    case SQLITE_FLOAT: return "REAL";
    case SQLITE_TEXT: return "TEXT";
    case SQLITE_BLOB: return "BLOB";
    default: return "NULL";
  }
}

QUARRY_DECL void statement::mismatch(const detail::field_info& f, int t, std::string_view expected) {
  throw type_mismatch(errc::type_mismatch,
                      "quarry: " + f.label() + " holds an SQLite " + storage_class(t) + " value but is read as " +
                          std::string(expected) + "; fix the stored data or the field's type; SQL: " +
                          detail::echo_sql(sql()),
                      std::string(sql()), SQLITE_MISMATCH);
}

QUARRY_DECL void statement::bad_value(const detail::field_info& f, const std::string& what) {
  throw type_mismatch(errc::type_mismatch, "quarry: " + f.label() + ": " + what + "; SQL: " + detail::echo_sql(sql()),
                      std::string(sql()), SQLITE_MISMATCH);
}

QUARRY_DECL void statement::out_of_range(int i, const char* what) {
  throw usage_error(errc::usage,
                    "quarry: parameter " + std::to_string(i) + ": " + what +
                        " outside years 0000-9999 cannot be stored; SQL: " + detail::echo_sql(sql()),
                    std::string(sql()));
}

QUARRY_DECL void statement::reject_nan(int i, std::string_view what) {
  throw usage_error(errc::usage,
                    "quarry: parameter " + std::to_string(i) + (what.empty() ? "" : " (" + std::string(what) + ")") +
                        " is NaN, which SQLite cannot store (it would become NULL); store NULL "
                        "explicitly with a std::optional<double> set to std::nullopt, or use "
                        "PostgreSQL, which keeps NaN; SQL: " + std::string(sql()),
                    std::string(sql()));
}

QUARRY_DECL void statement::append_json(std::string& out, int i, double v) {
  if (v != v) reject_nan(i, "an element of the list");
  // JSON has no infinities; json_each reads a number beyond double's range as one.
  if (v - v != 0) {
    out += v > 0 ? "9e999" : "-9e999";
    return;
  }
  char buf[40];
  sqlite3_snprintf(sizeof buf, buf, "%!.17g", v);
  out += buf;
}

QUARRY_DECL void statement::append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          sqlite3_snprintf(sizeof buf, buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// json_each cuts a string at "\u0000": a text item's zero bytes travel as \x01 '0' and its \x01
// bytes as \x01 '1', decoded by the SQL that detail::render_list_membership renders.
QUARRY_DECL void statement::append_json_text(std::string& out, std::string_view s) {
  if (s.find_first_of(std::string_view("\0\1", 2)) == std::string_view::npos) return append_json_string(out, s);
  std::string e;
  e.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '\0')
      e += "\x01" "0";
    else if (c == '\x01')
      e += "\x01" "1";
    else
      e += c;
  }
  append_json_string(out, e);
}

QUARRY_DECL void statement::append_json(std::string& out, int i, timestamp v) {
  std::string s;
  if (!detail::format_timestamp(s, v)) out_of_range(i, "timestamp");
  append_json_string(out, s);
}

QUARRY_DECL void statement::append_json(std::string& out, int i, date v) {
  std::string s;
  if (!detail::format_date(s, v)) out_of_range(i, "date");
  append_json_string(out, s);
}
}  // namespace quarry::sqlite
#endif

