// expect: quarry: belongs_to: the referenced key must be a primary key or unique column
// Misuse: a belongs_to that references users.number, which is neither a primary key nor unique.
#include <quarry/orm.hpp>

struct User { std::int64_t id; std::string email; std::int64_t number; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::number, "number"> number;
} users;

struct Order { std::int64_t id; std::int64_t user_number; };
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_number, "user_number"> user_number;
} orders;

#ifndef QUARRY_CF_CONTROL
inline constexpr auto order_user = quarry::belongs_to<&orders_t::user_number, &users_t::number>;
#else
inline constexpr auto order_user = quarry::belongs_to<&orders_t::user_number, &users_t::id>;
#endif
