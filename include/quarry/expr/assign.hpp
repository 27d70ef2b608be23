#pragma once
/// \file quarry/expr/assign.hpp
/// `column = value` inside set(): the value must convert to the column's C++ type without
/// narrowing (std::int16_t{5}, not 5 for a smallint), NULL only into nullable columns.

#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

#include "quarry/expr/expression.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/expr/value.hpp"
#include "quarry/schema/column.hpp"

namespace quarry::detail {

/// Hands on what a bound value node binds, as the value of column C.
template <class C, class B>
struct column_binder {
  B& b;
  template <class T>
  void operator()(const T& x) {
    bind_field<C>(b, x);
  }
};

template <class C, class V>
struct assignment {
  using column_type = C;
  using value_node = V;
  using tables = concat_t<typename C::tables, typename V::tables>;
  static constexpr unsigned flags = V::flags;
  V v;
  template <class Ctx>
  void render(Ctx& c) const {
    c.ident(C::name);
    c.text(" = ");
    v.render(c);
  }
  template <class B>
  void bind(B& b) const {
    if constexpr (is_value_node<V>::value) {
      column_binder<C, B> cb{b};  // the value binds as it always does; errors can name C
      v.bind(cb);
    } else {
      v.bind(b);
    }
  }
};

template <class T, class V>
concept non_narrowing_to = requires(V&& v) { T{std::forward<V>(v)}; };

template <class E>
struct is_excluded_node : std::false_type {};  // quarry::excluded(col): query/insert.hpp

/// The one rule for storing an expression E into a column of C++ type T (`set(col = expr)`,
/// `do_update(col = expr)`, `insert_into(t).columns(col...).select(q)`): the same kinds, no
/// NULL into NOT NULL, no narrowing. Like a bound value (`std::int16_t{5}`, not `5`), an
/// expression must not lose information on the way in:
///   - a REAL into an integer column: PostgreSQL rounds it (67.5 -> 68), SQLite stores a REAL;
///   - a REAL into a decimal column: the binary fraction is not the decimal the user meant;
///   - a decimal into an integer column: rounded, as a REAL would be;
///   - a wider integer column into a narrower one (int64 into int16). Arithmetic results are
///     typed std::int64_t whatever their operands (operators.hpp), so `age = age + 1` is not
///     narrowing here: only a column copied as it is (or its excluded() value) has a known width.
template <class T, class E>
struct assignment_rule {
  using column_type = strip_optional_t<T>;
  using value_type = strip_optional_t<typename E::value_type>;
  static constexpr sql_kind to = kind_of<T>;
  static constexpr sql_kind from = kind_of<typename E::value_type>;
  static constexpr bool kinds_ok = kinds_comparable<to, from>::value;
  static constexpr bool null_ok = is_optional_v<T> || !is_optional_v<typename E::value_type>;
  static constexpr bool real_ok = !(from == sql_kind::real && (to == sql_kind::integer || to == sql_kind::decimal)) &&
                                  !(from == sql_kind::decimal && to == sql_kind::integer);
  static constexpr bool width_ok = [] {
    if constexpr (to == sql_kind::integer && from == sql_kind::integer &&
                  (is_column<E>::value || is_excluded_node<E>::value)) {
      using LT = std::numeric_limits<column_type>;
      using LV = std::numeric_limits<value_type>;
      return (LV::is_signed ? static_cast<long double>(LV::min()) >= static_cast<long double>(LT::min())
                            : true) &&
             static_cast<long double>(LV::max()) <= static_cast<long double>(LT::max());
    } else {
      return true;
    }
  }();
};

template <class C, class V>
constexpr auto make_assignment(const C&, V&& v) {
  using T = typename C::value_type;
  if constexpr (expression<std::remove_cvref_t<V>>) {
    using E = std::remove_cvref_t<V>;
    using rule = assignment_rule<T, E>;
    static_assert(kinds_comparable<kind_of<T>, kind_of<typename E::value_type>>::value,
                  "quarry: set() assigns an expression of an incompatible SQL type to this column "
                  "(the kinds are the arguments of kinds_comparable<column, value>); assign an "
                  "expression of the column's kind, or convert it with quarry::cast<T>(...)");
    static_assert(rule::null_ok, "quarry: set() assigns a nullable expression to a NOT NULL column");
    static_assert(!rule::kinds_ok || rule::real_ok,
                  "quarry: set() assigns a REAL expression to an integer or decimal column (or a decimal "
                  "one to an integer column), which narrows it (PostgreSQL rounds 67.5 to 68); convert it "
                  "explicitly with quarry::cast<T>(...), or declare the field double");
    static_assert(rule::width_ok,
                  "quarry: set() assigns a column of a wider integer type to a narrower integer column "
                  "(e.g. std::int64_t into std::int16_t); convert it with quarry::cast<T>(...), or "
                  "widen the field");
    static_assert(is_value_node<E>::value || compatible_storage(storage_of<E>(), C::storage),
                  "quarry: set() assigns an expression stored in another SQLite form than the column "
                  "(sqlite_as<> / numeric<P, S>); the value would be written in the wrong form");
    auto x = adopt<C::storage>(std::forward<V>(v));
    return assignment<C, decltype(x)>{std::move(x)};
  } else {
    static_assert(non_narrowing_to<T, V>,
                  "quarry: set() assigns a value that does not convert to the column's C++ type "
                  "without narrowing (wrong type, NULL into a NOT NULL column, or e.g. int into "
                  "std::int16_t: write std::int16_t{5})");
    if constexpr (binds_stored_v<C>) {
      using S = stored_value<T, C::storage, C>;
      return assignment<C, S>{S{{}, T{std::forward<V>(v)}}};
    } else {
      return assignment<C, value<T>>{value<T>{{}, T{std::forward<V>(v)}}};
    }
  }
}

template <class T>
struct is_assignment : std::false_type {};
template <class C, class V>
struct is_assignment<assignment<C, V>> : std::true_type {};

}  // namespace quarry::detail
