#!/usr/bin/env bash
# Hostile input, generated here rather than committed: each case must end
# without a crash or a hang, within its time and memory bounds, with
# sensible output or a one-line error.
#
#   hostile_test.sh WINNOW [sanitized]
#
# With "sanitized" (an ASan/UBSan build) the memory bounds are not checked
# (the sanitizer's shadow memory is not winnow's) and time bounds are x10.
set -uo pipefail

winnow=$1
sanitized=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# A paragraph long enough to be content anywhere.
para="The survey team walked the length of the old canal towpath in early spring, counting the \
herons and kingfishers that nest along the water, and found more birds than in any year since \
the records began, which the volunteers put down to the cleaner water upstream."

gen() { # NAME PYTHON-EXPRESSION-PRINTING-BYTES
  PARA="$para" python3 -c "import os, sys; para = os.environ['PARA']; $2" >"$work/$1"
}

# run_case NAME SECONDS MAX_RSS_MB EXPECTED_EXIT ARGS... : runs winnow with
# stdout to $work/NAME.out and stderr to $work/NAME.err.
run_case() {
  local name=$1 seconds=$2 max_mb=$3 want=$4
  shift 4
  [ -n "$sanitized" ] && seconds=$((seconds * 10))
  /usr/bin/time -f "%e %M" -o "$work/$name.time" timeout "$seconds" "$winnow" "$@" \
    >"$work/$name.out" 2>"$work/$name.err"
  local rc=$?
  local secs kb
  read -r secs kb < <(tail -1 "$work/$name.time")
  printf '%-22s exit %d, %6.2f s, peak RSS %5d MB\n' "$name" "$rc" "$secs" $((kb / 1024))
  if [ $rc -eq 124 ]; then fail "$name: still running after ${seconds} s"; return; fi
  if [ $rc -ge 128 ]; then fail "$name: killed by signal $((rc - 128))"; return; fi
  [ $rc -eq "$want" ] || fail "$name: exit $rc, expected $want"
  if [ -z "$sanitized" ] && [ $((kb / 1024)) -gt "$max_mb" ]; then
    fail "$name: peak RSS $((kb / 1024)) MB over $max_mb MB"
  fi
  if grep -q "AddressSanitizer\|runtime error" "$work/$name.err"; then
    fail "$name: sanitizer report"
  fi
}

expect_out() { # NAME TEXT
  grep -qF -- "$2" "$work/$1.out" || fail "$1: output lacks '$2'"
}
expect_err() { # NAME TEXT
  grep -qF -- "$2" "$work/$1.err" || fail "$1: stderr lacks '$2'"
}
one_line_err() { # NAME: exactly one line on stderr
  [ "$(wc -l <"$work/$1.err")" -eq 1 ] || fail "$1: stderr is not one line"
}

# 1,000,000 nested elements: flattened past --max-depth, text kept.
gen nested.html "n = 1000000; sys.stdout.write('<html><body><article><p>' + para + '</p>' + '<div>' * n + '<p>Deep inside: ' + para + '</p>' + '</div>' * n + '</article></body></html>')"
run_case nested 60 400 0 "$work/nested.html"
expect_out nested "Deep inside: The survey team"
expect_err nested "--max-depth"

# 1,000,000 siblings: tags past --max-nodes dropped, text kept.
gen siblings.html "sys.stdout.write('<html><body><article><p>' + para + '</p>' + '<span>w</span>' * 1000000 + '<p>After the siblings: ' + para + '</p></article></body></html>')"
run_case siblings 60 1500 0 "$work/siblings.html"
expect_out siblings "After the siblings: The survey team"
expect_err siblings "--max-nodes"

# End tags that make elements ("</p>" with no open p, "</br>") count
# against --max-nodes like start tags.
gen stray-ends.html "sys.stdout.write('<html><body><article><p>' + para + '</p>' + '</p></br>' * 300000 + '<p>After the stray tags: ' + para + '</p></article></body></html>')"
run_case stray-ends 30 800 0 --max-nodes=1000 "$work/stray-ends.html"
expect_out stray-ends "After the stray tags: The survey team"
expect_err stray-ends "--max-nodes"

# Many distinct attributes on one tag (the parser checks each new one
# against all before it).
gen attributes.html "sys.stdout.write('<html><body><article><div ' + ' '.join('a%d=1' % i for i in range(200000)) + '><p>' + para + '</p></div></article></body></html>')"
run_case attributes 30 400 0 "$work/attributes.html"
expect_out attributes "The survey team"

# Formatting elements left open and rebuilt after every block.
gen formatting.html "sys.stdout.write('<html><body><article><div>' + ''.join('<b id=%d>' % i for i in range(1000)) + '</div>' + ('<p>' + para + '</p>') * 20000 + '</article></body></html>')"
run_case formatting 60 1500 0 "$work/formatting.html"
expect_out formatting "The survey team"

# A 100 MB text node: within 6x the input in memory. The default limit
# refuses it in one line that names the limit.
gen text100.html "w = (para + ' ') * (100000000 // (len(para) + 1) + 1); sys.stdout.write('<html><body><article><p>' + w[:100000000] + '</p></article></body></html>')"
run_case text100-default 30 400 1 "$work/text100.html"
expect_err text100-default "--max-bytes"
one_line_err text100-default
run_case text100 300 600 0 --max-bytes=128M "$work/text100.html"
[ "$(stat -c %s "$work/text100.out")" -gt 99000000 ] || fail "text100: text lost"
rm -f "$work/text100.html" "$work/text100.out"

# A 50 MB attribute value.
gen attr50.html "sys.stdout.write('<html><body><article><div title=\"' + 'x' * 50000000 + '\"><p>' + para + '</p></div></article></body></html>')"
run_case attr50 60 400 0 "$work/attr50.html"
expect_out attr50 "The survey team"
rm -f "$work/attr50.html"

# NUL bytes inside the text of a page: never printed.
gen nul.html "sys.stdout.write('<html><body><article><p>' + para.replace(' the ', ' the\\0') + '</p>' + ('<p>' + para + '</p>') * 10 + '</article></body></html>')"
run_case nul 10 100 0 "$work/nul.html"
expect_out nul "kingfishers"
if tr -d '\000' <"$work/nul.out" | cmp -s - "$work/nul.out"; then :; else fail "nul: NUL in output"; fi

# Invalid UTF-8: the output is valid UTF-8.
gen invalid.html "sys.stdout.buffer.write(b'<html><body><article><p>' + para.encode().replace(b'heron', b'her\\xff\\xc3on') + b'\\xe2\\x82</p><p>' + para.encode() + b'</p></article></body></html>')"
run_case invalid 10 100 0 "$work/invalid.html"
python3 -c "open('$work/invalid.out', 'rb').read().decode('utf-8')" || fail "invalid: output is not UTF-8"
expect_out invalid "kingfishers"

# UTF-16 without a byte-order mark: decoded, not read as NUL-studded bytes.
gen utf16.html "sys.stdout.buffer.write(('<html><body><article><p>Café: ' + para + '</p><p>' + para + '</p></article></body></html>').encode('utf-16-le'))"
run_case utf16 10 100 0 "$work/utf16.html"
expect_out utf16 "Café: The survey team"

# A charset label that lies: meta says Shift_JIS, the bytes are UTF-8.
gen lying.html "sys.stdout.buffer.write(('<html><head><meta charset=\"shift_jis\"></head><body><article><p>Crème brûlée: ' + para + '</p><p>' + para + '</p></article></body></html>').encode())"
run_case lying-charset 10 100 0 "$work/lying.html"
expect_out lying-charset "Crème brûlée: The survey team"

# Random binary: refused in one line.
head -c 1000000 /dev/urandom >"$work/random.bin"
run_case random 10 100 1 "$work/random.bin"
expect_err random "binary data"
one_line_err random

# A truncated .gz: refused in one line alone; in a batch, reported while
# the other pages are written.
mkdir -p "$work/tree"
printf '<html><body><article><p>%s</p><p>%s</p></article></body></html>' "$para" "$para" >"$work/tree/good.html"
gzip -c "$work/tree/good.html" | head -c 60 >"$work/tree/cut.html.gz"
run_case truncated-gz 10 100 1 "$work/tree/cut.html.gz"
one_line_err truncated-gz
run_case truncated-gz-batch 20 200 1 -q -o "$work/clean" "$work/tree"
expect_err truncated-gz-batch "cut.html.gz"
[ -s "$work/clean/good.txt" ] || fail "truncated-gz-batch: good page not written"

# WARC records whose Content-Length lies: too short (the reader finds the
# next record again) and too long (swallows the rest: reported, no crash).
# Damaged records make the exit status 1.
python3 - "$work" "$para" <<'PY'
import sys
work, para = sys.argv[1], sys.argv[2]
def record(uri, body, lie=0):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body)
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, uri[-1] * 8, len(http) + lie)).encode()
    return head + http + b"\r\n\r\n"
page = lambda t: ("<html><body><article><p>%s %s</p><p>%s</p></article></body></html>" % (t, para, para)).encode()
with open(work + "/short.warc", "wb") as f:
    f.write(record("http://a.example/1", page("First"), lie=-200) + record("http://a.example/2", page("Second")))
with open(work + "/long.warc", "wb") as f:
    f.write(record("http://a.example/1", page("First")) + record("http://a.example/2", page("Second"), lie=10**6))
PY
run_case warc-short 10 100 1 --warc "$work/short.warc"
expect_out warc-short "Second The survey team"
expect_err warc-short "offset"
run_case warc-long 10 100 1 --warc "$work/long.warc"
expect_out warc-long "First The survey team"
expect_err warc-long "truncated"

# A 200 MB JSON Lines record: skipped unread past --max-bytes, in bounded
# memory, and the next record still comes out.
python3 - "$work/big.jsonl" "$para" <<'PY'
import json, sys
path, para = sys.argv[1], sys.argv[2]
with open(path, "w") as f:
    f.write('{"id": "big", "html": "<p>')
    chunk = para + " "
    for _ in range(200_000_000 // len(chunk)):
        f.write(chunk)
    f.write('</p>"}\n')
    f.write(json.dumps({"id": "small", "html": "<article><p>Small: %s</p><p>%s</p></article>" % (para, para)}) + "\n")
PY
# A failed record makes the exit status 1 (the stream still goes on).
run_case jsonl-200mb 60 200 1 --jsonl <"$work/big.jsonl"
expect_out jsonl-200mb '"error":"line longer than the --max-bytes limit'
expect_out jsonl-200mb "Small: The survey team"

if [ $failures -gt 0 ]; then
  echo "$failures hostile-input checks failed"
  exit 1
fi
echo "all hostile-input cases passed"
