#!/usr/bin/env bash
# Fuzz winnow with libFuzzer under AddressSanitizer and UBSan.
#
#   scripts/fuzz.sh [-t SECONDS] [-j JOBS] [HARNESS...]
#
# HARNESS is page (the library's entry point), jsonl (record mode), warc
# (the WARC reader) or batch (-o over a directory); default all four, one
# after another, each for SECONDS (default 60). JOBS runs that many fuzzing
# processes per harness. Seeds come
# from fixtures/; the growing corpus stays in build-fuzz/corpus/HARNESS and
# crashing inputs land in build-fuzz/crashes/HARNESS (turn each into a
# regression test: tests/fuzz_regress/HARNESS/). Prints one summary line per
# harness: executions, executions/s, coverage, crashes.
set -euo pipefail

seconds=60
jobs=1
while getopts "t:j:h" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    j) jobs=$OPTARG ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(page jsonl warc batch)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh --deps-only clang libclang-rt-dev

build=build-fuzz
CC=clang cmake -S . -B "$build" -DWINNOW_FUZZ=ON -DWINNOW_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >/dev/null
python3 tools/fuzzseeds.py fixtures "$build/seeds"

# Leaks are checked by valgrind on the fixtures and by the sanitizer suite;
# here they would stop a run at its first leak, so they are reported only.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
for h in "${harnesses[@]}"; do
  case $h in page | jsonl | warc | batch) ;; *) echo "fuzz.sh: no harness '$h'" >&2; exit 2 ;; esac
  corpus=$root/$build/corpus/$h
  crashes=$root/$build/crashes/$h
  # libFuzzer's workers write fuzz-N.log into the working directory: one per harness.
  work=$root/$build/work/$h
  log=$root/$build/fuzz-$h.log
  mkdir -p "$corpus" "$crashes" "$work"
  rm -f "$work"/fuzz-*.log
  extra=()
  [ "$h" = page ] && extra+=(-dict="$root/fuzz/html.dict")
  [ "$jobs" -gt 1 ] && extra+=(-jobs="$jobs" -workers="$jobs")
  set +e
  (cd "$work" && "$root/$build/fuzz_$h" "$corpus" "$root/$build/seeds/$h" "${extra[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
    -print_final_stats=1 -artifact_prefix="$crashes/") >"$log" 2>&1
  rc=$?
  set -e
  cat "$work"/fuzz-*.log >>"$log" 2>/dev/null || true
  runs=$(grep -h 'stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')
  rate=$(grep -h 'stat::average_exec_per_sec' "$log" | awk '{s += $2} END {print s + 0}')
  cov=$(grep -ho 'cov: [0-9]*' "$log" | awk '{if ($2 > m) m = $2} END {print m + 0}')
  found=$(find "$crashes" -type f | wc -l)
  printf '%-6s %ds: %d executions, %d exec/s, coverage %d edges, corpus %d files, %d crash files (%s)\n' \
    "$h" "$seconds" "$runs" "$rate" "$cov" "$(find "$corpus" -type f | wc -l)" "$found" "$crashes"
  if [ $rc -ne 0 ] || [ "$found" -gt 0 ]; then
    status=1
    echo "  see $log" >&2
  fi
done
exit $status
