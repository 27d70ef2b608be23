#pragma once
/// \file quarry/schema/detail/reflect.hpp
/// Compile-time reflection helpers: the index of a member pointer within its struct (through
/// Boost.PFR and an object that is declared but never defined), and the member count of a
/// descriptor aggregate that has an empty base class (which PFR does not support).

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace quarry::detail {

template <class T>
struct fake_holder {
  const T value;
};
// Declared, never defined: only its address and its members' addresses are used, in constant
// expressions and unevaluated contexts. (The same technique Boost.PFR uses for field names.)
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wundefined-var-template"
#pragma clang diagnostic ignored "-Wundefined-internal"
#endif
template <class T>
extern const fake_holder<T> fake_object;
template <class T>
consteval const T& fake() noexcept {
  return fake_object<T>.value;
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

template <class MP>
struct member_pointer_traits;
template <class S, class F>
struct member_pointer_traits<F S::*> {
  using struct_type = S;
  using field_type = F;
};

template <class S, auto MP, std::size_t... I>
consteval std::size_t field_index_impl(std::index_sequence<I...>) {
  std::size_t r = sizeof...(I);
  const void* target = &(fake<S>().*MP);
  ((static_cast<const void*>(&boost::pfr::get<I>(fake<S>())) == target ? (r = I, 0) : 0), ...);
  return r;
}

/// Position of the field that member pointer MP designates within its struct.
template <auto MP>
consteval std::size_t field_index() {
  using S = typename member_pointer_traits<decltype(MP)>::struct_type;
  return field_index_impl<S, MP>(std::make_index_sequence<boost::pfr::tuple_size_v<S>>{});
}

/// Converts to anything; used to count aggregate members.
struct any_init {
  template <class T>
  constexpr operator T() const noexcept;  // declared only
};

template <class T, class Base, std::size_t... I>
consteval bool aggregate_init_with(std::index_sequence<I...>) {
  return requires { T{std::declval<Base>(), (void(I), any_init{})...}; };
}

/// Number of data members of aggregate T whose single (empty) base class is Base.
template <class T, class Base, std::size_t N = 0>
consteval std::size_t member_count() {
  if constexpr (N > 64) {
    return N;
  } else if constexpr (!aggregate_init_with<T, Base>(std::make_index_sequence<N + 1>{})) {
    return N;
  } else {
    return member_count<T, Base, N + 1>();
  }
}

}  // namespace quarry::detail
