#pragma once
/// \file quarry/postgres.hpp
/// quarry with the PostgreSQL backend: `quarry::postgres::connection`. Link libpq
/// (CMake target quarry::postgres). See docs/postgres.md.

#include "quarry/quarry.hpp"
#include "quarry/diag.hpp"
#include "quarry/dynamic.hpp"
#include "quarry/orm.hpp"
#include "quarry/page.hpp"
#include "quarry/backend/connection_base.hpp"
#include "quarry/backend/postgres/connection.hpp"
#include "quarry/backend/postgres/error.hpp"
#include "quarry/backend/postgres/oid.hpp"
#include "quarry/backend/postgres/options.hpp"
#include "quarry/backend/postgres/statement.hpp"
