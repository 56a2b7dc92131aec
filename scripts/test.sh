#!/usr/bin/env bash
# Everything CI checks, in order: build, unit and CLI tests (also under
# ASan+UBSan), memory errors on every fixture, extraction quality on the
# WCXB and trafilatura dev sets.
# Each stage runs even if an earlier one failed, so one run shows all damage.
set -uo pipefail

# Quality floors: mean word F1 overall and for the weakest page type.
# Raise them as winnow improves so regressions fail CI.
WCXB_F1_FLOOR=0.875
WCXB_TYPE_FLOOR=0.68
# Share of WCXB `without` (boilerplate) snippets that may be printed.
WCXB_WITHOUT_CEILING=0.04
# Snippet F1 on trafilatura's evaluation pages (found `with` vs `without`),
# and the share of their `without` snippets that may be printed.
TRAFILATURA_SNIPPET_FLOOR=0.945
TRAFILATURA_WITHOUT_CEILING=0.06

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

passed=0
failed=0
stage_result() { # NAME STATUS
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1)); echo "== $1: ok"
  else
    failed=$((failed + 1)); echo "== $1: FAILED"
  fi
}

echo "== setup"
if ! bash scripts/setup.sh; then
  # Nothing below can run without a build.
  echo "== setup: FAILED"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== ctest"
ctest --test-dir build --output-on-failure
stage_result ctest $?

echo "== sanitizers"
# The whole suite again, built with AddressSanitizer and UBSan (any report
# fails the test that triggered it).
san_log=$(mktemp)
if cmake -S . -B build-sanitize -DWINNOW_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
     >"$san_log" 2>&1 && cmake --build build-sanitize -j"$(nproc)" >>"$san_log" 2>&1; then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --test-dir build-sanitize -j"$(nproc)" --output-on-failure
  stage_result sanitizers $?
else
  cat "$san_log"
  stage_result sanitizers 1
fi
rm -f "$san_log"

echo "== valgrind"
vg_ok=0
vg_bad=0
vg_opts=(-q --leak-check=full "--errors-for-leak-kinds=definite,indirect" --error-exitcode=99)
# Known false positives outside winnow (glibc's loader) are listed there.
[ -f tests/valgrind.supp ] && vg_opts+=(--suppressions=tests/valgrind.supp)
vg_log=$(mktemp)
trap 'rm -f "$vg_log"' EXIT
shopt -s nullglob
for f in fixtures/*.html; do
  if valgrind "${vg_opts[@]}" build/winnow "$f" >/dev/null 2>"$vg_log"; then
    vg_ok=$((vg_ok + 1))
  else
    vg_bad=$((vg_bad + 1))
    echo "valgrind: $f"
    cat "$vg_log"
  fi
done
echo "valgrind: $vg_ok clean, $vg_bad with errors, of $((vg_ok + vg_bad)) fixtures"
stage_result valgrind $((vg_bad > 0))

echo "== python"
# The Python binding installed into a fresh venv, and its tests.
bash scripts/python_test.sh
stage_result python $?

wcxb=../shared/data/wcxb-dev
if [ -d "$wcxb" ]; then
  echo "== quality"
  python3 bench/quality --bin build/winnow --min-f1 "$WCXB_F1_FLOOR" \
    --min-type-f1 "$WCXB_TYPE_FLOOR" --max-without "$WCXB_WITHOUT_CEILING" "$wcxb"
  stage_result quality $?
else
  echo "== quality: skipped, no $wcxb"
fi

trafilatura=../shared/data/trafilatura-dev
if [ -d "$trafilatura" ]; then
  echo "== snippets"
  python3 bench/quality --bin build/winnow --min-snippet-f1 "$TRAFILATURA_SNIPPET_FLOOR" \
    --max-without "$TRAFILATURA_WITHOUT_CEILING" "$trafilatura"
  stage_result snippets $?
else
  echo "== snippets: skipped, no $trafilatura"
fi

langid=../shared/data/langid-dev.tsv
if [ -f "$langid" ]; then
  echo "== langid"
  build/winnow-bench-langid --check "$langid"
  stage_result langid $?
else
  echo "== langid: skipped, no $langid"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
