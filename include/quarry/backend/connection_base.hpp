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

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "quarry/backend/binding.hpp"
#include "quarry/backend/result.hpp"
#include "quarry/backend/row_reader.hpp"
#include "quarry/backend/statement_cache.hpp"
#include "quarry/query/delete.hpp"
#include "quarry/query/insert.hpp"
#include "quarry/query/select.hpp"
#include "quarry/query/update.hpp"
#include "quarry/render/ddl.hpp"
#include "quarry/render/sql.hpp"
#include "quarry/schema/table.hpp"
#include "quarry/tx/transaction.hpp"

namespace quarry {
namespace detail {

template <class T>
concept select_statement = requires { typename T::fields_type; typename T::row_type; };

template <class C>
struct is_key_column : std::bool_constant<C::is_primary_key> {};
template <class C>
struct is_value_column : std::bool_constant<!C::is_primary_key> {};

/// The primary-key column of D (single-column keys only).
template <class D>
struct primary_key_of {
  static_assert(descriptor_traits<D>::primary_key_size == 1,
                "quarry: find()/update()/remove() need a single-column primary key; use "
                "select()/update()/delete_from() with where() for composite keys");
  using type = filter_t<is_key_column, columns_of<D>>;
  using column = typename first<type>::type;
};

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
                              std::to_string(arity) + " fields; SQL: " + std::string(s.sql()),
                          std::string(s.sql()));
    return read_all(s, std::make_index_sequence<arity>{});
  }
  template <class Stmt, std::size_t... I>
  static Row read_all(Stmt& s, std::index_sequence<I...>) {
    if constexpr (requires { std::tuple_size<Row>::value; }) {
      return Row{read_field<std::tuple_element_t<I, Row>>(s, static_cast<int>(I), field_info{{}, {}, static_cast<int>(I)})...};
    } else {
      return Row{read_field<boost::pfr::tuple_element_t<I, Row>>(s, static_cast<int>(I), field_info{{}, {}, static_cast<int>(I)})...};
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
    [&]<class... C>(type_list<C...>) { (b(boost::pfr::get<C::field_index>(*row)), ...); }(value_columns{});
    b(boost::pfr::get<key::field_index>(*row));
  }
};

}  // namespace detail

/// Shared implementation of quarry connections (see the backend's `connection` for options).
/// A connection is used by one thread at a time; separate connections are independent.
template <class Derived, class Dialect, class Statement>
class connection_base {
 public:
  using dialect = Dialect;
  using statement_type = Statement;
  using lease_type = detail::statement_lease<Statement>;

  /// Runs a SELECT and returns its rows as a single-pass range:
  /// `for (auto [id, email] : db.query(q))`, `db.query(q).all()`, `.one()`, `.first()`.
  template <detail::select_statement S>
  auto query(const S& s) {
    using Row = typename S::row_type;
    auto lease = run<true>(s);
    return result<lease_type, Row, detail::row_reader<typename S::fields_type, Row>>(std::move(lease));
  }

  /// Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed.
  template <class S>
  std::int64_t execute(const S& s) {
    static_assert(!detail::select_statement<S>, "quarry: use query() for SELECT statements");
    auto lease = run<false>(s);
    while (lease.stmt().step()) {
    }
    lease.release();
    return self().changes();
  }

  /// Inserts `row` (all columns but an identity column). Returns the generated id when the table
  /// has an identity column, otherwise nothing.
  template <table_descriptor D>
  auto insert(const D& t, const typename D::row_type& row) {
    auto s = insert_into(t).values(row);
    auto lease = run<false>(s);
    if constexpr (detail::descriptor_traits<D>::has_identity) {
      std::int64_t id = 0;
      if constexpr (Dialect::array_parameters) {  // RETURNING "id"
        lease.stmt().step();
        id = detail::read_field<std::int64_t>(lease.stmt(), 0, detail::field_info{D::table_tag::table_name, "id", 0});
        while (lease.stmt().step()) {
        }
      } else {
        while (lease.stmt().step()) {
        }
        id = self().last_insert_id();
      }
      lease.release();
      return id;
    } else {
      while (lease.stmt().step()) {
      }
      lease.release();
    }
  }

  /// Inserts every row of a range with the same prepared statement; returns how many.
  template <table_descriptor D, class Range>
  std::size_t insert_all(const D& t, const Range& rows) {
    std::size_t n = 0;
    for (const auto& r : rows) {
      insert(t, r);
      ++n;
    }
    return n;
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
    auto lease = run_raw<true>(sql, params...);
    return result<lease_type, Row, detail::raw_row_reader<Row>>(std::move(lease));
  }
  /// Raw SQL without result rows; returns the number of rows changed.
  template <class... P>
  std::int64_t execute_raw(std::string_view sql, const P&... params) {
    auto lease = run_raw<true>(sql, params...);  // params are converted into temporaries: copy them
    while (lease.stmt().step()) {
    }
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
    return ::quarry::transaction(self(), o);
  }

  /// Runs `fn(quarry::transaction& tx, int attempt)` (or `fn(tx)`) in a transaction: commits when
  /// it returns (and returns what it returns), rolls back when it throws. The outermost call
  /// re-runs the whole callback after a retryable failure (PostgreSQL 40001, 40P01, opt-in
  /// 23505/23P01/55P03; SQLite SQLITE_BUSY*), up to options.max_attempts with jittered backoff;
  /// a nested call is a savepoint and never retries. fn must be safe to run again.
  template <isolation L, class F>
  decltype(auto) transaction(const tx_options_for<L>& o, F&& fn) {
    return detail::run_transaction(self(), o, fn);
  }
  template <class F>
  decltype(auto) transaction(F&& fn) {
    return detail::run_transaction(self(), tx_options{}, fn);
  }

  /// Transaction bookkeeping of this connection (nesting depth, savepoint names), used by
  /// quarry::transaction.
  detail::tx_state& transaction_state() noexcept { return tx_state_; }

  /// Number of statements this connection keeps prepared.
  std::size_t prepared_statements() const noexcept { return cache_.size(); }

 protected:
  /// Finalizes cached statements; the backend calls it before closing its handle.
  void clear_statement_cache() noexcept { cache_.clear(); }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }

  template <bool ForResult, class S>
  lease_type run(const S& s) {
    const detail::sql_entry& e = detail::cached_sql<Dialect>(s);
    auto lease = cache_.acquire(e, [this](const std::string& sql) { return self().prepare(sql); });
    lease.stmt().set_copy_values(ForResult);
    detail::binder<Statement> b{lease.stmt()};
    s.bind(b);
    return lease;
  }

  template <bool Copy, class... P>
  lease_type run_raw(std::string_view sql, const P&... params) {
    auto lease = cache_.acquire_raw(sql, [this](const std::string& text) { return self().prepare(text); });
    lease.stmt().set_copy_values(Copy);
    [[maybe_unused]] detail::binder<Statement> b{lease.stmt()};
    (b(detail::param_type_t<const P&>(params)), ...);
    return lease;
  }

  detail::statement_cache<Statement> cache_;
  detail::tx_state tx_state_;
};

}  // namespace quarry
