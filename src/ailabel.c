#include "ailabel.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buffer.h"
#include "classify.h"
#include "lexicon.h"
#include "normalize.h"

/* ---- tuning constants ---------------------------------------------------- */

/* A line made of parts (a label, a name, a date) has at most this many words. */
static const int AI_PARTS_MAX_WORDS = 12;
/* Labels, badges and disclosures are a few words: a block longer than this
 * (a few words may be one endless token) is not searched for them. */
static const size_t AI_LABEL_MAX_BYTES = 4096;
/* A disclosure is one or two sentences: at most this many words... */
static const int AI_DISCLOSURE_MAX_WORDS = 30;
/* ...among this many kept blocks at either end of the article. */
static const int AI_DISCLOSURE_EDGE_BLOCKS = 3;
/* A formula opens with this many words ("this article was written")... */
static const int AI_FORMULA_HEAD_WORDS = 4;
/* ...and what follows them, when at least this long, is its core ("with
 * the help of ai", "unterstützung von ki erstellt"). */
static const int AI_FORMULA_CORE_WORDS = 3;

/* A badge ("Berichtet von KI", "AIが執筆") is a line of at most this many
 * words (CJK characters count a third of a word each)... */
static const int AI_BADGE_MAX_WORDS = 4;
/* ...that names AI with a short word the lexicon's labels end with ("AI",
 * "KI", "IA", "ИИ"), of at most this many characters... */
static const int AI_TERM_MAX_CHARS = 3;
/* ...and sits where labels do: among this many kept blocks around the
 * headline, in a figure, or as the last kept block. */
static const int AI_BADGE_HEADLINE_BLOCKS = 4;
/* A byline is among this many kept blocks under the headline, and a
 * byline naming AI ("Reported by AI") at most this many words. */
static const int AI_BYLINE_BLOCKS = 2;
static const double AI_BYLINE_MAX_WORDS = 3;

/* Separators between the parts of a metadata line: · | • – — / , */
static const char *const PART_SEPARATORS[] = {"\xc2\xb7", "|", "\xe2\x80\xa2", "\xe2\x80\x93",
                                              "\xe2\x80\x94", "/", ",", NULL};

static size_t separator_at(const char *s, size_t left) {
  for (int i = 0; PART_SEPARATORS[i]; i++) {
    size_t n = strlen(PART_SEPARATORS[i]);
    if (n <= left && memcmp(s, PART_SEPARATORS[i], n) == 0) return n;
  }
  return 0;
}

static const wn_lex_entry *ai_part(const char *s, size_t len) {
  const wn_lex_entry *hit = wn_lexicon_match(s, len);
  return hit && hit->role == WN_LEX_AI_LABEL && hit->match == WN_LEX_EXACT ? hit : NULL;
}

/* A short line one of whose separated parts is an AI label. */
static const wn_lex_entry *label_among_parts(const wn_block *b) {
  if (b->words > AI_PARTS_MAX_WORDS) return NULL;
  size_t start = 0, parts = 0;
  const wn_lex_entry *found = NULL;
  for (size_t i = 0; i <= b->text_len; i++) {
    size_t sep = i < b->text_len ? separator_at(b->text + i, b->text_len - i) : 1;
    if (!sep && b->text[i] != '\n') continue;
    if (!sep) sep = 1;
    if (i > start) {
      parts++;
      if (!found) found = ai_part(b->text + start, i - start);
    }
    start = i + sep;
    i = start - 1;
  }
  return parts > 1 ? found : NULL;
}

static size_t skip_words(const char *s, size_t len, int words) {
  size_t i = 0;
  for (int w = 0; w < words && i < len; w++) {
    while (i < len && s[i] != ' ') i++;
    while (i < len && s[i] == ' ') i++;
  }
  return i;
}

static int word_count(const char *s, size_t len) {
  int words = 0;
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) words++;
  return words;
}

static bool holds_word(const char *text, size_t len, const char *word, size_t wlen) {
  for (size_t at = 0; at + wlen <= len; at++) {
    if (memcmp(text + at, word, wlen) != 0) continue;
    bool before = at == 0 || text[at - 1] == ' ';
    bool after = at + wlen == len || text[at + wlen] == ' ';
    if (before && after) return true;
  }
  return false;
}

/* The n-th word (from 0) of a normalised phrase, and its length. */
static const char *nth_word(const char *p, size_t plen, int n, size_t *wlen) {
  size_t at = skip_words(p, plen, n), end = at;
  while (end < plen && p[end] != ' ') end++;
  *wlen = end - at;
  return p + at;
}

/*
 * Does the normalised text follow a disclosure formula of the lexicon
 * ("this article was written with the help of ai *")? Either it opens as
 * the formula does and names AI as the formula does ("This article was
 * written with assistance from AI tools."), or it holds the formula's core
 * and names what it discloses about as the formula does ("Der Autor hat
 * diesen Artikel mit Unterstützung von KI erstellt."): a sentence that
 * merely says something was made with the help of AI is not a disclosure.
 */
static bool follows_formula(const char *text, size_t len, const wn_lex_entry *e) {
  const char *p = e->phrase;
  size_t plen = strlen(p);
  size_t head = skip_words(p, plen, AI_FORMULA_HEAD_WORDS);
  if (head >= plen) return false;
  const char *last = strrchr(p, ' ');
  last = last ? last + 1 : p;
  if (head <= len && memcmp(text, p, head) == 0 && holds_word(text, len, last, strlen(last)))
    return true;
  const char *core = p + head;
  size_t clen = plen - head, subject_len;
  if (word_count(core, clen) < AI_FORMULA_CORE_WORDS) return false;
  const char *subject = nth_word(p, plen, 1, &subject_len);
  if (!holds_word(text, len, subject, subject_len)) return false;
  for (size_t at = 0; at + clen <= len; at++)
    if ((at == 0 || text[at - 1] == ' ') && memcmp(text + at, core, clen) == 0 &&
        (at + clen == len || text[at + clen] == ' '))
      return true;
  return false;
}

static const wn_lex_entry *disclosure(const wn_block *b) {
  if (b->kind == WN_BLOCK_HEADING || b->words > AI_DISCLOSURE_MAX_WORDS) return NULL;
  size_t len;
  char *text = wn_normalize_phrase(b->text, b->text_len, &len);
  const wn_lex_entry *found = NULL;
  for (size_t i = 0; i < wn_lexicon_affix_count && !found; i++) {
    const wn_lex_entry *e = &wn_lexicon_affix[i];
    if (e->role != WN_LEX_AI_LABEL || e->match != WN_LEX_PREFIX) continue;
    if (strcmp(e->concept, "generated-image") == 0) continue; /* captions, not disclosures */
    if (follows_formula(text, len, e)) found = e;
  }
  free(text);
  return found;
}

/* Code points in a UTF-8 string. */
static int code_points(const char *s, size_t len) {
  int n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

/* Whether the normalised text holds `term` bounded by spaces, the ends or
 * CJK characters. */
static bool holds_term(const char *text, size_t len, const char *term, size_t tlen) {
  for (size_t at = 0; at + tlen <= len; at++) {
    if (memcmp(text + at, term, tlen) != 0) continue;
    bool before = at == 0 || text[at - 1] == ' ' || (unsigned char)text[at - 1] >= 0xE3;
    bool after = at + tlen == len || text[at + tlen] == ' ' || (unsigned char)text[at + tlen] >= 0xE3;
    if (before && after) return true;
  }
  return false;
}

/*
 * The lexicon's label for a short line that names AI as its labels do: the
 * last word of an exact "reported by AI" or "generated by AI" row, when it
 * is a short word (the language's "AI"): "Berichtet von KI" ends like
 * "Generiert von KI", "Redigido por IA" like "Gerado por IA".
 */
static const wn_lex_entry *names_ai(const char *text, size_t len) {
  for (size_t i = 0; i < wn_lexicon_exact_count; i++) {
    const wn_lex_entry *e = &wn_lexicon_exact[i];
    if (e->role != WN_LEX_AI_LABEL) continue;
    if (strcmp(e->concept, "reported-by-ai") != 0 && strcmp(e->concept, "generated-text") != 0)
      continue;
    const char *last = strrchr(e->phrase, ' ');
    if (!last) continue;
    last++;
    size_t tlen = strlen(last);
    if (code_points(last, tlen) > AI_TERM_MAX_CHARS) continue;
    if (holds_term(text, len, last, tlen)) return e;
  }
  return NULL;
}

/* Where the original text writes the term in capitals ("KI", not the "di"
 * of "Foto di Mario"), or in a script without case: the offset past it, or
 * 0 when it does not. */
static size_t past_capital_term(const char *text, size_t len, const char *term) {
  char upper[32];
  size_t n = 0;
  utf8proc_int32_t cp;
  for (utf8proc_ssize_t at = 0, step; term[at]; at += step) {
    step = utf8proc_iterate((const utf8proc_uint8_t *)term + at, -1, &cp);
    if (step <= 0 || n + 4 >= sizeof upper) return false;
    n += (size_t)utf8proc_encode_char(utf8proc_toupper(cp), (utf8proc_uint8_t *)upper + n);
  }
  for (size_t at = 0; at + n <= len; at++) {
    if (memcmp(text + at, upper, n) != 0) continue;
    bool before = at == 0 || !((text[at - 1] >= 'A' && text[at - 1] <= 'Z') ||
                               (text[at - 1] >= 'a' && text[at - 1] <= 'z'));
    bool after = at + n == len || !((text[at + n] >= 'A' && text[at + n] <= 'Z') ||
                                    (text[at + n] >= 'a' && text[at + n] <= 'z'));
    if (before && after) return at + n;
  }
  return 0;
}

static bool written_in_capitals(const char *text, size_t len, const char *term) {
  return past_capital_term(text, len, term) > 0;
}

/* The term of an AI label of the lexicon: its last word ("AI", "KI"). */
static const char *ai_term(const wn_lex_entry *hit) { return strrchr(hit->phrase, ' ') + 1; }

/* The lexicon's AI label whose term the block's normalized text names,
 * the term written in capitals in the block, or NULL. */
static const wn_lex_entry *names_ai_in_capitals(const wn_block *b, const char *text, size_t len) {
  const wn_lex_entry *hit = names_ai(text, len);
  return hit && written_in_capitals(b->text, b->text_len, ai_term(hit)) ? hit : NULL;
}

/* "KI-generiertes Bild", "AI-written", "AI:n luoma kuva": the term opens
 * a compound or takes a case ending after a colon (Finnish, Swedish), as
 * labels write it (normalising turned the mark into a space). */
static bool opens_compound(const char *text, size_t len, const char *term) {
  size_t at = past_capital_term(text, len, term);
  if (at == 0 || at + 1 >= len) return false;
  if (text[at] == '-') return text[at + 1] != ' ';
  return text[at] == ':' && text[at + 1] >= 'a' && text[at + 1] <= 'z';
}

/* Whether some AI label of the lexicon holds the word. */
static bool label_word(const char *word, size_t wlen) {
  for (size_t i = 0; i < wn_lexicon_exact_count; i++) {
    const wn_lex_entry *e = &wn_lexicon_exact[i];
    if (e->role == WN_LEX_AI_LABEL && holds_word(e->phrase, strlen(e->phrase), word, wlen))
      return true;
  }
  return false;
}

/* Besides the term, the line speaks as labels do: a word of theirs ("von",
 * "por", "by") or CJK script joined to the term ("AIが執筆"). A name
 * ("NeuBird AI") or a button ("Explore AI Apps") does not. */
static bool worded_as_label(const char *text, size_t len, const char *term, size_t tlen) {
  for (size_t at = 0; at < len;) {
    size_t end = at;
    while (end < len && text[end] != ' ') end++;
    const char *w = text + at;
    size_t wlen = end - at;
    bool is_term = wlen == tlen && memcmp(w, term, tlen) == 0;
    if (!is_term) {
      bool joined = wlen > tlen && (memcmp(w, term, tlen) == 0 || memcmp(w + wlen - tlen, term, tlen) == 0);
      if (joined || label_word(w, wlen)) return true;
    }
    at = end + 1;
  }
  return false;
}

static bool in_figure(const wn_page *page, const wn_block *b) {
  return page->elements[b->owner].inherited & WN_EL_FIGURE;
}

/*
 * Where kept blocks stand, counted once per page: asking anew for every
 * block how many kept blocks lie before and after it was quadratic (a page
 * of 100,000 one-word blocks took minutes). Blocks are visited in order and
 * only the one in hand can be dropped, so counts before it are kept up as
 * the walk goes, and counts after it are those of the start.
 */
typedef struct positions {
  size_t from;          /* the first <h1>, else the first block */
  size_t *kept_upto;    /* kept blocks in [0, i), at the start */
  size_t *prose_upto;   /* kept blocks but headings in [0, i), at the start */
  size_t kept_now;      /* kept blocks before the one in hand, now */
  size_t prose_now;     /* kept blocks but headings before it, now */
  size_t kept_at_from;  /* kept_now when the walk passed `from` */
} positions;

static void positions_init(const wn_page *page, positions *p) {
  size_t n = page->block_count;
  p->kept_upto = wn_xmalloc((n + 1) * sizeof *p->kept_upto);
  p->prose_upto = wn_xmalloc((n + 1) * sizeof *p->prose_upto);
  p->kept_upto[0] = p->prose_upto[0] = 0;
  p->from = n;
  for (size_t j = 0; j < n; j++) {
    const wn_block *b = &page->blocks[j];
    if (b->heading_level == 1 && p->from == n) p->from = j;
    p->kept_upto[j + 1] = p->kept_upto[j] + (b->keep ? 1 : 0);
    p->prose_upto[j + 1] = p->prose_upto[j] + (b->keep && b->kind != WN_BLOCK_HEADING ? 1 : 0);
  }
  if (p->from == n) p->from = 0;
  p->kept_now = p->prose_now = p->kept_at_from = 0;
}

/* After block i's verdict is final. */
static void positions_pass(const wn_page *page, positions *p, size_t i) {
  const wn_block *b = &page->blocks[i];
  if (i == p->from) p->kept_at_from = p->kept_now;
  if (b->keep) p->kept_now++;
  if (b->keep && b->kind != WN_BLOCK_HEADING) p->prose_now++;
}

static void positions_free(positions *p) {
  free(p->kept_upto);
  free(p->prose_upto);
}

/* Whether kept block i is among the few kept blocks around the headline
 * (the first few when there is none) or the last kept block. */
static bool at_label_place(const wn_page *page, const positions *p, size_t i) {
  size_t n = page->block_count, between;
  if (i > p->from) {
    between = p->kept_now - (i > p->from ? p->kept_at_from : 0);
  } else {
    /* Block i itself, and those up to the headline as they were. */
    between = 1 + p->kept_upto[p->from] - p->kept_upto[i + 1];
    if (i == p->from) between = 0;
  }
  if (between < (size_t)AI_BADGE_HEADLINE_BLOCKS) return true;
  return p->kept_upto[n] - p->kept_upto[i + 1] == 0;
}

/* The lexicon's label whose term for AI ends the line, in capitals, or NULL. */
static const wn_lex_entry *ending_ai_term(const wn_block *b) {
  if (b->text_len > AI_LABEL_MAX_BYTES) return NULL;
  size_t len;
  char *text = wn_normalize_phrase(b->text, b->text_len, &len);
  const wn_lex_entry *hit = names_ai(text, len);
  size_t end = b->text_len;
  while (end > 0 && (b->text[end - 1] == ' ' || b->text[end - 1] == '.')) end--;
  if (hit && past_capital_term(b->text, end, ai_term(hit)) != end) hit = NULL;
  free(text);
  return hit;
}

/* Sentence punctuation, but for colons: one inside a word ("AI:n") or
 * after a label's first word ("Illustration: AI-generated", "Foto: KI"). */
static bool speaks_in_sentences(const wn_block *b) {
  size_t colons = 0;
  for (size_t i = 0; i < b->text_len; i++) colons += b->text[i] == ':';
  return b->punctuation > colons;
}

/* Whether kept block i is the first or second kept block under the
 * headline: where a byline stands. */
static bool at_byline_place(const positions *p, size_t i) {
  return i > p->from && p->kept_now - p->kept_at_from < (size_t)AI_BYLINE_BLOCKS;
}

static const wn_lex_entry *badge(const wn_page *page, const positions *p, size_t i) {
  const wn_block *b = &page->blocks[i];
  double words = wn_block_weighted_words(b);
  if (b->kind == WN_BLOCK_HEADING || words > AI_BADGE_MAX_WORDS || speaks_in_sentences(b)) return NULL;
  bool placed = in_figure(page, b) || at_label_place(page, p, i);
  /* Under the headline, a line of a few words that ends naming AI is the
   * byline, however its verb is worded ("Raportoinut AI"); so is one at
   * the story's end or under a picture, where labels stand. */
  if (b->words >= 2 && words <= AI_BYLINE_MAX_WORDS && (at_byline_place(p, i) || placed) &&
      b->link_chars * 2 <= b->chars) {
    const wn_lex_entry *hit = ending_ai_term(b);
    if (hit) return hit;
  }
  if (!placed) return NULL;
  size_t len;
  char *text = wn_normalize_phrase(b->text, b->text_len, &len);
  const wn_lex_entry *hit = names_ai_in_capitals(b, text, len);
  const char *term = hit ? ai_term(hit) : NULL;
  bool label = hit && (worded_as_label(text, len, term, strlen(term)) ||
                      opens_compound(b->text, b->text_len, term));
  free(text);
  return label ? hit : NULL;
}

static void drop(wn_block *b, const wn_lex_entry *hit) {
  wn_decide(b, WN_DROP_AI_LABEL, WN_PASS_AI_LABELS);
  b->lexicon = hit;
}

/* Whether the kept block i is among the first or last few kept blocks. */
static bool at_an_edge(const wn_page *page, const positions *p, size_t i) {
  size_t after = p->prose_upto[page->block_count] - p->prose_upto[i + 1];
  return p->prose_now < (size_t)AI_DISCLOSURE_EDGE_BLOCKS ||
         after < (size_t)AI_DISCLOSURE_EDGE_BLOCKS;
}

void wn_drop_ai_labels(wn_page *page) {
  positions p;
  positions_init(page, &p);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->keep && b->kind != WN_BLOCK_CODE && b->text_len <= AI_LABEL_MAX_BYTES) {
      const wn_lex_entry *hit = b->kind == WN_BLOCK_HEADING ? NULL : label_among_parts(b);
      if (!hit && at_an_edge(page, &p, i)) hit = disclosure(b);
      if (!hit) hit = badge(page, &p, i);
      if (hit) drop(b, hit);
    }
    positions_pass(page, &p, i);
  }
  positions_free(&p);
}

bool wn_ends_naming_ai(const wn_block *b) {
  return ending_ai_term(b) != NULL;
}

bool wn_names_ai(const wn_block *b) {
  if (b->kind == WN_BLOCK_HEADING || b->words > (size_t)AI_BADGE_MAX_WORDS ||
      b->text_len > AI_LABEL_MAX_BYTES)
    return false;
  size_t len;
  char *text = wn_normalize_phrase(b->text, b->text_len, &len);
  bool named = names_ai_in_capitals(b, text, len) != NULL;
  free(text);
  return named;
}
