#pragma once
/// \file quarry/page/paginate.hpp
/// Keyset pagination of any typed select, forwards and backwards, with opaque cursor tokens.
///
///     auto feed = quarry::paginate(quarry::select(posts).where(posts.user_id == uid),
///                                  posts.created_at.desc(), posts.id.desc());
///     auto p1 = feed.fetch(db, {.first = 20});                           // newest 20
///     auto p2 = feed.fetch(db, {.first = 20, .after = p1.next_cursor});  // the 20 after them
///     auto p0 = feed.fetch(db, {.last = 20, .before = p2.previous_cursor});
///     for (const Post& p : p2) { ... }   // p2.has_next, p2.has_previous
///
/// The order must end with a unique key (checked at compile time). A page reads n+1 rows to
/// know whether another page follows; the cost of a page does not grow with its depth, and rows
/// inserted or deleted between fetches never make a page skip or repeat a row that was there
/// before. See docs/pagination.md.

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "quarry/backend/row_reader.hpp"
#include "quarry/core/error.hpp"
#include "quarry/page/cursor.hpp"
#include "quarry/page/keyset.hpp"
#include "quarry/query/row.hpp"
#include "quarry/query/select.hpp"
#include "quarry/render/context.hpp"
#include "quarry/render/dialect.hpp"
#include "quarry/render/sql.hpp"

namespace quarry {

/// Which page to fetch, Relay style: `{.first = n}` or `{.first = n, .after = cursor}` reads
/// forwards; `{.last = n}` or `{.last = n, .before = cursor}` reads backwards (the last n rows
/// before the cursor, or of the whole result). An empty cursor means "from the start" / "from
/// the end".
struct page_request {
  std::int64_t first = 0;  ///< page size, reading forwards
  std::string after{};     ///< a page's next_cursor: rows after that page
  std::int64_t last = 0;   ///< page size, reading backwards
  std::string before{};    ///< a page's previous_cursor: rows before that page
};

/// One page of rows, in the pagination order whichever direction it was read in.
template <class Row>
struct page {
  std::vector<Row> rows;
  /// A row follows this page (read forwards: from the extra row; read backwards: a `before`
  /// cursor was given).
  bool has_next = false;
  /// A row precedes this page (read backwards: from the extra row; read forwards: an `after`
  /// cursor was given).
  bool has_previous = false;
  /// Cursor of the last row: pass it as `.after` for the next page. For an empty page, the
  /// request's own cursor (so polling "what came after" keeps working).
  std::string next_cursor;
  /// Cursor of the first row: pass it as `.before` for the previous page.
  std::string previous_cursor;

  std::size_t size() const noexcept { return rows.size(); }
  bool empty() const noexcept { return rows.empty(); }
  auto begin() const noexcept { return rows.begin(); }
  auto end() const noexcept { return rows.end(); }
};

namespace detail {

/// A row of a page query: the user's row plus the key values of that row.
template <class Row, class Keys>
struct keyed_row {
  using value_row = Row;
  using keys_type = Keys;
  Row row;
  Keys keys;
};

template <class F>
struct is_select_list : std::false_type {};
template <class... X>
struct is_select_list<select_list<X...>> : std::true_type {};
template <class F>
struct is_whole_row : std::false_type {};
template <class S>
struct is_whole_row<whole_row<S>> : std::true_type {};

/// The position of key E in the select list of F when the list selects exactly E there (a
/// column, or an expression without bound values: one with values may hold other ones), else -1.
template <class F, class E>
constexpr int selected_position() {
  if constexpr ((E::flags & f_value) != 0 || !(is_select_list<F>::value || is_whole_row<F>::value)) {
    return -1;
  } else {
    return []<class... X>(type_list<X...>) {
      int i = 0, at = -1;
      ((at < 0 && std::is_same_v<X, E> ? (at = i) : 0, ++i), ...);
      return at;
    }(typename F::exprs_list{});
  }
}

/// The select list of a page query: the statement's own list, then the keys it does not already
/// select (so every page knows its boundary values, whatever was selected).
template <class F, class... E>
struct keyed_fields {
  using tables = typename F::tables;
  using exprs_list = typename F::exprs_list;
  static constexpr unsigned flags = F::flags;
  template <class Nullable, bool Grouped>
  using row_type = keyed_row<typename named_row<F, typename F::template row_type<Nullable, Grouped>>::type,
                             std::tuple<typename result_type<E, Nullable, Grouped>::type...>>;
  /// Where each key is read: its place in the select list, or after it.
  static constexpr std::array<int, sizeof...(E)> positions = [] {
    std::array<int, sizeof...(E)> p{};
    int next = static_cast<int>(F::exprs_list::size);
    std::size_t i = 0;
    ((p[i++] = selected_position<F, E>() >= 0 ? selected_position<F, E>() : next++), ...);
    return p;
  }();
  F fields;
  pack<E...> keys;

  template <class Ctx>
  void render(Ctx& c) const {
    fields.render(c);
    apply_pack([&](const auto&... e) {
      ((selected_position<F, E>() >= 0 ? void() : (c.text(", "), e.render(c))), ...);
    }, keys);
  }
  template <class B>
  void bind(B& b) const {
    fields.bind(b);
    apply_pack([&](const auto&... e) { ((selected_position<F, E>() >= 0 ? void() : e.bind(b)), ...); }, keys);
  }
};

template <class F, class... E, class Row>
struct row_reader<keyed_fields<F, E...>, Row> {
  using keys_type = typename Row::keys_type;
  template <class Stmt>
  static Row read(Stmt& s) {
    return Row{row_reader<F, typename Row::value_row>::read(s), read_keys(s, std::index_sequence_for<E...>{})};
  }
  template <class Stmt, std::size_t... I>
  static keys_type read_keys(Stmt& s, std::index_sequence<I...>) {
    return keys_type{read_field<std::tuple_element_t<I, keys_type>>(
        s, keyed_fields<F, E...>::positions[I], field_info_v<E, keyed_fields<F, E...>::positions[I]>)...};
  }
};

/// Renders the parts of a query a cursor is bound to. Placeholders are `?` and everything else
/// follows PostgreSQL (the richer dialect), so the fingerprint is the same on every backend.
struct fingerprint_dialect : postgres_dialect {
  static constexpr std::string_view name = "fingerprint";
  /// Any collation renders by its own name: a cursor does not depend on the backend.
  static constexpr collation_family collations = collation_family::any;
  static void placeholder(std::string& out, int) { out += '?'; }
};

template <class... V>
constexpr unsigned optional_mask() noexcept {
  unsigned m = 0, bit = 1;
  ((m |= is_optional_v<V> ? bit : 0u, bit <<= 1), ...);
  return m;
}

[[noreturn]] inline void page_usage(std::string msg) { throw usage_error(errc::usage, std::move(msg)); }

}  // namespace detail

/// Pages a select by an ordered list of keys; made by quarry::paginate(). A small value type:
/// build it once (or per request, it is cheap) and call fetch() with any connection.
template <class Stmt, class... K>
class keyset_pager {
  using nullable_tables = detail::nullable_tables_of<typename Stmt::from_type>;

 public:
  /// The row type of a page: what db.query(q) yields (quarry::row for select(exprs...), the row
  /// struct for select(table)).
  using row_type = detail::query_row_t<Stmt>;
  /// The key values of one row, as read from the database.
  using key_values = std::tuple<detail::key_value_t<K, nullable_tables>...>;
  static constexpr std::size_t key_count = sizeof...(K);

  keyset_pager(Stmt s, std::tuple<K...> keys) : stmt_(std::move(s)), keys_(std::move(keys)) {}

  /// Fetches one page. Throws quarry::invalid_cursor for a bad cursor and quarry::usage_error
  /// for a bad request (no size, both directions, size over max_page_size()).
  template <class Db>
  page<row_type> fetch(Db& db, const page_request& r) const {
    request q = check(r);
    page<row_type> out;
    visit_statement(q, [&](const auto& s, auto backward) { out = collect<decltype(backward)::value>(db.query(s).all(), q); });
    return out;
  }

  /// The SQL that fetch() runs for this request in Dialect (decoding the cursor, if any).
  template <class Dialect>
  std::string to_sql(const page_request& r) const {
    request q = check(r);
    std::string out;
    visit_statement(q, [&](const auto& s, auto) { out = ::quarry::to_sql<Dialect>(s); });
    return out;
  }

  /// Decodes and checks a cursor without touching the database; throws quarry::invalid_cursor.
  void validate_cursor(std::string_view token) const { (void)decode(token); }

  /// The cursor of a row with these key values (e.g. to start after a known row).
  std::string cursor_for(const key_values& values) const {
    std::vector<detail::cursor_value> v;
    v.reserve(key_count);
    std::apply([&](const auto&... x) { (v.push_back(to_value(x)), ...); }, values);
    return detail::encode_cursor(codec(), v);
  }

  /// A copy that signs its cursors with `s` and accepts only cursors signed by it. The pager
  /// keeps a reference: `s` must outlive it, so a temporary signer does not compile.
  keyset_pager signed_by(const cursor_signer& s QUARRY_LIFETIMEBOUND) const {
    std::size_t n = s.signature_size();
    if (n == 0 || n > 64)
      detail::page_usage("quarry: a cursor signer's signature_size() must be 1..64 bytes, not " + std::to_string(n));
    keyset_pager p = *this;
    p.signer_ = &s;
    return p;
  }
  template <class S>
    requires(!std::is_lvalue_reference_v<S> && std::is_base_of_v<cursor_signer, std::remove_cvref_t<S>>)
  keyset_pager signed_by(S&&) const {
    static_assert(detail::always_false<S>,
                  "quarry: signed_by() keeps a reference to the signer, and this one is a temporary that "
                  "dies at the end of the statement; make the signer a variable that outlives the pager");
    return *this;
  }
  /// A copy with another limit on page sizes (default 1000): a request over it is an error, so a
  /// client cannot turn a page into an unbounded query.
  keyset_pager max_page_size(std::int64_t n) const {
    if (n < 1 || n == INT64_MAX) detail::page_usage("quarry: max_page_size() must be at least 1 and below INT64_MAX");
    keyset_pager p = *this;
    p.max_page_ = n;
    return p;
  }
  /// A copy with another limit on cursor length in characters (default 4096).
  keyset_pager max_cursor_length(std::size_t n) const {
    keyset_pager p = *this;
    p.max_cursor_ = n;
    return p;
  }

  /// What cursors are bound to: a hash of the WITH and FROM/JOIN clauses, the WHERE clause's SQL
  /// (its shape, not its values) and the keys with their directions and NULLS placement. The
  /// select list is not part of it: selecting other columns keeps cursors valid.
  std::uint64_t fingerprint() const {
    static const std::uint64_t fp = detail::fnv1a64(fingerprint_text());
    return fp;
  }
  /// The text fingerprint() hashes.
  std::string fingerprint_text() const {
    detail::render_context<detail::fingerprint_dialect> c;
    c.text("quarry keyset v1\n");
    if constexpr (!detail::is_none_v<typename Stmt::with_type>) {
      c.text("with:");
      detail::get_item<detail::p_with>(stmt_.parts).render(c);
      c.text("\n");
    }
    c.text("from:");
    detail::get_item<detail::p_from>(stmt_.parts).render(c);
    c.text("\nwhere:");
    detail::get_item<detail::p_where>(stmt_.parts).render(c);
    c.text("\norder:");
    order<false>().render(c);
    return std::move(c.sql);
  }

 private:
  static constexpr unsigned nullable_mask = detail::optional_mask<detail::key_value_t<K, nullable_tables>...>();
  static constexpr unsigned nullable_count = static_cast<unsigned>(std::popcount(nullable_mask));

  struct request {
    bool backward;
    std::int64_t size;
    std::string_view cursor;
  };
  struct boundary {
    unsigned null_mask = 0;
    detail::pack<detail::key_storage_t<K>...> values;
  };

  detail::cursor_codec codec() const { return {fingerprint(), key_count, signer_, max_cursor_}; }

  request check(const page_request& r) const {
    if (r.first < 0 || r.last < 0) detail::page_usage("quarry: page_request .first and .last cannot be negative");
    if ((r.first > 0) == (r.last > 0))
      detail::page_usage("quarry: a page_request needs exactly one of .first (read forwards, with .after) and "
                         ".last (read backwards, with .before)");
    if (r.first > 0 && !r.before.empty())
      detail::page_usage("quarry: page_request .before goes with .last; use {.first = n, .after = cursor} to read "
                         "forwards");
    if (r.last > 0 && !r.after.empty())
      detail::page_usage("quarry: page_request .after goes with .first; use {.last = n, .before = cursor} to read "
                         "backwards");
    std::int64_t n = r.first > 0 ? r.first : r.last;
    if (n > max_page_)
      detail::page_usage("quarry: page size " + std::to_string(n) + " is over this pager's limit of " +
                         std::to_string(max_page_) + "; ask for smaller pages or raise max_page_size()");
    return {r.last > 0, n, r.first > 0 ? std::string_view(r.after) : std::string_view(r.before)};
  }

  // ---- the statements ----
  template <bool Backward>
  auto order() const {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return detail::order_clause<detail::directed_key_t<Backward, K>...>{
          {{detail::directed_key_t<Backward, K>{std::get<I>(keys_).e}}...}};
    }(std::index_sequence_for<K...>{});
  }
  template <bool Backward>
  auto base_statement(std::int64_t n) const {
    using fields = detail::keyed_fields<typename Stmt::fields_type, typename K::expr_type...>;
    fields f{detail::get_item<detail::p_fields>(stmt_.parts),
             std::apply([](const auto&... k) { return detail::pack<typename K::expr_type...>{{k.e}...}; }, keys_)};
    return stmt_.template with<detail::p_fields>(std::move(f))
        .template with<detail::p_order>(order<Backward>())
        .template with<detail::p_limit>(detail::limit_clause{n + 1});
  }
  template <bool Backward, unsigned NullMask, class Base>
  auto seek_statement(const Base& base, const boundary& b) const {
    using seek = detail::seek_predicate<nullable_mask, NullMask, detail::directed_key_t<Backward, K>...>;
    seek p{order<Backward>().keys, b.values};
    using W = typename Stmt::template part_t<detail::p_where>;
    if constexpr (detail::is_none_v<W>) {
      return base.template with<detail::p_where>(
          detail::where_clause<detail::keyset_filter<detail::none, seek>>{{detail::none{}, std::move(p)}});
    } else {
      using C = decltype(W::cond);
      return base.template with<detail::p_where>(detail::where_clause<detail::keyset_filter<C, seek>>{
          {detail::get_item<detail::p_where>(stmt_.parts).cond, std::move(p)}});
    }
  }
  /// Calls f(statement, bool_constant<backward>) with the statement for request q.
  template <class F>
  void visit_statement(const request& q, F&& f) const {
    if (q.backward) {
      visit_direction<true>(q, f);
    } else {
      visit_direction<false>(q, f);
    }
  }
  template <bool Backward, class F>
  void visit_direction(const request& q, F& f) const {
    auto base = base_statement<Backward>(q.size);
    if (q.cursor.empty()) {
      f(base, std::bool_constant<Backward>{});
      return;
    }
    boundary b = decode(q.cursor);
    // One statement type per set of NULL boundary values: only their masks are instantiated.
    [&]<unsigned... D>(std::integer_sequence<unsigned, D...>) {
      (void)((spread(D) == b.null_mask
                  ? (f(seek_statement<Backward, spread(D)>(base, b), std::bool_constant<Backward>{}), true)
                  : false) ||
             ...);
    }(std::make_integer_sequence<unsigned, (1u << nullable_count)>{});
  }
  /// Maps bit j of d to the j-th nullable key's bit.
  static constexpr unsigned spread(unsigned d) noexcept {
    unsigned out = 0, j = 0;
    for (unsigned i = 0; i < key_count; ++i) {
      if ((nullable_mask >> i) & 1u) {
        if ((d >> j) & 1u) out |= 1u << i;
        ++j;
      }
    }
    return out;
  }

  template <bool Backward, class Rows>
  page<row_type> collect(Rows rows, const request& q) const {
    page<row_type> p;
    bool extra = static_cast<std::int64_t>(rows.size()) > q.size;
    if (extra) rows.pop_back();
    if constexpr (Backward) std::reverse(rows.begin(), rows.end());
    p.has_next = Backward ? !q.cursor.empty() : extra;
    p.has_previous = Backward ? extra : !q.cursor.empty();
    if (rows.empty()) {
      p.next_cursor = p.previous_cursor = std::string(q.cursor);
    } else {
      p.previous_cursor = cursor_for(rows.front().keys);
      p.next_cursor = cursor_for(rows.back().keys);
    }
    p.rows.reserve(rows.size());
    for (auto& r : rows) p.rows.push_back(std::move(r.row));
    return p;
  }

  // ---- cursors ----
  template <class T>
  static detail::cursor_value to_value(const T& v) {
    if constexpr (detail::is_optional_v<T>) {
      return v ? to_value(*v) : detail::cursor_value{};
    } else {
      return detail::to_cursor_value(value_traits<T>::to_storage(v));
    }
  }
  template <std::size_t I>
  std::string key_name() const {
    return "key " + std::to_string(I + 1) + " (" +
           detail::render_sql<detail::fingerprint_dialect>(std::get<I>(keys_).e) + ")";
  }
  template <std::size_t I>
  void read_key(const detail::cursor_value& v, boundary& b) const {
    using KT = std::tuple_element_t<I, key_values>;
    using T = detail::strip_optional_t<KT>;
    using S = typename value_traits<T>::storage;
    if (v.type == detail::cursor_type::null) {
      if constexpr (detail::is_optional_v<KT>) {
        b.null_mask |= 1u << I;
        return;
      } else {
        detail::cursor_fault("wrong type", key_name<I>() + " is NULL in the token but cannot be NULL");
      }
    }
    constexpr detail::cursor_type want = detail::cursor_type_of<S>::value;
    if (v.type != want)
      detail::cursor_fault("wrong type", key_name<I>() + " holds " + std::string(detail::to_string(v.type)) +
                                             " in the token but the key is " + std::string(detail::to_string(want)));
    S& out = detail::get_item<I>(b.values);
    detail::from_cursor_value(v, out);
    if constexpr (!std::is_same_v<T, S>) {
      try {
        (void)value_traits<T>::from_storage(S(out));
      } catch (const detail::conversion_error& e) {
        detail::cursor_fault("wrong type", key_name<I>() + ": " + detail::echo_sql(e.what, detail::echo_limit));
      }
    }
  }
  boundary decode(std::string_view token) const {
    std::vector<detail::cursor_value> values = detail::decode_cursor(codec(), token);
    boundary b;
    [&]<std::size_t... I>(std::index_sequence<I...>) { (read_key<I>(values[I], b), ...); }(std::index_sequence_for<K...>{});
    return b;
  }

  Stmt stmt_;
  std::tuple<K...> keys_;
  const cursor_signer* signer_ = nullptr;
  std::int64_t max_page_ = 1000;
  std::size_t max_cursor_ = 4096;
};

/// Pages select statement `q` by `keys` (columns or expressions, or their `.asc()`/`.desc()`
/// forms; a nullable key needs an explicit NULLS FIRST/LAST). The last key must be unique: the
/// primary key, a UNIQUE NOT NULL column, or the last column of a primary key whose columns are
/// all keys. `q` must not have order_by(), limit() or offset(), nor be grouped.
template <class Stmt, class... K>
auto paginate(const Stmt& q, K&&... keys) {
  static_assert(detail::is_select_stmt<Stmt>::value,
                "quarry: paginate() takes a select statement: paginate(quarry::select(...).from(...), keys...)");
  static_assert(sizeof...(K) > 0,
                "quarry: paginate() needs order keys that end with a unique key, e.g. paginate(q, "
                "posts.created_at.desc(), posts.id.desc())");
  constexpr bool keys_ok = ((detail::is_order_key<std::remove_cvref_t<K>>::value || detail::expression<std::remove_cvref_t<K>>) && ...);
  static_assert(keys_ok,
                "quarry: paginate() takes the statement, then order keys: columns or expressions, or their "
                ".asc()/.desc() forms");
  if constexpr (detail::is_select_stmt<Stmt>::value && sizeof...(K) > 0 && keys_ok) {
    // A page selects its keys next to the statement's columns and orders by them: with DISTINCT
    // the added keys would change which rows are duplicates (and the pager renders the clauses
    // itself), so a distinct select is paged through a derived table or CTE.
    static_assert(detail::is_none_v<typename Stmt::distinct_type>,
                  "quarry: paginate() of a distinct() select is not supported (the page's keys would "
                  "change which rows are duplicates); select the distinct rows in quarry::derived<\"d\">(q) "
                  "or a CTE and page the outer select");
    Stmt::validate();
    if constexpr (!detail::is_none_v<typename Stmt::from_type>) {
      static_assert(detail::keyset_rules<Stmt, decltype(detail::to_order_key(std::declval<K>()))...>::ok);
      return keyset_pager<Stmt, decltype(detail::to_order_key(std::declval<K>()))...>(
          q, {detail::to_order_key(std::forward<K>(keys))...});
    }
  }
}

}  // namespace quarry
