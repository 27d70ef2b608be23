// libFuzzer target: cursor tokens never crash the decoder and are either accepted or rejected
// with quarry::invalid_cursor (any other exception is uncaught and fails the run).
//
//   scripts/fuzz [--time SECONDS]      (builds with clang++-14 -fsanitize=fuzzer,address,undefined)

#include "cursor_fuzz_cases.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cursor_fuzz::run_input(data, size);
  return 0;
}
