#!/usr/bin/env bash
# Record mode is safe to split: `winnow --jsonl` over a whole JSON Lines file
# must give byte for byte the output of GNU parallel running it over chunks
# of 20 records with --keep-order.
#
# The input is ~200 records {"id": <file name>, "n": <record index>,
# "html": <page>} built from the UTF-8 fixture pages (cycled until there are
# 200). Every record is valid: error records carry their line number within
# the chunk, so they would differ between the two runs by design.
#
# usage: bash jsonl_parallel_test.sh /path/to/winnow [FIXTURES_DIR]
# exit:  0 equal, 1 different or failed, 77 skipped (no GNU parallel)
set -u

WINNOW=${1:?usage: jsonl_parallel_test.sh WINNOW [FIXTURES_DIR]}
FIXTURES=${2:-$(cd "$(dirname "$0")/.." && pwd)/fixtures}
RECORDS=200
CHUNK=20

if ! command -v parallel >/dev/null 2>&1; then
  echo "SKIP: GNU parallel not installed"
  exit 77
fi
if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  echo "SKIP: GNU parallel not installed (found another 'parallel')"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: python3 not installed"
  exit 77
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$FIXTURES" "$RECORDS" >"$TMP/in.jsonl" <<'EOF' || { echo "FAIL - could not build the input"; exit 1; }
import glob, json, os, sys

fixtures, want = sys.argv[1], int(sys.argv[2])
pages = []
for path in sorted(glob.glob(os.path.join(fixtures, "*.html"))):
    with open(path, "rb") as f:
        data = f.read()
    try:
        pages.append((os.path.basename(path), data.decode("utf-8")))
    except UnicodeDecodeError:
        continue  # legacy-encoded pages: JSON strings are UTF-8
if not pages:
    sys.exit("no UTF-8 *.html pages in " + fixtures)
out = sys.stdout
for n in range(want):
    name, html = pages[n % len(pages)]
    out.write(json.dumps({"id": name, "n": n, "html": html}, ensure_ascii=False))
    out.write("\n")
EOF

lines=$(wc -l <"$TMP/in.jsonl")
echo "# $lines records from $FIXTURES"

if ! "$WINNOW" --jsonl <"$TMP/in.jsonl" >"$TMP/one.jsonl" 2>"$TMP/one.err"; then
  echo "FAIL - winnow --jsonl exited $?: $(head -c 300 "$TMP/one.err")"
  exit 1
fi
if ! parallel --will-cite --pipe --keep-order -N "$CHUNK" "$WINNOW" --jsonl \
    <"$TMP/in.jsonl" >"$TMP/many.jsonl" 2>"$TMP/many.err"; then
  echo "FAIL - parallel winnow --jsonl failed: $(head -c 300 "$TMP/many.err")"
  exit 1
fi

status=0
one_lines=$(wc -l <"$TMP/one.jsonl")
if [ "$one_lines" -ne "$lines" ]; then
  echo "FAIL - $one_lines output lines for $lines input lines"
  status=1
fi
if grep -q '"error":' "$TMP/one.jsonl"; then
  echo "FAIL - error records: $(grep -m 3 '"error":' "$TMP/one.jsonl" | cut -c 1-200)"
  status=1
fi
if cmp -s "$TMP/one.jsonl" "$TMP/many.jsonl"; then
  echo "ok   - one process and $CHUNK-record chunks in parallel give the same $(wc -c <"$TMP/one.jsonl") bytes"
else
  echo "FAIL - outputs differ: $(cmp "$TMP/one.jsonl" "$TMP/many.jsonl" 2>&1)"
  diff <(cut -c 1-160 "$TMP/one.jsonl") <(cut -c 1-160 "$TMP/many.jsonl") | head -10
  status=1
fi
exit $status
