#!/usr/bin/env bash
# Build cost of quarry: compile time and peak memory of a few translation units, each compiled
# REPS times (default 3) with `$CXX -std=c++20 -O2 -c`, measured by `/usr/bin/time -f "%e %M"`
# (elapsed seconds, peak RSS); the median is printed, with the median CPU time (user + system,
# less disturbed than the elapsed time when the machine is busy). Run it from the repository root:
#
#   bench/compile_time.sh [--reps N] [--clang] [--cxx COMPILER]... [--include DIR]
#
#   (a) quarry.hpp     a TU that only includes <quarry/quarry.hpp>
#   (b) fmt+pfr        a TU that only includes <fmt/format.h> and <boost/pfr.hpp>  (the baseline)
#   (c) std headers    a TU with only the standard headers quarry.hpp includes (found with -MM)
#   (d) bench_sqlite   bench/bench_sqlite.cpp
#   (e) two tables     bench/compile_two_tables.cpp (2 tables, 10 queries)
#   (f) sqlite.hpp     a TU that only includes <quarry/sqlite.hpp> (information)
#   (g) two tables, separately compiled: (e) with -DQUARRY_SEPARATE_COMPILATION (the code that
#                      does not depend on user types compiled once: quarry::sqlite_compiled)
#
# Targets (docs/benchmarks.md, DESIGN.md): (a)/(b) ≤ 1.25 in time; (e) ≤ 2.5 s and ≤ 250 MB
# (checked for (e) and (g)).
# Exit status 0 even when a target is missed (the verdict is printed); 1 on a compile error.
set -euo pipefail

reps=3
compilers=()
include_dir=include
while (($#)); do
  case "$1" in
    --reps) reps=$2; shift 2 ;;
    --clang) compilers+=("${CLANGXX:-clang++}"); shift ;;
    --cxx) compilers+=("$2"); shift 2 ;;
    --include) include_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) printf 'compile_time.sh: unknown argument %s (see --help)\n' "$1" >&2; exit 2 ;;
  esac
done
# g++ always; --clang / --cxx add more compilers.
compilers=("${CXX:-g++}" "${compilers[@]}")

[[ -f "$include_dir/quarry/quarry.hpp" ]] ||
  { echo "compile_time.sh: run it from the repository root (no $include_dir/quarry/quarry.hpp)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "compile_time.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/quarry-compile-time.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

printf '#include <quarry/quarry.hpp>\nint main() { return 0; }\n' >"$tmp/a_quarry.cpp"
printf '#include <fmt/format.h>\n#include <boost/pfr.hpp>\nint main() { return 0; }\n' >"$tmp/b_fmt_pfr.cpp"
printf '#include <quarry/sqlite.hpp>\nint main() { return 0; }\n' >"$tmp/f_sqlite.cpp"

# (c): every <standard header> named by the quarry headers that quarry.hpp reaches (system headers
# are left out of -MM output, so only quarry's own headers are listed and then grepped).
first_cxx=${compilers[0]}
mapfile -t quarry_headers < <("$first_cxx" -std=c++20 -I"$include_dir" -MM "$include_dir/quarry/quarry.hpp" |
  tr -d '\134' | tr ' ' '\n' | grep '\.hpp$' | sort -u)
{
  grep -ho '^#include <[^>]*>' "${quarry_headers[@]}" | grep -v -E '<(boost|fmt)/|<sqlite3\.h>|<libpq' | sort -u
  printf 'int main() { return 0; }\n'
} >"$tmp/c_std.cpp"
std_count=$(grep -c '^#include' "$tmp/c_std.cpp")

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure CXX SRC -> "elapsed-seconds peak-megabytes cpu-seconds" (medians over $reps runs)
measure() {
  local cxx=$1 src=$2 extra=${3:-} i times=() mems=() cpus=() e m u s
  for ((i = 0; i < reps; i++)); do
    if ! /usr/bin/time -f "%e %M %U %S" -o "$tmp/time.txt" \
        "$cxx" -std=c++20 -O2 -I"$include_dir" $extra -c "$src" -o "$tmp/out.o" 2>"$tmp/cc.err"; then
      echo "compile_time.sh: $cxx failed on $src:" >&2
      cat "$tmp/cc.err" >&2
      exit 1
    fi
    read -r e m u s < <(tail -n 1 "$tmp/time.txt")
    times+=("$e")
    mems+=("$m")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
  done
  local t c
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${mems[@]}" | median)
  c=$(printf '%s\n' "${cpus[@]}" | median)
  awk -v t="$t" -v m="$m" -v c="$c" 'BEGIN { printf "%.2f %.0f %.2f\n", t, m / 1024, c }'
}

verdict() { awk -v x="$1" -v lim="$2" 'BEGIN { print (x <= lim) ? "ok" : "MISS" }'; }

for cxx in "${compilers[@]}"; do
  if ! command -v "$cxx" >/dev/null; then
    echo "compile_time.sh: $cxx not found, skipped" >&2
    continue
  fi
  printf '\n%s (%s), -std=c++20 -O2 -c, median of %d; load average: %s\n' \
    "$cxx" "$("$cxx" --version | head -n 1)" "$reps" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '| %-38s | %8s | %8s | %8s |\n' "translation unit" "seconds" "peak MB" "cpu s"
  printf '|%s|%s|%s|%s|\n' "----------------------------------------" "----------" "----------" "----------"
  declare -A T=() M=() C=()
  for unit in a b c d e f g; do
    extra=
    case $unit in
      a) src=$tmp/a_quarry.cpp; label="(a) #include <quarry/quarry.hpp>" ;;
      b) src=$tmp/b_fmt_pfr.cpp; label="(b) <fmt/format.h> + <boost/pfr.hpp>" ;;
      c) src=$tmp/c_std.cpp; label="(c) the $std_count std headers quarry uses" ;;
      d) src=bench/bench_sqlite.cpp; label="(d) bench/bench_sqlite.cpp" ;;
      e) src=bench/compile_two_tables.cpp; label="(e) 2 tables, 10 queries" ;;
      f) src=$tmp/f_sqlite.cpp; label="(f) #include <quarry/sqlite.hpp>" ;;
      g) src=bench/compile_two_tables.cpp; label="(g) (e), separately compiled"; extra=-DQUARRY_SEPARATE_COMPILATION ;;
    esac
    read -r t m c < <(measure "$cxx" "$src" "$extra")
    T[$unit]=$t
    M[$unit]=$m
    C[$unit]=$c
    printf '| %-38s | %8s | %8s | %8s |\n' "$label" "$t" "$m" "$c"
  done
  ratio_t=$(awk -v a="${T[a]}" -v b="${T[b]}" 'BEGIN { printf "%.2f", a / b }')
  ratio_m=$(awk -v a="${M[a]}" -v b="${M[b]}" 'BEGIN { printf "%.2f", a / b }')
  ratio_cpu=$(awk -v a="${C[a]}" -v b="${C[b]}" 'BEGIN { printf "%.2f", a / b }')
  ratio_c=$(awk -v a="${T[a]}" -v c="${T[c]}" 'BEGIN { printf "%.2f", a / c }')
  printf '(a)/(b) time %s (target <= 1.25: %s), cpu time %s, peak memory %s; (a)/(c) time %s\n' \
    "$ratio_t" "$(verdict "$ratio_t" 1.25)" "$ratio_cpu" "$ratio_m" "$ratio_c"
  for unit in e g; do
    printf '(%s) %s s (target <= 2.5: %s), %s MB (target <= 250: %s)\n' \
      "$unit" "${T[$unit]}" "$(verdict "${T[$unit]}" 2.5)" "${M[$unit]}" "$(verdict "${M[$unit]}" 250)"
  done
  unset T M C
done
