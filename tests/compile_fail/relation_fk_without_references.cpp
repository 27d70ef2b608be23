// expect: quarry: a relation given only a foreign key needs that column declared with
// Misuse: has_many<fk> with only the foreign key, which has no references<> naming its key.
#include <quarry/orm.hpp>

struct User { std::int64_t id; std::string email; std::int64_t number; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::number, "number"> number;
} users;

struct Order { std::int64_t id; std::int64_t user_id; };
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
#ifndef QUARRY_CF_CONTROL
  column<&Order::user_id, "user_id"> user_id;
#else
  column<&Order::user_id, "user_id", quarry::references<&users_t::id>> user_id;
#endif
} orders;

inline constexpr auto user_orders = quarry::has_many<&orders_t::user_id>;
