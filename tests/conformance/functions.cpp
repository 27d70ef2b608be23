// Functions, CASE and window functions against real databases.

#include "backends.hpp"
#include "catch.hpp"
#include "schema.hpp"

#include <vector>

using namespace test;
using namespace std::chrono;

template <class Db>
static void seed(Db& db) {
  db.drop_table(posts, true);
  db.drop_table(users, true);
  db.create_table(users);
  db.create_table(posts);
  db.insert(users, User{0, " Ada@X.org ", "London", 36});
  db.insert(users, User{0, "alan@x.org", std::nullopt, 17});
  db.insert(users, User{0, "grace@x.org", "Arlington", 85});
  for (std::int64_t u = 1; u <= 3; ++u)
    for (int k = 0; k < 3; ++k) db.insert(posts, Post{0, u, "t" + std::to_string(k), k == 1 ? std::nullopt : std::optional<std::int64_t>(k + u)});
}

TEMPLATE_LIST_TEST_CASE("scalar functions and CASE", "[functions]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto rows = db->query(quarry::select(quarry::coalesce(users.city, "none"), quarry::lower(quarry::trim(users.email)),
                                       quarry::length(users.email), quarry::substr(users.email, 2, 3),
                                       quarry::case_when(users.age < 18, "minor").when(users.age < 65, "adult").else_("senior"),
                                       quarry::cast<double>(users.age) / 2, quarry::nullif(users.age, 17),
                                       quarry::concat(users.email, "#"), quarry::abs(users.age - 50),
                                       quarry::replace(users.email, "x.org", "y.net"))
                            .from(users)
                            .order_by(users.id))
                  .all();
  REQUIRE(rows.size() == 3);
  auto& [city, email, len, sub, band, half, nul, cat, dist, rep] = rows[1];
  CHECK(city == "none");
  CHECK(email == "alan@x.org");
  CHECK(len == 10);
  CHECK(sub == "lan");
  CHECK(band == "minor");
  CHECK(half == 8.5);
  CHECK_FALSE(nul.has_value());
  CHECK(cat == "alan@x.org#");
  CHECK(dist == 33);
  CHECK(rep == "alan@y.net");
  CHECK(std::get<1>(rows[0]) == "ada@x.org");
  CHECK(std::get<4>(rows[0]) == "adult");
  CHECK(std::get<4>(rows[2]) == "senior");
}

TEMPLATE_LIST_TEST_CASE("date extraction and truncation", "[functions]", backends) {
  auto db = TestType::connect();
  db->drop_table(samples, true);
  db->create_table(samples);
  Sample s{1, true, 1, 1, 1, 1.0, "t", {}, sys_days{2023y / March / 14} + 15h + 9min + 26s + 535897us,
           sys_days{2020y / February / 29}, quarry::decimal("1"), std::nullopt, std::nullopt};
  db->insert(samples, s);
  auto [y, mo, d, h, mi, sec, dd, month_start, day_start] =
      db->query(quarry::select(quarry::extract<quarry::date_field::year>(samples.at),
                               quarry::extract<quarry::date_field::month>(samples.at),
                               quarry::extract<quarry::date_field::day>(samples.at),
                               quarry::extract<quarry::date_field::hour>(samples.at),
                               quarry::extract<quarry::date_field::minute>(samples.at),
                               quarry::extract<quarry::date_field::second>(samples.at),
                               quarry::extract<quarry::date_field::day>(samples.day),
                               quarry::trunc<quarry::date_field::month>(samples.at),
                               quarry::trunc<quarry::date_field::day>(samples.at))
                    .from(samples))
          .one();
  CHECK(y == 2023);
  CHECK(mo == 3);
  CHECK(d == 14);
  CHECK(h == 15);
  CHECK(mi == 9);
  CHECK(sec == 26);
  CHECK(dd == 29);
  CHECK(month_start == quarry::timestamp{sys_days{2023y / March / 1}});
  CHECK(day_start == quarry::timestamp{sys_days{2023y / March / 14}});
}

TEMPLATE_LIST_TEST_CASE("window functions", "[window]", backends) {
  auto db = TestType::connect();
  seed(*db);
  auto w = quarry::window().partition_by(posts.user_id).order_by(posts.id.desc());
  auto rows = db->query(quarry::select(posts.id, posts.user_id, quarry::row_number().over(w),
                                       quarry::lag(posts.id).over(quarry::window().order_by(posts.id)),
                                       quarry::sum(posts.likes).over(quarry::window().partition_by(posts.user_id)),
                                       quarry::count().over(quarry::window().order_by(posts.id).rows(quarry::unbounded_preceding, quarry::current_row)))
                            .from(posts)
                            .order_by(posts.id))
                  .all();
  REQUIRE(rows.size() == 9);
  auto& [id0, user0, rn0, lag0, sum0, run0] = rows[0];
  CHECK(id0 == 1);
  CHECK(user0 == 1);
  CHECK(rn0 == 3);  // newest first within the user
  CHECK_FALSE(lag0.has_value());
  CHECK(sum0 == (0 + 1) + (2 + 1));
  CHECK(run0 == 1);
  CHECK(std::get<2>(rows[2]) == 1);
  CHECK(std::get<3>(rows[2]) == 2);
  CHECK(std::get<5>(rows[8]) == 9);
}
