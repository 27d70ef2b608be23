#pragma once
/// \file quarry/render/context.hpp
/// The buffer SQL text is rendered into, with placeholder numbering and identifier quoting.

#include <string>
#include <string_view>
#include <utility>

namespace quarry::detail {

template <class Dialect>
struct render_context {
  using dialect = Dialect;
  std::string sql;
  int params = 0;
  bool qualify = true;  // write "table"."column" (false for INSERT column lists and SET targets)

  void text(std::string_view s) { sql += s; }
  /// Identifiers always come from descriptors; they are still quoted (reserved words, case).
  void ident(std::string_view s) {
    sql += '"';
    for (char c : s) {
      if (c == '"') sql += '"';
      sql += c;
    }
    sql += '"';
  }
  void param() { Dialect::placeholder(sql, ++params); }
  template <class Tag>
  void column(std::string_view name) {
    if (qualify) {
      ident(Tag::ref_name);
      sql += '.';
    }
    ident(name);
  }
};

/// Renders a node into a fresh context and returns the SQL text.
template <class Dialect, class Node>
std::string render_sql(const Node& n) {
  render_context<Dialect> c;
  n.render(c);
  return std::move(c.sql);
}

}  // namespace quarry::detail
