// The main() of every quarry test executable (library quarry_catch_main).
#if __has_include(<catch2/catch_all.hpp>)
// Catch2 v3 has no CATCH_CONFIG_MAIN: run the session ourselves.
#include <catch2/catch_session.hpp>
int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
#else
#define CATCH_CONFIG_MAIN
#include "catch.hpp"
#endif
