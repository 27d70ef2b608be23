#pragma once
/// \file quarry/core/config.hpp
/// Header-only or separately compiled (docs/building.md, "Separate compilation").
///
/// quarry is header-only by default: every function is defined in the headers (inline), so a
/// program needs nothing but the include path. The templates have to stay there, but the code
/// that does not depend on the user's types (the error classes, the SQLite connection and
/// statement, error messages) is then compiled again in every translation unit that uses it.
/// With QUARRY_SEPARATE_COMPILATION defined in every translation unit, the headers only declare
/// that code, and it is compiled once, in the library targets quarry::sqlite_compiled
/// (src/core.cpp, src/sqlite.cpp), or in one translation unit of your own that defines
/// QUARRY_SOURCE_CORE and QUARRY_SOURCE_SQLITE before including quarry (useful with the single
/// header). Define the macro the same way in all translation units of a program.
///
/// QUARRY_DECL marks those definitions: `inline` when header-only, nothing when compiled once.
/// QUARRY_DEFINE_CORE / QUARRY_DEFINE_SQLITE say whether this translation unit defines them.

#ifdef QUARRY_SEPARATE_COMPILATION
#define QUARRY_DECL
#ifdef QUARRY_SOURCE_CORE
#define QUARRY_DEFINE_CORE 1
#else
#define QUARRY_DEFINE_CORE 0
#endif
#ifdef QUARRY_SOURCE_SQLITE
#define QUARRY_DEFINE_SQLITE 1
#else
#define QUARRY_DEFINE_SQLITE 0
#endif
/// In a class derived from quarry::error: its destructor, defined in src/core.cpp, is the key
/// function, so the class's vtable and type information are emitted there only.
#define QUARRY_KEY_FUNCTION(T) ~T() override;
#else
#define QUARRY_DECL inline
#define QUARRY_DEFINE_CORE 1
#define QUARRY_DEFINE_SQLITE 1
#define QUARRY_KEY_FUNCTION(T)
#endif

/// Marks a parameter that the returned object keeps a reference to, so that clang warns when it
/// is given a temporary (-Wdangling). Empty for compilers without the attribute.
#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::lifetimebound)
#define QUARRY_LIFETIMEBOUND [[clang::lifetimebound]]
#endif
#endif
#ifndef QUARRY_LIFETIMEBOUND
#define QUARRY_LIFETIMEBOUND
#endif
