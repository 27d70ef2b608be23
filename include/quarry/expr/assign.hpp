#pragma once
/// \file quarry/expr/assign.hpp
/// `column = value` inside set(): the value must convert to the column's C++ type without
/// narrowing (std::int16_t{5}, not 5 for a smallint), NULL only into nullable columns.

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

template <class C, class V>
constexpr auto make_assignment(const C&, V&& v) {
  using T = typename C::value_type;
  if constexpr (expression<std::remove_cvref_t<V>>) {
    using E = std::remove_cvref_t<V>;
    static_assert(kinds_comparable<kind_of<T>, kind_of<typename E::value_type>>::value,
                  "quarry: set() assigns an expression of an incompatible SQL type to this column "
                  "(the kinds are the arguments of kinds_comparable<column, value>); assign an "
                  "expression of the column's kind, or convert it with quarry::cast<T>(...)");
    static_assert(is_optional_v<T> || !is_optional_v<typename E::value_type>,
                  "quarry: set() assigns a nullable expression to a NOT NULL column");
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
