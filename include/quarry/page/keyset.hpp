#pragma once
/// \file quarry/page/keyset.hpp
/// The keyset ("seek") predicate that selects the rows after a boundary row in a key order, and
/// the compile-time rules a keyset order must follow. See docs/pagination.md.
///
/// Keys all in one direction and none nullable render a row-value comparison:
///
///     ("posts"."created_at", "posts"."id") < (?, ?)
///
/// Mixed directions or nullable keys render the expanded form, one branch per key, led (where it
/// is valid) by a redundant bound on the first key so an index range scan can start there:
///
///     "t"."a" >= ? AND ("t"."a" > ? OR ("t"."a" = ? AND "t"."b" < ?) OR ("t"."a" = ? AND "t"."b" = ? AND "t"."id" > ?))
///
/// A nullable key (always ordered with an explicit NULLS FIRST/LAST) gets IS NULL branches. Which
/// boundary values are NULL is part of the predicate's *type* (NullMask), so its SQL text still
/// depends only on types and is rendered and prepared once per shape.

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/order.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/select.hpp"
#include "quarry/schema/alias.hpp"

namespace quarry::detail {

// ---- keys in the direction a page is read ----
constexpr nulls flip_nulls(nulls n) noexcept {
  return n == nulls::first ? nulls::last : n == nulls::last ? nulls::first : nulls::automatic;
}
template <class K>
struct reversed_key;
template <class E, bool D, nulls N>
struct reversed_key<order_key<E, D, N>> {
  using type = order_key<E, !D, flip_nulls(N)>;
};
/// Key K as read forwards (as given) or backwards (direction and NULLS placement flipped).
template <bool Backward, class K>
using directed_key_t = std::conditional_t<Backward, typename reversed_key<K>::type, K>;

/// The C++ type a key's value is read as (std::optional when it can be NULL, including columns
/// of a table on the outer side of a join), and its storage type.
template <class K, class Nullable>
using key_value_t = typename result_type<typename K::expr_type, Nullable, false>::type;
template <class K>
using key_storage_t = typename value_traits<strip_optional_t<typename K::expr_type::value_type>>::storage;

/// Calls f(element i) of a pack (core/detail/pack.hpp) for a runtime index i.
template <class F, std::size_t... I, class... T>
void with_element(const pack_impl<std::index_sequence<I...>, T...>& p, std::size_t i, F&& f) {
  ((I == i ? (f(get_item<I>(p)), 0) : 0), ...);
}

/// Branch i of the expanded form ("equal up to key i, after on key i") exists unless nothing
/// comes after a NULL boundary value of a key whose NULLs are read last.
constexpr bool seek_has_branch(unsigned nullable_mask, unsigned null_mask, nulls order, std::size_t i) noexcept {
  return !(((nullable_mask >> i) & 1u) && ((null_mask >> i) & 1u) && order == nulls::last);
}

/// Rows after the boundary (values) in the order of keys K... . NullableMask: bit i when key i can
/// be NULL; NullMask: bit i when the boundary's value of key i is NULL (a subset of NullableMask).
template <unsigned NullableMask, unsigned NullMask, class... K>
struct seek_predicate {
  static_assert((NullMask & ~NullableMask) == 0);
  using value_type = bool;
  using tables = concat_t<typename K::tables...>;
  static constexpr unsigned flags = 0;
  static constexpr std::size_t size = sizeof...(K);

  pack<K...> keys;
  pack<key_storage_t<K>...> values;  ///< unused where NullMask has the bit set

  static constexpr std::array<bool, sizeof...(K)> desc{K::descending...};
  static constexpr std::array<nulls, sizeof...(K)> null_order{K::null_order...};
  static constexpr bool nullable(std::size_t i) noexcept { return (NullableMask >> i) & 1u; }
  static constexpr bool is_null(std::size_t i) noexcept { return (NullMask >> i) & 1u; }
  static constexpr bool has_branch(std::size_t i) noexcept {
    return seek_has_branch(NullableMask, NullMask, null_order[i], i);
  }
  static constexpr bool row_value = NullableMask == 0 && ((K::descending == desc[0]) && ...);
  /// The redundant bound on the first key: valid when every row after the boundary has a first
  /// key >= (or <=) the boundary's, i.e. unless that key's boundary value is NULL or its NULLs
  /// are read after the boundary.
  static constexpr bool lead = !row_value && size > 1 &&
                               (!(NullableMask & 1u) || (!(NullMask & 1u) && null_order[0] == nulls::first));
  static constexpr std::size_t branches = [] {
    std::size_t n = 0;
    for (std::size_t i = 0; i < size; ++i) n += seek_has_branch(NullableMask, NullMask, null_order[i], i) ? 1 : 0;
    return n;
  }();
  /// The SQL is an OR at its top level (it needs parentheses after "cond AND").
  static constexpr bool top_level_or = !row_value && !lead && branches > 1;
  static constexpr int precedence = top_level_or ? prec_or : row_value && size == 1 ? prec_compare : prec_and;

  template <class Ctx>
  void render(Ctx& c) const {
    render_visitor<Ctx> v{c, *this};
    walk(v);
  }
  template <class B>
  void bind(B& b) const {
    bind_visitor<B> v{b, *this};
    walk(v);
  }

 private:
  // render() and bind() walk the same sequence, so parameters are bound in the order rendered.
  template <class Ctx>
  struct render_visitor {
    Ctx& c;
    const seek_predicate& p;
    void text(std::string_view s) { c.text(s); }
    void key(std::size_t i) {
      with_element(p.keys, i, [&](const auto& k) { render_child<prec_compare, false>(k.e, c); });
    }
    void listed_key(std::size_t i) {
      with_element(p.keys, i, [&](const auto& k) { k.e.render(c); });
    }
    void param(std::size_t) { c.param(); }
  };
  template <class B>
  struct bind_visitor {
    B& b;
    const seek_predicate& p;
    void text(std::string_view) {}
    void key(std::size_t i) {
      with_element(p.keys, i, [&](const auto& k) { k.e.bind(b); });
    }
    void listed_key(std::size_t i) { key(i); }
    void param(std::size_t i) {
      // The boundary value is bound in the stored form of its key (a unix-time key binds INTEGER).
      with_element(p.keys, i, [&](const auto& k) {
        using E = std::remove_cvref_t<decltype(k.e)>;
        with_element(p.values, i, [&](const auto& v) {
          if constexpr (is_custom_form(storage_of<E>().form)) {
            b(stored_ref<std::remove_cvref_t<decltype(v)>>{&v, storage_of<E>()});
          } else {
            b(v);
          }
        });
      });
    }
  };

  template <class V>
  static void walk_after(V& v, std::size_t i) {
    std::string_view op = desc[i] ? " < " : " > ";
    if (!nullable(i)) {
      v.key(i), v.text(op), v.param(i);
    } else if (is_null(i)) {  // NULLs read first: every non-NULL value comes after
      v.key(i), v.text(" IS NOT NULL");
    } else if (null_order[i] == nulls::last) {
      v.text("("), v.key(i), v.text(op), v.param(i), v.text(" OR "), v.key(i), v.text(" IS NULL)");
    } else {
      v.key(i), v.text(op), v.param(i);
    }
  }
  template <class V>
  static void walk_equal(V& v, std::size_t i) {
    if (is_null(i)) {
      v.key(i), v.text(" IS NULL");
    } else {
      v.key(i), v.text(" = "), v.param(i);
    }
  }
  template <class V>
  void walk(V& v) const {
    if constexpr (row_value && size == 1) {
      walk_after(v, 0);
    } else if constexpr (row_value) {
      v.text("(");
      for (std::size_t i = 0; i < size; ++i) v.text(i ? ", " : ""), v.listed_key(i);
      v.text(desc[0] ? ") < (" : ") > (");
      for (std::size_t i = 0; i < size; ++i) v.text(i ? ", " : ""), v.param(i);
      v.text(")");
    } else {
      if constexpr (lead) v.key(0), v.text(desc[0] ? " <= " : " >= "), v.param(0), v.text(" AND ");
      constexpr bool wrap = lead && branches > 1;
      if (wrap) v.text("(");
      bool first = true;
      for (std::size_t i = 0; i < size; ++i) {
        if (!has_branch(i)) continue;
        if (!first) v.text(" OR ");
        first = false;
        bool paren = branches > 1 && i > 0;
        if (paren) v.text("(");
        for (std::size_t j = 0; j < i; ++j) walk_equal(v, j), v.text(" AND ");
        walk_after(v, i);
        if (paren) v.text(")");
      }
      if (wrap) v.text(")");
    }
  }
};

/// The WHERE of a page fetched after a cursor: the statement's own condition AND the seek
/// predicate.
template <class Cond, class Seek>
struct keyset_filter {
  using value_type = bool;
  using tables = concat_t<typename Cond::tables, typename Seek::tables>;
  using null_checks = typename null_checks_of<Cond>::type;
  static constexpr unsigned flags = 0;
  Cond cond;
  Seek seek;

  template <class Ctx>
  void render(Ctx& c) const {
    if constexpr (!is_none_v<Cond>) {
      render_child<prec_and, false>(cond, c);
      c.text(" AND ");
      if constexpr (Seek::top_level_or) c.text("(");
      seek.render(c);
      if constexpr (Seek::top_level_or) c.text(")");
    } else {
      seek.render(c);
    }
  }
  template <class B>
  void bind(B& b) const {
    cond.bind(b);
    seek.bind(b);
  }
};

// ---- compile-time rules ----
template <class T>
struct is_select_stmt : std::false_type {};
template <class... P>
struct is_select_stmt<select_stmt<P...>> : std::true_type {};

template <class Tag, class... S>
struct find_source {
  using type = void;
};
template <class Tag, class S, class... R>
struct find_source<Tag, S, R...>
    : std::conditional_t<std::is_same_v<typename S::table_tag, Tag>, std::type_identity<S>, find_source<Tag, R...>> {};
template <class Tag, class L>
struct find_source_in;
template <class Tag, class... S>
struct find_source_in<Tag, type_list<S...>> : find_source<Tag, S...> {};


/// Whether column C makes a row unique given the key expressions Exprs: C is UNIQUE, the whole
/// single-column primary key, or part of a primary key whose every column is among Exprs.
template <class C, class SourceTables, class Exprs>
constexpr bool is_unique_key() {
  if constexpr (!is_column_v<C>) {
    return false;
  } else if constexpr (C::is_unique) {
    return true;
  } else if constexpr (!C::is_primary_key) {
    return false;
  } else {
    using S = typename find_source_in<typename C::table_tag, SourceTables>::type;
    if constexpr (std::is_void_v<S>) {
      return false;
    } else {
      return is_subset_v<filter_t<is_key_column, typename source_columns<S>::type>, Exprs>;
    }
  }
}

template <class K>
struct last_of;
template <class... K>
struct last_of<type_list<K...>> {
  using type = std::tuple_element_t<sizeof...(K) - 1, std::tuple<K...>>;
};

/// Every rule of a keyset order over statement Stmt, each a static_assert naming the mistake.
template <class Stmt, class... K>
struct keyset_rules {
  using from_type = typename Stmt::from_type;
  using sources = typename from_type::sources;
  using nullable = nullable_tables_of<from_type>;
  using last = typename last_of<type_list<K...>>::type;
  static constexpr unsigned nullable_count = (0u + ... + (is_optional_v<key_value_t<K, nullable>> ? 1u : 0u));

  static_assert(is_none_v<typename Stmt::template part_t<p_order>>,
                "quarry: paginate() orders by its keys; remove order_by() from the statement");
  static_assert(is_none_v<typename Stmt::template part_t<p_limit>> && is_none_v<typename Stmt::template part_t<p_offset>>,
                "quarry: paginate() sets LIMIT itself and never uses OFFSET; remove limit()/offset() from the "
                "statement and pass the page size in the page_request");
  static_assert(!Stmt::grouped && !(Stmt::fields_type::flags & f_aggregate),
                "quarry: paginate() pages rows of a plain select; a grouped or aggregate select cannot be "
                "paged by keyset (wrap it in a subquery or page its source rows)");
  static_assert(((!(K::flags & (f_aggregate | f_window))) && ...),
                "quarry: a keyset key cannot be an aggregate or window function; use columns of the rows "
                "being paged");
  static_assert((is_subset_v<typename K::tables, sources> && ...),
                "quarry: a keyset key uses a column whose table is not in FROM or JOIN; add the table or "
                "use one of its columns");
  static_assert(((K::null_order != nulls::automatic || !is_optional_v<key_value_t<K, nullable>>) && ...),
                "quarry: a keyset key can be NULL (a nullable column or the outer side of a join); give it an "
                "explicit .asc(quarry::nulls_last) / .desc(quarry::nulls_first) etc., because PostgreSQL and "
                "SQLite put NULLs at opposite ends by default");
  static_assert(is_unique_key<typename last::expr_type, typename from_type::source_tables,
                              type_list<typename K::expr_type...>>(),
                "quarry: a keyset order must end with a unique key so that no two rows tie; add the primary "
                "key (or a UNIQUE column) as the last key, e.g. paginate(q, posts.created_at.desc(), "
                "posts.id.desc())");
  static_assert(!is_optional_v<key_value_t<last, nullable>>,
                "quarry: the last keyset key is unique but can be NULL (a nullable column or the outer side "
                "of a join), and NULLs tie; end with a NOT NULL key of a table that is always present");
  static_assert(sizeof...(K) <= 16 && nullable_count <= 4,
                "quarry: a keyset order may have at most 16 keys, at most 4 of them nullable (each nullable "
                "key doubles the statement shapes that are prepared)");
  static constexpr bool ok = true;
};

}  // namespace quarry::detail
