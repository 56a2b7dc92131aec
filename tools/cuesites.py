#!/usr/bin/env python3
"""How many tune-half sites use each class/id name cue.

usage: tools/cuesites.py data/name-cues.tsv DATASET_DIR...

Prints "NAME<TAB>SITES" for every row of the cue file: the number of sites
(bench/split.py's site keys, per dataset) in the tune halves with at least one
element whose class or id the name matches, as the segmenter matches it
(lower case, camelCase split, "=name" a whole class or id). Tags are read with
a regular expression, not a parser: a count, not a verdict.
"""

import gzip
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
import split  # noqa: E402

TAG = re.compile(rb"<[a-zA-Z][^>]*>", re.S)
NAME_ATTR = re.compile(rb"""\s(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def normalise(value):
    """Lower case, with a hyphen where camelCase turns upper ("postShare")."""
    out = []
    for i, c in enumerate(value):
        if c.isupper() and i > 0 and value[i - 1].islower():
            out.append("-")
        out.append(" " if c.isspace() else c.lower())
    return "".join(out)


def element_names(html):
    """The set of " class id " strings of a page's elements."""
    names = set()
    for tag in TAG.finditer(html):
        values = [m.group(1) or m.group(2) or m.group(3) or b"" for m in NAME_ATTR.finditer(tag.group(0))]
        if values:
            names.add(" " + " ".join(normalise(v.decode("utf-8", "replace")) for v in values) + " ")
    return names


def matches(cue, names):
    if cue.startswith("="):
        return " " + cue[1:] + " " in names
    return cue in names


def read_cues(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.split("\t")[0] for line in f]
    return [r for r in rows if r.strip() and not r.startswith("#") and r != "name"]


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cues = read_cues(argv[0])
    sites = {cue: set() for cue in cues}
    for directory in argv[1:]:
        dataset = os.path.basename(directory.rstrip("/"))
        for page_id, half, site in split.dataset_halves(directory):
            path = os.path.join(directory, page_id + ".html.gz")
            if half != split.TUNE or not os.path.exists(path):
                continue
            with gzip.open(path) as f:
                names = element_names(f.read())
            for cue in cues:
                if any(matches(cue, n) for n in names):
                    sites[cue].add((dataset, site))
    for cue in cues:
        print(f"{cue}\t{len(sites[cue])}")


if __name__ == "__main__":
    main(sys.argv[1:])
