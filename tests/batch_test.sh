#!/usr/bin/env bash
# Batch mode: a tree with nested folders, a gzipped page, an unreadable file,
# a binary file and a truncated .gz; outputs identical for -j1 and -j4; an
# interrupted batch resumed with --skip-existing equals an uninterrupted one.
# usage: batch_test.sh WINNOW FIXTURES_DIR
set -u
WINNOW=${1:?usage: batch_test.sh WINNOW FIXTURES_DIR}
FIXTURES=${2:?usage: batch_test.sh WINNOW FIXTURES_DIR}
TMP=$(mktemp -d)
trap 'chmod -R u+rwX "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   - $1"; }
not_ok() { fail=$((fail + 1)); echo "FAIL - $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# --- the tree -------------------------------------------------------------------
IN=$TMP/in
mkdir -p "$IN/news/2024/06" "$IN/shop" "$IN/empty-dir"
cp "$FIXTURES"/chrome-*.html "$IN/news/2024/06/"
cp "$FIXTURES"/lang-*.html "$IN/shop/"
cp "$FIXTURES/seed-en-fi-chrome.html" "$IN/top.htm"
gzip -c "$FIXTURES/seed-en-fi-chrome.html" > "$IN/news/zipped.html.gz"
cp "$FIXTURES/seed-en-fi-chrome.html" "$IN/shop/notes.txt"          # not a page name
head -c 20000 /dev/urandom > "$IN/shop/photo.html"                  # binary
printf '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48' > "$IN/news/cut.html.gz"
ln -s "$TMP/nowhere.html" "$IN/news/dangling.html"                   # unreadable
pages=$(find "$IN" -name '*.html' -o -name '*.htm' -o -name '*.html.gz' | wc -l)
bad=3 # photo.html, cut.html.gz, dangling.html

"$WINNOW" -o "$TMP/out1" -j1 "$IN" 2>"$TMP/err1"; rc=$?
check "a batch with failures exits 1" "[ $rc -eq 1 ]"
check "the binary file is reported" "grep -q 'photo.html: binary data' '$TMP/err1'"
check "the truncated .gz is reported" "grep -q 'cut.html.gz: truncated gzip data' '$TMP/err1'"
check "the unreadable file is reported" "grep -q 'dangling.html: ' '$TMP/err1'"
check "nothing but errors on a non-terminal" "[ \$(wc -l < '$TMP/err1') -eq $bad ]"
written=$(find "$TMP/out1" -type f | wc -l)
check "every good page is written ($((pages - bad)))" "[ $written -eq $((pages - bad)) ]"
check "nested paths are kept" "[ -s '$TMP/out1/news/2024/06/chrome-en-onetrust-top.txt' ]"
check "a gzipped page becomes .txt" "[ -s '$TMP/out1/news/zipped.txt' ]"
check ".htm becomes .txt" "[ -s '$TMP/out1/top.txt' ]"
check "other files are left alone" "[ ! -e '$TMP/out1/shop/notes.txt' ] && [ ! -e '$TMP/out1/shop/notes.txt.txt' ]"
check "the gzipped page reads like the plain one" "cmp -s '$TMP/out1/news/zipped.txt' '$TMP/out1/top.txt'"
check "the text is the single-page text" \
  "\"$WINNOW\" '$FIXTURES/seed-en-fi-chrome.html' | cmp -s - '$TMP/out1/top.txt'"
check "no temporary files are left" "[ -z \"\$(find '$TMP/out1' -name '*.tmp-*')\" ]"

"$WINNOW" -o "$TMP/out4" -j4 -q "$IN" 2>/dev/null
check "-j1 and -j4 give the same tree" "diff -r '$TMP/out1' '$TMP/out4' >/dev/null"

# --- formats and selection ----------------------------------------------------------
"$WINNOW" -o "$TMP/json" --format=json --ext=htm "$IN" 2>/dev/null; rc=$?
check "--ext=htm takes only .htm" "[ $rc -eq 0 ] && [ \$(find '$TMP/json' -type f | wc -l) -eq 1 ]"
check "--format=json writes one object with path, title, lang, text" \
  "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"path\"]==\"top.htm\" and d[\"title\"] and d[\"lang\"]==\"en\" and d[\"text\"]' '$TMP/json/top.json'"
"$WINNOW" -o "$TMP/md" --format=md --glob='lang-en-*' "$IN" 2>/dev/null
check "--glob and --format=md" "[ -s '$TMP/md/shop/lang-en-article-fi-chrome.md' ] && [ \$(find '$TMP/md' -type f | wc -l) -eq 2 ]"

# --- interrupted, then resumed -----------------------------------------------------------
BIG=$TMP/big
mkdir -p "$BIG"
for i in $(seq 1 40); do
  mkdir -p "$BIG/d$i"
  cp "$FIXTURES"/*.html "$BIG/d$i/"
done
"$WINNOW" -o "$TMP/full" -j2 -q "$BIG"
"$WINNOW" -o "$TMP/resumed" -j2 -q "$BIG" 2>/dev/null &
pid=$!
sleep 0.5
kill -TERM "$pid" 2>/dev/null
wait "$pid"; rc=$?
partial=$(find "$TMP/resumed" -type f 2>/dev/null | wc -l)
total=$(find "$TMP/full" -type f | wc -l)
check "the interrupted batch stopped early ($partial of $total)" "[ $partial -lt $total ] && [ $rc -ne 0 ]"
check "the interrupted batch left no temporary files" "[ -z \"\$(find '$TMP/resumed' -name '*.tmp-*' 2>/dev/null)\" ]"
"$WINNOW" -o "$TMP/resumed" -j2 -q --skip-existing "$BIG"; rc=$?
check "--skip-existing finishes it" "[ $rc -eq 0 ]"
check "resumed tree equals an uninterrupted one" "diff -r '$TMP/full' '$TMP/resumed' >/dev/null"

# --- a corrupt .gz ---------------------------------------------------------------------------
# zlib's message for it is freed with the stream; the error must not read it.
CZ=$TMP/corrupt
mkdir -p "$CZ"
python3 -c 'import gzip,sys; d=bytearray(gzip.compress(open(sys.argv[1],"rb").read()));
d[20:40]=bytes(b ^ 0x55 for b in d[20:40]); open(sys.argv[2],"wb").write(d)' \
  "$FIXTURES/seed-en-fi-chrome.html" "$CZ/bad.html.gz"
"$WINNOW" -o "$TMP/corrupt-out" "$CZ" 2>"$TMP/errcz"; rc=$?
check "a corrupt .gz fails the batch (1)" "[ $rc -eq 1 ]"
check "a corrupt .gz is reported as such" "grep -q 'bad.html.gz: corrupt gzip data$' '$TMP/errcz'"

# --- outputs that would clash ------------------------------------------------------------------
mkdir -p "$TMP/d1" "$TMP/d2" "$TMP/same"
cp "$FIXTURES/seed-en-fi-chrome.html" "$TMP/d1/index.html"
cp "$FIXTURES/chrome-en-onetrust-top.html" "$TMP/d2/index.html"
"$WINNOW" -o "$TMP/clash" "$TMP/d1" "$TMP/d2" 2>"$TMP/errc"; rc=$?
check "two inputs with the same page name are refused (2)" "[ $rc -eq 2 ]"
check "the refusal names both inputs and the output" \
  "grep -q 'd1/index.html and .*d2/index.html would both be written to .*clash/index.txt' '$TMP/errc'"
check "nothing is written, no directory is made" "[ ! -e '$TMP/clash' ]"
for e in html htm HTML; do cp "$FIXTURES/seed-en-fi-chrome.html" "$TMP/same/x.$e"; done
gzip -c "$FIXTURES/seed-en-fi-chrome.html" > "$TMP/same/x.html.gz"
"$WINNOW" -o "$TMP/clash" --ext=html,htm "$TMP/same" 2>"$TMP/errc"; rc=$?
check "x.html, x.htm, x.HTML and x.html.gz are refused (2)" \
  "[ $rc -eq 2 ] && [ \$(grep -c 'would both be written to .*clash/x.txt' '$TMP/errc') -eq 3 ]"

# --- links, FIFOs, and outputs among the inputs -----------------------------------------------
LN=$TMP/links
mkdir -p "$LN/sub"
cp "$FIXTURES/seed-en-fi-chrome.html" "$LN/page.html"
cp "$FIXTURES/seed-en-fi-chrome.html" "$TMP/outside.html"
ln -s ../page.html "$LN/sub/inside.html"
ln -s "$TMP/outside.html" "$LN/outside.html"
ln -s "$LN" "$LN/loop.html"
mkfifo "$TMP/fifo"
ln -s "$TMP/fifo" "$LN/fifo.html"
timeout -s KILL 20 "$WINNOW" -o "$TMP/lout" "$LN" 2>"$TMP/errl"; rc=$?
check "links: the batch finishes (a FIFO does not block it)" "[ $rc -lt 124 ]"
check "a link inside the tree is followed" "cmp -s '$TMP/lout/sub/inside.txt' '$TMP/lout/page.txt'"
check "a link out of the tree is not followed, with a warning" \
  "[ ! -e '$TMP/lout/outside.txt' ] && grep -q 'outside.html: warning: .*--follow' '$TMP/errl'"
timeout -s KILL 20 "$WINNOW" -o "$TMP/fout" --follow "$LN" 2>"$TMP/errf"; rc=$?
check "--follow: the batch finishes, a link to a FIFO fails it (1)" "[ $rc -eq 1 ]"
check "--follow takes a link out of the tree" "cmp -s '$TMP/fout/outside.txt' '$TMP/fout/page.txt'"
check "--follow still refuses a link to a FIFO and to a directory" \
  "grep -q 'fifo.html: a link to something other than a regular file' '$TMP/errf' &&
   grep -q 'loop.html: a link to something other than a regular file' '$TMP/errf'"
timeout -s KILL 20 "$WINNOW" -o "$TMP/nout" "$TMP/fifo" 2>"$TMP/errn"; rc=$?
check "a FIFO named on the command line fails without blocking (1)" \
  "[ $rc -eq 1 ] && grep -q 'fifo: not a regular file' '$TMP/errn'"
rm -f "$TMP/fifo" "$LN/fifo.html" "$LN/loop.html"
"$WINNOW" -o "$LN/out" --glob='*' "$LN" 2>"$TMP/erro"; rc=$?
check "an output directory inside the input is refused (2)" \
  "[ $rc -eq 2 ] && [ ! -e '$LN/out' ] && grep -q 'inside the input' '$TMP/erro'"
cp "$FIXTURES/seed-en-fi-chrome.html" "$LN/sub/notes.txt"
cp "$LN/sub/notes.txt" "$TMP/notes.keep"
"$WINNOW" -o "$LN/sub" --ext=txt "$LN/sub/notes.txt" 2>"$TMP/erro"; rc=$?
check "an output over its own source is refused (2)" \
  "[ $rc -eq 2 ] && cmp -s '$LN/sub/notes.txt' '$TMP/notes.keep' && grep -q 'overwrite this source' '$TMP/erro'"

# --- a file name that is not UTF-8 ---------------------------------------------------------------
mkdir -p "$TMP/latin"
cp "$FIXTURES/seed-en-fi-chrome.html" "$TMP/latin/$(printf 'caf\xe9.html')"
"$WINNOW" -o "$TMP/latin-out" --format=json "$TMP/latin" 2>/dev/null; rc=$?
check "--format=json keeps the path of a non-UTF-8 name, escaped" \
  "[ $rc -eq 0 ] && grep -q '\"path\":\"caf\\\\\\\\xE9.html\"' \"$TMP/latin-out/\$(printf 'caf\\xe9.json')\""

# --- usage errors --------------------------------------------------------------------------
"$WINNOW" -o "$TMP/x" "$TMP/does-not-exist" 2>/dev/null; rc=$?
check "a missing input is a usage error (2)" "[ $rc -eq 2 ]"
"$WINNOW" -o "$TMP/x" 2>/dev/null; rc=$?
check "-o without inputs is a usage error (2)" "[ $rc -eq 2 ]"
"$WINNOW" -o "$TMP/x" -j0 "$IN" 2>/dev/null; rc=$?
check "-j0 is a usage error (2)" "[ $rc -eq 2 ]"
"$WINNOW" --format=pdf "$FIXTURES/seed-en-fi-chrome.html" 2>/dev/null; rc=$?
check "an unknown format is a usage error (2)" "[ $rc -eq 2 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
