#pragma once
/// \file quarry/expr/kind_check.hpp
/// The compile-time check that two SQL kinds can be compared, with messages that name both.
///
/// A static_assert message must be a string literal, so the kinds reach the diagnostic in two
/// ways: the condition is `kinds_comparable<L, R>::value`, which both compilers print with its
/// arguments (g++: "note: 'kinds_comparable<quarry::sql_kind::timestamp, quarry::sql_kind::date>
/// ::value' evaluates to false"; clang: "static_assert failed due to requirement
/// 'quarry::detail::kinds_comparable<...>::value'"), and check_comparable picks a message per
/// family of pairs (timestamp/date, text/number, boolean/number) that spells them out.

#include "quarry/core/value_traits.hpp"

namespace quarry::detail {

/// True when values of kinds L and R may be compared (same kind, or two numeric kinds).
/// (Its own `value`, not std::bool_constant's: g++ would print the base class in its note.)
template <sql_kind L, sql_kind R>
struct kinds_comparable {
  static constexpr bool value = comparable(L, R);
};

/// Fails to compile, naming both kinds and the fix, when L and R cannot be compared; true
/// otherwise, so a class can check it in a static_assert of its own.
template <sql_kind L, sql_kind R>
constexpr bool check_comparable() {
  constexpr bool number_l = is_numeric(L);
  constexpr bool number_r = is_numeric(R);
  if constexpr (L == sql_kind::timestamp && R == sql_kind::date) {
    static_assert(kinds_comparable<L, R>::value,
                  "quarry: cannot compare a timestamp with a date; compare with a quarry::timestamp "
                  "value, or convert one side: quarry::cast<quarry::timestamp>(date) or "
                  "quarry::cast<quarry::date>(timestamp)");
  } else if constexpr (L == sql_kind::date && R == sql_kind::timestamp) {
    static_assert(kinds_comparable<L, R>::value,
                  "quarry: cannot compare a date with a timestamp; compare with a quarry::date "
                  "value, or convert one side: quarry::cast<quarry::date>(timestamp) or "
                  "quarry::cast<quarry::timestamp>(date)");
  } else if constexpr (L == sql_kind::text && number_r) {
    static_assert(kinds_comparable<L, R>::value,
                  "quarry: cannot compare text with a number (an integer, real or decimal: see "
                  "kinds_comparable<left, right>); compare with a string, or convert one side with "
                  "quarry::cast<T>(...)");
  } else if constexpr (number_l && R == sql_kind::text) {
    static_assert(kinds_comparable<L, R>::value,
                  "quarry: cannot compare a number (an integer, real or decimal: see "
                  "kinds_comparable<left, right>) with text; compare with a number (5, not \"5\"), "
                  "or convert one side with quarry::cast<T>(...)");
  } else if constexpr (L == sql_kind::boolean && number_r) {
    static_assert(kinds_comparable<L, R>::value,
                  "quarry: cannot compare a boolean with a number; SQL booleans are not integers: "
                  "compare with true or false");
  } else if constexpr (number_l && R == sql_kind::boolean) {
    static_assert(kinds_comparable<L, R>::value,
                  "quarry: cannot compare a number with a boolean; SQL booleans are not integers: "
                  "compare a boolean with true or false, a number with a number");
  } else {
    static_assert(kinds_comparable<L, R>::value,
                  "quarry: cannot compare values of incompatible SQL kinds (the two kinds are the "
                  "arguments of kinds_comparable<left, right>); compare with a value of the same "
                  "kind, or convert one side with quarry::cast<T>(...)");
  }
  return true;
}

}  // namespace quarry::detail
