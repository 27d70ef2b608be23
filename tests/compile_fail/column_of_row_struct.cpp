// expect: quarry: column_of<Self, &Row::field, .*name.*> takes the descriptor being declared as Self
// Misuse: column_of<> given the row struct instead of the descriptor.
#include <quarry/quarry.hpp>

struct User { std::int64_t id; std::string name; };
template <quarry::fixed_string Name>
struct users_t : quarry::table<Name, User> {
#ifndef QUARRY_CF_CONTROL
  quarry::column_of<User, &User::id, "id", quarry::identity> id;
#else
  quarry::column_of<users_t, &User::id, "id", quarry::identity> id;
#endif
  quarry::column_of<users_t, &User::name, "name"> name;
};
inline constexpr users_t<"users"> users;

void use() { (void)quarry::to_sql<quarry::sqlite_dialect>(quarry::select(users.name).from(users)); }
