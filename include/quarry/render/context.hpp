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

  // SQL is rendered once per statement type and dialect, so nothing here is worth inlining into
  // the render functions of every node: out of line, they keep each statement's code small and
  // cheap to compile (docs/benchmarks.md, "Build cost").
  [[gnu::noinline]] void text(std::string_view s) { sql += s; }
  /// Identifiers always come from descriptors; they are still quoted (reserved words, case).
  [[gnu::noinline]] void ident(std::string_view s) {
    sql += '"';
    for (char c : s) {
      if (c == '"') sql += '"';
      sql += c;
    }
    sql += '"';
  }
  [[gnu::noinline]] void param() { Dialect::placeholder(sql, ++params); }
  template <class Tag>
  void column(std::string_view name) {
    qualified(Tag::ref_name, name);
  }
  /// "table"."column". Columns are always qualified; the few bare names SQL requires (INSERT
  /// column lists, SET targets, ON CONFLICT targets) are rendered with ident().
  [[gnu::noinline]] void qualified(std::string_view table, std::string_view name) {
    ident(table);
    sql += '.';
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
