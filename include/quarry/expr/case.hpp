#pragma once
/// \file quarry/expr/case.hpp
/// CASE WHEN ... THEN ... [ELSE ...] END.
///
///     quarry::case_when(users.age < 18, "minor").when(users.age < 65, "adult").else_("senior")

#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/value.hpp"
#include "quarry/query/clauses.hpp"

namespace quarry {
namespace detail {

template <class C, class V>
struct when_branch {
  C cond;
  V value;
};

template <class Else>
struct else_nullable : std::bool_constant<is_optional_v<typename Else::value_type>> {};
template <>
struct else_nullable<none> : std::true_type {};

template <class Else, class... W>
struct case_expr : expr_ops<case_expr<Else, W...>> {
  using first_value = typename std::tuple_element_t<0, std::tuple<W...>>::value_type_t;
  using T = strip_optional_t<first_value>;
  static constexpr bool may_be_null = else_nullable<Else>::value || (is_optional_v<typename W::value_type_t> || ...);
  using value_type = std::conditional_t<may_be_null, std::optional<T>, T>;
  using tables = concat_t<typename W::tables..., typename Else::tables>;
  using null_checks = concat_t<typename W::null_checks..., typename null_checks_of<Else>::type>;
  using bare_columns = concat_t<typename W::bare_columns..., typename bare_columns_of<Else>::type>;
  using operands = concat_t<typename W::operands..., type_list<Else>>;
  static constexpr unsigned flags = (Else::flags | ... | W::flags);
  pack<W...> branches;
  Else otherwise;

  template <class Ctx>
  void render(Ctx& c) const {
    c.text("CASE");
    apply_pack(
        [&](const auto&... w) {
          ((c.text(" WHEN "), w.cond.render(c), c.text(" THEN "), w.value.render(c)), ...);
        },
        branches);
    if constexpr (!is_none_v<Else>) {
      c.text(" ELSE ");
      otherwise.render(c);
    }
    c.text(" END");
  }
  template <class B>
  void bind(B& b) const {
    apply_pack([&](const auto&... w) { ((w.cond.bind(b), w.value.bind(b)), ...); }, branches);
    otherwise.bind(b);
  }
};

template <class C, class V>
struct branch : when_branch<C, V> {
  using value_type_t = typename V::value_type;
  using tables = concat_t<typename C::tables, typename V::tables>;
  using null_checks = merged_null_checks<C, V>;
  using bare_columns = merged_bare_columns<C, V>;
  using operands = type_list<C, V>;
  static constexpr unsigned flags = C::flags | V::flags;
};

template <class... W>
struct case_builder {
  pack<W...> branches;

  /// Another WHEN branch.
  template <class C, class V>
  constexpr auto when(C&& cond, V&& v) const {
    using B = branch<std::remove_cvref_t<C>, operand_t<V>>;
    check<B>();
    return apply_pack(
        [&](const auto&... w) {
          return case_builder<W..., B>{{{w}..., {B{{std::forward<C>(cond), make_operand(std::forward<V>(v))}}}}};
        },
        branches);
  }
  /// ELSE value; ends the CASE.
  template <class V>
  constexpr auto else_(V&& v) const {
    using E = operand_t<V>;
    static_assert(kinds_comparable<kind_of<typename E::value_type>, kind_of<typename first<type_list<W...>>::type::value_type_t>>::value,
                  "quarry: every branch of a CASE must have a compatible SQL type (the kinds are the "
                  "arguments of kinds_comparable<this branch, first branch>); convert the value "
                  "with quarry::cast<T>(...)");
    return case_expr<E, W...>{{}, branches, make_operand(std::forward<V>(v))};
  }
  /// Ends the CASE without ELSE (the result is NULL when no branch matches).
  constexpr auto end() const { return case_expr<none, W...>{{}, branches, {}}; }

  template <class B>
  static constexpr void check() {
    static_assert(boolean_expression<std::remove_cvref_t<decltype(std::declval<B>().cond)>>,
                  "quarry: case_when()/when() take a condition first");
    if constexpr (sizeof...(W) > 0) {
      static_assert(kinds_comparable<kind_of<typename B::value_type_t>, kind_of<typename first<type_list<W...>>::type::value_type_t>>::value,
                    "quarry: every branch of a CASE must have a compatible SQL type (the kinds are the "
                    "arguments of kinds_comparable<this branch, first branch>); convert the value "
                    "with quarry::cast<T>(...)");
    }
  }
};

}  // namespace detail

/// Starts a CASE: `case_when(cond, value).when(cond2, value2).else_(v)` (or `.end()`).
template <class C, class V>
constexpr auto case_when(C&& cond, V&& v) {
  return detail::case_builder<>{}.when(std::forward<C>(cond), std::forward<V>(v));
}

}  // namespace quarry
