#!/usr/bin/env python3
"""The seed page's story on sites that speak another language: the site's
interface is written in one of fourteen languages by its <html lang>, and
the teasers under the story are headed by that language's "read also"
(self-written; a few of them are rows of the lexicon too, most are not, so
that what is tested is the site's language more than known phrases).
Every page must print the seed's expected text exactly: no teaser, no
heading, the story whole.

usage: tests/synth/site_language_test.py WINNOW

The page is seed-site-inline.html with its <html lang> and its <h4>
replaced (its other chrome stays Finnish).
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_report import report  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

# (language, "read also" as a site would head its teasers): self-written.
HEADINGS = [
    ("de", "Lesen Sie auch"), ("sv", "Läs också"), ("pl", "Zobacz też"),
    ("nl", "Lees ook"), ("es", "Lee también"), ("it", "Leggi anche"),
    ("fr", "À lire aussi"), ("da", "Læs også"), ("fi", "Lue myös"),
    ("tr", "Bunlar da ilginizi çekebilir"), ("ro", "Citește și"),
    ("ru", "Читайте также"), ("el", "Διαβάστε επίσης"), ("ja", "こちらもおすすめ"),
]

EXPECTED = set()


def main():
    winnow = sys.argv[1]
    with open(os.path.join(HERE, "seed-site-inline.html"), encoding="utf-8") as f:
        template = f.read()
    with open(os.path.join(HERE, "seed-site-expected.txt"), encoding="utf-8") as f:
        expected = f.read()
    assert 'lang="fi"' in template and "<h4>Liittyvät artikkelit</h4>" in template
    failures, tried = [], 0
    for lang, heading in HEADINGS:
        page = template.replace('lang="fi"', 'lang="%s"' % lang, 1)
        page = page.replace("<h4>Liittyvät artikkelit</h4>", "<h4>%s</h4>" % heading)
        tried += 1
        out = subprocess.run([winnow], input=page.encode(), capture_output=True,
                             check=True).stdout.decode()
        if out != expected:
            failures.append(("%s, %s" % (lang, heading), "not exact"))
    return report("site's language", tried, failures, EXPECTED)


if __name__ == "__main__":
    sys.exit(main())
