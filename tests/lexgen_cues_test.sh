#!/usr/bin/env bash
# lexgen --cues refuses a class/id cue file that the segmenter could misread:
# a row without a source, a kind the code does not know, a name filed twice.
# A well-formed file compiles, in file order, to its WN_EL_ flags.
#
# usage: bash lexgen_cues_test.sh /path/to/lexgen
set -u

LEXGEN=${1:?usage: lexgen_cues_test.sh LEXGEN}

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

# compile NAME < FILE: writes $TMP/NAME.tsv from stdin and runs lexgen --cues on it.
compile() {
  cat >"$TMP/$1.tsv"
  rm -f "$TMP/$1.c"
  "$LEXGEN" --cues "$TMP/$1.c" "$TMP/$1.tsv" >"$TMP/out" 2>"$TMP/err"
  rc=$?
}

# refused WHAT MESSAGE: lexgen failed, wrote no table, and said MESSAGE.
refused() {
  if [ "$rc" -ne 0 ] && [ ! -e "$TMP/$2.c" ] && grep -q -- "$3" "$TMP/err"; then
    ok "$1"
  else
    not_ok "$1" "exit $rc" "stderr: $(cat "$TMP/err")"
  fi
}

compile good < <(printf '# cues\nname\tkind\tsource\n=ad\tnegative\tsome extractor\nsidebar\taside\tanother\n')
if [ "$rc" -eq 0 ] && grep -q '{"=ad", WN_EL_NEGATIVE_NAME},' "$TMP/good.c" &&
   grep -q '{"sidebar", WN_EL_ASIDE},' "$TMP/good.c" &&
   [ "$(grep -n '"=ad"' "$TMP/good.c" | cut -d: -f1)" -lt "$(grep -n '"sidebar"' "$TMP/good.c" | cut -d: -f1)" ] &&
   grep -q 'wn_name_cues_count = 2;' "$TMP/good.c"; then
  ok "a well-formed cue file compiles in file order"
else
  not_ok "a well-formed cue file compiles in file order" "exit $rc" "stderr: $(cat "$TMP/err")"
fi

compile kind < <(printf 'name\tkind\tsource\nsidebar\tsidebox\tan extractor\n')
refused "an unknown kind is refused" kind "kind.tsv:2: unknown kind 'sidebox'"

compile twice < <(printf 'name\tkind\tsource\nshare\tnegative\tan extractor\nshare\tpositive\tanother\n')
refused "a name under two kinds is refused" twice "twice.tsv:3: 'share' is already filed under negative at line 2: one kind per name"

compile whole < <(printf 'name\tkind\tsource\n=ad\tnegative\tan extractor\nad\tdialog\tanother\n')
refused "a whole-name form under another kind is refused" whole "whole.tsv:3: 'ad' is already filed under negative"

compile same < <(printf 'name\tkind\tsource\nshare\tnegative\tan extractor\nshare\tnegative\tanother\n')
refused "a name listed twice under one kind is refused" same "same.tsv:3: 'share' is already filed under negative at line 2"

compile empty < <(printf 'name\tkind\tsource\nshare\tnegative\t\n')
refused "a row with an empty source is refused" empty "empty.tsv:2: row has no source"

compile nosource < <(printf 'name\tkind\tsource\nshare\tnegative\n')
refused "a row without a source column is refused" nosource "nosource.tsv:2: expected: name<TAB>kind<TAB>source"

compile upper < <(printf 'name\tkind\tsource\nShareBar\tnegative\tan extractor\n')
refused "a name that could never match (upper case) is refused" upper "upper.tsv:2: name must be"

echo "lexgen --cues: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
