#!/usr/bin/env python3
"""Teaser cards beside the seed page's article, in the shapes news sites set
them: cards whose title is a link, whose whole box is a link, whose title is
a linked or plain heading, or that are no link at all (a script opens them);
with and without a date line in each card; after the article, before it,
and in a box of their own outside the article's; under an article of six,
three, two and one paragraphs, with a date line under its headline, without
one, and without one on a page typed an article (og:type), as the seed
site's pages are.
No card's title or blurb may be printed, and every paragraph of the article
must be.

Expected failures, listed in EXPECTED: on an undated page, boxes each of a
plain heading and a paragraph, with no date, no link and no picture, are
read as the page's own sections (a landing page's features look the same);
so are cards whose title is no link under an undated article of a single
paragraph (a landing page's intro over its feature boxes), unless a picture
and a date line sign each of them as another story's, and headed boxes
under a dated one or one typed an article (taking such a one-paragraph
brief for a story told before such boxes cost a daniel-dev check page).
The test fails when one of them stops failing, too: then remove it.

usage: tests/synth/cards_test.py WINNOW

The article and the cards' texts are the seed page's (fixtures/).
"""

import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_report import report, teaser_verdict  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "fixtures")
STYLES = ("unlinked", "title-linked", "whole-linked", "h3-linked", "h3-unlinked")
PLACES = ("after", "before", "outside")


def seed_texts():
    with open(os.path.join(FIXTURES, "seed-site-text-cards.html"), encoding="utf-8") as f:
        page = f.read()
    cards = [(html.unescape(t), html.unescape(b)) for t, b in re.findall(
        r'<div class="t">(.*?)</div><div class="by">.*?</div><div class="b">(.*?)</div>', page)]
    with open(os.path.join(FIXTURES, "seed-site-text-cards.txt"), encoding="utf-8") as f:
        title, *paragraphs = [p.strip() for p in f.read().split("\n\n") if p.strip()]
    return title, paragraphs, cards


def card(style, i, title, blurb, stamp):
    t, b = html.escape(title), html.escape(blurb)
    if style == "unlinked":
        return '<div class="k"><img src="/i%d.jpg"><div class="t">%s</div>%s<div class="b">%s</div></div>' % (i, t, stamp, b)
    if style == "title-linked":
        return '<div class="k"><a href="/n/%d" class="t">%s</a>%s<div class="b">%s</div></div>' % (i, t, stamp, b)
    if style == "whole-linked":
        return '<a href="/n/%d" class="k"><div class="t">%s</div>%s<div class="b">%s</div></a>' % (i, t, stamp, b)
    if style == "h3-linked":
        return '<div class="k"><h3><a href="/n/%d">%s</a></h3>%s<p>%s</p></div>' % (i, t, stamp, b)
    return '<div class="k" onclick="go(%d)"><h3>%s</h3>%s<p>%s</p></div>' % (i, t, stamp, b)


def page(title, article, cards, place, typed=False):
    head = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>%s</head><body>'
            % (html.escape(title), '<meta property="og:type" content="article">' if typed else ""))
    if place == "after":
        body = '<div class="m">%s%s</div>' % (article, cards)
    elif place == "before":
        body = '<div class="m">%s%s</div>' % (cards, article)
    else:
        body = '<div class="m">%s</div><div class="z">%s</div>' % (article, cards)
    return head + body + "</body></html>"


EXPECTED = {"undated, %d paragraphs, h3-unlinked, %s" % (count, place)
            for count in (6, 3, 2, 1) for place in PLACES} | {
    "dated, 1 paragraphs, h3-unlinked, after",
    "dated, 1 paragraphs, h3-unlinked, before",
    "dated, 1 paragraphs, h3-unlinked, outside",
    "typed, 1 paragraphs, h3-unlinked, after",
    "typed, 1 paragraphs, h3-unlinked, before",
    "typed, 1 paragraphs, h3-unlinked, outside",
    "undated, 1 paragraphs, unlinked, after",
    "undated, 1 paragraphs, unlinked, before",
    "undated, 1 paragraphs, unlinked, outside",
    "undated, 1 paragraphs, h3-unlinked (dated cards), after",
    "undated, 1 paragraphs, h3-unlinked (dated cards), outside",
}


def main():
    winnow = sys.argv[1]
    title, paragraphs, cards = seed_texts()
    failures, tried = [], 0
    for kind, count in [(k, c) for k in ("dated", "undated", "typed") for c in (6, 3, 2, 1)]:
        dateline = kind == "dated"
        kept = paragraphs[:count]
        article = ('<div class="a1"><h1>%s</h1>%s%s</div>'
                   % (html.escape(title), '<div class="d">11.12.2025 14:05</div>' if dateline else "",
                      "".join("<p>%s</p>" % html.escape(p) for p in kept)))
        for style in STYLES:
            for stamp in ("", '<span class="s">12.12.2025</span>'):
                box = '<div class="r">%s</div>' % "".join(
                    card(style, i, t, b, stamp) for i, (t, b) in enumerate(cards))
                for place in PLACES:
                    bad = teaser_verdict(winnow, page(title, article, box, place, kind == "typed"),
                                         cards, kept)
                    tried += 1
                    if bad:
                        failures.append(("%s, %d paragraphs, %s%s, %s" % (
                            kind, count, style,
                            " (dated cards)" if stamp else "", place), ", ".join(bad)))
    return report("teaser cards", tried, failures, EXPECTED)


if __name__ == "__main__":
    sys.exit(main())
