#pragma once
/// \file quarry/backend/result.hpp
/// The rows of a query: a single-pass range that steps the prepared statement as you iterate,
/// building each row only when you dereference. Helpers collect all rows, exactly one, or the
/// first. A result keeps its connection's statement busy until it is destroyed or exhausted.

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quarry/core/error.hpp"

namespace quarry {
namespace detail {

/// What a result does that does not depend on its row type: stepping the statement, the
/// once-only iteration, releasing the lease. One instantiation per backend instead of one per
/// select list (every select has its own row type).
template <class Lease>
class result_core {
 protected:
  explicit result_core(Lease lease) : lease_(std::move(lease)) {}
  result_core(result_core&&) noexcept = default;
  result_core& operator=(result_core&&) noexcept = default;

  /// begin(): call once; steps to the first row.
  void start() {
    auto scope = lease_.enter();
    if (started_) throw usage_error(errc::usage, "quarry: a query result can be iterated only once");
    started_ = true;
    advance();
  }
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
  std::size_t remaining_hint() {
    if constexpr (requires { lease_.stmt().remaining_rows(); }) {
      if (!done_) return static_cast<std::size_t>(lease_.stmt().remaining_rows());
    }
    return 0;
  }
  [[noreturn]] void throw_not_one(bool none) const {
    throw row_count_error(errc::row_count,
                          std::string("quarry: one() expected exactly one row, the query returned ") +
                              (none ? "none" : "more") + "; SQL: " + detail::echo_sql(lease_.sql()),
                          std::string(lease_.sql()));
  }

  Lease lease_;
  bool started_ = false;
  bool done_ = false;
};

}  // namespace detail

/// A single-pass range of rows of type Row. Each step claims the connection for the calling
/// thread (quarry::usage_error while another thread is inside it), and a result whose connection
/// was destroyed throws quarry::usage_error instead of reading freed memory.
template <class Lease, class Row, class Reader>
class result : detail::result_core<Lease> {
  using core = detail::result_core<Lease>;

 public:
  using value_type = Row;

  explicit result(Lease lease, Reader reader = {}) : core(std::move(lease)), reader_(std::move(reader)) {}
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
    Row operator*() const { return r_->read(); }
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
    this->start();
    return iterator(this);
  }
  sentinel end() const noexcept { return {}; }

  /// Every remaining row.
  std::vector<Row> all() {
    auto scope = this->lease_.enter();  // once for every row
    std::vector<Row> out;
    this->start();
    if (const std::size_t n = this->remaining_hint()) out.reserve(n);
    for (; !this->done_; this->advance()) out.push_back(read());
    return out;
  }
  /// The first row, or nullopt when there is none.
  std::optional<Row> first() {
    auto scope = this->lease_.enter();
    this->start();
    if (this->done_) return std::nullopt;
    std::optional<Row> row(read());
    this->finish();
    return row;
  }
  /// Exactly one row; quarry::row_count_error when there are none or several.
  Row one() {
    auto scope = this->lease_.enter();
    this->start();
    if (this->done_) this->throw_not_one(true);
    Row row(read());
    this->advance();
    if (!this->done_) this->throw_not_one(false);
    return row;
  }

 private:
  Row read() {
    this->lease_.check_open();
    return reader_.read(this->lease_.stmt());
  }

  [[no_unique_address]] Reader reader_;  // empty for typed rows; a dynamic row's column list
};

}  // namespace quarry
