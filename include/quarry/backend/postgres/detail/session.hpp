#pragma once
/// \file quarry/backend/postgres/detail/session.hpp
/// What a connection shares with its statements: the libpq handle, the prepare mode, the name
/// counter for named statements and the row count of the last data-changing command.

#include <libpq-fe.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "quarry/backend/postgres/options.hpp"

namespace quarry::postgres::detail {

struct session {
  PGconn* conn = nullptr;
  prepare_mode mode = prepare_mode::named;
  /// Rows changed by the last completed INSERT, UPDATE, DELETE, MERGE or COPY.
  std::int64_t changes = 0;
  /// Names handed out so far ("quarry_1", "quarry_2", ...); unique per connection.
  std::uint64_t names = 0;

  /// Keeps the row count of a data-changing command (like sqlite3_changes(), SELECT leaves it).
  void record(const PGresult* r) noexcept {
    std::string_view tag = PQcmdStatus(const_cast<PGresult*>(r));
    for (std::string_view verb : {"INSERT ", "UPDATE ", "DELETE ", "MERGE ", "COPY "}) {
      if (tag.substr(0, verb.size()) == verb) {
        changes = std::strtoll(PQcmdTuples(const_cast<PGresult*>(r)), nullptr, 10);
        return;
      }
    }
  }
};

}  // namespace quarry::postgres::detail
