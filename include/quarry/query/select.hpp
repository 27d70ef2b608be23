#pragma once
/// \file quarry/query/select.hpp
/// SELECT statements: `select(exprs...)` returns rows as std::tuple, `select(table)` returns the
/// table's row struct.
///
///     auto q = quarry::select(users.id, users.email)
///                  .from(users)
///                  .where(users.city == "Paris" && users.id > 10)
///                  .order_by(users.email.asc())
///                  .limit(20);
///     for (auto [id, email] : db.query(q)) { ... }

#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/order.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
namespace detail {

/// Result type of expression E in a statement whose outer-join side is Nullable.
template <class E, class Nullable>
struct result_type {
  using T = typename E::value_type;
  static constexpr bool on_nullable_side =
      []<class... X>(type_list<X...>) { return (contains_v<Nullable, X> || ...); }(typename E::tables{});
  using type = std::conditional_t<on_nullable_side && !is_optional_v<T>, std::optional<T>, T>;
};

template <class... E>
struct select_list {
  using tables = merged_tables<E...>;
  static constexpr unsigned flags = (0u | ... | E::flags);
  std::tuple<E...> exprs;
  template <class Nullable>
  using row_type = std::tuple<typename result_type<E, Nullable>::type...>;
  template <class Ctx>
  void render(Ctx& c) const {
    render_comma_list(c, exprs);
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, exprs);
  }
};

/// Every column of D, in field order; the row type is D's struct.
template <class D>
struct whole_row {
  using tables = type_list<typename D::table_tag>;
  static constexpr unsigned flags = f_bare_column;
  template <class Nullable>
  using row_type = typename D::row_type;
  template <class Ctx>
  void render(Ctx& c) const {
    bool first = true;
    [&]<class... C>(type_list<C...>) {
      ((c.text(first ? "" : ", "), first = false, C{}.render(c)), ...);
    }(columns_of<D>{});
  }
  template <class B>
  void bind(B&) const {}
};

template <class Fields, class From, class Where, class Order, class Limit, class Offset>
struct select_stmt {
  using fields_type = Fields;
  using from_type = From;
  Fields fields;
  From from_;
  Where where_;
  Order order_;
  Limit limit_;
  Offset offset_;

  /// FROM table.
  template <class D>
  constexpr auto from(const D&) const {
    static_assert(is_none_v<From>, "quarry: from() is already given (select(table) implies FROM table)");
    static_assert(table_descriptor<D>, "quarry: from() takes a table descriptor");
    static_assert(descriptor_traits<D>::valid);
    return select_stmt<Fields, from_table<D>, Where, Order, Limit, Offset>{fields, {}, where_, order_, limit_, offset_};
  }

  /// WHERE condition. Every column must belong to a table in FROM; no aggregates.
  template <class C>
  constexpr auto where(C&& cond) const {
    using X = std::remove_cvref_t<C>;
    static_assert(!is_none_v<From>, "quarry: call from() before where()");
    static_assert(is_none_v<Where>, "quarry: where() is already given; combine conditions with &&");
    check_where_condition<X>();
    static_assert(is_subset_v<typename X::tables, typename From::sources>,
                  "quarry: where() uses a column whose table is not in FROM or JOIN; add the table "
                  "with .from() or .join()");
    return select_stmt<Fields, From, where_clause<X>, Order, Limit, Offset>{
        fields, from_, where_clause<X>{std::forward<C>(cond)}, order_, limit_, offset_};
  }

  /// ORDER BY keys (`col`, `col.asc()`, `col.desc(quarry::nulls_last)`).
  template <class... K>
  constexpr auto order_by(K&&... keys) const {
    static_assert(sizeof...(K) > 0, "quarry: order_by() needs at least one key");
    static_assert(is_none_v<Order>, "quarry: order_by() is already given; pass all keys in one call");
    using O = order_clause<decltype(to_order_key(std::forward<K>(keys)))...>;
    static_assert(!is_none_v<From>, "quarry: call from() before order_by()");
    static_assert(is_subset_v<typename O::tables, typename From::sources>,
                  "quarry: order_by() uses a column whose table is not in FROM or JOIN");
    return select_stmt<Fields, From, Where, O, Limit, Offset>{
        fields, from_, where_, O{{to_order_key(std::forward<K>(keys))...}}, limit_, offset_};
  }

  /// LIMIT n (a bound parameter).
  constexpr auto limit(std::int64_t n) const {
    static_assert(is_none_v<Limit>, "quarry: limit() is already given");
    return select_stmt<Fields, From, Where, Order, limit_clause, Offset>{fields, from_, where_, order_, {n}, offset_};
  }
  /// OFFSET n (a bound parameter). Deep pages cost O(n): prefer keyset pagination.
  constexpr auto offset(std::int64_t n) const {
    static_assert(is_none_v<Offset>, "quarry: offset() is already given");
    return select_stmt<Fields, From, Where, Order, Limit, offset_clause>{fields, from_, where_, order_, limit_, {n}};
  }

  // ---- used by rendering and execution ----
  template <class Ctx>
  void render(Ctx& c) const {
    validate();
    c.text("SELECT ");
    fields.render(c);
    from_.render(c);
    where_.render(c);
    order_.render(c);
    render_limit_offset<Ctx, Limit, Offset>(c);
  }
  template <class B>
  void bind(B& b) const {
    fields.bind(b);
    where_.bind(b);
    order_.bind(b);
    bind_limit_offset(b, limit_, offset_);
  }

  static constexpr void validate() {
    static_assert(!is_none_v<From>, "quarry: this select() has no from(table)");
    if constexpr (!is_none_v<From>) {
      static_assert(is_subset_v<typename Fields::tables, typename From::sources>,
                    "quarry: a selected column's table is not in FROM or JOIN; add the table with "
                    ".from() or .join()");
      if constexpr (!is_none_v<Where>) {
        static_assert(null_checks_ok<typename From::sources, typename From::nullable_tables,
                                     typename Where::null_checks>::value,
                      "quarry: is_null()/is_not_null() on an expression that can never be NULL (a NOT "
                      "NULL column outside an outer join); the test is constant");
      }
    }
  }
  using row_type = typename Fields::template row_type<nullable_tables_of<From>>;
};

}  // namespace detail

/// SELECT of expressions; rows are std::tuple of the expressions' types.
template <class... E>
  requires(sizeof...(E) > 0 && (detail::expression<std::remove_cvref_t<E>> && ...))
constexpr auto select(E&&... e) {
  using L = detail::select_list<std::remove_cvref_t<E>...>;
  return detail::select_stmt<L, detail::none, detail::none, detail::none, detail::none, detail::none>{
      L{{std::forward<E>(e)...}}, {}, {}, {}, {}, {}};
}

/// SELECT every column of a table FROM that table; rows are the table's row struct.
template <table_descriptor D>
constexpr auto select(const D&) {
  static_assert(detail::descriptor_traits<D>::valid);
  return detail::select_stmt<detail::whole_row<D>, detail::from_table<D>, detail::none, detail::none,
                             detail::none, detail::none>{{}, {}, {}, {}, {}, {}};
}

}  // namespace quarry
