#pragma once
/// \file quarry/core/detail/std_function.hpp
/// std::function for quarry's hooks (statement events, retries, notices) without the rest of
/// <functional>: with libstdc++ 12, <functional> also brings the searchers, std::bind and
/// <unordered_map>, which every translation unit that includes a backend would parse (≈ 8 MB and
/// 0.05 s with g++ 12; docs/benchmarks.md, "Build cost"). Other standard libraries get <functional>.

#if defined(__GLIBCXX__) && __has_include(<bits/std_function.h>)
#include <bits/std_function.h>
#else
#include <functional>
#endif
