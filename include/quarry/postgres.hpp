#pragma once
/// \file quarry/postgres.hpp
/// quarry with the PostgreSQL backend: `quarry::postgres::connection`. Link libpq
/// (CMake target quarry::postgres). See docs/postgres.md.
///
/// Features with their own header, included where they are used (each costs build time in
/// every translation unit that includes it; docs/benchmarks.md, "Build cost"):
///   quarry/orm.hpp       relations and eager loading (`db.load(select(t).with(...))`)
///   quarry/page.hpp      keyset pagination
///   quarry/dynamic.hpp   dynamic queries (`db.dynamic(q)`)
///   quarry/diag.hpp      query_counter and repeated_statement_guard

#include "quarry/quarry.hpp"
#include "quarry/backend/connection_base.hpp"
#include "quarry/backend/postgres/connection.hpp"
#include "quarry/backend/postgres/error.hpp"
#include "quarry/backend/postgres/oid.hpp"
#include "quarry/backend/postgres/options.hpp"
#include "quarry/backend/postgres/statement.hpp"
