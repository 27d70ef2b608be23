#pragma once
/// \file quarry/query/dynamic.hpp
/// Dynamic queries: conditions, order keys and selected columns chosen at run time (search forms,
/// optional filters), each piece still a typed expression checked at compile time.
///
///     auto q = quarry::dynamic<quarry::sqlite::dialect>(             // or db.dynamic(...)
///         quarry::select(users.id, users.email).from(users).limit(20));
///     if (form.min_age) q.where(users.age >= *form.min_age);         // ANDed; values are bound
///     if (form.city) q.where(users.city == *form.city);
///     q.order_by(form.sort, form.dir, quarry::sort_by("email", users.email),
///                quarry::sort_by("age", users.age));
///     for (auto [id, email] : db.query(q)) { ... }
///
/// The SQL text depends on the *shape* (which pieces, of which types, in which order), never on
/// the values; it is rendered once per shape and process and prepared once per shape and
/// connection. See docs/queries.md ("Dynamic queries").

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quarry/core/error.hpp"
#include "quarry/core/type_list.hpp"
#include "quarry/expr/expression.hpp"
#include "quarry/expr/node.hpp"
#include "quarry/query/clauses.hpp"
#include "quarry/query/detail/erased_binder.hpp"
#include "quarry/backend/dynamic_reader.hpp"
#include "quarry/query/dynamic_row.hpp"
#include "quarry/query/group_by.hpp"
#include "quarry/query/select.hpp"
#include "quarry/render/context.hpp"
#include "quarry/render/runtime_sql.hpp"

namespace quarry {

/// A sort direction chosen at run time: `q.order_by(users.age, quarry::direction::desc)`.
enum class direction { asc, desc };

namespace detail {

/// At most this many shapes per dynamic statement type are kept; past it, a new shape is
/// rendered for each call (a program that builds unbounded shapes, e.g. one condition per list
/// item, should bind a list with in_values() instead).
inline constexpr std::size_t max_shapes_per_statement = 1024;

/// The SQL of one shape of dynamic statement type Stmt in Dialect: `render()` (returning a
/// sql_entry) runs once per distinct `key` and process.
template <class Dialect, class Stmt, class Render>
runtime_sql shaped_sql(const std::string& key, Render&& render) {
  static std::mutex m;
  static std::unordered_map<std::string, std::unique_ptr<const sql_entry>> entries;
  {
    std::lock_guard<std::mutex> lock(m);
    auto it = entries.find(key);
    if (it != entries.end()) return runtime_sql{it->second.get(), true, {}};
  }
  sql_entry e = render();  // outside the lock: rendering may throw a usage_error
  std::lock_guard<std::mutex> lock(m);
  auto it = entries.find(key);
  if (it != entries.end()) return runtime_sql{it->second.get(), true, {}};
  if (entries.size() >= max_shapes_per_statement) return runtime_sql{nullptr, true, std::move(e)};
  auto stored = std::make_unique<const sql_entry>(std::move(e));
  const sql_entry* p = stored.get();
  entries.emplace(key, std::move(stored));
  return runtime_sql{p, true, {}};
}

/// The select list of a dynamic query whose columns are chosen at run time.
struct dynamic_columns_t {
  using value_type = dynamic_columns_t;
  using tables = type_list<>;
  static constexpr unsigned flags = 0;
  template <class Ctx>
  void render(Ctx&) const {
    static_assert(always_false<Ctx>,
                  "quarry: quarry::dynamic_columns stands for columns chosen at run time; run the statement "
                  "through quarry::dynamic<Dialect>(...) and add columns with .select(...)");
  }
  template <class B>
  void bind(B&) const {}
};

/// One piece of a dynamic query behind an interface. Its text depends only on its type (and the
/// values add_shape() appends), so the pieces' keys in order are the query's shape.
template <class Dialect>
struct piece {
  virtual ~piece() = default;
  virtual void render(render_context<Dialect>& c) const = 0;
  virtual void bind(erased_binder& b) const = 0;
  virtual void add_shape(std::string& key) const = 0;
};
template <class Dialect>
using piece_ptr = std::shared_ptr<const piece<Dialect>>;

/// A typed expression, parenthesized as a child of an operator of precedence P.
template <class Dialect, class X, int P>
struct expr_piece final : piece<Dialect> {
  X x;
  explicit expr_piece(X e) : x(std::move(e)) {}
  void render(render_context<Dialect>& c) const override { render_child<P, false>(x, c); }
  void bind(erased_binder& b) const override { x.bind(b); }
  void add_shape(std::string& key) const override { append_key(key, type_key<expr_piece>()); }
};

/// An order key whose direction is chosen at run time.
template <class Dialect, class X>
struct directed_piece final : piece<Dialect> {
  X x;
  bool desc;
  directed_piece(X e, bool d) : x(std::move(e)), desc(d) {}
  void render(render_context<Dialect>& c) const override {
    x.render(c);
    c.text(desc ? " DESC" : " ASC");
  }
  void bind(erased_binder& b) const override { x.bind(b); }
  void add_shape(std::string& key) const override {
    append_key(key, type_key<directed_piece>());
    append_key(key, desc ? 1 : 0);
  }
};

template <class Dialect>
void render_pieces(render_context<Dialect>& c, const std::vector<piece_ptr<Dialect>>& ps, std::string_view sep) {
  bool first = true;
  for (const auto& p : ps) {
    if (!first) c.text(sep);
    first = false;
    p->render(c);
  }
}
template <class Dialect>
void add_shapes(std::string& key, const std::vector<piece_ptr<Dialect>>& ps) {
  append_key(key, ps.size());
  for (const auto& p : ps) p->add_shape(key);
}
/// Binds pieces through the interface, continuing B's parameter numbering.
template <class Dialect, class B>
void bind_pieces(B& b, const std::vector<piece_ptr<Dialect>>& ps) {
  if (ps.empty()) return;
  sink_for<B> sink{b};
  erased_binder eb{sink};
  for (const auto& p : ps) p->bind(eb);
}

/// A parenthesized group of conditions joined by OR (or AND).
template <class Dialect, bool Or>
struct group_piece final : piece<Dialect> {
  std::vector<piece_ptr<Dialect>> items;
  explicit group_piece(std::vector<piece_ptr<Dialect>> v) : items(std::move(v)) {}
  void render(render_context<Dialect>& c) const override {
    c.text("(");
    render_pieces(c, items, Or ? " OR " : " AND ");
    c.text(")");
  }
  void bind(erased_binder& b) const override {
    for (const auto& p : items) p->bind(b);
  }
  void add_shape(std::string& key) const override {
    append_key(key, type_key<group_piece>());
    add_shapes(key, items);
  }
};

/// The rules of a where() condition, for a statement reading Sources.
template <class X, class Sources, class Nullable>
constexpr void check_dynamic_condition() {
  check_where_condition<X>();
  static_assert(is_subset_v<typename X::tables, Sources>,
                "quarry: a dynamic where() condition uses a column whose table is not in FROM or JOIN; add "
                "the table with .from() or .join()");
  static_assert(null_checks_ok<Sources, Nullable, typename null_checks_of<X>::type>::value,
                "quarry: is_null()/is_not_null() on an expression that can never be NULL (a NOT NULL column "
                "outside an outer join); the test is constant");
}

// ---- the clauses of a dynamic statement: the base statement's clause plus run-time pieces ----

template <class Dialect, class Base>
struct dynamic_where_part {
  using tables = typename Base::tables;
  using null_checks = typename null_checks_of<Base>::type;
  Base base;
  std::vector<piece_ptr<Dialect>> conds;

  void render(render_context<Dialect>& c) const {
    if constexpr (is_none_v<Base>) {
      if (conds.empty()) return;
      c.text(" WHERE ");
    } else {
      if (conds.empty()) return base.render(c);  // no pieces: exactly the base statement's SQL
      c.text(" WHERE ");
      render_child<prec_and, false>(base.cond, c);
      c.text(" AND ");
    }
    render_pieces(c, conds, " AND ");
  }
  template <class B>
  void bind(B& b) const {
    base.bind(b);
    bind_pieces<Dialect>(b, conds);
  }
};

template <class Dialect, class Base>
struct dynamic_order_part {
  using tables = typename Base::tables;
  using bare_columns = typename bare_columns_of<Base>::type;
  static constexpr unsigned flags = Base::flags;  // of the base statement's keys (added keys: order_by())
  Base base;
  std::vector<piece_ptr<Dialect>> keys;

  void render(render_context<Dialect>& c) const {
    if constexpr (is_none_v<Base>) {
      if (keys.empty()) return;
      c.text(" ORDER BY ");
    } else {
      base.render(c);
      if (keys.empty()) return;
      c.text(", ");
    }
    render_pieces(c, keys, ", ");
  }
  template <class B>
  void bind(B& b) const {
    base.bind(b);
    bind_pieces<Dialect>(b, keys);
  }
};

/// The base statement's ORDER BY expressions (select_stmt::validate; added keys are checked by
/// dynamic_query::order_by()).
template <class Dialect, class Base>
struct order_exprs_of<dynamic_order_part<Dialect, Base>> : order_exprs_of<Base> {};

template <class Dialect, class Sources, class Nullable, bool Grouped>
struct dynamic_fields_part {
  using tables = type_list<>;
  using exprs_list = type_list<>;
  static constexpr unsigned flags = 0;
  template <class, bool>
  using row_type = dynamic_row<Sources, Nullable, Grouped>;
  std::vector<piece_ptr<Dialect>> cols;
  std::vector<dynamic_column> columns;
  bool has_aggregate = false;
  bool has_bare_column = false;

  void render(render_context<Dialect>& c) const {
    if (cols.empty())
      throw usage_error(errc::usage, "quarry: this dynamic query selects no columns; add some with .select(...)");
    render_pieces(c, cols, ", ");
  }
  template <class B>
  void bind(B& b) const {
    bind_pieces<Dialect>(b, cols);
  }
};

template <class Fields>
inline constexpr bool is_dynamic_fields_v = false;
template <class Dialect, class Sources, class Nullable, bool Grouped>
inline constexpr bool is_dynamic_fields_v<dynamic_fields_part<Dialect, Sources, Nullable, Grouped>> = true;

template <class Fields>
inline constexpr bool is_dynamic_columns_v = false;
template <>
inline constexpr bool is_dynamic_columns_v<select_list<dynamic_columns_t>> = true;

/// Names of a selected expression for messages and row errors.
template <class X>
constexpr std::string_view table_label() {
  if constexpr (requires { X::table_tag::ref_name; X::name; }) {  // table, alias, derived-table columns
    return X::table_tag::ref_name;
  } else {
    return {};
  }
}
template <class X>
constexpr std::string_view column_label() {
  if constexpr (requires { X::table_tag::ref_name; X::name; }) {  // table, alias, derived-table columns
    return X::name;
  } else if constexpr (requires { X::output_name; }) {
    return X::output_name.view();
  } else {
    return {};
  }
}

/// Tells connections (backend/connection_base.hpp) that dynamic queries are available.
template <class Q>
struct dynamic_feature {};

}  // namespace detail

/// Placeholder select list for columns chosen at run time:
/// `quarry::dynamic<D>(quarry::select(quarry::dynamic_columns).from(users))`, then `.select(col)`.
inline constexpr detail::dynamic_columns_t dynamic_columns{};

/// An allowed sort key for `dynamic_query::order_by(name, direction, options...)`.
template <class E>
struct sort_option {
  std::string_view name;
  E expr;
};
/// `quarry::sort_by("email", users.email)`: the key a search form may ask for by name.
template <class E>
constexpr auto sort_by(std::string_view name, E&& e) {
  static_assert(detail::expression<std::remove_cvref_t<E>>,
                "quarry: sort_by() takes a name and a column or expression");
  return sort_option<std::remove_cvref_t<E>>{name, std::forward<E>(e)};
}

/// A group of conditions for a dynamic query, joined by OR (`q.any_of()`) or AND (`q.all_of()`);
/// `q.where(group)` adds it in parentheses. An empty group adds nothing.
template <class Dialect, class Sources, class Nullable, bool Or>
class condition_group {
 public:
  /// Adds a condition (checked like where(): boolean, no aggregates, tables in FROM/JOIN), or a
  /// nested group (ignored when empty).
  template <class C>
  condition_group& add(C&& cond) {
    using X = std::remove_cvref_t<C>;
    if constexpr (is_group<X>::value) {
      if (!cond.empty()) items_.push_back(cond.as_piece());
    } else {
      detail::check_dynamic_condition<X, Sources, Nullable>();
      items_.push_back(std::make_shared<detail::expr_piece<Dialect, X, Or ? detail::prec_or : detail::prec_and>>(
          X(std::forward<C>(cond))));
    }
    return *this;
  }
  bool empty() const noexcept { return items_.empty(); }
  std::size_t size() const noexcept { return items_.size(); }

  /// The group as one piece (used by dynamic_query and nested groups).
  detail::piece_ptr<Dialect> as_piece() const { return std::make_shared<detail::group_piece<Dialect, Or>>(items_); }

 private:
  template <class G>
  struct is_group : std::false_type {};
  template <bool O>
  struct is_group<condition_group<Dialect, Sources, Nullable, O>> : std::true_type {};

  std::vector<detail::piece_ptr<Dialect>> items_;
};

/// A select statement with run-time pieces (see the file comment). Build it with
/// `quarry::dynamic<Dialect>(select...)`; run it with `db.query(q)`. Copies share the pieces
/// added so far and then grow independently.
template <class Dialect, class S>
class dynamic_query {
 public:
  using dialect = Dialect;
  using statement_type = S;
  using fields_type = typename S::fields_type;
  using row_type = typename S::row_type;
  using sources = typename S::from_type::sources;
  using nullable = detail::nullable_tables_of<typename S::from_type>;
  static constexpr bool grouped = S::grouped;
  using grouped_exprs = typename detail::grouped_of<typename S::group_type>::type;
  /// What the grouping rule (query/group_by.hpp) allows outside aggregates.
  using grouping = detail::grouping_scope_of<typename S::from_type, grouped_exprs>;
  static constexpr bool columns_at_run_time = detail::is_dynamic_fields_v<fields_type>;

  explicit dynamic_query(S s) : s_(std::move(s)) {}

  /// Adds a condition, ANDed with the base statement's where() and the other conditions.
  /// A group from any_of()/all_of() goes in parentheses (nothing when it is empty).
  template <class C>
  dynamic_query& where(C&& cond) {
    using X = std::remove_cvref_t<C>;
    if constexpr (is_group<X>::value) {
      if (!cond.empty()) where_part().conds.push_back(cond.as_piece());
    } else {
      detail::check_dynamic_condition<X, sources, nullable>();
      where_part().conds.push_back(
          std::make_shared<detail::expr_piece<Dialect, X, detail::prec_and>>(X(std::forward<C>(cond))));
    }
    return *this;
  }
  /// A group whose conditions are joined by OR: `auto g = q.any_of(); g.add(...); q.where(g);`.
  condition_group<Dialect, sources, nullable, true> any_of() const { return {}; }
  /// A group whose conditions are joined by AND.
  condition_group<Dialect, sources, nullable, false> all_of() const { return {}; }

  /// Appends an order key (`col`, `col.asc()`, `col.desc(quarry::nulls_last)`) after the base
  /// statement's order_by() keys.
  template <class K>
  dynamic_query& order_by(K&& key) {
    using O = decltype(detail::to_order_key(std::forward<K>(key)));
    check_order_key<O>();
    order_part().keys.push_back(
        std::make_shared<detail::expr_piece<Dialect, O, 0>>(detail::to_order_key(std::forward<K>(key))));
    return *this;
  }
  /// Appends `e ASC` or `e DESC`, the direction chosen at run time.
  template <class E>
  dynamic_query& order_by(E&& e, direction d) {
    using X = std::remove_cvref_t<E>;
    static_assert(detail::expression<X>, "quarry: order_by(expression, direction) takes a column or expression");
    check_order_key<X>();
    order_part().keys.push_back(
        std::make_shared<detail::directed_piece<Dialect, X>>(std::forward<E>(e), d == direction::desc));
    return *this;
  }
  /// Appends the allowed key named `name` (from a search form) in direction `d`; throws
  /// quarry::usage_error naming the allowed keys when `name` is none of them.
  template <class... E>
  dynamic_query& order_by(std::string_view name, direction d, const sort_option<E>&... options) {
    static_assert(sizeof...(E) > 0, "quarry: order_by(name, direction, ...) needs quarry::sort_by(name, expr) options");
    bool found = false;
    ((!found && options.name == name ? (order_by(options.expr, d), found = true) : false), ...);
    if (!found) {
      std::string allowed;
      ((allowed += (allowed.empty() ? "" : ", ") + std::string(options.name)), ...);
      throw usage_error(errc::usage, "quarry: unknown sort key " + detail::echo(name) + "; allowed: " + allowed);
    }
    return *this;
  }

  /// Adds a selected column or expression (queries built on quarry::dynamic_columns only). Rows are
  /// quarry::dynamic_row: `row[users.email]`.
  template <class E>
  dynamic_query& select(E&& e) {
    using X = std::remove_cvref_t<E>;
    static_assert(columns_at_run_time,
                  "quarry: select() on a dynamic query adds columns chosen at run time; build it on "
                  "quarry::select(quarry::dynamic_columns).from(...)");
    static_assert(detail::expression<X>, "quarry: select() takes columns and expressions");
    static_assert(detail::is_subset_v<typename X::tables, sources>,
                  "quarry: a selected column's table is not in FROM or JOIN; add the table with .from() or .join()");
    static_assert(!grouped || detail::grouped_ok<grouping, X>(),
                  "quarry: a selected column is neither in group_by() nor inside an aggregate; group it or "
                  "aggregate it");
    auto& f = fields_part();
    const std::uintptr_t key = detail::type_key<X>();
    for (const auto& c : f.columns)
      if (c.key == key)
        throw usage_error(errc::usage, "quarry: " + detail::expression_label<X>() +
                                           " is already selected by this dynamic query; to select two values of "
                                           "the same expression type, name them with .as<\"name\">()");
    bool aggregate = (X::flags & detail::f_aggregate) != 0;
    bool bare = !std::is_same_v<typename detail::bare_columns_of<X>::type, detail::type_list<>>;
    if (!grouped && ((aggregate && f.has_bare_column) || (bare && f.has_aggregate)))
      throw usage_error(errc::usage,
                        "quarry: the columns chosen at run time mix aggregates and plain columns without "
                        "group_by(); add group_by(...) to the base statement");
    using T = typename detail::result_type<X, nullable, grouped>::type;
    using St = typename value_traits<detail::strip_optional_t<T>>::storage;
    f.columns.push_back(
        detail::dynamic_column{key, detail::table_label<X>(), detail::column_label<X>(), detail::cell_index<St>(),
                               detail::storage_of<X>()});
    f.cols.push_back(std::make_shared<detail::expr_piece<Dialect, X, 0>>(X(std::forward<E>(e))));
    f.has_aggregate = f.has_aggregate || aggregate;
    f.has_bare_column = f.has_bare_column || bare;
    return *this;
  }
  /// Selects the column of table (or alias) `t` whose SQL name is `name`, e.g. from a request's
  /// field list; throws quarry::usage_error naming the table's columns when there is none.
  template <class T>
  dynamic_query& select_column(const T&, std::string_view name) {
    static_assert(table_source<T>, "quarry: select_column() takes a table descriptor or an alias and a column name");
    using columns = typename detail::source_columns<T>::type;
    bool found = false;
    [&]<class... C>(detail::type_list<C...>) {
      ((!found && C::name == name ? (select(C{}), found = true) : false), ...);
      if (!found) {
        std::string all;
        ((all += (all.empty() ? "" : ", ") + std::string(C::name)), ...);
        throw usage_error(errc::usage, "quarry: table '" + std::string(T::table_tag::ref_name) + "' has no column " +
                                           detail::echo(name) + "; its columns: " + all);
      }
    }(columns{});
    return *this;
  }

  /// The SQL of the current shape (rendered once per shape; values are placeholders).
  std::string sql() const { return std::string(sql_for<Dialect>().text()); }

  // ---- used by connections ----
  template <class D>
  detail::runtime_sql sql_for() const {
    static_assert(std::is_same_v<D, Dialect> || std::is_base_of_v<Dialect, D>,
                  "quarry: this dynamic query was built for another SQL dialect than the connection's; build "
                  "it with db.dynamic(...) or quarry::dynamic<decltype(db)::dialect>(...)");
    std::string key;
    detail::add_shapes(key, detail::get_item<detail::p_where>(s_.parts).conds);
    detail::add_shapes(key, detail::get_item<detail::p_order>(s_.parts).keys);
    if constexpr (columns_at_run_time) detail::add_shapes(key, detail::get_item<detail::p_fields>(s_.parts).cols);
    return detail::shaped_sql<Dialect, S>(key, [&] { return detail::render_entry<Dialect>(s_); });
  }
  template <class B>
  void bind(B& b) const {
    s_.bind(b);
  }
  /// The reader of one run's rows (queries with columns chosen at run time): what they hold.
  detail::dynamic_row_reader<row_type> make_reader(std::string sql) const requires columns_at_run_time {
    return {std::make_shared<const detail::dynamic_columns_info>(
        detail::dynamic_columns_info{detail::get_item<detail::p_fields>(s_.parts).columns, std::move(sql)})};
  }

 private:
  template <class G>
  struct is_group : std::false_type {};
  template <bool Or>
  struct is_group<condition_group<Dialect, sources, nullable, Or>> : std::true_type {};

  template <class O>
  static constexpr void check_order_key() {
    static_assert(detail::is_subset_v<typename O::tables, sources>,
                  "quarry: order_by() uses a column whose table is not in FROM or JOIN");
    static_assert(!grouped || detail::grouped_ok<grouping, O>(),
                  "quarry: order_by() in a grouped select may only use grouped columns and aggregates");
  }
  template <std::size_t I>
  auto& part() {
    return detail::get_item<I>(s_.parts);
  }
  auto& where_part() { return part<detail::p_where>(); }
  auto& order_part() { return part<detail::p_order>(); }
  auto& fields_part() { return part<detail::p_fields>(); }

  S s_;
};

/// Makes `base` (a complete select statement) dynamic for Dialect: conditions, order keys and,
/// when it selects quarry::dynamic_columns, columns are then added at run time. Its own where()
/// and order_by() stay and come first.
template <class Dialect, class Q>
auto dynamic(const Q& base) {
  constexpr bool is_select = requires {
    base.template with<detail::p_where>(detail::none{});
    typename Q::from_type;
  };
  static_assert(is_select,
                "quarry: quarry::dynamic<Dialect>() takes a select statement: "
                "quarry::dynamic<D>(quarry::select(...).from(table))");
  if constexpr (!is_select) {
    return detail::none{};  // reported above
  } else {
    Q::validate();
    using from = typename Q::from_type;
    using sources = typename from::sources;
    using nullable = detail::nullable_tables_of<from>;
    using W = typename Q::template part_t<detail::p_where>;
    using O = typename Q::template part_t<detail::p_order>;
    auto s1 = base.template with<detail::p_where>(
        detail::dynamic_where_part<Dialect, W>{detail::get_item<detail::p_where>(base.parts), {}});
    auto s2 = s1.template with<detail::p_order>(
        detail::dynamic_order_part<Dialect, O>{detail::get_item<detail::p_order>(base.parts), {}});
    if constexpr (detail::is_dynamic_columns_v<typename Q::fields_type>) {
      using F = detail::dynamic_fields_part<Dialect, sources, nullable, Q::grouped>;
      auto s3 = s2.template with<detail::p_fields>(F{});
      return dynamic_query<Dialect, decltype(s3)>(std::move(s3));
    } else {
      return dynamic_query<Dialect, decltype(s2)>(std::move(s2));
    }
  }
}

}  // namespace quarry
