#pragma once
/// \file quarry/backend/statement_cache.hpp
/// Prepared statements of one connection, indexed by the process-wide slot of each statement
/// type's SQL (so a lookup is an array index, not a hash of the SQL text). A statement in use by
/// a live result is leased; asking for it again prepares a private copy instead of clobbering it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/backend/connection_core.hpp"
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
        rows_(o.rows_),
        core_(std::exchange(o.core_, nullptr)) {}
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
      core_ = std::exchange(o.core_, nullptr);
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
    connection_core* core = std::exchange(core_, nullptr);
    if (core) [[likely]] {
      if (core->closed()) [[unlikely]] {
        orphan(false);  // the connection finalized its statements and freed its hooks
      } else {
        use_scope scope(*core, use_scope::try_tag{});
        if (scope.ok()) [[likely]] {
          reset_and_return();
        } else {
          orphan(true);  // another thread is inside the connection: touch nothing of it
        }
      }
      core->release();
    } else {
      reset_and_return();
    }
  }

  /// Ties the lease to its connection's core (see backend/connection_core.hpp).
  void attach(connection_core* c) noexcept {
    c->retain();
    core_ = c;
  }
  /// Claims the connection for a step of this lease's statement: throws quarry::usage_error when
  /// the connection was closed or another thread is inside it.
  use_scope enter() const {
    if (!core_) return use_scope();
    if (core_->closed()) [[unlikely]]
      throw_connection_closed();
    return use_scope(*core_);
  }
  /// Throws quarry::usage_error when the connection was closed (reading a row of a dead statement).
  void check_open() const {
    if (core_ && core_->closed()) [[unlikely]]
      throw_connection_closed();
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
  connection_core* core_ = nullptr;  // one reference, while the lease holds a statement

  void reset_and_return() noexcept {
    stmt_->reset();
    if (busy_) *busy_ = false;
    owned_.reset();
    stmt_ = nullptr;
    busy_ = nullptr;
    if (trace_) [[unlikely]]
      end_trace(trace_, rows_);  // reports the statement's end to the connection's observers
  }
  /// Lets go of the statement without touching the connection. `in_use`: the connection is alive
  /// but another thread is inside it, so a private statement is leaked rather than finalized
  /// concurrently (the cached one stays marked busy and is finalized with the connection).
  /// Otherwise the connection is gone: its cached statements are finalized already, a private
  /// one is finalized here (SQLite closes with sqlite3_close_v2, which waits for it).
  [[gnu::cold]] void orphan(bool in_use) noexcept {
    if (in_use) {
      (void)owned_.release();
    } else {
      owned_.reset();
    }
    stmt_ = nullptr;
    busy_ = nullptr;
    if (trace_) {
      trace_->orphan();  // its hooks are the connection's: not called
      delete std::exchange(trace_, nullptr);
    }
  }

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
    std::unique_ptr<slot>& p = slots_[e.slot];
    if (!p) p = std::make_unique<slot>();
    slot& s = *p;
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
  /// max_raw texts are kept: past that, the idle ones are finalized before a new one is added
  /// (and while max_raw are leased, a new text gets a private statement).
  template <class Prepare>
  statement_lease<Stmt> acquire_raw(std::string_view sql, Prepare&& prepare) {
    const std::size_t h = std::hash<std::string_view>{}(sql);
    raw_slot* found = find_raw(sql, h);
    if (!found) {
      if (raw_.size() >= max_raw) {
        evict_idle_raw();
        if (raw_.size() >= max_raw) {  // max_raw raw results alive at once: this one is not cached
          std::string text(sql);
          std::unique_ptr<Stmt> own = prepare(text);  // before `text` is moved into the lease
          return statement_lease<Stmt>::raw(std::move(own), std::move(text));
        }
      }
      auto r = std::make_unique<raw_slot>();
      r->entry = sql_entry{std::string(sql), 0, 0};
      r->hash = h;
      found = r.get();
      raw_.push_back(std::move(r));
      index_raw(raw_.size() - 1);
    }
    raw_slot& r = *found;
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
    index_.clear();
  }
  std::size_t size() const noexcept {
    std::size_t n = 0;
    for (auto& s : slots_) n += s && s->stmt ? 1 : 0;
    for (auto& r : raw_) n += r->stmt ? 1 : 0;
    return n;
  }

 private:
  struct slot {
    std::unique_ptr<Stmt> stmt;
    bool busy = false;
  };
  struct raw_slot {
    sql_entry entry;
    std::size_t hash = 0;
    std::unique_ptr<Stmt> stmt;
    bool busy = false;
  };
  // Raw texts: an open-addressing index (linear probing, twice max_raw buckets, so never full)
  // into raw_, instead of std::unordered_map, whose code every translation unit that includes a
  // backend would compile (docs/benchmarks.md, "Build cost").
  static constexpr std::size_t buckets = 2 * max_raw;
  static constexpr std::uint32_t empty = ~std::uint32_t{0};

  raw_slot* find_raw(std::string_view sql, std::size_t h) const noexcept {
    if (index_.empty()) return nullptr;
    for (std::size_t i = h % buckets;; i = (i + 1) % buckets) {
      const std::uint32_t at = index_[i];
      if (at == empty) return nullptr;
      raw_slot* r = raw_[at].get();
      if (r->hash == h && r->entry.text == sql) return r;
    }
  }
  void index_raw(std::size_t at) {
    if (index_.empty()) index_.assign(buckets, empty);
    std::size_t i = raw_[at]->hash % buckets;
    while (index_[i] != empty) i = (i + 1) % buckets;
    index_[i] = static_cast<std::uint32_t>(at);
  }
  /// Finalizes the idle raw statements (leased ones stay) and rebuilds the index.
  void evict_idle_raw() {
    std::size_t kept = 0;
    for (auto& r : raw_)
      if (r->busy) raw_[kept++] = std::move(r);
    raw_.resize(kept);
    index_.assign(buckets, empty);
    for (std::size_t at = 0; at < raw_.size(); ++at) index_raw(at);
  }

  // Growing these moves the unique_ptrs, never the slots: a lease's busy flag stays in place.
  std::vector<std::unique_ptr<slot>> slots_;
  std::vector<std::unique_ptr<raw_slot>> raw_;
  std::vector<std::uint32_t> index_;  // buckets entries (empty until the first raw text)
};

}  // namespace quarry::detail
