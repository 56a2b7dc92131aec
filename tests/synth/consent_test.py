#!/usr/bin/env python3
"""Consent banners in every language of tests/synth/phrases.tsv, under
meaningless class names: a banner title, the banner's sentence and its
buttons beside a short article. Each language is tried with its buttons as
<button>s, as links with spaces between them, and as links run together in
one line; the banner after the article, at the top of the page, and inside
the article's own box. The banner's sentence must not be printed, and the
article must.

usage: tests/synth/consent_test.py WINNOW

The phrases are consent managers' own translations (the fourth column names
each row's origin); the article is the seed page's, from fixtures/.
"""

import csv
import html
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_report import report  # noqa: E402
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ARTICLE = os.path.join(ROOT, "fixtures", "seed-site-text-cards.txt")
BUTTONS = ("cookie_accept", "cookie_reject", "cookie_prefs")
MARKUPS = ("button", "links", "glued-links")


def phrases():
    rows = defaultdict(lambda: defaultdict(list))
    with open(os.path.join(HERE, "phrases.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows[r["lang"]][r["role"]].append(r["phrase"])
    return rows


def banner(kinds, markup, rnd):
    parts = []
    if kinds.get("cookie_title"):
        parts.append('<div class="q1">%s</div>' % html.escape(rnd.choice(kinds["cookie_title"])))
    sentence = rnd.choice(kinds["cookie_text"])
    parts.append('<p class="q2">%s</p>' % html.escape(sentence))
    labels = [rnd.choice(kinds[k]) for k in BUTTONS if kinds.get(k)]
    if markup == "button":
        items = ['<button class="q3">%s</button>' % html.escape(x) for x in labels]
    else:
        items = ['<a href="#" class="q3">%s</a>' % html.escape(x) for x in labels]
    joint = "" if markup == "glued-links" else " "
    parts.append('<div class="q4">%s</div>' % joint.join(items))
    return sentence, '<div class="q5">%s</div>' % "".join(parts)


PLACES = ("after", "top", "inside")


def page(title, paragraphs, box, place):
    body = "".join("<p>%s</p>" % html.escape(p) for p in paragraphs)
    article = "<h1>%s</h1>%s" % (html.escape(title), body)
    if place == "after":
        inner = '<div class="w1">%s</div>%s' % (article, box)
    elif place == "top":
        inner = '%s<div class="w1">%s</div>' % (box, article)
    else:
        inner = '<div class="w1">%s%s</div>' % (article, box)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head>'
            '<body>%s</body></html>' % (html.escape(title), inner))


def main():
    winnow = sys.argv[1]
    with open(ARTICLE, encoding="utf-8") as f:
        title, *paragraphs = [p for p in f.read().split("\n\n") if p.strip()]
    failures, tried = [], 0
    for lang, kinds in sorted(phrases().items()):
        if not kinds.get("cookie_text") or not any(kinds.get(k) for k in BUTTONS):
            continue
        for markup in MARKUPS:
            rnd = random.Random("%s/%s" % (lang, markup))
            sentence, box = banner(kinds, markup, rnd)
            for place in PLACES:
                out = subprocess.run([winnow], input=page(title, paragraphs, box, place).encode(),
                                     capture_output=True, check=True).stdout.decode()
                tried += 1
                if sentence in out or paragraphs[-1] not in out:
                    failures.append(("%s %s %s" % (lang, markup, place), "banner printed"
                                     if sentence in out else "article lost"))
    return report("consent banners", tried, failures)


if __name__ == "__main__":
    sys.exit(main())
