// expect: quarry: references<> must point at a primary key or unique column of the same type
// Misuse: a foreign key to a column that is neither a primary key nor unique (checked by
// create_table_sql).
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string email; std::string name; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::name, "name"> name;
} users;

struct Order { std::int64_t id; std::string customer; };
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
#ifndef QUARRY_CF_CONTROL
  column<&Order::customer, "customer", quarry::references<&users_t::name>> customer;
#else
  column<&Order::customer, "customer", quarry::references<&users_t::email>> customer;
#endif
} orders;

void misuse() { (void)quarry::create_table_sql<quarry::sqlite_dialect>(orders); }
