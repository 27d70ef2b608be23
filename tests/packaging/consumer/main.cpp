// The consumer every packaging test builds (find_package, add_subdirectory, meson subproject).
#include <quarry/sqlite.hpp>

#include <cstdio>
#include <string>

struct Note {
  std::int64_t id;
  std::string text;
};
inline constexpr struct notes_t : quarry::table<"notes", Note> {
  column<&Note::id, "id", quarry::identity> id;
  column<&Note::text, "text"> text;
} notes;

int main() {
  quarry::sqlite::connection db;
  db.create_table(notes);
  auto id = db.insert(notes, Note{0, "packaged"});
  auto n = db.find(notes, id);
  if (!n || n->text != "packaged") return 1;
  std::puts("quarry consumer OK");
  return 0;
}
