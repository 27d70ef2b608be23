#pragma once
/// \file quarry/backend/postgres/statement.hpp
/// One statement of a PostgreSQL connection: parameters are encoded into the statement's own
/// buffers in binary format with explicit type OIDs, the statement runs on the first step()
/// (PQexecPrepared or PQexecParams, binary results) and later steps walk the rows of the result.
/// Reading checks the column's type OID and names the column in every error.
/// The type mapping is documented in docs/postgres.md ("Types").

#include <libpq-fe.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "quarry/backend/binding.hpp"
#include "quarry/backend/postgres/detail/numeric.hpp"
#include "quarry/backend/postgres/detail/session.hpp"
#include "quarry/backend/postgres/detail/wire.hpp"
#include "quarry/backend/postgres/error.hpp"
#include "quarry/backend/postgres/oid.hpp"
#include "quarry/core/decimal.hpp"
#include "quarry/core/types.hpp"
#include "quarry/core/value_traits.hpp"

namespace quarry::postgres {

static_assert(std::is_same_v<Oid, oid_t>, "quarry: libpq's Oid is expected to be unsigned int");

namespace detail {
template <class S>
struct array_type;  // the array OID of a binary-encoded storage type
template <> struct array_type<bool> { static constexpr oid_t value = oid::bool_array; static constexpr oid_t element = oid::bool_; };
template <> struct array_type<std::int64_t> { static constexpr oid_t value = oid::int8_array; static constexpr oid_t element = oid::int8; };
template <> struct array_type<double> { static constexpr oid_t value = oid::float8_array; static constexpr oid_t element = oid::float8; };
template <> struct array_type<timestamp> { static constexpr oid_t value = oid::timestamptz_array; static constexpr oid_t element = oid::timestamptz; };
template <> struct array_type<date> { static constexpr oid_t value = oid::date_array; static constexpr oid_t element = oid::date; };
template <> struct array_type<decimal> { static constexpr oid_t value = oid::numeric_array; static constexpr oid_t element = oid::numeric; };
template <> struct array_type<bytes> { static constexpr oid_t value = oid::bytea_array; static constexpr oid_t element = oid::bytea; };
}  // namespace detail

class statement {
 public:
  statement(detail::session& s, std::string sql) : session_(&s), sql_(std::move(sql)) {}
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  ~statement() { PQclear(res_); }

  std::string_view sql() const noexcept { return sql_; }
  /// Columns of the current result (after the first step()).
  int column_count() const noexcept { return res_ ? PQnfields(res_) : 0; }
  /// Values are always copied into the statement's buffers at bind time (they are sent when the
  /// statement runs), so this is a no-op.
  void set_copy_values(bool) noexcept {}
  /// The server-side name of this statement once it is prepared by name, else empty.
  const std::string& prepared_name() const noexcept { return name_; }
  /// Rows of the current result not yet stepped over, counting the current one (the whole
  /// result is in memory once the statement ran), so callers can reserve.
  std::size_t remaining_rows() const noexcept { return res_ && row_ < rows_ ? static_cast<std::size_t>(rows_ - row_) : 0; }
  /// The current result (null before the first step and after reset).
  PGresult* native_result() const noexcept { return res_; }

  // ---- binding: parameter i (1-based) ----
  /// NULL keeps the parameter's type from earlier binds, so a prepared statement stays valid.
  void bind_null(int i) { slot(i).null = true; }
  void bind(int i, bool v) { append(start(i, oid::bool_), v); }
  void bind(int i, std::int64_t v) { append(start(i, oid::int8), v); }
  void bind(int i, double v) { append(start(i, oid::float8), v); }
  void bind(int i, const bytes& v) { append(start(i, oid::bytea), v); }
  void bind(int i, timestamp v) { append(start(i, oid::timestamptz), v, i); }
  void bind(int i, date v) { append(start(i, oid::date), v, i); }
  void bind(int i, const decimal& v) { append(start(i, oid::numeric), v, i); }
  /// Text is sent with type "unknown" in text format (the bytes are the same as binary text), so
  /// the server types it from its context: text, varchar, char(n), uuid, json, jsonb, enums.
  void bind(int i, const std::string& v) {
    check_text(i, v);
    param& p = slot(i);
    p.null = false;
    p.type = oid::unknown;
    p.format = 0;
    p.data = v;
  }
  /// A runtime list as one array parameter (`= ANY($n)`): binary int8[], float8[], bool[],
  /// timestamptz[], date[], numeric[]; strings as an untyped text array literal.
  template <class T>
  void bind_list(int i, const std::vector<T>& items) {
    using S = typename value_traits<T>::storage;
    if constexpr (std::is_same_v<S, std::string>) {
      param& p = slot(i);
      p.null = false;
      p.type = oid::unknown;
      p.format = 0;
      p.data = "{";
      for (const auto& item : items) {
        const std::string& s = value_traits<T>::to_storage(item);
        check_text(i, s);
        if (p.data.size() > 1) p.data += ',';
        p.data += '"';
        for (char ch : s) {
          if (ch == '"' || ch == '\\') p.data += '\\';
          p.data += ch;
        }
        p.data += '"';
      }
      p.data += '}';
    } else {
      std::string& out = start(i, detail::array_type<S>::value);
      detail::put_i32(out, items.empty() ? 0 : 1);  // dimensions
      detail::put_i32(out, 0);                      // no NULL elements
      detail::put_u32(out, detail::array_type<S>::element);
      if (!items.empty()) {
        detail::put_i32(out, static_cast<std::int32_t>(items.size()));
        detail::put_i32(out, 1);  // lower bound
      }
      for (const auto& item : items) {
        std::size_t at = out.size();
        detail::put_i32(out, 0);
        append(out, value_traits<T>::to_storage(item), i);
        auto n = static_cast<std::uint32_t>(out.size() - at - 4);
        for (int k = 0; k < 4; ++k) out[at + static_cast<std::size_t>(k)] = static_cast<char>(n >> (24 - 8 * k));
      }
    }
  }

  // ---- running ----
  /// Runs the statement on the first call; then advances. True when a row is available.
  bool step() {
    if (!res_) {
      execute();
      row_ = 0;
    } else if (row_ < rows_) {
      ++row_;
    }
    return row_ < rows_;
  }
  /// Drops the result; the next step() runs the statement again.
  void reset() noexcept {
    PQclear(res_);
    res_ = nullptr;
    rows_ = 0;
    row_ = 0;
    column_types_.clear();
  }

 private:
  /// One cell of the current row (non-NULL).
  struct cell {
    const char* p;
    int col;
    oid_t type;
  };

 public:
  // ---- reading column i of the current row (false on NULL) ----
  QUARRY_ALWAYS_INLINE bool read(int i, std::int64_t& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    if (c.type == oid::int8) [[likely]] {  // the common case, kept inline; the rest converts
      out = detail::get_i64(c.p);
      return true;
    }
    return read_other(c, out, f);
  }
 private:
  bool read_other(const cell& c, std::int64_t& out, const quarry::detail::field_info& f) {
    switch (c.type) {
      case oid::int8: out = detail::get_i64(c.p); break;
      case oid::int4: out = detail::get_i32(c.p); break;
      case oid::int2: out = detail::get_i16(c.p); break;
      case oid::oid: out = detail::get_u32(c.p); break;
      case oid::numeric: {  // e.g. sum(bigint): exact when it is a whole number in range
        auto v = detail::numeric_to_int64(c.p, length(c));
        if (!v) bad_value(f, "numeric value " + quarry::detail::echo(numeric_string(c, f)) + " is not a whole number in the range of int64");
        out = *v;
        break;
      }
      default: mismatch(f, c.type, "an integer (std::int64_t)");
    }
    return true;
  }

 public:
  bool read(int i, bool& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    if (c.type != oid::bool_) mismatch(f, c.type, "bool");
    out = *c.p != 0;
    return true;
  }
  QUARRY_ALWAYS_INLINE bool read(int i, double& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    if (c.type == oid::float8) [[likely]] {
      out = detail::get_f64(c.p);
      return true;
    }
    return read_other(c, out, f);
  }
 private:
  bool read_other(const cell& c, double& out, const quarry::detail::field_info& f) {
    switch (c.type) {
      case oid::float8: out = detail::get_f64(c.p); break;
      case oid::float4: out = detail::get_f32(c.p); break;
      case oid::int4: out = detail::get_i32(c.p); break;
      case oid::int2: out = detail::get_i16(c.p); break;
      case oid::int8: {
        std::int64_t v = detail::get_i64(c.p);
        if (v > (std::int64_t{1} << 53) || v < -(std::int64_t{1} << 53))
          bad_value(f, "bigint " + std::to_string(v) + " is not exactly representable as double");
        out = static_cast<double>(v);
        break;
      }
      case oid::numeric:
        mismatch(f, c.type, "double; numeric is exact, read it into quarry::decimal (or cast to double precision in SQL)");
      default: mismatch(f, c.type, "double");
    }
    return true;
  }

 public:
  /// Text lent until the next read: read_field<std::string> builds the string once from it.
  QUARRY_ALWAYS_INLINE bool read(int i, std::string_view& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    out = text_of(c, f);
    return true;
  }
  bool read(int i, std::string& out, const quarry::detail::field_info& f) {
    std::string_view v;
    if (!read(i, v, f)) return false;
    out.assign(v);
    return true;
  }

 private:
  /// The text of a cell: text-like types in place, binary jsonb after its version byte, uuid
  /// formatted into scratch_ (valid until the next read).
  QUARRY_ALWAYS_INLINE std::string_view text_of(const cell& c, const quarry::detail::field_info& f) {
    switch (c.type) {
      case oid::text:
      case oid::varchar:
      case oid::bpchar:
      case oid::name:
      case oid::json:
      case oid::xml:
      case oid::char_:
      case oid::unknown_literal: return std::string_view(c.p, static_cast<std::size_t>(length(c)));
      case oid::jsonb: {  // binary jsonb: a version byte (1), then the JSON text
        int n = length(c);
        if (n < 1 || c.p[0] != 1) bad_value(f, "unsupported binary jsonb version");
        return std::string_view(c.p + 1, static_cast<std::size_t>(n - 1));
      }
      case oid::uuid: scratch_ = detail::format_uuid(c.p); return scratch_;
      default: mismatch(f, c.type, "std::string");
    }
  }

 public:
  bool read(int i, bytes& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    if (c.type != oid::bytea) mismatch(f, c.type, "quarry::bytes");
    auto p = reinterpret_cast<const std::byte*>(c.p);
    out.assign(p, p + length(c));
    return true;
  }
  bool read(int i, timestamp& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    if (c.type != oid::timestamptz && c.type != oid::timestamp) mismatch(f, c.type, "quarry::timestamp");
    auto t = detail::from_pg_timestamp(detail::get_i64(c.p));
    if (!t) bad_value(f, "the timestamp is infinity or -infinity, which quarry::timestamp cannot hold");
    out = *t;
    return true;
  }
  bool read(int i, date& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    if (c.type != oid::date) mismatch(f, c.type, "quarry::date");
    auto d = detail::from_pg_date(detail::get_i32(c.p));
    if (!d) bad_value(f, "the date is infinity or -infinity, which quarry::date cannot hold");
    out = *d;
    return true;
  }
  bool read(int i, decimal& out, const quarry::detail::field_info& f) {
    cell c;
    if (!at(i, c)) return false;
    switch (c.type) {
      case oid::numeric: out = decimal(numeric_string(c, f)); break;
      case oid::int8: out = decimal(detail::get_i64(c.p)); break;
      case oid::int4: out = decimal(std::int64_t{detail::get_i32(c.p)}); break;
      case oid::int2: out = decimal(std::int64_t{detail::get_i16(c.p)}); break;
      default: mismatch(f, c.type, "quarry::decimal");
    }
    return true;
  }

 private:
  struct param {
    std::string data;
    oid_t type = oid::unknown;
    int format = 1;  // 1 binary, 0 text
    bool null = true;
  };
  param& slot(int i) {
    if (i < 1 || i > 65535)
      throw usage_error(errc::usage,
                        "quarry: parameter $" + std::to_string(i) +
                            ": PostgreSQL allows 65535 parameters per statement; bind a list as one array "
                            "parameter (in_values) instead; SQL: " + quarry::detail::echo_sql(sql_),
                        sql_);
    if (static_cast<std::size_t>(i) > params_.size()) params_.resize(static_cast<std::size_t>(i));
    return params_[static_cast<std::size_t>(i - 1)];
  }
  std::string& start(int i, oid_t type) {
    param& p = slot(i);
    p.null = false;
    p.type = type;
    p.format = 1;
    p.data.clear();
    return p.data;
  }

  // Binary encoders, shared by scalar parameters and array elements.
  static void append(std::string& out, bool v) { out += static_cast<char>(v ? 1 : 0); }
  static void append(std::string& out, std::int64_t v) { detail::put_i64(out, v); }
  static void append(std::string& out, double v) { detail::put_f64(out, v); }
  static void append(std::string& out, const bytes& v) {
    out.append(reinterpret_cast<const char*>(v.data()), v.size());
  }
  template <class S>
    requires(std::is_same_v<S, bool> || std::is_same_v<S, std::int64_t> || std::is_same_v<S, double> ||
             std::is_same_v<S, bytes>)
  static void append(std::string& out, const S& v, int) {
    append(out, v);
  }
  void append(std::string& out, timestamp v, int i) {
    auto t = detail::to_pg_timestamp(v);
    if (!t) out_of_range(i, "timestamp");
    detail::put_i64(out, *t);
  }
  void append(std::string& out, date v, int i) {
    auto d = detail::to_pg_date(v);
    if (!d) out_of_range(i, "date");
    detail::put_i32(out, *d);
  }
  void append(std::string& out, const decimal& v, int i) {
    if (!detail::encode_numeric(out, v)) out_of_range(i, "decimal (numeric allows 131072 digits before the point, 16383 after)");
  }

  void check_text(int i, const std::string& s) {
    if (std::memchr(s.data(), '\0', s.size()))
      throw usage_error(errc::usage,
                        "quarry: parameter $" + std::to_string(i) +
                            ": the string contains a zero byte, which PostgreSQL text cannot store; use "
                            "quarry::bytes (bytea) for binary data; SQL: " + quarry::detail::echo_sql(sql_),
                        sql_);
  }

  /// Whether the named statement was prepared with types that accept the current parameters.
  bool prepared_types_match() const noexcept {
    if (prepared_types_.size() != params_.size()) return false;
    for (std::size_t k = 0; k < params_.size(); ++k) {
      const param& p = params_[k];
      if (p.null || p.type == prepared_types_[k]) continue;
      // Prepared as "unknown" (it was NULL then, or it is text): text-format values still fit;
      // a binary value needs a statement prepared with its real type.
      if (prepared_types_[k] == oid::unknown && p.format == 0) continue;
      return false;
    }
    return true;
  }

  void execute() {
    std::size_t n = params_.size();
    types_.resize(n);
    values_.resize(n);
    lengths_.resize(n);
    formats_.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      const param& p = params_[k];
      types_[k] = p.type;
      values_[k] = p.null ? nullptr : p.data.c_str();
      lengths_[k] = static_cast<int>(p.data.size());
      formats_[k] = p.format;
    }
    PGresult* r = run();
    if (!ok(r) && session_->mode == prepare_mode::named && !name_.empty() &&
        PQtransactionStatus(session_->conn) == PQTRANS_IDLE) {
      // 26000: the named statement is gone (DISCARD ALL, a pooler); 0A000: "cached plan must not
      // change result type" after DDL. Outside a transaction nothing was done: prepare again, once.
      const char* st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
      if (st && (std::strcmp(st, "26000") == 0 || std::strcmp(st, "0A000") == 0)) {
        PQclear(r);
        name_.clear();
        r = run();
      }
    }
    if (!ok(r)) fail(r);
    if (PQresultStatus(r) == PGRES_EMPTY_QUERY) [[unlikely]] {
      PQclear(r);
      quarry::detail::throw_no_statement(sql_);
    }
    res_ = r;
    rows_ = PQntuples(r);
    column_types_.resize(static_cast<std::size_t>(PQnfields(r)));
    for (std::size_t k = 0; k < column_types_.size(); ++k) column_types_[k] = PQftype(r, static_cast<int>(k));
    ++runs_;
    session_->record(r);
  }

  PGresult* run() {
    PGconn* c = session_->conn;
    int n = static_cast<int>(params_.size());
    switch (session_->mode) {
      case prepare_mode::off:
        break;
      case prepare_mode::unnamed:
        prepare("");
        return PQexecPrepared(c, "", n, values_.data(), lengths_.data(), formats_.data(), 1);
      case prepare_mode::named:
        if (name_.empty() && runs_ == 0) break;  // a statement that runs once is not kept
        if (name_.empty() || generation_ != session_->generation || !prepared_types_match()) {
          std::string name = "quarry_" + std::to_string(++session_->names);
          prepare(name.c_str());
          name_ = std::move(name);
          prepared_types_ = types_;
          generation_ = session_->generation;  // the server session it is prepared in
        }
        return PQexecPrepared(c, name_.c_str(), n, values_.data(), lengths_.data(), formats_.data(), 1);
    }
    return PQexecParams(c, sql_.c_str(), n, types_.data(), values_.data(), lengths_.data(), formats_.data(), 1);
  }
  void prepare(const char* name) {
    PGresult* r = PQprepare(session_->conn, name, sql_.c_str(), static_cast<int>(types_.size()), types_.data());
    if (!ok(r)) fail(r);
    PQclear(r);
  }
  static bool ok(const PGresult* r) noexcept {
    auto s = PQresultStatus(r);
    return r && (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK || s == PGRES_EMPTY_QUERY);
  }
  [[noreturn, gnu::cold, gnu::noinline]] void fail(PGresult* r) {
    std::unique_ptr<PGresult, decltype(&PQclear)> guard(r, &PQclear);
    if (r && PQresultStatus(r) != PGRES_FATAL_ERROR && PQresultStatus(r) != PGRES_NONFATAL_ERROR)
      throw usage_error(errc::usage,
                        std::string("quarry: unexpected result ") + PQresStatus(PQresultStatus(r)) +
                            " (COPY is not supported through statements); SQL: " + quarry::detail::echo_sql(sql_),
                        sql_);
    session_->fail(r, sql_);
  }

  // Two libpq calls per non-NULL cell: the column types are read once per result, and the size of
  // a fixed-size binary value is the server's guarantee (int8send always sends 8 bytes), so only
  // variable-length values ask for their length.
  QUARRY_ALWAYS_INLINE bool at(int i, cell& c) const {
    if (i < 0 || i >= static_cast<int>(column_types_.size())) column_out_of_range(i);
    if (PQgetisnull(res_, row_, i)) return false;
    c.p = PQgetvalue(res_, row_, i);
    c.col = i;
    c.type = column_types_[static_cast<std::size_t>(i)];
    return true;
  }
  int length(const cell& c) const { return PQgetlength(res_, row_, c.col); }
  std::string numeric_string(const cell& c, const quarry::detail::field_info& f) const {
    auto t = detail::decode_numeric(c.p, length(c));
    if (t.special)
      bad_value(f, std::string("numeric value ") + t.special + " cannot be held by quarry::decimal (finite values only)");
    return std::move(t.text);
  }

  [[noreturn, gnu::cold, gnu::noinline]] void mismatch(const quarry::detail::field_info& f, oid_t type, std::string_view cpp) const {
    throw type_mismatch(errc::type_mismatch,
                        "quarry: " + f.label() + " has PostgreSQL type " + type_name(type) + " but is read as " +
                            std::string(cpp) + "; change the field's C++ type or cast the column in SQL; SQL: " + quarry::detail::echo_sql(sql_),
                        sql_);
  }
  [[noreturn, gnu::cold, gnu::noinline]] void bad_value(const quarry::detail::field_info& f, const std::string& what) const {
    throw type_mismatch(errc::type_mismatch, "quarry: " + f.label() + ": " + what + "; SQL: " + quarry::detail::echo_sql(sql_), sql_);
  }
  [[noreturn, gnu::cold, gnu::noinline]] void column_out_of_range(int i) const {
    throw usage_error(errc::usage,
                      "quarry: result column " + std::to_string(i + 1) + " is read but the statement returns " +
                          std::to_string(column_types_.size()) + " columns; SQL: " + quarry::detail::echo_sql(sql_),
                      sql_);
  }
  [[noreturn, gnu::cold, gnu::noinline]] void out_of_range(int i, const char* what) const {
    throw usage_error(errc::usage,
                      "quarry: parameter $" + std::to_string(i) + ": the " + what +
                          " is outside PostgreSQL's range; SQL: " + quarry::detail::echo_sql(sql_),
                      sql_);
  }

  detail::session* session_;
  std::string sql_;
  std::vector<param> params_;
  std::vector<Oid> types_;
  std::vector<const char*> values_;
  std::vector<int> lengths_, formats_;
  PGresult* res_ = nullptr;
  int rows_ = 0;
  int row_ = 0;
  std::uint64_t runs_ = 0;
  std::string name_;
  std::uint64_t generation_ = 0;
  std::vector<Oid> prepared_types_;
  std::vector<oid_t> column_types_;  // of the current result
  std::string scratch_;  // a formatted uuid lent by read(int, std::string_view&, ...)
};

}  // namespace quarry::postgres
