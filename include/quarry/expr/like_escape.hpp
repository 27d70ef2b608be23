#pragma once
/// \file quarry/expr/like_escape.hpp
/// Escaping user input for LIKE patterns. quarry renders every LIKE with `\` as its escape
/// character (PostgreSQL's default; `ESCAPE '\'` on SQLite), so an escaped text means the same on
/// every database. See docs/queries.md ("Text search with LIKE").

#include <string>
#include <string_view>

namespace quarry {

/// `s` with LIKE's wildcards `%` and `_`, and the escape character `\`, preceded by `\`: the
/// result matches `s` literally inside a pattern.
///
///     users.name.like("%" + quarry::like_escape(input) + "%")   // = users.name.contains(input)
inline std::string like_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

namespace detail {
/// `lead` + like_escape(s) + `trail`: the patterns of contains/starts_with/ends_with.
inline std::string like_pattern(std::string_view lead, std::string_view s, std::string_view trail) {
  std::string out(lead);
  out += like_escape(s);
  out += trail;
  return out;
}
}  // namespace detail

}  // namespace quarry
