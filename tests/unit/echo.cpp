// quarry::detail::echo and echo_sql: how user values and SQL text appear in error messages
// (docs/errors.md, "Values in messages"): capped, with their length, control characters escaped.

#include "catch.hpp"

#include <string>

#include <quarry/core/decimal.hpp>
#include <quarry/core/error.hpp>

using quarry::detail::echo;
using quarry::detail::echo_sql;

TEST_CASE("echo: short values are quoted as they are") {
  CHECK(echo("abc") == "'abc'");
  CHECK(echo("") == "''");
  CHECK(echo("caf\xc3\xa9 \xe2\x82\xac") == "'caf\xc3\xa9 \xe2\x82\xac'");  // UTF-8 stays readable
}

TEST_CASE("echo: control characters, backslashes and invalid UTF-8 are escaped") {
  CHECK(echo("a\nb\rc\td") == "'a\\nb\\rc\\td'");
  CHECK(echo(std::string("\x00\x01\x1b\x7f", 4)) == "'\\x00\\x01\\x1b\\x7f'");
  CHECK(echo("back\\slash") == "'back\\\\slash'");
  CHECK(echo("\xff\xfe") == "'\\xff\\xfe'");                 // not UTF-8
  CHECK(echo("\xc3") == "'\\xc3'");                          // a truncated sequence
  CHECK(echo("\xc2\x85") == "'\\xc2\\x85'");                 // U+0085 NEXT LINE (a C1 control)
  CHECK(echo("a\xe2\x80\xa8" "b") == "'a\\xe2\\x80\\xa8b'");  // U+2028 LINE SEPARATOR
  CHECK(echo("\xe2\x80\xa9") == "'\\xe2\\x80\\xa9'");        // U+2029 PARAGRAPH SEPARATOR
}

TEST_CASE("echo: long values are cut with their total length") {
  CHECK(echo(std::string(200, 'x')) == "'" + std::string(200, 'x') + "'");
  CHECK(echo(std::string(201, 'x')) == "'" + std::string(200, 'x') + "\xe2\x80\xa6' (201 bytes)");
  CHECK(echo(std::string(10485760, 'y')) == "'" + std::string(200, 'y') + "\xe2\x80\xa6' (10485760 bytes)");
  // Never inside a UTF-8 sequence: 199 bytes, then a 2-byte character that would end at 201.
  CHECK(echo(std::string(199, 'x') + "\xc3\xa9tail") == "'" + std::string(199, 'x') + "\xe2\x80\xa6' (205 bytes)");
  // The cap counts input bytes; escapes may make the shown text longer, never unbounded.
  CHECK(echo(std::string(300, '\n')).size() == 1 + 200 * 2 + 3 + 1 + 12);
  CHECK(echo("abcdef", 3) == "'abc\xe2\x80\xa6' (6 bytes)");
}

TEST_CASE("echo_sql: SQL in messages is escaped and cut at 1000 bytes") {
  CHECK(echo_sql("SELECT 1") == "SELECT 1");
  CHECK(echo_sql("SELECT\n  1\r\n") == "SELECT\\n  1\\r\\n");
  std::string big = "SELECT '" + std::string(5000, 'z') + "'";
  CHECK(echo_sql(big) == big.substr(0, 1000) + "\xe2\x80\xa6 (5009 bytes)");
}

TEST_CASE("echo: the messages of decimal parse errors are bounded") {
  std::string huge(10 * 1024 * 1024, '9');
  huge[5] = '\n';
  huge[6] = '\r';
  try {
    (void)quarry::decimal(huge);
    FAIL("no error");
  } catch (const quarry::type_mismatch& e) {
    std::string m = e.what();
    CHECK(m.size() < 400);
    CHECK(m.find('\n') == std::string::npos);
    CHECK(m.find('\r') == std::string::npos);
    CHECK(m == "quarry: '99999\\n\\r" + std::string(193, '9') + "\xe2\x80\xa6' (10485760 bytes) is not a finite decimal number");
  }
}
