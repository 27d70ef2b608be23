#pragma once
// The schema and the optimisation sinks shared by bench_sqlite.cpp and bench_postgres.cpp (the
// same tables on both engines). Descriptors live in a named namespace: up to quarry 2caba41, clang
// -Werror rejected descriptors in an anonymous namespace (-Wundefined-internal in
// quarry/schema/detail/reflect.hpp).

#include <quarry/quarry.hpp>

#include <cstdint>
#include <string>

namespace quarry_bench {

// ---------------------------------------------------------------------------------------------
// Schema. The row struct has a 64-bit identity, a text column longer than the small-string buffer
// (so reading it allocates, as real e-mail addresses do), an integer and a double.
// ---------------------------------------------------------------------------------------------
struct Item {
  std::int64_t id;
  std::string name;
  std::int64_t score;
  double weight;
};

inline constexpr struct items_t : quarry::table<"items", Item> {
  column<&Item::id, "id", quarry::identity> id;
  column<&Item::name, "name"> name;
  column<&Item::score, "score"> score;
  column<&Item::weight, "weight"> weight;
} items;

// Phase 3 (join + GROUP BY).
struct Customer {
  std::int64_t id;
  std::string name;
  std::int64_t region;
};
inline constexpr struct customers_t : quarry::table<"customers", Customer> {
  column<&Customer::id, "id", quarry::identity> id;
  column<&Customer::name, "name"> name;
  column<&Customer::region, "region"> region;
} customers;

struct Order {
  std::int64_t id;
  std::int64_t customer_id;
  double amount;
};
inline constexpr struct orders_t : quarry::table<"orders", Order> {
  column<&Order::id, "id", quarry::identity> id;
  column<&Order::customer_id, "customer_id"> customer_id;
  column<&Order::amount, "amount"> amount;
} orders;

struct GroupRow {
  std::int64_t customer_id;
  std::string name;
  std::int64_t n;
  double total;
};

// ---------------------------------------------------------------------------------------------
// Sinks (DoNotOptimize / ClobberMemory as in Google Benchmark).
// ---------------------------------------------------------------------------------------------
template <class T>
inline void do_not_optimize(T const& v) {
  asm volatile("" : : "r,m"(v) : "memory");
}
inline void clobber_memory() { asm volatile("" : : : "memory"); }

}  // namespace quarry_bench
