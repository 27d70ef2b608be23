#pragma once
/// \file quarry/expr/predicates.hpp
/// LIKE, BETWEEN, IN (fixed list and runtime list), IS [NOT] NULL.

#include <iterator>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "quarry/core/detail/pack.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/expr/storage.hpp"
#include "quarry/expr/value.hpp"

namespace quarry::detail {

template <class E, class P, bool Negate>
struct like_expr : expr_ops<like_expr<E, P, Negate>> {
  static_assert(kind_of<typename E::value_type> == sql_kind::text &&
                    kind_of<typename P::value_type> == sql_kind::text,
                "quarry: like() needs a text expression and a text pattern");
  static_assert(binds_no_optional_v<P>,
                "quarry: like() with a std::optional pattern would render 'LIKE NULL' when it is empty, "
                "which never matches; pass a plain string (decide in C++ what an empty one means)");
  static_assert(!((E::flags | P::flags) & f_collated),
                "quarry: LIKE does not use collations (SQLite matches ASCII case-insensitively whatever the "
                "collation, PostgreSQL matches characters and refuses nondeterministic collations); call "
                "like() without .collate<C>(), or compare lower() of both sides");
  using value_type = nullable_if_any<bool, E, P>;
  using tables = merged_tables<E, P>;
  using null_checks = merged_null_checks<E, P>;
  using bare_columns = merged_bare_columns<E, P>;
  using operands = type_list<E, P>;
  static constexpr unsigned flags = E::flags | P::flags;
  static constexpr int precedence = prec_compare;
  E e;
  P p;
  template <class Ctx>
  void render(Ctx& c) const {
    render_child<precedence, false>(e, c);
    c.text(Negate ? " NOT LIKE " : " LIKE ");
    render_child<precedence, true>(p, c);
    c.text(Ctx::dialect::like_escape_clause);  // `\` escapes on every database
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
    p.bind(b);
  }
};

template <class E, class Lo, class Hi, bool Negate>
struct between_expr : expr_ops<between_expr<E, Lo, Hi, Negate>> {
  // between() bounds must be comparable with the expression (the message names both kinds)
  static_assert(check_comparable<kind_of<typename E::value_type>, kind_of<typename Lo::value_type>>() &&
                check_comparable<kind_of<typename E::value_type>, kind_of<typename Hi::value_type>>());
  static_assert(binds_no_optional_v<Lo, Hi>,
                "quarry: between() with a std::optional bound would render 'BETWEEN NULL' when it is "
                "empty, which never matches; pass plain values, or compare with >= / <= for one bound");
  static_assert(storages_agree<E, Lo, Hi>(),
                "quarry: between() bounds are stored in another SQLite form than the expression "
                "(sqlite_as<> / numeric<P, S>); give the columns the same form");
  static_assert(check_collations<E, Lo, Hi>());
  using value_type = nullable_if_any<bool, E, Lo, Hi>;
  using tables = merged_tables<E, Lo, Hi>;
  using null_checks = merged_null_checks<E, Lo, Hi>;
  using bare_columns = merged_bare_columns<E, Lo, Hi>;
  using operands = type_list<E, Lo, Hi>;
  static constexpr unsigned flags = E::flags | Lo::flags | Hi::flags;
  static constexpr int precedence = prec_compare;
  E e;
  Lo lo;
  Hi hi;
  template <class Ctx>
  void render(Ctx& c) const {
    check_text_decimals<Ctx, E, Lo, Hi>();
    render_child<precedence, false>(e, c);
    c.text(Negate ? " NOT BETWEEN " : " BETWEEN ");
    render_child<precedence, true>(lo, c);
    c.text(" AND ");
    render_child<precedence, true>(hi, c);
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
    lo.bind(b);
    hi.bind(b);
  }
};

template <class E, bool Negate, class... V>
struct in_list_expr : expr_ops<in_list_expr<E, Negate, V...>> {
  // in() values must be comparable with the expression (the message names both kinds)
  static_assert((check_comparable<kind_of<typename E::value_type>, kind_of<typename V::value_type>>() && ...));
  static_assert(binds_no_optional_v<V...>,
                "quarry: in() with a std::optional value would render 'IN (NULL)' when it is empty, "
                "which never matches; pass plain values (or a range of them to in_values())");
  static_assert(storages_agree<E, V...>(),
                "quarry: in() values are stored in another SQLite form than the expression "
                "(sqlite_as<> / numeric<P, S>); give the columns the same form");
  static_assert(check_collations<E, V...>());
  using value_type = nullable_if_any<bool, E, V...>;
  using tables = merged_tables<E, V...>;
  using null_checks = merged_null_checks<E, V...>;
  using bare_columns = merged_bare_columns<E, V...>;
  using operands = type_list<E, V...>;
  static constexpr unsigned flags = (E::flags | ... | V::flags);
  static constexpr int precedence = prec_compare;
  E e;
  pack<V...> values;
  template <class Ctx>
  void render(Ctx& c) const {
    check_text_decimals<Ctx, E, V...>();
    render_child<precedence, false>(e, c);
    c.text(Negate ? " NOT IN (" : " IN (");
    bool first = true;
    apply_pack([&](const auto&... v) { ((c.text(first ? "" : ", "), first = false, v.render(c)), ...); }, values);
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
    apply_pack([&](const auto&... v) { (v.bind(b), ...); }, values);
  }
};

/// A runtime list bound as one parameter. The binder gets a list_param<T>.
template <class T>
struct list_param {
  const std::vector<T>* items;
  storage_format storage{};  // the stored form of the expression the items are compared with
};

/// ` IN <runtime list>` (` NOT IN` when Negate) for a list of T bound as one parameter:
/// PostgreSQL `= ANY($n)` / `<> ALL($n)`; SQLite reads a JSON array with json_each. json_each
/// cuts a string at "\u0000", so the SQLite statement sends a string's zero bytes as \x01 '0'
/// (and \x01 itself as \x01 '1'; sqlite::statement::append_json_text), which is undone here.
template <class T, bool Negate, class Ctx>
void render_list_membership(Ctx& c) {
  if constexpr (Ctx::dialect::array_parameters) {
    c.text(Negate ? " <> ALL(" : " = ANY(");
    c.param();
    c.text(")");
  } else {
    c.text(Negate ? " NOT IN (SELECT " : " IN (SELECT ");
    if constexpr (std::is_same_v<typename value_traits<T>::storage, std::string>)
      c.text("replace(replace(value, char(1) || '0', char(0)), char(1) || '1', char(1))");
    else
      c.text("value");
    c.text(" FROM json_each(");
    c.param();
    c.text("))");
  }
}

template <class E, class T, bool Negate>
struct in_values_expr : expr_ops<in_values_expr<E, T, Negate>> {
  using item_type = param_type_t<T>;
  static_assert(sql_value<item_type> && !is_optional_v<item_type>,
                "quarry: in_values() needs a range of plain (non-optional) SQL values");
  // in_values() items must be comparable with the expression (the message names both kinds)
  static_assert(check_comparable<kind_of<typename E::value_type>, kind_of<item_type>>());
  static_assert(kind_of<item_type> != sql_kind::blob, "quarry: in_values() does not take binary values");
  using value_type = nullable_if_any<bool, E>;
  using tables = typename E::tables;
  using null_checks = typename null_checks_of<E>::type;
  using bare_columns = typename bare_columns_of<E>::type;
  using operands = type_list<E>;
  static constexpr unsigned flags = E::flags | f_value;  // the runtime list
  static constexpr int precedence = prec_compare;
  E e;
  std::vector<item_type> items;

  template <class R>
  static in_values_expr from(const E& e, const R& range) {
    in_values_expr x{{}, e, {}};
    if constexpr (requires { std::size(range); }) x.items.reserve(std::size(range));
    for (const auto& v : range) x.items.push_back(item_type(v));
    return x;
  }
  template <class Ctx>
  void render(Ctx& c) const {
    check_text_decimals<Ctx, E>();
    render_child<precedence, false>(e, c);
    render_list_membership<item_type, Negate>(c);
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
    b(list_param<item_type>{&items, storage_of<E>()});
  }
};

template <class E, bool Negate>
struct is_null_expr : expr_ops<is_null_expr<E, Negate>> {
  using value_type = bool;
  using tables = typename E::tables;
  /// The statement checks that E can be NULL (nullable, or on the outer side of a join).
  using null_checks = concat_t<type_list<E>, typename null_checks_of<E>::type>;
  using bare_columns = typename bare_columns_of<E>::type;
  using operands = type_list<E>;
  static constexpr unsigned flags = E::flags;
  static constexpr int precedence = prec_compare;
  E e;
  template <class Ctx>
  void render(Ctx& c) const {
    render_child<precedence, false>(e, c);
    c.text(Negate ? " IS NOT NULL" : " IS NULL");
  }
  template <class B>
  void bind(B& b) const {
    e.bind(b);
  }
};

}  // namespace quarry::detail
