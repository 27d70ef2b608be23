#pragma once
/// \file quarry/fmt.hpp
/// Printing statements with fmt, for logging and debugging:
///
///     fmt::print("{}\n", quarry::sql_of<quarry::sqlite_dialect>(q));
///     // SELECT "users"."id" FROM "users" WHERE "users"."age" > ?
///
/// Values are parameters, so they never appear in the text (nothing sensitive is logged).
/// A separate header so that code which does not print pays nothing for <fmt/format.h>.

#include <fmt/format.h>

#include <string_view>

#include "quarry/render/sql.hpp"

namespace quarry {

/// A statement's SQL in one dialect, formattable with fmt.
template <class Dialect, class Stmt>
struct sql_text {
  const Stmt* stmt;
  std::string_view view() const { return to_sql<Dialect>(*stmt); }
};

/// `fmt::format("{}", quarry::sql_of<quarry::postgres_dialect>(q))`.
template <class Dialect, class Stmt>
constexpr sql_text<Dialect, Stmt> sql_of(const Stmt& s) {
  return {&s};
}

}  // namespace quarry

template <class Dialect, class Stmt>
struct fmt::formatter<quarry::sql_text<Dialect, Stmt>> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const quarry::sql_text<Dialect, Stmt>& t, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(t.view(), ctx);
  }
};
