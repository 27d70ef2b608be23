#pragma once
/// \file quarry/query/clauses.hpp
/// The clause parts statements are assembled from. A missing clause is `none`; each part renders
/// its own SQL and binds its own values, in the same order.

#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/schema/table.hpp"

namespace quarry::detail {

/// An absent clause.
struct none {
  using tables = type_list<>;
  using cond_tables_or_none = type_list<>;
  static constexpr unsigned flags = 0;
  template <class Ctx>
  void render(Ctx&) const {}
  template <class B>
  void bind(B&) const {}
};

template <class T>
inline constexpr bool is_none_v = std::is_same_v<T, none>;

/// Renders the items of a tuple separated by ", ".
template <class Ctx, class Tuple>
void render_comma_list(Ctx& c, const Tuple& t) {
  bool first = true;
  apply_pack([&](const auto&... x) { ((c.text(first ? "" : ", "), first = false, x.render(c)), ...); }, t);
}
template <class B, class Tuple>
void bind_all(B& b, const Tuple& t) {
  apply_pack([&](const auto&... x) { (x.bind(b), ...); }, t);
}

template <class From>
struct nullable_tables_of_impl {
  using type = typename From::nullable_tables;
};
template <>
struct nullable_tables_of_impl<none> {
  using type = type_list<>;
};
template <class From>
using nullable_tables_of = typename nullable_tables_of_impl<From>::type;

template <class C>
struct where_clause {
  using tables = typename C::tables;
  using null_checks = typename null_checks_of<C>::type;
  C cond;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(" WHERE ");
    cond.render(c);
  }
  template <class B>
  void bind(B& b) const {
    cond.bind(b);
  }
};

template <class... K>
struct order_clause {
  using tables = concat_t<typename K::tables...>;
  static constexpr unsigned flags = (0u | ... | K::flags);
  using bare_columns = concat_t<typename bare_columns_of<K>::type...>;
  pack<K...> keys;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text(" ORDER BY ");
    render_comma_list(c, keys);
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, keys);
  }
};

/// The expressions of an ORDER BY's keys (none: no ORDER BY).
template <class O>
struct order_exprs_of {
  using type = type_list<>;
};
template <class... K>
struct order_exprs_of<order_clause<K...>> {
  using type = type_list<typename K::expr_type...>;
};

/// LIMIT and OFFSET are bound parameters too, so paging never changes the SQL text.
struct limit_clause {
  std::int64_t n;
};
struct offset_clause {
  std::int64_t n;
};

template <class Ctx, class Limit, class Offset>
void render_limit_offset(Ctx& c) {
  if constexpr (!is_none_v<Limit>) {
    c.text(" LIMIT ");
    c.param();
  } else if constexpr (!is_none_v<Offset> && !Ctx::dialect::array_parameters) {
    c.text(" LIMIT -1");  // SQLite accepts OFFSET only after a LIMIT
  }
  if constexpr (!is_none_v<Offset>) {
    c.text(" OFFSET ");
    c.param();
  }
}
template <class B, class Limit, class Offset>
void bind_limit_offset(B& b, const Limit& l, const Offset& o) {
  if constexpr (!is_none_v<Limit>) b(l.n);
  if constexpr (!is_none_v<Offset>) b(o.n);
}

/// Checks shared by statements that read a table set: every referenced table is in scope and
/// every NULL test is on something that can be NULL.
template <class Sources, class Nullable, class Checks>
struct null_checks_ok;
template <class Sources, class Nullable, class... E>
struct null_checks_ok<Sources, Nullable, type_list<E...>> {
  template <class X>
  static constexpr bool can_be_null() {
    if constexpr (is_optional_v<typename X::value_type>) {
      return true;
    } else {
      return []<class... T>(type_list<T...>) { return (contains_v<Nullable, T> || ...); }(typename X::tables{});
    }
  }
  static constexpr bool value = (can_be_null<E>() && ...);
};

/// Checks a where()/having() condition: boolean, no aggregates, no window functions.
template <class C, bool Upsert = false>
constexpr void check_where_condition() {
  static_assert(boolean_expression<C>, "quarry: where() takes a condition (a boolean expression)");
  if constexpr (!Upsert) check_no_excluded<typename C::tables>();
  static_assert(!named_select_item<C>,
                "quarry: an expression named with .as<\"name\">() can only be selected; use the "
                "expression without .as in where() and having()");
  check_placement<place::where, C::flags>();
}

}  // namespace quarry::detail
