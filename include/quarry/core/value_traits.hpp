#pragma once
/// \file quarry/core/value_traits.hpp
/// C++ type <-> SQL value mapping. Every C++ type that is stored or bound maps to one of eight
/// storage types; backends bind and read only those. Users add their own types by specializing
/// `quarry::value_traits` (see docs/types.md).

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "quarry/core/decimal.hpp"
#include "quarry/core/types.hpp"

namespace quarry {

/// The SQL-level kind of a value; comparisons are allowed within a kind and among numeric kinds.
enum class sql_kind { boolean, integer, real, decimal, text, blob, timestamp, date };

/// Maps a C++ type to its storage. A specialization provides:
/// `using storage` (one of bool, std::int64_t, double, quarry::decimal, std::string, quarry::bytes,
/// quarry::timestamp, quarry::date), `kind`, `name` (for messages) and
/// `to_storage(const T&)` / `from_storage(storage)`; from_storage may throw
/// `quarry::detail::conversion_error` to report a value that does not fit.
template <class T, class Enable = void>
struct value_traits;

namespace detail {
/// Thrown by from_storage when a stored value does not fit; the reader adds table.column.
struct conversion_error {
  std::string what;
};

template <class S, sql_kind K, class Name>
struct identity_traits {
  using storage = S;
  static constexpr sql_kind kind = K;
  static constexpr std::string_view name = Name::value;
  static const S& to_storage(const S& v) noexcept { return v; }
  static S from_storage(S v) noexcept { return v; }
};
#define QUARRY_DETAIL_NAME(id, text) \
  struct id {                         \
    static constexpr std::string_view value = text; \
  }
QUARRY_DETAIL_NAME(name_bool, "boolean");
QUARRY_DETAIL_NAME(name_double, "double");
QUARRY_DETAIL_NAME(name_text, "text");
QUARRY_DETAIL_NAME(name_blob, "bytes");
QUARRY_DETAIL_NAME(name_timestamp, "timestamp");
QUARRY_DETAIL_NAME(name_date, "date");
QUARRY_DETAIL_NAME(name_decimal, "decimal");
#undef QUARRY_DETAIL_NAME

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
inline constexpr bool is_optional_v = is_optional<T>::value;

template <class T>
struct strip_optional {
  using type = T;
};
template <class T>
struct strip_optional<std::optional<T>> {
  using type = T;
};
template <class T>
using strip_optional_t = typename strip_optional<T>::type;

template <class T>
inline constexpr bool is_char_type_v =
    std::is_same_v<T, char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> ||
    std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;
}  // namespace detail

template <>
struct value_traits<bool> : detail::identity_traits<bool, sql_kind::boolean, detail::name_bool> {};
template <>
struct value_traits<double> : detail::identity_traits<double, sql_kind::real, detail::name_double> {};
template <>
struct value_traits<std::string> : detail::identity_traits<std::string, sql_kind::text, detail::name_text> {};
template <>
struct value_traits<bytes> : detail::identity_traits<bytes, sql_kind::blob, detail::name_blob> {};
template <>
struct value_traits<timestamp> : detail::identity_traits<timestamp, sql_kind::timestamp, detail::name_timestamp> {};
template <>
struct value_traits<date> : detail::identity_traits<date, sql_kind::date, detail::name_date> {};
template <>
struct value_traits<decimal> : detail::identity_traits<decimal, sql_kind::decimal, detail::name_decimal> {};

/// float is stored as double; reading a finite double beyond float's range is an error (the
/// infinities are floats too).
template <>
struct value_traits<float> {
  using storage = double;
  static constexpr sql_kind kind = sql_kind::real;
  static constexpr std::string_view name = "float";
  static double to_storage(float v) noexcept { return v; }
  static float from_storage(double v) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (v != inf && v != -inf && (v > std::numeric_limits<float>::max() || v < std::numeric_limits<float>::lowest()))
      throw detail::conversion_error{"value " + std::to_string(v) + " is out of range for float"};
    return static_cast<float>(v);
  }
};

/// Integers of every width are stored as 64-bit; reading checks the range, never truncates.
template <class T>
struct value_traits<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                        !detail::is_char_type_v<T>>> {
  static_assert(!(std::is_unsigned_v<T> && sizeof(T) >= 8),
                "quarry: 64-bit unsigned integers have no SQL type that holds all their values; "
                "use std::int64_t (or specialize quarry::value_traits to say how to store it)");
  using storage = std::int64_t;
  static constexpr sql_kind kind = sql_kind::integer;
  static constexpr std::string_view name =
      sizeof(T) == 1 ? "int8" : sizeof(T) == 2 ? "int16" : sizeof(T) == 4 ? "int32" : "int64";
  static constexpr std::int64_t to_storage(T v) noexcept { return static_cast<std::int64_t>(v); }
  static T from_storage(std::int64_t v) {
    if constexpr (sizeof(T) < 8 || std::is_unsigned_v<T>) {
      if (v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
          v > static_cast<std::int64_t>(std::numeric_limits<T>::max()))
        throw detail::conversion_error{"value " + std::to_string(v) + " is out of range for " +
                                       std::string(name)};
    }
    return static_cast<T>(v);
  }
};

namespace detail {
template <class T>
concept has_value_traits = requires { typename value_traits<T>::storage; };
}

/// A C++ type quarry can store in a column or bind as a parameter (optional<T> included).
template <class T>
concept sql_value = detail::has_value_traits<detail::strip_optional_t<T>>;

/// The kind of a (possibly optional) C++ type.
template <class T>
inline constexpr sql_kind kind_of = value_traits<detail::strip_optional_t<T>>::kind;

namespace detail {
constexpr bool is_numeric(sql_kind k) noexcept {
  return k == sql_kind::integer || k == sql_kind::real || k == sql_kind::decimal;
}
/// Whether values of the two kinds may be compared in SQL.
constexpr bool comparable(sql_kind a, sql_kind b) noexcept {
  return a == b || (is_numeric(a) && is_numeric(b));
}

/// The type a bound value is kept as inside an expression: strings are copied into
/// std::string so a query object never dangles.
template <class V>
struct param_type {
  using type = std::remove_cvref_t<V>;
};
template <class V>
  requires std::is_convertible_v<const V&, std::string_view> && (!std::is_same_v<std::remove_cvref_t<V>, std::nullptr_t>)
struct param_type<V> {
  using type = std::string;
};
template <class V>
using param_type_t = typename param_type<std::remove_cvref_t<std::decay_t<V>>>::type;
}  // namespace detail

}  // namespace quarry
