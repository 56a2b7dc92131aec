#include "ailabel.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "lexicon.h"
#include "normalize.h"

/* ---- tuning constants ---------------------------------------------------- */

/* A line made of parts (a label, a name, a date) has at most this many words. */
static const int AI_PARTS_MAX_WORDS = 12;
/* A disclosure is one or two sentences: at most this many words... */
static const int AI_DISCLOSURE_MAX_WORDS = 30;
/* ...among this many kept blocks at either end of the article. */
static const int AI_DISCLOSURE_EDGE_BLOCKS = 3;
/* A formula opens with this many words ("this article was written")... */
static const int AI_FORMULA_HEAD_WORDS = 4;
/* ...and what follows them, when at least this long, is its core ("with
 * the help of ai", "unterstützung von ki erstellt"). */
static const int AI_FORMULA_CORE_WORDS = 3;

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

static void drop(wn_block *b, const wn_lex_entry *hit) {
  b->keep = 0;
  b->reason = WN_DROP_AI_LABEL;
  b->lexicon = hit;
}

/* Whether the kept block i is among the first or last few kept blocks. */
static bool at_an_edge(const wn_page *page, size_t i) {
  int before = 0, after = 0;
  for (size_t j = 0; j < i && before < AI_DISCLOSURE_EDGE_BLOCKS; j++)
    if (page->blocks[j].keep && page->blocks[j].kind != WN_BLOCK_HEADING) before++;
  for (size_t j = i + 1; j < page->block_count && after < AI_DISCLOSURE_EDGE_BLOCKS; j++)
    if (page->blocks[j].keep && page->blocks[j].kind != WN_BLOCK_HEADING) after++;
  return before < AI_DISCLOSURE_EDGE_BLOCKS || after < AI_DISCLOSURE_EDGE_BLOCKS;
}

void wn_drop_ai_labels(wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (!b->keep || b->kind == WN_BLOCK_CODE) continue;
    const wn_lex_entry *hit = b->kind == WN_BLOCK_HEADING ? NULL : label_among_parts(b);
    if (!hit && at_an_edge(page, i)) hit = disclosure(b);
    if (hit) drop(b, hit);
  }
}
