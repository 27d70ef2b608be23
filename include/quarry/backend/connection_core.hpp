#pragma once
/// \file quarry/backend/connection_core.hpp
/// The small block a connection shares with its results (their statement leases): whether the
/// connection is still open, and which thread is inside one of its operations. It is what turns
/// two misuses into a quarry::usage_error instead of freed memory or a corrupted session
/// (docs/design.md, "Thread safety" and "Results that outlive their connection"):
///   - a result used after its connection was destroyed: the connection marks the block closed,
///     and the result's next step throws instead of touching the finalized statement;
///   - one connection used by two threads at once: every public operation (and every step of a
///     result) enters a use_scope, which claims the connection for the calling thread with one
///     compare-exchange; a second thread finds it claimed and throws. The same thread entering
///     again (a statement run while one of its results is being stepped, a transaction callback,
///     a statement hook) is a nested use and costs one load.
/// The block is reference-counted (the connection and each live lease hold one reference), so it
/// outlives whichever of them is destroyed last.

#include <atomic>
#include <cstdint>

#include "quarry/core/error.hpp"

namespace quarry::detail {

class connection_core {
 public:
  static connection_core* make() { return new connection_core; }
  connection_core(const connection_core&) = delete;
  connection_core& operator=(const connection_core&) = delete;

  void retain() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  void release() noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
  /// Called by the connection before it finalizes its statements.
  void close() noexcept { closed_.store(true, std::memory_order_relaxed); }
  bool closed() const noexcept { return closed_.load(std::memory_order_relaxed); }

  /// The thread inside an operation of the connection (its this_thread_tag()), or null.
  std::atomic<const void*> user{nullptr};

 private:
  connection_core() = default;
  ~connection_core() = default;
  std::atomic<std::uint32_t> refs_{1};
  std::atomic<bool> closed_{false};
};

/// A unique address per live thread: cheaper than std::this_thread::get_id() (no call, no
/// <thread>). Reuse after a thread exits is harmless: a thread never exits inside a use_scope.
inline const void* this_thread_tag() noexcept {
  static thread_local const char tag = 0;
  return &tag;
}

[[noreturn, gnu::cold, gnu::noinline]] inline void throw_concurrent_use() {
  throw usage_error(errc::usage,
                    "quarry: this connection is in use by another thread at the same time; a connection "
                    "serves one thread at a time: open one connection per thread, or take connections "
                    "from a pool (handing a connection to another thread is fine once the first is done "
                    "with it)");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_connection_closed() {
  throw usage_error(errc::usage,
                    "quarry: the connection of this result was closed (destroyed); read the rows, e.g. "
                    "with .all(), before closing the connection, or keep it open while its results are "
                    "used");
}

/// Claims the connection for the calling thread until the end of the scope; throws
/// quarry::usage_error when another thread holds it. Nested scopes of the same thread are free.
class [[nodiscard]] use_scope {
 public:
  use_scope() noexcept = default;
  explicit use_scope(connection_core& c) {
    if (!claim(c)) [[unlikely]]
      throw_concurrent_use();
  }
  /// The noexcept form (for destructors): whether the connection could be claimed.
  struct try_tag {};
  use_scope(connection_core& c, try_tag) noexcept { ok_ = claim(c); }
  use_scope(const use_scope&) = delete;
  use_scope& operator=(const use_scope&) = delete;
  ~use_scope() {
    if (core_) core_->user.store(nullptr, std::memory_order_release);
  }
  bool ok() const noexcept { return ok_; }

 private:
  bool claim(connection_core& c) noexcept {
    const void* me = this_thread_tag();
    // Only this thread can have stored `me`, so a relaxed load tells whether it is inside already.
    if (c.user.load(std::memory_order_relaxed) == me) return true;
    const void* none = nullptr;
    if (!c.user.compare_exchange_strong(none, me, std::memory_order_acquire, std::memory_order_relaxed)) return false;
    core_ = &c;
    return true;
  }
  connection_core* core_ = nullptr;  // set when this scope claimed the connection (not nested)
  bool ok_ = true;
};

}  // namespace quarry::detail
