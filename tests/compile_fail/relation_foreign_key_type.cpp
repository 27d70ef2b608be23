// expect: quarry: has_many: the foreign key column.s type differs from the key it references
// Misuse: a has_many whose foreign key (int) has another type than the key it references (std::int64_t).
#include <quarry/orm.hpp>

struct User { std::int64_t id; std::string email; std::int64_t number; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::number, "number"> number;
} users;

#ifndef QUARRY_CF_CONTROL
struct Order { std::int64_t id; int user_id; };
#else
struct Order { std::int64_t id; std::int64_t user_id; };
#endif
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::user_id, "user_id"> user_id;
} orders;

inline constexpr auto user_orders = quarry::has_many<&users_t::id, &orders_t::user_id>;
