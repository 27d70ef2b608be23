#pragma once
/// \file quarry/query/returning.hpp
/// RETURNING for INSERT, UPDATE and DELETE (PostgreSQL, SQLite 3.35+). A statement with
/// RETURNING is a query: run it with db.query() and read typed rows.

#include <type_traits>

#include "quarry/expr/expression.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/select.hpp"

namespace quarry::detail {

template <class... E>
struct returning_clause {
  using list = select_list<E...>;
  list fields;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(" RETURNING ");
    // Qualified by the target table's name, which both databases accept, so a correlated
    // subquery in the list reads the written row.
    fields.render(c);
  }
  template <class B>
  void bind(B& b) const {
    fields.bind(b);
  }
};

/// Statements with RETURNING are queries: they expose fields_type and row_type.
template <class Returning>
struct returning_traits {};
template <class... E>
struct returning_traits<returning_clause<E...>> {
  using fields_type = select_list<E...>;
  using row_type = typename fields_type::template row_type<type_list<>, false>;
};

template <class D, class... E>
constexpr auto make_returning(E&&... e) {
  static_assert(sizeof...(E) > 0, "quarry: returning() needs at least one column or expression");
  static_assert((expression<std::remove_cvref_t<E>> && ...), "quarry: returning() takes columns or expressions");
  using R = returning_clause<std::remove_cvref_t<E>...>;
  check_no_excluded<typename R::list::tables>();
  check_placement<place::returning, R::list::flags>();
  static_assert(is_subset_v<typename R::list::tables, type_list<typename D::table_tag>>,
                "quarry: returning() uses a column of another table");
  return R{{{{std::forward<E>(e)}...}}};
}

}  // namespace quarry::detail
