#!/usr/bin/env python3
"""Derive tests/synth/phrases.tsv (the chrome the page synthesizer plants)
from the shared reference tables, keeping each row's source.

usage: tests/synth/export_phrases.py [REFERENCE_DIR] > tests/synth/phrases.tsv

REFERENCE_DIR defaults to ../shared/reference beside the repository. Rows
come only from the reference (cookie-consent libraries, CMS and share-button
translations, AI-disclosure strings) plus the rows in EXTRA below, each with
its source; none comes from a dev set's labels.
"""

import os
import sys

# reference concept -> synthesizer role
CHROME = {
    "related": "related", "more_articles": "related", "read_more": "read_more",
    "share": "share", "share_email": "share", "toc": "nav", "pagination": "nav",
    "back_to_top": "footer", "edit": "nav", "print": "share", "trending": "related",
    "learn_more": "nav", "read_time": "read_time", "powered_by": "footer",
    "advertisement": "advertisement", "cookie_banner": "cookie_text",
    "cookie_accept": "cookie_accept",
}
EN_CTA = {"related stories", "you may also like", "read next", "related articles",
          "more like this", "read also", "see also", "more articles", "most read",
          "latest news", "you might also like", "recommended"}
EN_NEWSLETTER = {"newsletter", "stay updated", "stay connected", "follow us", "join us"}
EN_SUBSCRIBE = {"subscribe", "sign up"}
COOKIE = {
    "banner_title": "cookie_title", "this_site_uses_cookies": "cookie_text",
    "accept_all": "cookie_accept", "accept": "cookie_accept",
    "reject_all": "cookie_reject", "reject_or_necessary_only": "cookie_reject",
    "reject": "cookie_reject", "manage_preferences": "cookie_prefs",
    "save_preferences": "cookie_prefs", "privacy_settings": "cookie_prefs",
    "privacy_policy": "cookie_policy", "cookie_policy": "cookie_policy",
}
AI = {"ai_generated_watermark": "ai_label", "ai_alt_text_disclaimer": "ai_note"}

GHOST = "TryGhost/Ghost:ghost/i18n/locales/{}/signup-form.json#{} (MIT)"
SEED = "../shared/seed/naive-extraction.txt (a real page's chrome)"
EXTRA = [
    # The seed page's Finnish AI labels and their English originals.
    ("fi", "ai_label", "AI:n luoma kuva", SEED),
    ("fi", "ai_byline", "Raportoinut AI", SEED),
    ("fi", "related", "Liittyvät artikkelit", SEED),
    ("en", "ai_label", "AI-generated image", "English source of the seed's 'AI:n luoma kuva'"),
    ("en", "ai_byline", "Reported by AI", "English source of the seed's 'Raportoinut AI'"),
]
NEWSLETTER = {  # Ghost's signup form: the button, and the e-mail field's label
    "de": ("Abonnieren", "Deine E-Mail-Adresse"), "fr": ("S'abonner", None),
    "es": ("Suscribirme", None), "fi": ("Tilaa", "Sähköpostiosoitteesi"),
    "it": ("Abbonati", "Il tuo indirizzo email"), "nl": ("Inschrijven", None),
    "pl": ("Subskrybuj", "Twój adres email"),
    "ru": ("Подписаться", "Ваш адрес электронной почты"),
    "ja": ("購読", "メールアドレス"), "pt": ("Subscrever", "O seu endereço de e-mail"),
    "sv": ("Registrera", "Din e-postadress"),
}


def base(lang):
    lang = lang.split("-")[0].lower()
    return {"no": "nb"}.get(lang, lang)


def rows(path):
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4:
                yield parts


def main(argv):
    ref = argv[0] if argv else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "reference")
    out = []
    for lang, phrase, source, concept in rows(os.path.join(ref, "chrome_phrases.tsv")):
        if "{" in phrase:
            if lang != "en" and phrase.startswith("Made with"):
                continue  # left untranslated in the source
            phrase = phrase.split("{")[0].strip(" -")
            if len(phrase) < 4:
                continue
        role = CHROME.get(concept)
        if concept == "related/cta/nav":
            role = ("related" if phrase in EN_CTA else
                    "newsletter" if phrase in EN_NEWSLETTER else
                    "subscribe" if phrase in EN_SUBSCRIBE else None)
        if role and lang != "zh-Hant":
            out.append((base(lang), role, phrase, source))
    for lang, phrase, source, concept in rows(os.path.join(ref, "cookie_phrases.tsv")):
        if concept in COOKIE and lang not in ("zh-cn", "zh-CN", "rs", "pt-BR"):
            out.append((base(lang), COOKIE[concept], phrase, source))
    seen_ai = set()
    for lang, phrase, source, kind in rows(os.path.join(ref, "ai_labels.tsv")):
        key = (base(lang), kind)
        if kind in AI and key not in seen_ai:
            seen_ai.add(key)
            out.append((base(lang), AI[kind], phrase, source))
            if kind == "ai_generated_watermark":
                out.append((base(lang), "ai_byline", phrase, source))
    out.extend(EXTRA)
    for lang, (button, label) in NEWSLETTER.items():
        out.append((lang, "subscribe", button, GHOST.format(lang, "Subscribe")))
        if label:
            out.append((lang, "newsletter", label, GHOST.format(lang, "Your email address")))
    seen = set()
    print("lang\trole\tphrase\tsource")
    for row in out:
        if (row[0], row[1], row[2]) in seen:
            continue
        seen.add((row[0], row[1], row[2]))
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
