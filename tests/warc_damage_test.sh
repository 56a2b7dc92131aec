#!/usr/bin/env bash
# A .warc.gz is a series of gzip members, one per record, so that damage
# stays local: a damaged member, a broken member header or garbage between
# members must cost only the records inside them. Every intact record is
# extracted, the damage is reported with its offset, and the exit status
# says so.
#
#   warc_damage_test.sh WINNOW
set -uo pipefail
winnow=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# make NAME DAMAGE: six response records, one gzip member each; DAMAGE is
# applied to the third member (flip: a byte inside its deflate data; magic:
# its first byte; garbage: 500 bytes inserted before it; none).
make() {
  python3 - "$work/$1.warc.gz" "$2" <<'PY'
import gzip, sys
path, damage = sys.argv[1], sys.argv[2]
members = []
for i in range(6):
    body = ("<html><head><title>Page %d</title></head><body><article><h1>Page %d</h1><p>"
            % (i, i) + ("Record number %d tells of the harbour and its boats at dawn. " % i) * 20
            + "</p></article></body></html>").encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/%d\r\n"
            "WARC-Record-ID: <urn:uuid:%d>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (i, i, len(http))).encode()
    members.append(bytearray(gzip.compress(head + http + b"\r\n\r\n", mtime=0)))
if damage == "flip":
    members[2][len(members[2]) // 2] ^= 0x55
elif damage == "magic":
    members[2][0] = 0x00
elif damage == "garbage":
    members[2] = bytearray(b"\x42" * 500) + members[2]
open(path, "wb").write(b"".join(members))
PY
}

check() { # NAME WANT_PAGES WANT_EXIT MESSAGE
  "$winnow" --warc "$work/$1.warc.gz" >"$work/$1.out" 2>"$work/$1.err"
  local rc=$? pages
  pages=$(grep -c '"url"' "$work/$1.out")
  echo "$1: $pages pages, exit $rc: $(head -c 200 "$work/$1.err" | tr '\n' ' ')"
  [ "$pages" -eq "$2" ] || fail "$1: $pages pages, expected $2"
  [ "$rc" -eq "$3" ] || fail "$1: exit $rc, expected $3"
  [ -z "$4" ] || grep -q -- "$4" "$work/$1.err" || fail "$1: no message '$4'"
}

make intact none
check intact 6 0 ""
make flip flip
check flip 5 1 "damaged gzip member"
make magic magic
check magic 5 1 "no gzip member"
make garbage garbage
check garbage 6 1 "no gzip member, skipped"
# From standard input too.
"$winnow" --warc - <"$work/flip.warc.gz" >"$work/stdin.out" 2>/dev/null
[ "$(grep -c '"url"' "$work/stdin.out")" -eq 5 ] || fail "--warc - read $(grep -c '"url"' "$work/stdin.out") pages, expected 5"

# Bounded work and memory: a header of 250,000 folded lines (joined anew
# for each line, it took minutes), and a body sent with Content-Encoding:
# gzip that inflates to 240 MB (bounded by --max-bytes like any page).
python3 - "$work" <<'PY'
import gzip, sys
work = sys.argv[1]
lines = "".join(" x\r\n" for _ in range(250000))
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + b"hello world " * 50 + b"</p>"
head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://e.org/\r\n" + lines
        + "Content-Length: %d\r\n\r\n" % len(http)).encode()
open(work + "/fold.warc", "wb").write(head + http + b"\r\n\r\n")
bomb = gzip.compress(b"<p>" + b"a" * (240 * 1024 * 1024) + b"</p>")
http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb)
head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://e.org/b\r\n"
        "Content-Length: %d\r\n\r\n" % len(http)).encode()
open(work + "/bomb.warc.gz", "wb").write(gzip.compress(head + http + b"\r\n\r\n"))
PY
timeout 10 "$winnow" --warc "$work/fold.warc" >"$work/fold.out" 2>&1 || fail "fold: exit $? (10 s bound)"
grep -q "hello world" "$work/fold.out" || fail "fold: the page was not extracted"
/usr/bin/time -f "%M" -o "$work/bomb.kb" timeout 10 "$winnow" --warc --max-bytes=8M \
  "$work/bomb.warc.gz" >/dev/null 2>"$work/bomb.err"
[ "$(tail -1 "$work/bomb.kb")" -lt 65536 ] || fail "bomb: peak RSS $(tail -1 "$work/bomb.kb") KB"
grep -q -- "--max-bytes" "$work/bomb.err" || fail "bomb: no message naming --max-bytes"

# A response whose HTTP head runs past 64 KiB, and one whose body is binary
# data, are reported, not skipped in silence; the next record is extracted.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def record(uri, http):
    return (("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Length: %d\r\n\r\n"
             % (uri, len(http))).encode() + http + b"\r\n\r\n")
page = b"<html><body><article><p>" + b"The ferry left the harbour at dawn with forty passengers aboard. " * 10 + b"</p></article></body></html>"
long_head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Filler: " + b"a" * 70000 + b"\r\n\r\n" + page
binary = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + bytes(range(256)) * 64
good = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
open(work + "/odd.warc", "wb").write(record("https://e.org/long", long_head) + record("https://e.org/bin", binary) + record("https://e.org/good", good))
PY
"$winnow" --warc "$work/odd.warc" >"$work/odd.out" 2>"$work/odd.err"
grep -q "longer than 64 KiB" "$work/odd.err" || fail "long HTTP head: no message"
grep -q "binary data" "$work/odd.err" || fail "binary body: no message"
grep -q "ferry left the harbour" "$work/odd.out" || fail "the good record after them was not extracted"

echo "warc damage: $failures failure(s)"
[ "$failures" -eq 0 ]
