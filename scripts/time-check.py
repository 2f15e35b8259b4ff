#!/usr/bin/env python3
"""Times `reelsmith check` as an editor runs it on save: one whole process per run (start-up
included), 30 runs per file; prints the median, the 90th percentile and the slowest (issue 13).

  scripts/time-check.py .build/release/reelsmith FILE... [-- extra check arguments]
"""
import statistics
import subprocess
import sys
import time


def main(arguments):
    binary, rest = arguments[0], arguments[1:]
    extra = rest[rest.index("--") + 1:] if "--" in rest else []
    files = rest[: rest.index("--")] if "--" in rest else rest
    for path in files:
        times = []
        for _ in range(30):
            start = time.perf_counter()
            subprocess.run([binary, "check", *extra, path], capture_output=True, check=False)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(f"{path}: median {statistics.median(times):.1f} ms, p90 {times[26]:.1f} ms, slowest {times[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
