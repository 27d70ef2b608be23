#pragma once
/// \file quarry/query/cte.hpp
/// Common table expressions: `WITH "c" AS (...) SELECT ...` and `WITH RECURSIVE`.
///
///     auto big = quarry::cte<"big">(quarry::select(users.id, users.email).from(users).where(users.age > 60));
///     quarry::with(big).select(big[users.email]).from(big);
///
/// A recursive CTE refers to itself, so its columns are declared up front:
///
///     constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>> nums;
///     auto n = nums[quarry::col<"n">];
///     quarry::with_recursive(nums.as(quarry::union_all(
///             quarry::select(quarry::val(std::int64_t{1})),
///             quarry::select(n + 1).from(nums).where(n < 10))))
///         .select(n).from(nums);
///     // WITH RECURSIVE "nums"("n") AS (SELECT ? UNION ALL SELECT "nums"."n" + ? FROM "nums"
///     //   WHERE "nums"."n" < ?) SELECT "nums"."n" FROM "nums"
///
/// CTE columns are typed and named like a derived table's (query/derived.hpp). Parameters are
/// bound in text order: the CTE bodies first, then the main select. See docs/queries.md.

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/pack.hpp"
#include "quarry/core/fixed_string.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/query/derived.hpp"
#include "quarry/query/select.hpp"

namespace quarry {
namespace detail {

/// A non-recursive CTE: in WITH `"c" AS (body)`, in FROM/JOIN `"c"`.
template <fixed_string Name, class Q>
struct cte_table : derived_access<typename tag_for<Name, true, query_fields<Q>>::type> {
  using table_tag = typename tag_for<Name, true, query_fields<Q>>::type;
  using row_type = typename table_tag::row_type;
  using derived_columns = typename table_tag::columns;
  using query_type = Q;
  static constexpr bool recursive = false;
  Q query;

  template <class Ctx>
  void render_definition(Ctx& c) const {
    c.ident(Name.view());
    c.text(" AS (");
    query.render_subquery(c);
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    query.bind(b);
  }
};

/// A recursive CTE with its body: in WITH `"c"("a", "b") AS (body)`.
template <fixed_string Name, class Q, class... F>
struct recursive_cte_def : derived_access<derived_tag<Name, true, F...>> {
  using table_tag = derived_tag<Name, true, F...>;
  using row_type = typename table_tag::row_type;
  using derived_columns = typename table_tag::columns;
  using query_type = Q;
  static constexpr bool recursive = true;
  Q query;

  template <class Ctx>
  void render_definition(Ctx& c) const {
    c.ident(Name.view());
    c.text("(");
    bool first = true;
    ((c.text(first ? "" : ", "), first = false, c.ident(F::name.view())), ...);
    c.text(") AS (");
    query.render_subquery(c);
    c.text(")");
  }
  template <class B>
  void bind(B& b) const {
    query.bind(b);
  }
};

/// cte<"c">(q) or rc.as(body) (a recursive_cte declaration alone has no body: not a definition).
template <class T>
concept cte_definition = requires {
  typename T::table_tag;
  T::recursive;
};

template <class... D>
consteval bool cte_names_unique() {
  constexpr std::string_view names[] = {D::table_tag::table_name..., {}};
  for (std::size_t a = 0; a < sizeof...(D); ++a)
    for (std::size_t b = a + 1; b < sizeof...(D); ++b)
      if (names[a] == names[b]) return false;
  return true;
}

/// WITH [RECURSIVE] def, def, ... (the ninth part of a select_stmt; see select.hpp p_with).
template <bool Recursive, class... D>
struct with_clause {
  using cte_tags = type_list<typename D::table_tag...>;
  using cte_definitions = type_list<D...>;  // what their bodies read: reads_of (query/from.hpp)
  pack<D...> defs;

  template <class Ctx>
  void render(Ctx& c) const {
    c.text(Recursive ? "WITH RECURSIVE " : "WITH ");
    bool first = true;
    apply_pack([&](const auto&... d) { ((c.text(first ? "" : ", "), first = false, d.render_definition(c)), ...); },
               defs);
    c.text(" ");
  }
  template <class B>
  void bind(B& b) const {
    bind_all(b, defs);
  }
};

/// `s` with clause W appended as its p_with part.
template <class... P, class W>
constexpr auto attach_with(const select_stmt<P...>& s, const W& w) {
  static_assert(sizeof...(P) == p_with, "quarry: with(...) is already given");
  return [&]<std::size_t... J>(std::index_sequence<J...>) {
    return select_stmt<P..., W>{{{get_item<J>(s.parts)}..., {w}}};
  }(std::index_sequence_for<P...>{});
}

/// What with(...) returns: .select(...) starts the main statement.
template <class W>
struct with_builder {
  W clause;
  /// The main SELECT: `with(c).select(c[quarry::col<"n">]).from(c)`.
  template <class... A>
  constexpr auto select(A&&... a) const {
    return attach_with(::quarry::select(std::forward<A>(a)...), clause);
  }
};

template <bool Recursive, class... D>
constexpr auto make_with(const D&... d) {
  static_assert(sizeof...(D) > 0, "quarry: with() needs at least one CTE");
  static_assert((cte_definition<D> && ...),
                "quarry: with() takes CTEs: quarry::cte<\"name\">(query), or for with_recursive() "
                "rc.as(body) where rc is a quarry::recursive_cte");
  if constexpr ((cte_definition<D> && ...)) {
    static_assert(Recursive || !(D::recursive || ...),
                  "quarry: a recursive CTE needs quarry::with_recursive(...)");
    static_assert(cte_names_unique<D...>(), "quarry: two CTEs of one with() have the same name");
  }
  using W = with_clause<Recursive, D...>;
  return with_builder<W>{W{{{d}...}}};
}

template <class Decl, class Body>
struct recursive_body_ok;
template <class... F, class... T>
struct recursive_body_ok<type_list<F...>, type_list<T...>> {
  static constexpr bool count = sizeof...(F) == sizeof...(T);
  // with a wrong count only `count` is reported
  static constexpr bool kinds = [] {
    if constexpr (count) {
      return (comparable(kind_of<typename F::type>, kind_of<T>) && ...);
    } else {
      return true;
    }
  }();
  static constexpr bool nulls = [] {
    if constexpr (count) {
      return ((is_optional_v<typename F::type> || !is_optional_v<T>) && ...);
    } else {
      return true;
    }
  }();
};

}  // namespace detail

/// A named CTE over query `q`, for quarry::with(...): `auto c = quarry::cte<"c">(select(...)...)`.
/// Its columns: `c[quarry::col<"n">]`, `c[users.city]`; `select(c)` selects them all.
template <fixed_string Name, class Q>
constexpr auto cte(const Q& q) {
  detail::check_table_query<Q>();
  return detail::cte_table<Name, Q>{{}, q};
}

/// A recursive CTE, declared with its columns because its body refers to it:
/// `constexpr quarry::recursive_cte<"nums", quarry::field<"n", std::int64_t>> nums;`. Attach the
/// body with `nums.as(body)` inside quarry::with_recursive(...).
template <fixed_string Name, class... F>
struct recursive_cte : detail::derived_access<detail::derived_tag<Name, true, F...>> {
  using table_tag = detail::derived_tag<Name, true, F...>;
  using row_type = typename table_tag::row_type;
  using derived_columns = typename table_tag::columns;

  /// The CTE with its body, usually `union_all(anchor, step)`; the body selects as many columns
  /// as declared, of compatible SQL types, and NULL only where the declaration is optional.
  template <class Q>
  constexpr auto as(const Q& body) const {
    detail::check_table_query<Q, false>();
    if constexpr (requires { typename Q::outer_tables; }) {
      using ok = detail::recursive_body_ok<detail::type_list<F...>, typename detail::query_value_types<Q>::type>;
      static_assert(ok::count, "quarry: the body of a recursive CTE must select as many columns as it declares");
      static_assert(ok::kinds,
                    "quarry: the body of a recursive CTE selects a value whose SQL type does not match the "
                    "declared field<> type");
      static_assert(ok::nulls,
                    "quarry: the body of a recursive CTE can yield NULL in a column declared not optional; "
                    "declare it field<\"name\", std::optional<T>>");
    }
    return detail::recursive_cte_def<Name, Q, F...>{{}, body};
  }
};

/// `WITH c1 AS (...), c2 AS (...) SELECT ...`: `quarry::with(c1, c2).select(...).from(c1)...`.
template <class... D>
constexpr auto with(const D&... d) {
  return detail::make_with<false>(d...);
}
/// `WITH RECURSIVE ...`: takes recursive CTEs with their bodies (`rc.as(body)`) and plain CTEs.
template <class... D>
constexpr auto with_recursive(const D&... d) {
  return detail::make_with<true>(d...);
}

}  // namespace quarry
