// What a descriptor knows about its table, derived at compile time.

#include "catch.hpp"
#include "schema.hpp"

#include <type_traits>

using namespace test;
namespace qd = quarry::detail;

TEST_CASE("columns know their table, name, field and type") {
  using email = decltype(users.email);
  STATIC_REQUIRE(email::name == "email");
  STATIC_REQUIRE(email::table_tag::table_name == "users");
  STATIC_REQUIRE(email::field_index == 1);
  STATIC_REQUIRE(std::is_same_v<email::value_type, std::string>);
  STATIC_REQUIRE(email::is_unique);
  STATIC_REQUIRE_FALSE(email::nullable);
  STATIC_REQUIRE(decltype(users.city)::nullable);
  STATIC_REQUIRE(decltype(users.id)::is_identity);
  STATIC_REQUIRE(decltype(users.id)::is_primary_key);
  STATIC_REQUIRE(decltype(users.age)::has_default);
}

TEST_CASE("descriptor traits list columns in field order") {
  using traits = qd::descriptor_traits<users_t>;
  STATIC_REQUIRE(traits::field_count == 4);
  STATIC_REQUIRE(std::is_same_v<traits::columns, qd::type_list<decltype(users.id), decltype(users.email),
                                                               decltype(users.city), decltype(users.age)>>);
  STATIC_REQUIRE(traits::has_identity);
  STATIC_REQUIRE(traits::primary_key_size == 1);
  STATIC_REQUIRE(qd::descriptor_traits<memberships_t>::primary_key_size == 2);
  STATIC_REQUIRE(qd::descriptor_traits<samples_t>::field_count == 13);
}

TEST_CASE("field index comes from the member pointer, not the declaration") {
  STATIC_REQUIRE(qd::field_index<&Sample::note>() == 11);
  STATIC_REQUIRE(qd::field_index<&Sample::id>() == 0);
}

TEST_CASE("result types of expressions") {
  STATIC_REQUIRE(std::is_same_v<decltype(users.age + 1)::value_type, std::int64_t>);
  STATIC_REQUIRE(std::is_same_v<decltype(users.age * 1.5)::value_type, double>);
  STATIC_REQUIRE(std::is_same_v<decltype(posts.likes + 1)::value_type, std::optional<std::int64_t>>);
  STATIC_REQUIRE(std::is_same_v<decltype(users.city == "x")::value_type, std::optional<bool>>);
  STATIC_REQUIRE(std::is_same_v<decltype(users.age == 1)::value_type, bool>);
  using row = decltype(quarry::select(users.id, users.city, posts.likes).from(users))::row_type;
  STATIC_REQUIRE(std::is_same_v<row, std::tuple<std::int64_t, std::optional<std::string>, std::optional<std::int64_t>>>);
  STATIC_REQUIRE(std::is_same_v<decltype(quarry::select(users))::row_type, User>);
}

TEST_CASE("value mapping traits") {
  STATIC_REQUIRE(quarry::kind_of<std::int16_t> == quarry::sql_kind::integer);
  STATIC_REQUIRE(quarry::kind_of<std::optional<double>> == quarry::sql_kind::real);
  STATIC_REQUIRE(quarry::kind_of<quarry::decimal> == quarry::sql_kind::decimal);
  STATIC_REQUIRE(quarry::sql_value<quarry::bytes>);
  STATIC_REQUIRE_FALSE(quarry::sql_value<std::vector<int>>);
  STATIC_REQUIRE(std::is_same_v<qd::param_type_t<const char (&)[4]>, std::string>);
  CHECK_THROWS_AS(quarry::value_traits<std::int16_t>::from_storage(40000), qd::conversion_error);
  CHECK(quarry::value_traits<std::int16_t>::from_storage(-32768) == -32768);
  CHECK_THROWS_AS(quarry::value_traits<std::uint32_t>::from_storage(-1), qd::conversion_error);
}
