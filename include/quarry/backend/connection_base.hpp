#pragma once
/// \file quarry/backend/connection_base.hpp
/// Everything a connection does that does not depend on the database: run typed statements,
/// CRUD helpers, DDL from descriptors. A backend derives from
/// `connection_base<Derived, Dialect, Statement>` and supplies:
///   std::unique_ptr<Statement> prepare(const std::string& sql);
///   std::int64_t changes();                // rows changed by the last statement
///   std::int64_t last_insert_id();         // when the dialect has no RETURNING for ids
///   void exec(std::string_view sql);       // SQL without parameters or results
/// See docs/design.md ("Backends") for the Statement interface.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "quarry/core/detail/std_function.hpp"
#include "quarry/backend/binding.hpp"
#include "quarry/backend/buffered_result.hpp"
#include "quarry/backend/result.hpp"
#include "quarry/backend/row_reader.hpp"
#include "quarry/backend/statement_cache.hpp"
#include "quarry/diag/statement_event.hpp"
#include "quarry/query/delete.hpp"
#include "quarry/query/insert.hpp"
#include "quarry/query/insert_rows.hpp"
#include "quarry/query/row.hpp"
#include "quarry/query/select.hpp"
#include "quarry/query/update.hpp"
#include "quarry/render/ddl.hpp"
#include "quarry/render/runtime_sql.hpp"
#include "quarry/render/sql.hpp"
#include "quarry/schema/table.hpp"
#include "quarry/tx/transaction.hpp"

namespace quarry {

// Dynamic queries live in quarry/dynamic.hpp; connections only name them.
template <class Dialect, class Q>
auto dynamic(const Q& base);
namespace detail {
template <class Q>
struct dynamic_feature;  // complete once quarry/dynamic.hpp is included
}  // namespace detail

namespace detail {

template <class T>
concept select_statement = requires { typename T::fields_type; typename T::row_type; };


/// The primary-key column of D (single-column keys only).
template <class D>
struct primary_key_of {
  static_assert(descriptor_traits<D>::primary_key_size == 1,
                "quarry: find()/update()/remove() need a single-column primary key; use "
                "select()/update()/delete_from() with where() for composite keys");
  using type = filter_t<is_key_column, columns_of<D>>;
  using column = typename first<type>::type;
};

/// The parameters of query_raw()/execute_raw() follow the rule of a typed statement's values.
template <class... P>
constexpr void check_raw_params() {
  static_assert((sql_value<param_type_t<const P&>> && ...),
                "quarry: this C++ type cannot be bound as an SQL parameter of raw SQL; use a supported "
                "type (see docs/types.md) or specialize quarry::value_traits for it");
}
/// Every field of a raw row type (a std::tuple or an aggregate struct) has an SQL mapping.
template <class Row>
constexpr bool raw_row_mapped() {
  if constexpr (requires { std::tuple_size<Row>::value; }) {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return (sql_value<std::tuple_element_t<I, Row>> && ...);
    }(std::make_index_sequence<std::tuple_size_v<Row>>{});
  } else if constexpr (std::is_aggregate_v<Row>) {
    return []<std::size_t... I>(std::index_sequence<I...>) {
      return (sql_value<boost::pfr::tuple_element_t<I, Row>> && ...);
    }(std::make_index_sequence<boost::pfr::tuple_size_v<Row>>{});
  } else {
    return sql_value<Row>;
  }
}

/// Reads raw-SQL rows into a std::tuple or an aggregate struct, checking the column count.
template <class Row>
struct raw_row_reader {
  static constexpr std::size_t arity = [] {
    if constexpr (requires { std::tuple_size<Row>::value; }) {
      return std::tuple_size_v<Row>;
    } else {
      return boost::pfr::tuple_size_v<Row>;
    }
  }();
  template <class Stmt>
  static Row read(Stmt& s) {
    int n = s.column_count();
    if (n != static_cast<int>(arity))
      throw type_mismatch(errc::type_mismatch,
                          "quarry: the raw query returns " + std::to_string(n) + " columns but the row type has " +
                              std::to_string(arity) + " fields; SQL: " + detail::echo_sql(s.sql()),
                          std::string(s.sql()));
    return read_all(s, std::make_index_sequence<arity>{});
  }
  template <class Stmt, std::size_t... I>
  static Row read_all(Stmt& s, std::index_sequence<I...>) {
    if constexpr (requires { std::tuple_size<Row>::value; }) {
      return Row{read_field<std::tuple_element_t<I, Row>>(s, static_cast<int>(I), field_info{{}, {}, static_cast<int>(I), {}})...};
    } else {
      return Row{read_field<boost::pfr::tuple_element_t<I, Row>>(s, static_cast<int>(I), field_info{{}, {}, static_cast<int>(I), {}})...};
    }
  }
};

/// UPDATE "t" SET every non-key column = ? WHERE key = ?, bound from a row object.
template <class D>
struct update_row_stmt {
  using key = typename primary_key_of<D>::column;
  using value_columns = filter_t<is_value_column, columns_of<D>>;
  const typename D::row_type* row;

  template <class Ctx>
  void render(Ctx& c) const {
    c.text("UPDATE ");
    c.ident(D::table_tag::table_name);
    c.text(" SET ");
    bool first = true;
    [&]<class... C>(type_list<C...>) {
      ((c.text(first ? "" : ", "), first = false, c.ident(C::name), c.text(" = "), c.param()), ...);
    }(value_columns{});
    c.text(" WHERE ");
    c.ident(key::name);
    c.text(" = ");
    c.param();
  }
  template <class B>
  void bind(B& b) const {
    [&]<class... C>(type_list<C...>) { (bind_field<C>(b, boost::pfr::get<C::field_index>(*row)), ...); }(value_columns{});
    bind_field<key>(b, boost::pfr::get<key::field_index>(*row));
  }
};

}  // namespace detail

/// Shared implementation of quarry connections (see the backend's `connection` for options).
/// A connection is used by one thread at a time; separate connections are independent. Every
/// public operation claims the connection for the calling thread, so a second thread calling in
/// at the same time gets quarry::usage_error (docs/design.md, "Thread safety").
template <class Derived, class Dialect, class Statement>
class connection_base {
 public:
  using dialect = Dialect;
  using statement_type = Statement;
  using lease_type = detail::statement_lease<Statement>;

  connection_base() = default;
  connection_base(const connection_base&) = delete;
  connection_base& operator=(const connection_base&) = delete;
  ~connection_base() { core_->release(); }

  /// Runs a SELECT and returns its rows as a single-pass range:
  /// `for (auto [id, email] : db.query(q))`, `db.query(q).all()`, `.one()`, `.first()`.
  /// Rows of select(exprs...) are quarry::row: a std::tuple that also reads `row[users.email]`.
  template <detail::select_statement S>
  auto query(const S& s) {
    using Row = detail::query_row_t<S>;
    auto scope = enter();
    auto lease = run<true>(s);
    return result<lease_type, Row, detail::row_reader<typename S::fields_type, Row>>(std::move(lease));
  }

  /// A statement that makes its own row reader for each run: a dynamic query whose columns are
  /// chosen at run time (quarry/dynamic.hpp; rows are quarry::dynamic_row).
  template <detail::select_statement S>
    requires requires(const S& s) { s.make_reader(std::string()); }
  auto query(const S& s) {
    using Row = typename S::row_type;
    auto scope = enter();
    auto lease = run<true>(s);
    auto reader = s.make_reader(std::string(lease.sql()));
    return result<lease_type, Row, decltype(reader)>(std::move(lease), std::move(reader));
  }

  /// A multi-row insert with RETURNING (query/insert_rows.hpp): runs every batch and returns all
  /// rows in insertion order. When the identity column is returned (and no DO UPDATE may return
  /// older rows), each statement's rows are sorted by it: ids grow in insertion order on both
  /// backends, while the order of RETURNING rows is not documented by either.
  template <detail::select_statement S>
    requires detail::multi_row_insert<S>
  buffered_result<detail::query_row_t<S>> query(const S& s) {
    using Row = detail::query_row_t<S>;
    using Reader = detail::row_reader<typename S::fields_type, Row>;
    using traits = detail::multi_row_insert_traits<S>;
    static constexpr std::size_t id_at =
        traits::updates ? detail::no_identity
                        : detail::identity_position<typename S::fields_type, typename traits::descriptor>();
    std::vector<Row> rows;
    std::string sql;
    auto scope = enter();
    run_batches(s, [&](lease_type& lease) {
      const std::size_t from = rows.size();
      while (lease.stmt().step()) rows.push_back(Reader::read(lease.stmt()));
      if constexpr (id_at != detail::no_identity) {
        std::stable_sort(rows.begin() + static_cast<std::ptrdiff_t>(from), rows.end(),
                         [](const Row& a, const Row& b) { return std::get<id_at>(a) < std::get<id_at>(b); });
      }
      if (lease.traced()) lease.set_rows(static_cast<std::int64_t>(rows.size() - from));
      if (sql.empty()) sql = std::string(lease.sql());
    });
    return buffered_result<Row>(std::move(rows), std::move(sql));
  }

  /// A dynamic query over `base` in this connection's dialect (quarry/dynamic.hpp):
  /// `auto q = db.dynamic(quarry::select(users.id).from(users)); q.where(users.age > 3);`.
  template <class Q>
  static auto dynamic(const Q& base) {
    if constexpr (requires { sizeof(detail::dynamic_feature<Q>); }) {
      return ::quarry::dynamic<Dialect>(base);
    } else {
      static_assert(detail::always_false<Q>, "quarry: db.dynamic() needs #include <quarry/dynamic.hpp>");
      return 0;
    }
  }

  /// Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed.
  template <class S>
  std::int64_t execute(const S& s) {
    static_assert(!detail::select_statement<S>, "quarry: use query() for SELECT statements");
    auto scope = enter();
    auto lease = run<false>(s);
    while (lease.stmt().step()) {
    }
    if (lease.traced()) lease.set_rows(self().changes());
    lease.release();
    return self().changes();
  }

  /// Inserts `row` (all columns but an identity column). Returns the generated id when the table
  /// has an identity column, otherwise nothing.
  /// A row of another struct than the table's row type: a quarry: message instead of "no
  /// matching function".
  template <table_descriptor D, class R>
    requires(!std::is_convertible_v<const R&, const typename D::row_type&>)
  void insert(const D&, const R&) {
    static_assert(std::is_convertible_v<const R&, const typename D::row_type&>,
                  "quarry: db.insert(table, row) takes a row of the table's row type (the struct given "
                  "to quarry::table<\"name\", Row>); pass that table's descriptor, or build the row "
                  "struct it maps");
  }
  template <table_descriptor D>
  auto insert(const D& t, const typename D::row_type& row) {
    auto s = insert_into(t).values(row);
    auto scope = enter();
    auto lease = run<false>(s);
    if constexpr (detail::descriptor_traits<D>::has_identity) {
      std::int64_t id = 0;
      if constexpr (Dialect::array_parameters) {  // RETURNING "id"
        lease.stmt().step();
        id = detail::read_field<std::int64_t>(lease.stmt(), 0, detail::field_info{D::table_tag::table_name, "id", 0, {}});
        while (lease.stmt().step()) {
        }
      } else {
        while (lease.stmt().step()) {
        }
        id = self().last_insert_id();
      }
      if (lease.traced()) lease.set_rows(1);
      lease.release();
      return id;
    } else {
      while (lease.stmt().step()) {
      }
      if (lease.traced()) lease.set_rows(self().changes());
      lease.release();
    }
  }

  /// A multi-row insert (`insert_into(t).values(range)`): batches of rows under the parameter
  /// limit, in one transaction (a savepoint inside an open one) when there are several. Returns
  /// the number of rows changed.
  template <detail::multi_row_insert S>
  std::int64_t execute(const S& s) {
    static_assert(!detail::select_statement<S>, "quarry: use query() for statements with RETURNING");
    auto scope = enter();
    return run_batches(s, [&](lease_type& lease) {
      while (lease.stmt().step()) {
      }
      if (lease.traced()) lease.set_rows(self().changes());
    });
  }

  /// Inserts every row of a forward range with multi-row INSERT statements (see execute() of
  /// `insert_into(t).values(range)`); returns how many rows were inserted.
  template <table_descriptor D, class Range>
  std::size_t insert_all(const D& t, const Range& rows, max_rows batch = {}) {
    return static_cast<std::size_t>(execute(insert_into(t).values(rows, batch)));
  }

  /// The row whose primary key equals `key`, or nullopt.
  template <table_descriptor D, class K>
  std::optional<typename D::row_type> find(const D& t, const K& key) {
    using pk = typename detail::primary_key_of<D>::column;
    return query(select(t).where(pk{} == key)).first();
  }

  /// Writes every non-key column of `row` to the row with the same primary key; returns whether
  /// a row was found.
  template <table_descriptor D>
  bool update(const D&, const typename D::row_type& row) {
    return execute(detail::update_row_stmt<D>{&row}) > 0;
  }

  /// Deletes the row whose primary key equals `key`; returns whether a row was deleted.
  template <table_descriptor D, class K>
  bool remove(const D& t, const K& key) {
    using pk = typename detail::primary_key_of<D>::column;
    return execute(delete_from(t).where(pk{} == key)) > 0;
  }

  /// CREATE TABLE from the descriptor.
  template <table_descriptor D>
  void create_table(const D& t, bool if_not_exists = false) {
    self().exec(create_table_sql<Dialect>(t, if_not_exists));
  }
  /// DROP TABLE.
  template <table_descriptor D>
  void drop_table(const D& t, bool if_exists = false) {
    self().exec(drop_table_sql<Dialect>(t, if_exists));
  }

  /// Raw SQL escape hatch: SQL text in this connection's dialect (`?` on SQLite, `$1` on
  /// PostgreSQL), values bound as parameters, rows read as `Row` (a std::tuple or an aggregate
  /// struct). The column count and every value's type are checked when rows are read.
  ///
  ///     for (auto [id, n] : db.template query_raw<std::tuple<std::int64_t, std::int64_t>>(
  ///              "SELECT user_id, count(*) FROM posts WHERE likes > ? GROUP BY user_id", 10)) {}
  template <class Row, class... P>
  auto query_raw(std::string_view sql, const P&... params) {
    detail::check_raw_params<P...>();
    static_assert(detail::raw_row_mapped<Row>(),
                  "quarry: query_raw<Row>() reads into a row type with a field that has no SQL mapping; "
                  "use supported field types (see docs/types.md) or specialize quarry::value_traits for it");
    auto scope = enter();
    auto lease = run_raw<true, diag::statement_kind::raw_query>(sql, params...);
    return result<lease_type, Row, detail::raw_row_reader<Row>>(std::move(lease));
  }
  /// Raw SQL without result rows; returns the number of rows changed.
  template <class... P>
  std::int64_t execute_raw(std::string_view sql, const P&... params) {
    detail::check_raw_params<P...>();
    auto scope = enter();
    auto lease = run_raw<true, diag::statement_kind::raw_execute>(sql, params...);  // params are converted into temporaries: copy them
    while (lease.stmt().step()) {
    }
    if (lease.traced()) lease.set_rows(self().changes());
    lease.release();
    return self().changes();
  }

  /// Begins a transaction scope (docs/transactions.md): BEGIN with the options' isolation level
  /// and mode when no transaction is active, otherwise SAVEPOINT quarry_sp_<n>. The returned
  /// quarry::transaction rolls back when destroyed unless commit() was called.
  ///
  ///     auto tx = db.begin(quarry::serializable_tx{});
  ///     db.execute(...);
  ///     tx.commit();
  template <isolation L = isolation::backend_default>
  ::quarry::transaction begin(const tx_options_for<L>& o = {}) {
    auto scope = enter();
    return ::quarry::transaction(self(), o);
  }

  /// Runs `fn(quarry::transaction& tx, int attempt)` (or `fn(tx)`) in a transaction: commits when
  /// it returns (and returns what it returns), rolls back when it throws. The outermost call
  /// re-runs the whole callback after a retryable failure (PostgreSQL 40001, 40P01, opt-in
  /// 23505/23P01/55P03; SQLite SQLITE_BUSY*; PostgreSQL connection loss before COMMIT, after
  /// reconnecting), up to options.max_attempts with jittered backoff; a connection lost during
  /// COMMIT is quarry::ambiguous_commit and never retried. A nested call is a savepoint and never
  /// retries. fn must be safe to run again.
  template <isolation L, class F>
  decltype(auto) transaction(const tx_options_for<L>& o, F&& fn) {
    auto scope = enter();  // for the whole callback and its retries
    return detail::run_transaction(self(), o, fn);
  }
  template <class F>
  decltype(auto) transaction(F&& fn) {
    auto scope = enter();
    return detail::run_transaction(self(), tx_options{}, fn);
  }

  /// Runs a query with eagerly loaded relations, `select(table).with(relations...)`, and returns
  /// `std::vector<quarry::loaded<Row, ...>>`: one statement for the rows, one per relation level
  /// (quarry/orm/eager.hpp, docs/relations.md).
  template <class Q>
    requires requires { typename Q::requests; typename Q::query_type; }
  auto load(const Q& q) {
    auto scope = enter();
    return load_graph(self(), q);  // found by ADL in quarry/orm/eager.hpp
  }

  /// Transaction bookkeeping of this connection (nesting depth, savepoint names), used by
  /// quarry::transaction.
  detail::tx_state& transaction_state() noexcept { return tx_state_; }

  /// Adds an observer of every statement this connection runs (quarry/diag/statement_event.hpp);
  /// query_counter and repeated_statement_guard add and remove themselves.
  void add_observer(diag::statement_observer& o) {
    auto scope = enter();
    hooks().observers.push_back(&o);
    hooks_ = hooks_storage_.get();
  }
  /// Removes an observer added with add_observer().
  void remove_observer(diag::statement_observer& o) noexcept {
    if (!hooks_storage_) return;
    auto& v = hooks_storage_->observers;
    v.erase(std::remove(v.begin(), v.end(), &o), v.end());
    if (hooks_storage_->empty()) hooks_ = nullptr;
  }
  /// Calls `fn` after every statement (SQL, parameter count, duration, rows, failed): a logging
  /// hook. `db.on_statement(nullptr)` removes it.
  ///
  ///     db.on_statement([](const quarry::diag::statement_event& e) { log(e.sql, e.duration); });
  void on_statement(std::function<void(const diag::statement_event&)> fn) {
    auto scope = enter();
    hooks().on_finish = std::move(fn);
    hooks_ = hooks_storage_->empty() ? nullptr : hooks_storage_.get();
  }
  /// Reports a statement the backend runs outside run() (exec: DDL, BEGIN/COMMIT) to the hooks;
  /// null when none are installed. Keep the result alive until the statement is done.
  std::unique_ptr<detail::statement_trace> trace_exec(std::string_view sql) {
    if (!hooks_) [[likely]]
      return nullptr;
    return detail::statement_trace::start(*hooks_, diag::statement_kind::exec, sql, 0);
  }

  /// Number of statements this connection keeps prepared.
  std::size_t prepared_statements() const noexcept { return cache_.size(); }

  /// The block shared with the connection's results and transaction scopes (connection_core.hpp):
  /// they keep a reference and find out from it whether the connection still exists.
  detail::connection_core& shared_core() noexcept { return *core_; }

 protected:
  /// Finalizes cached statements; the backend calls it before closing its handle. Results still
  /// alive see the connection closed and throw quarry::usage_error on their next step.
  void clear_statement_cache() noexcept {
    core_->close();
    cache_.clear();
  }
  /// Claims the connection for the calling thread until the end of the scope (a nested claim by
  /// the same thread is free); quarry::usage_error when another thread is inside it.
  detail::use_scope enter() { return detail::use_scope(*core_); }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
  detail::statement_hooks& hooks() {
    if (!hooks_storage_) hooks_storage_ = std::make_unique<detail::statement_hooks>();
    return *hooks_storage_;
  }

  /// The SQL of `s`: rendered once per statement type, or chosen at run time (multi-row insert
  /// batches, dynamic queries: render/runtime_sql.hpp), kept in `rs`.
  template <class S, class RS>
  static const detail::sql_entry& entry_of(const S& s, RS& rs) {
    if constexpr (detail::has_runtime_sql<S, Dialect>) {
      rs = s.template sql_for<Dialect>();
      return rs.get();
    } else {
      return detail::cached_sql<Dialect>(s);
    }
  }

  /// Parameters one statement may have: SQLite's SQLITE_LIMIT_VARIABLE_NUMBER (the connection
  /// reads it), else PostgreSQL's 65535 (the protocol counts parameters in 16 bits).
  std::size_t parameter_limit() {
    if constexpr (requires { self().max_parameters(); }) {
      return static_cast<std::size_t>(self().max_parameters());
    } else {
      return 65535;
    }
  }

  /// Runs multi-row insert `s` as batches (query/insert_rows.hpp); `on_batch(lease)` steps each.
  template <class S, class OnBatch>
  std::int64_t run_batches(const S& s, OnBatch&& on_batch) {
    using traits = detail::multi_row_insert_traits<S>;
    const auto& range = *s.source.range;
    auto it = std::ranges::begin(range);
    auto n = static_cast<std::size_t>(std::ranges::distance(range));
    if (n == 0) return 0;
    // Parameters besides the rows' (DO UPDATE values, RETURNING expressions).
    const int one_row = detail::sized_entry<Dialect>(traits::batch(s, it, 1), 1).param_count;
    const std::size_t fixed = static_cast<std::size_t>(one_row) - traits::columns;
    const std::size_t k = detail::batch_rows(parameter_limit(), traits::columns, fixed, s.source.max_rows);
    std::optional<::quarry::transaction> tx;
    if (n > k) tx.emplace(self(), tx_options{});
    std::int64_t changed = 0;
    while (n > 0) {
      const std::size_t count = n < k ? n : k;
      detail::batch_statement<typename traits::batch_type> b{traits::batch(s, it, count), count == k};
      // Rows that are temporaries (a transform view) die after binding: copy their values then.
      auto lease = run<traits::rows_are_temporaries>(b);
      on_batch(lease);
      lease.release();
      changed += self().changes();
      it = std::ranges::next(it, static_cast<std::ranges::range_difference_t<decltype(range)>>(count));
      n -= count;
    }
    if (tx) tx->commit();
    return changed;
  }

  /// Copy: the bound values may die before the statement is stepped (a result, rows that are
  /// temporaries), so text and blobs are copied at bind time.
  template <bool Copy, class S>
  lease_type run(const S& s) {
    // Typed statements carry no runtime SQL: `rs.by_text` is then a constant false.
    std::conditional_t<detail::has_runtime_sql<S, Dialect>, detail::runtime_sql, detail::no_runtime_sql> rs;
    const detail::sql_entry& e = entry_of(s, rs);
    lease_type lease = acquire<detail::has_runtime_sql<S, Dialect>>(
        e, rs.by_text, detail::select_statement<S> ? diag::statement_kind::query : diag::statement_kind::execute);
    lease.attach(core_);
    lease.stmt().set_copy_values(Copy);
    detail::binder<Statement> b{lease.stmt()};
    s.bind(b);
    return lease;
  }

  template <bool Copy, diag::statement_kind Kind, class... P>
  lease_type run_raw(std::string_view sql, const P&... params) {
    lease_type lease = hooks_ ? acquire_traced({sql, static_cast<int>(sizeof...(P))}, true, Kind)
                              : cache_.acquire_raw(sql, preparer{this});
    lease.attach(core_);
    lease.stmt().set_copy_values(Copy);
    [[maybe_unused]] detail::binder<Statement> b{lease.stmt()};
    (b(detail::param_type_t<const P&>(params)), ...);
    return lease;
  }

  /// Prepares SQL on this connection: one type for every call of the statement cache, so its
  /// functions are instantiated once per connection type.
  struct preparer {
    connection_base* c;
    std::unique_ptr<Statement> operator()(const std::string& sql) const { return c->self().prepare(sql); }
  };

  /// The prepared statement for `e` (by its slot, or by its text when `by_text`). One function per
  /// connection type, out of line: the cache lookup is not repeated in the code of every statement.
  /// MaybeByText: whether `by_text` can be true (SQL chosen at run time); typed statements never
  /// instantiate the text cache's code.
  template <bool MaybeByText>
  [[gnu::noinline]] lease_type acquire(const detail::sql_entry& e, bool by_text, diag::statement_kind k) {
    if (hooks_) [[unlikely]]
      return acquire_traced<MaybeByText>(e, by_text, k);
    if constexpr (MaybeByText) {
      if (by_text) return cache_.acquire_raw(e.text, preparer{this});
    }
    return cache_.acquire(e, preparer{this});
  }

  /// Tells the statement hooks that a statement starts, then acquires it with its trace.
  /// `by_text`: cached by its text (raw SQL, SQL chosen at run time), which the trace copies.
  struct traced_sql {
    std::string_view text;
    int param_count;
  };
  template <bool MaybeByText>
  [[gnu::noinline]] lease_type acquire_traced(const detail::sql_entry& e, bool by_text, diag::statement_kind k) {
    if constexpr (MaybeByText) {
      if (by_text) return acquire_traced(traced_sql{e.text, e.param_count}, true, k);
    }
    auto trace = detail::statement_trace::start(*hooks_, k, e.text, e.param_count);
    auto lease = cache_.acquire(e, preparer{this});
    lease.trace(std::move(trace));
    return lease;
  }
  [[gnu::noinline]] lease_type acquire_traced(traced_sql q, bool, diag::statement_kind k) {
    auto trace = detail::statement_trace::start(*hooks_, k, q.text, q.param_count, true);
    auto lease = cache_.acquire_raw(q.text, preparer{this});
    lease.trace(std::move(trace));
    return lease;
  }

  detail::connection_core* core_ = detail::connection_core::make();  // shared with live leases
  detail::statement_cache<Statement> cache_;
  detail::tx_state tx_state_;
  detail::statement_hooks* hooks_ = nullptr;  // non-null only while an observer or hook is installed
  std::unique_ptr<detail::statement_hooks> hooks_storage_;
};

}  // namespace quarry
