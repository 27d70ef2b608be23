// Keyset pagination: a feed paged forwards and backwards with opaque cursors, on in-memory SQLite.
// See docs/pagination.md.
#include <quarry/sqlite.hpp>
#include <quarry/page.hpp>

#include <cstdio>
#include <optional>
#include <string>

struct Post {
  std::int64_t id;
  std::int64_t author;
  std::int32_t likes;
  std::optional<std::string> topic;  // nullable: ordering by it needs NULLS FIRST/LAST
  std::string title;
};

inline constexpr struct posts_t : quarry::table<"posts", Post> {
  column<&Post::id, "id", quarry::identity> id;
  column<&Post::author, "author"> author;
  column<&Post::likes, "likes"> likes;
  column<&Post::topic, "topic"> topic;
  column<&Post::title, "title"> title;
} posts;

template <class Page>
void print(const char* label, const Page& page) {
  std::printf("%s (has_previous=%d has_next=%d)\n", label, page.has_previous, page.has_next);
  for (const Post& p : page)
    std::printf("  #%-3lld %3d likes  %-8s %s\n", static_cast<long long>(p.id), p.likes,
                p.topic ? p.topic->c_str() : "-", p.title.c_str());
}

int main() {
  quarry::sqlite::connection db;
  db.create_table(posts);
  // The index that makes every page as fast as the first: equality filter, then the keys.
  db.exec(R"(CREATE INDEX posts_feed ON posts (author, likes DESC, id DESC))");
  const char* topics[] = {"c++", "sql", nullptr};
  for (int i = 1; i <= 23; ++i) {
    std::optional<std::string> topic;
    if (topics[i % 3]) topic = topics[i % 3];
    db.insert(posts, Post{0, i % 2 + 1, i % 5 * 10, topic, "post " + std::to_string(i)});
  }

  // Author 1's posts, most liked first; the id breaks ties (the order must end in a unique key).
  auto feed = quarry::paginate(quarry::select(posts).where(posts.author == 1), posts.likes.desc(), posts.id.desc());

  auto p1 = feed.fetch(db, {.first = 4});
  print("page 1", p1);
  std::printf("  next cursor: %s\n", p1.next_cursor.c_str());
  auto p2 = feed.fetch(db, {.first = 4, .after = p1.next_cursor});
  print("page 2", p2);
  auto back = feed.fetch(db, {.last = 4, .before = p2.previous_cursor});
  print("back to page 1", back);
  auto tail = feed.fetch(db, {.last = 3});
  print("the last 3", tail);

  // A nullable key needs an explicit NULLS FIRST/LAST (rendered on both databases).
  auto by_topic = quarry::paginate(quarry::select(posts), posts.topic.asc(quarry::nulls_last), posts.id);
  int pages = 0;
  std::string cursor;
  for (;;) {
    auto page = by_topic.fetch(db, {.first = 10, .after = cursor});
    ++pages;
    if (!page.has_next) break;
    cursor = page.next_cursor;
  }
  std::printf("all posts by topic: %d pages of up to 10\n", pages);
  std::printf("SQL of a later page:\n  %s\n", by_topic.to_sql<quarry::sqlite_dialect>({.first = 10, .after = cursor}).c_str());

  // A cursor that was tampered with, or belongs to another query, is an invalid_cursor error.
  try {
    feed.fetch(db, {.first = 4, .after = cursor});
  } catch (const quarry::invalid_cursor& e) {
    std::printf("rejected: %s\n", e.what());
  }
}
