#!/usr/bin/env bash
# The command-line contract of winnow: exit codes, error messages, and that
# stdin, a file and "-" are the same input. Self-contained: the pages it
# feeds are written here, so fixture churn cannot break it.
#
# usage: bash cli_test.sh /path/to/winnow /path/to/fixtures
set -u

WINNOW=${1:?usage: cli_test.sh WINNOW FIXTURES_DIR}
FIXTURES=${2:?usage: cli_test.sh WINNOW FIXTURES_DIR}

pass=0
fail=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ok() { pass=$((pass + 1)); echo "ok   - $1"; }
not_ok() {
  fail=$((fail + 1))
  echo "FAIL - $1"
  [ $# -gt 1 ] && printf '       %s\n' "${@:2}"
  return 0
}

# run ARGS...: runs winnow, leaving $TMP/out, $TMP/err and $rc.
run() {
  "$WINNOW" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}

expect_rc() { # NAME WANT
  if [ "$rc" -eq "$2" ]; then ok "$1"; else
    not_ok "$1" "exit $rc, wanted $2" "stderr: $(head -c 300 "$TMP/err")"
  fi
}

expect_grep() { # NAME FILE PATTERN (extended regex, case-insensitive)
  if grep -qiE -- "$3" "$2"; then ok "$1"; else
    not_ok "$1" "no match for /$3/ in: $(head -c 300 "$2")"
  fi
}

[ -x "$WINNOW" ] || { echo "not executable: $WINNOW"; echo "0 passed, 1 failed"; exit 1; }
[ -d "$FIXTURES" ] || not_ok "fixtures dir exists" "$FIXTURES"

PAGE=$TMP/page.html
cat >"$PAGE" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Otters Hold Hands While Sleeping</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<article>
<p>Sea otters often hold hands while they sleep so that they do not drift
apart from each other on the water. Researchers observing a colony off the
coast of California counted dozens of such pairs during a single night.</p>
<p>The behaviour, called rafting, helps groups stay together in strong
currents. Mothers also wrap their pups in kelp to keep them anchored while
they dive for food, returning every few minutes to check on them.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
EOF
: >"$TMP/empty.html"

# --- informational options --------------------------------------------------
run --help
expect_rc "--help exits 0" 0
expect_grep "--help shows usage" "$TMP/out" "usage"
expect_grep "--help documents --encoding" "$TMP/out" "--encoding"
run -h
expect_rc "-h exits 0" 0
run --version
expect_rc "--version exits 0" 0
expect_grep "--version prints 'winnow X.Y.Z'" "$TMP/out" "^winnow [0-9]+\.[0-9]+\.[0-9]+$"

# --- the three ways to give one input agree ---------------------------------
"$WINNOW" <"$PAGE" >"$TMP/via_stdin" 2>"$TMP/err"; rc=$?
expect_rc "page on stdin exits 0" 0
"$WINNOW" "$PAGE" >"$TMP/via_file" 2>"$TMP/err"; rc=$?
expect_rc "page as file exits 0" 0
"$WINNOW" - <"$PAGE" >"$TMP/via_dash" 2>"$TMP/err"; rc=$?
expect_rc "page via - exits 0" 0
if cmp -s "$TMP/via_stdin" "$TMP/via_file" && cmp -s "$TMP/via_file" "$TMP/via_dash"; then
  ok "stdin, file and - give identical output"
else
  not_ok "stdin, file and - give identical output"
fi
expect_grep "the article text is printed" "$TMP/via_file" "rafting"

# Several files: each page under a "==> FILE <==" line, a blank line between.
run "$PAGE" "$PAGE"
expect_rc "two files exit 0" 0
{ printf '==> %s <==\n' "$PAGE"; cat "$TMP/via_file"; printf '\n==> %s <==\n' "$PAGE"; cat "$TMP/via_file"; } >"$TMP/twice"
if cmp -s "$TMP/out" "$TMP/twice"; then ok "two files: each under its name"; else
  not_ok "two files: each under its name"
fi

# --- empty input --------------------------------------------------------------
"$WINNOW" </dev/null >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_rc "empty stdin exits 0" 0
if [ ! -s "$TMP/out" ]; then ok "empty stdin gives empty output"; else
  not_ok "empty stdin gives empty output" "got: $(head -c 200 "$TMP/out")"
fi
run "$TMP/empty.html"
expect_rc "empty file exits 0" 0

# --- output options -----------------------------------------------------------
# The title appears only in <title>, so the body cannot bring it back.
expect_grep "the title is printed by default" "$TMP/via_file" "Otters Hold Hands"
run --no-title "$PAGE"
expect_rc "--no-title exits 0" 0
if ! grep -q "Otters Hold Hands" "$TMP/out"; then ok "--no-title omits the title"; else
  not_ok "--no-title omits the title" "got: $(head -c 200 "$TMP/out")"
fi
expect_grep "--no-title still prints the text" "$TMP/out" "rafting"
run --explain "$PAGE"
expect_rc "--explain exits 0" 0
expect_grep "--explain mentions keep or drop" "$TMP/out" "keep|drop"
run --encoding=UTF-8 "$PAGE"
expect_rc "--encoding=UTF-8 exits 0" 0
run --encoding utf-8 "$PAGE"
expect_rc "--encoding utf-8 (separate argument) exits 0" 0

# --- read errors: exit 1, name the input, keep going ------------------------
missing=$TMP/no-such-page.html
run "$missing"
expect_rc "missing file exits 1" 1
expect_grep "stderr names the missing file" "$TMP/err" "no-such-page\.html"
run "$missing" "$PAGE"
expect_rc "missing file among good ones exits 1" 1
{ printf '==> %s <==\n\n==> %s <==\n' "$missing" "$PAGE"; cat "$TMP/via_file"; } >"$TMP/after_missing"
if cmp -s "$TMP/out" "$TMP/after_missing"; then ok "other files still processed after a read error"; else
  not_ok "other files still processed after a read error"
fi
run "$TMP"
expect_rc "directory as input exits 1" 1
expect_grep "stderr names the directory" "$TMP/err" "$(basename "$TMP")"

# --- usage errors: exit 2 and a pointer to --help ---------------------------
run --bogus-option "$PAGE"
expect_rc "unknown long option exits 2" 2
expect_grep "unknown option suggests --help" "$TMP/err" "winnow --help"
run -Z "$PAGE"
expect_rc "unknown short option exits 2" 2
run --encoding
expect_rc "--encoding without a value exits 2" 2
expect_grep "missing argument suggests --help" "$TMP/err" "winnow --help"
run --encoding bogus-enc-xyz "$PAGE"
expect_rc "--encoding with an unknown name exits 2" 2
expect_grep "unknown encoding is named" "$TMP/err" "bogus-enc-xyz"

# --- options that do not apply are errors; messages are safe to print ------
run -q "$PAGE"
expect_rc "-q without -o exits 2" 2
expect_grep "-q without -o is named" "$TMP/err" "needs -o DIR"
run -j 2 "$PAGE"
expect_rc "-j without -o exits 2" 2
run --ext=html --glob='*.html' -o "$TMP/never" "$TMP"
expect_rc "--ext with --glob exits 2" 2
run --warc
expect_rc "--warc without files exits 2" 2
if grep -q "''" "$TMP/err"; then not_ok "no stray quotes in messages"; else ok "no stray quotes in messages"; fi
run -V
expect_grep "-V prints the version" "$TMP/out" "^winnow "
run "$TMP/$(printf 'odd\033]0;x\007name.html')"
if grep -q "$(printf '\033')" "$TMP/err"; then not_ok "file names are shown without control bytes"; else
  ok "file names are shown without control bytes"; fi
gzip -c "$PAGE" >"$TMP/page.html.gz"
run "$TMP/page.html.gz"
if cmp -s "$TMP/out" "$TMP/via_file"; then ok "a gzipped page reads as the page"; else
  not_ok "a gzipped page reads as the page"; fi

# --- language options --------------------------------------------------------
run --help
expect_grep "--help documents --lang" "$TMP/out" "--lang=CODE"
expect_grep "--help documents --keep-foreign" "$TMP/out" "--keep-foreign"
run --lang=xx "$PAGE"
expect_rc "--lang with an unknown code exits 2" 2
expect_grep "unknown language code is named" "$TMP/err" ": xx$"
run --lang
expect_rc "--lang without a value exits 2" 2
FI="$FIXTURES/lang-en-article-fi-chrome.html"
if [ -f "$FI" ]; then
  run "$FI"
  expect_rc "foreign-chrome page exits 0" 0
  if grep -q "Saat päivän tärkeimmät uutiset" "$TMP/out"; then not_ok "Finnish chrome is dropped by default"; else ok "Finnish chrome is dropped by default"; fi
  run --keep-foreign "$FI"
  expect_grep "--keep-foreign keeps it" "$TMP/out" "Saat päivän tärkeimmät uutiset"
  run --explain "$FI"
  expect_grep "--explain names the page language" "$TMP/out" "^# language: en"
  expect_grep "--explain gives the reason foreign-language" "$TMP/out" "foreign-language"
fi

# --- readers' comments --------------------------------------------------------
run --help
expect_grep "--help documents --comments" "$TMP/out" "--comments"
THREAD="$FIXTURES/article-comment-thread.html"
if [ -f "$THREAD" ]; then
  COMMENT="Where did you get the batter frame"
  run "$THREAD"
  if grep -q "$COMMENT" "$TMP/out"; then not_ok "comments are dropped by default"; else
    ok "comments are dropped by default"; fi
  run --comments --format=md "$THREAD"
  expect_rc "--comments exits 0" 0
  article=$(grep -n "without a stone out of place" "$TMP/out" | cut -d: -f1)
  heading=$(grep -n "^## Comments$" "$TMP/out" | cut -d: -f1)
  comment=$(grep -n "$COMMENT" "$TMP/out" | cut -d: -f1)
  if [ -n "$article" ] && [ -n "$heading" ] && [ -n "$comment" ] &&
     [ "$article" -lt "$heading" ] && [ "$heading" -lt "$comment" ]; then
    ok "--comments prints the comments after the article, under a heading"
  else
    not_ok "--comments prints the comments after the article, under a heading" "$(head -c 300 "$TMP/out")"
  fi
  if grep -qE "^Reply$|Leave a Reply|logged in|email address|Twitter" "$TMP/out"; then
    not_ok "--comments still drops the comment form, reply links and share rows"
  else ok "--comments still drops the comment form, reply links and share rows"; fi
  run --comments "$THREAD"
  expect_grep "--comments keeps comments in text too" "$TMP/out" "$COMMENT"
  if grep -q "^## Comments" "$TMP/out"; then not_ok "text output has no Markdown heading"; else
    ok "text output has no Markdown heading"; fi
fi

# --- output errors -----------------------------------------------------------
if [ -w /dev/full ]; then
  "$WINNOW" "$PAGE" >/dev/full 2>"$TMP/err"; rc=$?
  expect_rc "write to a full device exits 1" 1
fi

# Budgets: a bad value is a usage error; a page past one is cleaned with
# a warning naming the option; past the tree's memory it is refused.
run --max-depth=lots "$PAGE"
expect_rc "--max-depth=lots exits 2" 2
expect_grep "--max-depth=lots says why" "$TMP/err" "not a positive number"
DEEP=$TMP/deep.html
{ printf '<html><body><article>'; for _ in $(seq 1 40); do printf '<div>'; done
  sed -n '/<article>/,/<\/article>/p' "$PAGE" | sed '1d;$d'; printf '</article></body></html>'; } >"$DEEP"
run --max-depth=8 "$DEEP"
expect_rc "a page past --max-depth is still cleaned" 0
expect_grep "its text survives" "$TMP/out" "Sea otters often hold hands"
expect_grep "the warning names --max-depth" "$TMP/err" "warning: .*--max-depth"
run --format=json --max-depth=8 "$DEEP"
expect_grep "JSON records carry the warning" "$TMP/out" '"warnings":\["elements nested'
run --max-tree-memory=64K "$PAGE"
expect_rc "a tree past --max-tree-memory exits 1" 1
expect_grep "the error names --max-tree-memory" "$TMP/err" "--max-tree-memory"

# Output that cannot be written is an error, for --help as for pages.
if [ -w /dev/full ]; then
  "$WINNOW" --help >/dev/full 2>"$TMP/err"; rc=$?
  expect_rc "--help to a full disk exits 1" 1
  expect_grep "and says why" "$TMP/err" "write error"
  "$WINNOW" --version >/dev/full 2>/dev/null; rc=$?
  expect_rc "--version to a full disk exits 1" 1
fi

# A file name that is not UTF-8 keeps its "path" in JSON, escaped.
LATIN=$TMP/$(printf 'caf\xe9.html')
cp "$PAGE" "$LATIN"
run --format=json "$LATIN"
expect_rc "a non-UTF-8 file name is read" 0
expect_grep "its JSON path has the byte as \\xE9" "$TMP/out" '"path":"[^"]*caf\\\\xE9\.html"'

# Record streams carry Markdown in "text" with --format=md; --format=json
# does not apply to records that are JSON already.
MDPAGE='<html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1><p>Harbour masters publish the tide tables every spring for the fishing fleet and the ferries.</p><h2>Reading them</h2><ul><li>High water comes twice a day in most ports.</li><li>Spring tides follow the full and new moon.</li></ul></article></body></html>'
printf '{"id":"t1","html":%s}\n' "$(printf '%s' "$MDPAGE" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')" >"$TMP/md.jsonl"
"$WINNOW" --jsonl --format=md <"$TMP/md.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_rc "--jsonl --format=md exits 0" 0
expect_grep "its record's text has a Markdown heading" "$TMP/out" '"text":"[^"]*## Reading them'
expect_grep "and Markdown list items" "$TMP/out" '\\n- High water comes'
"$WINNOW" --jsonl <"$TMP/md.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
if grep -q '## Reading' "$TMP/out"; then not_ok "--jsonl without --format=md stays plain text"; else
  ok "--jsonl without --format=md stays plain text"; fi
"$WINNOW" --jsonl --format=json <"$TMP/md.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_rc "--jsonl --format=json exits 2" 2
expect_grep "and says why" "$TMP/err" "--format=json"
run --warc --format=json "$PAGE"
expect_rc "--warc --format=json exits 2" 2

# Markdown links, emphasis and images; options that only Markdown uses are
# errors elsewhere.
LINKPAGE=$TMP/links.html
cat >"$LINKPAGE" <<'EOF'
<html><head><title>Tides</title></head><body><article><h1>Tides</h1>
<p>Harbour masters publish <a href="tables.html">the tide tables</a> every spring for
the fishing fleet, and <strong>every</strong> ferry keeps them aboard; see
<a href="javascript:alert(1)">this trick</a>. <img src="/chart.png" alt="A tide chart">
Tables list high and low water for every day of the year at each port.</p>
</article></body></html>
EOF
run --format=md --url=https://example.com/port/ "$LINKPAGE"
expect_rc "--format=md --url exits 0" 0
expect_grep "links resolve against --url" "$TMP/out" '\[the tide tables\]\(https://example\.com/port/tables\.html\)'
expect_grep "strong text is marked" "$TMP/out" '\*\*every\*\*'
expect_grep "a javascript: link keeps only its text" "$TMP/out" 'see this trick\.'
if grep -q '!\[' "$TMP/out"; then not_ok "no images without --images"; else ok "no images without --images"; fi
run --format=md --images --url=https://example.com/port/ "$LINKPAGE"
expect_grep "--images writes ![alt](src)" "$TMP/out" '!\[A tide chart\]\(https://example\.com/chart\.png\)'
run --format=md --no-links "$LINKPAGE"
if grep -q '](' "$TMP/out"; then not_ok "--no-links writes no links"; else ok "--no-links writes no links"; fi
run --links "$LINKPAGE"
expect_rc "--links without --format=md exits 2" 2
expect_grep "and names --format=md" "$TMP/err" "needs --format=md"
run --format=json --images "$LINKPAGE"
expect_rc "--images with --format=json exits 2" 2
run --format=md --url=https://example.com/ "$LINKPAGE" "$LINKPAGE"
expect_rc "--url with several files exits 2" 2
printf '{"url":"https://example.com/port/","html":%s}\n' "$(python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$LINKPAGE")" >"$TMP/links.jsonl"
"$WINNOW" --jsonl --format=md <"$TMP/links.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_grep "--jsonl links resolve against the record's url" "$TMP/out" '\[the tide tables\]\(https://example\.com/port/tables\.html\)'

# WARC records: Markdown text with links resolved against WARC-Target-URI.
python3 - "$LINKPAGE" "$TMP/links.warc" <<'EOF'
import sys
html = open(sys.argv[1], 'rb').read()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/port/\r\n"
        "WARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        "Content-Length: %d\r\n\r\n" % len(http)).encode()
open(sys.argv[2], 'wb').write(head + http + b"\r\n\r\n")
EOF
run --warc --format=md "$TMP/links.warc"
expect_rc "--warc --format=md exits 0" 0
expect_grep "--warc links resolve against WARC-Target-URI" "$TMP/out" '\[the tide tables\]\(https://example\.com/port/tables\.html\)'

# Out of memory fails that page with one line, and the next page is still
# cleaned. (ulimit -v cannot be used under AddressSanitizer, which reserves
# terabytes of address space.)
if ! ldd "$WINNOW" 2>/dev/null | grep -q libasan; then
  BIG=$TMP/big.html
  python3 -c 'import sys; sys.stdout.write("<html><body><article>" +
    "<p>word <b>bold</b> <i>it</i> text</p>" * 100000 + "</article></body></html>")' >"$BIG"
  (ulimit -v 60000; "$WINNOW" "$BIG" "$PAGE" >"$TMP/out" 2>"$TMP/err"); rc=$?
  expect_rc "a page that runs out of memory exits 1" 1
  expect_grep "it is named in one line" "$TMP/err" "^winnow: .*big.html: out of memory$"
  if [ "$(wc -l <"$TMP/err")" -eq 1 ]; then ok "and nothing else is said"; else
    not_ok "and nothing else is said" "$(head -c 300 "$TMP/err")"; fi
  expect_grep "the next page is still cleaned" "$TMP/out" "Sea otters often hold hands"
fi

# --timeout: a page past its time limit is named and skipped, the next one
# is cleaned, in single-page, --jsonl and batch modes alike.
SLOW=$TMP/slow.html
# (32 MB of short paragraphs: about 2 s of CPU in a release build, far more
# than the limits below, where the other page takes milliseconds.)
python3 -c 'import sys; sys.stdout.write("<html><body>" +
  "<p>word text, and more of it</p>" * 1000000 + "</body></html>")' >"$SLOW"
run --timeout=abc "$PAGE"
expect_rc "--timeout=abc is a usage error" 2
run --timeout=0 "$PAGE"
expect_rc "--timeout=0 is a usage error" 2
run --timeout=none "$PAGE"
expect_rc "--timeout=none cleans the page" 0
run --timeout=0.5 "$SLOW" "$PAGE"
expect_rc "a page past --timeout exits 1" 1
expect_grep "it is named with the reason" "$TMP/err" "slow.html: took longer than the --timeout limit$"
expect_grep "the next page is still cleaned" "$TMP/out" "Sea otters often hold hands"
python3 -c 'import json, sys
for i, p in enumerate(sys.argv[1:]): print(json.dumps({"id": i, "html": open(p).read()}))' \
  "$SLOW" "$PAGE" >"$TMP/pages.jsonl"
"$WINNOW" --jsonl --timeout=0.5 <"$TMP/pages.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_rc "--jsonl with a page past --timeout exits 1" 1
expect_grep "its record says why" "$TMP/out" '"error":"[^"]*took longer than the --timeout limit'
expect_grep "the next record is still cleaned" "$TMP/out" "Sea otters often hold hands"
mkdir -p "$TMP/crawl"
cp "$SLOW" "$PAGE" "$TMP/crawl/"
run -q -j1 --timeout=0.5 -o "$TMP/clean" "$TMP/crawl"
expect_rc "batch with a page past --timeout exits 1" 1
expect_grep "the page is reported" "$TMP/err" "slow.html.*took longer than the --timeout limit"
if grep -q "Sea otters often hold hands" "$TMP/clean/$(basename "$PAGE" .html).txt" 2>/dev/null; then
  ok "the other page is written"; else not_ok "the other page is written" "$(ls "$TMP/clean")"; fi

# SIGINT stops the page in hand, in every mode, with exit status 130: a
# page that takes many seconds ends within a second of the signal.
interrupt() { # NAME ARGS...: run winnow on stdin $IN, send SIGINT after 0.5 s
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  "$WINNOW" "$@" <"${IN:-/dev/null}" >"$TMP/out" 2>"$TMP/err" &
  local pid=$!
  sleep 0.5
  kill -INT "$pid"
  wait "$pid"; rc=$?
  end=$(date +%s.%N)
  expect_rc "$name: SIGINT exits 130" 130
  if python3 -c "import sys; sys.exit(0 if $end - $start < 2.5 else 1)"; then
    ok "$name: the page in hand stops"; else not_ok "$name: the page in hand stops" \
      "took $(python3 -c "print(round($end - $start, 1))") s"; fi
}
interrupt "single page" --timeout=none "$SLOW"
expect_grep "single page: the page is named" "$TMP/err" "slow.html: interrupted$"
python3 -c 'import json, sys
for i, p in enumerate(sys.argv[1:]): print(json.dumps({"id": i, "html": open(p).read()}))' \
  "$PAGE" "$SLOW" "$PAGE" >"$TMP/pages.jsonl"
IN=$TMP/pages.jsonl interrupt "--jsonl" --jsonl --timeout=none
if [ "$(wc -l <"$TMP/out")" -eq 1 ] && grep -q "Sea otters" "$TMP/out"; then
  ok "--jsonl: the records before it are written, no others"; else
  not_ok "--jsonl: the records before it are written, no others" "$(head -c 300 "$TMP/out")"; fi
rm -rf "$TMP/crawl" "$TMP/clean" && mkdir -p "$TMP/crawl" && cp "$SLOW" "$TMP/crawl/"
interrupt "batch" -q -j1 --timeout=none -o "$TMP/clean" "$TMP/crawl"

# --- bylines and datelines become the record's author and date ----------------
BYLINE=$TMP/byline.html
cat >"$BYLINE" <<'EOF2'
<html lang="sv"><head><meta charset="utf-8"><title>Ny cykelbana längs ån</title></head>
<body><h1>Ny cykelbana längs ån</h1><p>Av Jan de Vries · 2024-08-12 06:23</p>
<p>Arbetet med den nya cykelbanan längs ån är nu inne på sista etappen och banan ska vara klar
till midsommar. Den fyra kilometer långa sträckan kopplar ihop bostadsområdena i norr med centrum.</p>
<p>Kommunen har länge fått klagomål om att cyklister tvingas dela den smala vägen med bilar och
lastbilar. Den nya banan går i stället på en egen bädd mellan vägen och ån.</p></body></html>
EOF2
run --format=json "$BYLINE"
expect_grep "a dated line under the headline gives the date" "$TMP/out" '"date": ?"2024-08-12T06:23"'
if grep -q '"text": \?"[^"]*Jan de Vries' "$TMP/out"; then not_ok "the metadata line is not printed" "$(head -c 300 "$TMP/out")"
else ok "the metadata line is not printed"; fi
expect_grep "a byline's opener in the page's language gives the author" "$TMP/out" '"author": ?"Jan de Vries"'
sed 's|<p>Av Jan de Vries · 2024-08-12 06:23</p>|<p>By Jane Doe \| Reuters</p><p>Published 3 March 2025</p>|' \
  "$BYLINE" >"$TMP/byline-en.html"
run --format=json "$TMP/byline-en.html"
expect_grep "an author line gives the author" "$TMP/out" '"author": ?"Jane Doe"'
expect_grep "a date line gives the date" "$TMP/out" '"date": ?"2025-03-03"'
# A short photo post: its date line is dropped as a lexicon's date line, and
# still dates the record; the caption under it is printed.
cat >"$TMP/photo-post.html" <<'EOF2'
<html><head><title>Velvet and rain</title></head><body><ul><li><a href="/">Home</a></li></ul>
<div class="c1"><h2><a href="/velvet-and-rain">Velvet and rain</a></h2>
<p>Posted July 8th, 2011</p><p>Photos by Eirik in Paris</p></div></body></html>
EOF2
run --format=json "$TMP/photo-post.html"
expect_grep "a short dated post is printed" "$TMP/out" 'Photos by Eirik in Paris'
expect_grep "a dropped date line under a post's title gives the date" "$TMP/out" '"date": ?"2011-07-08"'

# A page rendered by script: the markup is a shell, the article is stated
# in JSON-LD articleBody alone, a paragraph per line.
cat >"$TMP/script-rendered.html" <<'EOF2'
<html><head><title>Storm hits the coast - Daily</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Storm hits the coast","articleBody":"A strong storm hit the coast on Monday night, cutting power to thousands of homes and closing the main road along the shore.\nThe weather service expects the wind to ease by Wednesday, but warned of high waves until the weekend, and asked people to keep away from the harbour walls."}</script>
</head><body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>
EOF2
run "$TMP/script-rendered.html"
expect_grep "a script-rendered page prints its stated articleBody" "$TMP/out" "^A strong storm hit the coast"
expect_grep "the stated body keeps its paragraphs" "$TMP/out" "^The weather service expects"
if grep -q "enable JavaScript" "$TMP/out"; then not_ok "the script shell's notice is not printed" "$(head -c 300 "$TMP/out")"
else ok "the script shell's notice is not printed"; fi

# Plain text without a tag: paragraphs between blank lines stay paragraphs.
printf 'Growing tomatoes\n\nTomatoes need warm soil & plenty of sun through the summer, and grow best\nwhen watered deeply but rarely, so the roots reach down into the cool soil.\n\nStart seeds indoors six weeks before the last frost, then move them outside.\n' >"$TMP/plain.txt"
run "$TMP/plain.txt"
expect_grep "plain text keeps its first paragraph's words" "$TMP/out" "^Tomatoes need warm soil & plenty"
expect_grep "plain text keeps a paragraph per blank-line run" "$TMP/out" "^Start seeds indoors"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
