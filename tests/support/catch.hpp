#pragma once
/// \file tests/support/catch.hpp
/// The one Catch2 include of quarry's tests: `#include "catch.hpp"`.
/// Uses Catch2 v3 (<catch2/catch_all.hpp>) when it is installed, else Catch2 v2 (<catch2/catch.hpp>,
/// what Debian 12 ships). Tests use only the macros both versions share (TEST_CASE, SECTION,
/// REQUIRE, CHECK, REQUIRE_THROWS_AS, ...; matchers through Catch::Matchers).

#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#define QUARRY_CATCH_VERSION_MAJOR 3
#else
#include <catch2/catch.hpp>
#define QUARRY_CATCH_VERSION_MAJOR 2
#endif
