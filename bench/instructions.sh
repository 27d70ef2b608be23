#!/usr/bin/env bash
# Instructions executed per workload call, quarry vs raw, counted by valgrind's callgrind: a
# figure that does not depend on how busy the machine is (docs/benchmarks.md). Each workload
# function of bench_sqlite is counted on its own (--toggle-collect), including everything it calls
# in SQLite, libc and libstdc++, and divided by the number of times it ran.
#
#   bench/instructions.sh [BENCH_BINARY] [-- extra bench_sqlite arguments]
#
# BENCH_BINARY defaults to build/release/bench/bench_sqlite. The bench runs with --quick --reps 1
# (20,000 rows per phase: the per-row cost is what matters, and callgrind is ~50x slower).
set -euo pipefail

bench=${1:-build/release/bench/bench_sqlite}
shift || true
[[ "${1:-}" == "--" ]] && shift
[[ -x "$bench" ]] || { echo "instructions.sh: no bench binary at $bench (build bench_sqlite first)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/quarry-instructions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# count FUNCTION PHASE -> instructions per call
count() {
  local fn=$1 phase=$2 out=$tmp/cg.$1
  shift 2
  valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="*$fn*" \
    "$bench" --quick --reps 1 --phase "$phase" "$@" >/dev/null 2>"$tmp/valgrind.err" ||
    { cat "$tmp/valgrind.err" >&2; exit 1; }
  python3 - "$out" "$fn" <<'EOF'
import re, sys
path, fn = sys.argv[1], sys.argv[2]
total, ids, calls, pending = 0, set(), 0, None
for line in open(path, encoding="utf-8", errors="replace"):
    if line.startswith("summary:"):
        total = int(line.split()[1])
    m = re.match(r"c?fn=\((\d+)\)(?: (.*))?", line)
    if m and m.group(2) and re.search(r"\b" + re.escape(fn) + r"\(", m.group(2)):
        ids.add(m.group(1))
    if line.startswith("cfn="):
        pending = m.group(1) if m else None
    elif line.startswith("calls=") and pending in ids:
        calls += int(line.split("=")[1].split()[0])
        pending = None
print(f"{total / max(calls, 1):.0f} {calls}")
EOF
}

printf 'bench: %s (--quick --reps 1), instructions per call of each workload function\n' "$bench"
printf '(per row: divided by the rows each call inserts or reads; join: by the orders it scans)\n'
printf '| %-32s | %14s | %14s | %8s | %9s | %9s |\n' "workload" "raw" "quarry" "ratio" "raw/row" "quarry/row"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------------" "----------------" "----------------" "----------" "-----------" "------------"
while read -r label phase rows raw_fn quarry_fn; do
  read -r r _ < <(count "$raw_fn" "$phase" "$@")
  read -r q _ < <(count "$quarry_fn" "$phase" "$@")
  printf '| %-32s | %14s | %14s | %8s | %9s | %10s |\n' "${label//_/ }" "$r" "$q" \
    "$(awk -v q="$q" -v r="$r" 'BEGIN { printf "%.3f", q / r }')" \
    "$(awk -v r="$r" -v n="$rows" 'BEGIN { printf "%.0f", r / n }')" "$(awk -v q="$q" -v n="$rows" 'BEGIN { printf "%.0f", q / n }')"
done <<'EOF'
insert,_one_transaction insert 20000 raw_insert_all quarry_insert_all
select(t),_iterate select 20000 raw_select_stream quarry_select_iterate
select(t).all() select 20000 raw_select_vector quarry_select_all
select(4_columns),_tuples select 20000 raw_select_stream quarry_select_tuple
select(t)_vs_raw+type_checks select 20000 raw_select_checked quarry_select_iterate
join_+_GROUP_BY join 20000 raw_join quarry_join
per-call_insert,_autocommit percall 2000 raw_insert_each quarry_insert_each
per-call_execute_raw percall 2000 raw_insert_each quarry_execute_raw_each
EOF
