#pragma once
/// \file quarry/query/delete.hpp
/// DELETE statements. Without where() a DELETE does not compile unless it says .all_rows().
///
///     quarry::delete_from(users).where(users.id == 7)

#include <type_traits>
#include <utility>

#include "quarry/query/clauses.hpp"
#include "quarry/query/returning.hpp"
#include "quarry/query/update.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
namespace detail {

template <class D, class Where, class Returning = none>
struct delete_stmt : returning_traits<Returning> {
  using descriptor = D;
  Where where_;
  Returning returning_;

  /// RETURNING expressions of the deleted rows (run with db.query()).
  template <class... E>
  constexpr auto returning(E&&... e) const {
    static_assert(is_none_v<Returning>, "quarry: returning() is already given");
    auto r = make_returning<D>(std::forward<E>(e)...);
    return delete_stmt<D, Where, decltype(r)>{{}, where_, std::move(r)};
  }

  template <class C>
  constexpr auto where(C&& cond) const {
    using X = std::remove_cvref_t<C>;
    static_assert(is_none_v<Where>, "quarry: where() is already given; combine conditions with &&");
    check_where_condition<X>();
    static_assert(is_subset_v<typename X::tables, type_list<typename D::table_tag>>,
                  "quarry: where() uses a column whose table is not the table deleted from");
    return delete_stmt<D, where_clause<X>, Returning>{{}, where_clause<X>{std::forward<C>(cond)}, returning_};
  }
  /// Says the statement is meant to delete every row.
  constexpr auto all_rows() const {
    static_assert(is_none_v<Where>, "quarry: all_rows() and where() exclude each other");
    return delete_stmt<D, all_rows_t, Returning>{{}, {}, returning_};
  }

  template <class Ctx>
  void render(Ctx& c) const {
    validate();
    c.text("DELETE FROM ");
    c.ident(D::table_tag::table_name);
    if constexpr (!std::is_same_v<Where, all_rows_t>) where_.render(c);
    returning_.render(c);
  }
  template <class B>
  void bind(B& b) const {
    if constexpr (!std::is_same_v<Where, all_rows_t>) where_.bind(b);
    returning_.bind(b);
  }
  static constexpr void validate() {
    static_assert(!is_none_v<Where>,
                  "quarry: DELETE without where() would delete every row; add .where(...) or say "
                  ".all_rows()");
    if constexpr (!is_none_v<Where> && !std::is_same_v<Where, all_rows_t>) {
      static_assert(null_checks_ok<type_list<typename D::table_tag>, type_list<>, typename Where::null_checks>::value,
                    "quarry: is_null()/is_not_null() on an expression that can never be NULL (a NOT "
                    "NULL column outside an outer join); the test is constant");
    }
  }
};

}  // namespace detail

/// Starts a DELETE from table `t`.
template <table_descriptor D>
constexpr auto delete_from(const D&) {
  static_assert(detail::descriptor_traits<D>::valid);
  return detail::delete_stmt<D, detail::none>{{}, {}, {}};
}

}  // namespace quarry
