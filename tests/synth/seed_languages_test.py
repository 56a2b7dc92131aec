#!/usr/bin/env python3
"""The seed page's story on sites whose chrome is written in one of fifteen
other languages: the site's <html lang>, its "related" label over the
teasers and the AI label beside each teaser and picture, all in that
language, set in three of the seed-site templates (lines: every line a
paragraph; flat: unlinked teasers under a bold label; inline: linked
paragraphs under an <h4> in the story's <main>). Each template is also run
with its Finnish chrome under <html lang="en">, a template's default left
as it came, where only the interface tells the site's language. Every page
must print the seed's expected text exactly.

usage: tests/synth/seed_languages_test.py WINNOW

The phrases are those sites ship: the "related" label of the
HugoBlox/hugo-blox-builder theme's i18n files (modules/blox/i18n/LANG.yaml,
key `related`, MIT; its Turkish file leaves the label in English) and the
watermark Moodle puts on AI-generated content (language packs of AMOS,
component core_ai, string `contentwatermark`, GPL-3.0-or-later). The
cookie banner stays Finnish.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_report import report  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = ["seed-site-lines", "seed-site-flat", "seed-site-inline"]

# (language, HugoBlox "related", Moodle "contentwatermark")
CHROME = [
    ("ar", "ذات صلة", "منشأة من قبل الذكاء الاصطناعي"),
    ("ca", "Relacionat", "Generat per IA"),
    ("de", "Ähnliches", "Generiert von KI"),
    ("es", "Relacionado", "Generado por IA"),
    ("eu", "Erlazionatuta", "AA bidez sortuta"),
    ("fr", "Sur le même sujet", "Produit par l'IA"),
    ("id", "Terkait", "Dihasilkan oleh AI"),
    ("it", "Correlato", "Generato dalla IA"),
    ("lt", "Susiję", "Sugeneruota su DI"),
    ("nl", "Gerelateerd", "Gegenereerd door AI"),
    ("pt", "Relacionados", "Gerado por IA"),
    ("ro", "Înrudit", "Generat de AI"),
    ("ru", "Похожие", "Создано ИИ"),
    ("tr", "Related", "YZ tarafından üretilmiştir"),
    ("uk", "Подібні", "Створено ШІ"),
]

EXPECTED = set()


def localized(page, lang, related, label):
    """The seed's Finnish chrome (but the cookie banner) in another language."""
    page = page.replace('lang="fi"', 'lang="%s"' % lang, 1)
    page = page.replace("Liittyvät artikkelit", related)
    page = page.replace("Raportoinut AI AI:n luoma kuva", "%s · %s" % (label, label))
    return page.replace("AI:n luoma kuva", label).replace("Raportoinut AI", label)


def main():
    winnow = sys.argv[1]
    with open(os.path.join(HERE, "seed-site-expected.txt"), encoding="utf-8") as f:
        expected = f.read()
    failures, tried = [], 0
    for name in TEMPLATES:
        with open(os.path.join(HERE, name + ".html"), encoding="utf-8") as f:
            template = f.read()
        assert 'lang="fi"' in template and "Liittyvät artikkelit" in template
        pages = [(lang, localized(template, lang, related, label))
                 for lang, related, label in CHROME]
        pages.append(("fi under lang=en", template.replace('lang="fi"', 'lang="en"', 1)))
        for lang, page in pages:
            tried += 1
            out = subprocess.run([winnow], input=page.encode(), capture_output=True,
                                 check=True).stdout.decode()
            if out != expected:
                failures.append(("%s %s" % (name, lang), "not exact"))
    return report("seed chrome in other languages", tried, failures, EXPECTED)


if __name__ == "__main__":
    sys.exit(main())
