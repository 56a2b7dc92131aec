#include "foreign.h"

#include "ailabel.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buffer.h"
#include "byline.h"
#include "classify.h"
#include "classify_passes.h"
#include "langid.h"
#include "normalize.h"
#include "related.h"

/* Bytes of kept prose the document's language is judged on. */
static const size_t SAMPLE_BYTES = 1500;
/* A block of prose long enough to stand for the article's language. */
static const int SAMPLE_MIN_CHARS = 80;
/* The <html lang> hint wins when it trails the best guess by at most this
 * much per letter of the sample (close languages: Norwegian and Danish). */
static const double HINT_GAP_PER_LETTER = 0.02;
/* Longer blocks are prose, whatever their language: quotes, not chrome. */
static const int FOREIGN_MAX_WORDS = 30;
/* A line of two words to this many that names AI, and reads this much
 * better (nats) as another language, is an AI label in that language. */
static const int AI_LABEL_WORDS = 4;
static const double AI_LABEL_FOREIGN_GAP = 4.0;
/* ...within this many blocks under the headline, or in a figure. */
static const size_t AI_LABEL_HEADLINE_BLOCKS = 6;
/* A short block's language is read from this many bytes at most. */
static const size_t ASSESS_MAX_BYTES = 4096;
/* Up to this many words and without a full stop, a foreign block is a label. */
static const int LABEL_WORDS = 6;
/* The site's interface reads as another language than the article's with
 * this many letters at least, the article's trailing by this much per letter. */
static const int INTERFACE_MIN_LETTERS = 60;
static const double INTERFACE_GAP_PER_LETTER = 0.1;
/* A heading reads as the site's language, when that is known, by this margin. */
static const double SITE_HEADING_GAP = 8.0;
/* Per word, how far a same-script sentence must trail to be another language's. */
static const double SENTENCE_GAP_PER_WORD = 6.0;
/* In another script, a longer line is still an interface sentence. */
static const int LABEL_WORDS_OTHER_SCRIPT = 20;
static const double LINK_HEAVY = 0.5;
static const uint32_t CHROME_CUES = WN_EL_NAV | WN_EL_FOOTER | WN_EL_HEADER | WN_EL_ASIDE |
                                    WN_EL_DIALOG | WN_EL_FORM | WN_EL_FIGURE | WN_EL_CAPTION |
                                    WN_EL_NEGATIVE_NAME;

/* Known words: what fraction of a short block's words the article's own
 * prose uses makes it the article's language, whatever the n-grams say
 * ("1 egg and 1 egg yolk" under a recipe, product names on a shop page). */
static const double KNOWN_WORDS_SHARE = 0.5;
/* On a page, a same-script verdict needs this margin whatever the length:
 * product names and specifications are harder than interface strings. */
static const double PAGE_SAME_SCRIPT_GAP = 16.0;

typedef struct vocabulary {
  uint64_t *keys;
  int *counts;
  size_t cap, used;
} vocabulary;

static uint64_t word_hash(const char *w, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
  return h | 1; /* 0 marks an empty slot */
}

static size_t vocab_find(const vocabulary *v, uint64_t key) {
  size_t i = key & (v->cap - 1);
  while (v->keys[i] && v->keys[i] != key) i = (i + 1) & (v->cap - 1);
  return i;
}

/* Twice the slots. The table is sized from the blocks' word counts, but
 * normalising can split text into more words than were counted, and a
 * full open-addressing table would never find a free slot. */
static void vocab_grow(vocabulary *v) {
  vocabulary bigger = {wn_xcalloc(2 * v->cap, sizeof *v->keys),
                       wn_xcalloc(2 * v->cap, sizeof *v->counts), 2 * v->cap, v->used};
  for (size_t i = 0; i < v->cap; i++) {
    if (!v->keys[i]) continue;
    size_t j = vocab_find(&bigger, v->keys[i]);
    bigger.keys[j] = v->keys[i];
    bigger.counts[j] = v->counts[i];
  }
  free(v->keys);
  free(v->counts);
  *v = bigger;
}

static int *vocab_slot(vocabulary *v, uint64_t key, bool insert) {
  size_t i = vocab_find(v, key);
  if (!v->keys[i]) {
    if (!insert) return NULL;
    if (2 * (v->used + 1) > v->cap) {
      vocab_grow(v);
      i = vocab_find(v, key);
    }
    v->keys[i] = key;
    v->used++;
  }
  return &v->counts[i];
}

/* Calls fn on each word of the block's normalised text. */
static void for_each_word(const wn_block *b, void (*fn)(const char *, size_t, void *), void *data) {
  size_t len;
  char *norm = wn_normalize_phrase(b->text, b->text_len, &len);
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && norm[j] != ' ') j++;
    if (j > i) fn(norm + i, j - i, data);
    i = j + 1;
  }
  free(norm);
}

static void count_word(const char *w, size_t n, void *data) {
  vocabulary *v = data;
  int *c = vocab_slot(v, word_hash(w, n), true);
  if (c) (*c)++;
}

/* The article's prose; on a listing, every entry (titles share their words). */
static bool in_vocabulary(const wn_page *page, const wn_block *b) {
  return b->keep && (page->listing || b->chars >= SAMPLE_MIN_CHARS);
}

static void build_vocabulary(const wn_page *page, vocabulary *v) {
  size_t words = 0;
  for (size_t i = 0; i < page->block_count; i++)
    if (in_vocabulary(page, &page->blocks[i])) words += (size_t)page->blocks[i].words;
  v->cap = 64;
  while (v->cap < 2 * words + 2) v->cap *= 2;
  v->keys = wn_xcalloc(v->cap, sizeof *v->keys);
  v->counts = wn_xcalloc(v->cap, sizeof *v->counts);
  for (size_t i = 0; i < page->block_count; i++)
    if (in_vocabulary(page, &page->blocks[i])) for_each_word(&page->blocks[i], count_word, v);
}

typedef struct known_tally {
  vocabulary *v;
  int own;   /* occurrences the block itself put in the vocabulary (one per word) */
  int known, total;
} known_tally;

static void check_word(const char *w, size_t n, void *data) {
  known_tally *t = data;
  if (n == 1 && w[0] == '0') return; /* numbers say nothing */
  t->total++;
  int *c = vocab_slot(t->v, word_hash(w, n), false);
  if (c && *c > t->own) t->known++;
}

static bool uses_article_words(const wn_page *page, vocabulary *v, const wn_block *b) {
  if (!v->keys) build_vocabulary(page, v); /* only pages with candidates pay for it */
  known_tally t = {v, in_vocabulary(page, b) ? 1 : 0, 0, 0};
  for_each_word(b, check_word, &t);
  return t.total > 0 && t.known >= KNOWN_WORDS_SHARE * t.total;
}

/* The block's first `max` bytes at most, cut back to a character's start. */
static size_t text_prefix(const wn_block *b, size_t max) {
  size_t n = b->text_len < max ? b->text_len : max;
  while (n > 0 && n < b->text_len && ((unsigned char)b->text[n] & 0xC0) == 0x80) n--;
  return n;
}

static void append_sample(wn_buf *sample, const wn_block *b) {
  wn_buf_append(sample, b->text, text_prefix(b, SAMPLE_BYTES - sample->len));
  wn_buf_putc(sample, ' ');
}

/* Kept prose first; if there is none, whatever was kept. */
static void build_sample(const wn_page *page, wn_buf *sample) {
  for (int pass = 0; pass < 2 && sample->len == 0; pass++)
    for (size_t i = 0; i < page->block_count && sample->len < SAMPLE_BYTES; i++) {
      const wn_block *b = &page->blocks[i];
      if (!b->keep || b->kind == WN_BLOCK_CODE) continue;
      if (pass == 0 && b->chars < SAMPLE_MIN_CHARS) continue;
      append_sample(sample, b);
    }
}

void wn_identify_document_language(wn_page *page) {
  page->doc_lang = page->stated_lang;
  if (page->doc_lang >= 0) return;
  int hint = wn_lang_find(page->lang);
  wn_buf sample;
  wn_buf_init(&sample);
  build_sample(page, &sample);
  wn_lang_evidence ev = wn_lang_identify(sample.data ? sample.data : "", sample.len);
  page->doc_lang = ev.best;
  if (hint >= 0 && (ev.best < 0 || hint == ev.best)) {
    page->doc_lang = hint;
  } else if (hint >= 0 && wn_lang_writes(hint, ev.script)) {
    wn_lang_evidence h = wn_lang_assess(sample.data, sample.len, hint);
    if (h.gap_to_best <= HINT_GAP_PER_LETTER * h.letters) page->doc_lang = hint;
  }
  wn_buf_free(&sample);
}

/* Text the page itself marks as another language, or quotes. */
static bool marked_as_other_text(const wn_page *page, const wn_block *b) {
  uint32_t flags = page->elements[b->owner].inherited;
  if (b->lang_tagged || (flags & (WN_EL_LANG | WN_EL_BLOCKQUOTE))) return true;
  /* Quotes, code, rows of a table (a glossary, a timetable) and items of a
   * list that are not links (ingredients, specifications) are data. */
  if (b->kind == WN_BLOCK_QUOTE || b->kind == WN_BLOCK_CODE || b->kind == WN_BLOCK_TABLE_ROW)
    return true;
  if (b->kind == WN_BLOCK_LIST_ITEM && (!b->chars || (double)b->link_chars / b->chars < LINK_HEAVY))
    return true;
  return wn_opens_with_quote(b->text);
}

static bool has_chrome_cues(const wn_page *page, const wn_block *b) {
  if (b->chars && (double)b->link_chars / b->chars >= LINK_HEAVY) return true;
  return (page->elements[b->owner].inherited & CHROME_CUES) != 0;
}

/*
 * In another script, a line of up to LABEL_WORDS_OTHER_SCRIPT words is
 * interface text. In the same script the evidence is weaker, and a foreign
 * sentence in running text may be the author's ("Be there or be square!"):
 * only labels (a few words, no sentence) or blocks with chrome cues go.
 * `words`: words with letters in them (numbers are not words here).
 */
static bool looks_like_chrome(const wn_page *page, const wn_block *b, const wn_lang_evidence *ev,
                              bool other_script) {
  if (has_chrome_cues(page, b)) return true;
  if (other_script) return ev->words <= LABEL_WORDS_OTHER_SCRIPT || b->kind == WN_BLOCK_HEADING;
  if (b->kind == WN_BLOCK_HEADING) return false;
  if (b->words <= LABEL_WORDS && !wn_block_ends_sentence(b)) return true;
  /* A sentence with no word of the page's language in it is a pitch
   * ("Enjoy unlimited access..."); a foreign phrase the author wrote into
   * the text is rarely that far from the page's language, word for word. */
  return ev->words <= LABEL_WORDS_OTHER_SCRIPT && ev->gap_to_best >= SENTENCE_GAP_PER_WORD * ev->words;
}

/* A block whose every word (of two letters or more) is capitalised is a
 * name: a product, a person, a place, a title in Title Case. Its letters say
 * little about a language. (German capitalises every noun, so a German row
 * of nouns reads as names too: a known gap.) */
static bool all_names(const wn_block *b) {
  int words = 0, capitalised = 0;
  for (size_t i = 0; i < b->text_len;) {
    size_t j = i;
    while (j < b->text_len && b->text[j] != ' ') j++;
    utf8proc_int32_t first = 0, second = 0;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)b->text + i,
                                          (utf8proc_ssize_t)(j - i), &first);
    if (n > 0 && (size_t)n < j - i)
      utf8proc_iterate((const utf8proc_uint8_t *)b->text + i + n, (utf8proc_ssize_t)(j - i - n), &second);
    bool word = n > 0 && utf8proc_category(second) >= UTF8PROC_CATEGORY_LU &&
                utf8proc_category(second) <= UTF8PROC_CATEGORY_LO;
    if (word && utf8proc_category(first) == UTF8PROC_CATEGORY_LU) capitalised++;
    if (word && utf8proc_category(first) >= UTF8PROC_CATEGORY_LU &&
        utf8proc_category(first) <= UTF8PROC_CATEGORY_LO)
      words++;
    i = j + 1;
  }
  return words >= 2 && capitalised == words;
}

static void drop(wn_block *b) { wn_decide(b, WN_DROP_FOREIGN, WN_PASS_FOREIGN_CHROME); }

/* Is block `i` next to a block dropped as foreign chrome? */
static bool beside_foreign(const wn_page *page, size_t i) {
  if (i > 0 && page->blocks[i - 1].reason == WN_DROP_FOREIGN) return true;
  return i + 1 < page->block_count && page->blocks[i + 1].reason == WN_DROP_FOREIGN;
}

/* Where a label sits: in a figure, or a few blocks under the headline
 * (the article's byline). */
static bool at_label_place(const wn_page *page, size_t i) {
  if (page->elements[page->blocks[i].owner].inherited & WN_EL_FIGURE) return true;
  int headline = page->article_headline;
  return headline >= 0 && i > (size_t)headline && i - (size_t)headline <= AI_LABEL_HEADLINE_BLOCKS;
}

/* "Raportoinut AI", "Rapporterad av AI": a short line ending with the term
 * for AI in capitals, in another language than the page's, at a label's
 * place or in the language of the site's interface: an AI label whose
 * other words the lexicon does not know. A heading or a link naming AI is
 * a product's or a section's name. */
static bool foreign_ai_label(const wn_page *page, size_t i, const wn_lang_evidence *ev, int lang,
                             int site) {
  const wn_block *b = &page->blocks[i];
  if (b->kind == WN_BLOCK_HEADING || b->words < 2 || b->words > AI_LABEL_WORDS) return false;
  if (ev->best == lang || ev->gap_to_best < AI_LABEL_FOREIGN_GAP || b->link_chars * 2 > b->chars)
    return false;
  return (at_label_place(page, i) || (site >= 0 && ev->best == site)) && wn_ends_naming_ai(b);
}

/* Whether the block is an author line whose opener is another language's
 * word for "By" than the page's ("Oleh" on a Romanian page). */
static bool opened_in_another_language(const wn_block *b, int lang) {
  const char *opener = wn_author_line_lang(b);
  int opener_lang = opener ? wn_lang_find(opener) : -1;
  return opener_lang >= 0 && opener_lang != lang;
}

/* The site's interface: its menus, header, footer and notices. */
static const uint32_t INTERFACE_CUES = WN_EL_NAV | WN_EL_FOOTER | WN_EL_HEADER | WN_EL_DIALOG |
                                       WN_EL_CONSENT;

/* The text of the site's interface, dropped before language was judged:
 * what its menus, header, footer and notices hold, and short lines. */
static void build_interface_sample(const wn_page *page, wn_buf *sample) {
  for (size_t i = 0; i < page->block_count && sample->len < SAMPLE_BYTES; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->keep || b->kind == WN_BLOCK_CODE) continue;
    if ((page->elements[b->owner].inherited & INTERFACE_CUES) || !wn_reads_as_prose(b))
      append_sample(sample, b);
  }
}

/*
 * The language the site's own interface is written in, when it is not
 * the article's ("fi" over an English story): the one <html lang> names,
 * or without one, the language its menus, header, footer and notices read
 * as, clearly and at some length.
 */
static int site_language(const wn_page *page, int lang) {
  if (page->lang && *page->lang) {
    int site = wn_lang_find(page->lang);
    if (site >= 0 && site != lang) return site;
    /* A <html lang> naming the article's language may be a template's
     * default ("en-US" left as it came): the interface itself tells. */
  }
  wn_buf sample;
  wn_buf_init(&sample);
  build_interface_sample(page, &sample);
  int site = -1;
  if (sample.len) {
    wn_lang_evidence ev = wn_lang_assess(sample.data, sample.len, lang);
    if (ev.best >= 0 && ev.best != lang && ev.letters >= INTERFACE_MIN_LETTERS &&
        ev.gap_to_best >= INTERFACE_GAP_PER_LETTER * ev.letters)
      site = ev.best;
  }
  wn_buf_free(&sample);
  return site;
}

/* A section heading in the site's language, not the article's: the
 * site's own ("Liittyvät artikkelit" over an English story's teasers).
 * The site's language is known, so it need only fit the heading better
 * than the article's by a margin, whatever language fits best ("Lees ook"
 * reads best as Afrikaans, and better as Dutch than as English). */
static bool site_heading(const wn_block *b, const wn_lang_evidence *ev, int site, size_t len) {
  if (b->kind != WN_BLOCK_HEADING || site < 0 || ev->gap_to_best < SITE_HEADING_GAP) return false;
  wn_lang_evidence as_site = wn_lang_assess(b->text, len, site);
  return ev->gap_to_best - as_site.gap_to_best >= SITE_HEADING_GAP;
}

/* A section title of the lexicon's in the site's language. */
static bool site_section_title(const wn_block *h, int site) {
  return h->lexicon && h->lexicon->role == WN_LEX_SECTION && wn_lang_find(h->lexicon->lang) == site;
}

/* A section heading dropped as the site's: in its language by its letters,
 * or a section title of the lexicon's in its language (a "Related" box the
 * lexicon knows, whose teasers outweighed the story). */
static bool site_section_heading(const wn_block *h, int site) {
  if (h->kind != WN_BLOCK_HEADING || h->keep) return false;
  if (h->reason == WN_DROP_FOREIGN) return h->lang == site;
  return site_section_title(h, site);
}

/* A label in the site's language that is no heading ("Lue myös" in a
 * <div>), dropped as the site's or as a section title the lexicon knows in
 * that language: a few words, not a sentence (a notice to subscribers opens
 * no section). */
static bool site_label(const wn_block *h, int site) {
  if (h->kind == WN_BLOCK_HEADING || h->keep || h->punctuation != 0 || h->words > (size_t)LABEL_WORDS)
    return false;
  return h->reason == WN_DROP_FOREIGN ? h->lang == site : site_section_title(h, site);
}

/* A paragraph of prose with no link in it: the story going on past a
 * heading set in its flow ("Mainos", an advertisement's slot), where the
 * site's teasers link to their stories. One that a dropped line naming AI
 * follows is a picture's caption ("AI:n luoma kuva", an AI-generated
 * image), not the story. */
static bool resumes_story(const wn_page *page, size_t k) {
  const wn_block *b = &page->blocks[k];
  if (b->kind != WN_BLOCK_PARAGRAPH || b->links != 0 || !wn_reads_as_prose(b)) return false;
  const wn_block *next = k + 1 < page->block_count ? &page->blocks[k + 1] : NULL;
  return !(next && !next->keep && wn_names_ai(next));
}

/*
 * Under a section heading in the site's language, past the story it
 * closes, stands the site's section: teasers, however long and in
 * whatever language their blurbs are written. A heading above the story's
 * prose opens nothing of the site's.
 */
static void drop_site_sections(wn_page *page, int site) {
  int headline = page->article_headline;
  if (site < 0 || headline < 0) return;
  bool told = false;
  for (size_t i = (size_t)headline + 1; i < page->block_count; i++) {
    wn_block *h = &page->blocks[i];
    if (h->keep && wn_reads_as_prose(h)) told = true;
    if (!told) continue;
    bool heading = site_section_heading(h, site);
    if (!heading && !site_label(h, site)) continue;
    /* Teaser cards in the box it opens go whole, their unlinked blurbs
     * too; else its section runs until the story resumes. */
    size_t cards = wn_card_section_end(page, i);
    size_t end = cards > i + 1 ? cards : wn_section_box_end(page, i);
    size_t k = i + 1;
    for (; k < end && (cards > i + 1 || !resumes_story(page, k)); k++)
      if (page->blocks[k].keep)
        wn_decide(&page->blocks[k], WN_DROP_CHROME_SECTION, WN_PASS_FOREIGN_CHROME);
    i = k - 1;
  }
}

/* The site's language, worked out when first needed: reading the
 * interface costs an assessment of its text, which a page whose lines all
 * read as the article's language never needs. */
typedef struct site_guess {
  int lang;
  bool known;
} site_guess;

static int site_of(wn_page *page, site_guess *guess, int lang) {
  if (!guess->known) {
    guess->lang = page->keep_foreign ? -1 : site_language(page, lang);
    guess->known = true;
    page->site_lang = guess->lang;
  }
  return guess->lang;
}

/* Whether the site's language could decide a block: a heading or a short
 * line that reads as another language than the article's by the margin a
 * site's heading or AI label needs. */
static bool needs_site(const wn_block *b, const wn_lang_evidence *ev, int lang) {
  if (ev->best < 0 || ev->best == lang) return false;
  if (b->kind == WN_BLOCK_HEADING) return ev->gap_to_best >= SITE_HEADING_GAP;
  return ev->gap_to_best >= AI_LABEL_FOREIGN_GAP && b->words >= 2 && b->words <= (size_t)AI_LABEL_WORDS;
}

/* A section title of the lexicon in another language than the article's
 * ("Читайте также" over an English story). */
static bool foreign_section_title(const wn_page *page, int lang) {
  const char *code = wn_lang_code(lang);
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_lex_entry *hit = page->blocks[i].lexicon;
    if (hit && hit->role == WN_LEX_SECTION && strncmp(hit->lang, code, 2) != 0) return true;
  }
  return false;
}

void wn_drop_foreign_chrome(wn_page *page) {
  int lang = page->doc_lang;
  if (lang < 0) return;
  site_guess guess = {-1, false};
  bool dropped = false; /* a label dropped as foreign may head the site's section */
  vocabulary vocab = {NULL, NULL, 0, 0};
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (!b->keep || b->words > FOREIGN_MAX_WORDS || marked_as_other_text(page, b)) continue;
    if (b->heading_level == 1) continue; /* the headline is the article's, whatever it says */
    /* Prose longer than any label and without chrome cues stays whatever
     * its language: not worth identifying (numbers make b->words larger). */
    if (b->words > LABEL_WORDS_OTHER_SCRIPT + 4 && !has_chrome_cues(page, b)) continue;
    wn_lang_evidence ev;
    /* A label's language shows in its first bytes; a block of few words may
     * still be megabytes long (one endless token), and is not read whole. */
    bool foreign = wn_lang_is_foreign(b->text, text_prefix(b, ASSESS_MAX_BYTES), lang, &ev);
    b->lang = ev.best;
    b->lang_gap = (float)ev.gap_to_best;
    bool other_script = !wn_lang_writes(lang, ev.script);
    int site = needs_site(b, &ev, lang) ? site_of(page, &guess, lang) : -1;
    if (foreign_ai_label(page, i, &ev, lang, site)) {
      wn_decide(b, WN_DROP_AI_LABEL, WN_PASS_FOREIGN_CHROME);
      continue;
    }
    bool site_head = site_heading(b, &ev, site, text_prefix(b, ASSESS_MAX_BYTES));
    if (!site_head && !looks_like_chrome(page, b, &ev, other_script)) continue;
    if (page->keep_foreign) continue;
    if (site_head) { /* names say nothing, whatever the site's language */
      if (all_names(b)) continue;
      b->lang = site;
      drop(b);
      continue;
    }
    if (!foreign) continue;
    /* Names say nothing, unless an author line's opener heads them ("Oleh
     * Olga Nowak": its first word is another language's "By"); and on a
     * page a same-script verdict needs the larger margin. */
    if (!other_script && all_names(b) && !opened_in_another_language(b, lang)) continue;
    if (!other_script && ev.gap_to_best < PAGE_SAME_SCRIPT_GAP) continue;
    if (uses_article_words(page, &vocab, b)) {
      b->lang = lang; /* the article's own words */
      continue;
    }
    drop(b);
    dropped = true;
  }
  free(vocab.keys);
  free(vocab.counts);
  if (page->keep_foreign) return;
  if (guess.known || dropped || foreign_section_title(page, lang))
    drop_site_sections(page, site_of(page, &guess, lang));
  /* A one-word label says too little alone; beside foreign chrome, a word
   * that reads best as another language is part of it ("Jaa" by "Tallenna"). */
  for (int pass = 0; pass < 2; pass++)
    for (size_t k = 0; k < page->block_count; k++) {
      size_t i = pass == 0 ? k : page->block_count - 1 - k;
      wn_block *b = &page->blocks[i];
      if (!b->keep || b->words != 1 || b->lang < 0 || b->lang == lang) continue;
      if (marked_as_other_text(page, b) || !beside_foreign(page, i)) continue;
      drop(b);
    }
}
