// CRUD helpers and DDL, on every backend.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <vector>

using namespace test;

template <class Db>
static void fresh_users(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
}

TEMPLATE_LIST_TEST_CASE("insert returns the generated 64-bit id", "[crud]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  std::int64_t a = db->insert(users, User{0, "a@x.org", std::nullopt, 30});
  std::int64_t b = db->insert(users, User{0, "b@x.org", "Paris", 41});
  CHECK(a > 0);
  CHECK(b == a + 1);
  auto u = db->find(users, b);
  REQUIRE(u);
  CHECK(u->id == b);
  CHECK(u->email == "b@x.org");
  CHECK(u->city == "Paris");
  CHECK(u->age == 41);
  CHECK_FALSE(db->find(users, b + 100).has_value());
}

TEMPLATE_LIST_TEST_CASE("update and remove by primary key", "[crud]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  auto id = db->insert(users, User{0, "a@x.org", std::nullopt, 30});
  User u = *db->find(users, id);
  u.city = "Lyon";
  u.age = 31;
  CHECK(db->update(users, u));
  CHECK(db->find(users, id)->city == "Lyon");
  CHECK(db->find(users, id)->age == 31);
  u.id = id + 99;
  CHECK_FALSE(db->update(users, u));
  CHECK(db->remove(users, id));
  CHECK_FALSE(db->remove(users, id));
  CHECK_FALSE(db->find(users, id).has_value());
}

TEMPLATE_LIST_TEST_CASE("insert_all uses one statement for a range", "[crud]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  std::vector<User> many;
  for (int i = 0; i < 100; ++i) many.push_back(User{0, "u" + std::to_string(i) + "@x.org", std::nullopt, i});
  CHECK(db->insert_all(users, many) == 100);
  auto [n] = db->query(quarry::select(users.id).from(users).where(users.age == 99)).one();
  CHECK(n == 100);
  CHECK(db->query(quarry::select(users).where(users.age < 10)).all().size() == 10);
}

TEMPLATE_LIST_TEST_CASE("tables without identity insert every column", "[crud]", backends) {
  auto db = TestType::connect();
  db->drop_table(memberships, true);
  db->create_table(memberships);
  db->insert(memberships, Membership{1, 2, "owner"});
  db->execute(quarry::insert_into(memberships).set(memberships.user_id = 3, memberships.group_id = 2));
  auto rows = db->query(quarry::select(memberships).where(memberships.group_id == 2).order_by(memberships.user_id)).all();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].role == "owner");
  CHECK(rows[1].role == "member");  // the descriptor's default
  CHECK_THROWS_AS(db->insert(memberships, Membership{1, 2, "dup"}), quarry::unique_violation);
}

TEMPLATE_LIST_TEST_CASE("create_table if_not_exists and drop_table if_exists", "[ddl]", backends) {
  auto db = TestType::connect();
  db->drop_table(posts, true);  // posts references users
  db->drop_table(users, true);
  db->drop_table(users, true);
  db->create_table(users, true);
  db->create_table(users, true);
  CHECK_THROWS_AS(db->create_table(users), quarry::error);
  db->drop_table(users);
  CHECK_THROWS_AS(db->drop_table(users), quarry::error);
}

TEMPLATE_LIST_TEST_CASE("constraints map to error classes", "[errors]", backends) {
  auto db = TestType::connect();
  fresh_users(*db);
  auto id = db->insert(users, User{0, "a@x.org", std::nullopt, 30});
  CHECK_THROWS_AS(db->insert(users, User{0, "a@x.org", std::nullopt, 1}), quarry::unique_violation);
  CHECK_THROWS_AS(db->insert(users, User{0, "b@x.org", std::nullopt, -1}), quarry::check_violation);
  CHECK_THROWS_AS(db->insert(posts, Post{0, id + 1000, "t", std::nullopt}), quarry::foreign_key_violation);
  try {
    db->insert(users, User{0, "a@x.org", std::nullopt, 1});
    FAIL("no exception");
  } catch (const quarry::error& e) {
    CHECK(e.category() == quarry::errc::unique_violation);
    CHECK(e.sql().find("INSERT INTO \"users\"") != std::string::npos);
    CHECK(std::string(e.what()).find("INSERT INTO") != std::string::npos);
  }
  // ON DELETE CASCADE from the descriptor
  db->insert(posts, Post{0, id, "hello", std::nullopt});
  db->remove(users, id);
  CHECK(db->query(quarry::select(posts.id).from(posts)).all().empty());
}
