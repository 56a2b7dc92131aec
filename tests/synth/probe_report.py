"""The verdict of a probe over built pages: its failures against the ones it
lists as expected. A listed failure that no longer happens fails the probe
too, so that the list only shrinks by being edited."""

import subprocess


def teaser_verdict(winnow, page, cards, kept, lost="article lost"):
    """Runs winnow on a page of an article beside teaser cards, (title,
    blurb) pairs; returns what went wrong: a card printed, the text lost."""
    out = subprocess.run([winnow], input=page.encode(), capture_output=True,
                         check=True).stdout.decode()
    bad = []
    if any(t in out or b[:60] in out for t, b in cards):
        bad.append("teaser printed")
    if any(p not in out for p in kept):
        bad.append(lost)
    return bad


def report(what, tried, failures, expected=frozenset()):
    """Prints the summary; failures are (page name, why) pairs. Returns the
    exit status: 1 when a failure is not listed or a listed one is gone."""
    unexpected = [(name, why) for name, why in failures if name not in expected]
    fixed = set(expected) - {name for name, _ in failures}
    print("%s: %d pages, %d failed (%d listed as expected)"
          % (what, tried, len(failures), len(failures) - len(unexpected)))
    for name, why in unexpected:
        print("  %s: %s" % (name, why))
    for name in sorted(fixed):
        print("  %s: listed as expected to fail, now passes: remove it from EXPECTED" % name)
    return 1 if unexpected or fixed else 0
