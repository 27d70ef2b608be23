#pragma once
/// \file quarry/backend/postgres/detail/numeric.hpp
/// quarry::decimal <-> PostgreSQL's binary numeric: int16 ndigits, int16 weight, uint16 sign,
/// uint16 dscale, then ndigits base-10000 digits, most significant first. The value is
/// sum(digit[i] * 10000^(weight - i)); dscale is the number of decimal digits after the point
/// (never negative on the wire, also for numeric(p, -s) columns). See numeric_send/numeric_recv
/// in PostgreSQL's src/backend/utils/adt/numeric.c.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/backend/postgres/detail/wire.hpp"
#include "quarry/core/decimal.hpp"

namespace quarry::postgres::detail {

inline constexpr std::uint16_t numeric_pos = 0x0000;
inline constexpr std::uint16_t numeric_neg = 0x4000;
inline constexpr std::uint16_t numeric_nan = 0xC000;
inline constexpr std::uint16_t numeric_pinf = 0xD000;
inline constexpr std::uint16_t numeric_ninf = 0xF000;
/// PostgreSQL's limits: 131072 digits before the point, 16383 after.
inline constexpr std::int64_t numeric_max_int_digits = 131072;
inline constexpr std::int64_t numeric_max_dscale = 0x3FFF;

/// Appends the binary numeric for `d`; false when it is outside PostgreSQL's numeric range.
inline bool encode_numeric(std::string& out, const decimal& d) {
  const std::string& digits = d.digits();
  std::int64_t scale = d.scale();
  std::int64_t len = static_cast<std::int64_t>(digits.size());
  std::int64_t int_len = len - scale;  // decimal digits before the point (may be <= 0)
  bool zero = digits.find_first_not_of('0') == std::string::npos;
  if (!zero && (int_len > numeric_max_int_digits || scale > numeric_max_dscale)) return false;
  std::int64_t dscale = scale > 0 ? scale : 0;

  // Align the digits on the decimal point in groups of four: pad the integer part on the left
  // and the fraction on the right.
  std::int64_t int_groups = int_len > 0 ? (int_len + 3) / 4 : 0;
  std::int64_t frac_digits = scale > 0 ? scale : 0;
  std::int64_t frac_groups = (frac_digits + 3) / 4;
  std::int64_t lead = int_groups * 4 - (int_len > 0 ? int_len : 0);  // zeros before the first digit
  std::vector<std::int16_t> groups;
  if (!zero) {
    groups.assign(static_cast<std::size_t>(int_groups + frac_groups), 0);
    // Position of digit k (0-based in `digits`) counted from the first padded integer digit.
    std::int64_t first = int_len > 0 ? lead : int_groups * 4 + (-int_len);
    for (std::int64_t k = 0; k < len; ++k) {
      std::int64_t pos = first + k;
      std::int64_t g = pos / 4;
      if (g >= static_cast<std::int64_t>(groups.size())) break;  // only trailing zeros of scale < 0
      static constexpr std::int16_t weight[] = {1000, 100, 10, 1};
      groups[static_cast<std::size_t>(g)] =
          static_cast<std::int16_t>(groups[static_cast<std::size_t>(g)] + (digits[static_cast<std::size_t>(k)] - '0') * weight[pos % 4]);
    }
  }
  std::int64_t w = int_groups - 1;
  std::size_t begin = 0, end = groups.size();
  while (begin < end && groups[begin] == 0) {
    ++begin;
    --w;
  }
  while (end > begin && groups[end - 1] == 0) --end;
  if (begin == end) w = 0;
  put_u16(out, static_cast<std::uint16_t>(end - begin));
  put_u16(out, static_cast<std::uint16_t>(static_cast<std::int16_t>(w)));
  put_u16(out, d.negative() ? numeric_neg : numeric_pos);
  put_u16(out, static_cast<std::uint16_t>(dscale));
  for (std::size_t i = begin; i < end; ++i) put_u16(out, static_cast<std::uint16_t>(groups[i]));
  return true;
}

/// A decoded numeric: its plain decimal text ("-12.3400"), or what it is when it is not finite.
struct numeric_text {
  std::string text;
  const char* special = nullptr;  ///< "NaN", "Infinity", "-Infinity", or "malformed"
};

inline numeric_text decode_numeric(const char* p, int n) {
  if (n < 8) return {{}, "malformed"};
  int ndigits = get_i16(p);
  int weight = get_i16(p + 2);
  std::uint16_t sign = get_u16(p + 4);
  int dscale = get_u16(p + 6);
  if (sign == numeric_nan) return {{}, "NaN"};
  if (sign == numeric_pinf) return {{}, "Infinity"};
  if (sign == numeric_ninf) return {{}, "-Infinity"};
  if ((sign != numeric_pos && sign != numeric_neg) || ndigits < 0 || n != 8 + 2 * ndigits) return {{}, "malformed"};
  auto group = [&](int i) -> int { return i >= 0 && i < ndigits ? get_i16(p + 8 + 2 * i) : 0; };
  auto put4 = [](std::string& s, int g) {
    char b[4] = {static_cast<char>('0' + g / 1000), static_cast<char>('0' + g / 100 % 10),
                 static_cast<char>('0' + g / 10 % 10), static_cast<char>('0' + g % 10)};
    s.append(b, 4);
  };
  numeric_text r;
  std::string& s = r.text;
  s.reserve(static_cast<std::size_t>(ndigits) * 4 + static_cast<std::size_t>(dscale) + 8);
  if (sign == numeric_neg) s += '-';
  if (weight < 0) {
    s += '0';
  } else {
    s += std::to_string(group(0));
    for (int i = 1; i <= weight; ++i) put4(s, group(i));
  }
  if (dscale > 0) {
    s += '.';
    std::size_t point = s.size();
    for (int i = weight + 1; static_cast<int>(s.size() - point) < dscale; ++i) put4(s, group(i));
    s.resize(point + static_cast<std::size_t>(dscale));
  }
  return r;
}

/// The integer value of a binary numeric when it has no fractional part and fits int64.
inline std::optional<std::int64_t> numeric_to_int64(const char* p, int n) {
  if (n < 8) return std::nullopt;
  int ndigits = get_i16(p);
  int weight = get_i16(p + 2);
  std::uint16_t sign = get_u16(p + 4);
  if ((sign != numeric_pos && sign != numeric_neg) || ndigits < 0 || n != 8 + 2 * ndigits) return std::nullopt;
  if (ndigits > weight + 1) {  // digits after the point must all be zero (they normally are trimmed)
    for (int i = weight + 1 < 0 ? 0 : weight + 1; i < ndigits; ++i)
      if (get_i16(p + 8 + 2 * i) != 0) return std::nullopt;
  }
  if (weight > 4) return std::nullopt;  // 10000^5 > 2^63
  std::uint64_t limit = sign == numeric_neg ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
  std::uint64_t mag = 0;
  for (int i = 0; i <= weight; ++i) {
    std::uint64_t g = i < ndigits ? static_cast<std::uint64_t>(get_i16(p + 8 + 2 * i)) : 0;
    if (mag > (limit - g) / 10000) return std::nullopt;
    mag = mag * 10000 + g;
  }
  return sign == numeric_neg ? static_cast<std::int64_t>(0 - mag) : static_cast<std::int64_t>(mag);
}

}  // namespace quarry::postgres::detail
