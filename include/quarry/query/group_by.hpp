#pragma once
/// \file quarry/query/group_by.hpp
/// GROUP BY and HAVING, and the rules that make a grouped select valid: every column used
/// outside an aggregate is grouped.

#include <tuple>
#include <type_traits>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/query/clauses.hpp"

namespace quarry::detail {

template <class... E>
struct group_clause {
  using grouped = type_list<E...>;
  using tables = merged_tables<E...>;
  pack<E...> exprs;
  template <class Ctx>
  void render(Ctx& c) const {
    check_text_decimals<Ctx, E...>();
    c.text(" GROUP BY ");
    render_comma_list(c, exprs);
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, exprs);
  }
};

template <class C>
struct having_clause {
  using tables = typename C::tables;
  using null_checks = typename null_checks_of<C>::type;
  C cond;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(" HAVING ");
    cond.render(c);
  }
  template <class B>
  void bind(B& b) const {
    cond.bind(b);
  }
};

template <class Group>
struct grouped_of {
  using type = type_list<>;
};
template <class... E>
struct grouped_of<group_clause<E...>> {
  using type = type_list<E...>;
};

/// E is valid in a grouped query: grouped itself, or all its bare columns are grouped.
template <class E, class Grouped>
inline constexpr bool grouped_ok_v =
    contains_v<Grouped, E> || is_subset_v<typename bare_columns_of<E>::type, Grouped>;

template <class Grouped, class... E>
constexpr bool all_grouped(type_list<E...>) {
  return (grouped_ok_v<E, Grouped> && ...);
}

}  // namespace quarry::detail
