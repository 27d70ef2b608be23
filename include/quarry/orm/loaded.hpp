#pragma once
/// \file quarry/orm/loaded.hpp
/// quarry::loaded<Row, Requests...>: a row with the relations a query asked for.
///
///     for (const auto& u : db.load(quarry::select(users).with(user_orders.with(order_items)))) {
///       std::string_view email = u.email;                 // the row's own fields
///       for (const auto& o : u[user_orders])              // std::vector: empty when none
///         for (const auto& item : o[order_items]) { … }
///       // u[user_profile] does not compile: the query did not request it
///     }

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "quarry/core/type_list.hpp"
#include "quarry/orm/request.hpp"

namespace quarry {

/// See the declaration in quarry/orm/request.hpp. An aggregate: `Row` is its base, the loaded
/// relations its one (oddly named, to stay clear of Row's fields) member.
template <class Row, class... Requests>
struct loaded : Row {
  using row_type = Row;
  using requests = detail::type_list<Requests...>;

  // No space when there are no relations (the leaves of a graph): a loaded row is then exactly
  // as large as its row struct.
  [[no_unique_address]] std::tuple<typename Requests::storage_type...> quarry_relations_;

  /// The children of relation `r` (a has_many/has_one/belongs_to/many_to_many constant):
  /// `std::vector<loaded<Child, …>>` for to-many relations, `std::optional<…>` for to-one.
  template <class R>
  const auto& operator[](const R&) const {
    return std::get<index_of_relation<typename R::relation>()>(quarry_relations_);
  }
  template <class R>
  auto& operator[](const R&) {
    return std::get<index_of_relation<typename R::relation>()>(quarry_relations_);
  }

  /// The position of relation Rel among the requests (a compile error when it was not requested).
  template <class Rel>
  static constexpr std::size_t index_of_relation() {
    constexpr std::size_t i = detail::index_of<detail::type_list<typename Requests::relation...>, Rel>::value;
    static_assert(i < sizeof...(Requests),
                  "quarry: this relation was not requested for these rows, so it was not loaded; add it to the "
                  "query with .with(relation) (quarry never loads a relation lazily)");
    return i < sizeof...(Requests) ? i : 0;
  }
};

}  // namespace quarry
