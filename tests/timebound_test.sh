#!/usr/bin/env bash
# Time grows with the page, not faster: every shape of tests/timebound/shapes.py
# runs at size n and 8n. The test fails when the larger page takes more than
# 12x the CPU time of the smaller (linear time gives 8x, quadratic 64x;
# only runs of 0.3 s or more are compared, against at least 40 ms for the
# smaller: below that timer noise dominates), or more than
# 2 s + 2 s per MB, or more than 64 MB + 40x the input in memory.
#
#   timebound_test.sh WINNOW [sanitized]
#
# With "sanitized" (an ASan/UBSan build) only the growth ratio is checked.
set -uo pipefail

winnow=$1
sanitized=${2:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
# n is chosen so that 8n is a page of a few MB at most; a sanitized build
# is an order of magnitude slower, so it runs a quarter of that, with more
# time allowed per run (the bound is on growth, not on seconds, there).
small=12000
limit=120
if [ -n "$sanitized" ]; then small=3000; limit=600; fi

# CPU seconds (user + system), not wall time, so that other work on the
# machine does not count; the better of two runs.
run() { # FILE -> "cpu_seconds peak_kb"
  local best="" kb=0
  for _ in 1 2; do
    /usr/bin/time -f "%U %S %M" -o "$work/time" timeout "$limit" "$winnow" "$1" >/dev/null 2>&1
    [ $? -eq 124 ] && echo "timeout 0" && return
    read -r user sys kb < <(tail -1 "$work/time")
    best=$(python3 -c "t = $user + $sys; b = '$best'; print(f'{min(t, float(b)) if b else t:.2f}')")
  done
  echo "$best $kb"
}

printf '%-28s %9s %7s %9s %7s %6s\n' shape "n bytes" "n s" "8n bytes" "8n s" ratio
for shape in $(python3 "$here/timebound/shapes.py" --list); do
  python3 "$here/timebound/shapes.py" "$shape" "$small" >"$work/a.html"
  python3 "$here/timebound/shapes.py" "$shape" $((small * 8)) >"$work/b.html"
  read -r ta ka < <(run "$work/a.html")
  read -r tb kb < <(run "$work/b.html")
  sa=$(stat -c %s "$work/a.html")
  sb=$(stat -c %s "$work/b.html")
  if [ "$ta" = timeout ] || [ "$tb" = timeout ]; then
    echo "FAIL: $shape: still running after $limit s"; failures=$((failures + 1)); continue
  fi
  ratio=$(python3 -c "print(f'{max($tb, 0.01) / max($ta, 0.01):.1f}')")
  printf '%-28s %9d %7.2f %9d %7.2f %6s\n' "$shape" "$sa" "$ta" "$sb" "$tb" "$ratio"
  verdict=$(python3 - "$ta" "$tb" "$sb" "$kb" "$sanitized" <<'PY'
import sys
ta, tb, size, kb, sanitized = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
mb = size / 1e6
problems = []
# CPU time comes in 10 ms ticks: a small run under 40 ms is read no finer
# than that (20 ms against 30 ms would be 15x against 10x); quadratic
# growth (64x) still fails from there.
floor = max(ta, 0.04)
if tb >= 0.3 and tb > 12 * floor:
    problems.append(f"time grew {tb / floor:.0f}x for 8x the page")
if not sanitized and tb > 2 + 2 * mb:
    problems.append(f"{tb:.2f} s over the bound of {2 + 2 * mb:.2f} s")
if not sanitized and kb / 1024 > 64 + 40 * mb:
    problems.append(f"peak RSS {kb / 1024:.0f} MB over {64 + 40 * mb:.0f} MB")
print("; ".join(problems))
PY
)
  if [ -n "$verdict" ]; then echo "FAIL: $shape: $verdict"; failures=$((failures + 1)); fi
done
echo "timebound: $failures failure(s)"
[ "$failures" -eq 0 ]
