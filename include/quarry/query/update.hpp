#pragma once
/// \file quarry/query/update.hpp
/// UPDATE statements. Without where() an UPDATE does not compile unless it says .all_rows().
///
///     quarry::update(users).set(users.city = "Lyon").where(users.id == 7)

#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/expr/assign.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/returning.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
namespace detail {

struct all_rows_t {};

template <class... A>
constexpr bool columns_distinct() {
  using L = type_list<typename A::column_type...>;
  return []<class... C>(type_list<C...>) {
    constexpr std::size_t idx[] = {index_of<L, C>::value..., 0};
    for (std::size_t i = 0; i < sizeof...(C); ++i)
      if (idx[i] != i) return false;  // index_of finds the first occurrence
    return true;
  }(L{});
}

/// The value of each assignment reads only the tables in Allowed: the updated table for UPDATE
/// and DO UPDATE, none for INSERT ... VALUES.
template <class Allowed, class... A>
constexpr bool set_values_read_only() {
  return (is_subset_v<typename A::value_node::tables, Allowed> && ...);
}

template <class D, class Sets, class Where, class Returning = none>
struct update_stmt;

template <class D, class... A, class Where, class Returning>
struct update_stmt<D, type_list<A...>, Where, Returning> : returning_traits<Returning> {
  using descriptor = D;
  pack<A...> sets;
  Where where_;
  Returning returning_;

  /// RETURNING expressions of the updated rows (run with db.query()).
  template <class... E>
  constexpr auto returning(E&&... e) const {
    static_assert(is_none_v<Returning>, "quarry: returning() is already given");
    auto r = make_returning<D>(std::forward<E>(e)...);
    return update_stmt<D, type_list<A...>, Where, decltype(r)>{{}, sets, where_, std::move(r)};
  }

  template <class C>
  constexpr auto where(C&& cond) const {
    using X = std::remove_cvref_t<C>;
    static_assert(is_none_v<Where>, "quarry: where() is already given; combine conditions with &&");
    check_where_condition<X>();
    static_assert(is_subset_v<typename X::tables, type_list<typename D::table_tag>>,
                  "quarry: where() uses a column whose table is not the updated table");
    return update_stmt<D, type_list<A...>, where_clause<X>, Returning>{{}, sets, where_clause<X>{std::forward<C>(cond)}, returning_};
  }
  /// Says the statement is meant to change every row.
  constexpr auto all_rows() const {
    static_assert(is_none_v<Where>, "quarry: all_rows() and where() exclude each other");
    return update_stmt<D, type_list<A...>, all_rows_t, Returning>{{}, sets, {}, returning_};
  }

  template <class Ctx>
  void render(Ctx& c) const {
    validate();
    c.text("UPDATE ");
    c.ident(D::table_tag::table_name);
    c.text(" SET ");
    // Only the SET targets are bare names (assignment renders them so); values stay qualified,
    // so a correlated subquery reads the updated row, not a column of its own table.
    render_comma_list(c, sets);
    if constexpr (!std::is_same_v<Where, all_rows_t>) where_.render(c);
    returning_.render(c);
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, sets);
    if constexpr (!std::is_same_v<Where, all_rows_t>) where_.bind(b);
    returning_.bind(b);
  }
  static constexpr void validate() {
    static_assert(!is_none_v<Where>,
                  "quarry: UPDATE without where() would change every row; add .where(...) or say "
                  ".all_rows()");
    if constexpr (!is_none_v<Where> && !std::is_same_v<Where, all_rows_t>) {
      static_assert(null_checks_ok<type_list<typename D::table_tag>, type_list<>, typename Where::null_checks>::value,
                    "quarry: is_null()/is_not_null() on an expression that can never be NULL (a NOT "
                    "NULL column outside an outer join); the test is constant");
    }
  }
};

template <class D>
struct update_builder {
  /// SET col = value, ... (each column at most once).
  template <class... A>
  constexpr auto set(A&&... a) const {
    static_assert(sizeof...(A) > 0, "quarry: set() needs at least one assignment");
    static_assert((is_assignment<std::remove_cvref_t<A>>::value && ...),
                  "quarry: set() takes assignments: update(t).set(t.col = value, ...)");
    static_assert(((std::is_same_v<typename std::remove_cvref_t<A>::column_type::table_tag, typename D::table_tag>) && ...),
                  "quarry: set() assigns a column of another table");
    static_assert(columns_distinct<std::remove_cvref_t<A>...>(), "quarry: set() assigns the same column twice");
    check_no_excluded<concat_t<typename std::remove_cvref_t<A>::value_node::tables...>>();
    check_placement<place::update_set, (0u | ... | std::remove_cvref_t<A>::flags)>();
    static_assert(set_values_read_only<type_list<typename D::table_tag>, std::remove_cvref_t<A>...>(),
                  "quarry: set() uses a column of another table in its value");
    return update_stmt<D, type_list<std::remove_cvref_t<A>...>, none>{{}, {{std::forward<A>(a)}...}, {}, {}};
  }
};

}  // namespace detail

/// Starts an UPDATE of table `t`.
template <table_descriptor D>
constexpr auto update(const D&) {
  static_assert(detail::descriptor_traits<D>::valid);
  return detail::update_builder<D>{};
}

}  // namespace quarry
