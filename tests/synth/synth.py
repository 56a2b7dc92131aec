#!/usr/bin/env python3
"""Synthetic article pages with planted chrome, for measuring what winnow
keeps and what it lets through.

usage: tests/synth/synth.py --out DIR [--seed S] [--pages N] [--sample-only]
                            [--shared DIR]

Each page is built from a real article text (title and paragraphs), one of
several page templates, and chrome in an interface language that may differ
from the article's: navigation, related teasers, AI labels and AI bylines,
teaser bylines and datelines, share rows, newsletter boxes, cookie banners
(with and without a consent platform's markup), footers, figure captions and
a standfirst repeated as the first paragraph. Writes, per page, DIR/NNNN/:

  page.html      the page
  expected.txt   what winnow should print: title and paragraphs, separated
                 by blank lines (a headline byline is page metadata)
  plan.json      {"must_once": [paragraphs], "chrome": [{"kind", "lang",
                 "text"}], "negatives": [{"kind", "text"}], "meta": [...],
                 "template", "lang", "ui_lang", "source"}

Article texts: the self-written samples in tests/synth/texts/ always; with
--shared (default ../shared beside the repository) also the reference texts of
the tune halves of daniel-dev, cleaneval, dragnet and the article pages of
wcxb-dev. Chrome wording comes from tests/synth/phrases.tsv (derived from the
shared reference tables, every row with its source) and tests/synth/bylines.tsv.
The same seed and the same texts give byte-identical pages.
"""

import argparse
import hashlib
import html
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "bench"))

TEMPLATES = ["semantic", "divsoup", "hashed", "table", "amp", "spa",
             "aggregator", "figures", "seedlike"]

# --- texts -------------------------------------------------------------------


def clean(text):
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text).strip()


class Doc:
    def __init__(self, origin, lang, title, paras, kind="article"):
        self.origin, self.lang, self.title = origin, lang, clean(title)
        self.paras = [clean(p) for p in paras]
        self.kind = kind


def load_samples(directory=os.path.join(HERE, "texts")):
    docs = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            head, _, body = f.read().partition("\n\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        paras = [p for p in body.split("\n\n") if p.strip()]
        docs.append(Doc("sample:" + name, meta["lang"], meta["title"], paras,
                        meta.get("kind", "article")))
    return docs


def is_cjk(text):
    return sum(1 for c in text if "\u3040" <= c <= "\u9fff") > len(text) / 3


def usable_paragraph(p):
    """A paragraph of prose: long enough, ends like a sentence, no markup
    remnants or bylines that the reference texts sometimes carry."""
    if re.search(r"https?://|www\.|@|©|\||\{|\}|<|>", p):
        return False
    minimum = 40 if is_cjk(p) else 120
    return len(p) >= minimum and p[-1] in ".!?。！？\"”»'’)"


def doc_from_reference(origin, lang, title, text):
    text = text or ""
    # Blank lines separate paragraphs where the text is hard-wrapped (CleanEval).
    blocks = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    lines = [clean(l) for l in blocks]
    lines = [l for l in lines if l]
    if not title and lines:
        title = lines[0]
    title = clean(re.sub(r"[_=*~-]{3,}", " ", title or ""))
    if not (10 <= len(title) <= 140) or title[-1:] in ".:;":
        return None
    paras, seen = [], set()
    for line in lines:
        # near repeats (same opening) would make "printed once" ambiguous
        if line == title or line[:60] in seen or not usable_paragraph(line):
            continue
        seen.add(line[:60])
        paras.append(line)
    if len(paras) < 3:
        return None
    return Doc(origin, lang, title, paras[:7])


def load_shared(shared):
    """Reference texts of the dev sets' tune halves; [] with a message when
    the shared data is missing."""
    data = os.path.join(shared, "data")
    if not os.path.isdir(data):
        print(f"synth: {data} not found: only the {len(load_samples())} sample texts "
              "are used", file=sys.stderr)
        return []
    import split  # bench/split.py: the fixed tune/check split
    docs = []
    for name in ("daniel-dev", "cleaneval", "dragnet", "wcxb-dev"):
        directory = os.path.join(data, name)
        if not os.path.isdir(directory):
            print(f"synth: {directory} not found, skipped", file=sys.stderr)
            continue
        for pid, half, _site in split.dataset_halves(directory):
            if half != split.TUNE:
                continue
            with open(os.path.join(directory, pid + ".json"), encoding="utf-8") as f:
                meta = json.load(f)
            if meta.get("page_type", "article") != "article":
                continue
            doc = doc_from_reference(f"{name}:{pid}", meta.get("lang") or "en",
                                     meta.get("title"), meta.get("text"))
            if doc:
                docs.append(doc)
    return docs


# --- chrome wording ----------------------------------------------------------


class Phrases:
    def __init__(self):
        self.by = {}
        with open(os.path.join(HERE, "phrases.tsv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                lang, role, phrase, _source = line.rstrip("\n").split("\t")
                self.by.setdefault(lang, {}).setdefault(role, []).append(phrase)
        self.bylines = {}
        with open(os.path.join(HERE, "bylines.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("lang\t"):
                    continue
                lang, by, published, date, _source = line.rstrip("\n").split("\t")
                self.bylines[lang] = (by, published, date)
        self.ui_langs = sorted(
            l for l, roles in self.by.items()
            if {"related", "cookie_text", "cookie_accept"} <= set(roles)
            and ("ai_label" in roles or "ai_note" in roles))

    def get(self, lang, role, rng, fallback="en"):
        options = self.by.get(lang, {}).get(role)
        if not options:
            if not fallback:
                return "", lang
            options = self.by[fallback].get(role, [""])
            return rng.choice(options), fallback
        return rng.choice(options), lang


def cmp_selectors(path=os.path.join(HERE, "cmp_markup.txt")):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and not line.startswith("# "):
                out.append((parts[0], parts[1]))
    return out


def selector_markup(selector, rng):
    """Opening tags (outer to inner) for a consent platform's selector."""
    tags = []
    for part in selector.split():
        m = re.match(r'^(\w*)\[([\w-]+)(\^?)="([^"]+)"\]$', part)
        if m:
            tag, attr, prefix, value = m.groups()
            value += str(rng.randint(100000, 999999)) if prefix else ""
            tags.append(f'<{tag or "div"} {attr}="{html.escape(value)}">')
        elif part.startswith("#"):
            tags.append(f'<div id="{part[1:]}">')
        elif part.startswith("."):
            tags.append(f'<div class="{part[1:]}">')
        else:
            return None
    return tags


# --- names and dates ---------------------------------------------------------

NAMES = {
    "latin": ["Anna Berg", "Tomás Ferreira", "Lena Hoffmann", "Marco Bellini",
              "Claire Dubois", "Pekka Virtanen", "Olga Nowak", "Jan de Vries",
              "Ayşe Demir", "Sara Lindqvist", "Daniel Ortiz", "Mia Novak"],
    "cyrl": ["Анна Смирнова", "Игорь Петренко", "Ольга Кузнецова"],
    "grek": ["Μαρία Παπαδοπούλου", "Νίκος Γεωργίου"],
    "han": ["王海", "李静", "山田花子", "佐藤健"],
    "hang": ["김민수", "이지은"],
    "arab": ["سارة أحمد", "يوسف خالد"],
}
SCRIPT_OF = {"ru": "cyrl", "uk": "cyrl", "bg": "cyrl", "el": "grek", "zh": "han",
             "ja": "han", "ko": "hang", "ar": "arab", "fa": "arab"}


def name_for(lang, rng):
    return rng.choice(NAMES[SCRIPT_OF.get(lang, "latin")])


def date_for(fmt, rng):
    y, mo, d = rng.randint(2023, 2026), rng.randint(1, 12), rng.randint(1, 28)
    h, mi = rng.randint(0, 23), rng.randint(0, 59)
    return fmt.format(y=y, m=mo, d=d, mm=f"{mo:02d}", dd=f"{d:02d}", H=f"{h:02d}", M=f"{mi:02d}")


# --- page plan ---------------------------------------------------------------

QUOTE_FRAMES = {
    "en": "Asked about it, one of the older residents answered with a line she had learnt at school: “{q}”",
    "de": "Eine ältere Anwohnerin antwortete darauf mit einem Satz, den sie in der Schule gelernt hatte: „{q}“",
    "fr": "Interrogée, une habitante a répondu par une phrase apprise à l'école : « {q} »",
    "es": "Preguntada por ello, una vecina respondió con una frase que aprendió en la escuela: «{q}»",
    "it": "Interpellata, una residente ha risposto con una frase imparata a scuola: «{q}»",
    "pt": "Questionada, uma moradora respondeu com uma frase que aprendeu na escola: «{q}»",
    "nl": "Gevraagd naar haar mening antwoordde een oudere bewoonster met een zin die ze op school had geleerd: „{q}”",
    "fi": "Kysyttäessä eräs vanhempi asukas vastasi koulussa oppimallaan lauseella: ”{q}”",
    "sv": "En äldre invånare svarade med en mening hon lärt sig i skolan: ”{q}”",
    "pl": "Zapytana o to jedna ze starszych mieszkanek odpowiedziała zdaniem, którego nauczyła się w szkole: „{q}”",
    "ru": "Отвечая на вопрос, одна из пожилых жительниц процитировала фразу, выученную в школе: «{q}»",
    "tr": "Soruyu yanıtlayan yaşlı bir sakin, okulda öğrendiği bir cümleyi hatırlattı: “{q}”",
    "el": "Μια ηλικιωμένη κάτοικος απάντησε με μια φράση που είχε μάθει στο σχολείο: «{q}»",
    "zh": "一位年长的居民用她在学校学过的一句话回答：“{q}”",
    "ja": "年配の住民の一人は、学校で習ったという一文で答えた。「{q}」",
    "cs": "Jedna ze starších obyvatelek odpověděla větou, kterou se naučila ve škole: „{q}“",
    "da": "En ældre beboer svarede med en sætning, hun havde lært i skolen: »{q}«",
    "ro": "Întrebată despre asta, o locuitoare în vârstă a răspuns cu o frază învățată la școală: „{q}”",
}
# Well-known sentences in the public domain, quoted in another language.
QUOTES = [
    ("fr", "Il faut cultiver notre jardin."),
    ("es", "Caminante, no hay camino, se hace camino al andar."),
    ("it", "Eppur si muove."),
    ("de", "Ich bin ein Berliner."),
    ("la", "Alea iacta est."),
    ("en", "The only thing we have to fear is fear itself."),
]


class Page:
    """Everything planted on one page; templates only arrange it."""

    def __init__(self, index, rng, doc, ui, template, pool, phrases, cmps):
        self.index, self.rng, self.doc, self.ui = index, rng, doc, ui
        self.template, self.phrases = template, phrases
        self.lang = doc.lang
        self.title = doc.title
        self.paras = list(doc.paras[: rng.randint(3, 7)])
        self.chrome, self.negatives, self.meta, self.kind_of = [], [], [], {}
        if doc.kind in ("ai-image", "recipe"):
            self.negatives += [{"kind": doc.kind, "text": p} for p in self.paras
                               if re.search(r"AI-generated image|KI-generiert|cookie", p, re.I)]
        if doc.lang in QUOTE_FRAMES and rng.random() < 0.3:
            qlang, q = rng.choice([x for x in QUOTES if x[0] != doc.lang])
            para = QUOTE_FRAMES[doc.lang].format(q=q)
            self.paras.insert(min(2, len(self.paras)), para)
            self.negatives.append({"kind": "foreign-quote", "text": para, "quote_lang": qlang})
        self.standfirst_twice = rng.random() < 0.3
        self.site = rng.choice(["Daily Courier", "Uutisvirta", "Kurier", "La Gazette",
                                "Il Corriere Locale", "Nordposten", "Gazeta Miejska",
                                "Harbour Times", "Weekly Ledger"])
        self.byline = None
        if doc.lang in phrases.bylines and rng.random() < 0.4:
            by, pub, fmt = phrases.bylines[doc.lang]
            self.byline = by.format(name=name_for(doc.lang, rng)) + " · " + date_for(fmt, rng)
            # Page metadata (author and date), not article text.
            self.chrome.append({"kind": "headline-byline", "lang": doc.lang, "text": self.byline})
            self.kind_of.setdefault(self.byline.casefold(), "headline-byline")
        self.plan_chrome(pool, cmps)

    # Chrome is recorded as it is planted: templates call these.
    def plant(self, kind, text, lang=None):
        text = clean(text)
        if text:
            self.chrome.append({"kind": kind, "lang": lang or self.ui, "text": text})
            self.kind_of.setdefault(text.casefold(), kind)
        return text

    def phrase(self, role, lang=None, fallback="en", kind=None):
        """A phrase for a role; never one already planted as another kind on
        this page, so that a printed string is charged to one kind."""
        for _ in range(6):
            text, used = self.phrases.get(lang or self.ui, role, self.rng, fallback)
            text = clean(text)
            if self.kind_of.get(text.casefold(), kind) == kind:
                return text, used
        return "", used

    def plan_chrome(self, pool, cmps):
        rng = self.rng
        on = lambda p: rng.random() < p
        self.has_nav, self.has_footer = on(0.9), on(0.9)
        self.has_share, self.has_newsletter = on(0.6), on(0.4)
        self.ai_caption, self.ai_badge, self.ai_note = on(0.5), on(0.3), on(0.25)
        self.cookie = rng.choice([None, "cmp", "cmp", "plain", "plain-dialog"])
        self.cookie_top = on(0.5)
        self.cmp = rng.choice(cmps) if cmps else None
        self.figure = on(0.6) or self.template in ("figures", "seedlike")
        self.teasers, self.teasers_outweigh, self.teaser_count = [], False, 0
        if on(0.85) or self.template in ("aggregator", "seedlike"):
            self.teasers = self.pick_teasers(pool)

    def pick_teasers(self, pool):
        """Teasers from other articles, alternating the article's language and
        the interface's (any language when neither has another text). Long
        related sections carry summaries until they outweigh the article."""
        rng = self.rng
        long_related = rng.random() < 0.4 or self.template in ("aggregator", "seedlike")
        n = rng.randint(4, 7) if long_related else rng.randint(2, 4)
        others = lambda lang: [d for d in pool.get(lang, []) if d is not self.doc
                               and d.kind == "article"]
        same, ui = others(self.lang), others(self.ui)
        anywhere = [d for lang in sorted(pool) for d in others(lang)]
        article_len = sum(len(p) for p in self.paras)
        teasers, total, used = [], 0, set()
        while len(teasers) < n or (long_related and total <= article_len and len(teasers) < 20):
            fresh = lambda docs: [d for d in docs if id(d) not in used]
            source = (fresh(ui) if len(teasers) % 2 else fresh(same)) or fresh(ui) or \
                fresh(same) or fresh(anywhere)
            if not source:
                break
            d = rng.choice(source)
            used.add(id(d))
            summary = d.paras[0] if long_related else ""
            total += len(d.title) + len(summary)
            teasers.append({"lang": d.lang, "title": d.title, "summary": summary,
                            "ai": rng.random() < 0.5})
        self.teasers_outweigh = total > article_len
        self.teaser_count = len(teasers)
        return teasers

    def expected(self):
        parts = [self.title] + self.paras
        return "\n\n".join(parts) + "\n"

    def plan(self):
        return {"template": self.template, "lang": self.lang, "ui_lang": self.ui,
                "source": self.doc.origin, "title": self.title,
                "must_once": self.paras, "chrome": self.chrome,
                "negatives": self.negatives, "meta": self.meta,
                "standfirst_twice": self.standfirst_twice,
                "teasers": self.teaser_count, "teasers_outweigh_article": self.teasers_outweigh}


# --- markup ------------------------------------------------------------------

E = html.escape
GENERIC = ["box", "wrap", "inner", "row", "col", "blk", "item", "cell", "unit", "grp"]


class Style:
    """How a template names things: semantic tags and classes, generic
    div soup, or hashed class names of CSS-in-JS builds."""

    def __init__(self, kind, salt):
        self.kind, self.salt = kind, salt

    def c(self, name):
        if self.kind == "semantic":
            return name
        digest = hashlib.sha256((self.salt + name).encode()).hexdigest()
        if self.kind == "hashed":
            return f"css-{int(digest[:10], 16) % 36**7:07x}"[:11] + f" r-{digest[10:17]}"
        return f"{GENERIC[int(digest[:2], 16) % len(GENERIC)]}{int(digest[2:4], 16) % 9 + 1}"

    def tag(self, semantic):
        return semantic if self.kind == "semantic" else "div"

    def text(self, text, name="text", tag="p"):
        t = tag if self.kind == "semantic" else "div"
        extra = ' dir="auto"' if self.kind == "hashed" else ""
        return f'<{t}{extra} class="{self.c(name)}">{E(text)}</{t}>'


def link(href, text, cls=""):
    c = f' class="{cls}"' if cls else ""
    return f'<a href="{href}"{c}>{E(text)}</a>'


class Render:
    def __init__(self, page, style):
        self.p, self.s = page, style
        self.rng = page.rng

    def c(self, name):
        return self.s.c(name)

    # chrome pieces ------------------------------------------------------------
    def nav(self):
        p, items = self.p, []
        for role in ("nav", "nav", "related", "nav", "read_more"):
            text, lang = p.phrase(role, fallback=None, kind="nav")
            if text and text not in [t for t, _ in items]:
                items.append((text, lang))
        links = "".join(f"<li>{link('/s/' + str(i), p.plant('nav', t, l))}</li>"
                        for i, (t, l) in enumerate(items))
        t = self.s.tag("nav")
        return f'<{t} class="{self.c("site-nav")}"><ul>{links}</ul></{t}>'

    def cookie(self):
        p = self.p
        if not p.cookie:
            return ""
        kind = "cookie-cmp" if p.cookie == "cmp" else "cookie-plain"
        title, tl = p.phrase("cookie_title", kind=kind)
        text, xl = p.phrase("cookie_text", kind=kind)
        buttons = []
        for role in ("cookie_accept", "cookie_reject", "cookie_prefs"):
            b, bl = p.phrase(role, kind=kind)
            if b and b not in [x for x, _ in buttons]:
                buttons.append((b, bl))
        policy, pl = p.phrase("cookie_policy", kind=kind)
        inner = ""
        if title:
            inner += f'<div class="{self.c("cb-title")}">{E(p.plant(kind, title, tl))}</div>'
        inner += (f'<p class="{self.c("cb-text")}">{E(p.plant(kind, text, xl))} '
                  f'{link("/privacy", p.plant(kind, policy, pl))}</p>')
        inner += "".join(f'<button type="button" class="{self.c("cb-btn")}">'
                         f'{E(p.plant(kind, b, l))}</button>' for b, l in buttons)
        if p.cookie == "cmp" and p.cmp:
            opens = selector_markup(p.cmp[0], self.rng) or ['<div id="cookie-banner">']
            closes = "".join("</" + re.match(r"<(\w+)", o).group(1) + ">" for o in reversed(opens))
            return "".join(opens) + inner + closes
        digest = hashlib.sha256(f"{p.index}cb".encode()).hexdigest()[:6]
        role = ' role="dialog" aria-modal="true"' if p.cookie == "plain-dialog" else ""
        return f'<div class="x{digest} {self.c("overlay")}"{role}>{inner}</div>'

    def share(self):
        p = self.p
        if not p.has_share:
            return ""
        items, seen = [], set()
        for role in ("share", "share", "share"):
            t, l = p.phrase(role, kind="share")
            if t and t not in seen:
                seen.add(t)
                items.append(link("#share-" + str(len(items)), p.plant("share", t, l),
                                  self.c("share-btn")))
        return f'<div class="{self.c("share-row")}">{" ".join(items)}</div>'

    def newsletter(self):
        p = self.p
        if not p.has_newsletter:
            return ""
        head, hl = p.phrase("newsletter", kind="newsletter")
        button, bl = p.phrase("subscribe", kind="newsletter")
        t = self.s.tag("section")
        return (f'<{t} class="{self.c("newsletter")}"><div class="{self.c("nl-head")}">'
                f'{E(p.plant("newsletter", head, hl))}</div>'
                f'<form action="/subscribe"><input type="email" name="email">'
                f'<button type="submit">{E(p.plant("newsletter", button, bl))}</button></form></{t}>')

    def footer(self):
        p = self.p
        if not p.has_footer:
            return ""
        parts = []
        for role in ("cookie_policy", "footer", "footer"):
            t, l = p.phrase(role, kind="footer")
            if t and t not in parts:
                parts.append(t)
                p.plant("footer", t, l)
        links = " ".join(link("/f" + str(i), t) for i, t in enumerate(parts))
        t = self.s.tag("footer")
        return (f'<{t} class="{self.c("site-footer")}">{links}'
                f'<div class="{self.c("copy")}">© {E(p.site)} 2025</div></{t}>')

    def ai_label(self, kind="ai-label"):
        text, lang = self.p.phrase("ai_label", kind=kind)
        if not text:
            text, lang = self.p.phrase("ai_note", kind=kind)
        return self.p.plant(kind, text, lang)

    def figure(self, caption_lang=None):
        p = self.p
        words = p.title.split()
        caption = "Illustration: " + " ".join(words[:6]) if not is_cjk(p.title) else p.title[:12]
        caption = p.plant("caption", caption, p.lang)
        label = ""
        if p.ai_caption:
            label = f'<span class="{self.c("ai-tag")}">{E(self.ai_label())}</span>'
        img = f'<img src="/img/{p.index}-{self.rng.randint(1, 999)}.webp" alt="{E(caption)}">'
        if self.s.kind == "semantic":
            return f'<figure>{img}<figcaption>{E(caption)} {label}</figcaption></figure>'
        return (f'<div class="{self.c("media")}">{img}<div class="{self.c("media-cap")}">'
                f'{E(caption)}</div>{label}</div>')

    def teaser_byline(self, lang):
        p = self.p
        if lang in p.phrases.bylines:
            by, pub, fmt = p.phrases.bylines[lang]
        else:
            lang = "en"
            by, pub, fmt = p.phrases.bylines["en"]
        if self.rng.random() < 0.5:
            return p.plant("byline", by.format(name=name_for(lang, self.rng)), lang)
        return p.plant("byline", pub.format(date=date_for(fmt, self.rng)), lang)

    def teaser(self, t, i):
        """A teaser card: picture, optional AI label, title, byline or AI
        byline, summary. The whole card is one link (as on the seed page),
        or only its title is, with the summary as plain text, or nothing is
        (a script opens the card on a click). A site links all its cards
        alike: the first card draws the page's way."""
        p, c = self.p, self.c
        if not hasattr(self, "card_mode"):
            self.card_mode = self.rng.random()
        mode = self.card_mode
        whole, unlinked = mode < 0.4, 0.4 <= mode < 0.6
        title = p.plant("teaser-title", t["title"], t["lang"])
        bits = [f'<img src="/t/{p.index}-{i}.jpg" alt="">']
        if t["ai"]:
            bits.append(f'<span class="{c("t-label")}">{E(self.ai_label())}</span>')
        shown = E(title) if whole or unlinked else link("/a/" + str(i), title)
        bits.append(f'<h3 class="{c("t-title")}">{shown}</h3>' if self.s.kind == "semantic"
                    else f'<div class="{c("t-title")}">{shown}</div>')
        text, lang = ("", "")
        if t["ai"] and self.rng.random() < 0.6:
            text, lang = p.phrase("ai_byline", kind="ai-byline")
        if text:
            bits.append(f'<span class="{c("t-by")}">{E(p.plant("ai-byline", text, lang))}</span>')
        else:
            bits.append(f'<span class="{c("t-by")}">{E(self.teaser_byline(p.ui))}</span>')
        if t["summary"]:
            kind = "teaser-linked" if whole else "teaser-text"
            bits.append(f'<div class="{c("t-sum")}">{E(p.plant(kind, t["summary"], t["lang"]))}</div>')
        if whole:
            return f'<a href="/a/{i}" class="{c("teaser")}">{"".join(bits)}</a>'
        if unlinked:
            return f'<div class="{c("teaser")}" data-href="/a/{i}">{"".join(bits)}</div>'
        return f'<div class="{c("teaser")}">{"".join(bits)}</div>'

    def related(self):
        p = self.p
        if not p.teasers:
            return ""
        head, hl = p.phrase("related", kind="related-heading")
        more, ml = p.phrase("read_more", fallback=None, kind="read-more")
        cards = "".join(self.teaser(t, i) for i, t in enumerate(p.teasers))
        t = self.s.tag("aside")
        more_link = link("/more", p.plant("read-more", more, ml)) if more else ""
        return (f'<{t} class="{self.c("related")}"><h2 class="{self.c("rel-head")}">'
                f'{E(p.plant("related-heading", head, hl))}</h2>{cards}{more_link}</{t}>')

    # the article ----------------------------------------------------------------
    def headline(self):
        p, c = self.p, self.c
        if self.s.kind == "hashed" and self.rng.random() < 0.5:
            # React Native Web renders headings as divs with an ARIA role
            out = (f'<div dir="auto" role="heading" aria-level="1" class="{c("headline")}">'
                   f'{E(p.title)}</div>')
        else:
            out = f'<h1 class="{c("headline")}">{E(p.title)}</h1>'
        if p.ai_badge:
            out += f'<span class="{c("badge")}">{E(self.ai_label())}</span>'
        if p.byline:
            out += self.s.text(p.byline, "byline")
        if self.rng.random() < 0.4:
            rt, rl = p.phrase("read_time", kind="read-time")
            if rt:
                out += f'<span class="{c("rt")}">{E(p.plant("read-time", "4 " + rt, rl))}</span>'
        return out

    def body(self, figures=1):
        p = self.p
        out = []
        if p.standfirst_twice:
            out.append(self.s.text(p.paras[0], "standfirst"))
        if p.figure:
            out.append(self.figure())
        slots = sorted(self.rng.sample(range(1, len(p.paras)), min(figures - 1, len(p.paras) - 1))) \
            if figures > 1 else []
        ad_at = self.rng.randint(2, len(p.paras) - 1) if self.rng.random() < 0.3 else -1
        for i, para in enumerate(p.paras):
            if i in slots:
                out.append(self.figure())
            if i == ad_at:
                ad, al = p.phrase("advertisement", kind="advertisement")
                if ad:
                    out.append(f'<div class="{self.c("ad-slot")}"><span>'
                               f'{E(p.plant("advertisement", ad, al))}</span></div>')
            out.append(self.s.text(para, "para"))
        if p.ai_note:
            text, lang = p.phrase("ai_note", kind="ai-note")
            if not text:
                text, lang = p.phrase("ai_label", kind="ai-note")
            out.append(f'<div class="{self.c("disclosure")}">{E(p.plant("ai-note", text, lang))}</div>')
        return "".join(out)

    def article(self, figures=1):
        a = self.s.tag("article")
        h = self.s.tag("header")
        return (f'<{a} class="{self.c("post")}"><{h} class="{self.c("entry-head")}">'
                f'{self.headline()}</{h}><div class="{self.c("entry-body")}">'
                f'{self.body(figures)}</div>{self.share()}</{a}>')

    def head(self, extra=""):
        p = self.p
        return (f'<!DOCTYPE html>\n<html lang="{p.ui}">\n<head>\n<meta charset="utf-8">\n'
                f'<title>{E(p.title)} | {E(p.site)}</title>\n{extra}</head>\n')

    def masthead(self):
        h = self.s.tag("header")
        return (f'<{h} class="{self.c("masthead")}"><a href="/" class="{self.c("logo")}">'
                f'{E(self.p.site)}</a>{self.nav() if self.p.has_nav else ""}</{h}>')

    def standard(self, figures=1):
        p = self.p
        top, end = (self.cookie(), "") if p.cookie_top else ("", self.cookie())
        m = self.s.tag("main")
        return (self.head() + "<body>\n" + top + self.masthead() +
                f'<{m} class="{self.c("main")}">{self.article(figures)}{self.related()}'
                f'{self.newsletter()}</{m}>' + self.footer() + end + "\n</body>\n</html>\n")


def render_semantic(page):
    return Render(page, Style("semantic", str(page.index))).standard()


def render_divsoup(page):
    return Render(page, Style("divsoup", str(page.index))).standard()


def render_hashed(page):
    return Render(page, Style("hashed", str(page.index))).standard()


def render_figures(page):
    return Render(page, Style("semantic", str(page.index))).standard(figures=3)


def render_table(page):
    r = Render(page, Style("divsoup", str(page.index)))
    top, end = (r.cookie(), "") if page.cookie_top else ("", r.cookie())
    return (r.head() + '<body bgcolor="#ffffff">\n' + top +
            '<table width="100%" cellpadding="4" border="0"><tr><td colspan="3">'
            f'<font size="5"><b>{E(page.site)}</b></font></td></tr><tr>'
            f'<td width="18%" valign="top">{r.nav() if page.has_nav else ""}</td>'
            f'<td valign="top">{r.article()}{r.newsletter()}</td>'
            f'<td width="25%" valign="top">{r.related()}</td></tr>'
            f'<tr><td colspan="3">{r.footer()}</td></tr></table>' + end + "\n</body>\n</html>\n")


def render_amp(page):
    r = Render(page, Style("semantic", str(page.index)))
    consent = ""
    if page.cookie:
        consent = (f'<amp-consent id="consent" layout="nodisplay">'
                   f'<script type="application/json">{{"consentRequired": true}}</script>'
                   f'<div id="consent-ui">{r.cookie()}</div></amp-consent>')
    share = ""
    if page.has_share:
        share = r.share() + ('<amp-social-share type="facebook" width="40" height="40"></amp-social-share>'
                             '<amp-social-share type="email" width="40" height="40"></amp-social-share>')
        page.has_share = False
    body = r.article()
    body = re.sub(r'<img ([^>]*)>', r'<amp-img \1 width="800" height="450" layout="responsive"></amp-img>', body)
    nav = f'<amp-sidebar id="sidebar" layout="nodisplay" side="left">{r.nav()}</amp-sidebar>' \
        if page.has_nav else ""
    return (r.head('<meta name="viewport" content="width=device-width">\n'
                   '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
                   '<style amp-boilerplate>body{visibility:hidden}</style>\n')
            .replace("<html ", "<html amp ") +
            f"<body>\n{consent}{nav}<header><a href=\"/\">{E(page.site)}</a></header>"
            f'<main>{body}{share}{r.related()}{r.newsletter()}</main>{r.footer()}\n</body>\n</html>\n')


def render_spa(page):
    r = Render(page, Style("hashed", str(page.index)))
    state = {"props": {"pageProps": {"article": {
        "headline": page.title, "lang": page.lang, "body": [{"type": "paragraph", "text": t}
                                                           for t in page.paras]},
        "related": [{"title": t["title"], "summary": t["summary"]} for t in page.teasers]}},
        "page": "/article/[slug]", "buildId": hashlib.sha256(str(page.index).encode()).hexdigest()[:12]}
    blob = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
    top, end = (r.cookie(), "") if page.cookie_top else ("", r.cookie())
    return (r.head() + '<body>\n<div id="__next">' + top + r.masthead() +
            f'<div class="{r.c("layout")}">{r.article()}{r.related()}{r.newsletter()}</div>'
            + r.footer() + end + '</div>\n'
            f'<script id="__NEXT_DATA__" type="application/json">{blob}</script>\n'
            f'<script>self.__next_f=self.__next_f||[];self.__next_f.push([1,{json.dumps(blob)}])</script>\n'
            "</body>\n</html>\n")


def render_aggregator(page):
    r = Render(page, Style("divsoup", str(page.index)))
    half = max(1, len(page.teasers) // 2)
    left, right = page.teasers[:half], page.teasers[half:]
    page.teasers = []  # placed by hand below
    trend, tl = page.phrase("related", kind="related-heading")
    cards_l = "".join(r.teaser(t, i) for i, t in enumerate(left))
    cards_r = "".join(r.teaser(t, 50 + i) for i, t in enumerate(right))
    top, end = (r.cookie(), "") if page.cookie_top else ("", r.cookie())
    return (r.head() + "<body>\n" + top + r.masthead() +
            f'<div class="{r.c("grid")}">'
            f'<div class="{r.c("col-a")}"><div class="{r.c("col-head")}">'
            f'{E(page.plant("related-heading", trend, tl))}</div>{cards_l}</div>'
            f'<div class="{r.c("col-b")}">{r.article()}{r.newsletter()}</div>'
            f'<div class="{r.c("col-c")}">{cards_r}</div></div>' + r.footer() + end +
            "\n</body>\n</html>\n")


def render_seedlike(page):
    """The seed page's shape: a React Native Web build with hashed classes, the
    article, then long related teasers with AI labels, a cookie banner last."""
    r = Render(page, Style("hashed", str(page.index)))
    page.cookie_top = False
    return (r.head() + '<body>\n<div id="root"><div class="css-175oi2r r-13awgt0">' +
            r.masthead() + r.article() + r.related() + r.newsletter() + r.footer() +
            "</div></div>" + r.cookie() + "\n</body>\n</html>\n")


RENDER = {"semantic": render_semantic, "divsoup": render_divsoup, "hashed": render_hashed,
          "table": render_table, "amp": render_amp, "spa": render_spa,
          "aggregator": render_aggregator, "figures": render_figures,
          "seedlike": render_seedlike}


# --- generation --------------------------------------------------------------


def build_pool(docs):
    pool = {}
    for d in docs:
        pool.setdefault(d.lang, []).append(d)
    return pool


def choose_doc(rng, pool):
    """Languages in turn, so that a language with few texts still gets pages;
    hard negatives (AI-image articles, recipes with cookies) often."""
    negatives = [d for docs in pool.values() for d in docs if d.kind != "article"]
    if negatives and rng.random() < 0.15:
        return rng.choice(negatives)
    lang = rng.choice(sorted(pool))
    return rng.choice(pool[lang])


def generate(seed, count, docs):
    phrases = Phrases()
    cmps = cmp_selectors()
    pool = build_pool(docs)
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        doc = choose_doc(rng, pool)
        ui = doc.lang if (doc.lang in phrases.ui_langs and rng.random() < 0.35) \
            else rng.choice(phrases.ui_langs)
        template = TEMPLATES[index % len(TEMPLATES)]
        page = Page(index, rng, doc, ui, template, pool, phrases, cmps)
        yield page, RENDER[template](page)


def load_docs(shared, sample_only):
    docs = load_samples()
    if not sample_only:
        docs += load_shared(shared)
    return docs


def write_pages(out, seed, count, docs):
    os.makedirs(out, exist_ok=True)
    for page, markup in generate(seed, count, docs):
        d = os.path.join(out, f"{page.index:04d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "page.html"), "w", encoding="utf-8") as f:
            f.write(markup)
        with open(os.path.join(d, "expected.txt"), "w", encoding="utf-8") as f:
            f.write(page.expected())
        with open(os.path.join(d, "plan.json"), "w", encoding="utf-8") as f:
            json.dump(page.plan(), f, ensure_ascii=False, indent=1)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--sample-only", action="store_true",
                    help="only the texts in tests/synth/texts (no shared data)")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    args = ap.parse_args(argv)
    docs = load_docs(args.shared, args.sample_only)
    write_pages(args.out, args.seed, args.pages, docs)
    langs = sorted({d.lang for d in docs})
    print(f"synth: {args.pages} pages from {len(docs)} texts in {len(langs)} languages "
          f"({' '.join(langs)}) -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
