#!/usr/bin/env python3
"""Bylines and datelines of tests/synth/bylines.tsv (24 languages) around the
seed page's article, under meaningless class names: a byline under the
headline, a dateline under it, both in one line or in two, a dateline above
the headline, and a byline with its date after the lead paragraph. Neither
the author's name nor the date may be printed, and the article must be whole.

Expected failures, listed in EXPECTED: the patterns of bylines.tsv are
self-written, and where no catalog or reference table names an opener
(Finnish "Teksti:", Turkish "Yazar:", Turkish "Yayınlanma:", Indonesian
"Diterbitkan"), winnow's lexicon has no row for it. The test fails when one
of them stops failing, too: then remove it.

usage: tests/synth/bylines_test.py WINNOW
"""

import csv
import html
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_report import report  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = os.path.join(os.path.dirname(os.path.dirname(HERE)), "fixtures", "seed-site-text-cards.txt")
NAME = "Anna Berg"
EXPECTED = {"fi by-line", "fi by-pub-two", "tr by-line", "tr by-pub-two", "tr above-h1", "id above-h1"}


def patterns():
    with open(os.path.join(HERE, "bylines.tsv"), encoding="utf-8") as f:
        return list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))


def date_of(fmt):
    for key, value in (("{dd}", "11"), ("{mm}", "12"), ("{y}", "2025"), ("{H}", "14"),
                       ("{M}", "05"), ("{d}", "11"), ("{m}", "12")):
        fmt = fmt.replace(key, value)
    return fmt


def shapes(title, paragraphs, by, published, date):
    e = html.escape
    h1 = "<h1>%s</h1>" % e(title)
    body = "".join('<div class="p">%s</div>' % e(p) for p in paragraphs)
    rest = "".join('<div class="p">%s</div>' % e(p) for p in paragraphs[1:])
    return {
        "by-line": h1 + '<div class="b">%s</div>' % e(by) + body,
        "pub-line": h1 + '<div class="b">%s</div>' % e(published) + body,
        "by+pub": h1 + '<div class="b"><span>%s</span> <span>%s</span></div>' % (e(by), e(published)) + body,
        "by-pub-two": h1 + '<div class="b">%s</div><div class="c">%s</div>' % (e(by), e(published)) + body,
        "above-h1": '<div class="b">%s</div>' % e(published) + h1 + body,
        "after-lead": h1 + '<div class="p">%s</div><div class="b">%s \u00b7 %s</div>'
                      % (e(paragraphs[0]), e(by), e(date)) + rest,
    }


def main():
    winnow = sys.argv[1]
    with open(ARTICLE, encoding="utf-8") as f:
        title, *paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
    failures, tried = [], 0
    for row in patterns():
        date = date_of(row["date_format"])
        by, published = row["by"].replace("{name}", NAME), row["published"].replace("{date}", date)
        for shape, body in shapes(title, paragraphs, by, published, date).items():
            page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head>'
                    '<body><div class="m">%s</div></body></html>' % (html.escape(title), body))
            out = subprocess.run([winnow], input=page.encode(), capture_output=True,
                                 check=True).stdout.decode()
            tried += 1
            bad = [why for why, hit in (("name printed", NAME in out),
                                        ("date printed", date in out),
                                        ("article lost", any(p not in out for p in paragraphs))) if hit]
            if bad:
                failures.append(("%s %s" % (row["lang"], shape), ", ".join(bad)))
    return report("bylines", tried, failures, EXPECTED)


if __name__ == "__main__":
    sys.exit(main())
