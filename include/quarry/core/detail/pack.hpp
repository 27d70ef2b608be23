#pragma once
/// \file quarry/core/detail/pack.hpp
/// A fixed list of heterogeneous values (the expressions of a select list, the keys of ORDER BY,
/// the items of FROM, ...): a flat aggregate with one base per element, instead of std::tuple.
/// std::tuple's recursive layout, constrained constructors and std::apply's invoke machinery are
/// instantiated again for every expression list of every statement type a program builds; the
/// pack is an aggregate (copied and moved member-wise by the compiler) and its two helpers are
/// one function each (docs/benchmarks.md, "Build cost").
///
///     pack<A, B> p{a, b};                 // aggregate initialization (brace elision)
///     get_item<0>(p);                     // a
///     apply_pack([](const auto&... x) { ... }, p);

#include <cstddef>
#include <utility>

namespace quarry::detail {

template <std::size_t I, class T>
struct pack_leaf {
  T value;
};

template <class Seq, class... T>
struct pack_impl;
template <std::size_t... I, class... T>
struct pack_impl<std::index_sequence<I...>, T...> : pack_leaf<I, T>... {
  static constexpr std::size_t size = sizeof...(T);
};

template <class... T>
using pack = pack_impl<std::index_sequence_for<T...>, T...>;

template <std::size_t I, class T>
constexpr const T& get_item(const pack_leaf<I, T>& l) noexcept {
  return l.value;
}
template <std::size_t I, class T>
constexpr T& get_item(pack_leaf<I, T>& l) noexcept {
  return l.value;
}

/// f(element...) for a pack, like std::apply for a tuple.
template <class F, std::size_t... I, class... T>
constexpr decltype(auto) apply_pack(F&& f, const pack_impl<std::index_sequence<I...>, T...>& p) {
  return std::forward<F>(f)(static_cast<const pack_leaf<I, T>&>(p).value...);
}

}  // namespace quarry::detail
