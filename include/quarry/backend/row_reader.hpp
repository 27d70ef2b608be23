#pragma once
/// \file quarry/backend/row_reader.hpp
/// Builds a typed row from the current result row: std::tuple for select(exprs...), the row
/// struct for select(table). Columns are read in order straight into the object (no copies).

#include <cstddef>
#include <tuple>
#include <utility>

#include "quarry/backend/binding.hpp"
#include "quarry/query/select.hpp"
#include "quarry/schema/table.hpp"

namespace quarry::detail {

template <class E>
constexpr field_info field_info_of(int i) {
  if constexpr (requires { E::table_tag::ref_name; E::name; }) {  // table, alias, derived-table and CTE columns
    return field_info{E::table_tag::ref_name, E::name, i, storage_of<E>()};
  } else {
    return field_info{{}, {}, i, storage_of<E>()};
  }
}

/// One constant per (expression, index): the reader passes a reference to static storage
/// instead of building a field_info on the stack for every column of every row.
template <class E, int I>
inline constexpr field_info field_info_v = field_info_of<E>(I);

template <class Fields, class Row>
struct row_reader;

template <class... E, class Row>
struct row_reader<select_list<E...>, Row> {
  template <class Stmt>
  static Row read(Stmt& s) {
    return read_impl(s, std::index_sequence_for<E...>{});
  }
  template <class Stmt, std::size_t... I>
  static Row read_impl(Stmt& s, std::index_sequence<I...>) {
    return Row{read_field<std::tuple_element_t<I, Row>>(s, static_cast<int>(I), field_info_v<E, static_cast<int>(I)>)...};
  }
};

template <class D, class Row>
struct row_reader<whole_row<D>, Row> {
  using columns = typename whole_row<D>::columns;
  template <class Stmt>
  static Row read(Stmt& s) {
    return read_impl(s, columns{}, std::make_index_sequence<columns::size>{});
  }
  template <class Stmt, class... C, std::size_t... I>
  static Row read_impl(Stmt& s, type_list<C...>, std::index_sequence<I...>) {
    return Row{read_field<typename C::value_type>(s, static_cast<int>(I), field_info_v<C, static_cast<int>(I)>)...};
  }
};

}  // namespace quarry::detail
