#pragma once
/// \file quarry/page/cursor.hpp
/// Cursor tokens for keyset pagination: opaque base64url text holding the key values of one row
/// (the boundary of a page), bound to a fingerprint of the query, size-capped and strictly
/// validated when decoded. A bad token is a `quarry::invalid_cursor` whose message names the
/// reason. See docs/pagination.md ("Cursor tokens").
///
/// Layout of a version-1 token, before base64url (integers big-endian):
///
///     version u8 = 1 | flags u8 (bit 0: signed) | body length u16 | fingerprint u64 | key count u8
///     per key: type tag u8, then  bool: u8 0/1;  int64, timestamp (µs), date (days): i64;
///                                 double: IEEE-754 bits u64;  text, bytes, decimal: u32 length + bytes
///     trailer: CRC-32 of the body (unsigned tokens) or the signer's signature of the body
///
/// Unsigned tokens are NOT tamper-proof: anyone can decode one, change a value and re-encode it.
/// The checksum only catches accidental damage. Sign tokens (`cursor_signer`) when that matters;
/// either way a token never carries SQL and never authorizes anything (filters are re-applied).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "quarry/core/detail/std_chrono.hpp"
#include "quarry/core/decimal.hpp"
#include "quarry/core/error.hpp"
#include "quarry/core/types.hpp"

namespace quarry {

/// Signs cursor tokens so that clients cannot forge or alter them (e.g. an HMAC with a server
/// key; docs/pagination.md has an HMAC-SHA256 example with OpenSSL). The pager keeps a pointer:
/// the signer must outlive every pager that uses it. sign() and verify() may be called from
/// several threads at once.
class cursor_signer {
 public:
  virtual ~cursor_signer() = default;
  /// Bytes in every signature sign() returns (1..64).
  virtual std::size_t signature_size() const noexcept = 0;
  /// The signature of `payload`: exactly signature_size() bytes.
  virtual std::string sign(std::string_view payload) const = 0;
  /// Whether `signature` is payload's. The default recomputes sign(payload) and compares in
  /// constant time.
  virtual bool verify(std::string_view payload, std::string_view signature) const {
    std::string expected = sign(payload);
    if (expected.size() != signature.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
      diff |= static_cast<unsigned char>(expected[i] ^ signature[i]);
    return diff == 0;
  }
};

/// Version of the token layout this build writes and reads.
inline constexpr std::uint8_t cursor_version = 1;

namespace detail {

/// The storage type of a key value inside a token.
enum class cursor_type : std::uint8_t { null, boolean, int64, real, text, bytes, timestamp, date, decimal };

constexpr std::string_view to_string(cursor_type t) noexcept {
  constexpr std::string_view names[] = {"null", "bool", "int64", "double", "text", "bytes", "timestamp", "date",
                                        "decimal"};
  return static_cast<std::size_t>(t) < std::size(names) ? names[static_cast<std::size_t>(t)] : "unknown";
}

/// One key value of a token: `integer` holds bool/int64/timestamp/date, `real` a double, `data`
/// text, bytes or a decimal's plain text.
struct cursor_value {
  cursor_type type = cursor_type::null;
  std::int64_t integer = 0;
  double real = 0;
  std::string data;
};

// ---- storage type <-> cursor_value ----
template <class S>
struct cursor_type_of;
template <> struct cursor_type_of<bool> { static constexpr cursor_type value = cursor_type::boolean; };
template <> struct cursor_type_of<std::int64_t> { static constexpr cursor_type value = cursor_type::int64; };
template <> struct cursor_type_of<double> { static constexpr cursor_type value = cursor_type::real; };
template <> struct cursor_type_of<std::string> { static constexpr cursor_type value = cursor_type::text; };
template <> struct cursor_type_of<bytes> { static constexpr cursor_type value = cursor_type::bytes; };
template <> struct cursor_type_of<timestamp> { static constexpr cursor_type value = cursor_type::timestamp; };
template <> struct cursor_type_of<date> { static constexpr cursor_type value = cursor_type::date; };
template <> struct cursor_type_of<decimal> { static constexpr cursor_type value = cursor_type::decimal; };

inline cursor_value to_cursor_value(bool v) { return {cursor_type::boolean, v ? 1 : 0, 0, {}}; }
inline cursor_value to_cursor_value(std::int64_t v) { return {cursor_type::int64, v, 0, {}}; }
inline cursor_value to_cursor_value(double v) { return {cursor_type::real, 0, v, {}}; }
inline cursor_value to_cursor_value(const std::string& v) { return {cursor_type::text, 0, 0, v}; }
inline cursor_value to_cursor_value(const bytes& v) {
  return {cursor_type::bytes, 0, 0, std::string(reinterpret_cast<const char*>(v.data()), v.size())};
}
inline cursor_value to_cursor_value(timestamp v) { return {cursor_type::timestamp, v.time_since_epoch().count(), 0, {}}; }
inline cursor_value to_cursor_value(date v) {
  return {cursor_type::date, static_cast<std::int64_t>(v.time_since_epoch().count()), 0, {}};
}
inline cursor_value to_cursor_value(const decimal& v) { return {cursor_type::decimal, 0, 0, v.to_string()}; }

// The tag was checked before these are called.
inline void from_cursor_value(const cursor_value& c, bool& out) { out = c.integer != 0; }
inline void from_cursor_value(const cursor_value& c, std::int64_t& out) { out = c.integer; }
inline void from_cursor_value(const cursor_value& c, double& out) { out = c.real; }
inline void from_cursor_value(const cursor_value& c, std::string& out) { out = c.data; }
inline void from_cursor_value(const cursor_value& c, bytes& out) {
  out.resize(c.data.size());
  if (!c.data.empty()) std::memcpy(out.data(), c.data.data(), c.data.size());
}
inline void from_cursor_value(const cursor_value& c, timestamp& out) { out = timestamp(std::chrono::microseconds(c.integer)); }
inline void from_cursor_value(const cursor_value& c, date& out) { out = date(std::chrono::days(c.integer)); }
inline void from_cursor_value(const cursor_value& c, decimal& out) { out = decimal(c.data); }

/// Throws quarry::invalid_cursor: "quarry: invalid cursor: <reason>: <detail>".
[[noreturn]] inline void cursor_fault(std::string_view reason, const std::string& detail) {
  throw invalid_cursor(errc::invalid_cursor, "quarry: invalid cursor: " + std::string(reason) + ": " + detail +
                                                 "; pass a cursor exactly as a page of this query returned it");
}

// ---- base64url (RFC 4648 §5, no padding, canonical) ----
inline std::string base64url_encode(std::string_view in) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((in.size() * 4 + 2) / 3);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(in[k])); };
  for (; i + 3 <= in.size(); i += 3) {
    std::uint32_t v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    for (int s = 18; s >= 0; s -= 6) out += alphabet[(v >> s) & 63];
  }
  if (in.size() - i == 1) {
    std::uint32_t v = byte(i) << 16;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
  } else if (in.size() - i == 2) {
    std::uint32_t v = byte(i) << 16 | byte(i + 1) << 8;
    for (int s = 18; s >= 6; s -= 6) out += alphabet[(v >> s) & 63];
  }
  return out;
}

constexpr int base64url_digit(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

/// Decodes base64url without padding; rejects other characters, impossible lengths and
/// non-zero unused bits (so every byte string has exactly one token).
inline std::string base64url_decode(std::string_view in) {
  if (in.size() % 4 == 1) cursor_fault("malformed", "not base64url (impossible length " + std::to_string(in.size()) + ")");
  std::string out;
  out.reserve(in.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    int d = base64url_digit(in[i]);
    if (d < 0)
      cursor_fault("malformed", "not base64url (character " + std::to_string(static_cast<unsigned char>(in[i])) +
                                    " at offset " + std::to_string(i) + ")");
    acc = (acc << 6 | static_cast<std::uint32_t>(d)) & 0xFFFFFFu;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFFu);
    }
  }
  if ((acc & ((1u << bits) - 1u)) != 0) cursor_fault("malformed", "not canonical base64url (unused bits set)");
  return out;
}

// ---- hashes ----
/// FNV-1a, 64 bit: the query fingerprint (detects a token of another query, not an attacker).
constexpr std::uint64_t fnv1a64(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ull) noexcept {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

/// CRC-32 (IEEE 802.3, reflected): detects every change of up to 32 consecutive bits, so any
/// single altered character of a token.
inline std::uint32_t crc32(std::string_view s) noexcept {
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : s) {
    c ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

// ---- the token ----
inline constexpr std::size_t cursor_header_size = 13;  // version, flags, length, fingerprint, count
inline constexpr std::uint8_t cursor_flag_signed = 1;

/// What a token is checked against: the query's fingerprint and key count, the signer, the cap.
struct cursor_codec {
  std::uint64_t fingerprint;
  std::size_t key_count;
  const cursor_signer* signer;
  std::size_t max_length;  ///< characters of the token text
};

inline void put_be(std::string& out, std::uint64_t v, int bytes) {
  for (int s = (bytes - 1) * 8; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xFFu);
}

/// Whether s is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
inline bool valid_utf8(std::string_view s) noexcept {
  constexpr std::uint32_t min_cp[] = {0, 0x80, 0x800, 0x10000};
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;  // continuation bytes
    std::uint32_t cp;
    if (c < 0x80) {
      n = 0, cp = c;
    } else if ((c >> 5) == 6) {
      n = 1, cp = c & 0x1Fu;
    } else if ((c >> 4) == 14) {
      n = 2, cp = c & 0x0Fu;
    } else if ((c >> 3) == 30) {
      n = 3, cp = c & 0x07u;
    } else {
      return false;
    }
    if (s.size() - i - 1 < n) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return false;
      cp = cp << 6 | (cc & 0x3Fu);
    }
    if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

/// Timestamps and dates a token may hold: years 0000..9999 (what both backends store).
inline constexpr std::int64_t cursor_min_day = -719528;       // 0000-01-01
inline constexpr std::int64_t cursor_max_day = 2932896;       // 9999-12-31
inline constexpr std::int64_t cursor_day_us = 86400000000ll;  // microseconds per day

/// Encodes key values as a token. Throws quarry::usage_error when the token would be longer
/// than the codec's cap (a very long text key).
inline std::string encode_cursor(const cursor_codec& codec, const std::vector<cursor_value>& values) {
  std::string body;
  body += static_cast<char>(cursor_version);
  body += static_cast<char>(codec.signer ? cursor_flag_signed : 0);
  put_be(body, 0, 2);  // body length, filled in below
  put_be(body, codec.fingerprint, 8);
  body += static_cast<char>(values.size());
  for (const cursor_value& v : values) {
    body += static_cast<char>(v.type);
    switch (v.type) {
      case cursor_type::null: break;
      case cursor_type::boolean: body += static_cast<char>(v.integer != 0); break;
      case cursor_type::int64:
      case cursor_type::timestamp:
      case cursor_type::date: put_be(body, static_cast<std::uint64_t>(v.integer), 8); break;
      case cursor_type::real: {
        std::uint64_t bits;
        std::memcpy(&bits, &v.real, sizeof bits);
        put_be(body, bits, 8);
        break;
      }
      case cursor_type::text:
      case cursor_type::bytes:
      case cursor_type::decimal:
        put_be(body, v.data.size() > 0xFFFFFFFFu ? 0xFFFFFFFFu : v.data.size(), 4);
        body += v.data;
        break;
    }
  }
  std::size_t trailer = codec.signer ? codec.signer->signature_size() : 4;
  std::size_t chars = ((body.size() + trailer) * 4 + 2) / 3;
  if (body.size() > 0xFFFF || chars > codec.max_length)
    throw usage_error(errc::usage, "quarry: a cursor would be " + std::to_string(chars) +
                                       " characters, over this pager's limit of " +
                                       std::to_string(codec.max_length) +
                                       " (a key value is very long); raise it with max_cursor_length() or "
                                       "page by shorter keys");
  body[2] = static_cast<char>(body.size() >> 8);
  body[3] = static_cast<char>(body.size() & 0xFFu);
  if (codec.signer) {
    std::string sig = codec.signer->sign(body);
    if (sig.size() != trailer)
      throw usage_error(errc::usage, "quarry: the cursor signer returned " + std::to_string(sig.size()) +
                                         " bytes but its signature_size() is " + std::to_string(trailer));
    body += sig;
  } else {
    put_be(body, crc32(body), 4);
  }
  return base64url_encode(body);
}

/// Reads the body of a token after its header; every read is bounds-checked.
struct cursor_reader {
  std::string_view s;
  std::size_t pos;
  std::size_t key;

  void need(std::size_t n) const {
    if (s.size() - pos < n)
      cursor_fault("malformed", "key " + std::to_string(key + 1) + " runs past the end of the token body");
  }
  std::uint64_t be(int bytes) {
    need(static_cast<std::size_t>(bytes));
    std::uint64_t v = 0;
    for (int k = 0; k < bytes; ++k) v = v << 8 | static_cast<unsigned char>(s[pos++]);
    return v;
  }
  std::string chunk() {
    auto n = static_cast<std::size_t>(be(4));
    need(n);
    std::string out(s.substr(pos, n));
    pos += n;
    return out;
  }
};

inline cursor_value read_cursor_value(cursor_reader& r) {
  cursor_value v;
  std::uint64_t tag = r.be(1);
  std::string where = "key " + std::to_string(r.key + 1) + " ";
  if (tag > static_cast<std::uint8_t>(cursor_type::decimal))
    cursor_fault("malformed", where + "has an unknown type tag " + std::to_string(tag));
  v.type = static_cast<cursor_type>(tag);
  switch (v.type) {
    case cursor_type::null: break;
    case cursor_type::boolean:
      v.integer = static_cast<std::int64_t>(r.be(1));
      if (v.integer > 1) cursor_fault("malformed", where + "is a bool that is neither 0 nor 1");
      break;
    case cursor_type::int64: v.integer = static_cast<std::int64_t>(r.be(8)); break;
    case cursor_type::timestamp: {
      v.integer = static_cast<std::int64_t>(r.be(8));
      if (v.integer < cursor_min_day * cursor_day_us || v.integer >= (cursor_max_day + 1) * cursor_day_us)
        cursor_fault("malformed", where + "is a timestamp outside the years 0000..9999");
      break;
    }
    case cursor_type::date:
      v.integer = static_cast<std::int64_t>(r.be(8));
      if (v.integer < cursor_min_day || v.integer > cursor_max_day)
        cursor_fault("malformed", where + "is a date outside the years 0000..9999");
      break;
    case cursor_type::real: {
      std::uint64_t bits = r.be(8);
      std::memcpy(&v.real, &bits, sizeof bits);
      break;
    }
    case cursor_type::text:
      v.data = r.chunk();
      if (!valid_utf8(v.data)) cursor_fault("malformed", where + "is text that is not valid UTF-8");
      break;
    case cursor_type::bytes: v.data = r.chunk(); break;
    case cursor_type::decimal: {
      v.data = r.chunk();
      bool canonical = !v.data.empty() && v.data.size() <= 1000;
      for (char c : v.data) canonical = canonical && ((c >= '0' && c <= '9') || c == '.' || c == '-');
      if (canonical) {
        try {
          canonical = decimal(v.data).to_string() == v.data;
        } catch (const type_mismatch&) {
          canonical = false;
        }
      }
      if (!canonical) cursor_fault("malformed", where + "is not a decimal number in plain notation");
      break;
    }
  }
  return v;
}

/// Decodes and checks a token: size, base64url, version, length, checksum or signature,
/// fingerprint, key count, every value. Throws quarry::invalid_cursor naming the first problem.
inline std::vector<cursor_value> decode_cursor(const cursor_codec& codec, std::string_view token) {
  if (token.empty()) cursor_fault("malformed", "the token is empty");
  if (token.size() > codec.max_length)
    cursor_fault("oversized", "the token has " + std::to_string(token.size()) + " characters, the limit is " +
                                  std::to_string(codec.max_length));
  std::string raw = base64url_decode(token);
  if (raw.empty()) cursor_fault("truncated", "the token has no header");
  if (static_cast<unsigned char>(raw[0]) != cursor_version)
    cursor_fault("wrong version", "the token is version " + std::to_string(static_cast<unsigned char>(raw[0])) +
                                      ", this build of quarry reads version " + std::to_string(cursor_version));
  if (raw.size() < cursor_header_size)
    cursor_fault("truncated", "the token ends inside its header (" + std::to_string(raw.size()) + " bytes)");
  auto flags = static_cast<unsigned char>(raw[1]);
  if (flags & ~cursor_flag_signed) cursor_fault("malformed", "unknown flags " + std::to_string(flags));
  bool is_signed = (flags & cursor_flag_signed) != 0;
  std::size_t length = static_cast<std::size_t>(static_cast<unsigned char>(raw[2])) << 8 |
                       static_cast<unsigned char>(raw[3]);
  std::size_t trailer = is_signed ? (codec.signer ? codec.signer->signature_size() : 0) : 4;
  if (length < cursor_header_size) cursor_fault("malformed", "the body length field is too small");
  if (raw.size() < length + trailer)
    cursor_fault("truncated", "the token has " + std::to_string(raw.size()) + " bytes, its header announces " +
                                  std::to_string(length + trailer));
  if (is_signed && !codec.signer)
    cursor_fault("bad signature", "the token is signed but this query has no cursor signer");
  if (!is_signed && codec.signer)
    cursor_fault("bad signature", "the token is not signed but this query requires signed cursors");
  if (raw.size() > length + trailer)
    cursor_fault("malformed", std::to_string(raw.size() - length - trailer) + " trailing bytes");
  std::string_view body = std::string_view(raw).substr(0, length);
  std::string_view check = std::string_view(raw).substr(length);
  if (is_signed) {
    if (!codec.signer->verify(body, check))
      cursor_fault("bad signature", "the signature does not match (the token was altered or signed with another key)");
  } else {
    cursor_reader r{check, 0, 0};
    if (r.be(4) != crc32(body)) cursor_fault("corrupted", "the checksum does not match (the token was altered)");
  }
  cursor_reader r{body, 4, 0};
  if (r.be(8) != codec.fingerprint)
    cursor_fault("foreign query", "the token was issued for another query (other keys, directions, tables or filters)");
  auto count = static_cast<std::size_t>(r.be(1));
  if (count != codec.key_count)
    cursor_fault("foreign query", "the token holds " + std::to_string(count) + " keys, this query has " +
                                      std::to_string(codec.key_count));
  std::vector<cursor_value> values;
  values.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    r.key = k;
    values.push_back(read_cursor_value(r));
  }
  if (r.pos != body.size()) cursor_fault("malformed", std::to_string(body.size() - r.pos) + " bytes after the last key");
  return values;
}

}  // namespace detail
}  // namespace quarry
