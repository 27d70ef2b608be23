#pragma once
/// \file quarry/backend/statement_cache.hpp
/// Prepared statements of one connection, indexed by the process-wide slot of each statement
/// type's SQL (so a lookup is an array index, not a hash of the SQL text). A statement in use by
/// a live result is leased; asking for it again prepares a private copy instead of clobbering it.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "quarry/diag/statement_event.hpp"
#include "quarry/render/sql.hpp"

namespace quarry::detail {

template <class Stmt>
class statement_lease {
 public:
  statement_lease() = default;
  statement_lease(Stmt* s, bool* busy, std::unique_ptr<Stmt> owned, const sql_entry* e)
      : stmt_(s), busy_(busy), owned_(std::move(owned)), entry_(e) {}
  // Member-wise (not through operator=): a smaller inlined body in every caller of query().
  statement_lease(statement_lease&& o) noexcept
      : stmt_(std::exchange(o.stmt_, nullptr)),
        busy_(std::exchange(o.busy_, nullptr)),
        owned_(std::move(o.owned_)),
        entry_(o.entry_),
        owned_entry_(std::move(o.owned_entry_)),
        trace_(std::exchange(o.trace_, nullptr)),
        rows_(o.rows_) {}
  statement_lease& operator=(statement_lease&& o) noexcept {
    if (this != &o) {
      release();
      stmt_ = std::exchange(o.stmt_, nullptr);
      busy_ = std::exchange(o.busy_, nullptr);
      owned_ = std::move(o.owned_);
      owned_entry_ = std::move(o.owned_entry_);
      entry_ = o.entry_;
      trace_ = std::exchange(o.trace_, nullptr);
      rows_ = o.rows_;
    }
    return *this;
  }
  ~statement_lease() { release(); }

  Stmt& stmt() const noexcept { return *stmt_; }
  Stmt& operator*() const noexcept { return *stmt_; }
  std::string_view sql() const noexcept { return entry_ ? std::string_view(entry_->text) : std::string_view(); }

  /// Resets the statement (ending SQLite's implicit read transaction) and returns it.
  void release() noexcept {
    if (!stmt_) return;
    stmt_->reset();
    if (busy_) *busy_ = false;
    owned_.reset();
    stmt_ = nullptr;
    busy_ = nullptr;
    if (trace_) [[unlikely]]
      end_trace(trace_, rows_);  // reports the statement's end to the connection's observers
  }

  /// Statement hooks (quarry/diag): the trace that reports this statement's end, rows seen.
  void trace(std::unique_ptr<statement_trace> t) noexcept { trace_ = t.release(); }
  bool traced() const noexcept { return trace_ != nullptr; }
  void count_row() noexcept { ++rows_; }
  void set_rows(std::int64_t n) noexcept { rows_ = n; }

 private:
  Stmt* stmt_ = nullptr;
  bool* busy_ = nullptr;
  std::unique_ptr<Stmt> owned_;
  const sql_entry* entry_ = nullptr;
  std::unique_ptr<sql_entry> owned_entry_;  // raw SQL: the lease keeps its own text
  statement_trace* trace_ = nullptr;  // owned; only while statement hooks are installed
  std::int64_t rows_ = 0;

 public:
  /// A lease on a private statement for raw SQL.
  static statement_lease raw(std::unique_ptr<Stmt> s, std::string sql) {
    statement_lease l;
    l.owned_entry_ = std::make_unique<sql_entry>(sql_entry{std::move(sql), 0, 0});
    l.entry_ = l.owned_entry_.get();
    l.stmt_ = s.get();
    l.owned_ = std::move(s);
    return l;
  }
};

template <class Stmt>
class statement_cache {
 public:
  /// The prepared statement for `e`, preparing it with `prepare(sql)` on first use.
  template <class Prepare>
  statement_lease<Stmt> acquire(const sql_entry& e, Prepare&& prepare) {
    if (e.slot >= slots_.size()) slots_.resize(e.slot + 1);
    slot& s = slots_[e.slot];
    if (s.busy) {
      std::unique_ptr<Stmt> own = prepare(e.text);
      Stmt* raw = own.get();
      return statement_lease<Stmt>(raw, nullptr, std::move(own), &e);
    }
    if (!s.stmt) s.stmt = prepare(e.text);
    s.busy = true;
    return statement_lease<Stmt>(s.stmt.get(), &s.busy, nullptr, &e);
  }
  /// The prepared statement for raw SQL text, cached by the text (a hash lookup). At most
  /// max_raw texts are kept: past that, the idle ones are finalized before a new one is added.
  template <class Prepare>
  statement_lease<Stmt> acquire_raw(std::string_view sql, Prepare&& prepare) {
    auto it = raw_.find(sql);
    if (it == raw_.end()) {
      if (raw_.size() >= max_raw) {
        for (auto i = raw_.begin(); i != raw_.end();) i = i->second->busy ? std::next(i) : raw_.erase(i);
      }
      auto r = std::make_unique<raw_slot>();
      r->entry = sql_entry{std::string(sql), 0, 0};
      it = raw_.emplace(r->entry.text, std::move(r)).first;
    }
    raw_slot& r = *it->second;
    if (r.busy) {
      std::unique_ptr<Stmt> own = prepare(r.entry.text);
      Stmt* raw = own.get();
      return statement_lease<Stmt>(raw, nullptr, std::move(own), &r.entry);
    }
    if (!r.stmt) r.stmt = prepare(r.entry.text);
    r.busy = true;
    return statement_lease<Stmt>(r.stmt.get(), &r.busy, nullptr, &r.entry);
  }
  static constexpr std::size_t max_raw = 256;

  /// Finalizes every statement (e.g. before closing the connection).
  void clear() noexcept {
    slots_.clear();
    raw_.clear();
  }
  std::size_t size() const noexcept {
    std::size_t n = 0;
    for (auto& s : slots_) n += s.stmt ? 1 : 0;
    for (auto& r : raw_) n += r.second->stmt ? 1 : 0;
    return n;
  }

 private:
  struct slot {
    std::unique_ptr<Stmt> stmt;
    bool busy = false;
  };
  struct raw_slot {
    sql_entry entry;
    std::unique_ptr<Stmt> stmt;
    bool busy = false;
  };
  struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::deque<slot> slots_;  // deque: growing it keeps leased slots in place
  // Keyed by a view of the slot's own text; unique_ptr keeps slots in place while leased.
  std::unordered_map<std::string_view, std::unique_ptr<raw_slot>, text_hash, std::equal_to<>> raw_;
};

}  // namespace quarry::detail
