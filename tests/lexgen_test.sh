#!/usr/bin/env bash
# lexgen refuses lexicon rows that would make the compiled tables ambiguous or
# unaccounted for, naming the file and line; a well-formed file compiles.
#
#   lexgen_test.sh LEXGEN
set -u
lexgen=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0

# expect_ok NAME FILE...: lexgen compiles the files.
expect_ok() {
  local name=$1
  shift
  if ! "$lexgen" "$dir/out.c" "$@" 2>"$dir/err"; then
    echo "FAIL $name: lexgen refused a good file: $(cat "$dir/err")"
    failures=$((failures + 1))
  fi
}

# expect_error NAME "PATTERN|PATTERN..." FILE...: lexgen fails, and its
# message holds every PATTERN.
expect_error() {
  local name=$1 patterns=$2 pattern
  shift 2
  if "$lexgen" "$dir/out.c" "$@" 2>"$dir/err"; then
    echo "FAIL $name: lexgen accepted a bad file"
    failures=$((failures + 1))
    return
  fi
  IFS='|' read -ra list <<<"$patterns"
  for pattern in "${list[@]}"; do
    if ! grep -q -- "$pattern" "$dir/err"; then
      echo "FAIL $name: expected '$pattern' in: $(cat "$dir/err")"
      failures=$((failures + 1))
    fi
  done
}

good="$dir/good.tsv"
printf 'lang\tkind\tphrase\tsource\nen\tline/share\tShare on *\tref:test\nen\tsection/related\tRelated articles\ttune-sites:4\nde\tsection/related\tRelated articles\ttune-sites:3\n' >"$good"
expect_ok good "$good"
grep -q '"related articles"' "$dir/out.c" || { echo "FAIL good: phrase missing from output"; failures=$((failures + 1)); }

# The same phrase (after normalisation) as a line in one file and a section in another.
two="$dir/two-roles.tsv"
printf 'lang\tkind\tphrase\tsource\nen\tline/account\tSIGN UP!\tref:test\n' >"$two"
printf 'lang\tkind\tphrase\tsource\nen\tsection/newsletter\tSign up\tref:test\n' >"$dir/other.tsv"
expect_error two-roles 'phrase "sign up" is|line/account|section/newsletter|two-roles.tsv:2|other.tsv:2' "$dir/other.tsv" "$two"

# One role, two concepts: --explain would name whichever row sorted first.
printf 'lang\tkind\tphrase\tsource\nen\tline/share\tShare\tref:test\nen\tline/forum\tShare\tref:test\n' >"$dir/two-concepts.tsv"
expect_error two-concepts 'phrase "share" is|line/share|line/forum|two-concepts.tsv:2|two-concepts.tsv:3' "$dir/two-concepts.tsv"

# A row that does not say where its phrase is known from, or says it empty.
printf 'lang\tkind\tphrase\tsource\nen\tline/share\tShare on *\tref:test\nen\tsection/related\tYou may also like\n' >"$dir/no-source.tsv"
expect_error no-source 'no-source.tsv:3: row has no source' "$dir/no-source.tsv"
printf 'lang\tkind\tphrase\tsource\nen\tsection/related\tYou may also like\t \n' >"$dir/empty-source.tsv"
expect_error empty-source 'empty-source.tsv:2: row has no source' "$dir/empty-source.tsv"

# The output does not depend on the order of the input files.
expect_ok order-a "$good" "$dir/other.tsv"
cp "$dir/out.c" "$dir/a.c"
expect_ok order-b "$dir/other.tsv" "$good"
cmp -s "$dir/a.c" "$dir/out.c" || { echo "FAIL order: output depends on file order"; failures=$((failures + 1)); }

if [ "$failures" -ne 0 ]; then
  echo "$failures lexgen check(s) failed"
  exit 1
fi
echo "lexgen: all checks passed"
