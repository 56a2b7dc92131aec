#!/usr/bin/env python3
"""A short story on a portal: menus of section links around it and boxes of
other stories' cards above it, below it or both, each card a title and a
blurb, with or without a picture. The title is a link set as a line (no
heading), a linked <h3>, or a line that is no link (a script opens the
card). The story has one, two or three paragraphs, with a date line under
its headline, without one, or without one on a page typed an article
(og:type): the cards' blurbs together outweigh it. No card's
title or blurb may be printed, and every paragraph of the story must be.

Expected failures, listed in EXPECTED: cards whose title is no link under
an undated story of one or two paragraphs, or a dated or typed one of a
single paragraph shorter than a brief (a landing page's intro over its feature
boxes looks the same). The test fails when one of them stops failing, too:
then remove it.

usage: tests/synth/portal_test.py WINNOW

The story is texts/en-harbour-ferry.txt; the cards are the seed page's
teasers (fixtures/seed-site-text-cards.html).
"""

import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_report import report, teaser_verdict  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "fixtures")
STYLES = ("linked-line", "linked-h3", "unlinked")
PLACES = ("before", "after", "both")
SECTIONS = ("News", "Local", "Business", "Sport", "Culture", "Weather", "Travel",
            "Opinion", "Science", "Health", "Education", "Motoring")


def story():
    with open(os.path.join(HERE, "texts", "en-harbour-ferry.txt"), encoding="utf-8") as f:
        head, _, body = f.read().partition("\n\n")
    title = re.search(r"^title: (.*)$", head, re.M).group(1)
    return title, [p.strip() for p in body.split("\n\n") if p.strip()]


def seed_cards():
    with open(os.path.join(FIXTURES, "seed-site-text-cards.html"), encoding="utf-8") as f:
        page = f.read()
    return [(html.unescape(t), html.unescape(b)) for t, b in re.findall(
        r'<div class="t">(.*?)</div><div class="by">.*?</div><div class="b">(.*?)</div>', page)]


def card(style, i, title, blurb, picture):
    t, b = html.escape(title), html.escape(blurb)
    img = '<img src="/i/%d.jpg" alt="">' % i if picture else ""
    if style == "linked-line":
        head = '<a href="/s/%d"><span>%s</span></a>' % (i, t)
    elif style == "linked-h3":
        head = '<h3><a href="/s/%d">%s</a></h3>' % (i, t)
    else:
        head = '<div class="c3">%s</div>' % t
    return '<div class="c%d">%s%s<p>%s</p></div>' % (i % 4, img, head, b)


def menu(offset):
    return "<ul>%s</ul>" % "".join('<li><a href="/%d">%s</a></li>' % (offset + k, s)
                                   for k, s in enumerate(SECTIONS))


def page(title, article, above, below, typed=False):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s - Harbour News</title>%s'
            '</head><body>%s%s%s%s%s</body></html>'
            % (html.escape(title), '<meta property="og:type" content="article">' if typed else "",
               menu(0), above, article, below, menu(100)))


EXPECTED = {"%s, %d paragraphs, unlinked%s, %s" % (d, n, pic, place)
            for d, n in (("undated", 1), ("undated", 2), ("dated", 1), ("typed", 1))
            for pic in ("", " with pictures") for place in PLACES}


def main():
    winnow = sys.argv[1]
    title, paragraphs = story()
    cards = seed_cards()
    failures, tried = [], 0
    for kind in ("dated", "undated", "typed"):
        dated = kind == "dated"
        for count in (1, 2, 3):
            kept = paragraphs[:count]
            article = ('<div class="a1"><h1>%s</h1>%s%s</div>'
                       % (html.escape(title), '<p>12 January 2012 14:05</p>' if dated else "",
                          "".join("<p>%s</p>" % html.escape(p) for p in kept)))
            for style in STYLES:
                for picture in (False, True):
                    boxes = ['<div class="b%d">%s</div>' % (k, "".join(
                        card(style, 10 * k + i, t, b, picture) for i, (t, b) in enumerate(cards)))
                        for k in (1, 2)]
                    for place in PLACES:
                        above = boxes[0] if place in ("before", "both") else ""
                        below = boxes[1] if place in ("after", "both") else ""
                        bad = teaser_verdict(winnow, page(title, article, above, below, kind == "typed"),
                                             cards, kept, "story lost")
                        tried += 1
                        if bad:
                            failures.append(("%s, %d paragraphs, %s%s, %s" % (
                                kind, count, style,
                                " with pictures" if picture else "", place), ", ".join(bad)))
    return report("portal cards", tried, failures, EXPECTED)


if __name__ == "__main__":
    sys.exit(main())
