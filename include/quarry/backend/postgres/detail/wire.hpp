#pragma once
/// \file quarry/backend/postgres/detail/wire.hpp
/// PostgreSQL's binary wire format for the fixed-size types: network byte order integers and
/// floats, timestamps and dates counted from 2000-01-01, uuid as 16 bytes.

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/types.hpp"

namespace quarry::postgres::detail {

// Shifts instead of byte swaps: correct on any host byte order, and compilers emit one bswap.
inline void put_u16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v & 0xff);
}
inline void put_u32(std::string& out, std::uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  out.append(b, 4);
}
inline void put_u64(std::string& out, std::uint64_t v) {
  char b[8];
  for (int i = 7; i >= 0; --i, v >>= 8) b[i] = static_cast<char>(v & 0xff);
  out.append(b, 8);
}
inline void put_i32(std::string& out, std::int32_t v) { put_u32(out, static_cast<std::uint32_t>(v)); }
inline void put_i64(std::string& out, std::int64_t v) { put_u64(out, static_cast<std::uint64_t>(v)); }
inline void put_f64(std::string& out, double v) { put_u64(out, std::bit_cast<std::uint64_t>(v)); }

inline std::uint16_t get_u16(const char* p) noexcept {
  auto b = reinterpret_cast<const unsigned char*>(p);
  return static_cast<std::uint16_t>((b[0] << 8) | b[1]);
}
inline std::uint32_t get_u32(const char* p) noexcept {
  auto b = reinterpret_cast<const unsigned char*>(p);
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
}
inline std::uint64_t get_u64(const char* p) noexcept {
  return (std::uint64_t{get_u32(p)} << 32) | get_u32(p + 4);
}
inline std::int16_t get_i16(const char* p) noexcept { return static_cast<std::int16_t>(get_u16(p)); }
inline std::int32_t get_i32(const char* p) noexcept { return static_cast<std::int32_t>(get_u32(p)); }
inline std::int64_t get_i64(const char* p) noexcept { return static_cast<std::int64_t>(get_u64(p)); }
inline float get_f32(const char* p) noexcept { return std::bit_cast<float>(get_u32(p)); }
inline double get_f64(const char* p) noexcept { return std::bit_cast<double>(get_u64(p)); }

/// 2000-01-01 (PostgreSQL's epoch) in Unix time.
inline constexpr std::int64_t pg_epoch_days = 10957;
inline constexpr std::int64_t pg_epoch_us = pg_epoch_days * 86400 * 1000000;

/// Microseconds since 2000-01-01, or nullopt when the subtraction would overflow.
inline std::optional<std::int64_t> to_pg_timestamp(timestamp t) noexcept {
  std::int64_t us = t.time_since_epoch().count();
  if (us < std::numeric_limits<std::int64_t>::min() + pg_epoch_us) return std::nullopt;
  std::int64_t v = us - pg_epoch_us;
  // INT64_MIN/MAX are PostgreSQL's -infinity/infinity: a finite time point must not become one.
  if (v == std::numeric_limits<std::int64_t>::min() || v == std::numeric_limits<std::int64_t>::max())
    return std::nullopt;
  return v;
}
/// The time point for a binary timestamp(tz) value; nullopt for ±infinity or overflow.
inline std::optional<timestamp> from_pg_timestamp(std::int64_t v) noexcept {
  if (v == std::numeric_limits<std::int64_t>::min() || v == std::numeric_limits<std::int64_t>::max() ||
      v > std::numeric_limits<std::int64_t>::max() - pg_epoch_us)
    return std::nullopt;
  return timestamp{std::chrono::microseconds{v + pg_epoch_us}};
}

/// Days since 2000-01-01, or nullopt outside int32 (or on the ±infinity sentinels).
inline std::optional<std::int32_t> to_pg_date(date d) noexcept {
  auto days = static_cast<std::int64_t>(d.time_since_epoch().count()) - pg_epoch_days;
  if (days <= std::numeric_limits<std::int32_t>::min() || days >= std::numeric_limits<std::int32_t>::max())
    return std::nullopt;
  return static_cast<std::int32_t>(days);
}
inline std::optional<date> from_pg_date(std::int32_t v) noexcept {
  if (v == std::numeric_limits<std::int32_t>::min() || v == std::numeric_limits<std::int32_t>::max())
    return std::nullopt;
  return date{std::chrono::days{static_cast<std::int64_t>(v) + pg_epoch_days}};
}

/// Canonical uuid text: 8-4-4-4-12 lowercase hex digits.
inline std::string format_uuid(const char* p) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    auto b = static_cast<unsigned char>(p[i]);
    out += hex[b >> 4];
    out += hex[b & 0xf];
  }
  return out;
}

}  // namespace quarry::postgres::detail
