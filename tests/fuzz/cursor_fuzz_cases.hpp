#pragma once
// Cursor-token fuzzing shared by tests/fuzz/cursor_token_fuzz.cpp (libFuzzer, scripts/fuzz) and
// tests/unit/pagination.cpp (a fixed-seed run in the normal suite). The only outcomes allowed
// for any input are "accepted" and quarry::invalid_cursor: anything else escapes and fails.

#include <quarry/page.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cursor_fuzz {

/// One key of every storage type (and a nullable one), so every decoder path is reachable.
struct Item {
  std::int64_t id;
  bool flag;
  std::int16_t small;
  double real;
  std::string name;
  quarry::bytes blob;
  quarry::timestamp at;
  quarry::date day;
  quarry::decimal amount;
  std::optional<std::string> note;
};

inline constexpr struct items_t : quarry::table<"fuzz_items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::flag, "flag"> flag;
  column<&Item::small, "small"> small;
  column<&Item::real, "real"> real;
  column<&Item::name, "name"> name;
  column<&Item::blob, "blob"> blob;
  column<&Item::at, "at"> at;
  column<&Item::day, "day"> day;
  column<&Item::amount, "amount"> amount;
  column<&Item::note, "note"> note;
} items;

inline auto make_pager() {
  return quarry::paginate(quarry::select(items).where(items.small > 0), items.flag, items.small.desc(), items.real,
                          items.name, items.blob, items.at, items.day, items.amount,
                          items.note.asc(quarry::nulls_last), items.id);
}
using pager_type = decltype(make_pager());

/// A keyed FNV-1a "signature" for tests. NOT a MAC: use HMAC in applications
/// (docs/pagination.md shows one).
class test_signer final : public quarry::cursor_signer {
 public:
  explicit test_signer(std::uint64_t key) : key_(key) {}
  std::size_t signature_size() const noexcept override { return 8; }
  std::string sign(std::string_view payload) const override {
    std::uint64_t h = quarry::detail::fnv1a64(payload, 0xcbf29ce484222325ull ^ key_);
    std::string out;
    quarry::detail::put_be(out, h, 8);
    return out;
  }

 private:
  std::uint64_t key_;
};

inline const test_signer& signer() {
  static const test_signer s{0x5eed};
  return s;
}

/// Valid tokens: unsigned and signed, with and without a NULL key, extreme values.
inline const std::vector<std::string>& seeds() {
  static const std::vector<std::string> tokens = [] {
    using namespace std::chrono;
    auto p = make_pager();
    auto s = p.signed_by(signer());
    pager_type::key_values a{true, std::int16_t{-7}, 2.5, "h\xC3\xA9llo", quarry::bytes{std::byte{0}, std::byte{255}},
                             quarry::timestamp(microseconds(1700000000123456)), quarry::date(days(19000)),
                             quarry::decimal("-12.340"), std::nullopt, 42};
    pager_type::key_values b{false, std::int16_t{32767}, -0.0, "", quarry::bytes{},
                             quarry::timestamp(microseconds(-62167219200000000)), quarry::date(days(2932896)),
                             quarry::decimal("0"), std::string("note"), -1};
    return std::vector<std::string>{p.cursor_for(a), p.cursor_for(b), s.cursor_for(a), s.cursor_for(b)};
  }();
  return tokens;
}

enum class outcome { accepted, rejected };

/// Checks `token` with the unsigned (is_signed = false) or signed pager.
inline outcome check_token(std::string_view token, bool is_signed) {
  static const pager_type plain = make_pager();
  static const pager_type with_signer = make_pager().signed_by(signer());
  try {
    (is_signed ? with_signer : plain).validate_cursor(token);
    return outcome::accepted;
  } catch (const quarry::invalid_cursor&) {
    return outcome::rejected;
  }
}

/// Wraps `body` as a token of the fuzz pager with a correct length field, fingerprint and
/// checksum, so that random bodies reach the value decoder.
inline std::string wrap_body(std::string body) {
  static const std::uint64_t fp = make_pager().fingerprint();
  std::string header;
  header += static_cast<char>(quarry::cursor_version);
  header += '\0';
  quarry::detail::put_be(header, (body.size() + 13) & 0xFFFF, 2);
  quarry::detail::put_be(header, fp, 8);
  header += static_cast<char>(pager_type::key_count);
  std::string raw = header + body;
  quarry::detail::put_be(raw, quarry::detail::crc32(raw), 4);
  return quarry::detail::base64url_encode(raw);
}

/// One fuzz input: the first byte picks what the rest means.
///   0: the token text itself            1: bit flips of a seed (positions from the input)
///   2: a seed cut short                 3: a seed with bytes overwritten
///   4: a value body under a valid header, fingerprint and checksum
inline outcome run_input(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return check_token({}, false);
  std::uint8_t mode = data[0] % 5;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto& s = seeds();
  std::size_t pick = rest.empty() ? 0 : static_cast<unsigned char>(rest[0]) % s.size();
  bool is_signed = pick >= 2;
  std::string token = s[pick];
  switch (mode) {
    case 0: return check_token(rest, (data[0] & 0x80) != 0);
    case 1:
      for (std::size_t i = 1; i + 1 < rest.size(); i += 2) {
        std::size_t at = static_cast<unsigned char>(rest[i]) % token.size();
        token[at] = static_cast<char>(token[at] ^ (1 << (static_cast<unsigned char>(rest[i + 1]) % 8)));
      }
      return check_token(token, is_signed);
    case 2:
      token.resize(rest.size() > 1 ? static_cast<unsigned char>(rest[1]) % token.size() : 0);
      return check_token(token, is_signed);
    case 3:
      for (std::size_t i = 1; i + 1 < rest.size(); i += 2)
        token[static_cast<unsigned char>(rest[i]) % token.size()] = rest[i + 1];
      return check_token(token, is_signed);
    default: return check_token(wrap_body(std::string(rest)), false);
  }
}

}  // namespace cursor_fuzz
