#pragma once
/// \file quarry/core/detail/echo.hpp
/// How values that came from outside (a stored text, a sort key or cursor from a request, a
/// database's message) and SQL text appear in error messages: cut to a bounded length, which is
/// then given, and with every control character escaped, so that a message can neither flood a log
/// nor forge a line of it. Every message quarry builds from such a value goes through these.
/// See docs/errors.md ("Values in messages").

#include <cstddef>
#include <string>
#include <string_view>

#include "quarry/core/config.hpp"

namespace quarry::detail {

/// Bytes of a value shown in a message (the rest is replaced by "…" and the total length).
inline constexpr std::size_t echo_limit = 200;
/// Bytes of SQL text shown after "; SQL: " (error::sql() keeps all of it).
inline constexpr std::size_t echo_sql_limit = 1000;

/// Appends at most `limit` bytes of `v` (never cutting a UTF-8 character) with \n, \r, \t, \\ and
/// \xNN escapes for other control characters (C0, DEL, C1, U+2028, U+2029) and invalid UTF-8.
/// Returns whether all of `v` was appended.
QUARRY_DECL bool append_escaped(std::string& out, std::string_view v, std::size_t limit);

/// A value quoted for a message: `'abc'`, or `'abc…' (10485760 bytes)` when it is longer than
/// `limit` bytes; control characters escaped.
QUARRY_DECL std::string echo(std::string_view v, std::size_t limit = echo_limit);

/// SQL text (or a database's message) for a message: escaped like echo(), unquoted, cut at
/// echo_sql_limit bytes with the total length: `SELECT …… (52013 bytes)`.
QUARRY_DECL std::string echo_sql(std::string_view sql, std::size_t limit = echo_sql_limit);

}  // namespace quarry::detail

// ---- definitions: inline when header-only, compiled once by src/core.cpp otherwise ----
#if QUARRY_DEFINE_CORE
namespace quarry::detail {
QUARRY_DECL bool append_escaped(std::string& out, std::string_view v, std::size_t limit) {
  static constexpr char hex[] = "0123456789abcdef";
  auto escape_byte = [&](unsigned char c) {
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
  };
  std::size_t i = 0;
  while (i < v.size()) {
    const auto c = static_cast<unsigned char>(v[i]);
    // Length of the UTF-8 sequence that starts here (0: not a valid sequence).
    std::size_t n = c < 0x80 ? 1 : (c >= 0xc2 && c < 0xe0) ? 2 : (c >= 0xe0 && c < 0xf0) ? 3 : (c >= 0xf0 && c < 0xf5) ? 4 : 0;
    for (std::size_t k = 1; k < n; ++k)
      if (i + k >= v.size() || (static_cast<unsigned char>(v[i + k]) & 0xc0) != 0x80) n = 0;
    if (n == 3) {  // overlong forms and UTF-16 surrogates are not UTF-8
      const auto c1 = static_cast<unsigned char>(v[i + 1]);
      if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0)) n = 0;
    } else if (n == 4) {
      const auto c1 = static_cast<unsigned char>(v[i + 1]);
      if ((c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 >= 0x90)) n = 0;
    }
    const std::size_t take = n == 0 ? 1 : n;
    if (i + take > limit) break;
    if (n == 1) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\\': out += "\\\\"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            escape_byte(c);
          } else {
            out += static_cast<char>(c);
          }
      }
    } else {
      const auto c1 = n ? static_cast<unsigned char>(v[i + 1]) : 0;
      const auto c2 = n == 3 ? static_cast<unsigned char>(v[i + 2]) : 0;
      const bool control = n == 0 || (n == 2 && c == 0xc2 && c1 < 0xa0) ||        // C1: U+0080..U+009F
                           (n == 3 && c == 0xe2 && c1 == 0x80 && (c2 == 0xa8 || c2 == 0xa9));  // U+2028, U+2029
      for (std::size_t k = 0; k < take; ++k) {
        if (control) {
          escape_byte(static_cast<unsigned char>(v[i + k]));
        } else {
          out += v[i + k];
        }
      }
    }
    i += take;
  }
  return i == v.size();
}

QUARRY_DECL std::string echo(std::string_view v, std::size_t limit) {
  std::string out = "'";
  const bool all = append_escaped(out, v, limit);
  if (all) {
    out += '\'';
  } else {
    out += "\xe2\x80\xa6' (" + std::to_string(v.size()) + " bytes)";
  }
  return out;
}

QUARRY_DECL std::string echo_sql(std::string_view sql, std::size_t limit) {
  std::string out;
  if (!append_escaped(out, sql, limit)) out += "\xe2\x80\xa6 (" + std::to_string(sql.size()) + " bytes)";
  return out;
}
}  // namespace quarry::detail
#endif
