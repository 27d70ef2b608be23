#pragma once
/// \file quarry/diag/statement_guard.hpp
/// The N+1 guard: while a quarry::diag::repeated_statement_guard exists, a statement shape that
/// runs more than `max_repeats` times on its connection raises quarry::diag::repeated_statement_error
/// (before it runs) or is reported, naming the statement. A loop that queries once per parent row
/// is caught on its second parent.
///
///     quarry::diag::repeated_statement_guard guard(db);             // reads, at most once each
///     for (auto& u : db.query(quarry::select(users)).all())
///       db.query(quarry::select(orders).where(orders.user_id == u.id)).all();   // throws on the 2nd user
///
/// The shape of a statement is its SQL text with literals replaced by `?` and lists of
/// placeholders collapsed (quarry's own SQL has no literals: its shape is its text).
/// See docs/relations.md ("The N+1 guard").

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quarry/core/error.hpp"
#include "quarry/diag/query_counter.hpp"
#include "quarry/diag/statement_event.hpp"

namespace quarry::diag {

/// A statement shape that ran more often than the guard allows.
struct repeated_statement {
  std::string shape;  ///< the normalized SQL
  std::string sql;    ///< the SQL of the execution that went past the limit
  statement_kind kind;
  std::size_t count;  ///< executions so far in the guard's scope
};

/// Thrown by a raising guard before the statement runs.
class repeated_statement_error : public usage_error {
 public:
  repeated_statement_error(std::string message, repeated_statement r)
      : usage_error(errc::usage, std::move(message), r.sql), statement_(std::move(r)) {}
  const repeated_statement& statement() const noexcept { return statement_; }

 private:
  repeated_statement statement_;
};

/// What a guard does when a shape goes past the limit.
enum class guard_action {
  raise,   ///< throw repeated_statement_error; the statement does not run
  report,  ///< call guard_options::on_report (once per shape) and record it in reports()
};

struct guard_options {
  /// A shape may run this many times; the next execution trips the guard.
  std::size_t max_repeats = 1;
  guard_action action = guard_action::raise;
  /// The statement kinds watched (default: reads, as an N+1 is a read per parent row; a loop of
  /// insert() calls is not an N+1).
  kind_mask kinds = kinds::reads;
  /// guard_action::report: called the first time a shape goes past the limit.
  std::function<void(const repeated_statement&)> on_report{};
};

/// The shape of an SQL text: string and numeric literals become `?`, and a list of placeholders
/// `?, ?, ?` (or `$1, $2`) becomes one `?`, so `... id IN (1, 2)` and `... id IN (3)` share a shape.
inline std::string statement_shape(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  auto ident_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto placeholder = [&] {
    // "?, ?" -> "?": drop a trailing "?, " or "?," already written before this placeholder.
    std::size_t n = out.size();
    while (n > 0 && out[n - 1] == ' ') --n;
    if (n > 0 && out[n - 1] == ',') {
      std::size_t m = n - 1;
      while (m > 0 && out[m - 1] == ' ') --m;
      if (m > 0 && out[m - 1] == '?') {
        out.resize(m);
        return;
      }
    }
    out += '?';
  };
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'') {  // string literal, '' escapes a quote
      ++i;
      while (i < sql.size()) {
        if (sql[i] == '\'') {
          if (i + 1 < sql.size() && sql[i + 1] == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        ++i;
      }
      ++i;
      placeholder();
    } else if (c == '"') {  // quoted identifier: kept
      std::size_t j = sql.find('"', i + 1);
      while (j != std::string_view::npos && j + 1 < sql.size() && sql[j + 1] == '"') j = sql.find('"', j + 2);
      std::size_t end = j == std::string_view::npos ? sql.size() : j + 1;
      out.append(sql.substr(i, end - i));
      i = end;
    } else if ((c == '$' && i + 1 < sql.size() && digit(sql[i + 1])) || c == '?') {  // placeholder
      ++i;
      while (i < sql.size() && digit(sql[i])) ++i;
      placeholder();
    } else if (digit(c) && (out.empty() || !ident_char(out.back()))) {  // numeric literal
      while (i < sql.size() && (digit(sql[i]) || sql[i] == '.' || sql[i] == 'e' || sql[i] == 'E')) ++i;
      placeholder();
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

/// Watches one connection while it exists; see the file comment. Must not outlive the connection.
class repeated_statement_guard final : public statement_observer {
 public:
  template <class Conn>
  explicit repeated_statement_guard(Conn& db, guard_options o = {}) : o_(std::move(o)), reg_(db, *this) {}

  /// Executions of the shape of `sql` seen so far.
  std::size_t count(std::string_view sql) const {
    auto it = counts_.find(statement_shape(sql));
    return it == counts_.end() ? 0 : it->second;
  }
  /// Shapes that went past the limit (guard_action::report), with their latest counts.
  const std::vector<repeated_statement>& reports() const noexcept { return reports_; }
  /// Forgets every count (e.g. between two requests served by one test).
  void reset() noexcept {
    counts_.clear();
    reports_.clear();
  }

 private:
  void statement_started(const statement_event& e) override {
    if (!in_mask(o_.kinds, e.kind)) return;
    std::string shape = statement_shape(e.sql);
    std::size_t n = ++counts_[shape];
    if (n <= o_.max_repeats) return;
    repeated_statement r{std::move(shape), std::string(e.sql), e.kind, n};
    if (o_.action == guard_action::raise) {
      std::string msg = "quarry: the statement " + r.sql + " ran " + std::to_string(n) +
                        " times in this scope (the guard allows " + std::to_string(o_.max_repeats) +
                        "): a query per parent row (N+1)? Load the children in one query with "
                        "db.load(quarry::select(parents).with(relation)) or where(key.in_values(keys)); "
                        "see docs/relations.md";
      throw repeated_statement_error(std::move(msg), std::move(r));
    }
    for (auto& x : reports_) {
      if (x.shape == r.shape) {
        x.count = n;
        x.sql = std::move(r.sql);
        return;
      }
    }
    reports_.push_back(r);
    if (o_.on_report) o_.on_report(reports_.back());
  }

  guard_options o_;
  std::unordered_map<std::string, std::size_t> counts_;
  std::vector<repeated_statement> reports_;
  detail::observer_registration reg_;
};

}  // namespace quarry::diag
