#pragma once
/// \file quarry/core/collation.hpp
/// Collations: how text is compared and ordered. Used on expressions
/// (`users.name.collate<quarry::nocase>()`) and as a column option
/// (`column<&User::name, "name", quarry::collate<quarry::nocase>>`). Each collation says on which
/// database it exists, so naming one the statement's database lacks is a compile error when the
/// statement is rendered for that database. See docs/queries.md, "COLLATE".
///
///   quarry::nocase, quarry::rtrim, quarry::binary   SQLite's built-in collations (NOCASE, RTRIM, BINARY)
///   quarry::sqlite_collation<"name">                 one the application registered with
///                                                    sqlite3_create_collation() (rendered quoted)
///   quarry::pg_collation<"und-x-icu">                a PostgreSQL collation (pg_collation.collname, quoted)
///   quarry::bytewise                                 byte order on both: SQLite BINARY, PostgreSQL "C"

#include <concepts>
#include <string_view>
#include <type_traits>

#include "quarry/core/fixed_string.hpp"

namespace quarry {
namespace detail {
/// Which database a collation exists on; also what a dialect renders (`Dialect::collations`).
enum class collation_family { sqlite, postgres, any };
}  // namespace detail

/// SQLite's NOCASE: ASCII letters compare without case (other characters as BINARY).
struct nocase {
  static constexpr detail::collation_family family = detail::collation_family::sqlite;
  static constexpr std::string_view sql = "NOCASE";
  static constexpr bool quoted = false;
};
/// SQLite's RTRIM: BINARY, ignoring trailing spaces.
struct rtrim {
  static constexpr detail::collation_family family = detail::collation_family::sqlite;
  static constexpr std::string_view sql = "RTRIM";
  static constexpr bool quoted = false;
};
/// SQLite's BINARY (its default): memcmp() of the bytes.
struct binary {
  static constexpr detail::collation_family family = detail::collation_family::sqlite;
  static constexpr std::string_view sql = "BINARY";
  static constexpr bool quoted = false;
};
/// A collation the application registered on each SQLite connection with
/// sqlite3_create_collation() (on `db.native_handle()`); rendered as a quoted name.
template <fixed_string Name>
struct sqlite_collation {
  static constexpr detail::collation_family family = detail::collation_family::sqlite;
  static constexpr std::string_view sql = Name.view();
  static constexpr bool quoted = true;
};
/// A PostgreSQL collation by its name in pg_collation, e.g. `pg_collation<"und-x-icu">`,
/// `pg_collation<"C">`; rendered as a quoted identifier.
template <fixed_string Name>
struct pg_collation {
  static constexpr detail::collation_family family = detail::collation_family::postgres;
  static constexpr std::string_view sql = Name.view();
  static constexpr bool quoted = true;
};
/// Byte order on every database: SQLite BINARY, PostgreSQL "C". Both compare the stored bytes
/// (memcmp / strcmp), which for UTF-8 text is code point order, so equality and ordering agree.
struct bytewise {
  static constexpr detail::collation_family family = detail::collation_family::any;
  static constexpr std::string_view sql = "BINARY";  // SQLite's name; PostgreSQL renders "C"
  static constexpr bool quoted = false;
};

namespace detail {
template <class C>
concept collation = requires {
  { C::family } -> std::convertible_to<collation_family>;
  { C::sql } -> std::convertible_to<std::string_view>;
};
}  // namespace detail

/// Column option: `COLLATE <c>` in CREATE TABLE, e.g. `quarry::collate<quarry::nocase>`.
template <class C>
struct collate {
  static_assert(detail::collation<C>,
                "quarry: collate<C> takes a collation: quarry::nocase, quarry::rtrim, quarry::binary, "
                "quarry::bytewise, quarry::sqlite_collation<\"name\"> or quarry::pg_collation<\"name\">");
  using collation = C;
};

namespace detail {

/// ` COLLATE <name>` for collation C in the context's dialect; a collation the dialect lacks
/// fails to compile here, i.e. when a statement using it is rendered for that database.
template <class C, class Ctx>
void render_collation(Ctx& c) {
  constexpr collation_family d = Ctx::dialect::collations;
  static_assert(!(d == collation_family::postgres && C::family == collation_family::sqlite),
                "quarry: quarry::nocase, rtrim, binary and sqlite_collation<> are SQLite collations, which "
                "PostgreSQL does not have; use quarry::pg_collation<\"name\"> (e.g. \"und-x-icu\"), or "
                "quarry::bytewise for byte order on both");
  static_assert(!(d == collation_family::sqlite && C::family == collation_family::postgres),
                "quarry: quarry::pg_collation<> names a PostgreSQL collation, which SQLite does not have; "
                "use quarry::nocase, rtrim, binary, bytewise, or sqlite_collation<\"name\"> for one the "
                "application registered");
  c.text(" COLLATE ");
  if constexpr (C::family == collation_family::any && d == collation_family::postgres) {
    c.ident("C");
  } else if constexpr (C::quoted) {
    c.ident(C::sql);
  } else {
    c.text(C::sql);
  }
}

/// The option collate<C> of a column: its collation, or void.
template <class O>
struct collate_option {
  using type = void;
};
template <class C>
struct collate_option<collate<C>> {
  using type = C;
};

}  // namespace detail
}  // namespace quarry
