#!/usr/bin/env bash
# Install what winnow needs to build and test (Debian/Ubuntu), then build
# Release into build/. Safe to run again: it installs only what is missing.
#
#   scripts/setup.sh [--deps-only] [EXTRA_PACKAGE...]
#
# --deps-only installs without building; extra packages are installed too
# (scripts/fuzz.sh asks for clang and libFuzzer this way).
set -euo pipefail

deps_only=0
if [ "${1:-}" = --deps-only ]; then
  deps_only=1
  shift
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
packages=(build-essential cmake pkg-config libgumbo-dev libutf8proc-dev python3-langdetect
          libcmocka-dev zlib1g-dev libjansson-dev libuchardet-dev python3 valgrind
          python3-venv python3-pytest parallel wget time "$@")

missing=()
for p in "${packages[@]}"; do
  # dpkg -s also succeeds for removed-but-configured packages; check the state.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing[@]}"
fi

[ $deps_only -eq 1 ] && exit 0

cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$root/build" -j"$(nproc)"
