#!/usr/bin/env python3
"""Runs one compile-fail compilation (the command line after this script's name), prints the
compiler's output, then where the first `quarry:` message appeared:

    quarry-cf: first quarry: message on line N

and, when it is not within the first 30 lines (the query-surface issue's budget; the compile-fail
tests fail on it through FAIL_REGULAR_EXPRESSION), `quarry-cf: OVER BUDGET`. The exit status is
the compiler's, so the `.control` tests still fail when their file does not compile.
"""
import re
import subprocess
import sys

BUDGET = 30
MESSAGE = re.compile(r"(?<![/\w])quarry: ")

proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
output = proc.stdout + proc.stderr
sys.stdout.write(output)
first = next((n for n, line in enumerate(proc.stderr.splitlines(), 1) if MESSAGE.search(line)), None)
if proc.returncode != 0:
    if first is None:
        print("quarry-cf: no quarry: message in the output")
    else:
        print(f"quarry-cf: first quarry: message on line {first}")
        if first > BUDGET:
            print(f"quarry-cf: OVER BUDGET (line {first} > {BUDGET})")
sys.exit(proc.returncode)
