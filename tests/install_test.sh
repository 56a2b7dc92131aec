#!/usr/bin/env bash
# `cmake --install` puts the binary, shared library, header, pkg-config file
# and manual page in place, and a C program builds against the installed
# library through pkg-config and runs.
# usage: install_test.sh BUILD_DIR FIXTURES_DIR
set -u
BUILD=${1:?usage: install_test.sh BUILD_DIR FIXTURES_DIR}
FIXTURES=${2:?usage: install_test.sh BUILD_DIR FIXTURES_DIR}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok   - $1"; else fail=$((fail + 1)); echo "FAIL - $1"; fi; }

cmake --install "$BUILD" --prefix "$TMP/prefix" >/dev/null
P=$TMP/prefix
libdir=$(find "$P" -name 'libwinnow.so' -printf '%h\n' | head -1)
check "the binary is installed" "[ -x '$P/bin/winnow' ]"
check "the shared library is installed" "[ -n '$libdir' ] && [ -e '$libdir/libwinnow.so' ]"
check "the header is installed" "[ -f '$P/include/winnow.h' ]"
check "the pkg-config file is installed" "[ -f '$libdir/pkgconfig/winnow.pc' ]"
check "the manual page is installed" "[ -f '$P/share/man/man1/winnow.1' ]"

for opt in $("$P/bin/winnow" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
  man_opt=${opt//-/\\\\-}
  if ! grep -q -- "$man_opt" "$P/share/man/man1/winnow.1"; then
    check "the manual page documents $opt" false
  fi
done
check "the manual page follows --help" "true"

cat > "$TMP/use.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <winnow.h>
int main(void) {
  const char *html = "<html><body><article><h1>Hello</h1><p>Installed libraries are "
                     "found through pkg-config, and this paragraph is long enough to "
                     "count as the main text of the page.</p></article></body></html>";
  winnow_result res;
  if (winnow_extract(html, strlen(html), NULL, &res) != WINNOW_OK) return 1;
  fputs(res.text, stdout);
  winnow_result_free(&res);
  return 0;
}
C
export PKG_CONFIG_PATH="$libdir/pkgconfig"
flags=$(pkg-config --cflags --libs winnow 2>"$TMP/pcerr")
check "pkg-config knows winnow" "[ -n \"$flags\" ]"
cc "$TMP/use.c" -o "$TMP/use" $flags 2>"$TMP/ccerr"
check "a C program builds against the installed library" "[ -x '$TMP/use' ]"
LD_LIBRARY_PATH="$libdir" "$TMP/use" > "$TMP/out" 2>/dev/null
check "and runs" "grep -q 'Installed libraries are found' '$TMP/out'"
check "it links the shared library" "ldd '$TMP/use' | grep -q libwinnow.so"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
