#pragma once
/// \file quarry/query/distinct.hpp
/// SELECT DISTINCT and PostgreSQL's SELECT DISTINCT ON (...), and the rules their ORDER BY must
/// follow.
///
///     quarry::select(users.city).from(users).distinct().order_by(users.city)
///     quarry::select(posts.user_id, posts.title).from(posts)
///         .distinct_on(posts.user_id).order_by(posts.user_id, posts.id.desc())   // PostgreSQL only
///
/// The clause is an optional tenth part of a select_stmt (select.hpp p_distinct): only a
/// distinct select carries it, so the type of every other select stays as it was.

#include <cstddef>
#include <type_traits>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/query/clauses.hpp"

namespace quarry::detail {

/// DISTINCT (no expression) or DISTINCT ON (On...).
template <class... On>
struct distinct_clause {
  using on_exprs = type_list<On...>;
  using tables = merged_tables<On...>;
  static constexpr unsigned flags = (0u | ... | On::flags);
  pack<On...> exprs;

  template <class Ctx>
  void render(Ctx& c) const {
    if constexpr (sizeof...(On) == 0) {
      c.text("DISTINCT ");
    } else {
      // array_parameters: the PostgreSQL dialect (render/dialect.hpp).
      static_assert(Ctx::dialect::array_parameters,
                    "quarry: distinct_on() is PostgreSQL only (SQLite has no DISTINCT ON); pick the first row "
                    "per group with quarry::row_number().over(window().partition_by(...).order_by(...)) in "
                    "a derived table or CTE, filtered on 1");
      check_text_decimals<Ctx, On...>();
      c.text("DISTINCT ON (");
      render_comma_list(c, exprs);
      c.text(") ");
    }
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, exprs);
  }
};

template <class D>
inline constexpr bool is_distinct_clause_v = false;
template <class... On>
inline constexpr bool is_distinct_clause_v<distinct_clause<On...>> = true;

/// The DISTINCT ON expressions of a select's distinct part (none: no DISTINCT).
template <class D>
struct distinct_on_exprs_of {
  using type = type_list<>;
};
template <class... On>
struct distinct_on_exprs_of<distinct_clause<On...>> {
  using type = type_list<On...>;
};

/// A selected expression as ORDER BY can name it: `e.as<"n">()` is `e`.
template <class X>
struct selected_expr {
  using type = X;
};
template <class X>
  requires requires { typename X::inner_type; X::select_alias; }
struct selected_expr<X> {
  using type = typename X::inner_type;
};

/// SELECT DISTINCT: every ORDER BY expression is one of the selected expressions (PostgreSQL
/// 42P10; SQLite would sort by a value of an arbitrary row among the duplicates).
template <class Selected, class... K>
constexpr bool distinct_order_selected(type_list<K...>) {
  return []<class... S>(type_list<S...>) {
    using names = type_list<typename selected_expr<S>::type...>;
    return ((contains_v<names, K> && !(K::flags & f_value)) && ...);
  }(Selected{});
}

/// SELECT DISTINCT ON (On): PostgreSQL's rule (transformDistinctOnClause) on the ORDER BY
/// expressions K: the keys that are DISTINCT ON expressions come first, and when another key
/// follows them, every DISTINCT ON expression is among them (in any order).
template <class On, class... K>
constexpr bool distinct_on_order_ok(type_list<K...>) {
  constexpr bool in_on[] = {(contains_v<On, K> && !(K::flags & f_value))..., false};
  std::size_t k = 0;
  while (k < sizeof...(K) && in_on[k]) ++k;
  for (std::size_t i = k; i < sizeof...(K); ++i)
    if (in_on[i]) return false;
  return k == sizeof...(K) || []<class... O>(type_list<O...>) {
    return ((contains_v<type_list<K...>, O> && !(O::flags & f_value)) && ...);
  }(On{});
}

}  // namespace quarry::detail
