#!/usr/bin/env python3
"""The fixed split of every dev set into a tune half and a check half, by site.

usage: bench/split.py DATASET_DIR [--half=tune|--half=check]

Pages are split by the site they come from, never page by page, so that a
rule fitted to a site's template cannot be confirmed on another page of the
same site. Develop on the tune half; read the check half only in aggregate
(bench/quality prints both).

The site of a page is, in order: the record's `site` field (daniel-dev), the
host of its `url` (lower case, without a leading "www."), and for records
without either (dragnet) the record id, since each of those pages stands
alone. The half is the lowest bit of the first byte of SHA-256 of that key:
fixed here, independent of Python's hash seed and of the order of files.

Printed without --half: one line per page, "ID<TAB>HALF<TAB>SITE".
"""

import hashlib
import json
import os
import sys
from urllib.parse import urlsplit

TUNE = "tune"
CHECK = "check"


def site_of(meta, page_id):
    """The site key of one record (its JSON object) with the given id."""
    site = meta.get("site")
    if site:
        return normalise_host(str(site))
    url = meta.get("url")
    if url:
        host = urlsplit(str(url)).hostname
        if host:
            return normalise_host(host)
    return "id:" + page_id


def normalise_host(host):
    host = host.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def half_of_site(site):
    digest = hashlib.sha256(site.encode("utf-8")).digest()
    return CHECK if digest[0] & 1 else TUNE


def half_of(meta, page_id):
    return half_of_site(site_of(meta, page_id))


def dataset_halves(directory):
    """Yields (id, half, site) for every ID.json of a dataset directory."""
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        pid = name[: -len(".json")]
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            meta = json.load(f)
        site = site_of(meta, pid)
        yield pid, half_of_site(site), site


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    opts = [a for a in argv if a.startswith("--")]
    want = None
    for o in opts:
        if o.startswith("--half="):
            want = o.split("=", 1)[1]
        elif o == "--half":
            print("usage: --half=tune or --half=check", file=sys.stderr)
            return 2
        else:
            print(f"unknown option {o}", file=sys.stderr)
            return 2
    if len(args) != 1 or not os.path.isdir(args[0]) or want not in (None, TUNE, CHECK):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for pid, half, site in dataset_halves(args[0]):
        if want is None:
            print(f"{pid}\t{half}\t{site}")
        elif half == want:
            print(pid)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
