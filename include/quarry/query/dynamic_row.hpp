#pragma once
/// \file quarry/query/dynamic_row.hpp
/// Rows of a dynamic query whose columns are chosen at run time
/// (`quarry::dynamic<Dialect>(quarry::select(quarry::dynamic_columns).from(users))`):
/// `row[users.email]` is typed by the column (std::string here, std::optional for a nullable
/// column or the outer side of a join) and throws quarry::usage_error when the column was not
/// selected; a column of a table that is not in the query does not compile.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "quarry/core/decimal.hpp"
#include "quarry/core/error.hpp"
#include "quarry/core/storage.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/core/types.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/query/select.hpp"
#include "quarry/render/runtime_sql.hpp"

namespace quarry {
namespace detail {

/// One value of a dynamic row: NULL or one of the eight storage types.
using cell = std::variant<std::monostate, bool, std::int64_t, double, decimal, std::string, bytes, timestamp, date>;

template <class S>
constexpr std::size_t cell_index() {
  using list = type_list<std::monostate, bool, std::int64_t, double, decimal, std::string, bytes, timestamp, date>;
  return []<class... X>(type_list<X...>) {
    std::size_t i = 0, found = 0;
    ((std::is_same_v<X, S> ? (found = i, ++i) : ++i), ...);
    return found;
  }(list{});
}

/// A column a dynamic query selected: its identity (the expression's type), its names for
/// messages, and the storage type it is read as.
struct dynamic_column {
  std::uintptr_t key;
  std::string_view table;   ///< empty for a computed value
  std::string_view column;  ///< empty for a computed value
  std::size_t storage;      ///< index into cell
  storage_format form{};    ///< how the column stores its values on SQLite (core/storage.hpp)

  std::string label(std::size_t i) const {
    if (column.empty()) return "result column " + std::to_string(i + 1);
    return table.empty() ? std::string(column) : std::string(table) + "." + std::string(column);
  }
};

/// The columns of one run of a dynamic query, shared by all its rows.
struct dynamic_columns_info {
  std::vector<dynamic_column> columns;
  std::string sql;

  /// Position of the column whose key is `key`, or columns.size().
  std::size_t find(std::uintptr_t key) const noexcept {
    std::size_t i = 0;
    while (i < columns.size() && columns[i].key != key) ++i;
    return i;
  }
};

template <class E>
std::string expression_label() {
  if constexpr (requires { E::table_tag::ref_name; E::name; }) {
    return std::string(E::table_tag::ref_name) + "." + std::string(E::name);
  } else {
    return "this expression";
  }
}

}  // namespace detail

/// A row of a dynamic query with run-time columns. Sources/Nullable: the query's tables and those
/// on the optional side of an outer join; Grouped: whether the query has group_by().
template <class Sources, class Nullable, bool Grouped>
class dynamic_row {
 public:
  dynamic_row(std::shared_ptr<const detail::dynamic_columns_info> info, std::vector<detail::cell> cells)
      : info_(std::move(info)), cells_(std::move(cells)) {}

  /// The value of selected column or expression `e`, typed as in a static select: `row[users.email]`.
  /// Throws quarry::usage_error when `e` was not selected.
  template <class E>
  auto operator[](const E&) const {
    check<E>();
    using T = typename detail::result_type<E, Nullable, Grouped>::type;
    std::size_t i = info_->find(detail::type_key<E>());
    if (i == cells_.size())
      throw usage_error(errc::usage,
                        "quarry: row[" + detail::expression_label<E>() +
                            "]: not selected by this dynamic query; select it with .select(...) "
                            "or test row.has(...) first; SQL: " +
                            detail::echo_sql(info_->sql),
                        info_->sql);
    return read<T>(i);
  }
  /// Whether `e` was selected.
  template <class E>
  bool has(const E&) const noexcept {
    check<E>();
    return info_->find(detail::type_key<E>()) != cells_.size();
  }
  /// Number of selected columns.
  std::size_t size() const noexcept { return cells_.size(); }
  /// Whether column i (in selection order) is NULL.
  bool is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }

 private:
  template <class E>
  static constexpr void check() {
    static_assert(detail::expression<E>,
                  "quarry: row[...] takes a column or expression of the query, e.g. row[users.email]");
    static_assert(detail::is_subset_v<typename E::tables, Sources>,
                  "quarry: row[...] reads a column whose table is not in this query's FROM or JOIN; no "
                  "selection can contain it");
    // Found by type: see row_index() in quarry/query/row.hpp.
    static_assert(!(E::flags & detail::f_value) || detail::named_select_item<E>,
                  "quarry: row[...] cannot find an expression that holds a bound value (users.age + 1 "
                  "has the type of users.age + 2); name it in select(...) with .as<\"name\">() and read "
                  "row[the same named expression]");
  }

  template <class T>
  T read(std::size_t i) const {
    using U = detail::strip_optional_t<T>;
    using traits = value_traits<U>;
    using S = typename traits::storage;
    const detail::cell& c = cells_[i];
    if (std::holds_alternative<std::monostate>(c)) {
      if constexpr (detail::is_optional_v<T>) {
        return std::nullopt;
      } else {
        throw type_mismatch(errc::null_value,
                            "quarry: " + info_->columns[i].label(i) + " is NULL but is read into a non-optional " +
                                std::string(traits::name) + "; make it std::optional or filter out NULLs",
                            info_->sql);
      }
    }
    const S& s = std::get<S>(c);
    if constexpr (std::is_same_v<S, U>) {
      return T(s);
    } else {
      try {
        return T(traits::from_storage(S(s)));
      } catch (const detail::conversion_error& e) {
        throw type_mismatch(errc::type_mismatch, "quarry: " + info_->columns[i].label(i) + ": " + detail::echo_sql(e.what, detail::echo_limit), info_->sql);
      }
    }
  }

  std::shared_ptr<const detail::dynamic_columns_info> info_;
  std::vector<detail::cell> cells_;
};

}  // namespace quarry
