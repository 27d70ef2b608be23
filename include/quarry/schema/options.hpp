#pragma once
/// \file quarry/schema/options.hpp
/// Column options for descriptors: `column<&User::id, "id", quarry::primary_key, quarry::identity>`.
/// NOT NULL is not an option: it follows from the field's type (std::optional<T> is nullable).

#include <cstdint>
#include <type_traits>

#include "quarry/core/collation.hpp"
#include "quarry/core/fixed_string.hpp"
#include "quarry/core/storage.hpp"

namespace quarry {

/// Part of the primary key (several columns with it form a composite key).
struct primary_key {};
/// A database-generated 64-bit id (SQLite rowid alias, PostgreSQL identity). Implies
/// primary_key; `insert()` leaves it out and returns the generated value.
struct identity {};
/// UNIQUE constraint on this column.
struct unique {};
/// DEFAULT <integer>.
template <std::int64_t V>
struct default_value {};
/// DEFAULT '<text>' (quoted and escaped as an SQL string literal).
template <fixed_string Text>
struct default_text {};
/// DEFAULT <sql expression>, written by the schema author, e.g. `default_sql<"CURRENT_TIMESTAMP">`.
template <fixed_string Sql>
struct default_sql {};
/// CHECK (<sql expression>), written by the schema author, e.g. `check<"score >= 0">`.
template <fixed_string Sql>
struct check {};

/// Referential action for ON DELETE / ON UPDATE.
enum class fk_action { no_action, restrict_, cascade, set_null, set_default };

/// FOREIGN KEY: `references<&users_t::id, fk_action::cascade>` (ON DELETE, then ON UPDATE).
/// The referenced column must be a primary key or unique, of the same type (checked).
template <auto Column, fk_action OnDelete = fk_action::no_action, fk_action OnUpdate = fk_action::no_action>
struct references {
  static constexpr auto column = Column;
  static constexpr fk_action on_delete = OnDelete;
  static constexpr fk_action on_update = OnUpdate;
};

/// NUMERIC(P, S) for a quarry::decimal column: at most P digits, S of them after the point.
/// PostgreSQL declares NUMERIC(P,S); SQLite stores the value exactly as an INTEGER count of
/// 10^-S units when P <= 18, so SQL compares, orders and sums it numerically. A value with more
/// than S fraction digits is refused when it is stored (PostgreSQL would round it).
template <int P, int S>
struct numeric {
  static_assert(P >= 1 && P <= 1000, "quarry: numeric<P, S> needs a precision P between 1 and 1000");
  static_assert(S >= 0 && S <= P, "quarry: numeric<P, S> needs a scale S between 0 and P");
  static constexpr int precision = P;
  static constexpr int scale = S;
};

/// How a timestamp, date or decimal column is stored on SQLite, for databases quarry did not
/// create: `quarry::sqlite_as<quarry::sqlite_storage::unix_seconds>`. Binding, comparisons and
/// reading use that form; PostgreSQL ignores it (docs/sqlite.md, "Storage forms").
template <sqlite_storage S>
struct sqlite_as {
  static constexpr sqlite_storage form = S;
};

namespace detail {
template <class O>
struct option_kind {
  static constexpr int value = 0;
};
template <std::int64_t V>
struct option_kind<default_value<V>> {
  static constexpr int value = 1;
};
template <fixed_string T>
struct option_kind<default_text<T>> {
  static constexpr int value = 2;
};
template <fixed_string S>
struct option_kind<default_sql<S>> {
  static constexpr int value = 3;
};
template <fixed_string S>
struct option_kind<check<S>> {
  static constexpr int value = 4;
};
template <auto C, fk_action D, fk_action U>
struct option_kind<references<C, D, U>> {
  static constexpr int value = 5;
};

template <int P, int S>
struct option_kind<numeric<P, S>> {
  static constexpr int value = 6;
};
template <sqlite_storage S>
struct option_kind<sqlite_as<S>> {
  static constexpr int value = 7;
};

template <class C>
struct option_kind<collate<C>> {
  static constexpr int value = 8;
};

template <class O>
inline constexpr bool is_default_option_v = option_kind<O>::value >= 1 && option_kind<O>::value <= 3;
template <class O>
inline constexpr bool is_references_v = option_kind<O>::value == 5;
template <class O>
inline constexpr bool is_check_v = option_kind<O>::value == 4;
template <class O>
inline constexpr bool is_collate_option_v = option_kind<O>::value == 8;
template <class O>
inline constexpr bool is_known_option_v =
    option_kind<O>::value != 0 || std::is_same_v<O, primary_key> || std::is_same_v<O, identity> ||
    std::is_same_v<O, unique>;
}  // namespace detail

}  // namespace quarry
