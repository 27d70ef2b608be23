#pragma once
/// \file quarry/query/compound.hpp
/// UNION / UNION ALL / INTERSECT / EXCEPT of two selects whose columns have matching SQL types.
/// Each column's type is unified from both sides (set_column): nullable when either side is,
/// integers widen, an integer with a real is double; any other mismatch does not compile.
/// Compounds nest on the left and render flat (`a UNION b EXCEPT c`); where PostgreSQL's
/// precedence (INTERSECT binds tighter) would regroup them, the left side is parenthesized.
///
///     quarry::union_all(select(users.email).from(users), select(admins.email).from(admins))
///     quarry::except(quarry::union_(a, b), c)

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/expr/storage.hpp"
#include "quarry/query/derived.hpp"
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
struct same_column_count : std::false_type {};
template <class... A, class... B>
struct same_column_count<type_list<A...>, type_list<B...>> : std::bool_constant<sizeof...(A) == sizeof...(B)> {};

/// The wider of two integer types: the one whose range holds the other's, else std::int64_t.
template <class A, class B>
struct wider_integer {
  static constexpr bool a_holds_b = std::cmp_less_equal(std::numeric_limits<A>::min(), std::numeric_limits<B>::min()) &&
                                    std::cmp_greater_equal(std::numeric_limits<A>::max(), std::numeric_limits<B>::max());
  static constexpr bool b_holds_a = std::cmp_less_equal(std::numeric_limits<B>::min(), std::numeric_limits<A>::min()) &&
                                    std::cmp_greater_equal(std::numeric_limits<B>::max(), std::numeric_limits<A>::max());
  using type = std::conditional_t<a_holds_b, A, std::conditional_t<b_holds_a, B, std::int64_t>>;
};

/// Column Pos (from 1) of a set operation whose left select has C++ type A there and the right
/// select B: `type` is the compound's column type. Nullable when either side is; integers widen
/// (int32 with int64 is int64); an integer with a real is double. Other pairs do not unify:
/// `kinds` is false when the SQL kinds differ (text and integer, boolean and integer, timestamp
/// and date, decimal and real, ...), `types` when one kind has two C++ types (an enum mapped to
/// text next to std::string): the rows would be read as a type one side does not have.
template <std::size_t Pos, sql_kind L, sql_kind R, class A, class B>
struct set_column {
  using SA = strip_optional_t<A>;
  using SB = strip_optional_t<B>;
  static constexpr bool same = std::is_same_v<SA, SB>;
  static constexpr bool ints = L == sql_kind::integer && R == sql_kind::integer;
  static constexpr bool reals = (L == sql_kind::integer || L == sql_kind::real) &&
                                (R == sql_kind::integer || R == sql_kind::real);
  static constexpr bool kinds = same || L == R || reals;
  static constexpr bool types = same || ints || reals;
  using base = typename std::conditional_t<
      same || !types, std::type_identity<SA>,
      std::conditional_t<ints, wider_integer<SA, SB>, std::type_identity<double>>>::type;
  using type = std::conditional_t<is_optional_v<A> || is_optional_v<B>, std::optional<base>, base>;
};

template <std::size_t Pos, class A, class B>
using set_column_of = set_column<Pos, kind_of<A>, kind_of<B>, A, B>;

/// Reports the first column of a set operation that does not unify (its position and kinds are
/// the template arguments of set_column<position, left kind, right kind, ...> in the note).
template <class C>
constexpr bool check_set_column() {
  if constexpr (!C::kinds) {
    static_assert(C::kinds,
                  "quarry: a column of a UNION/INTERSECT/EXCEPT has another SQL kind on the right select than "
                  "on the left (set_column<position from 1, left kind, right kind> next to this message); "
                  "select columns of one kind, or convert one side with quarry::cast<T>(...)");
  } else {
    static_assert(C::types,
                  "quarry: a column of a UNION/INTERSECT/EXCEPT has one SQL kind but two C++ types on its "
                  "sides (set_column<position from 1, left kind, right kind, left type, right type> next to "
                  "this message); convert one side with quarry::cast<T>(...)");
  }
  return C::kinds && C::types;
}

template <class LA, class LB, class Seq>
struct unify_columns {
  using type = LA;  // column counts differ: reported on its own
  static constexpr bool ok = true;
};
template <class... A, class... B, std::size_t... I>
  requires(sizeof...(A) == sizeof...(B))
struct unify_columns<type_list<A...>, type_list<B...>, std::index_sequence<I...>> {
  static constexpr bool ok = (check_set_column<set_column_of<I + 1, A, B>>() && ...);
  using type = type_list<typename set_column_of<I + 1, A, B>::type...>;
};

template <class L>
struct tuple_of;
template <class... T>
struct tuple_of<type_list<T...>> {
  using type = std::tuple<T...>;
};

/// The row type of a set operation: a tuple of the unified columns; a left select(table) keeps
/// its row struct, which the right side must then fit as it is.
template <class LeftRow, class LeftTypes, class Unified>
struct set_row {
  static constexpr bool fits = std::is_same_v<LeftTypes, Unified>;
  using type = LeftRow;
};
template <class... T, class LeftTypes, class Unified>
struct set_row<std::tuple<T...>, LeftTypes, Unified> {
  static constexpr bool fits = true;
  using type = typename tuple_of<Unified>::type;
};

template <class A, class B>
struct column_forms_match : std::true_type {};
template <class... A, class... B>
  requires(sizeof...(A) == sizeof...(B))
struct column_forms_match<type_list<A...>, type_list<B...>>
    : std::bool_constant<(compatible_storage(storage_of<A>(), storage_of<B>()) && ...)> {};

template <class Op, class L, class R>
struct compound_stmt {
  using left_columns = typename query_value_types<L>::type;
  using right_columns = typename query_value_types<R>::type;
  static_assert(same_column_count<left_columns, right_columns>::value,
                "quarry: the selects of a UNION/INTERSECT/EXCEPT must have the same number of columns with "
                "matching SQL types");
  using unified = unify_columns<left_columns, right_columns, std::make_index_sequence<left_columns::size>>;
  static_assert(unified::ok,
                "quarry: a column of this UNION/INTERSECT/EXCEPT does not unify (reported above with its position)");
  using set_row_t = set_row<typename L::row_type, left_columns, typename unified::type>;
  static_assert(set_row_t::fits,
                "quarry: select(table) on the left of a UNION/INTERSECT/EXCEPT reads rows into the table's "
                "struct, but a column of the right select can be NULL or is wider than the struct's field; "
                "select the columns instead of the whole table");
  static_assert(column_forms_match<typename L::fields_type::exprs_list, typename R::fields_type::exprs_list>::value,
                "quarry: a column of a UNION/INTERSECT/EXCEPT is stored in different SQLite forms on its two "
                "sides (sqlite_as<> / numeric<P, S>); the rows would mix forms");
  static_assert(!is_compound<R>::value,
                "quarry: the right side of a UNION/INTERSECT/EXCEPT must be one select; nest compounds on "
                "the left: union_(union_(a, b), c)");
  using op = Op;
  using left_type = L;
  using right_type = R;
  /// The select list of the first select: it names the compound's columns.
  using fields_type = typename L::fields_type;
  /// Each column unified from both sides (set_column): nullable when either side is, and so on.
  using column_types = typename unified::type;
  using row_type = typename set_row_t::type;
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
