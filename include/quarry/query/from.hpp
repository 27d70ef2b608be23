#pragma once
/// \file quarry/query/from.hpp
/// FROM and JOIN: a list of sources, each a table (or alias) with a join kind and an ON
/// condition. The list knows which tables are on the optional side of an outer join, so their
/// columns read as std::optional.

#include <cstddef>
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

// ---- SQL names of sources ----
// SQL resolves a name in FROM by its text, not by quarry's C++ tag type: two descriptors of one
// table, an alias named like another table, a CTE named like a table, or a subquery's table
// named like an outer one would each make a column reference resolve to another source than the
// one the C++ expression means. These checks compare the names (fixed at compile time).

/// A name spelt out as characters, so a compiler error shows it: sql_name<'u', 's', ...>.
template <char... C>
struct sql_name {};
/// A FROM item `Table AS As`, spelt out in the note of a failed check.
template <class Table, class As>
struct source_named {};
template <class T, class Seq = std::make_index_sequence<T::table_name.size()>, class Seq2 = std::make_index_sequence<T::ref_name.size()>>
struct spell_source;
template <class T, std::size_t... I, std::size_t... J>
struct spell_source<T, std::index_sequence<I...>, std::index_sequence<J...>> {
  using type = source_named<sql_name<T::table_name[I]...>, sql_name<T::ref_name[J]...>>;
};
/// The condition of a failed name check: g++ and clang print its arguments (both sources).
template <class A, class B>
struct sources_named_apart {
  static constexpr bool value = false;
};

/// Whether tag T is a table (or an alias of one), as opposed to a derived table or CTE.
template <class T>
inline constexpr bool is_table_tag_v = requires { T::table_name; T::ref_name; } && !requires { T::is_cte; };
template <class T>
struct is_table_tag : std::bool_constant<is_table_tag_v<T>> {};
template <class C>
struct same_table_name {
  template <class T>
  struct pred : std::bool_constant<T::table_name == C::table_name> {};
};

/// Whether FROM items A and B of one statement would be confused: the same exposed name (the
/// alias, or the table's own name), or an alias named like the other's table.
template <class A, class B>
constexpr bool names_clash() {
  return A::ref_name == B::ref_name || (A::ref_name != A::table_name && A::ref_name == B::table_name) ||
         (B::ref_name != B::table_name && B::ref_name == A::table_name);
}
template <class New, class... T>
constexpr std::size_t clash_index(type_list<T...>) {
  std::size_t i = 0;
  (void)((names_clash<New, T>() ? false : (++i, true)) && ...);
  return i;
}
template <std::size_t I, class... T>
using nth_t = std::tuple_element_t<I, std::tuple<T...>>;
template <std::size_t I, class L>
struct nth_of;
template <std::size_t I, class... T>
struct nth_of<I, type_list<T...>> {
  using type = nth_t<I, T...>;
};

/// A new FROM/JOIN item New next to Sources (checked by join()).
template <class New, class Sources>
constexpr void check_source_name() {
  constexpr std::size_t i = clash_index<New>(Sources{});
  if constexpr (i < Sources::size) {
    using Old = typename nth_of<i, Sources>::type;
    static_assert(sources_named_apart<typename spell_source<New>::type, typename spell_source<Old>::type>::value,
                  "quarry: two sources of this statement have one SQL name (both are spelt out in "
                  "source_named<table, as> next to this message: two descriptors of one table, or an alias "
                  "named like another table), so SQL would confuse them; join one through "
                  "quarry::alias<\"name\">(table) with a name no other source has");
  }
}

/// A subquery whose FROM has a source named like an outer table it references: the reference
/// would resolve to the subquery's own source. Outer: the tags it references but does not read.
template <class X, class... S>
constexpr bool shadowed_by(type_list<S...>) {
  if constexpr (requires { X::ref_name; }) {  // not excluded_row<T>
    return ((S::ref_name == X::ref_name) || ...);
  } else {
    return false;
  }
}
template <class Sources, class... O>
constexpr std::size_t shadow_index(type_list<O...>) {
  std::size_t i = 0;
  (void)((shadowed_by<O>(Sources{}) ? false : (++i, true)) && ...);
  return i;
}
template <class Outer, class Sources>
constexpr void check_outer_names() {
  constexpr std::size_t i = shadow_index<Sources>(Outer{});
  if constexpr (i < Outer::size) {
    using O = typename nth_of<i, Outer>::type;
    using S = typename nth_of<clash_index<O>(Sources{}), Sources>::type;
    static_assert(sources_named_apart<typename spell_source<O>::type, typename spell_source<S>::type>::value,
                  "quarry: a subquery reads a source under the SQL name of an outer table it references "
                  "(both spelt out in source_named<table, as> next to this message), so the reference would "
                  "resolve to the subquery's own source; alias one with quarry::alias<\"name\">(table)");
  }
}

/// The tables (tags) a statement reads in FROM/JOIN: through derived tables, every select of a
/// compound and the bodies of its CTEs (for the CTE name check: a CTE named like a table the
/// statement reads would replace that table). Specialized by member: select_stmt (from_type,
/// with_type), compound_stmt (left_type, right_type), with_clause (cte_definitions).
template <class T>
struct reads_of {
  using type = type_list<>;
};
template <class T>
using reads_of_t = typename reads_of<T>::type;
template <class T>
  requires requires { typename T::from_type; typename T::with_type; }
struct reads_of<T> {
  using type = concat_t<reads_of_t<typename T::from_type>, reads_of_t<typename T::with_type>>;
};
template <class T>
  requires requires { typename T::left_type; typename T::right_type; }
struct reads_of<T> {
  using type = concat_t<reads_of_t<typename T::left_type>, reads_of_t<typename T::right_type>>;
};
template <class T>
  requires requires { typename T::cte_definitions; }
struct reads_of<T> : reads_of<typename T::cte_definitions> {};
template <class... D>
struct reads_of<type_list<D...>> {
  using type = concat_t<reads_of_t<typename D::query_type>...>;
};

template <class C, class... T>
constexpr bool table_named_in(type_list<T...>) {
  return ((T::table_name == C::table_name) || ...);
}
/// A CTE of Ctes named like a table of Reads (tags read in FROM/JOIN).
template <class Ctes, class Reads>
constexpr void check_cte_names() {
  using Tables = filter_t<is_table_tag, Reads>;
  constexpr std::size_t i = []<class... C>(type_list<C...>) {
    std::size_t n = 0;
    (void)((table_named_in<C>(Tables{}) ? false : (++n, true)) && ...);
    return n;
  }(Ctes{});
  if constexpr (i < Ctes::size) {
    using C = typename nth_of<i, Ctes>::type;
    using T = typename first<filter_t<same_table_name<C>::template pred, Tables>>::type;
    static_assert(sources_named_apart<typename spell_source<C>::type, typename spell_source<T>::type>::value,
                  "quarry: a CTE has the name of a table the statement reads (both spelt out in "
                  "source_named<table, as> next to this message), so that table's name would read the CTE "
                  "instead (and WITH RECURSIVE would make the CTE read itself); rename the CTE");
  }
}

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

/// The tables a FROM item reads: a table or alias itself, a derived table what its query reads,
/// a CTE nothing (its body is read through the with(...) clause).
template <class S>
struct source_reads {
  using type = std::conditional_t<is_table_tag_v<typename S::table_tag>, type_list<typename S::table_tag>, type_list<>>;
};
template <class S>
  requires requires { typename S::query_type; }
struct source_reads<S> : reads_of<typename S::query_type> {};
template <class... S>
struct reads_of<from_clause<S...>> {
  using type = concat_t<typename source_reads<typename S::table>::type...>;
};

/// FROM s.
template <class S>
constexpr from_table<S> make_from(const S& s) {
  return from_table<S>{{make_source<join_kind::from>(s)}};
}

}  // namespace quarry::detail
