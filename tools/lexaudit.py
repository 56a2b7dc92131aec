#!/usr/bin/env python3
"""Find the evidence behind every phrase-lexicon row, and drop rows without any.

usage: tools/lexaudit.py [--lexgen build/lexgen] [--shared ../shared]
                         [--catalogs DIR] [--winnow build/winnow] [--cache FILE]
                         [--report FILE] [--rewrite] FILE.tsv...

The catalogs are read from Debian packages unpacked by hand, e.g.
  mkdir -p /tmp/cat && cd /tmp/cat && apt-get download wordpress-l10n mediawiki
  for d in *.deb; do dpkg-deb -x "$d" root; done
  tools/lexaudit.py --catalogs /tmp/cat/root --winnow build/winnow \
      data/{chrome,cta,ai-labels,consent,credits}.tsv

A lexicon row is knowledge of the web, not of one page. For each row this
looks for, in order:

  ref       a row of the shared reference tables (reference/*.tsv, each row
            naming its origin) that the row's pattern matches;
  catalog   a string of a CMS's message catalog, read from unpacked Debian
            packages under --catalogs (wordpress-l10n: wp-content/languages/
            LOCALE.mo, the site-facing strings; mediawiki: the JSON messages
            of languages/i18n, skins/* and extensions-core/*), in the row's
            own language, whose English original names the row's concept
            (CONCEPT_WORDS: a translation can be a homonym);
  tune      the number of distinct sites in the tune halves of the dev sets
            (bench/split.py; the site is the host, a dragnet page is its own
            site) with a text block that the row matches.

It also flags rows that equal a `without` snippet of a wcxb-dev or
trafilatura-dev page (either half): those are labels copied from a page.

Source kept per row: a catalog the row was read from by hand ("npm:...",
"debian:...", "OWNER/REPO:path#key"), "ref:ORIGIN", "catalog:PACKAGE LOCALE
KEY", or "tune-sites:N" when N >= 3. Rows with none are removed, and so is a copy of
a `without` snippet unless a reference table or a catalog names it or it
occurs on 3+ tune sites. --rewrite writes the files back with a 4th column,
`source`; without it the report alone is printed.

Phrases are compared after the matcher's own normalisation (lexgen
--normalize); "x *", "* x" and "* x *" match as the matcher does: the text
starts with, ends with, or holds x on word boundaries.
"""

import argparse
import collections
import gettext
import glob
import gzip
import html.parser
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bench"))
import split  # noqa: E402  (bench/split.py: the fixed tune/check split)

EXACT, PREFIX, SUFFIX, INFIX = "exact", "prefix", "suffix", "infix"
MIN_SITES = 3
DATASETS = ("wcxb-dev", "trafilatura-dev", "daniel-dev", "cleaneval", "dragnet")
WITHOUT_SETS = ("wcxb-dev", "trafilatura-dev")


# ---- normalisation -------------------------------------------------------


class Normalizer:
    """Batches strings through `lexgen --normalize`, caching the results."""

    def __init__(self, lexgen):
        self.lexgen = lexgen
        self.cache = {}

    def many(self, texts):
        todo = sorted({t for t in texts if t not in self.cache})
        if todo:
            clean = [t.replace("\n", " ").replace("\r", " ") for t in todo]
            out = subprocess.run([self.lexgen, "--normalize"], input="\n".join(clean) + "\n",
                                 capture_output=True, text=True, check=True).stdout
            lines = out.split("\n")[: len(todo)]
            if len(lines) != len(todo):
                raise SystemExit("lexaudit: lexgen --normalize returned a short answer")
            self.cache.update(zip(todo, lines))
        return [self.cache[t] for t in texts]


def split_pattern(phrase):
    """("match", core) as lexgen reads "* x", "x *" and "* x *"."""
    lead = len(phrase) > 2 and phrase.startswith("* ")
    trail = len(phrase) > 2 and phrase.endswith(" *")
    if lead and trail and len(phrase) > 4:
        return INFIX, phrase[2:-2]
    if lead:
        return SUFFIX, phrase[2:]
    if trail:
        return PREFIX, phrase[:-2]
    return EXACT, phrase


def is_cjk(ch):
    cp = ord(ch)
    return (0x3040 <= cp <= 0x30FF or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF
            or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FFFF)


def boundary_before(text, at):
    return at == 0 or text[at - 1] == " " or is_cjk(text[at - 1])


def boundary_after(text, at):
    return at == len(text) or text[at] == " " or is_cjk(text[at])


def pattern_hits(match, core, text):
    """True if normalised `text` matches the row (match, core) as the matcher does."""
    if match == EXACT:
        return text == core
    if match == PREFIX:
        return text.startswith(core) and boundary_after(text, len(core))
    if match == SUFFIX:
        return text.endswith(core) and boundary_before(text, len(text) - len(core))
    at = text.find(core)
    while at >= 0:
        if boundary_before(text, at) and boundary_after(text, at + len(core)):
            return True
        at = text.find(core, at + 1)
    return False


# ---- lexicon files -------------------------------------------------------


class Row:
    def __init__(self, path, lineno, lang, kind, phrase, source):
        self.path, self.lineno = path, lineno
        self.lang, self.kind, self.phrase, self.source = lang, kind, phrase, source
        self.match, self.raw_core = split_pattern(phrase)
        self.core = ""
        self.evidence = {}  # "ref" / "catalog" / "tune" -> description or count
        self.without_pages = 0

    def label(self):
        return f"{os.path.basename(self.path)}:{self.lineno}\t{self.lang}\t{self.kind}\t{self.phrase}"


def read_lexicon(path):
    """(lines, rows): every line of the file, and the phrase rows among them."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    rows = []
    for i, line in enumerate(lines, 1):
        if not line or (line.startswith("#") and (len(line) == 1 or line[1] == " ")):
            continue
        if line.startswith("lang\t"):
            continue
        cols = line.split("\t")
        rows.append(Row(path, i, cols[0], cols[1], cols[2], cols[3] if len(cols) > 3 else ""))
    return lines, rows


# ---- evidence: reference tables ------------------------------------------


def short_origin(source):
    """A reference row's origin without the notes on how it was found."""
    return re.split(r";\s*found via", source)[0].strip()


def load_references(shared, norm):
    refs = []  # (lang, normalised phrase, origin, file)
    for path in sorted(glob.glob(os.path.join(shared, "reference", "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            col = {name: i for i, name in enumerate(header)}
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < len(header):
                    continue
                refs.append((cols[col["lang"]], cols[col["phrase"]], cols[col["source"]],
                             os.path.basename(path)))
    normed = norm.many([r[1] for r in refs])
    return [(lang, n, origin, name) for (lang, _, origin, name), n in zip(refs, normed) if n]


def reference_evidence(row, refs):
    """A reference row the lexicon row's pattern matches; the row's language first.

    An exact row must equal the reference phrase; an affix row must match it
    as the matcher would (a banner sentence cut to its opening words, "x *").
    """
    best = None
    for lang, phrase, origin, name in refs:
        if row.match == EXACT:
            hit = phrase == row.core
        else:
            hit = pattern_hits(row.match, row.core, phrase)
        if hit and (best is None or (lang == row.lang and best[0] != row.lang)):
            best = (lang, origin)
            if lang == row.lang:
                break
    if best:
        return "ref:" + short_origin(best[1])
    return None


# ---- evidence: message catalogs ------------------------------------------

PLACEHOLDER = re.compile(r"%(\d+\$)?[sdfu]|%\([a-z_]+\)s|\$\d+|\{\{[^{}]*\}\}|\{[a-z_0-9]+\}|<[^>]*>",
                         re.I)


def catalog_pieces(text):
    """The (match, text) patterns a catalog string supports: the string itself
    when it has no placeholder, else each run of words between placeholders,
    as a prefix, suffix or infix according to where the placeholders are."""
    parts = PLACEHOLDER.sub("\x00", text).split("\x00")
    if len(parts) == 1:
        return [(EXACT, text)]
    out = []
    for i, part in enumerate(parts):
        if not part.strip():
            continue
        first, last = i == 0, i == len(parts) - 1
        out.append((PREFIX if first else SUFFIX if last else INFIX, part))
    return out


def iso_of_locale(locale):
    return locale.split("_")[0].split("-")[0].lower()


BARE_PERCENT = re.compile(r"%(?![\w($%])")


def wordpress_strings(root):
    """(lang, locale, key, text, English original) of WordPress's site-facing
    catalogs (LOCALE.mo); the key is the msgid, which is the English text."""
    langdir = os.path.join(root, "usr/share/wordpress/wp-content/languages")
    english = set()  # the msgids are WordPress's English strings
    for path in sorted(glob.glob(os.path.join(langdir, "*.mo"))):
        locale = os.path.basename(path)[:-3]
        if "-" in locale:  # admin-*, admin-network-*, continents-cities-*
            continue
        with open(path, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
        for key, text in cat.items():
            msgid = key[0] if isinstance(key, tuple) else key
            msgid = msgid.split("\x04")[-1]  # drop a msgctxt
            if not msgid:
                continue
            text = BARE_PERCENT.sub("0", text)  # "% Comments": WordPress's comment count
            yield iso_of_locale(locale), locale, json.dumps(msgid, ensure_ascii=False), text, msgid
            if msgid not in english:
                english.add(msgid)
                yield "en", "en", json.dumps(msgid, ensure_ascii=False), BARE_PERCENT.sub("0", msgid), msgid


def mediawiki_strings(root):
    """(lang, locale, key, text, English original) of MediaWiki's messages."""
    base = os.path.join(root, "usr/share/mediawiki")
    paths = glob.glob(os.path.join(base, "languages/i18n/*.json"))
    paths += glob.glob(os.path.join(base, "skins/*/i18n/*.json"))
    paths += glob.glob(os.path.join(base, "extensions-core/*/i18n/*.json"))
    english = {}  # directory -> its en.json, the messages' English originals
    for path in sorted(paths):
        locale = os.path.basename(path)[:-5]
        if locale == "qqq":  # documentation, not a language
            continue
        directory = os.path.dirname(path)
        if directory not in english:
            english[directory] = read_messages(os.path.join(directory, "en.json"))
        for key, text in read_messages(path).items():
            original = english[directory].get(key)
            if key.startswith("@") or not isinstance(text, str) or not isinstance(original, str):
                continue
            yield iso_of_locale(locale), locale, key, text, original


def read_messages(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def load_catalogs(root, norm, langs):
    """{(lang, match, normalised text): [(source, English original)]} from the
    unpacked packages."""
    if not root or not os.path.isdir(root):
        return {}
    entries = []
    for package, strings in (("wordpress-l10n", wordpress_strings), ("mediawiki", mediawiki_strings)):
        for lang, locale, key, text, original in strings(root):
            if lang not in langs or len(text) > 300:
                continue
            source = f"catalog:{package} {locale} {key}"
            if package == "mediawiki":
                source += " " + json.dumps(original[:60], ensure_ascii=False)
            for match, piece in catalog_pieces(text):
                entries.append((lang, match, piece, source, original))
    normed = norm.many([e[2] for e in entries])
    table = collections.defaultdict(list)
    for (lang, match, _, source, original), n in zip(entries, normed):
        if n:
            table[(lang, match, n)].append((source, original))
    return table


# What a catalog string's English original must say for it to back a row of
# a concept: the same words in another language can mean something else
# (German "Anzeige" is an advertisement, and MediaWiki's "Display").
CONCEPT_WORDS = {
    "navigation": r"top|skip|jump|next|prev|back|home|menu|navigat|content|older|newer|main",
    "comments": r"comment|repl|respon|discussion|talk|feedback",
    "read-more": r"more|continue|read|learn|full|view all|show all|expand",
    "share": r"share|print|e-?mail|copy|link|tweet|facebook|send|follow",
    "tags": r"tag|categor|filed|topic|keyword",
    "preferences": r"setting|preferenc|manage|customi|option|choice|cookie|privacy",
    "policy": r"privacy|cookie|policy|data protection|legal|terms|imprint",
    "related": r"related|also|similar|more|recommend|popular|recent|latest|trending|other",
    "image": r"photo|image|picture|source|credit|copyright|file|author",
    "credit": r"photo|image|picture|source|credit|by",
    "reject": r"reject|decline|refuse|deny|necessary|essential|disagree|no thanks|only",
    "accept": r"accept|agree|allow|\bok\b|consent|got it",
    "forum": r"reply|quote|post|thread|topic|report|like|member|join",
    "copyright": r"copyright|rights|©|licen",
    "download": r"download|pdf",
    "counts": r"comment|view|repl|vote|answer|like|%",
    "pingback": r"pingback|trackback",
    "account": r"log ?in|sign|account|register|log ?out|password",
    "postmeta": r"posted|\bby\b|written|published|updated|filed|author",
    "pagination": r"page|next|prev|older|newer",
    "font-size": r"font|text size|larger|smaller|size",
    "advertisement": r"advert|\bads?\b|sponsor|promot",
    "shop": r"cart|basket|buy|price|shop|order|wishlist|checkout|stock|add to",
    "gallery": r"gallery|photo|image|slide",
    "newsletter": r"newsletter|subscri|sign up|inbox",
    "author": r"author|about|written|\bby\b",
}


def concept_of(row):
    return row.kind.split("/", 1)[1] if "/" in row.kind else row.kind


def means_concept(original, concept):
    words = CONCEPT_WORDS.get(concept)
    return bool(words and re.search(words, original, re.I))


def catalog_evidence(row, catalogs):
    """A catalog string in the row's language that is the row's phrase (the
    same text with the same placeholders, or for an exact row the whole
    string) and whose English original says what the row's concept says."""
    for match in (row.match, EXACT) if row.match != EXACT else (EXACT,):
        for source, original in catalogs.get((row.lang, match, row.core), ()):
            if means_concept(original, concept_of(row)):
                return source
    return None


# ---- evidence: tune-half sites -------------------------------------------

BLOCK_TAGS = set("""address article aside blockquote body br dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section
summary table tbody td tfoot th thead tr ul title option""".split())
CONTROL_TAGS = {"a", "button", "label", "span", "strong", "em", "b", "small", "time", "cite"}
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
MAX_CONTROL_CHARS = 300


class TextBlocks(html.parser.HTMLParser):
    """The text of every block (split at block-level tags) and of every short
    inline control (a link, a button, a label...) of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.block, self.controls, self.skip = set(), [], [], 0

    def flush(self):
        text = " ".join("".join(self.block).split())
        if text:
            self.texts.add(text)
        self.block = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.flush()
            self.controls = []
        elif tag in CONTROL_TAGS and len(self.controls) < 8:
            self.controls.append([tag, []])

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.flush()
            self.controls = []
        elif tag in CONTROL_TAGS:
            for i in range(len(self.controls) - 1, -1, -1):
                if self.controls[i][0] == tag:
                    text = " ".join("".join(self.controls[i][1]).split())
                    if text and len(text) <= MAX_CONTROL_CHARS:
                        self.texts.add(text)
                    del self.controls[i]
                    break

    def handle_data(self, data):
        if self.skip:
            return
        self.block.append(data)
        for control in self.controls:
            control[1].append(data)


def decode_page(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb'charset=["\']?([A-Za-z0-9_\-]+)', raw[:4096])
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace")


def page_texts(path):
    with gzip.open(path, "rb") as f:
        text = decode_page(f.read())
    parser = TextBlocks()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # html.parser gives up on some broken markup; keep what it read
        pass
    parser.flush()
    return parser.texts


EXPLAIN_LINE = re.compile(r"^\S+ .*?\s(\d+)\s+[\d.]+\s+[+-]?[\d.]+\s+\S{10}\s+\S+\s+(.*)$")
EXPLAIN_CUT = "..."


def winnow_blocks(winnow, raw):
    """(whole texts, heads) of the blocks winnow's segmenter makes of a page,
    from --explain; a long block is shown cut, and only its head, without
    the last word, is kept, for matching phrases a text starts with or holds."""
    try:
        html_bytes = gzip.decompress(raw)
        out = subprocess.run([winnow, "--explain", "-"], input=html_bytes, capture_output=True,
                             timeout=60).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return set(), set()
    whole, heads = set(), set()
    for line in out.split("\n"):
        m = EXPLAIN_LINE.match(line)
        if not m or line.startswith("#"):
            continue
        size, text = int(m.group(1)), m.group(2)
        shown = text[: -len(EXPLAIN_CUT)] if text.endswith(EXPLAIN_CUT) else text
        if len(shown.encode("utf-8")) < size:
            head = shown.rsplit(" ", 1)[0] if " " in shown else ""
            if head:
                heads.add(head)
        elif text:
            whole.add(text)
    return whole, heads


def tune_texts(shared, cache_path, winnow=None):
    """({text: set of sites}, {head of a long text: set of sites}) over the
    tune halves of every dev set: the page's blocks as a plain HTML reading
    splits them, and as winnow's segmenter does (which joins table cells and
    inline runs) when `winnow` is given."""
    if cache_path and os.path.exists(cache_path):
        with open(cache_path, encoding="utf-8") as f:
            data = json.load(f)
        return ({t: set(s) for t, s in data["whole"].items()},
                {t: set(s) for t, s in data["heads"].items()})
    whole, heads = collections.defaultdict(set), collections.defaultdict(set)
    for name in DATASETS:
        directory = os.path.join(shared, "data", name)
        for pid, half, site in split.dataset_halves(directory):
            if half != split.TUNE:
                continue
            page = os.path.join(directory, pid + ".html.gz")
            if not os.path.exists(page):
                continue
            key = f"{name}/{site}" if site.startswith("id:") else site
            for text in page_texts(page):
                whole[text].add(key)
            if winnow:
                with open(page, "rb") as f:
                    texts, cut = winnow_blocks(winnow, f.read())
                for text in texts:
                    whole[text].add(key)
                for text in cut:
                    heads[text].add(key)
    if cache_path:
        with open(cache_path, "w", encoding="utf-8") as f:
            json.dump({"whole": {t: sorted(s) for t, s in whole.items()},
                       "heads": {t: sorted(s) for t, s in heads.items()}}, f, ensure_ascii=False)
    return whole, heads


def normalised_sites(texts_sites, norm):
    texts = list(texts_sites)
    by_norm = collections.defaultdict(set)
    for text, n in zip(texts, norm.many(texts)):
        if n:
            by_norm[n] |= texts_sites[text]
    return by_norm


def index_rows(rows):
    exact, first_word, last_word, cjk = {}, collections.defaultdict(list), collections.defaultdict(list), []
    for row in rows:
        row.sites = set()
        if not row.core:
            continue
        if any(is_cjk(c) for c in row.core):
            cjk.append(row)
        elif row.match == EXACT:
            exact.setdefault(row.core, []).append(row)
        elif row.match == SUFFIX:
            last_word[row.core.split(" ")[-1]].append(row)
        else:
            first_word[row.core.split(" ")[0]].append(row)
    return exact, first_word, last_word, cjk


def rows_hit(text, index, head):
    """The rows a normalised text matches; a head (the start of a longer text)
    can only show that the text starts with or holds a phrase."""
    exact, first_word, last_word, cjk = index
    hits = [] if head else list(exact.get(text, ()))
    words = text.split(" ")
    if not head:
        hits += [r for r in last_word.get(words[-1], ()) if pattern_hits(SUFFIX, r.core, text)]
    for i, word in enumerate(words):
        for row in first_word.get(word, ()):
            if (row.match == PREFIX and i > 0) or row in hits:
                continue
            if pattern_hits(row.match, row.core, text):
                hits.append(row)
    if cjk and any(is_cjk(c) for c in text):
        hits += [r for r in cjk if (not head or r.match in (PREFIX, INFIX))
                 and pattern_hits(r.match, r.core, text)]
    return hits


def count_sites(rows, whole, heads, norm):
    """Sets row.evidence["tune"] to the number of tune sites the row matches on."""
    index = index_rows(rows)
    for texts, head in ((whole, False), (heads, True)):
        for text, sites in normalised_sites(texts, norm).items():
            for row in rows_hit(text, index, head):
                row.sites |= sites
    for row in rows:
        row.evidence["tune"] = len(row.sites)


# ---- `without` snippets --------------------------------------------------


def without_snippets(shared, norm):
    """{normalised snippet: number of pages listing it under `without`}."""
    pages = collections.Counter()
    snippets = []
    for name in WITHOUT_SETS:
        for path in glob.glob(os.path.join(shared, "data", name, "*.json")):
            with open(path, encoding="utf-8") as f:
                meta = json.load(f)
            snippets.append(set(s for s in meta.get("without") or () if isinstance(s, str)))
    flat = sorted(set().union(*snippets)) if snippets else []
    normed = dict(zip(flat, norm.many(flat)))
    for page in snippets:
        for n in {normed[s] for s in page}:
            if n:
                pages[n] += 1
    return pages


# ---- rows from WordPress's translations ------------------------------------

# Strings every WordPress site with posts and comments shows, and the row each
# translation makes: (msgid, kind, pattern with {} for the translation, min words).
# A one-word translation of "Leave a Reply" is also a forum's "Reply" button,
# so section headings need two words; a count row needs its number.
WORDPRESS_ROWS = (
    ("Leave a Reply", "section/comments", "{}", 2),
    ("Leave a Comment", "section/comments", "{}", 2),
    ("Previous Post", "line/navigation", "{}", 1),
    ("Next Post", "line/navigation", "{}", 1),
    ("% Comments", "line/counts", "* {}", 1),
    ("1 Comment", "line/counts", "* {}", 1),
    ("Comments are closed.", "section/comments", "{}", 2),
)


def wordpress_rows(root, rows, norm):
    """Rows the WORDPRESS_ROWS strings give in each WordPress locale whose
    phrase (normalised, same pattern) no lexicon row has yet."""
    langdir = os.path.join(root, "usr/share/wordpress/wp-content/languages")
    have = {(r.match, r.core) for r in rows}
    out, seen = [], set()
    for path in sorted(glob.glob(os.path.join(langdir, "*.mo"))):
        locale = os.path.basename(path)[:-3]
        if "-" in locale or locale.startswith("en_") or len(iso_of_locale(locale)) != 2:
            continue
        with open(path, "rb") as f:
            catalog = gettext.GNUTranslations(f)._catalog
        by_msgid = {}
        for key, text in catalog.items():
            by_msgid.setdefault((key[0] if isinstance(key, tuple) else key).split("\x04")[-1], text)
        for msgid, kind, pattern, min_words in WORDPRESS_ROWS:
            text = by_msgid.get(msgid)
            if not text or "%" in text.replace("%", "", 1) or len(text.split()) < min_words:
                continue
            phrase = pattern.format(re.sub(r"%(\d+\$)?[sd]?", "0", text).strip())
            if kind == "line/counts" and not re.search(r"\d", phrase):
                continue  # "Un commentaire" also ends sentences; a count has its number
            match, core = split_pattern(phrase)
            key = (match, norm.many([core])[0])
            if not key[1] or key in have or key in seen:
                continue
            seen.add(key)
            source = f"catalog:wordpress-l10n {locale} {json.dumps(msgid)}"
            out.append((iso_of_locale(locale), kind, phrase, source))
    return sorted(out)


# ---- decision and output -------------------------------------------------


def read_from_catalog(source):
    """A source naming a public catalog read by hand: "npm:PKG@VER path#key",
    "debian:PKG LOCALE ...", or "OWNER/REPO:path[@commit]#key (licence)"."""
    if not source:
        return False
    return (source.startswith(("npm:", "debian:"))
            or re.match(r"^[\w.-]+/[\w.-]+:\S", source) is not None)


def decide(row):
    """The row's source, or None if it is to be removed."""
    if read_from_catalog(getattr(row, "source", None)):
        return row.source
    if row.evidence.get("ref"):
        return row.evidence["ref"]
    if row.evidence.get("catalog"):
        return row.evidence["catalog"]
    if row.evidence.get("tune", 0) >= MIN_SITES:
        return f"tune-sites:{row.evidence['tune']}"
    return None


def category(source):
    return source.split(":")[0] if source else "removed"


def rewrite(path, lines, rows):
    by_line = {r.lineno: r for r in rows}
    out = []
    for i, line in enumerate(lines, 1):
        if line.startswith("lang\t"):
            out.append("lang\tkind\tphrase\tsource")
            continue
        row = by_line.get(i)
        if row is None:
            out.append(line)
        elif row.new_source:
            out.append(f"{row.lang}\t{row.kind}\t{row.phrase}\t{row.new_source}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def report(files, out):
    totals = collections.Counter()
    for path, (_, rows) in files.items():
        counts = collections.Counter(category(r.new_source) for r in rows)
        copies = sum(1 for r in rows if r.without_pages)
        copies_removed = sum(1 for r in rows if r.without_pages and not r.new_source)
        print(f"{path}: {len(rows)} rows; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
              + f"; copies of a `without` snippet {copies} ({copies_removed} removed)", file=out)
        totals.update(counts)
    print("all: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())), file=out)
    print("\n# row\tsource (or REMOVED)\ttune sites\twithout pages\tref\tcatalog", file=out)
    for path, (_, rows) in files.items():
        for r in rows:
            print(f"{r.label()}\t{r.new_source or 'REMOVED'}\t{r.evidence.get('tune', 0)}\t"
                  f"{r.without_pages}\t{r.evidence.get('ref') or '-'}\t{r.evidence.get('catalog') or '-'}",
                  file=out)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--lexgen", default=os.path.join(HERE, "..", "build", "lexgen"))
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--catalogs", help="root of unpacked Debian packages (dpkg-deb -x)")
    ap.add_argument("--winnow", help="winnow binary: also match the blocks its segmenter makes")
    ap.add_argument("--cache", help="file to keep the tune-half page texts in between runs")
    ap.add_argument("--report", help="write the per-row report here (default: stdout)")
    ap.add_argument("--rewrite", action="store_true", help="write the files back with sources")
    ap.add_argument("--wordpress-rows", action="store_true",
                    help="print the rows WordPress's translations add (WORDPRESS_ROWS) and stop")
    args = ap.parse_args(argv)

    norm = Normalizer(args.lexgen)
    files = {p: read_lexicon(p) for p in args.files}
    rows = [r for _, rs in files.values() for r in rs]
    for row, core in zip(rows, norm.many([r.raw_core for r in rows])):
        row.core = core

    if args.wordpress_rows:
        for row in wordpress_rows(args.catalogs, rows, norm):
            print("\t".join(row))
        return 0
    refs = load_references(args.shared, norm)
    catalogs = load_catalogs(args.catalogs, norm, {r.lang for r in rows} | {"en"})
    withouts = without_snippets(args.shared, norm)
    whole, heads = tune_texts(args.shared, args.cache, args.winnow)
    count_sites(rows, whole, heads, norm)
    for row in rows:
        row.evidence["ref"] = reference_evidence(row, refs)
        row.evidence["catalog"] = catalog_evidence(row, catalogs)
        row.without_pages = withouts.get(row.core, 0)
        row.new_source = decide(row)

    out = open(args.report, "w", encoding="utf-8") if args.report else sys.stdout
    report(files, out)
    if args.rewrite:
        for path, (lines, rs) in files.items():
            rewrite(path, lines, rs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
