#pragma once
/// \file quarry/query/from.hpp
/// FROM and JOIN: a list of sources, each a table (or alias) with a join kind and an ON
/// condition. The list knows which tables are on the optional side of an outer join, so their
/// columns read as std::optional.

#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/schema/alias.hpp"

namespace quarry::detail {

enum class join_kind { from, inner, left, right, full, cross };

/// What a FROM item holds besides its type: nothing for tables, aliases and CTE references; the
/// derived table itself (its query, rendered and bound in place) for `quarry::derived<"t">(q)`.
template <class S>
struct source_data {
  using type = none;
};
template <class S>
  requires requires { S::inline_query; }
struct source_data<S> {
  using type = S;
};
template <class S>
using source_data_t = typename source_data<S>::type;

template <class S>
constexpr source_data_t<S> source_data_of(const S& s) {
  if constexpr (is_none_v<source_data_t<S>>) {
    (void)s;
    return {};
  } else {
    return s;
  }
}

/// A CTE's tag (`quarry::cte`, `quarry::recursive_cte`): read by name, defined in with(...).
template <class Tag>
struct is_cte_tag : std::false_type {};
template <class Tag>
  requires(Tag::is_cte)
struct is_cte_tag<Tag> : std::true_type {};

/// The CTEs a with(...) clause defines (none: no WITH).
template <class W>
struct cte_tags_of {
  using type = typename W::cte_tags;
};
template <>
struct cte_tags_of<none> {
  using type = type_list<>;
};

template <class S, join_kind K, class Cond>
struct source {
  using table = S;
  using tag = typename S::table_tag;
  static constexpr join_kind kind = K;
  using cond_type = Cond;
  Cond cond;
  [[no_unique_address]] source_data_t<S> data;

  template <class Ctx>
  void render(Ctx& c) const {
    if constexpr (K == join_kind::right || K == join_kind::full) {
      static_assert(Ctx::dialect::right_full_join,
                    "quarry: RIGHT and FULL JOIN need SQLite 3.39 or newer, and the SQLite quarry is "
                    "compiled against is older; rewrite as a LEFT JOIN with the tables swapped");
    }
    constexpr std::string_view kw[] = {" FROM ", " INNER JOIN ", " LEFT JOIN ", " RIGHT JOIN ", " FULL JOIN ",
                                       " CROSS JOIN "};
    c.text(kw[static_cast<int>(K)]);
    if constexpr (is_none_v<source_data_t<S>>) {
      c.ident(tag::table_name);
      if constexpr (tag::ref_name != tag::table_name) {
        c.text(" AS ");
        c.ident(tag::ref_name);
      }
    } else {
      data.render_from_item(c);  // (SELECT ...) AS "t"
    }
    if constexpr (!is_none_v<Cond>) {
      c.text(" ON ");
      cond.render(c);
    }
  }
  template <class B>
  void bind(B& b) const {
    data.bind(b);
    cond.bind(b);
  }
};

/// A FROM/JOIN item for source `s` (a table, an alias, a derived table or a CTE).
template <join_kind K, class S, class Cond = none>
constexpr source<S, K, Cond> make_source(const S& s, Cond cond = {}) {
  return source<S, K, Cond>{std::move(cond), source_data_of(s)};
}

/// Tables that can be NULL-extended, folded over the sources in order.
template <class Seen, class Nullable, class... S>
struct nullable_fold {
  using type = Nullable;
};
template <class Seen, class Nullable, class S, class... Rest>
struct nullable_fold<Seen, Nullable, S, Rest...> {
  using T = typename S::tag;
  using next = std::conditional_t<
      S::kind == join_kind::left, concat_t<Nullable, type_list<T>>,
      std::conditional_t<S::kind == join_kind::right, Seen,
                         std::conditional_t<S::kind == join_kind::full, concat_t<Seen, type_list<T>>, Nullable>>>;
  using type = typename nullable_fold<concat_t<Seen, type_list<T>>, next, Rest...>::type;
};

template <class... S>
struct from_clause {
  pack<S...> items;
  using sources = type_list<typename S::tag...>;
  using source_tables = type_list<typename S::table...>;
  using nullable_tables = typename nullable_fold<type_list<>, type_list<>, S...>::type;
  using cond_tables_or_none = concat_t<typename S::cond_type::tables...>;

  template <class Ctx>
  void render(Ctx& c) const {
    apply_pack([&](const auto&... s) { (s.render(c), ...); }, items);
  }
  template <class B>
  void bind(B& b) const {
    apply_pack([&](const auto&... s) { (s.bind(b), ...); }, items);
  }
  template <class X>
  constexpr from_clause<S..., X> add(X x) const {
    return apply_pack([&](const auto&... s) { return from_clause<S..., X>{{{s}..., {std::move(x)}}}; }, items);
  }
};

template <class S>
using from_table = from_clause<source<S, join_kind::from, none>>;

/// FROM s.
template <class S>
constexpr from_table<S> make_from(const S& s) {
  return from_table<S>{{make_source<join_kind::from>(s)}};
}

}  // namespace quarry::detail
