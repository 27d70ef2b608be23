#pragma once
/// \file quarry/render/runtime_sql.hpp
/// SQL whose text is chosen at run time: the batches of a multi-row insert (one text per row
/// count) and dynamic queries (one text per shape, cached by quarry/query/dynamic.hpp). Both are
/// still rendered once per distinct text and process, in caches shared by all threads; a
/// connection prepares each text once.
///
/// A statement opts in by providing `template <class Dialect> runtime_sql sql_for() const`;
/// connection_base then skips the per-type cache (render/sql.hpp) for it.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "quarry/render/context.hpp"
#include "quarry/render/sql.hpp"

namespace quarry::detail {

/// Where a connection finds the SQL of a runtime statement: a shared entry prepared once per
/// connection and found by its slot (an array index), or a text prepared through the connection's
/// text cache (a hash lookup; at most statement_cache::max_raw texts are kept).
struct runtime_sql {
  const sql_entry* entry = nullptr;  ///< process-wide rendered SQL, or null: see owned
  bool by_text = false;              ///< prepare through the text cache (else: by entry->slot)
  sql_entry owned{};                 ///< SQL rendered for this call only

  const sql_entry& get() const noexcept { return entry ? *entry : owned; }
  std::string_view text() const noexcept { return get().text; }
};

/// Stands for runtime_sql where a statement's SQL is chosen by its type (render/sql.hpp).
struct no_runtime_sql {
  static constexpr bool by_text = false;
};

/// Renders `s` into an entry without a slot (for SQL a connection prepares by text).
template <class Dialect, class Stmt>
sql_entry render_entry(const Stmt& s) {
  render_context<Dialect> c;
  s.render(c);
  return sql_entry{std::move(c.sql), 0, c.params};
}

template <class S, class Dialect>
concept has_runtime_sql = requires(const S& s) {
  { s.template sql_for<Dialect>() } -> std::same_as<runtime_sql>;
};

/// A process-wide identity for type T (the address of a variable per type).
template <class T>
inline constexpr char type_key_v = 0;
template <class T>
inline std::uintptr_t type_key() noexcept {
  return reinterpret_cast<std::uintptr_t>(&type_key_v<T>);
}

/// Appends an integer to a shape key (keys are compared byte by byte).
inline void append_key(std::string& key, std::uintptr_t v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); }

/// Entries of statement type Stmt in Dialect keyed by a size (a multi-row insert's row count).
/// Few sizes occur (the full batch of each parameter limit), so entries are kept for good; each
/// draws a slot like a per-type entry does.
template <class Dialect, class Stmt>
const sql_entry& sized_entry(const Stmt& s, std::size_t size) {
  static std::mutex m;
  static std::vector<std::pair<std::size_t, std::unique_ptr<const sql_entry>>> entries;  // a handful
  std::lock_guard<std::mutex> lock(m);
  for (auto& [n, e] : entries)
    if (n == size) return *e;
  entries.emplace_back(size, std::make_unique<const sql_entry>(make_entry<Dialect>(s)));
  return *entries.back().second;
}

}  // namespace quarry::detail
