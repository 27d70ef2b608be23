#pragma once
/// \file quarry/core/decimal.hpp
/// An exact decimal number for NUMERIC/DECIMAL columns. It never passes through double.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "quarry/core/error.hpp"

namespace quarry {

/// An exact decimal: sign, a string of decimal digits and a scale (digits after the point; a
/// negative scale means trailing zeros before the point). Any number of digits.
///
///     quarry::decimal price{"19.99"};
///     price.to_string();                 // "19.99"
///     decimal{"1.50"} == decimal{"1.5"}  // true: comparison is numeric, text keeps the scale
class decimal {
 public:
  decimal() = default;
  decimal(std::int64_t v) {  // NOLINT: implicit from integers is lossless
    neg_ = v < 0;
    auto u = neg_ ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    digits_ = std::to_string(u);
  }
  /// units × 10^-scale, e.g. `decimal::scaled(1999, 2)` is 19.99 (how SQLite's numeric<P, S>
  /// columns store it); no text is parsed.
  static decimal scaled(std::int64_t units, std::int32_t scale) {
    decimal d(units);
    d.scale_ = scale;
    return d;
  }
  /// Parses "-12.345", "1e-3", "1.2E+5"; throws quarry::type_mismatch on anything else
  /// (including NaN and infinities, which a decimal cannot hold).
  explicit decimal(std::string_view text) { parse(text); }

  bool negative() const noexcept { return neg_ && !is_zero(); }
  /// Digits after the decimal point as written (may be negative).
  std::int32_t scale() const noexcept { return scale_; }
  /// The digits without sign or point, e.g. "1999" for 19.99.
  const std::string& digits() const noexcept { return digits_; }

  /// Plain notation, never an exponent: "-0.001", "1200" (scale -2), "1.50".
  std::string to_string() const {
    std::string out;
    if (negative()) out += '-';
    if (scale_ <= 0) {
      out += digits_;
      if (!is_zero()) out.append(static_cast<std::size_t>(-scale_), '0');
      return out;
    }
    auto s = static_cast<std::size_t>(scale_);
    if (digits_.size() <= s) {
      out += "0.";
      out.append(s - digits_.size(), '0');
      out += digits_;
    } else {
      out.append(digits_, 0, digits_.size() - s);
      out += '.';
      out.append(digits_, digits_.size() - s, s);
    }
    return out;
  }

  /// Whether the value fits NUMERIC(precision, scale) exactly: at most `scale` fraction digits
  /// (trailing zeros do not count) and at most precision - scale digits before the point.
  bool fits(int precision, int scale) const noexcept {
    if (is_zero()) return true;
    std::int64_t frac = scale_;  // significant fraction digits
    for (std::size_t k = digits_.size(); frac > 0 && k > 0 && digits_[k - 1] == '0'; --k) --frac;
    if (frac > scale) return false;
    const std::int64_t int_digits = static_cast<std::int64_t>(digits_.size()) - scale_;
    return int_digits <= precision - scale;
  }

  friend bool operator==(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 0; }
  friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) noexcept {
    int c = compare(a, b);
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
  }

 private:
  bool is_zero() const noexcept { return digits_.find_first_not_of('0') == std::string::npos; }

  [[noreturn, gnu::cold, gnu::noinline]] static void bad(std::string_view text) {
    throw type_mismatch(errc::type_mismatch,
                        "quarry: " + detail::echo(text) + " is not a finite decimal number");
  }

  void parse(std::string_view text) {
    std::string_view t = text;
    if (t.empty()) bad(text);
    neg_ = t.front() == '-';
    if (t.front() == '-' || t.front() == '+') t.remove_prefix(1);
    std::string digits;
    std::int64_t scale = 0;
    bool seen_point = false, seen_digit = false;
    std::size_t i = 0;
    for (; i < t.size(); ++i) {
      char c = t[i];
      if (c >= '0' && c <= '9') {
        digits += c;
        seen_digit = true;
        if (seen_point) ++scale;
      } else if (c == '.' && !seen_point) {
        seen_point = true;
      } else {
        break;
      }
    }
    if (!seen_digit) bad(text);
    if (i < t.size()) {
      if (t[i] != 'e' && t[i] != 'E') bad(text);
      ++i;
      bool eneg = false;
      if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
      if (i >= t.size()) bad(text);
      std::int64_t e = 0;
      for (; i < t.size(); ++i) {
        if (t[i] < '0' || t[i] > '9' || e > 100000) bad(text);
        e = e * 10 + (t[i] - '0');
      }
      scale += eneg ? e : -e;
    }
    if (scale > INT32_MAX || scale < INT32_MIN) bad(text);
    auto nz = digits.find_first_not_of('0');
    digits_ = nz == std::string::npos ? std::string("0") : digits.substr(nz);
    scale_ = static_cast<std::int32_t>(scale);
  }

  // Compares magnitudes of two normalized (leading-zero free) digit strings at their scales.
  static int compare_abs(const decimal& a, const decimal& b) noexcept {
    // Integer-part length = digits - scale; compare by aligning on the decimal point.
    std::int64_t ia = static_cast<std::int64_t>(a.digits_.size()) - a.scale_;
    std::int64_t ib = static_cast<std::int64_t>(b.digits_.size()) - b.scale_;
    bool za = a.is_zero(), zb = b.is_zero();
    if (za || zb) return za == zb ? 0 : (za ? -1 : 1);
    if (ia != ib) return ia < ib ? -1 : 1;
    std::size_t n = a.digits_.size() > b.digits_.size() ? a.digits_.size() : b.digits_.size();
    for (std::size_t k = 0; k < n; ++k) {
      char ca = k < a.digits_.size() ? a.digits_[k] : '0';
      char cb = k < b.digits_.size() ? b.digits_[k] : '0';
      if (ca != cb) return ca < cb ? -1 : 1;
    }
    return 0;
  }
  static int compare(const decimal& a, const decimal& b) noexcept {
    bool na = a.negative(), nb = b.negative();
    if (na != nb) return na ? -1 : 1;
    int c = compare_abs(a, b);
    return na ? -c : c;
  }

  bool neg_ = false;
  std::string digits_ = "0";
  std::int32_t scale_ = 0;
};

}  // namespace quarry
