#pragma once
/// \file quarry/render/ddl.hpp
/// CREATE TABLE / DROP TABLE from a descriptor, in a dialect.
///
///     quarry::create_table_sql<quarry::sqlite_dialect>(users)
///     // CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "email" TEXT NOT NULL UNIQUE, ...)

#include <string>
#include <string_view>

#include "quarry/render/context.hpp"
#include "quarry/render/dialect.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {
namespace detail {

template <class Ctx>
void render_string_literal(Ctx& c, std::string_view s) {
  c.text("'");
  for (char ch : s) {
    if (ch == '\'') c.text("'");
    c.sql += ch;
  }
  c.text("'");
}

inline std::string_view fk_action_sql(fk_action a) {
  switch (a) {
    case fk_action::no_action: return "NO ACTION";
    case fk_action::restrict_: return "RESTRICT";
    case fk_action::cascade: return "CASCADE";
    case fk_action::set_null: return "SET NULL";
    case fk_action::set_default: return "SET DEFAULT";
  }
  return "NO ACTION";
}

template <class O, class C, class Ctx>
void render_column_option(Ctx& c) {
  if constexpr (option_kind<O>::value == 1) {  // default_value<N>
    c.text(" DEFAULT ");
    constexpr std::int64_t v = []<std::int64_t V>(default_value<V>*) { return V; }(static_cast<O*>(nullptr));
    if constexpr (kind_of<typename C::value_type> == sql_kind::boolean)
      c.text(v ? "TRUE" : "FALSE");  // PostgreSQL refuses an integer default for a boolean (42804)
    else
      c.text(std::to_string(v));
  } else if constexpr (option_kind<O>::value == 2) {  // default_text<"...">
    c.text(" DEFAULT ");
    render_string_literal(c, []<fixed_string T>(default_text<T>*) { return T.view(); }(static_cast<O*>(nullptr)));
  } else if constexpr (option_kind<O>::value == 3) {  // default_sql<"...">
    c.text(" DEFAULT (");
    c.text([]<fixed_string S>(default_sql<S>*) { return S.view(); }(static_cast<O*>(nullptr)));
    c.text(")");
  } else if constexpr (option_kind<O>::value == 4) {  // check<"...">
    c.text(" CHECK (");
    c.text([]<fixed_string S>(check<S>*) { return S.view(); }(static_cast<O*>(nullptr)));
    c.text(")");
  } else if constexpr (option_kind<O>::value == 8) {  // collate<C>
    render_collation<typename O::collation>(c);
  } else if constexpr (option_kind<O>::value == 5) {  // references<&t::col, ...>
    using target_desc = typename member_pointer_traits<std::remove_cv_t<decltype(O::column)>>::struct_type;
    using target_col = typename member_pointer_traits<std::remove_cv_t<decltype(O::column)>>::field_type;
    c.text(" REFERENCES ");
    c.ident(target_desc::table_tag::table_name);
    c.text(" (");
    c.ident(target_col::name);
    c.text(")");
    if constexpr (O::on_delete != fk_action::no_action) {
      c.text(" ON DELETE ");
      c.text(fk_action_sql(O::on_delete));
    }
    if constexpr (O::on_update != fk_action::no_action) {
      c.text(" ON UPDATE ");
      c.text(fk_action_sql(O::on_update));
    }
  }
}

/// The column's SQL type: the dialect's name for its kind, or its stored form (SQLite) and
/// numeric<P, S> (PostgreSQL NUMERIC(P,S)).
template <class C, class Ctx>
void render_column_type(Ctx& c) {
  using T = strip_optional_t<typename C::value_type>;
  constexpr storage_format f = C::storage;
  auto numeric_ps = [&] {
    c.text("NUMERIC(");
    c.text(std::to_string(f.precision));
    c.text(",");
    c.text(std::to_string(f.scale));
    c.text(")");
  };
  if constexpr (Ctx::dialect::storage_forms) {
    if constexpr (f.form == sqlite_storage::unix_seconds || f.form == sqlite_storage::unix_millis ||
                  f.form == sqlite_storage::decimal_scaled) {
      c.text("INTEGER");
    } else if constexpr (f.form == sqlite_storage::julian_day) {
      c.text("REAL");
    } else if constexpr (f.form == sqlite_storage::decimal_real) {
      if constexpr (f.precision > 0) numeric_ps(); else c.text("NUMERIC");
    } else {
      c.text(Ctx::dialect::column_type(value_traits<T>::kind, static_cast<int>(sizeof(T))));
    }
  } else if constexpr (value_traits<T>::kind == sql_kind::decimal && f.precision > 0) {
    numeric_ps();
  } else {
    c.text(Ctx::dialect::column_type(value_traits<T>::kind, static_cast<int>(sizeof(T))));
  }
}

template <class C, bool SinglePk, class Ctx>
void render_column_def(Ctx& c) {
  c.ident(C::name);
  c.text(" ");
  if constexpr (C::is_identity) {
    c.text(Ctx::dialect::identity_column);
  } else {
    render_column_type<C>(c);
    if constexpr (!C::nullable) c.text(" NOT NULL");
    if constexpr (C::is_primary_key && SinglePk) c.text(" PRIMARY KEY");
  }
  if constexpr (C::is_unique && !(C::is_primary_key && SinglePk)) c.text(" UNIQUE");
  [&]<class... O>(type_list<O...>) { (render_column_option<O, C>(c), ...); }(typename C::options{});
}

/// A foreign key's column type must equal the referenced column's, which must be unique.
template <class C>
constexpr bool foreign_keys_ok() {
  return []<class... O>(type_list<O...>) {
    return ([]<class X>() {
      if constexpr (is_references_v<X>) {
        using target_col = typename member_pointer_traits<std::remove_cv_t<decltype(X::column)>>::field_type;
        return std::is_same_v<strip_optional_t<typename target_col::value_type>,
                              strip_optional_t<typename C::value_type>> &&
               (target_col::is_primary_key || target_col::is_unique);
      } else {
        return true;
      }
    }.template operator()<O>() && ...);
  }(typename C::options{});
}

}  // namespace detail

/// `CREATE TABLE [IF NOT EXISTS] "name" (...)` for descriptor `t` in Dialect.
template <class Dialect, table_descriptor D>
std::string create_table_sql(const D&, bool if_not_exists = false) {
  using traits = detail::descriptor_traits<D>;
  static_assert(traits::valid);
  detail::render_context<Dialect> c;
  c.text(if_not_exists ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ");
  c.ident(D::table_tag::table_name);
  c.text(" (");
  constexpr bool single_pk = traits::primary_key_size == 1;
  bool first = true;
  [&]<class... C>(detail::type_list<C...>) {
    static_assert((detail::foreign_keys_ok<C>() && ...),
                  "quarry: references<> must point at a primary key or unique column of the same type");
    ((c.text(first ? "" : ", "), first = false, detail::render_column_def<C, single_pk>(c)), ...);
    if constexpr (traits::primary_key_size > 1) {
      c.text(", PRIMARY KEY (");
      bool f = true;
      ((C::is_primary_key ? (c.text(f ? "" : ", "), f = false, c.ident(C::name), 0) : 0), ...);
      c.text(")");
    }
  }(detail::columns_of<D>{});
  c.text(")");
  return std::move(c.sql);
}

/// `DROP TABLE [IF EXISTS] "name"`.
template <class Dialect, table_descriptor D>
std::string drop_table_sql(const D&, bool if_exists = false) {
  detail::render_context<Dialect> c;
  c.text(if_exists ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
  c.ident(D::table_tag::table_name);
  return std::move(c.sql);
}

}  // namespace quarry
