#pragma once
/// \file quarry/expr/aggregate.hpp
/// Aggregate functions: count(), count(e), count_distinct(e), sum, avg, min, max.
///
/// Result types: count is std::int64_t and never NULL; sum of integers is std::int64_t, of reals
/// double, of decimals quarry::decimal; avg is double (decimal for decimals); min/max keep the
/// operand's type. sum/avg/min/max are std::optional because SQL returns NULL for empty input —
/// except in a grouped select over a NOT NULL operand, where every group has a row (the statement
/// strips the optional then).

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/expr/value.hpp"

namespace quarry {
namespace detail {

template <class F, class W>
struct window_expr;

struct none_suffix {
  template <class Ctx>
  void render(Ctx&) const {}
};

struct fn_count {
  static constexpr std::string_view sql = "COUNT";
  static constexpr bool never_null = true;
  template <class T>
  using result = std::int64_t;
};
struct fn_sum {
  static constexpr std::string_view sql = "SUM";
  static constexpr bool never_null = false;
  template <class T>
  using result = std::conditional_t<kind_of<T> == sql_kind::integer, std::int64_t,
                                    std::conditional_t<kind_of<T> == sql_kind::decimal, decimal, double>>;
};
struct fn_avg {
  static constexpr std::string_view sql = "AVG";
  static constexpr bool never_null = false;
  template <class T>
  using result = std::conditional_t<kind_of<T> == sql_kind::decimal, decimal, double>;
};
struct fn_min {
  static constexpr std::string_view sql = "MIN";
  static constexpr bool never_null = false;
  template <class T>
  using result = strip_optional_t<T>;
};
struct fn_max {
  static constexpr std::string_view sql = "MAX";
  static constexpr bool never_null = false;
  template <class T>
  using result = strip_optional_t<T>;
};

template <class Fn, class E, bool Distinct>
struct aggregate_expr : expr_ops<aggregate_expr<Fn, E, Distinct>> {
  using function = Fn;
  using argument = E;
  using base_type = typename Fn::template result<typename E::value_type>;
  using value_type = std::conditional_t<Fn::never_null, base_type, std::optional<base_type>>;
  using tables = typename E::tables;
  using null_checks = typename null_checks_of<E>::type;
  using bare_columns = type_list<>;
  static constexpr unsigned flags = f_aggregate | (E::flags & ~f_bare_column);
  /// MIN, MAX and SUM keep the operand's stored form (SUM of scaled units is the sum in units);
  /// AVG of a REAL-stored decimal is REAL; everything else has the kind's default form.
  static constexpr storage_format storage = [] {
    if constexpr (std::is_same_v<Fn, fn_min> || std::is_same_v<Fn, fn_max> || std::is_same_v<Fn, fn_sum>) {
      return storage_of<E>();
    } else if constexpr (std::is_same_v<Fn, fn_avg>) {
      return storage_of<E>().form == sqlite_storage::decimal_real ? storage_of<E>() : storage_format{};
    } else {
      return storage_format{};
    }
  }();
  static constexpr bool is_aggregate_node = true;
  static_assert((check_placement<place::aggregate_arg, E::flags>(), true));
  using window_bare_columns = typename bare_columns_of<E>::type;
  using window_operands = type_list<E>;
  E e;

  /// The aggregate over a window: `quarry::sum(x).over(quarry::window().partition_by(k))`.
  template <class W>
  constexpr auto over(const W& w) const {
    return window_expr<aggregate_expr, W>{{}, *this, w};
  }

  explicit constexpr aggregate_expr(E x) : e(std::move(x)) {}

  template <class Ctx>
  void render(Ctx& c) const {
    render_with(c, none_suffix{});
  }
  /// Renders the call with `suffix` (an OVER clause) inside any cast PostgreSQL needs.
  template <class Ctx, class Suffix>
  void render_with(Ctx& c, const Suffix& suffix) const {
    constexpr sql_kind k = kind_of<typename E::value_type>;
    constexpr bool pg = Ctx::dialect::array_parameters;
    if constexpr (Ctx::dialect::storage_forms && k == sql_kind::decimal &&
                  (std::is_same_v<Fn, fn_sum> || std::is_same_v<Fn, fn_avg>)) {
      constexpr sqlite_storage form = storage_of<E>().form;
      static_assert(form == sqlite_storage::decimal_real ||
                        (form == sqlite_storage::decimal_scaled && std::is_same_v<Fn, fn_sum>),
                    "quarry: SQLite has no exact decimal type: sum() needs a numeric<P, S> column (stored "
                    "as a scaled INTEGER), and avg() of exact decimals would go through double; declare "
                    "numeric<P, S>, or compute the average in C++ (sum and count)");
    }
    constexpr bool min_max = std::is_same_v<Fn, fn_min> || std::is_same_v<Fn, fn_max>;
    static_assert(!(pg && min_max && k == sql_kind::blob),
                  "quarry: PostgreSQL has no min()/max() of binary values (bytea: error 42883); compare "
                  "the bytes in C++, or aggregate another column (SQLite would accept it)");
    if constexpr (!std::is_same_v<Fn, fn_count> || Distinct) check_text_decimals<Ctx, E>();
    // PostgreSQL widens sum(bigint) to numeric and avg(integer) to numeric: cast back to the
    // promised C++ type (an overflow is then an error, never a wrong value).
    constexpr bool cast_bigint = pg && std::is_same_v<Fn, fn_sum> && k == sql_kind::integer;
    constexpr bool cast_double = pg && std::is_same_v<Fn, fn_avg> && k != sql_kind::decimal;
    if constexpr (cast_bigint || cast_double) c.text("CAST(");
    // PostgreSQL has no min/max of boolean (42883); BOOL_AND is the minimum of booleans and
    // BOOL_OR the maximum (both skip NULLs and return NULL for no rows, as MIN and MAX do).
    if constexpr (pg && min_max && k == sql_kind::boolean)
      c.text(std::is_same_v<Fn, fn_min> ? std::string_view{"BOOL_AND"} : std::string_view{"BOOL_OR"});
    else
      c.text(Fn::sql);
    c.text(Distinct ? "(DISTINCT " : "(");
    e.render(c);
    c.text(")");
    suffix.render(c);
    if constexpr (cast_bigint) c.text(" AS BIGINT)");
    if constexpr (cast_double) c.text(" AS DOUBLE PRECISION)");
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
  }
};

/// COUNT(*).
struct count_star : expr_ops<count_star> {
  using value_type = std::int64_t;
  using tables = type_list<>;
  using bare_columns = type_list<>;
  static constexpr unsigned flags = f_aggregate;
  static constexpr bool is_aggregate_node = true;
  using function = fn_count;
  using window_bare_columns = type_list<>;
  using window_operands = type_list<>;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text("COUNT(*)");
  }
  template <class W>
  constexpr auto over(const W& w) const {
    return window_expr<count_star, W>{{}, *this, w};
  }
  template <class B>
  void bind(B&) const {}
};

template <class Fn, bool Distinct, class E>
constexpr auto make_aggregate(E&& e) {
  using X = std::remove_cvref_t<E>;
  static_assert(expression<X>, "quarry: aggregate functions take a column or an expression");
  return aggregate_expr<Fn, X, Distinct>(std::forward<E>(e));
}

}  // namespace detail

/// COUNT(*): rows in the group (or the whole result).
constexpr detail::count_star count() { return {}; }
/// COUNT(e): non-NULL values of e.
template <class E>
constexpr auto count(E&& e) {
  return detail::make_aggregate<detail::fn_count, false>(std::forward<E>(e));
}
/// COUNT(DISTINCT e).
template <class E>
constexpr auto count_distinct(E&& e) {
  return detail::make_aggregate<detail::fn_count, true>(std::forward<E>(e));
}
/// SUM(e): numeric operands only.
template <class E>
constexpr auto sum(E&& e) {
  static_assert(detail::is_numeric(kind_of<typename std::remove_cvref_t<E>::value_type>),
                "quarry: sum() needs a numeric operand");
  return detail::make_aggregate<detail::fn_sum, false>(std::forward<E>(e));
}
/// AVG(e): numeric operands only.
template <class E>
constexpr auto avg(E&& e) {
  static_assert(detail::is_numeric(kind_of<typename std::remove_cvref_t<E>::value_type>),
                "quarry: avg() needs a numeric operand");
  return detail::make_aggregate<detail::fn_avg, false>(std::forward<E>(e));
}
/// MIN(e).
template <class E>
constexpr auto min(E&& e) {
  return detail::make_aggregate<detail::fn_min, false>(std::forward<E>(e));
}
/// MAX(e).
template <class E>
constexpr auto max(E&& e) {
  return detail::make_aggregate<detail::fn_max, false>(std::forward<E>(e));
}

}  // namespace quarry
