#!/usr/bin/env python3
"""Where the first `quarry:` message appears in g++'s output for each compile-fail case.

    python3 tools/cf_first_line.py [--cxx g++] [--max 30] [case.cpp ...]

Compiles each tests/compile_fail/*.cpp (or the given files) like the compile-fail tests do
(`-std=c++20 -fsyntax-only -Iinclude`), finds the first output line that holds a `quarry: `
message (not a path), and prints "<line> <case>" sorted by case. docs/compile-errors.md lists
these numbers. Exit status 1 when a case has no such line or it is further down than --max
(default 30, the budget of the query-surface issue).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MESSAGE = re.compile(r"(?<![/\w])quarry: ")


def first_line(cxx: str, src: Path) -> int | None:
    out = subprocess.run([cxx, "-std=c++20", "-fsyntax-only", f"-I{REPO / 'include'}", "-isystem",
                          "/usr/include/postgresql", str(src)],
                         capture_output=True, text=True, cwd=REPO)
    for n, line in enumerate(out.stderr.splitlines(), 1):
        if MESSAGE.search(line):
            return n
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--max", type=int, default=30)
    ap.add_argument("cases", nargs="*", type=Path)
    args = ap.parse_args()
    cases = args.cases or sorted((REPO / "tests" / "compile_fail").glob("*.cpp"))
    bad = 0
    for src in cases:
        n = first_line(args.cxx, src)
        if n is None or n > args.max:
            bad += 1
        print(f"{n if n is not None else '-':>3} {src.stem}{'' if n is not None and n <= args.max else '   <-- over budget'}")
    print(f"{len(cases)} cases, {bad} without a quarry: line within the first {args.max}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
