#!/usr/bin/env python3
"""Property test over synthesized pages: planted chrome is not printed, each
article paragraph is printed exactly once, hard negatives are kept, and the
seed-site pages print exactly the seed's expected text.

usage: tests/synth/property_test.py WINNOW [--update]

Pages: seed "ctest-1", 360 pages from the sample texts in tests/synth/texts
only, so that the result does not depend on ../shared. The failures winnow
has today are listed in tests/synth/expected-failures.txt, one "PAGE CHECK"
line each. The test fails when a listed failure no longer happens (remove its
line) and when a failure not listed happens. --update rewrites the list
from this run, for a change that is meant to move it; review its diff.
"""

import hashlib
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402
import synth  # noqa: E402

SEED, PAGES = "ctest-1", 360
LIST = os.path.join(HERE, "expected-failures.txt")
SEED_PAGES = ["seed-site-semantic", "seed-site-hashed", "seed-site-flat", "seed-site-flat-en",
              "seed-site-lines", "seed-site-lines-en", "seed-site-articles",
              "seed-site-print-list", "seed-site-inline", "seed-site-inline-nolang",
              "seed-site-table"]


def read_list():
    with open(LIST, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def write_list(lines):
    with open(LIST, "w", encoding="utf-8") as f:
        f.write("# Failures of tests/synth/property_test.py that winnow has today, one\n"
                "# 'PAGE CHECK' per line (page = index of the synthesized page, seed "
                f"{SEED}).\n# A fixed failure must be removed here; a new one fails the test.\n")
        for line in sorted(lines):
            f.write(line + "\n")


def digest(directory, count):
    h = hashlib.sha256()
    for i in range(count):
        for name in ("page.html", "expected.txt", "plan.json"):
            with open(os.path.join(directory, f"{i:04d}", name), "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def seed_site_failures(binary):
    with open(os.path.join(HERE, "seed-site-expected.txt"), encoding="utf-8") as f:
        expected = f.read()
    out = set()
    for name in SEED_PAGES:
        output, problem = score.run_winnow(binary, os.path.join(HERE, name + ".html"))
        if problem or output != expected:
            out.add(f"{name} not-exact")
    return out


def main(argv):
    if not argv or not os.access(argv[0], os.X_OK):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, update = argv[0], "--update" in argv[1:]
    docs = synth.load_docs(None, sample_only=True)
    tmp = tempfile.mkdtemp(prefix="winnow-synth-test-")
    try:
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        synth.write_pages(a, SEED, PAGES, docs)
        synth.write_pages(b, SEED, 20, docs)
        if digest(a, 20) != digest(b, 20):
            print("synth: the same seed gave different pages", file=sys.stderr)
            return 1
        results = score.score_dir(binary, a, jobs=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    planted = sum(len(r["planted"]) for _, _, r, _ in results)
    if len(results) != PAGES or planted < PAGES * 5:
        print(f"synth: {len(results)} pages with {planted} chrome strings: too few to test",
              file=sys.stderr)
        return 1
    actual = set()
    for pid, _plan, res, problem in results:
        actual |= score.failures(pid, res)
        if problem:
            actual.add(f"{pid} winnow-{problem.replace(' ', '-')}")
    actual |= seed_site_failures(binary)
    if update:
        write_list(actual)
        print(f"wrote {len(actual)} failures to {LIST}")
        return 0
    listed = read_list()
    fixed, new = sorted(listed - actual), sorted(actual - listed)
    leaks = sum(len(r["leaks"]) for _, _, r, _ in results)
    print(f"synth: {PAGES} pages, {planted} planted chrome strings, {leaks} printed; "
          f"{len(actual)} failures, {len(listed)} listed")
    for line in fixed:
        print(f"FIXED (remove this line from tests/synth/expected-failures.txt): {line}")
    for line in new:
        print(f"NEW FAILURE: {line}")
        pid = line.split()[0]
        for rid, plan, res, _ in results:
            if rid == pid:
                kind = line.split()[1].split(":", 1)[-1]
                shown = [c["text"] for c in res["leaks"] if c["kind"] == kind][:3]
                shown += res["missing"][:2] + res["twice"][:2]
                print(f"    {plan['template']} {plan['lang']}/{plan['ui_lang']}: "
                      + " | ".join(s[:80] for s in shown))
    return 1 if fixed or new else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
