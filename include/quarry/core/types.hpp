#pragma once
/// \file quarry/core/types.hpp
/// Vocabulary types for SQL values that have no single standard C++ spelling.

#include <cstddef>
#include <vector>

#include "quarry/core/detail/std_chrono.hpp"

namespace quarry {

/// A point in time, UTC, microsecond precision (PostgreSQL's precision). Finer time points do not
/// convert implicitly: use std::chrono::floor<std::chrono::microseconds>(tp) to say you mean it.
using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

/// A calendar date.
using date = std::chrono::sys_days;

/// Binary data (SQLite BLOB, PostgreSQL bytea). Zero bytes are data, not terminators.
using bytes = std::vector<std::byte>;

}  // namespace quarry
