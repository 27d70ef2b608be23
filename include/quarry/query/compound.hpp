#pragma once
/// \file quarry/query/compound.hpp
/// UNION / UNION ALL / INTERSECT / EXCEPT of two selects whose columns have matching SQL types.
///
///     quarry::union_all(select(users.email).from(users), select(admins.email).from(admins))

#include <string_view>
#include <type_traits>

#include "quarry/query/select.hpp"

namespace quarry {
namespace detail {

struct op_union {
  static constexpr std::string_view sql = " UNION ";
};
struct op_union_all {
  static constexpr std::string_view sql = " UNION ALL ";
};
struct op_intersect {
  static constexpr std::string_view sql = " INTERSECT ";
};
struct op_except {
  static constexpr std::string_view sql = " EXCEPT ";
};

template <class A, class B>
struct columns_match : std::false_type {};
template <class... A, class... B>
  requires(sizeof...(A) == sizeof...(B))
struct columns_match<type_list<A...>, type_list<B...>>
    : std::bool_constant<(comparable(kind_of<typename A::value_type>, kind_of<typename B::value_type>) && ...)> {};

template <class Op, class L, class R>
struct compound_stmt {
  static_assert(columns_match<typename L::fields_type::exprs_list, typename R::fields_type::exprs_list>::value,
                "quarry: the selects of a UNION/INTERSECT/EXCEPT must have the same number of columns with "
                "matching SQL types");
  using fields_type = typename L::fields_type;
  using row_type = typename L::row_type;
  using outer_tables = concat_t<typename L::outer_tables, typename R::outer_tables>;
  L l;
  R r;

  template <class Ctx>
  void render(Ctx& c) const {
    check_sides();
    L::validate();
    R::validate();
    render_parts(c);
  }
  template <class Ctx>
  void render_subquery(Ctx& c) const {
    check_sides();
    L::template validate<false>();
    R::template validate<false>();
    render_parts(c);
  }
  template <class B>
  void bind(B& b) const {
    l.bind(b);
    r.bind(b);
  }

 private:
  static constexpr void check_sides() {
    static_assert(is_none_v<typename L::template part_t<p_order>> && is_none_v<typename L::template part_t<p_limit>> &&
                      is_none_v<typename L::template part_t<p_offset>>,
                  "quarry: order_by()/limit()/offset() inside one side of a UNION/INTERSECT/EXCEPT; SQLite "
                  "does not allow it");
  }
  template <class Ctx>
  void render_parts(Ctx& c) const {
    l.render_body(c);
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
