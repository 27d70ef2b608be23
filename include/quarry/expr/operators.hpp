#pragma once
/// \file quarry/expr/operators.hpp
/// Comparison (= <> < <= > >=), logical (AND OR NOT) and arithmetic (+ - * / %) operators on
/// expressions. Operand types are checked: comparing text with a number, or combining
/// non-boolean conditions with &&, does not compile.

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "quarry/core/value_traits.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/expr/value.hpp"

namespace quarry::detail {

struct op_eq { static constexpr std::string_view sql = " = "; static constexpr int precedence = prec_compare; };
struct op_ne { static constexpr std::string_view sql = " <> "; static constexpr int precedence = prec_compare; };
struct op_lt { static constexpr std::string_view sql = " < "; static constexpr int precedence = prec_compare; };
struct op_le { static constexpr std::string_view sql = " <= "; static constexpr int precedence = prec_compare; };
struct op_gt { static constexpr std::string_view sql = " > "; static constexpr int precedence = prec_compare; };
struct op_ge { static constexpr std::string_view sql = " >= "; static constexpr int precedence = prec_compare; };
struct op_and { static constexpr std::string_view sql = " AND "; static constexpr int precedence = prec_and; };
struct op_or { static constexpr std::string_view sql = " OR "; static constexpr int precedence = prec_or; };
struct op_add { static constexpr std::string_view sql = " + "; static constexpr int precedence = prec_add; };
struct op_sub { static constexpr std::string_view sql = " - "; static constexpr int precedence = prec_add; };
struct op_mul { static constexpr std::string_view sql = " * "; static constexpr int precedence = prec_mul; };
struct op_div { static constexpr std::string_view sql = " / "; static constexpr int precedence = prec_mul; };
struct op_mod { static constexpr std::string_view sql = " % "; static constexpr int precedence = prec_mul; };

/// Result type of arithmetic on two numeric operands: integers widen to 64-bit, any real makes
/// double, any decimal makes decimal.
template <class L, class R>
using arithmetic_result_t = std::conditional_t<
    kind_of<typename L::value_type> == sql_kind::decimal || kind_of<typename R::value_type> == sql_kind::decimal,
    decimal,
    std::conditional_t<kind_of<typename L::value_type> == sql_kind::real ||
                           kind_of<typename R::value_type> == sql_kind::real,
                       double, std::int64_t>>;

/// The stored form of an arithmetic result on SQLite, and whether SQLite computes it exactly.
struct arith_form {
  storage_format result{};
  bool adopt_values = false;  // bound operands take the form (x + 1 on scaled cents binds 100)
  bool sqlite_exact = true;
};

template <class Op, class L, class R, class T>
constexpr arith_form arithmetic_form() {
  if constexpr (kind_of<T> != sql_kind::decimal) {
    return {};
  } else {
    constexpr bool lv = is_value_node<L>::value, rv = is_value_node<R>::value;
    constexpr storage_format sl = lv ? storage_format{} : storage_of<L>();
    constexpr storage_format sr = rv ? storage_format{} : storage_of<R>();
    constexpr bool cl = is_custom_form(sl.form), cr = is_custom_form(sr.form);
    if constexpr (!cl && !cr) {
      return {default_storage(sql_kind::decimal), false, true};
    } else {
      constexpr storage_format x = cl ? sl : sr;          // the custom side
      constexpr storage_format y = cl ? sr : sl;          // the other side (native when a value)
      constexpr bool other_value = cl ? rv : lv;
      constexpr sql_kind other_kind = kind_of<typename std::conditional_t<cl, R, L>::value_type>;
      constexpr bool add = std::is_same_v<Op, op_add> || std::is_same_v<Op, op_sub>;
      constexpr bool mul = std::is_same_v<Op, op_mul>;
      if constexpr (x.form == sqlite_storage::decimal_real) {
        // REAL arithmetic: inexact by the form's nature (15 digits), but consistently REAL.
        constexpr bool ok = other_value || !is_custom_form(y.form) || y.form == sqlite_storage::decimal_real;
        return {x, true, ok};
      } else if constexpr (add) {
        return {x, true, other_value || compatible_storage(x, y)};
      } else if constexpr (mul && other_kind == sql_kind::integer) {
        return {x, false, true};  // units * n is the product in units
      } else if constexpr (mul && cl && cr && x.form == y.form) {
        constexpr int p = sl.precision + sr.precision, sc = sl.scale + sr.scale;
        return {{sqlite_storage::decimal_scaled, static_cast<std::int16_t>(p), static_cast<std::int16_t>(sc)}, false,
                p <= 18};
      } else {
        return {x, false, false};
      }
    }
  }
}

template <class Op, class L, class R, class T, arith_form F = arith_form{}>
struct binary_expr : expr_ops<binary_expr<Op, L, R, T, F>> {
  using value_type = nullable_if_any<T, L, R>;
  static constexpr storage_format storage = F.result;
  using tables = merged_tables<L, R>;
  using null_checks = merged_null_checks<L, R>;
  using bare_columns = merged_bare_columns<L, R>;
  using operands = type_list<L, R>;
  static constexpr unsigned flags = L::flags | R::flags;
  static constexpr int precedence = Op::precedence;
  L l;  // an aggregate: binary_expr<...>{{}, l, r}
  R r;

  template <class Ctx>
  void render(Ctx& c) const {
    if constexpr (Ctx::dialect::storage_forms) {
      static_assert(F.sqlite_exact,
                    "quarry: SQLite cannot compute this decimal arithmetic exactly in the column's storage "
                    "form (a numeric<P, S> column is an INTEGER of 10^-S units: +, - with the same scale and "
                    "* by an integer work; / and % do not); compute it in C++ or on PostgreSQL");
    }
    if constexpr (Op::precedence == prec_compare) check_text_decimals<Ctx, L, R>();
    render_child<precedence, false>(l, c);
    c.text(Op::sql);
    render_child<precedence, true>(r, c);
  }
  template <class B>
  void bind(B& b) const {
    l.bind(b);
    r.bind(b);
  }
};

template <class E>
struct not_expr : expr_ops<not_expr<E>> {
  using value_type = typename E::value_type;
  using tables = typename E::tables;
  using null_checks = typename null_checks_of<E>::type;
  using bare_columns = typename bare_columns_of<E>::type;
  using operands = type_list<E>;
  static constexpr unsigned flags = E::flags;
  static constexpr int precedence = prec_not;
  E e;
  constexpr explicit not_expr(E x) : e(std::move(x)) {}
  template <class Ctx>
  void render(Ctx& c) const {
    // NOT binds looser than comparisons in SQL; parenthesize anyway so the text reads as meant.
    c.text("NOT ");
    render_child<100, true>(e, c);
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
  }
};

template <class E>
struct negate_expr : expr_ops<negate_expr<E>> {
  using value_type = typename E::value_type;
  using tables = typename E::tables;
  using null_checks = typename null_checks_of<E>::type;
  using bare_columns = typename bare_columns_of<E>::type;
  using operands = type_list<E>;
  static constexpr unsigned flags = E::flags;
  static constexpr int precedence = prec_unary;
  E e;
  constexpr explicit negate_expr(E x) : e(std::move(x)) {}
  template <class Ctx>
  void render(Ctx& c) const {
    c.text("-");
    render_child<precedence, true>(e, c);
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
  }
};

template <class A, class B>
concept either_expression = expression<std::remove_cvref_t<A>> || expression<std::remove_cvref_t<B>>;

template <class Op, class A, class B>
constexpr auto make_comparison(A&& a, B&& b) {
  static_assert(!std::is_same_v<std::remove_cvref_t<A>, std::nullopt_t> &&
                    !std::is_same_v<std::remove_cvref_t<B>, std::nullopt_t>,
                "quarry: comparing with std::nullopt would render '= NULL', which is never true; use "
                ".is_null() / .is_not_null()");
  using L = operand_t<A>;
  using R = operand_t<B>;
  check_comparable<kind_of<typename L::value_type>, kind_of<typename R::value_type>>();  // names both kinds
  static_assert(binds_no_optional_v<L, R>,
                "quarry: comparing with a std::optional value would render '= NULL', which is never "
                "true; test with .is_null() or compare with a plain value");
  static_assert(storages_agree<L, R>(),
                "quarry: compares two expressions stored in different SQLite forms (sqlite_as<> / "
                "numeric<P, S> with another scale); SQLite would compare their stored values, not the "
                "times or numbers; give both columns the same form");
  if constexpr (((L::flags | R::flags) & f_collated) || (declares_collation<L> && declares_collation<R>))
    static_assert(check_collations<L, R>());
  constexpr storage_format F = common_storage<L, R>();
  auto l = adopt<F>(make_operand(std::forward<A>(a)));
  auto r = adopt<F>(make_operand(std::forward<B>(b)));
  return binary_expr<Op, decltype(l), decltype(r), bool>{{}, std::move(l), std::move(r)};
}

template <class Op, class A, class B>
constexpr auto make_logical(A&& a, B&& b) {
  using L = operand_t<A>;
  using R = operand_t<B>;
  static_assert(std::is_same_v<strip_optional_t<typename L::value_type>, bool> &&
                    std::is_same_v<strip_optional_t<typename R::value_type>, bool>,
                "quarry: && and || combine conditions; both operands must be boolean expressions");
  return binary_expr<Op, L, R, bool>{{}, make_operand(std::forward<A>(a)), make_operand(std::forward<B>(b))};
}

template <class Op, class A, class B>
constexpr auto make_arithmetic(A&& a, B&& b) {
  using L = operand_t<A>;
  using R = operand_t<B>;
  static_assert(is_numeric(kind_of<typename L::value_type>) && is_numeric(kind_of<typename R::value_type>),
                "quarry: arithmetic needs numeric operands (integer, real or decimal)");
  using T = arithmetic_result_t<L, R>;
  constexpr arith_form F = arithmetic_form<Op, L, R, T>();
  if constexpr (F.adopt_values) {
    auto l = adopt<F.result>(make_operand(std::forward<A>(a)));
    auto r = adopt<F.result>(make_operand(std::forward<B>(b)));
    return binary_expr<Op, decltype(l), decltype(r), T, F>{{}, std::move(l), std::move(r)};
  } else {
    return binary_expr<Op, L, R, T, F>{{}, make_operand(std::forward<A>(a)), make_operand(std::forward<B>(b))};
  }
}

#define QUARRY_DETAIL_BINARY(op, maker, tag)                 \
  template <class A, class B>                                \
    requires either_expression<A, B>                         \
  constexpr auto operator op(A&& a, B&& b) {                 \
    return maker<tag>(std::forward<A>(a), std::forward<B>(b)); \
  }
QUARRY_DETAIL_BINARY(==, make_comparison, op_eq)
QUARRY_DETAIL_BINARY(!=, make_comparison, op_ne)
QUARRY_DETAIL_BINARY(<, make_comparison, op_lt)
QUARRY_DETAIL_BINARY(<=, make_comparison, op_le)
QUARRY_DETAIL_BINARY(>, make_comparison, op_gt)
QUARRY_DETAIL_BINARY(>=, make_comparison, op_ge)
QUARRY_DETAIL_BINARY(&&, make_logical, op_and)
QUARRY_DETAIL_BINARY(||, make_logical, op_or)
QUARRY_DETAIL_BINARY(+, make_arithmetic, op_add)
QUARRY_DETAIL_BINARY(-, make_arithmetic, op_sub)
QUARRY_DETAIL_BINARY(*, make_arithmetic, op_mul)
QUARRY_DETAIL_BINARY(/, make_arithmetic, op_div)
QUARRY_DETAIL_BINARY(%, make_arithmetic, op_mod)
#undef QUARRY_DETAIL_BINARY

template <class E>
  requires expression<std::remove_cvref_t<E>>
constexpr auto operator!(E&& e) {
  using X = std::remove_cvref_t<E>;
  static_assert(std::is_same_v<strip_optional_t<typename X::value_type>, bool>,
                "quarry: ! negates a condition; its operand must be a boolean expression");
  return not_expr<X>(std::forward<E>(e));
}

template <class E>
  requires expression<std::remove_cvref_t<E>>
constexpr auto operator-(E&& e) {
  using X = std::remove_cvref_t<E>;
  static_assert(is_numeric(kind_of<typename X::value_type>), "quarry: unary minus needs a numeric operand");
  return negate_expr<X>(std::forward<E>(e));
}

}  // namespace quarry::detail
