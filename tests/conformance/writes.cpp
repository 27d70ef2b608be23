// Upserts, RETURNING and INSERT ... SELECT against real databases.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

using namespace test;

template <class Db>
static void fresh(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
}

TEMPLATE_LIST_TEST_CASE("upsert DO NOTHING keeps the first row", "[upsert]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  User a{0, "a@x.org", "Paris", 30};
  db->execute(quarry::insert_into(users).values(a).on_conflict(users.email).do_nothing());
  a.age = 99;
  CHECK(db->execute(quarry::insert_into(users).values(a).on_conflict(users.email).do_nothing()) == 0);
  CHECK(db->query(quarry::select(users).where(users.email == "a@x.org")).one().age == 30);
}

TEMPLATE_LIST_TEST_CASE("upsert DO UPDATE with excluded values and a WHERE", "[upsert]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  auto upsert = [&](const User& u) {
    return db->execute(quarry::insert_into(users)
                           .values(u)
                           .on_conflict(users.email)
                           .do_update(users.age = quarry::excluded(users.age), users.city = quarry::excluded(users.city))
                           .where(users.age < quarry::excluded(users.age)));
  };
  upsert(User{0, "a@x.org", "Paris", 30});
  upsert(User{0, "a@x.org", "Lyon", 40});
  auto row = db->query(quarry::select(users).where(users.email == "a@x.org")).one();
  CHECK(row.age == 40);
  CHECK(row.city == "Lyon");
  upsert(User{0, "a@x.org", "Nice", 20});  // WHERE blocks the older value
  CHECK(db->query(quarry::select(users).where(users.email == "a@x.org")).one().city == "Lyon");
  CHECK(db->query(quarry::select(quarry::count()).from(users)).one() == std::tuple<std::int64_t>{1});
}

TEMPLATE_LIST_TEST_CASE("RETURNING gives typed rows", "[returning]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  User a{0, "a@x.org", std::nullopt, 30};
  auto [id, email] = db->query(quarry::insert_into(users).values(a).returning(users.id, users.email)).one();
  CHECK(id > 0);
  CHECK(email == "a@x.org");
  db->insert(users, User{0, "b@x.org", std::nullopt, 50});
  auto ages = db->query(quarry::update(users).set(users.age = users.age + 1).all_rows().returning(users.age)).all();
  CHECK(ages.size() == 2);
  auto gone = db->query(quarry::delete_from(users).where(users.age > 40).returning(users.email)).all();
  REQUIRE(gone.size() == 1);
  CHECK(std::get<0>(gone[0]) == "b@x.org");
}

TEMPLATE_LIST_TEST_CASE("INSERT ... SELECT copies rows", "[writes]", backends) {
  auto db = TestType::connect();
  fresh(*db);
  for (int i = 0; i < 5; ++i) db->insert(users, User{0, "u" + std::to_string(i), std::nullopt, i});
  auto n = db->execute(quarry::insert_into(posts).columns(posts.user_id, posts.title).select(
      quarry::select(users.id, users.email).from(users).where(users.age >= 2)));
  CHECK(n == 3);
  CHECK(db->query(quarry::select(posts.title).from(posts).order_by(posts.id)).all().front() == std::tuple<std::string>{"u2"});
}
