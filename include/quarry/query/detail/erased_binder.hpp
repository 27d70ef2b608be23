#pragma once
/// \file quarry/query/detail/erased_binder.hpp
/// Binding through an interface, for the pieces of a dynamic query: a piece is added at run time,
/// before the connection (and so the binder type) is known. Values are converted to one of the
/// eight storage types here and handed to the real binder on the other side of a virtual call.

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "quarry/core/decimal.hpp"
#include "quarry/core/types.hpp"
#include "quarry/core/value_traits.hpp"
#include "quarry/expr/predicates.hpp"
#include "quarry/expr/storage.hpp"

namespace quarry::detail {

/// Receives one storage-typed value (or a NULL of a storage type, or a list) per parameter.
template <class S>
struct storage_sink {
  virtual void put(const S& v) = 0;
  /// A value of a column with a stored form (core/storage.hpp).
  virtual void put_as(const S& v, storage_format f) = 0;
  virtual void put_null(std::type_identity<S>) = 0;
  virtual void put_list(const std::vector<S>& v, storage_format f) = 0;

 protected:
  ~storage_sink() = default;
};
template <class... S>
struct storage_sinks : storage_sink<S>... {
  using storage_sink<S>::put...;
  using storage_sink<S>::put_as...;
  using storage_sink<S>::put_null...;
  using storage_sink<S>::put_list...;

 protected:
  ~storage_sinks() = default;
};
using value_sink = storage_sinks<bool, std::int64_t, double, decimal, std::string, bytes, timestamp, date>;

/// value_sink over a real binder B (`detail::binder<Statement>`): parameter numbering stays B's.
/// Values may be temporaries: dynamic queries run only as queries, whose values the backends copy.
template <class B>
struct sink_for final : value_sink {
  B& b;
  explicit sink_for(B& binder) : b(binder) {}
#define QUARRY_DETAIL_SINK(S)                                                              \
  void put(const S& v) override { b(v); }                                                  \
  void put_as(const S& v, storage_format f) override { b(stored_ref<S>{&v, f}); }         \
  void put_null(std::type_identity<S>) override { b(std::optional<S>{}); }                 \
  void put_list(const std::vector<S>& v, storage_format f) override { b(list_param<S>{&v, f}); }
  QUARRY_DETAIL_SINK(bool)
  QUARRY_DETAIL_SINK(std::int64_t)
  QUARRY_DETAIL_SINK(double)
  QUARRY_DETAIL_SINK(decimal)
  QUARRY_DETAIL_SINK(std::string)
  QUARRY_DETAIL_SINK(timestamp)
  QUARRY_DETAIL_SINK(date)
#undef QUARRY_DETAIL_SINK
  void put(const bytes& v) override { b(v); }
  void put_as(const bytes& v, storage_format) override { b(v); }
  void put_null(std::type_identity<bytes>) override { b(std::optional<bytes>{}); }
  // in_values() rejects binary items at compile time, so no list of bytes reaches here.
  void put_list(const std::vector<bytes>&, storage_format) override {}
};

/// The binder expression nodes see inside a dynamic piece: same call shape as detail::binder.
struct erased_binder {
  value_sink& sink;

  template <class T>
  void operator()(const T& v) {
    if constexpr (is_optional_v<T>) {
      using U = typename T::value_type;
      using S = typename value_traits<U>::storage;
      if (v) {
        const S& s = value_traits<U>::to_storage(*v);
        sink.put(s);
      } else {
        sink.put_null(std::type_identity<S>{});
      }
    } else if constexpr (requires { v.items; }) {
      using U = typename std::remove_cvref_t<decltype(*v.items)>::value_type;
      using S = typename value_traits<U>::storage;
      if constexpr (std::is_same_v<U, S>) {
        sink.put_list(*v.items, v.storage);
      } else {
        std::vector<S> items;
        items.reserve(v.items->size());
        for (const auto& x : *v.items) items.push_back(S(value_traits<U>::to_storage(x)));
        sink.put_list(items, v.storage);
      }
    } else if constexpr (requires { v.storage; v.v; }) {  // a stored_ref
      using V = std::remove_cvref_t<decltype(*v.v)>;
      if constexpr (is_optional_v<V>) {
        if (*v.v) {
          put_as(**v.v, v.storage);
        } else {
          (*this)(*v.v);
        }
      } else {
        put_as(*v.v, v.storage);
      }
    } else {
      using S = typename value_traits<T>::storage;
      const S& s = value_traits<T>::to_storage(v);
      sink.put(s);
    }
  }
  template <class U>
  void put_as(const U& v, storage_format f) {
    using S = typename value_traits<U>::storage;
    const S& s = value_traits<U>::to_storage(v);
    sink.put_as(s, f);
  }
};

}  // namespace quarry::detail
