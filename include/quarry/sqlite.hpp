#pragma once
/// \file quarry/sqlite.hpp
/// quarry with the SQLite backend: `quarry::sqlite::connection`. Link SQLite::SQLite3
/// (CMake target quarry::sqlite).
///
/// Features with their own header, included where they are used (each costs build time in
/// every translation unit that includes it; docs/benchmarks.md, "Build cost"):
///   quarry/orm.hpp       relations and eager loading (`db.load(select(t).with(...))`)
///   quarry/page.hpp      keyset pagination
///   quarry/dynamic.hpp   dynamic queries (`db.dynamic(q)`)
///   quarry/diag.hpp      query_counter and repeated_statement_guard

#include "quarry/quarry.hpp"
#include "quarry/backend/connection_base.hpp"
#include "quarry/backend/sqlite/connection.hpp"
#include "quarry/backend/sqlite/error.hpp"
#include "quarry/backend/sqlite/options.hpp"
#include "quarry/backend/sqlite/statement.hpp"
