#pragma once
// Tables shared by quarry's tests.

#include <quarry/quarry.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace test {

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::string> city;
  std::int32_t age;
};

inline constexpr struct users_t : quarry::table<"users", User> {
  column<&User::id, "id", quarry::identity> id;
  column<&User::email, "email", quarry::unique> email;
  column<&User::city, "city"> city;
  column<&User::age, "age", quarry::default_value<0>, quarry::check<"age >= 0">> age;
} users;

struct Post {
  std::int64_t id;
  std::int64_t user_id;
  std::string title;
  std::optional<std::int64_t> likes;
};

inline constexpr struct posts_t : quarry::table<"posts", Post> {
  column<&Post::id, "id", quarry::identity> id;
  column<&Post::user_id, "user_id", quarry::references<&users_t::id, quarry::fk_action::cascade>> user_id;
  column<&Post::title, "title"> title;
  column<&Post::likes, "likes"> likes;
} posts;

/// One column of every mapped type.
struct Sample {
  std::int64_t id;
  bool flag;
  std::int16_t small;
  std::int32_t medium;
  std::int64_t big;
  double real;
  std::string text;
  quarry::bytes blob;
  quarry::timestamp at;
  quarry::date day;
  quarry::decimal amount;
  std::optional<std::string> note;
  std::optional<std::int64_t> maybe;
};

inline constexpr struct samples_t : quarry::table<"samples", Sample> {
  column<&Sample::id, "id", quarry::primary_key> id;
  column<&Sample::flag, "flag"> flag;
  column<&Sample::small, "small"> small;
  column<&Sample::medium, "medium"> medium;
  column<&Sample::big, "big"> big;
  column<&Sample::real, "real"> real;
  column<&Sample::text, "text"> text;
  column<&Sample::blob, "blob"> blob;
  column<&Sample::at, "at"> at;
  column<&Sample::day, "day"> day;
  column<&Sample::amount, "amount"> amount;
  column<&Sample::note, "note"> note;
  column<&Sample::maybe, "maybe"> maybe;
} samples;

/// A composite primary key.
struct Membership {
  std::int64_t user_id;
  std::int64_t group_id;
  std::string role;
};
inline constexpr struct memberships_t : quarry::table<"memberships", Membership> {
  column<&Membership::user_id, "user_id", quarry::primary_key> user_id;
  column<&Membership::group_id, "group_id", quarry::primary_key> group_id;
  column<&Membership::role, "role", quarry::default_text<"member">> role;
} memberships;

}  // namespace test
