// The database-independent code of quarry compiled once (QUARRY_SEPARATE_COMPILATION; see
// quarry/core/config.hpp and docs/building.md, "Separate compilation"): the error classes (their
// destructors are the key functions, so vtables and type information live here) and the error
// messages of reading and binding. CMake target quarry::core_compiled.
#ifndef QUARRY_SEPARATE_COMPILATION
#error "build src/core.cpp with QUARRY_SEPARATE_COMPILATION defined (the CMake target quarry::core_compiled does)"
#endif
#define QUARRY_SOURCE_CORE
#include "quarry/backend/binding.hpp"
#include "quarry/core/error.hpp"
