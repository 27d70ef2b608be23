#pragma once
/// \file quarry/backend/buffered_result.hpp
/// Rows already read into memory, with the interface of quarry::result (iterate once, all(),
/// one(), first()). A multi-row insert with RETURNING runs several statements; its rows come back
/// this way, in insertion order.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quarry/core/error.hpp"

namespace quarry {

/// The rows of a statement that ran to completion. Single-pass, like quarry::result.
template <class Row>
class buffered_result {
 public:
  using value_type = Row;
  using iterator = typename std::vector<Row>::iterator;

  buffered_result(std::vector<Row> rows, std::string sql) : rows_(std::move(rows)), sql_(std::move(sql)) {}

  iterator begin() {
    if (started_) throw usage_error(errc::usage, "quarry: a query result can be iterated only once");
    started_ = true;
    return rows_.begin();
  }
  iterator end() noexcept { return rows_.end(); }
  /// Number of rows.
  std::size_t size() const noexcept { return rows_.size(); }

  /// Every row.
  std::vector<Row> all() {
    (void)begin();
    return std::move(rows_);
  }
  /// The first row, or nullopt when there is none.
  std::optional<Row> first() {
    auto it = begin();
    if (it == end()) return std::nullopt;
    return std::move(*it);
  }
  /// Exactly one row; quarry::row_count_error when there are none or several.
  Row one() {
    auto it = begin();
    if (rows_.size() != 1)
      throw row_count_error(errc::row_count,
                            std::string("quarry: one() expected exactly one row, the statement returned ") +
                                (rows_.empty() ? "none" : "more") + "; SQL: " + detail::echo_sql(sql_),
                            sql_);
    return std::move(*it);
  }

 private:
  std::vector<Row> rows_;
  std::string sql_;
  bool started_ = false;
};

}  // namespace quarry
