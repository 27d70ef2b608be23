#pragma once
/// \file quarry/orm/relation.hpp
/// Relations between tables, declared next to the descriptors from their key columns (pointers
/// to descriptor members, as in `references<>`). The keys are checked at compile time: the two
/// columns of each pair have the same type, and the referenced side is a primary key or unique.
///
///     inline constexpr auto user_orders  = quarry::has_many<&users_t::id, &orders_t::user_id>;
///     inline constexpr auto order_user   = quarry::belongs_to<&orders_t::user_id, &users_t::id>;
///     inline constexpr auto user_profile = quarry::has_one<&users_t::id, &profiles_t::user_id>;
///     inline constexpr auto user_groups  = quarry::many_to_many<&users_t::id, &memberships_t::user_id,
///                                                               &memberships_t::group_id, &groups_t::id>;
///     // A foreign key declared with references<&users_t::id> names its key itself:
///     inline constexpr auto order_items  = quarry::has_many<&order_items_t::order_id>;
///
/// A relation is loaded only when a query asks for it: `select(users).with(user_orders)`
/// (quarry/orm/eager.hpp). See docs/relations.md.

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "quarry/core/type_list.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/orm/request.hpp"
#include "quarry/schema/column.hpp"
#include "quarry/schema/detail/reflect.hpp"
#include "quarry/schema/options.hpp"
#include "quarry/schema/table.hpp"

namespace quarry {

/// What a relation is, seen from the table it starts at (its parent).
enum class relation_kind {
  belongs_to,    ///< many-to-one: the parent's foreign key references the target's key
  has_one,       ///< one-to-one: the target's unique foreign key references the parent's key
  has_many,      ///< one-to-many: the target's foreign key references the parent's key
  many_to_many,  ///< through a join table holding a key of each side
};

namespace detail {

/// A pointer to a column member of a table descriptor: `&users_t::id`.
template <auto M>
struct key_member {
  using traits = member_pointer_traits<std::remove_cv_t<decltype(M)>>;
  using descriptor = typename traits::struct_type;
  using column = typename traits::field_type;
  static_assert(is_column_v<column> && table_descriptor<descriptor>,
                "quarry: a relation key is a pointer to a column member of a table descriptor, "
                "e.g. &users_t::id");
  // Eager loading binds the parents' keys as one list and reads them back as plain values: a key
  // in a custom SQLite form (core/storage.hpp) would be bound in the wrong one.
  static_assert(!detail::is_custom_form(column::storage.form),
                "quarry: a relation key column has a non-default SQLite storage form (sqlite_as<> or "
                "numeric<P, S>); eager loading binds keys in their default form: key the relation by a "
                "column without one (an integer id)");
  using tag = typename descriptor::table_tag;
  using value = strip_optional_t<typename column::value_type>;
  static constexpr bool unique = column::is_primary_key || column::is_unique;
};

/// The key a foreign-key column's references<> option points at (void when it has none).
template <class Options>
struct referenced_key {
  static constexpr bool found = false;
};
template <class O, class... Rest>
struct referenced_key<type_list<O, Rest...>> : referenced_key<type_list<Rest...>> {};
template <auto C, fk_action D, fk_action U, class... Rest>
struct referenced_key<type_list<references<C, D, U>, Rest...>> {
  static constexpr bool found = true;
  static constexpr auto value = C;
};

/// "users.id" for messages.
template <class K>
std::string key_label() {
  return std::string(K::tag::table_name) + "." + std::string(K::column::name);
}

/// A relation: the parent's key column `ParentKey` matches the target's column `TargetKey`
/// (for many-to-many: ParentKey = ViaParent and ViaTarget = TargetKey through the join table).
/// Empty; its type is its identity (`row[relation]` finds the loaded children by it).
template <relation_kind K, auto ParentKey, auto TargetKey, auto ViaParent = nullptr, auto ViaTarget = nullptr>
struct relation_def {
  static constexpr relation_kind kind = K;
  using parent_key = key_member<ParentKey>;
  using target_key = key_member<TargetKey>;
  using parent_descriptor = typename parent_key::descriptor;
  using target_descriptor = typename target_key::descriptor;
  using parent_tag = typename parent_key::tag;
  using target_tag = typename target_key::tag;
  using target_row = typename target_descriptor::row_type;
  static constexpr bool to_many = K == relation_kind::has_many || K == relation_kind::many_to_many;
  static constexpr bool through = K == relation_kind::many_to_many;

  static std::string label() {
    constexpr std::string_view names[] = {"belongs_to", "has_one", "has_many", "many_to_many"};
    return std::string(names[static_cast<int>(K)]) + "<" + key_label<parent_key>() + ", " + key_label<target_key>() +
           ">";
  }
};

template <relation_kind K, auto ParentKey, auto ViaParent, auto ViaTarget, auto TargetKey>
struct through_def : relation_def<K, ParentKey, TargetKey, ViaParent, ViaTarget> {
  using via_parent = key_member<ViaParent>;
  using via_target = key_member<ViaTarget>;
  using via_descriptor = typename via_parent::descriptor;
  using via_tag = typename via_parent::tag;
};

template <class A, class B>
inline constexpr bool same_key_type = std::is_same_v<typename A::value, typename B::value>;

/// The key that foreign key FK references (its references<> option).
template <auto FK>
constexpr auto referenced_by() {
  using opts = typename key_member<FK>::column::options;
  static_assert(referenced_key<opts>::found,
                "quarry: a relation given only a foreign key needs that column declared with "
                "quarry::references<&table_t::key>; otherwise name both keys, e.g. has_many<&users_t::id, "
                "&orders_t::user_id>");
  if constexpr (referenced_key<opts>::found) {
    return referenced_key<opts>::value;
  } else {
    return FK;
  }
}

template <auto ParentKey, auto TargetKey>
consteval auto make_has_many() {
  using P = key_member<ParentKey>;
  using T = key_member<TargetKey>;
  static_assert(same_key_type<P, T>,
                "quarry: has_many: the foreign key column's type differs from the key it references; declare "
                "both with the same C++ type (std::optional is allowed on the foreign key)");
  static_assert(P::unique,
                "quarry: has_many: the referenced key must be a primary key or unique column (mark it "
                "quarry::primary_key, quarry::identity or quarry::unique)");
  return relation_request<relation_def<relation_kind::has_many, ParentKey, TargetKey>>{};
}

template <auto ParentKey, auto TargetKey>
consteval auto make_has_one() {
  using P = key_member<ParentKey>;
  using T = key_member<TargetKey>;
  static_assert(same_key_type<P, T>,
                "quarry: has_one: the foreign key column's type differs from the key it references; declare "
                "both with the same C++ type (std::optional is allowed on the foreign key)");
  static_assert(P::unique,
                "quarry: has_one: the referenced key must be a primary key or unique column (mark it "
                "quarry::primary_key, quarry::identity or quarry::unique)");
  static_assert(T::unique,
                "quarry: has_one: the foreign key must be unique (at most one row per parent); mark it "
                "quarry::unique, or declare the relation with has_many and load it with .limit(1)");
  return relation_request<relation_def<relation_kind::has_one, ParentKey, TargetKey>>{};
}

template <auto ForeignKey, auto TargetKey>
consteval auto make_belongs_to() {
  using F = key_member<ForeignKey>;
  using T = key_member<TargetKey>;
  static_assert(same_key_type<F, T>,
                "quarry: belongs_to: the foreign key column's type differs from the key it references; declare "
                "both with the same C++ type (std::optional is allowed on the foreign key)");
  static_assert(T::unique,
                "quarry: belongs_to: the referenced key must be a primary key or unique column (mark it "
                "quarry::primary_key, quarry::identity or quarry::unique)");
  return relation_request<relation_def<relation_kind::belongs_to, ForeignKey, TargetKey>>{};
}

template <auto ParentKey, auto ViaParent, auto ViaTarget, auto TargetKey>
consteval auto make_many_to_many() {
  using P = key_member<ParentKey>;
  using A = key_member<ViaParent>;
  using B = key_member<ViaTarget>;
  using T = key_member<TargetKey>;
  static_assert(std::is_same_v<typename A::descriptor, typename B::descriptor>,
                "quarry: many_to_many<parent key, join.parent_fk, join.target_fk, target key>: the two middle "
                "columns must belong to the same join table");
  static_assert(same_key_type<P, A> && same_key_type<B, T>,
                "quarry: many_to_many: a join-table foreign key's type differs from the key it references; "
                "declare both with the same C++ type");
  static_assert(P::unique && T::unique,
                "quarry: many_to_many: the referenced keys must be primary key or unique columns (mark them "
                "quarry::primary_key, quarry::identity or quarry::unique)");
  return relation_request<through_def<relation_kind::many_to_many, ParentKey, ViaParent, ViaTarget, TargetKey>>{};
}


template <auto... Keys>
consteval auto has_many_of() {
  static_assert(sizeof...(Keys) == 1 || sizeof...(Keys) == 2,
                "quarry: has_many<&parent_t::key, &child_t::foreign_key> takes two column pointers (or the "
                "foreign key alone when it is declared with references<>)");
  if constexpr (sizeof...(Keys) == 1) {
    return make_has_many<referenced_by<Keys...>(), Keys...>();
  } else if constexpr (sizeof...(Keys) == 2) {
    return make_has_many<Keys...>();
  }
}
template <auto... Keys>
consteval auto has_one_of() {
  static_assert(sizeof...(Keys) == 1 || sizeof...(Keys) == 2,
                "quarry: has_one<&parent_t::key, &child_t::foreign_key> takes two column pointers (or the "
                "foreign key alone when it is declared with references<>)");
  if constexpr (sizeof...(Keys) == 1) {
    return make_has_one<referenced_by<Keys...>(), Keys...>();
  } else if constexpr (sizeof...(Keys) == 2) {
    return make_has_one<Keys...>();
  }
}
template <auto... Keys>
consteval auto belongs_to_of() {
  static_assert(sizeof...(Keys) == 1 || sizeof...(Keys) == 2,
                "quarry: belongs_to<&child_t::foreign_key, &parent_t::key> takes two column pointers (or the "
                "foreign key alone when it is declared with references<>)");
  if constexpr (sizeof...(Keys) == 1) {
    return make_belongs_to<Keys..., referenced_by<Keys...>()>();
  } else if constexpr (sizeof...(Keys) == 2) {
    return make_belongs_to<Keys...>();
  }
}
template <auto A, auto B>
consteval auto many_to_many_via() {
  return make_many_to_many<referenced_by<A>(), A, B, referenced_by<B>()>();
}
template <auto... Keys>
consteval auto many_to_many_of() {
  static_assert(sizeof...(Keys) == 2 || sizeof...(Keys) == 4,
                "quarry: many_to_many<&parent_t::key, &join_t::parent_fk, &join_t::target_fk, &target_t::key> "
                "takes four column pointers (or the two join-table foreign keys when they are declared with "
                "references<>)");
  if constexpr (sizeof...(Keys) == 2) {
    return many_to_many_via<Keys...>();
  } else if constexpr (sizeof...(Keys) == 4) {
    return make_many_to_many<Keys...>();
  }
}

}  // namespace detail

/// one-to-many: `has_many<&users_t::id, &orders_t::user_id>` (each user's orders), or
/// `has_many<&orders_t::user_id>` when the foreign key is declared with references<>.
/// The value is a relation request: `.where()`, `.order_by()`, `.limit()`, `.with()` refine it.
template <auto... Keys>
inline constexpr auto has_many = detail::has_many_of<Keys...>();

/// one-to-one: `has_one<&users_t::id, &profiles_t::user_id>`; the foreign key must be unique.
template <auto... Keys>
inline constexpr auto has_one = detail::has_one_of<Keys...>();

/// many-to-one: `belongs_to<&orders_t::user_id, &users_t::id>` (each order's user), or
/// `belongs_to<&orders_t::user_id>` when the foreign key is declared with references<>.
template <auto... Keys>
inline constexpr auto belongs_to = detail::belongs_to_of<Keys...>();

/// many-to-many through a join table: `many_to_many<&users_t::id, &memberships_t::user_id,
/// &memberships_t::group_id, &groups_t::id>`, or `many_to_many<&memberships_t::user_id,
/// &memberships_t::group_id>` when both join-table keys are declared with references<>.
template <auto... Keys>
inline constexpr auto many_to_many = detail::many_to_many_of<Keys...>();

}  // namespace quarry
