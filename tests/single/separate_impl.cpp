// Separate compilation with the single header: this translation unit compiles quarry's
// type-independent code once (QUARRY_SOURCE_CORE, QUARRY_SOURCE_SQLITE); separate_main.cpp only
// declares it. Both are built with QUARRY_SEPARATE_COMPILATION (tests/CMakeLists.txt).
#define QUARRY_SOURCE_CORE
#define QUARRY_SOURCE_SQLITE
#include <quarry/quarry.hpp>
