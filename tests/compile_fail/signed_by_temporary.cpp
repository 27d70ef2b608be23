// expect: quarry: signed_by\(\) keeps a reference to the signer
// Misuse: a temporary signer given to signed_by(); the pager would keep a pointer to it.
#include <quarry/page.hpp>

struct User { std::int64_t id; std::string email; std::optional<std::string> city; int age; };
inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age"> age;
} users;

struct signer final : quarry::cursor_signer {
  std::size_t signature_size() const noexcept override { return 8; }
  std::string sign(std::string_view) const override { return std::string(8, 'x'); }
};

void misuse() {
#ifndef QUARRY_CF_CONTROL
  auto pager = quarry::paginate(quarry::select(users), users.id).signed_by(signer{});
#else
  static const signer key;
  auto pager = quarry::paginate(quarry::select(users), users.id).signed_by(key);
#endif
  (void)pager;
}
