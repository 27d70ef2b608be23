#pragma once
/// \file quarry/expr/storage.hpp
/// Stored forms in expressions (core/storage.hpp): which form an expression's values have on
/// SQLite, and bound values that take the form of the column they meet.
///
///     events.at > t0          // events.at is sqlite_as<unix_seconds>: t0 is bound as INTEGER
///
/// A column says its form (`C::storage`); nodes that pass values through unchanged (MIN, MAX,
/// SUM, COALESCE, a scalar subquery, a derived table's column, …) say their operand's. A value
/// next to such an expression adopts the form (`adopt<F>`), so it is bound as the column stores
/// it. Any other node over a column with a custom form (flag f_stored) has no known form, and
/// storage_of<E>() refuses it at compile time rather than bind or read it in the wrong form.

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "quarry/core/storage.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/collate.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/value.hpp"

namespace quarry::detail {

/// Whether values of kind k have more than one stored form on SQLite.
constexpr bool has_storage_forms(sql_kind k) noexcept {
  return k == sql_kind::timestamp || k == sql_kind::date || k == sql_kind::decimal;
}

/// quarry's default form for a kind.
constexpr storage_format default_storage(sql_kind k) noexcept {
  if (k == sql_kind::timestamp || k == sql_kind::date) return {sqlite_storage::iso_text, 0, 0};
  if (k == sql_kind::decimal) return {sqlite_storage::decimal_text, 0, 0};
  return {};
}

template <class E>
inline constexpr bool has_storage_member_v = requires { E::storage; };

/// The stored form of expression E's values.
template <class E>
constexpr storage_format storage_of() {
  using T = strip_optional_t<typename E::value_type>;
  if constexpr (has_storage_member_v<E>) {
    return E::storage;
  } else if constexpr (has_storage_forms(kind_of<T>)) {
    static_assert(!(E::flags & f_stored),
                  "quarry: this expression is built on a column with a non-default SQLite storage form "
                  "(sqlite_as<> or numeric<P, S>) by a function quarry cannot carry that form through; "
                  "compare, order or select the column itself (docs/sqlite.md, storage forms)");
    return default_storage(kind_of<T>);
  } else {
    return {};
  }
}

/// Whether values stored in forms a and b compare correctly with each other in SQL: the same
/// form and, for scaled decimals, the same scale (the precision does not matter).
constexpr bool compatible_storage(storage_format a, storage_format b) noexcept {
  auto normal = [](sqlite_storage s) {
    return s == sqlite_storage::iso_text || s == sqlite_storage::decimal_text ? sqlite_storage::native : s;
  };
  return normal(a.form) == normal(b.form) && (a.form != sqlite_storage::decimal_scaled || a.scale == b.scale);
}

/// A stored value handed to the binder: the value and the form to bind it in.
template <class V>
struct stored_ref {
  const V* v;
  storage_format storage;
  bool store = false;  // written into the column (INSERT, SET): numeric<P, S> must hold it exactly
  std::string_view table{}, column{};  // the column written, for messages
};

/// Whether values written into column C go through stored_ref: a custom form, or a declared
/// numeric<P, S> that the binder checks on every backend (PostgreSQL would round silently).
template <class C>
inline constexpr bool binds_stored_v = is_custom_form(C::storage.form) || C::storage.precision > 0;

/// A bound value that takes the stored form of the expression it meets; Col (a column type, or
/// void) is the column it is written into by SET.
template <class V, storage_format F, class Col = void>
struct stored_value : expr_ops<stored_value<V, F, Col>> {
  using value_type = V;
  using tables = type_list<>;
  static constexpr unsigned flags = f_value;
  static constexpr storage_format storage = F;
  V v;

  template <class Ctx>
  void render(Ctx& c) const {
    c.param();
  }
  template <class B>
  void bind(B& b) const {
    if constexpr (std::is_void_v<Col>) {
      b(stored_ref<V>{&v, F});
    } else {
      b(stored_ref<V>{&v, F, true, Col::table_tag::table_name, Col::name});
    }
  }
};

template <class V>
struct is_value_node;
template <class V, storage_format F, class C>
struct is_value_node<stored_value<V, F, C>> : std::true_type {};

/// `x` itself, or, when `x` is a bound value and F a custom form, the value in form F.
template <storage_format F, class X>
constexpr auto adopt(X&& x) {
  using N = std::remove_cvref_t<X>;
  if constexpr (is_custom_form(F.form) && is_value_node<N>::value && !has_storage_member_v<N>) {
    return stored_value<typename N::value_type, F>{{}, std::forward<X>(x).v};
  } else {
    return N(std::forward<X>(x));
  }
}

/// The form of the first operand that is not a bound value (the form values adopt), or the
/// default form of the kind when all are values.
template <class... E>
constexpr storage_format common_storage() {
  storage_format f{};
  bool found = false;
  ((!found && !is_value_node<E>::value ? (f = storage_of<E>(), found = true) : false), ...);
  return f;
}
/// Whether every operand that is not a bound value has the same stored form.
template <class... E>
constexpr bool storages_agree() {
  constexpr storage_format f = common_storage<E...>();
  return ((is_value_node<E>::value || compatible_storage(storage_of<E>(), f)) && ...);
}

/// Whether E is a decimal stored as TEXT on SQLite (a quarry::decimal column without
/// numeric<P, S>, or MIN/MAX/COALESCE of one): SQLite compares such values as text.
template <class E>
constexpr bool is_text_decimal() {
  if constexpr (is_value_node<E>::value) {
    return false;
  } else {
    return kind_of<typename E::value_type> == sql_kind::decimal && storage_of<E>().form == sqlite_storage::decimal_text;
  }
}

/// The rules for operands that SQLite compares (comparisons, ORDER BY, GROUP BY, aggregates),
/// checked when the statement is rendered for SQLite:
///  - decimals stored as TEXT would compare as text;
///  - a collation below the operand's top node (`lower(x.collate<C>())`) is ignored by SQLite,
///    which takes collations from the operand itself only (PostgreSQL carries it through).
template <class Ctx, class... E>
constexpr void check_text_decimals() {
  if constexpr (Ctx::dialect::storage_forms) {
    static_assert(!(buried_collation_v<E> || ...),
                  "quarry: SQLite ignores a collation inside a function, aggregate or arithmetic when it "
                  "compares, orders or groups the result; put .collate<C>() on the whole operand "
                  "(lower(x).collate<C>(), max(x).collate<C>())");
    static_assert(!(is_text_decimal<E>() || ...),
                  "quarry: on SQLite a quarry::decimal column without numeric<P, S> is stored as TEXT, which "
                  "compares, orders, groups and aggregates as text ('9.50' > '100.00'); declare "
                  "quarry::numeric<P, S> (exact, a scaled INTEGER) or sqlite_as<decimal_real> for an existing "
                  "NUMERIC/REAL column");
  }
}

/// Binds `v` as the value of column C (a row's field in INSERT VALUES or an UPDATE of a row
/// object, a set() value): in C's stored form, and through a binder that can name C in errors
/// (detail::binder::column_value) when there is one.
template <class C, class B, class V>
void bind_field(B& b, const V& v) {
  if constexpr (requires { b.template column_value<C>(v); }) {
    b.template column_value<C>(v);
  } else if constexpr (binds_stored_v<C> && !requires { v.storage; v.v; }) {
    b(stored_ref<V>{&v, C::storage, true, C::table_tag::table_name, C::name});
  } else {
    b(v);
  }
}

}  // namespace quarry::detail
