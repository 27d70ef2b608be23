#pragma once
/// \file quarry/tx/state.hpp
/// The per-connection bookkeeping of quarry transactions (nesting depth, savepoint names, a
/// conflict seen by a nested scope). Every connection holds one; see quarry/tx/transaction.hpp.

#include <exception>

namespace quarry::detail {

struct tx_state {
  /// Open transaction scopes on this connection: 0 none, 1 the outermost, > 1 savepoints.
  int depth = 0;
  /// Savepoint names handed out ("quarry_sp_<n>"); unique per connection.
  unsigned long savepoints = 0;
  /// A transaction_conflict that a nested scope let through: the outermost scope cannot commit.
  std::exception_ptr doomed{};
};

}  // namespace quarry::detail
