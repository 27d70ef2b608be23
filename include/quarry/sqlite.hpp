#pragma once
/// \file quarry/sqlite.hpp
/// quarry with the SQLite backend: `quarry::sqlite::connection`. Link SQLite::SQLite3
/// (CMake target quarry::sqlite).

#include "quarry/quarry.hpp"
#include "quarry/diag.hpp"
#include "quarry/dynamic.hpp"
#include "quarry/orm.hpp"
#include "quarry/page.hpp"
#include "quarry/backend/connection_base.hpp"
#include "quarry/backend/sqlite/connection.hpp"
#include "quarry/backend/sqlite/error.hpp"
#include "quarry/backend/sqlite/options.hpp"
#include "quarry/backend/sqlite/statement.hpp"
