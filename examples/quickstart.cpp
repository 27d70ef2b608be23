// quarry in one page: a descriptor, a table, typed inserts and queries on an in-memory SQLite database.
#include <quarry/sqlite.hpp>

#include <cstdio>
#include <optional>
#include <string>

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::string> city;  // optional => nullable column
  std::int32_t age;
};

inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;  // database-generated 64-bit id
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age", quarry::check<"age >= 0">> age;
} users;

int main() {
  quarry::sqlite::connection db;  // ":memory:" by default; {.path = "app.db"} for a file
  db.create_table(users);

  auto ada = db.insert(users, User{0, "ada@example.org", "London", 36});
  db.insert(users, User{0, "alan@example.org", std::nullopt, 41});
  db.insert(users, User{0, "grace@example.org", "Arlington", 85});

  // Typed projection: rows are std::tuple<std::string, std::optional<std::string>>.
  auto q = quarry::select(users.email, users.city)
               .from(users)
               .where(users.age > 30 && users.email.like("%@example.org"))
               .order_by(users.city.asc(quarry::nulls_last))
               .limit(10);
  for (auto [email, city] : db.query(q)) std::printf("%-20s %s\n", email.c_str(), city ? city->c_str() : "(no city)");

  // Whole rows come back as the struct.
  if (auto u = db.find(users, ada)) std::printf("found #%lld %s\n", static_cast<long long>(u->id), u->email.c_str());

  db.execute(quarry::update(users).set(users.city = "Bletchley").where(users.city.is_null()));
  std::printf("SQL: %s\n", quarry::to_sql<quarry::sqlite_dialect>(q).c_str());
}
