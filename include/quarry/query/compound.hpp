#pragma once
/// \file quarry/query/compound.hpp
/// UNION / UNION ALL / INTERSECT / EXCEPT of two selects whose columns have matching SQL types.
/// Compounds nest on the left and render flat (`a UNION b EXCEPT c`); where PostgreSQL's
/// precedence (INTERSECT binds tighter) would regroup them, the left side is parenthesized.
///
///     quarry::union_all(select(users.email).from(users), select(admins.email).from(admins))
///     quarry::except(quarry::union_(a, b), c)

#include <string_view>
#include <type_traits>

#include "quarry/expr/storage.hpp"
#include "quarry/query/select.hpp"

namespace quarry {
namespace detail {

struct op_union {
  static constexpr std::string_view sql = " UNION ";
  static constexpr bool is_intersect = false;
};
struct op_union_all {
  static constexpr std::string_view sql = " UNION ALL ";
  static constexpr bool is_intersect = false;
};
struct op_intersect {
  static constexpr std::string_view sql = " INTERSECT ";
  static constexpr bool is_intersect = true;
};
struct op_except {
  static constexpr std::string_view sql = " EXCEPT ";
  static constexpr bool is_intersect = false;
};

template <class Op, class L, class R>
struct compound_stmt;
template <class T>
struct is_compound : std::false_type {};
template <class Op, class L, class R>
struct is_compound<compound_stmt<Op, L, R>> : std::true_type {};

/// A select side of a compound has no ORDER BY / LIMIT / OFFSET: SQLite rejects them, and on the
/// last side they would silently apply to the whole compound.
template <class S>
inline constexpr bool plain_side_v = is_none_v<typename S::template part_t<p_order>> &&
                                     is_none_v<typename S::template part_t<p_limit>> &&
                                     is_none_v<typename S::template part_t<p_offset>>;

template <class A, class B>
struct columns_match : std::false_type {};
template <class... A, class... B>
  requires(sizeof...(A) == sizeof...(B))
struct columns_match<type_list<A...>, type_list<B...>>
    : std::bool_constant<(comparable(kind_of<typename A::value_type>, kind_of<typename B::value_type>) && ...)> {};

template <class A, class B>
struct column_forms_match : std::true_type {};
template <class... A, class... B>
  requires(sizeof...(A) == sizeof...(B))
struct column_forms_match<type_list<A...>, type_list<B...>>
    : std::bool_constant<(compatible_storage(storage_of<A>(), storage_of<B>()) && ...)> {};

template <class Op, class L, class R>
struct compound_stmt {
  static_assert(columns_match<typename L::fields_type::exprs_list, typename R::fields_type::exprs_list>::value,
                "quarry: the selects of a UNION/INTERSECT/EXCEPT must have the same number of columns with "
                "matching SQL types");
  static_assert(column_forms_match<typename L::fields_type::exprs_list, typename R::fields_type::exprs_list>::value,
                "quarry: a column of a UNION/INTERSECT/EXCEPT is stored in different SQLite forms on its two "
                "sides (sqlite_as<> / numeric<P, S>); the rows would mix forms");
  static_assert(!is_compound<R>::value,
                "quarry: the right side of a UNION/INTERSECT/EXCEPT must be one select; nest compounds on "
                "the left: union_(union_(a, b), c)");
  using op = Op;
  using left_type = L;
  using right_type = R;
  using fields_type = typename L::fields_type;
  using row_type = typename L::row_type;
  using outer_tables = concat_t<typename L::outer_tables, typename R::outer_tables>;
  /// CTEs of a with(...) on the first select: they are visible to every select of the compound.
  using cte_tags = typename L::cte_tags;
  L l;
  R r;

  template <class Ctx>
  void render(Ctx& c) const {
    validate();
    render_body(c);
  }
  template <class Ctx>
  void render_subquery(Ctx& c) const {
    validate<false>();
    render_body(c);
  }
  template <class B>
  void bind(B& b) const {
    l.bind(b);
    r.bind(b);
  }

  /// Whole-statement rules of every side (see select_stmt::validate).
  template <bool TopLevel = true, class CteScope = type_list<>>
  static constexpr void validate() {
    if constexpr (!is_compound<R>::value) {
      if constexpr (!is_compound<L>::value) {
        static_assert(plain_side_v<L>,
                      "quarry: order_by()/limit()/offset() inside one side of a UNION/INTERSECT/EXCEPT; SQLite "
                      "does not allow it");
      }
      static_assert(plain_side_v<R>,
                    "quarry: order_by()/limit()/offset() inside one side of a UNION/INTERSECT/EXCEPT; SQLite "
                    "does not allow it");
      static_assert(is_none_v<typename R::with_type>,
                    "quarry: with(...) goes on the first select of a UNION/INTERSECT/EXCEPT; it applies to "
                    "the whole statement");
      L::template validate<TopLevel, CteScope>();
      R::template validate<TopLevel, concat_t<CteScope, cte_tags>>();
    }
  }

  template <class Ctx>
  void render_body(Ctx& c) const {
    // SQLite applies compound operators left to right; PostgreSQL binds INTERSECT tighter, so
    // (a UNION b) INTERSECT c needs its parentheses there. SQLite rejects them, and needs none.
    constexpr bool parens = [] {
      if constexpr (is_compound<L>::value) {
        return Ctx::dialect::intersect_binds_tighter && Op::is_intersect && !L::op::is_intersect;
      } else {
        return false;
      }
    }();
    if constexpr (parens) c.text("(");
    l.render_body(c);
    if constexpr (parens) c.text(")");
    c.text(Op::sql);
    r.render_body(c);
  }
};

template <class Op, class L, class R>
constexpr auto make_compound(const L& l, const R& r) {
  static_assert(query_like<L> && query_like<R>, "quarry: set operations combine two select statements");
  return compound_stmt<Op, L, R>{l, r};
}

}  // namespace detail

/// a UNION b (duplicates removed).
template <class L, class R>
constexpr auto union_(const L& l, const R& r) {
  return detail::make_compound<detail::op_union>(l, r);
}
/// a UNION ALL b.
template <class L, class R>
constexpr auto union_all(const L& l, const R& r) {
  return detail::make_compound<detail::op_union_all>(l, r);
}
/// a INTERSECT b.
template <class L, class R>
constexpr auto intersect(const L& l, const R& r) {
  return detail::make_compound<detail::op_intersect>(l, r);
}
/// a EXCEPT b.
template <class L, class R>
constexpr auto except(const L& l, const R& r) {
  return detail::make_compound<detail::op_except>(l, r);
}

}  // namespace quarry
