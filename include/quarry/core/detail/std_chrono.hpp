#pragma once
/// \file quarry/core/detail/std_chrono.hpp
/// Durations, clocks and time points (std::chrono::sys_time, sys_days, steady_clock) without the
/// calendar, time zones and formatting of C++20 <chrono>: with libstdc++ 12, <chrono> also brings
/// <sstream> and the time-zone database declarations, which every translation unit that includes
/// quarry would parse (≈ 9 MB and 0.05 s with g++ 12; docs/benchmarks.md, "Build cost"). quarry
/// converts dates itself (core/detail/time_text.hpp). Other standard libraries get <chrono>.

#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif
