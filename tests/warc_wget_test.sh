#!/usr/bin/env bash
# The WARC reader on a real crawler's output: five fixture pages served by
# python3's http.server on 127.0.0.1, fetched by wget --warc-file (one gzip
# member per record, with warcinfo, request, response and metadata/resource
# records), then read with `winnow --warc`. Exits 77 (skip) without wget.
#
# usage: bash warc_wget_test.sh /path/to/winnow /path/to/fixtures
set -u

WINNOW=${1:?usage: warc_wget_test.sh WINNOW FIXTURES_DIR}
FIXTURES=${2:?usage: warc_wget_test.sh WINNOW FIXTURES_DIR}

if ! command -v wget >/dev/null 2>&1; then
  echo "SKIP: wget not installed"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: python3 not installed"
  exit 77
fi

TMP=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
  echo "FAIL - $*"
  echo "0 passed, 1 failed"
  exit 1
}

# Five pages with real text: the first fixtures (sorted) whose expected
# output is more than a title.
mkdir -p "$TMP/site"
pages=()
for html in "$FIXTURES"/*.html; do
  txt=${html%.html}.txt
  [ -f "$txt" ] || continue
  [ "$(wc -c <"$txt")" -gt 300 ] || continue
  name=$(basename "$html")
  cp "$html" "$TMP/site/$name"
  pages+=("$name")
  [ ${#pages[@]} -eq 5 ] && break
done
[ ${#pages[@]} -eq 5 ] || fail "fewer than 5 usable fixtures in $FIXTURES"

free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Start the server; a port taken in between is retried with another.
PORT=
for attempt in 1 2 3 4 5; do
  port=$(free_port) || fail "no free port"
  (cd "$TMP/site" && exec python3 -m http.server --bind 127.0.0.1 "$port") \
    >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do
    if python3 -c 'import socket, sys
socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()' "$port" \
      2>/dev/null; then
      PORT=$port
      break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$PORT" ] && break
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=
done
[ -n "$PORT" ] || fail "http.server did not start: $(tail -n 5 "$TMP/server.log")"

urls=()
for name in "${pages[@]}"; do urls+=("http://127.0.0.1:$PORT/$name"); done

# --no-proxy: the pages are on this machine, whatever the environment says.
(cd "$TMP" && wget -q --no-proxy --tries=3 --retry-connrefused --waitretry=1 --timeout=20 --warc-file="$TMP/crawl" \
  -O /dev/null "${urls[@]}")
wget_rc=$?

kill "$SERVER_PID" 2>/dev/null
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=

[ "$wget_rc" -eq 0 ] || fail "wget exited $wget_rc"
[ -s "$TMP/crawl.warc.gz" ] || fail "wget wrote no $TMP/crawl.warc.gz"

"$WINNOW" --warc "$TMP/crawl.warc.gz" >"$TMP/out.jsonl" 2>"$TMP/err"
rc=$?
[ "$rc" -eq 0 ] || fail "winnow --warc exited $rc: $(head -c 500 "$TMP/err")"

python3 - "$TMP/out.jsonl" "${urls[@]}" <<'EOF' || fail "output check"
import json, sys

path, urls = sys.argv[1], sys.argv[2:]
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines()
if len(lines) != 5:
    sys.exit("wanted 5 JSON lines, got %d" % len(lines))
seen = []
for n, line in enumerate(lines, 1):
    rec = json.loads(line)
    for key in ("url", "warc_record_id", "warc_date", "title", "lang", "text"):
        if key not in rec:
            sys.exit("line %d: no %r in %s" % (n, key, line[:300]))
    if not isinstance(rec["text"], str) or not rec["text"].strip():
        sys.exit("line %d: empty text (%s)" % (n, rec["url"]))
    if not rec["warc_record_id"].startswith("<urn:"):
        sys.exit("line %d: odd warc_record_id %r" % (n, rec["warc_record_id"]))
    seen.append(rec["url"])
if sorted(seen) != sorted(urls):
    sys.exit("urls %s, wanted %s" % (seen, urls))
EOF

echo "ok   - wget crawl of 5 pages -> 5 JSON lines with url, warc_record_id, date, title, lang, text"
echo "1 passed, 0 failed"
