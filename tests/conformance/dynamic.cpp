// Dynamic queries (conditions, order keys and columns chosen at run time) and named row access,
// on every backend.

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <quarry/dynamic.hpp>

using namespace test;

namespace {

template <class Db>
std::vector<User> seed(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
  std::vector<User> v{
      {0, "ann@a.org", "Paris", 31}, {0, "bob@b.org", "Lyon", 17},  {0, "cat@a.org", std::nullopt, 45},
      {0, "dan@b.org", "Paris", 52}, {0, "eve@a.org", "Nice", 23},  {0, "fay@b.org", std::nullopt, 38},
      {0, "gus@a.org", "Lyon", 64},  {0, "hal@b.org", "Paris", 29},
  };
  for (auto& u : v) u.id = db.insert(users, u);
  return v;
}

/// The search form of a user list: every field optional.
struct search_form {
  std::optional<std::int32_t> min_age;
  std::optional<std::string> city;
  std::optional<std::string> email_like;
};

template <class Q>
void apply(Q& q, const search_form& f) {
  if (f.min_age) q.where(users.age >= *f.min_age);
  if (f.city) q.where(users.city == *f.city);
  if (f.email_like) q.where(users.email.like(*f.email_like));
}

bool matches(const User& u, const search_form& f) {
  if (f.min_age && u.age < *f.min_age) return false;
  if (f.city && u.city != *f.city) return false;
  if (f.email_like) {  // the patterns used here are "%@a.org" / "%@b.org"
    const std::string suffix = f.email_like->substr(1);
    if (u.email.size() < suffix.size() || u.email.compare(u.email.size() - suffix.size(), suffix.size(), suffix) != 0)
      return false;
  }
  return true;
}

}  // namespace

TEMPLATE_LIST_TEST_CASE("dynamic: a search form's filter combinations, one prepared statement per shape", "[dynamic]",
                        backends) {
  auto db = TestType::connect();
  const auto people = seed(*db);
  const auto before = db->prepared_statements();
  // Two rounds with different values: the shapes (which filters are set) repeat.
  const std::vector<std::tuple<std::int32_t, std::string, std::string>> rounds{{30, "Paris", "%@a.org"},
                                                                               {20, "Lyon", "%@b.org"}};
  for (const auto& [age, city, like] : rounds) {
    for (int mask = 0; mask < 8; ++mask) {
      search_form f;
      if (mask & 1) f.min_age = age;
      if (mask & 2) f.city = city;
      if (mask & 4) f.email_like = like;
      auto q = db->dynamic(quarry::select(users.id, users.email).from(users));
      apply(q, f);
      q.order_by(users.id.asc());
      std::vector<std::int64_t> got, want;
      for (auto [id, email] : db->query(q)) got.push_back(id);
      for (const auto& u : people)
        if (matches(u, f)) want.push_back(u.id);
      INFO("filters " << mask << ", SQL: " << q.sql());
      CHECK(got == want);
    }
  }
  CHECK(db->prepared_statements() == before + 8);
}

TEMPLATE_LIST_TEST_CASE("dynamic: OR groups, base conditions, order keys by name", "[dynamic]", backends) {
  auto db = TestType::connect();
  const auto people = seed(*db);
  auto names = [&](auto& q) {
    std::vector<std::string> out;
    for (const auto& r : db->query(q)) out.push_back(r[users.email]);
    return out;
  };
  // Any of several cities (an OR group), ANDed with the base statement's own where().
  std::vector<std::string> cities{"Lyon", "Nice"};
  auto q = db->dynamic(quarry::select(users.email).from(users).where(users.age > 18 || users.city.is_null()));
  auto any = q.any_of();
  for (const auto& c : cities) any.add(users.city == c);
  q.where(any);
  q.order_by("age", quarry::direction::desc, quarry::sort_by("email", users.email), quarry::sort_by("age", users.age));
  CHECK(names(q) == std::vector<std::string>{"gus@a.org", "eve@a.org"});  // bob is 17
  // An empty group adds nothing; the base order_by comes first, then run-time keys.
  auto all = db->dynamic(
      quarry::select(users.email).from(users).where(users.age < 40).order_by(users.city.asc(quarry::nulls_first)));
  all.where(all.any_of());
  all.order_by("email", quarry::direction::asc, quarry::sort_by("email", users.email));
  CHECK(names(all) == std::vector<std::string>{"fay@b.org", "bob@b.org", "eve@a.org", "ann@a.org", "hal@b.org"});
  // Nested groups: (age < 20 OR (city = 'Paris' AND age > 50)).
  auto n = db->dynamic(quarry::select(users.email).from(users));
  auto either = n.any_of();
  auto both = n.all_of();
  both.add(users.city == "Paris").add(users.age > 50);
  either.add(users.age < 20).add(both);
  n.where(either).order_by(users.email, quarry::direction::asc);
  CHECK(names(n) == std::vector<std::string>{"bob@b.org", "dan@b.org"});
  // An unknown sort key names the allowed ones.
  auto bad = db->dynamic(quarry::select(users.email).from(users));
  CHECK_THROWS_AS(bad.order_by("password", quarry::direction::asc, quarry::sort_by("email", users.email)),
                  quarry::usage_error);
  // Parameters of run-time pieces are numbered between the base statement's: WHERE, ORDER, LIMIT.
  auto lim =
      db->dynamic(quarry::select(users.email).from(users).where(users.age > 20).order_by(users.age.desc()).limit(2));
  lim.where(users.email.like("%@a.org")).order_by(users.id, quarry::direction::asc);
  CHECK(names(lim) == std::vector<std::string>{"gus@a.org", "cat@a.org"});
  // A runtime list is one parameter, whatever its length (json_each / = ANY).
  auto in = db->dynamic(quarry::select(users.email).from(users));
  std::vector<std::int64_t> ids{people[1].id, people[6].id, people[7].id};
  in.where(users.id.in_values(ids)).where(users.city.in_values(std::vector<std::string>{"Lyon"}));
  in.order_by(users.email.asc());
  CHECK(names(in) == std::vector<std::string>{"bob@b.org", "gus@a.org"});
  // Values are bound: a quote in a filter value is data.
  auto quoted = db->dynamic(quarry::select(users.email).from(users));
  quoted.where(users.email == "x' OR '1'='1");
  CHECK(names(quoted).empty());
}

TEMPLATE_LIST_TEST_CASE("dynamic: columns chosen at run time", "[dynamic]", backends) {
  auto db = TestType::connect();
  const auto people = seed(*db);
  db->insert(posts, Post{0, people[0].id, "hello", 3});
  // A field list from a request: ?fields=email,city
  auto q = db->dynamic(quarry::select(quarry::dynamic_columns).from(users).where(users.age > 40));
  for (std::string_view f : {"email", "city"}) q.select_column(users, f);
  q.order_by(users.id.asc());
  auto rows = db->query(q).all();
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].size() == 2);
  CHECK(rows[0][users.email] == "cat@a.org");
  CHECK(rows[0][users.city] == std::nullopt);  // std::optional<std::string>
  CHECK(rows[1][users.city] == std::optional<std::string>("Paris"));
  CHECK(rows[0].has(users.email));
  CHECK_FALSE(rows[0].has(users.age));
  CHECK_THROWS_AS(rows[0][users.age], quarry::usage_error);  // not selected
  CHECK_THROWS_AS(q.select_column(users, "password"), quarry::usage_error);
  CHECK_THROWS_AS(q.select(users.email), quarry::usage_error);  // already selected

  // Outer join: the right side reads as optional; computed values by their .as<> name.
  auto j = db->dynamic(quarry::select(quarry::dynamic_columns)
                           .from(users)
                           .left_join(posts)
                           .on(posts.user_id == users.id)
                           .where(users.age > 30));
  j.select(users.email).select(posts.title).select((users.age + 1).as<"next_age">());
  j.order_by(users.email.asc());
  auto jr = db->query(j).all();
  REQUIRE(jr.size() == 5);  // ann (with a post), cat, dan, fay, gus
  CHECK(jr[0][users.email] == "ann@a.org");
  CHECK(jr[0][posts.title] == std::optional<std::string>("hello"));
  CHECK(jr[1][posts.title] == std::nullopt);
  CHECK(jr[0][(users.age + 1).as<"next_age">()] == 32);

  // Aggregates with group_by() in the base statement.
  auto g = db->dynamic(quarry::select(quarry::dynamic_columns).from(users).group_by(users.city));
  g.select(users.city).select(quarry::count().as<"n">());
  g.order_by(quarry::count().desc()).order_by(users.city, quarry::direction::asc);
  auto gr = db->query(g).all();
  REQUIRE(gr.size() == 4);
  CHECK(gr[0][users.city] == std::optional<std::string>("Paris"));
  CHECK(gr[0][quarry::count().as<"n">()] == 3);
  // Mixing aggregates and plain columns without group_by() is refused when the column is added.
  auto mix = db->dynamic(quarry::select(quarry::dynamic_columns).from(users));
  mix.select(users.email);
  CHECK_THROWS_AS(mix.select(quarry::count()), quarry::usage_error);
  // No column at all.
  auto empty = db->dynamic(quarry::select(quarry::dynamic_columns).from(users));
  CHECK_THROWS_AS(db->query(empty), quarry::usage_error);
}

TEMPLATE_LIST_TEST_CASE("named access to result columns", "[rows]", backends) {
  auto db = TestType::connect();
  const auto people = seed(*db);
  db->insert(posts, Post{0, people[0].id, "a", 1});
  db->insert(posts, Post{0, people[0].id, "b", std::nullopt});
  db->insert(posts, Post{0, people[3].id, "c", 5});
  auto n = quarry::count(posts.id);
  auto q = quarry::select(users.email, n, quarry::max(posts.likes).as<"top">())
               .from(users)
               .join(posts)
               .on(posts.user_id == users.id)
               .group_by(users.email)
               .order_by(users.email);
  auto rows = db->query(q).all();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][users.email] == "ann@a.org");
  CHECK(rows[0][n] == 2);
  CHECK(rows[0][quarry::max(posts.likes).as<"top">()] == std::optional<std::int64_t>(1));
  // Still a tuple: structured bindings, std::get, comparisons with tuples.
  auto [email, count, top] = rows[1];
  CHECK(email == "dan@b.org");
  CHECK(count == 1);
  CHECK(top == std::optional<std::int64_t>(5));
  CHECK(std::get<1>(rows[1]) == 1);
  CHECK(rows[1] == std::tuple<std::string, std::int64_t, std::optional<std::int64_t>>{"dan@b.org", 1, 5});
  // A temporary row hands its value out; RETURNING rows are named too.
  std::string first = db->query(q).all().front()[users.email];
  CHECK(first == "ann@a.org");
  auto ret =
      db->query(
            quarry::insert_into(users).values(User{0, "new@x.org", std::nullopt, 3}).returning(users.id, users.email))
          .one();
  CHECK(ret[users.email] == "new@x.org");
  CHECK(ret[users.id] > people.back().id);
}
