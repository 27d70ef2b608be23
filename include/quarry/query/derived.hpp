#pragma once
/// \file quarry/query/derived.hpp
/// Derived tables: a select used as a table in FROM or JOIN, under a name. Its columns are typed
/// from the select list (C++ type and nullability, after GROUP BY and outer joins) and named by
/// it: a column keeps its own name, any other expression is named with `.as<"n">()`.
///
///     auto per_city = quarry::derived<"per_city">(
///         quarry::select(users.city, quarry::count(users.id).as<"n">()).from(users).group_by(users.city));
///     quarry::select(per_city[users.city], per_city[quarry::col<"n">])   // optional<string>, int64
///         .from(per_city)
///         .where(per_city[quarry::col<"n">] > 1);
///
/// `t[quarry::col<"n">]` and `t[users.city]` (the column named like users.city) are typed
/// expressions of t; an unknown name is a compile error that spells the name
/// (`column_named<'n', ...>`). CTEs (query/cte.hpp) share this machinery. See docs/queries.md.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/fixed_string.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/named.hpp"
#include "quarry/query/from.hpp"
#include "quarry/schema/alias.hpp"
#include "quarry/schema/column.hpp"

namespace quarry {

/// A named, typed column: declares the columns of a recursive CTE,
/// `quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>>`.
template <fixed_string Name, class T, storage_format S = storage_format{}>
struct field {
  static constexpr auto name = Name;
  using type = T;
  static constexpr storage_format storage = S;  // the stored form of the query column it names
};

/// A column name, to pick a column of a derived table or CTE: `t[quarry::col<"n">]`.
template <fixed_string Name>
struct col_name {
  static constexpr auto name = Name;
};
template <fixed_string Name>
inline constexpr col_name<Name> col{};

namespace detail {

/// Column F of derived table / CTE Tag: renders `"t"."n"`.
template <class Tag, class F>
struct derived_column : expr_ops<derived_column<Tag, F>> {
  using table_tag = Tag;
  using field_type = F;
  using value_type = typename F::type;
  using tables = type_list<Tag>;
  using bare_columns = type_list<derived_column>;
  static constexpr storage_format storage = F::storage;
  static constexpr unsigned flags = f_bare_column | (is_custom_form(storage.form) ? f_stored : 0u);
  static constexpr std::string_view name = F::name.view();

  template <class Ctx>
  void render(Ctx& c) const {
    c.template column<Tag>(name);
  }
  template <class B>
  void bind(B&) const {}
};

/// The tag of a derived table (Cte = false) or CTE: its name and typed columns.
template <fixed_string Name, bool Cte, class... F>
struct derived_tag {
  using table_tag = derived_tag;
  using row_type = std::tuple<typename F::type...>;
  using columns = type_list<derived_column<derived_tag, F>...>;
  static constexpr std::string_view table_name = Name.view();
  static constexpr std::string_view ref_name = Name.view();
  static constexpr bool is_cte = Cte;
};

// ---- the columns a query yields: names from its select list, types from its rows ----

/// The output name of a select-list item; empty when it has none (an unnamed expression).
template <class E>
struct output_name {
  static constexpr fixed_string<0> value{""};
};
template <class Tag, auto M, fixed_string N, class... O>
struct output_name<column<Tag, M, N, O...>> {
  static constexpr auto value = N;
};
template <class E, fixed_string N>
struct output_name<named_expr<E, N>> {
  static constexpr auto value = N;
};
template <class Tag, class F>
struct output_name<derived_column<Tag, F>> {
  static constexpr auto value = F::name;
};

template <class T>
struct is_std_tuple : std::false_type {};
template <class... T>
struct is_std_tuple<std::tuple<T...>> : std::true_type {};

template <class Tuple>
struct tuple_types;
template <class... T>
struct tuple_types<std::tuple<T...>> {
  using type = type_list<T...>;
};

template <class Wrap, class L>
struct optional_all;
template <class... C>
struct optional_all<std::true_type, type_list<C...>> {
  using type = type_list<std::optional<strip_optional_t<typename C::value_type>>...>;
};
template <class... C>
struct optional_all<std::false_type, type_list<C...>> {
  using type = type_list<typename C::value_type...>;
};

/// C++ types of the columns of query Q, in order. A compound's are unified from both sides
/// (query/compound.hpp: `column_types`).
template <class Q>
struct query_value_types {
  using row = typename Q::row_type;
  using type = typename std::conditional_t<
      is_std_tuple<row>::value, tuple_types<row>,
      optional_all<std::bool_constant<is_optional_v<row>>, typename Q::fields_type::exprs_list>>::type;
};
template <class Q>
  requires requires { typename Q::column_types; }
struct query_value_types<Q> {
  using type = typename Q::column_types;
};

template <class Exprs, class Types>
struct make_fields {
  using type = type_list<>;
};
template <class... E, class... T>
  requires(sizeof...(E) == sizeof...(T))
struct make_fields<type_list<E...>, type_list<T...>> {
  using type = type_list<field<output_name<E>::value, T, storage_of<E>()>...>;
};
/// field<name, type> for every column of query Q.
template <class Q>
using query_fields = typename make_fields<typename Q::fields_type::exprs_list, typename query_value_types<Q>::type>::type;

template <fixed_string Name, bool Cte, class Fields>
struct tag_for;
template <fixed_string Name, bool Cte, class... F>
struct tag_for<Name, Cte, type_list<F...>> {
  using type = derived_tag<Name, Cte, F...>;
};

template <class... F>
consteval bool fields_named(type_list<F...>) {
  return ((F::name.size() > 0) && ...);
}
template <class... F>
consteval bool field_names_unique(type_list<F...>) {
  constexpr std::string_view names[] = {F::name.view()..., {}};
  for (std::size_t a = 0; a < sizeof...(F); ++a)
    for (std::size_t b = a + 1; b < sizeof...(F); ++b)
      if (names[a] == names[b]) return false;
  return true;
}

/// Checks a query used as a derived table or CTE body. A recursive CTE declares its column names
/// (Named = false): its body need not name them.
template <class Q, bool Named = true>
constexpr void check_table_query() {
  static_assert(query_like<Q> && requires { typename Q::outer_tables; },
                "quarry: a derived table or CTE is made from a select statement (or a UNION of selects)");
  if constexpr (requires { typename Q::outer_tables; }) {
    static_assert(Q::outer_tables::size == 0,
                  "quarry: a derived table or CTE cannot use columns of the outer query's tables; join "
                  "those tables outside it instead");
    using fields = std::conditional_t<Named, query_fields<Q>, type_list<>>;
    static_assert(fields_named(fields{}),
                  "quarry: every column of a derived table or CTE needs a name: a column keeps its own, "
                  "name any other expression with .as<\"name\">()");
    static_assert(field_names_unique(fields{}),
                  "quarry: two columns of this derived table or CTE have the same name; rename one with "
                  ".as<\"name\">()");
  }
}

// ---- looking a column up by name ----

/// A column name spelt out as characters, so a compiler error shows it: column_named<'n', 'x'>.
template <char... C>
struct column_named {
  static constexpr char chars[] = {C..., '\0'};
  static constexpr std::string_view view() noexcept { return {chars, sizeof...(C)}; }
};
template <fixed_string N, class Seq = std::make_index_sequence<N.size()>>
struct spell;
template <fixed_string N, std::size_t... I>
struct spell<N, std::index_sequence<I...>> {
  using type = column_named<N.chars[I]...>;
};
template <class C, class Seq = std::make_index_sequence<C::name.size()>>
struct spell_name_of;
template <class C, std::size_t... I>
struct spell_name_of<C, std::index_sequence<I...>> {
  using type = column_named<C::name[I]...>;
};

template <class... C>
consteval std::size_t name_index(type_list<C...>, std::string_view n) {
  constexpr std::string_view names[] = {C::name..., {}};
  for (std::size_t i = 0; i < sizeof...(C); ++i)
    if (names[i] == n) return i;
  return sizeof...(C);
}

template <class Tag, class Name>
struct derived_lookup {
  using columns = typename Tag::columns;
  static constexpr std::size_t index = name_index(columns{}, Name::view());
  static constexpr bool found = index < columns::size;
};

template <std::size_t I, class L>
struct type_at;
template <std::size_t I, class... T>
struct type_at<I, type_list<T...>> {
  using type = std::tuple_element_t<I, std::tuple<T...>>;
};

template <class Tag, class Name>
constexpr auto derived_column_named() {
  using L = derived_lookup<Tag, Name>;
  static_assert(L::found,
                "quarry: this derived table or CTE has no column of that name (spelt out in "
                "column_named<...> next to this message); select the column in its query, or name "
                "the expression with .as<\"name\">()");
  if constexpr (L::found) {
    return typename type_at<L::index, typename Tag::columns>::type{};
  } else {
    return derived_column<Tag, field<"", std::int64_t>>{};  // keeps further errors quiet
  }
}

/// `t[quarry::col<"n">]` and `t[users.city]` on derived tables and CTEs.
template <class Tag>
struct derived_access {
  template <fixed_string N>
  constexpr auto operator[](col_name<N>) const {
    return derived_column_named<Tag, typename spell<N>::type>();
  }
  template <class C>
    requires(is_column_v<C> || requires { typename C::field_type; })
  constexpr auto operator[](const C&) const {
    return derived_column_named<Tag, typename spell_name_of<C>::type>();
  }
};

/// A derived table: `(SELECT ...) AS "t"` in FROM/JOIN.
template <fixed_string Name, class Q>
struct derived_table : derived_access<typename tag_for<Name, false, query_fields<Q>>::type> {
  using table_tag = typename tag_for<Name, false, query_fields<Q>>::type;
  using row_type = typename table_tag::row_type;
  using derived_columns = typename table_tag::columns;
  using query_type = Q;
  static constexpr bool inline_query = true;  // source_data: the FROM item holds the query
  Q query;

  template <class Ctx>
  void render_from_item(Ctx& c) const {
    c.text("(");
    query.render_subquery(c);
    c.text(") AS ");
    c.ident(Name.view());
  }
  template <class B>
  void bind(B& b) const {
    query.bind(b);
  }
};

}  // namespace detail

/// A select as a table named Name, for from()/join(): `quarry::derived<"t">(select(...)...)`.
/// Its columns: `t[quarry::col<"n">]`, `t[users.city]`; `select(t)` selects them all.
template <fixed_string Name, class Q>
constexpr auto derived(const Q& q) {
  detail::check_table_query<Q>();
  return detail::derived_table<Name, Q>{{}, q};
}

namespace detail {
/// The columns of a derived table or CTE source (for select(t)).
template <class S>
  requires requires { typename S::derived_columns; }
struct source_columns<S> {
  using type = typename S::derived_columns;
};
}  // namespace detail

}  // namespace quarry
