// The user side of separate compilation with the single header (see separate_impl.cpp): a
// connection, DDL, inserts, a typed select and an error, all running on code compiled in the
// other translation unit. Exit status 0 when every check holds.
#include <quarry/quarry.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace {
struct Note {
  std::int64_t id;
  std::string text;
  std::optional<std::string> tag;
};
inline constexpr struct notes_t : quarry::table<"notes", Note> {
  column<&Note::id, "id", quarry::identity> id;
  column<&Note::text, "text", quarry::unique> text;
  column<&Note::tag, "tag"> tag;
} notes;

int failures = 0;
void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "separate compilation: FAILED: %s\n", what);
    ++failures;
  }
}
}  // namespace

int main() {
  quarry::sqlite::connection db;
  db.create_table(notes);
  const std::int64_t a = db.insert(notes, Note{0, "first", "x"});
  db.insert(notes, Note{0, "second", std::nullopt});
  auto rows = db.query(quarry::select(notes.text).from(notes).where(notes.id > a - 1).order_by(notes.id.desc())).all();
  check(rows.size() == 2 && std::get<0>(rows[0]) == "second", "typed select");
  bool unique = false;
  try {
    db.insert(notes, Note{0, "first", std::nullopt});
  } catch (const quarry::unique_violation& e) {  // type information from the other translation unit
    unique = std::string(e.what()).find("UNIQUE") != std::string::npos;
  }
  check(unique, "unique_violation caught by its class");
  std::puts(failures == 0 ? "separate compilation: ok" : "separate compilation: FAILED");
  return failures == 0 ? 0 : 1;
}
