// A search form with optional filters, a sort chosen by name and a field list chosen by the
// client: quarry's dynamic queries. Each filter is a typed expression; values are bound; the SQL is
// rendered once per shape (which filters are set) and prepared once per shape and connection.
#include <quarry/sqlite.hpp>
#include <quarry/dynamic.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct Book {
  std::int64_t id;
  std::string title;
  std::string author;
  std::optional<std::string> genre;
  std::int32_t year;
};

inline constexpr struct books_t : quarry::table<"books", Book> {
  column<&Book::id, "id", quarry::identity> id;
  column<&Book::title, "title"> title;
  column<&Book::author, "author"> author;
  column<&Book::genre, "genre"> genre;
  column<&Book::year, "year"> year;
} books;

/// What a request to GET /books?... carries: every field optional.
struct search_form {
  std::optional<std::string> title_contains{};
  std::optional<std::int32_t> published_after{};
  std::vector<std::string> genres{};  // any of these
  std::string sort = "title";       // title | year
  bool descending = false;
};

int main() {
  quarry::sqlite::connection db;
  db.create_table(books);
  std::vector<Book> catalogue{
      {0, "Dune", "Herbert", "sf", 1965},       {0, "Emma", "Austen", "novel", 1815},
      {0, "Neuromancer", "Gibson", "sf", 1984}, {0, "Middlemarch", "Eliot", "novel", 1871},
      {0, "The Hobbit", "Tolkien", "fantasy", 1937}, {0, "SICP", "Abelson", std::nullopt, 1985},
  };
  db.insert_all(books, catalogue);  // one multi-row INSERT

  auto search = [&](const search_form& f) {
    auto q = db.dynamic(quarry::select(books.title, books.year).from(books).limit(20));
    if (f.title_contains) q.where(books.title.like("%" + *f.title_contains + "%"));
    if (f.published_after) q.where(books.year > *f.published_after);
    auto any_genre = q.any_of();
    for (const auto& g : f.genres) any_genre.add(books.genre == g);
    q.where(any_genre);  // nothing when no genre was ticked
    q.order_by(f.sort, f.descending ? quarry::direction::desc : quarry::direction::asc,
               quarry::sort_by("title", books.title), quarry::sort_by("year", books.year));
    std::printf("-- %s\n", q.sql().c_str());
    for (const auto& row : db.query(q)) std::printf("   %-12s %d\n", row[books.title].c_str(), row[books.year]);
  };

  const std::size_t before = db.prepared_statements();
  search({});
  search({.published_after = 1900, .genres = {"sf", "fantasy"}, .sort = "year", .descending = true});
  search({.title_contains = "m", .published_after = 1800});
  search({.title_contains = "e", .published_after = 1950});  // same shape as the line above: same SQL
  std::printf("statements prepared for 4 searches: %zu (one per shape)\n", db.prepared_statements() - before);

  // A field list chosen by the client (?fields=title,genre): rows read by column, typed.
  auto q = db.dynamic(quarry::select(quarry::dynamic_columns).from(books).where(books.year < 1900));
  for (std::string_view field : {"title", "genre"}) q.select_column(books, field);
  for (const auto& row : db.query(q)) {
    std::optional<std::string> genre = row[books.genre];
    std::printf("   %-12s %s\n", row[books.title].c_str(), genre ? genre->c_str() : "-");
  }
  try {
    q.select_column(books, "price");  // not a column: the client gets a clear message
  } catch (const quarry::usage_error& e) {
    std::printf("%s\n", e.what());
  }
}
