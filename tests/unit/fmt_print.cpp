// Statements print with fmt in a chosen dialect.

#include "catch.hpp"
#include "schema.hpp"

#include <quarry/fmt.hpp>

using namespace test;

TEST_CASE("statements are printable with fmt") {
  auto q = quarry::select(users.id).from(users).where(users.email == "secret@example.org");
  CHECK(fmt::format("{}", quarry::sql_of<quarry::sqlite_dialect>(q)) ==
        R"(SELECT "users"."id" FROM "users" WHERE "users"."email" = ?)");
  CHECK(fmt::format("[{:>10}]", quarry::sql_of<quarry::postgres_dialect>(quarry::delete_from(users).all_rows())) ==
        R"([DELETE FROM "users"])");
  CHECK(fmt::format("{}", quarry::sql_of<quarry::postgres_dialect>(q)).find("secret") == std::string::npos);
}
