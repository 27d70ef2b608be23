#pragma once
/// \file quarry/backend/binding.hpp
/// The database-independent half of binding and reading: C++ values go through
/// quarry::value_traits to one of the storage types, which the backend's statement binds or
/// reads. A backend statement provides, for each storage type S:
///   void bind(int i, const S&);  void bind_null(int i);  void bind_list(int i, const std::vector<T>&);
///   bool read(int i, S& out, const field_info&);   // false on NULL; throws type_mismatch
/// and `std::string_view sql()`. A backend whose columns have stored forms (SQLite,
/// core/storage.hpp) also provides `bind_as(int i, const S&, storage_format)` for the storage
/// types with forms and `bind_list(int i, const std::vector<T>&, storage_format)`, and reads
/// `field_info::storage`.

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "quarry/core/error.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/predicates.hpp"
#include "quarry/expr/storage.hpp"

/// Forces inlining of the per-column read path (g++ -O2 otherwise keeps a call per column).
#if defined(__GNUC__)
#define QUARRY_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define QUARRY_ALWAYS_INLINE inline
#endif

namespace quarry::detail {

/// Names a result column in errors: "users.email", or "result column 3" for computed values.
struct field_info {
  std::string_view table;
  std::string_view column;
  int index;
  storage_format storage;  // how the column's values are stored (SQLite; core/storage.hpp)

  [[gnu::cold]] std::string label() const;
};

/// A decimal written into a numeric<P, S> column that cannot hold it exactly.
[[noreturn, gnu::cold]] QUARRY_DECL void throw_numeric_overflow(std::string_view table, std::string_view column,
                                                          const decimal& v, storage_format f, std::string_view sql);
/// "table.column", for messages.
[[gnu::cold]] QUARRY_DECL std::string column_label(std::string_view table, std::string_view column);

/// Hands each bound value of a statement to the backend, numbering parameters from 1.
template <class Stmt>
struct binder {
  Stmt& stmt;
  int index = 0;

  template <class T>
  void operator()(const T& v) {
    ++index;
    if constexpr (is_optional_v<T>) {
      if (v) {
        stmt.bind(index, value_traits<typename T::value_type>::to_storage(*v));
      } else {
        // Backends that type their parameters (PostgreSQL) learn the NULL's storage type.
        using S = typename value_traits<typename T::value_type>::storage;
        if constexpr (requires { stmt.template bind_null<S>(index); })
          stmt.template bind_null<S>(index);
        else
          stmt.bind_null(index);
      }
    } else if constexpr (requires { v.items; }) {
      if constexpr (requires { stmt.bind_list(index, *v.items, v.storage); })
        stmt.bind_list(index, *v.items, v.storage);
      else
        stmt.bind_list(index, *v.items);
    } else if constexpr (requires { v.storage; v.v; }) {  // a stored_ref: bind in the column's form
      using V = std::remove_cvref_t<decltype(*v.v)>;
      if constexpr (is_optional_v<V>) {
        if (*v.v) {
          bind_as(value_traits<typename V::value_type>::to_storage(**v.v), v);
        } else {
          --index;
          (*this)(*v.v);
        }
      } else {
        bind_as(value_traits<V>::to_storage(*v.v), v);
      }
    } else {
      stmt.bind(index, value_traits<T>::to_storage(v));
    }
  }
  /// Binds parameter `index` (already counted) in stored form f where the backend has forms.
  template <class S, class Ref>
  void bind_as(const S& s, const Ref& r) {
    const storage_format f = r.storage;
    if constexpr (std::is_same_v<S, decimal>) {
      if (r.store && f.precision > 0 && !s.fits(f.precision, f.scale))
        throw_numeric_overflow(r.table, r.column, s, f, stmt.sql());
    }
    if constexpr (requires { stmt.bind_as(index, s, f); } &&
                  (std::is_same_v<S, timestamp> || std::is_same_v<S, date> || std::is_same_v<S, decimal> ||
                   std::is_same_v<S, std::int64_t> || std::is_same_v<S, double>))
      stmt.bind_as(index, s, f);
    else
      stmt.bind(index, s);
  }

  /// The value of column C (an inserted row's field, a set() value, or a stored_ref of one): bound
  /// in C's stored form, and refused with C's name when the backend cannot store it (SQLite turns
  /// NaN into NULL).
  template <class C, class T>
  void column_value(const T& v) {
    if constexpr (requires { v.storage; v.v; }) {  // already a stored_ref (a set() value of C)
      reject_nan<C>(*v.v);
      (*this)(v);
    } else {
      reject_nan<C>(v);
      if constexpr (binds_stored_v<C>)
        (*this)(stored_ref<T>{&v, C::storage, true, C::table_tag::table_name, C::name});
      else
        (*this)(v);
    }
  }
  template <class C, class T>
  void reject_nan(const T& v) {
    using U = strip_optional_t<T>;
    if constexpr (requires { stmt.reject_nan(index, std::string_view{}); } &&
                  std::is_same_v<typename value_traits<U>::storage, double>) {
      const U* p = nullptr;
      if constexpr (is_optional_v<T>)
        p = v ? &*v : nullptr;
      else
        p = &v;
      if (p) {
        double d = value_traits<U>::to_storage(*p);
        if (d != d) stmt.reject_nan(index + 1, column_label(C::table_tag::table_name, C::name));
      }
    }
  }
};

[[noreturn, gnu::cold]] QUARRY_DECL void throw_null_value(const field_info& f, std::string_view type,
                                                    std::string_view sql);
/// A value_traits conversion refused the stored value (out of line: read_field stays small).
[[noreturn, gnu::cold]] QUARRY_DECL void throw_conversion(const field_info& f, const std::string& what,
                                                    std::string_view sql);

/// Raw SQL that holds no statement (empty, or only comments): the same usage_error on every backend.
[[noreturn, gnu::cold]] QUARRY_DECL void throw_no_statement(const std::string& sql);

/// Reads result column i as C++ type T (std::optional<T> reads NULL as nullopt).
template <class T, class Stmt>
QUARRY_ALWAYS_INLINE T read_field(Stmt& s, int i, const field_info& f) {
  using U = strip_optional_t<T>;
  using traits = value_traits<U>;
  if constexpr (std::is_same_v<U, std::string> &&
                requires(Stmt& st, std::string_view& v, const field_info& fi) { st.read(i, v, fi); }) {
    // The backend lends the text: construct the string once, straight from its buffer.
    std::string_view v;
    if (!s.read(i, v, f)) {
      if constexpr (is_optional_v<T>) {
        return std::nullopt;
      } else {
        throw_null_value(f, traits::name, s.sql());
      }
    }
    if constexpr (is_optional_v<T>) {
      return T(std::in_place, v.data(), v.size());
    } else {
      return T(v.data(), v.size());
    }
  } else {
  typename traits::storage st{};
  if (!s.read(i, st, f)) {
    if constexpr (is_optional_v<T>) {
      return std::nullopt;
    } else {
      throw_null_value(f, traits::name, s.sql());
    }
  }
  if constexpr (std::is_same_v<typename traits::storage, U>) {
    return T(std::move(st));
  } else {
    try {
      return T(traits::from_storage(std::move(st)));
    } catch (const conversion_error& e) {
      throw_conversion(f, e.what, s.sql());
    }
  }
  }
}

}  // namespace quarry::detail

// ---- definitions: inline when header-only, compiled once by src/core.cpp otherwise ----
#if QUARRY_DEFINE_CORE
namespace quarry::detail {
QUARRY_DECL std::string column_label(std::string_view table, std::string_view column) {
  return std::string(table) + "." + std::string(column);
}

QUARRY_DECL std::string field_info::label() const {
  if (column.empty()) return "result column " + std::to_string(index + 1);
  return table.empty() ? std::string(column) : std::string(table) + "." + std::string(column);
}

[[noreturn, gnu::cold]] QUARRY_DECL void throw_null_value(const field_info& f, std::string_view type,
                                                    std::string_view sql) {
  throw type_mismatch(errc::null_value,
                      "quarry: " + f.label() + " is NULL but is read into a non-optional " +
                          std::string(type) + "; make the field std::optional or filter out NULLs",
                      std::string(sql));
}

[[noreturn, gnu::cold]] QUARRY_DECL void throw_numeric_overflow(std::string_view table, std::string_view column,
                                                          const decimal& v, storage_format f, std::string_view sql) {
  throw usage_error(errc::usage,
                    "quarry: " + std::string(table) + "." + std::string(column) + ": " + echo(v.to_string()) +
                        " does not fit numeric(" +
                        std::to_string(f.precision) + "," + std::to_string(f.scale) +
                        ") exactly (too many digits before or after the point; it would be rounded or "
                        "refused by the database); round it in C++ or widen the column; SQL: " +
                        echo_sql(sql),
                    std::string(sql));
}

[[noreturn, gnu::cold]] QUARRY_DECL void throw_conversion(const field_info& f, const std::string& what,
                                                    std::string_view sql) {
  throw type_mismatch(errc::type_mismatch, "quarry: " + f.label() + ": " + echo_sql(what, echo_limit), std::string(sql));
}

[[noreturn, gnu::cold]] QUARRY_DECL void throw_no_statement(const std::string& sql) {
  throw usage_error(errc::usage, "quarry: the SQL text holds no statement (empty, or only comments); SQL: " + echo_sql(sql), sql);
}
}  // namespace quarry::detail
#endif
