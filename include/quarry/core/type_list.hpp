#pragma once
/// \file quarry/core/type_list.hpp
/// Minimal type-list algebra used by the compile-time checks (tables in scope, grouped columns).

#include <cstddef>
#include <type_traits>

namespace quarry::detail {

template <class... T>
struct type_list {
  static constexpr std::size_t size = sizeof...(T);
};

template <class L, class T>
struct contains;
template <class... Ts, class T>
struct contains<type_list<Ts...>, T> : std::bool_constant<(std::is_same_v<Ts, T> || ...)> {};
template <class L, class T>
inline constexpr bool contains_v = contains<L, T>::value;

template <class... L>
struct concat;
template <>
struct concat<> {
  using type = type_list<>;
};
template <class... A>
struct concat<type_list<A...>> {
  using type = type_list<A...>;
};
template <class... A, class... B, class... Rest>
struct concat<type_list<A...>, type_list<B...>, Rest...> : concat<type_list<A..., B...>, Rest...> {};
template <class... L>
using concat_t = typename concat<L...>::type;

/// True when every element of Sub is in Super.
template <class Sub, class Super>
struct is_subset;
template <class... S, class Super>
struct is_subset<type_list<S...>, Super> : std::bool_constant<(contains_v<Super, S> && ...)> {};
template <class Sub, class Super>
inline constexpr bool is_subset_v = is_subset<Sub, Super>::value;

template <class L>
struct first;
template <class H, class... T>
struct first<type_list<H, T...>> {
  using type = H;
};

/// Index of T in L, or L::size when absent.
template <class L, class T>
struct index_of;
template <class T>
struct index_of<type_list<>, T> : std::integral_constant<std::size_t, 0> {};
template <class H, class... R, class T>
struct index_of<type_list<H, R...>, T>
    : std::integral_constant<std::size_t, std::is_same_v<H, T> ? 0 : 1 + index_of<type_list<R...>, T>::value> {};

/// The elements of L for which Pred<T>::value is true, in order.
template <template <class> class Pred, class L>
struct filter;
template <template <class> class Pred, class... T>
struct filter<Pred, type_list<T...>> {
  using type = concat_t<std::conditional_t<Pred<T>::value, type_list<T>, type_list<>>...>;
};
template <template <class> class Pred, class L>
using filter_t = typename filter<Pred, L>::type;

/// Delays a static_assert until instantiation.
template <class...>
inline constexpr bool always_false = false;

}  // namespace quarry::detail
