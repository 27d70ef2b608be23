#pragma once
/// \file quarry/expr/functions.hpp
/// Scalar functions with portable spellings: COALESCE, NULLIF, CAST, CASE, string and math
/// functions, and date extraction/truncation (rendered per dialect, always in UTC).

#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/expr/value.hpp"
#include "quarry/render/dialect.hpp"

namespace quarry {
namespace detail {

/// The stored form of a call's result, for functions that say it (Fn::storage); other calls
/// over a column with a custom form have none, and storage_of<> refuses them.
template <class Fn>
struct fn_storage {};
template <class Fn>
  requires requires { Fn::storage; }
struct fn_storage<Fn> {
  static constexpr storage_format storage = Fn::storage;
};

/// A call whose result keeps the stored form F of its operands (COALESCE, NULLIF, ABS).
template <class Fn, storage_format F>
struct stored_call : Fn {
  static constexpr storage_format storage = F;
};

/// A function call node: Fn::render(ctx, args) writes the SQL; R is the result type.
template <class Fn, class R, class... A>
struct func_expr : expr_ops<func_expr<Fn, R, A...>>, fn_storage<Fn> {
  using value_type = R;
  using tables = merged_tables<A...>;
  using null_checks = merged_null_checks<A...>;
  using bare_columns = merged_bare_columns<A...>;
  using operands = type_list<A...>;
  static constexpr unsigned flags = (0u | ... | A::flags);
  pack<A...> args;

  template <class Ctx>
  void render(Ctx& c) const {
    Fn::render(c, args);
  }
  template <class B>
  void bind(B& b) const {
    apply_pack([&](const auto&... a) { (a.bind(b), ...); }, args);
  }
};

/// NAME(arg, arg, ...)
template <class Name>
struct plain_call {
  template <class Ctx, class Tuple>
  static void render(Ctx& c, const Tuple& args) {
    c.text(Name::value);
    c.text("(");
    bool first = true;
    apply_pack([&](const auto&... a) { ((c.text(first ? "" : ", "), first = false, a.render(c)), ...); }, args);
    c.text(")");
  }
};
#define QUARRY_DETAIL_FN_NAME(id, text)              \
  struct id {                                        \
    static constexpr std::string_view value = text; \
  }
QUARRY_DETAIL_FN_NAME(n_coalesce, "COALESCE");
QUARRY_DETAIL_FN_NAME(n_nullif, "NULLIF");
QUARRY_DETAIL_FN_NAME(n_lower, "LOWER");
QUARRY_DETAIL_FN_NAME(n_upper, "UPPER");
QUARRY_DETAIL_FN_NAME(n_length, "LENGTH");
QUARRY_DETAIL_FN_NAME(n_trim, "TRIM");
QUARRY_DETAIL_FN_NAME(n_abs, "ABS");
QUARRY_DETAIL_FN_NAME(n_substr, "SUBSTR");
QUARRY_DETAIL_FN_NAME(n_replace, "REPLACE");
#undef QUARRY_DETAIL_FN_NAME

template <class Fn, class R, class... V>
constexpr auto make_call(V&&... v) {
  return func_expr<Fn, R, operand_t<V>...>{{}, {}, {{make_operand(std::forward<V>(v))}...}};
}

/// A call whose operands meet as one value (COALESCE, NULLIF): their stored forms must agree,
/// and bound values among them take that form.
template <class Fn, class R, class... V>
constexpr auto make_stored_call(V&&... v) {
  static_assert(storages_agree<operand_t<V>...>(),
                "quarry: the operands are stored in different SQLite forms (sqlite_as<> / numeric<P, S>); "
                "give the columns the same form");
  constexpr storage_format F = common_storage<operand_t<V>...>();
  using Call = std::conditional_t<is_custom_form(F.form), stored_call<Fn, F>, Fn>;
  return func_expr<Call, R, std::remove_cvref_t<decltype(adopt<F>(make_operand(std::forward<V>(v))))>...>{
      {}, {}, {{adopt<F>(make_operand(std::forward<V>(v)))}...}};
}

/// The argument of a date function on SQLite, in a form strftime() reads: ISO text and julian
/// days as they are, unix time with the 'unixepoch' modifier.
template <class A, class Ctx>
void render_time_arg(Ctx& c, const A& a) {
  constexpr sqlite_storage f = storage_of<A>().form;
  if constexpr (f == sqlite_storage::unix_millis) {
    c.text("(");
    a.render(c);
    c.text(") / 1000.0, 'unixepoch'");
  } else {
    a.render(c);
    if constexpr (f == sqlite_storage::unix_seconds) c.text(", 'unixepoch'");
  }
}

template <class T, class... A>
using nullable_result = nullable_if_any<T, A...>;

/// An integer parameter for a function that takes SQL INTEGER (PostgreSQL resolves functions by
/// argument type, and quarry binds integers as 64-bit).
struct int_param : expr_ops<int_param> {
  using value_type = std::int64_t;
  using tables = type_list<>;
  static constexpr unsigned flags = f_value;
  std::int64_t v;
  template <class Ctx>
  void render(Ctx& c) const {
    c.text("CAST(");
    c.param();
    c.text(" AS INTEGER)");
  }
  template <class B>
  void bind(B& b) const {
    b(v);
  }
};

/// a || b (string concatenation, both dialects).
struct concat_call {
  template <class Ctx, class Tuple>
  static void render(Ctx& c, const Tuple& args) {
    c.text("(");
    bool first = true;
    apply_pack([&](const auto&... a) { ((c.text(first ? "" : " || "), first = false, a.render(c)), ...); }, args);
    c.text(")");
  }
};

/// CAST(e AS type), with the dialect's name for T.
template <class T>
struct cast_call {
  template <class Ctx, class Tuple>
  static void render(Ctx& c, const Tuple& args) {
    c.text("CAST(");
    get_item<0>(args).render(c);
    c.text(" AS ");
    c.text(Ctx::dialect::column_type(value_traits<T>::kind, static_cast<int>(sizeof(T))));
    c.text(")");
  }
};

enum class date_field { year, month, day, hour, minute, second };

/// Extracts a calendar field as an integer, in UTC.
template <date_field F>
struct extract_call {
  template <class Ctx, class Tuple>
  static void render(Ctx& c, const Tuple& args) {
    constexpr std::string_view pg[] = {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"};
    constexpr std::string_view lite[] = {"%Y", "%m", "%d", "%H", "%M", "%S"};
    if constexpr (Ctx::dialect::array_parameters) {
      c.text("CAST(FLOOR(EXTRACT(");
      c.text(pg[static_cast<int>(F)]);
      c.text(" FROM ");
      get_item<0>(args).render(c);
      using A = std::remove_cvref_t<decltype(get_item<0>(args))>;
      if constexpr (kind_of<typename A::value_type> == sql_kind::timestamp) c.text(" AT TIME ZONE 'UTC'");
      c.text(")) AS BIGINT)");  // EXTRACT(SECOND) has a fraction: floor, never round
    } else {
      c.text("CAST(strftime('");
      c.text(lite[static_cast<int>(F)]);
      c.text("', ");
      render_time_arg(c, get_item<0>(args));
      c.text(") AS INTEGER)");
    }
  }
};

/// Truncates a timestamp to the start of its day/month/year/hour, in UTC. The result is ISO
/// text on SQLite (whole seconds: SQLite's canonical form), whatever form the operand has.
template <date_field F>
struct trunc_call {
  static constexpr storage_format storage{sqlite_storage::iso_text, 0, 0};
  template <class Ctx, class Tuple>
  static void render(Ctx& c, const Tuple& args) {
    constexpr std::string_view pg[] = {"year", "month", "day", "hour", "minute", "second"};
    constexpr std::string_view lite[] = {"%Y-01-01 00:00:00", "%Y-%m-01 00:00:00", "%Y-%m-%d 00:00:00",
                                         "%Y-%m-%d %H:00:00", "%Y-%m-%d %H:%M:00", "%Y-%m-%d %H:%M:%S"};
    if constexpr (Ctx::dialect::array_parameters) {
      c.text("date_trunc('");
      c.text(pg[static_cast<int>(F)]);
      c.text("', ");
      get_item<0>(args).render(c);
      c.text(", 'UTC')");
    } else {
      c.text("strftime('");
      c.text(lite[static_cast<int>(F)]);
      c.text("', ");
      render_time_arg(c, get_item<0>(args));
      c.text(")");
    }
  }
};

template <class E>
using arg_t = std::remove_cvref_t<decltype(make_operand(std::declval<E>()))>;

/// One operand of coalesce() against the first; kinds_comparable<first, operand> names both.
template <sql_kind First, sql_kind Operand>
constexpr bool check_coalesce_operand() {
  static_assert(kinds_comparable<First, Operand>::value,
                "quarry: coalesce() operands must have compatible SQL types (their kinds are the "
                "arguments of kinds_comparable<first, operand>); give a fallback of the first "
                "operand's type, or convert with quarry::cast<T>(...)");
  return true;
}

}  // namespace detail

/// COALESCE(a, b, ...): not optional when the last operand cannot be NULL.
template <class A, class... B>
constexpr auto coalesce(A&& a, B&&... b) {
  static_assert(sizeof...(B) > 0, "quarry: coalesce() needs at least two operands");
  using T = detail::strip_optional_t<typename detail::arg_t<A>::value_type>;
  (detail::check_coalesce_operand<kind_of<T>, kind_of<typename detail::arg_t<B>::value_type>>(), ...);
  using Last = typename std::tuple_element_t<sizeof...(B) - 1, std::tuple<detail::arg_t<B>...>>::value_type;
  using R = std::conditional_t<detail::is_optional_v<Last>, std::optional<T>, T>;
  return detail::make_stored_call<detail::plain_call<detail::n_coalesce>, R>(std::forward<A>(a), std::forward<B>(b)...);
}
/// NULLIF(a, b): NULL when a = b.
template <class A, class B>
constexpr auto nullif(A&& a, B&& b) {
  using T = detail::strip_optional_t<typename detail::arg_t<A>::value_type>;
  detail::check_comparable<kind_of<T>, kind_of<typename detail::arg_t<B>::value_type>>();  // nullif() compares a with b
  return detail::make_stored_call<detail::plain_call<detail::n_nullif>, std::optional<T>>(std::forward<A>(a),
                                                                                            std::forward<B>(b));
}
/// CAST(e AS T) in the dialect's type for T; `quarry::cast<double>(users.age)`.
template <class T, class E>
constexpr auto cast(E&& e) {
  constexpr bool plain = sql_value<T> && !detail::is_optional_v<T>;
  static_assert(plain, "quarry: cast<T>() needs a plain SQL value type");
  using U = std::conditional_t<plain, T, std::int64_t>;  // a stand-in keeps follow-on errors away
  using R = detail::nullable_result<U, detail::arg_t<E>>;
  static_assert(!(detail::arg_t<E>::flags & detail::f_stored),
                "quarry: cast<T>() of a column with a non-default SQLite storage form (sqlite_as<> / "
                "numeric<P, S>) would cast the stored INTEGER or REAL, not the time or number; select the "
                "column and convert in C++");
  return detail::make_call<detail::cast_call<U>, R>(std::forward<E>(e));
}

#define QUARRY_DETAIL_TEXT_FN(fn, name, result)                                                     \
  template <class E>                                                                               \
  constexpr auto fn(E&& e) {                                                                       \
    static_assert(kind_of<typename detail::arg_t<E>::value_type> == sql_kind::text,                \
                  "quarry: " #fn "() needs a text operand");                                      \
    return detail::make_call<detail::plain_call<detail::name>,                                     \
                             detail::nullable_result<result, detail::arg_t<E>>>(std::forward<E>(e)); \
  }
/// LOWER(s), UPPER(s), TRIM(s), LENGTH(s) (characters, as std::int64_t).
QUARRY_DETAIL_TEXT_FN(lower, n_lower, std::string)
QUARRY_DETAIL_TEXT_FN(upper, n_upper, std::string)
QUARRY_DETAIL_TEXT_FN(trim, n_trim, std::string)
QUARRY_DETAIL_TEXT_FN(length, n_length, std::int64_t)
#undef QUARRY_DETAIL_TEXT_FN

/// SUBSTR(s, start, count) with 1-based start, as in SQL.
template <class E>
constexpr auto substr(E&& e, std::int64_t start, std::int64_t count) {
  static_assert(kind_of<typename detail::arg_t<E>::value_type> == sql_kind::text, "quarry: substr() needs a text operand");
  return detail::make_call<detail::plain_call<detail::n_substr>, detail::nullable_result<std::string, detail::arg_t<E>>>(
      std::forward<E>(e), detail::int_param{{}, start}, detail::int_param{{}, count});
}
/// REPLACE(s, from, to).
template <class E, class F, class T>
constexpr auto replace(E&& e, F&& from, T&& to) {
  static_assert(kind_of<typename detail::arg_t<E>::value_type> == sql_kind::text, "quarry: replace() needs a text operand");
  return detail::make_call<detail::plain_call<detail::n_replace>, detail::nullable_result<std::string, detail::arg_t<E>>>(
      std::forward<E>(e), std::forward<F>(from), std::forward<T>(to));
}
/// a || b || ... (text concatenation).
template <class A, class... B>
constexpr auto concat(A&& a, B&&... b) {
  static_assert(((kind_of<typename detail::arg_t<A>::value_type> == sql_kind::text) && ... &&
                 (kind_of<typename detail::arg_t<B>::value_type> == sql_kind::text)),
                "quarry: concat() joins text operands; cast<std::string>() the others");
  return detail::make_call<detail::concat_call, detail::nullable_result<std::string, detail::arg_t<A>, detail::arg_t<B>...>>(
      std::forward<A>(a), std::forward<B>(b)...);
}
/// ABS(x).
template <class E>
constexpr auto abs(E&& e) {
  using T = typename detail::arg_t<E>::value_type;
  static_assert(detail::is_numeric(kind_of<T>), "quarry: abs() needs a numeric operand");
  return detail::make_stored_call<detail::plain_call<detail::n_abs>, T>(std::forward<E>(e));
}

/// Calendar fields of a timestamp or date, as std::int64_t, in UTC:
/// `quarry::extract<quarry::date_field::year>(orders.created_at)`.
using detail::date_field;
template <date_field F, class E>
constexpr auto extract(E&& e) {
  constexpr sql_kind k = kind_of<typename detail::arg_t<E>::value_type>;
  static_assert(k == sql_kind::timestamp || k == sql_kind::date, "quarry: extract() needs a timestamp or a date");
  static_assert(k == sql_kind::timestamp || F <= date_field::day, "quarry: a date has no time-of-day fields");
  return detail::make_call<detail::extract_call<F>, detail::nullable_result<std::int64_t, detail::arg_t<E>>>(std::forward<E>(e));
}
/// The start of the year/month/day/hour/minute/second containing a timestamp, in UTC.
template <date_field F, class E>
constexpr auto trunc(E&& e) {
  static_assert(kind_of<typename detail::arg_t<E>::value_type> == sql_kind::timestamp,
                "quarry: trunc<>() needs a timestamp");
  return detail::make_call<detail::trunc_call<F>, detail::nullable_result<timestamp, detail::arg_t<E>>>(std::forward<E>(e));
}

}  // namespace quarry
