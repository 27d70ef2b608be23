// expect: quarry: has_one: the foreign key must be unique
// Misuse: a has_one whose foreign key is not unique (a user could have several profiles).
#include <quarry/orm.hpp>

struct User { std::int64_t id; std::string email; std::int64_t number; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::number, "number"> number;
} users;

struct Profile { std::int64_t id; std::int64_t user_id; };
inline constexpr struct profiles_t : quarry::table<"profiles", Profile> {
  column<&Profile::id, "id", quarry::identity> id;
#ifndef QUARRY_CF_CONTROL
  column<&Profile::user_id, "user_id"> user_id;
#else
  column<&Profile::user_id, "user_id", quarry::unique> user_id;
#endif
} profiles;

inline constexpr auto user_profile = quarry::has_one<&users_t::id, &profiles_t::user_id>;
