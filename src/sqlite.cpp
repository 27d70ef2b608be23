// The SQLite backend's code that does not depend on the user's types, compiled once
// (QUARRY_SEPARATE_COMPILATION; see quarry/core/config.hpp and docs/building.md, "Separate
// compilation"): the connection and statement functions, error messages, and the explicit
// instantiation of connection_base and the statement cache for sqlite::connection. CMake target
// quarry::sqlite_compiled (with quarry::core_compiled).
#ifndef QUARRY_SEPARATE_COMPILATION
#error "build src/sqlite.cpp with QUARRY_SEPARATE_COMPILATION defined (the CMake target quarry::sqlite_compiled does)"
#endif
#define QUARRY_SOURCE_SQLITE
#include "quarry/sqlite.hpp"
