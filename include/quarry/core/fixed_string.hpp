#pragma once
/// \file quarry/core/fixed_string.hpp
/// A string usable as a template argument: table, column and alias names live in types.

#include <cstddef>
#include <string_view>

namespace quarry {

/// A compile-time string of length N, usable as a non-type template parameter.
/// `quarry::table<"users", User>` takes its name through this type.
template <std::size_t N>
struct fixed_string {
  char chars[N + 1]{};

  constexpr fixed_string(const char (&s)[N + 1]) noexcept {
    for (std::size_t i = 0; i <= N; ++i) chars[i] = s[i];
  }
  constexpr std::string_view view() const noexcept { return {chars, N}; }
  static constexpr std::size_t size() noexcept { return N; }
};

template <std::size_t N>
fixed_string(const char (&)[N]) -> fixed_string<N - 1>;

}  // namespace quarry
