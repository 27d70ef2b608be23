#pragma once
/// \file quarry/diag/query_counter.hpp
/// Counting statements in tests: a quarry::diag::query_counter records every statement a
/// connection runs while it exists, and `expect(n)` fails with the list of statements when the
/// count differs.
///
///     quarry::diag::query_counter qc(db);
///     auto graph = db.load(quarry::select(users).with(user_orders.with(order_items)));
///     qc.expect(3);   // throws quarry::diag::statement_count_error listing the statements otherwise
///
///     // or, for one call:
///     auto graph = quarry::diag::expect_statements(db, 3, [&] { return db.load(q); });
///
/// See docs/relations.md ("Counting statements").

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "quarry/backend/connection_core.hpp"
#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/error.hpp"
#include "quarry/diag/statement_event.hpp"

namespace quarry::diag {

/// A statement as a query_counter recorded it.
struct recorded_statement {
  statement_kind kind;
  std::string sql;
  int param_count = 0;
  std::chrono::nanoseconds duration{0};  ///< valid once finished
  std::int64_t rows = 0;                 ///< valid once finished
  bool finished = false;
  bool failed = false;
};

/// query_counter::expect() found another number of statements; the message lists them.
class statement_count_error : public usage_error {
  using usage_error::usage_error;
};

namespace detail {
/// Adds and removes an observer on a connection whose type is erased. It holds a reference to the
/// connection's shared block, so an observer destroyed after its connection touches nothing.
class observer_registration {
 public:
  template <class Conn>
  observer_registration(Conn& db, statement_observer& o)
      : db_(&db), obs_(&o), remove_([](void* c, statement_observer& x) noexcept {
          static_cast<Conn*>(c)->remove_observer(x);
        }) {
    db.add_observer(o);
    if constexpr (requires { db.shared_core(); }) {
      core_ = &db.shared_core();
      core_->retain();
    }
  }
  observer_registration(const observer_registration&) = delete;
  observer_registration& operator=(const observer_registration&) = delete;
  ~observer_registration() {
    if (!core_ || !core_->closed()) remove_(db_, *obs_);
    if (core_) core_->release();
  }

 private:
  void* db_;
  statement_observer* obs_;
  void (*remove_)(void*, statement_observer&) noexcept;
  quarry::detail::connection_core* core_ = nullptr;
};

inline std::string describe(const recorded_statement& s) {
  std::string out = "[" + std::string(to_string(s.kind)) + "] " + s.sql;
  out += " (" + std::to_string(s.param_count) + (s.param_count == 1 ? " parameter" : " parameters");
  if (s.finished) {
    out += ", " + std::to_string(s.rows) + (s.rows == 1 ? " row" : " rows");
    char ms[32];
    std::snprintf(ms, sizeof ms, ", %.3f ms", static_cast<double>(s.duration.count()) / 1e6);
    out += ms;
    if (s.failed) out += ", failed";
  } else {
    out += ", still running";
  }
  out += ")";
  return out;
}
}  // namespace detail

/// Records the statements of one connection from its construction to its destruction (or to
/// reset()). Counts a statement when it starts, so a result still being iterated is counted.
/// Must not outlive the connection.
class query_counter final : public statement_observer {
 public:
  /// Counts statements of the kinds in `mask` (default: all, BEGIN/COMMIT and DDL included;
  /// `kinds::statements` leaves out exec()).
  template <class Conn>
  explicit query_counter(Conn& db, kind_mask mask = kinds::all) : mask_(mask), reg_(db, *this) {}

  /// Statements counted so far.
  std::size_t count() const noexcept { return list_.size(); }
  /// The statements counted so far, in the order they started.
  const std::vector<recorded_statement>& statements() const noexcept { return list_; }
  /// Forgets the statements counted so far.
  void reset() noexcept { list_.clear(); }

  /// Throws statement_count_error, listing every statement, unless exactly `n` were counted.
  void expect(std::size_t n) const {
    if (list_.size() != n) throw statement_count_error(errc::usage, message(n));
  }
  /// "quarry: expected N statements, M ran:" followed by one line per statement.
  std::string message(std::size_t expected) const {
    std::string out = "quarry: expected " + std::to_string(expected) +
                      (expected == 1 ? " statement, " : " statements, ") + std::to_string(list_.size()) + " ran";
    out += list_.empty() ? "" : ":";
    out += listing();
    return out;
  }
  /// One line per statement: "\n  1. [query] SELECT ... (1 parameter, 10 rows, 0.052 ms)".
  std::string listing() const {
    std::string out;
    for (std::size_t i = 0; i < list_.size(); ++i) out += "\n  " + std::to_string(i + 1) + ". " + detail::describe(list_[i]);
    return out;
  }

 private:
  void statement_started(const statement_event& e) override {
    if (!in_mask(mask_, e.kind)) return;
    list_.push_back(recorded_statement{e.kind, std::string(e.sql), e.param_count, {}, 0, false, false});
  }
  void statement_finished(const statement_event& e) noexcept override {
    if (!in_mask(mask_, e.kind)) return;
    // The most recent unfinished record of this text (statements may nest: a query run while
    // another one's result is being read).
    for (auto it = list_.rbegin(); it != list_.rend(); ++it) {
      if (!it->finished && it->kind == e.kind && it->sql == e.sql) {
        it->finished = true;
        it->failed = e.failed;
        it->rows = e.rows;
        it->duration = e.duration;
        return;
      }
    }
  }

  kind_mask mask_;
  std::vector<recorded_statement> list_;
  detail::observer_registration reg_;  // last: registered once the rest is ready
};

/// Runs `fn()` and checks that exactly `n` statements of the kinds in `mask` ran on `db` during
/// the call (statement_count_error with the list otherwise); returns what `fn` returns.
template <class Conn, class F>
decltype(auto) expect_statements(Conn& db, std::size_t n, F&& fn, kind_mask mask = kinds::all) {
  query_counter c(db, mask);
  if constexpr (std::is_void_v<std::invoke_result_t<F&>>) {
    fn();
    c.expect(n);
  } else {
    std::invoke_result_t<F&> r = fn();
    c.expect(n);
    return r;
  }
}

}  // namespace quarry::diag
