#!/usr/bin/env bash
# Install the Python binding into a fresh venv, as a user would
# (`pip install ./python`), and run its tests with Debian's pytest.
# Needs build/libwinnow.so (scripts/setup.sh) or an installed winnow.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Debian's interpreter: python3-pytest and python3-venv belong to it (a
# python3 earlier on PATH may be another build without them).
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" -m venv --system-site-packages "$work/v"
# --no-index: the binding's build backend needs nothing from a package index.
"$work/v/bin/pip" install -q --no-index "$root/python"
"$work/v/bin/python" -c 'import winnow, sys; print("winnow", winnow.__version__, "from", winnow.__file__)'
# From outside the source tree, so the installed package is what is tested.
cd "$work"
"$work/v/bin/python" -m pytest -q -p no:cacheprovider "$root/python/tests"
