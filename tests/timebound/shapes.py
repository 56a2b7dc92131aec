#!/usr/bin/env python3
"""Pages shaped to make a parser or a normaliser do work that grows faster
than the page: deep or repeated structures the HTML tree builder handles
one element of the open stack at a time, runs that Unicode normalisation
sorts, lookups that pair every item with every other.

usage: shapes.py NAME N      writes the page of shape NAME at size N to stdout
       shapes.py --list      the shape names
"""
import json
import sys


def para():
    return "<p>" + "The harbour master counted the boats at dawn. " * 4 + "</p>"


SHAPES = {
    # The parser merges each repeated <html>/<body> tag's attributes into one element.
    "repeated-body-attributes": lambda n: "<html><body>" + "".join(
        f'<body data-a{i}="x">' for i in range(n)) + para(),
    "repeated-html-attributes": lambda n: "<html>" + "".join(
        f'<html lang{i}="x">' for i in range(n)) + para(),
    # Inline SVG is found by matching "<svg" with "</svg".
    "unclosed-svg": lambda n: para() + "<svg>" * n,
    "svg-holding-bold": lambda n: para() + "<svg>" + "<b>" * n + "</svg>",
    "svg-foreign-object": lambda n: para() + "<svg><foreignObject>" * n,
    "nested-svg-breakout": lambda n: para() + "<svg>" * n + "<div>x</div>" + "</svg>" * n,
    # Raw-text elements written self-closed are not closed.
    "self-closed-textarea": lambda n: para() + "<textarea/>" * n,
    "self-closed-title": lambda n: para() + "<title/>" * n,
    "long-script-attribute": lambda n: "<script " + "l" * (20 * n) + "></script>" + para(),
    # Nesting the parser builds but a naive depth count misses.
    "dd-li-nesting": lambda n: para() + "<dd><li>" * n,
    "misnested-bold-blocks": lambda n: para() + "<b><div><p>x</b>" * n,
    "nested-list-items": lambda n: para() + "<ul><li>" * n,
    "table-cells-nesting": lambda n: para() + "<table><tr><td>" * n,
    # Combining marks on one letter; grapheme joiners between them vanish when folded.
    "combining-marks": lambda n: "<p>a" + "\u0316\u0301" * n + "</p>" + para(),
    "combining-marks-joined": lambda n: "<p>a" + "".join(
        "\u0301\u0316\u034f" for _ in range(n)) + "</p>" + para(),
    # JSON-LD authors given by @id, each looked up among all objects.
    "jsonld-authors-by-id": lambda n: '<script type="application/ld+json">' + json.dumps(
        {"@graph": [{"@type": "NewsArticle", "author": [{"@id": f"#{i}"} for i in range(n)]}]
         + [{} for _ in range(3 * n)]}, separators=(",", ":")) + "</script>" + para(),
    # Sections the classifier weighs one by one: each a related heading over
    # cards, each measured against the prose of the whole page.
    "related-sections": lambda n: "<h1>Harbour</h1>" + para() * 3 + (
        "<div><h2>Related articles</h2><div><a href=/a>The harbour master</a></div>"
        "<div><a href=/b>Boats at dawn</a></div><div><a href=/c>Counted again</a></div></div>") * n,
    # Related labels that are no headings in one flat box, each over short
    # labelled lines: each label's section must not run to the box's end;
    # the same with the site's own labels (Finnish over an English story).
    "related-labels-flat": lambda n: "<div><h1>Harbour</h1>" + para() * 3 + (
        "<p>Related articles</p><p>Reported by AI</p><p>Boats at dawn.</p>"
        "<p>Reported by AI</p><p>Counted again.</p>") * n + "</div>",
    "site-labels-flat": lambda n: '<html lang="fi"><body><div><h1>Harbour</h1>' + para() * 3 + "".join(
        f"<p>Lue my\u00f6s</p><p><a href=/{i}>Boats at dawn, counted again at noon.</a></p>"
        for i in range(n)) + "</div></body></html>",
    # Stamped posts, each template's thread measured once; nested, one
    # thread inside another at every depth.
    "stamped-posts": lambda n: para() + "".join(
        f"<div><p>Ann 6 January 2012 14:{i % 60:02d}</p><p>A reply, of a few words.</p></div>"
        for i in range(n)),
    "nested-stamped-posts": lambda n: para() + "".join(
        "<div>" + "<div><p>Ann 6 January 2012 14:05</p><p>A reply, of a few words.</p></div>" * 3
        for _ in range(n // 3)),
    # End tags that create elements.
    "stray-end-p": lambda n: para() + "</p>" * n,
    "stray-end-br": lambda n: para() + "</br>" * n,
}

if __name__ == "__main__":
    if sys.argv[1:] == ["--list"]:
        print("\n".join(SHAPES))
        sys.exit(0)
    if len(sys.argv) != 3 or sys.argv[1] not in SHAPES:
        sys.exit(__doc__)
    sys.stdout.write(SHAPES[sys.argv[1]](int(sys.argv[2])))
