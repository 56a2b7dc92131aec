#!/usr/bin/env bash
# --jsonl as a long-lived helper process: write one record, read its line
# back within a second, then the next; bad lines are answered too, and the
# run ends with a message and exit 1 when any record failed.
#
#   jsonl_coprocess_test.sh WINNOW
set -uo pipefail
winnow=$1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

sentence='The harbour master counted the boats at dawn and wrote their names in the ledger, as his father had done before him. '
page="<html><body><article><h1>Harbour</h1><p>$sentence$sentence$sentence</p><p>$sentence$sentence</p></article></body></html>"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
coproc W { "$winnow" --jsonl 2>"$err"; }
# Bash clears W_PID once the coprocess has ended; keep it now.
pid=$W_PID
for i in 1 2 3; do
  printf '{"id": %d, "html": "%s"}\n' "$i" "$page" >&"${W[1]}"
  if read -t 2 -r line <&"${W[0]}"; then
    case $line in
      *"\"id\":$i"*"harbour master counted"*) ;;
      *) fail "record $i: unexpected line: ${line:0:120}" ;;
    esac
  else
    fail "record $i: no line back within 2 s"
  fi
done
# A record of 200,000 empty arrays is refused unparsed (parsed, such a line
# takes 50 times its size).
python3 -c 'print("{\"id\": 9, \"html\": \"x\", \"junk\": [" + ",".join(["[]"] * 200000) + "]}")' >&"${W[1]}"
read -t 5 -r line <&"${W[0]}" || fail "many arrays: no line within 5 s"
case ${line:-} in *'arrays and objects'*) ;; *) fail "many arrays: ${line:0:120}" ;; esac
echo 'not json' >&"${W[1]}"
read -t 2 -r line <&"${W[0]}" || fail "bad line: no error record within 2 s"
case ${line:-} in *'"error"'*) ;; *) fail "bad line: no error field: ${line:-}" ;; esac
exec {W[1]}>&-
wait "$pid"
rc=$?
[ "$rc" -eq 1 ] || fail "exit $rc after a failed record, expected 1"
grep -q "2 of 5 records failed" "$err" || fail "no summary on stderr: $(cat "$err")"
echo "jsonl coprocess: $failures failure(s)"
[ "$failures" -eq 0 ]
