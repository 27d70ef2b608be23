#pragma once
/// \file quarry/backend/binding.hpp
/// The database-independent half of binding and reading: C++ values go through
/// quarry::value_traits to one of the storage types, which the backend's statement binds or
/// reads. A backend statement provides, for each storage type S:
///   void bind(int i, const S&);  void bind_null(int i);  void bind_list(int i, const std::vector<T>&);
///   bool read(int i, S& out, const field_info&);   // false on NULL; throws type_mismatch
/// and `std::string_view sql()`.

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "quarry/core/error.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/predicates.hpp"

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

  [[gnu::cold]] std::string label() const;
};

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
      stmt.bind_list(index, *v.items);
    } else {
      stmt.bind(index, value_traits<T>::to_storage(v));
    }
  }

  /// The value of column C (an inserted row's field, a set() value). A backend that cannot store
  /// NaN (SQLite turns it into NULL) refuses it in bind(); here the refusal can name the column.
  template <class C, class T>
  void column_value(const T& v) {
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
    (*this)(v);
  }
};

[[noreturn, gnu::cold]] QUARRY_DECL void throw_null_value(const field_info& f, std::string_view type,
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
      throw type_mismatch(errc::type_mismatch, "quarry: " + f.label() + ": " + e.what, std::string(s.sql()));
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

[[noreturn, gnu::cold]] QUARRY_DECL void throw_no_statement(const std::string& sql) {
  throw usage_error(errc::usage, "quarry: the SQL text holds no statement (empty, or only comments); SQL: " + sql, sql);
}
}  // namespace quarry::detail
#endif
