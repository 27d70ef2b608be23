// Proves that the PostgreSQL server named by QUARRY_TEST_PG is up and usable, with raw libpq and
// no quarry code, so a broken test environment is told apart from a quarry bug.
// scripts/test starts a throwaway server and exports QUARRY_TEST_PG; a missing variable is a
// failure, never a skip.
#include "catch.hpp"

#if QUARRY_TEST_WITH_POSTGRES
#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <string>

TEST_CASE("QUARRY_TEST_PG names a reachable PostgreSQL server", "[pg][server]") {
  const char* conninfo = std::getenv("QUARRY_TEST_PG");
  if (conninfo == nullptr || *conninfo == '\0') {
    FAIL("QUARRY_TEST_PG is not set: run scripts/test (it starts a throwaway server) or export "
         "QUARRY_TEST_PG=\"host=127.0.0.1 port=5432 dbname=quarry_test user=quarry\"");
  }
  INFO("QUARRY_TEST_PG=" << conninfo);

  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo), &PQfinish);
  REQUIRE(conn != nullptr);
  INFO("libpq: " << PQerrorMessage(conn.get()));
  REQUIRE(PQstatus(conn.get()) == CONNECTION_OK);
  CHECK(PQserverVersion(conn.get()) >= 120000);

  std::unique_ptr<PGresult, decltype(&PQclear)> res(PQexec(conn.get(), "select 1"), &PQclear);
  REQUIRE(res != nullptr);
  REQUIRE(PQresultStatus(res.get()) == PGRES_TUPLES_OK);
  REQUIRE(PQntuples(res.get()) == 1);
  REQUIRE(PQnfields(res.get()) == 1);
  CHECK(std::string(PQgetvalue(res.get(), 0, 0)) == "1");
}
#else
TEST_CASE("PostgreSQL backend disabled", "[pg][server]") {
  SUCCEED("built with QUARRY_WITH_POSTGRES=OFF: no server check");
}
#endif
