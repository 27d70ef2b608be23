#pragma once
/// \file quarry/backend/dynamic_reader.hpp
/// Reads the rows of a dynamic query whose columns are chosen at run time: each column is read as
/// its storage type (known from the selected expression) into a quarry::dynamic_row.

#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "quarry/backend/binding.hpp"
#include "quarry/query/dynamic_row.hpp"

namespace quarry::detail {

template <class S, class Stmt>
void read_cell(Stmt& s, int i, const field_info& f, cell& out) {
  S v{};
  if (s.read(i, v, f)) {
    out.template emplace<S>(std::move(v));
  } else {
    out.template emplace<std::monostate>();
  }
}

template <class Row>
struct dynamic_row_reader {
  std::shared_ptr<const dynamic_columns_info> info;

  template <class Stmt>
  Row read(Stmt& s) const {
    const auto& cols = info->columns;
    std::vector<cell> cells(cols.size());
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const int at = static_cast<int>(i);
      const field_info f{cols[i].table, cols[i].column, at, cols[i].form};
      switch (cols[i].storage) {
        case cell_index<bool>(): read_cell<bool>(s, at, f, cells[i]); break;
        case cell_index<std::int64_t>(): read_cell<std::int64_t>(s, at, f, cells[i]); break;
        case cell_index<double>(): read_cell<double>(s, at, f, cells[i]); break;
        case cell_index<decimal>(): read_cell<decimal>(s, at, f, cells[i]); break;
        case cell_index<std::string>(): read_cell<std::string>(s, at, f, cells[i]); break;
        case cell_index<bytes>(): read_cell<bytes>(s, at, f, cells[i]); break;
        case cell_index<timestamp>(): read_cell<timestamp>(s, at, f, cells[i]); break;
        case cell_index<date>(): read_cell<date>(s, at, f, cells[i]); break;
        default: break;
      }
    }
    return Row(info, std::move(cells));
  }
};

}  // namespace quarry::detail
