#pragma once
/// \file quarry/backend/result.hpp
/// The rows of a query: a single-pass range that steps the prepared statement as you iterate,
/// building each row only when you dereference. Helpers collect all rows, exactly one, or the
/// first. A result keeps its connection's statement busy until it is destroyed or exhausted.

#include <cstddef>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

#include "quarry/core/error.hpp"

namespace quarry {

/// A single-pass range of rows of type Row. Each step claims the connection for the calling
/// thread (quarry::usage_error while another thread is inside it), and a result whose connection
/// was destroyed throws quarry::usage_error instead of reading freed memory.
template <class Lease, class Row, class Reader>
class result {
 public:
  using value_type = Row;

  explicit result(Lease lease, Reader reader = {}) : lease_(std::move(lease)), reader_(std::move(reader)) {}
  result(result&&) noexcept = default;
  result& operator=(result&&) noexcept = default;

  struct sentinel {};
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(result* r) : r_(r) {}
    /// Reads the current row (each call reads it again; valid until ++).
    Row operator*() const {
      r_->lease_.check_open();
      return r_->reader_.read(r_->lease_.stmt());
    }
    iterator& operator++() {
      r_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    bool at_end() const noexcept { return r_->done_; }
    friend bool operator==(const iterator& it, sentinel) { return it.at_end(); }

   private:
    result* r_ = nullptr;
  };

  /// Starts stepping; call once.
  iterator begin() {
    auto scope = lease_.enter();
    if (started_) throw usage_error(errc::usage, "quarry: a query result can be iterated only once");
    started_ = true;
    advance();
    return iterator(this);
  }
  sentinel end() const noexcept { return {}; }

  /// Every remaining row.
  std::vector<Row> all() {
    auto scope = lease_.enter();  // once for every row
    std::vector<Row> out;
    auto it = begin();
    if constexpr (requires { lease_.stmt().remaining_rows(); }) {
      if (!done_) out.reserve(static_cast<std::size_t>(lease_.stmt().remaining_rows()));
    }
    for (; !(it == end()); ++it) out.push_back(*it);
    return out;
  }
  /// The first row, or nullopt when there is none.
  std::optional<Row> first() {
    auto scope = lease_.enter();
    auto it = begin();
    if (it == end()) return std::nullopt;
    std::optional<Row> row(*it);
    finish();
    return row;
  }
  /// Exactly one row; quarry::row_count_error when there are none or several.
  Row one() {
    auto scope = lease_.enter();
    auto it = begin();
    if (it == end())
      throw row_count_error(errc::row_count,
                            "quarry: one() expected exactly one row, the query returned none; SQL: " +
                                detail::echo_sql(lease_.sql()),
                            std::string(lease_.sql()));
    Row row(*it);
    ++it;
    if (!(it == end()))
      throw row_count_error(errc::row_count,
                            "quarry: one() expected exactly one row, the query returned more; SQL: " +
                                detail::echo_sql(lease_.sql()),
                            std::string(lease_.sql()));
    return row;
  }

 private:
  void advance() {
    if (done_) return;
    auto scope = lease_.enter();
    if (lease_.stmt().step()) {
      lease_.count_row();
    } else {
      finish();
    }
  }
  void finish() {
    done_ = true;
    lease_.release();
  }

  Lease lease_;
  [[no_unique_address]] Reader reader_;  // empty for typed rows; a dynamic row's column list
  bool started_ = false;
  bool done_ = false;
};

}  // namespace quarry
