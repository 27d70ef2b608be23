#pragma once
/// \file quarry/schema/column.hpp
/// A column descriptor. Users write `column<&Row::field, "name", options...>` inside a table
/// descriptor (the alias comes from quarry::table), or `quarry::column_of<Self, &Row::field, "name",
/// options...>` in a descriptor that is a class template; the column's type records its table,
/// its field and its options, so every expression built from it is typed and knows its table.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "quarry/core/fixed_string.hpp"
#include "quarry/core/storage.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/collate.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/schema/detail/reflect.hpp"
#include "quarry/schema/options.hpp"

namespace quarry::detail {

template <class A, class V>
struct assignment;
template <class C, class V>
constexpr auto make_assignment(const C& c, V&& v);

template <class O>
struct numeric_option {
  static constexpr int precision = 0, scale = 0;
};
template <int P, int S>
struct numeric_option<numeric<P, S>> {
  static constexpr int precision = P, scale = S;
};
template <class O>
struct sqlite_as_option {
  static constexpr bool present = false;
  static constexpr sqlite_storage form = sqlite_storage::native;
};
template <sqlite_storage S>
struct sqlite_as_option<sqlite_as<S>> {
  static constexpr bool present = true;
  static constexpr sqlite_storage form = S;
};

/// The stored form of a column of C++ type T with options Opts, checked against its kind.
template <class T, class... Opts>
constexpr storage_format column_storage() {
  constexpr sql_kind k = value_traits<T>::kind;
  constexpr int n_numeric = ((numeric_option<Opts>::precision > 0 ? 1 : 0) + ... + 0);
  constexpr int n_as = ((sqlite_as_option<Opts>::present ? 1 : 0) + ... + 0);
  static_assert(n_numeric <= 1 && n_as <= 1, "quarry: a column takes at most one numeric<> and one sqlite_as<> option");
  constexpr int p = (numeric_option<Opts>::precision + ... + 0);
  constexpr int s = (numeric_option<Opts>::scale + ... + 0);
  constexpr sqlite_storage as = [] {
    sqlite_storage f = sqlite_storage::native;
    ((f = sqlite_as_option<Opts>::present ? sqlite_as_option<Opts>::form : f), ...);
    return f;
  }();
  static_assert(n_numeric == 0 || k == sql_kind::decimal,
                "quarry: numeric<P, S> is an option of quarry::decimal columns");
  if constexpr (k == sql_kind::timestamp || k == sql_kind::date) {
    static_assert(as == sqlite_storage::native || is_time_form(as),
                  "quarry: this sqlite_as<> form is for decimal columns; a timestamp or date column takes "
                  "iso_text, iso_text_ms, iso_text_us, iso_t, iso_t_z, iso_t_ms_z, unix_seconds, unix_millis "
                  "or julian_day");
    return {as == sqlite_storage::native ? sqlite_storage::iso_text : as, 0, 0};
  } else if constexpr (k == sql_kind::decimal) {
    static_assert(as == sqlite_storage::native || is_decimal_form(as),
                  "quarry: this sqlite_as<> form is for timestamp and date columns; a decimal column takes "
                  "decimal_text, decimal_scaled or decimal_real");
    static_assert(as != sqlite_storage::decimal_scaled || (p > 0 && p <= 18),
                  "quarry: sqlite_as<decimal_scaled> needs numeric<P, S> with P <= 18 (a 64-bit integer of "
                  "10^-S units)");
    constexpr sqlite_storage form =
        as != sqlite_storage::native ? as : (p > 0 && p <= 18 ? sqlite_storage::decimal_scaled : sqlite_storage::decimal_text);
    return {form, static_cast<std::int16_t>(p), static_cast<std::int16_t>(s)};
  } else {
    static_assert(n_as == 0, "quarry: sqlite_as<> is an option of timestamp, date and decimal columns");
    return {};
  }
}

/// Whether option O can hold for a column of C++ type T: default_text<"..."> only on text,
/// default_value<N> only on integers (within the field's range) and booleans (0 or 1).
template <class T, class O>
struct default_text_fits : std::true_type {};
template <class T, fixed_string S>
struct default_text_fits<T, default_text<S>> : std::bool_constant<kind_of<T> == sql_kind::text> {};
template <class T, class O>
struct default_value_fits : std::true_type {};
template <class T, std::int64_t V>
struct default_value_fits<T, default_value<V>> {
  using F = strip_optional_t<T>;
  static constexpr bool value = [] {
    if constexpr (kind_of<T> == sql_kind::boolean) {
      return V == 0 || V == 1;
    } else if constexpr (kind_of<T> == sql_kind::integer && std::is_integral_v<F>) {
      using L = std::numeric_limits<F>;
      return (!L::is_signed ? V >= 0 : V >= static_cast<std::int64_t>(L::min())) &&
             (sizeof(F) >= sizeof(std::int64_t) || V <= static_cast<std::int64_t>(L::max()));
    } else {
      return kind_of<T> == sql_kind::integer;  // a user type of integer kind: its range is unknown
    }
  }();
};

template <class Tag, auto Member, fixed_string Name, class... Opts>
struct column : expr_ops<column<Tag, Member, Name, Opts...>> {
  using table_tag = Tag;
  using struct_type = typename member_pointer_traits<decltype(Member)>::struct_type;
  using value_type = typename member_pointer_traits<decltype(Member)>::field_type;
  using tables = type_list<Tag>;
  using bare_columns = type_list<column>;

  static_assert(std::is_same_v<struct_type, typename Tag::row_type>,
                "quarry: column<&S::field, \"name\"> maps a field of another struct than the table's "
                "row type; use a pointer to a member of the row struct given to quarry::table");
  static_assert(sql_value<value_type>,
                "quarry: this column's field type has no SQL mapping; use a supported type "
                "(see docs/types.md) or specialize quarry::value_traits for it");
  static_assert((is_known_option_v<Opts> && ...),
                "quarry: unknown column option; use primary_key, identity, unique, default_value, "
                "default_text, default_sql, check, references, numeric, sqlite_as or collate");
  static_assert(((is_collate_option_v<Opts> ? 1 : 0) + ... + 0) <= 1, "quarry: a column takes at most one collate<> option");
  static_assert(!(is_collate_option_v<Opts> || ...) || kind_of<value_type> == sql_kind::text,
                "quarry: collate<C> is an option of text columns (a collation orders strings); remove it "
                "from this column");

  static constexpr std::string_view name = Name.view();
  static constexpr auto member = Member;
  static constexpr std::size_t field_index = detail::field_index<Member>();
  static constexpr bool nullable = is_optional_v<value_type>;
  static constexpr bool is_identity = (std::is_same_v<Opts, identity> || ...);
  static constexpr bool is_primary_key = is_identity || (std::is_same_v<Opts, primary_key> || ...);
  static constexpr bool is_unique = (std::is_same_v<Opts, unique> || ...);
  static constexpr bool has_default = (is_default_option_v<Opts> || ...);
  using options = type_list<Opts...>;
  /// The collation declared with quarry::collate<C> (COLLATE in CREATE TABLE), or void.
  using declared_collation = typename first_non_void<typename collate_option<Opts>::type...>::type;
  /// The stored form on SQLite (sqlite_as<> / numeric<P, S>); core/storage.hpp.
  static constexpr storage_format storage = column_storage<strip_optional_t<value_type>, Opts...>();
  static constexpr unsigned flags = f_bare_column | (is_custom_form(storage.form) ? f_stored : 0u);

  static_assert(!(is_identity && nullable), "quarry: an identity column cannot be optional");
  static_assert(!(is_primary_key && nullable),
                "quarry: a primary key column cannot be std::optional (a primary key is NOT NULL); "
                "make the field a plain type, or use unique instead of primary_key");
  static_assert((default_text_fits<value_type, Opts>::value && ...),
                "quarry: default_text<\"...\"> is the default of a text column; use default_value<N> "
                "for integers and booleans, default_sql<\"...\"> for other types");
  static_assert((default_value_fits<value_type, Opts>::value && ...),
                "quarry: default_value<N> is the default of an integer or boolean column and must fit "
                "the field's type (0 or 1 for bool); use default_text<\"...\"> for text, "
                "default_sql<\"...\"> for other types");
  static_assert(!is_identity || nullable || std::is_same_v<value_type, std::int64_t>,
                "quarry: an identity column must be a std::int64_t field (ids stay 64-bit)");

  /// `users.email = "x"` inside update().set(...) / insert_into().set(...).
  template <class V>
  constexpr auto operator=(V&& v) const {
    return make_assignment(*this, std::forward<V>(v));
  }

  template <class Ctx>
  void render(Ctx& c) const {
    c.template column<Tag>(name);
  }
  template <class B>
  void bind(B&) const {}
};

template <class T>
struct is_column : std::false_type {};
template <class Tag, auto M, fixed_string N, class... O>
struct is_column<column<Tag, M, N, O...>> : std::true_type {};
template <class T>
inline constexpr bool is_column_v = is_column<std::remove_cvref_t<T>>::value;

/// Filter predicates over a table's columns (filter_t<is_key_column, columns>): part of the
/// primary key, or not.
template <class C>
struct is_key_column : std::bool_constant<C::is_primary_key> {};
template <class C>
struct is_value_column : std::bool_constant<!C::is_primary_key> {};

}  // namespace quarry::detail
