#define _GNU_SOURCE /* memmem */
#include "byline.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "classify.h"
#include "classify_passes.h"
#include "dates.h"
#include "lexicon.h"
#include "normalize.h"

/* ---- tuning constants ---------------------------------------------------- */

/* Author lines are looked for among this many kept blocks on either side
 * of the headline (datelines anywhere)... */
static const int BYLINE_WINDOW = 4;
/* ...and are at most this many words ("Posted by Jane Doe on 12 March
 * 2025 at 10:02 am"). */
static const int BYLINE_MAX_WORDS = 14;
/* A metadata line's labels, dates aside, are at most this many words. */
static const int METADATA_LABEL_WORDS = 7;
/* A line of more words than this that ends with a full stop is a sentence
 * ("Von Montag an gilt der neue Fahrplan."), not "By Jane Doe, Reuters." */
static const int BYLINE_SENTENCE_WORDS = 5;

static bool is_name_start(const char *s, size_t len) {
  utf8proc_int32_t cp;
  if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp) <= 0) return false;
  utf8proc_category_t c = utf8proc_category(cp);
  /* Upper case, or a script without case (Arabic, Han...). */
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO;
}

static int count_words(const char *s) {
  int words = 0;
  for (const char *p = s; *p; p++)
    if (*p != ' ' && (p == s || p[-1] == ' ')) words++;
  return words;
}

/* The length of the colon at text[i] (":" or the full-width "：", which
 * Chinese and Japanese write with no space after it), or 0. */
static size_t colon_at(const char *text, size_t len, size_t i) {
  if (text[i] == ':') return 1;
  return i + 3 <= len && memcmp(text + i, "\xef\xbc\x9a", 3) == 0 ? 3 : 0;
}

/* The text after the first `words` words, spaces and colons skipped; a
 * colon ends a word ("作者：张三"). */
static const char *after_words(const char *text, size_t len, int words, size_t *rest) {
  size_t i = 0;
  for (int w = 0; w < words; w++) {
    while (i < len && (text[i] == ' ' || text[i] == '\n')) i++;
    while (i < len && text[i] != ' ' && text[i] != '\n' && !colon_at(text, len, i)) i++;
  }
  for (size_t step = 1; i < len && step > 0; i += step)
    step = text[i] == ' ' || text[i] == '\n' ? 1 : colon_at(text, len, i);
  *rest = len - i;
  return text + i;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A year (19xx, 20xx), a day and month (12.03, 3/12) or a time (15:01):
 * "Updated memory to 6400 MT/s" is a change, not a date. */
static bool holds_date(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
    size_t run = 0;
    while (i + run < len && is_digit(s[i + run])) run++;
    if (run == 4 && (memcmp(s + i, "19", 2) == 0 || memcmp(s + i, "20", 2) == 0)) return true;
    size_t after = i + run;
    bool joined = after + 1 < len && (s[after] == '.' || s[after] == '/' || s[after] == ':' ||
                                      s[after] == '-') && is_digit(s[after + 1]);
    if (run <= 2 && joined) return true;
  }
  return false;
}

/* "Von Montag an gilt der neue Fahrplan." opens like a German byline: a
 * byline does not end a sentence of more than a few words. */
static bool ends_a_sentence(const wn_block *b) {
  size_t n = b->text_len;
  while (n && b->text[n - 1] == ' ') n--;
  if (!n) return false;
  char last = b->text[n - 1];
  return last == '!' || last == '?' || (last == '.' && b->words > BYLINE_SENTENCE_WORDS);
}

/* The byline opener the block starts with, when the rest fits it: a name
 * after an author opener, a date after a date opener. */
static const wn_lex_entry *byline_hit(const wn_block *b) {
  if (b->words > BYLINE_MAX_WORDS || (b->kind != WN_BLOCK_PARAGRAPH && b->kind != WN_BLOCK_LIST_ITEM))
    return NULL;
  size_t len;
  char *normalized = wn_normalize_phrase(b->text, b->text_len, &len);
  const wn_lex_entry *hit = wn_lexicon_lookup_affix(normalized, len, WN_LEX_BYLINE);
  free(normalized);
  if (!hit) return NULL;
  size_t rest_len;
  const char *rest = after_words(b->text, b->text_len, count_words(hit->phrase), &rest_len);
  if (rest_len == 0) return NULL;
  if (strcmp(hit->concept, "author") == 0)
    return is_name_start(rest, rest_len) && !ends_a_sentence(b) ? hit : NULL;
  return holds_date(rest, rest_len) ? hit : NULL;
}

const char *wn_author_line_lang(const wn_block *b) {
  const wn_lex_entry *hit = byline_hit(b);
  return hit && strcmp(hit->concept, "author") == 0 ? hit->lang : NULL;
}

bool wn_is_author_line(const wn_block *b) { return wn_author_line_lang(b) != NULL; }

static void note_line(wn_page *page, size_t i, bool author) {
  int *line = author ? &page->author_line : &page->date_line;
  if (*line < 0) *line = (int)i;
}

static void drop(wn_page *page, size_t i, const wn_lex_entry *hit) {
  wn_block *b = &page->blocks[i];
  wn_decide(b, WN_DROP_CHROME_LINE, WN_PASS_BYLINES);
  b->lexicon = hit;
  note_line(page, i, strcmp(hit->concept, "author") == 0);
}

/* More words than a metadata line's labels ("Added: 2012-01-03 16:10:06,
 * updated: ..."): in words that hold a letter, Han, Kana and Hangul a third
 * of one, as a date and a time are no words of a sentence. */
static bool labels_too_many(const wn_block *b) {
  if (2 * b->cjk_chars > b->chars) return wn_block_weighted_words(b) > METADATA_LABEL_WORDS;
  return wn_block_lettered_words(b, METADATA_LABEL_WORDS) > METADATA_LABEL_WORDS;
}

/*
 * A short line under the headline that holds a full date ("Av Jan de Vries
 * · 2024-08-12 06:23", "记者 王海 · 2025年3月28日") is the article's
 * metadata in whatever words it opens with: a standfirst or a first
 * paragraph is longer, or ends its sentence.
 */
static bool is_metadata_line(const wn_block *b) {
  /* Counted in words, a date and a time may fill the line; in words of
   * letters, its labels are few ("Added: 2012-01-03 16:10:06, updated: ..."). */
  if (wn_block_weighted_words(b) > BYLINE_MAX_WORDS && labels_too_many(b))
    return false;
  if (ends_a_sentence(b)) return false;
  if (b->kind != WN_BLOCK_PARAGRAPH && b->kind != WN_BLOCK_LIST_ITEM) return false;
  char *iso = wn_date_iso(b->text, 0);
  bool dated = iso != NULL;
  free(iso);
  return dated;
}

/* The page's first <h1>, or the block count when there is none. */
static size_t first_h1(const wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].heading_level == 1) return i;
  return page->block_count;
}

/* Author lines among the few kept blocks on either side of the headline
 * `h1` (all of the first few when it is the block count); below a
 * headline, a dated metadata line as well. */
static void drop_author_lines(wn_page *page, size_t h1) {
  size_t start = h1 < page->block_count ? h1 + 1 : 0;
  int looked = 0;
  for (size_t i = start; i < page->block_count && looked < BYLINE_WINDOW; i++) {
    wn_block *b = &page->blocks[i];
    /* A date line under a headline that the lexicon dropped already
     * ("Posted July 8th, 2011") still dates the page. */
    if (!b->keep && h1 < page->block_count && i < start + BYLINE_WINDOW && b->lexicon &&
        wn_concept_is_date(b->lexicon) && b->kind != WN_BLOCK_HEADING)
      note_line(page, i, false);
    if (!b->keep) continue;
    if (b->kind == WN_BLOCK_HEADING) break;
    looked++;
    const wn_lex_entry *hit = byline_hit(b);
    if (hit) {
      drop(page, i, hit);
    } else if (h1 < page->block_count && is_metadata_line(b)) {
      wn_decide(b, WN_DROP_METADATA, WN_PASS_BYLINES);
      note_line(page, i, false);
    }
  }
  looked = 0;
  for (size_t i = h1 < page->block_count ? h1 : 0; i-- > 0 && looked < BYLINE_WINDOW;) {
    wn_block *b = &page->blocks[i];
    if (!b->keep) continue;
    looked++;
    const wn_lex_entry *hit = byline_hit(b);
    if (hit) drop(page, i, hit);
  }
}

void wn_drop_bylines(wn_page *page, int headline) {
  size_t h1 = first_h1(page);
  drop_author_lines(page, h1);
  /* The article's headline may come after a section's or the site's <h1>. */
  if (headline >= 0 && (size_t)headline < page->block_count && (size_t)headline != h1)
    drop_author_lines(page, (size_t)headline);
  /* A dateline says when the page was published wherever it sits. */
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    const wn_lex_entry *hit = byline_hit(b);
    if (!hit || strcmp(hit->concept, "date") != 0) continue;
    if (b->keep) drop(page, i, hit);
    else if (b->lexicon && wn_concept_is_date(b->lexicon)) note_line(page, i, false); /* dropped already */
  }
}

/* Where a name in an author line ends: a separator, a date or a time. */
static size_t name_end(const char *s, size_t len) {
  static const char *const STOPS[] = {" \xc2\xb7", " |", " \xe2\x80\x94", " \xe2\x80\x93",
                                      " - ", ",", " (", " /", "\n"};
  size_t end = len;
  for (size_t k = 0; k < sizeof STOPS / sizeof STOPS[0]; k++) {
    const char *hit = memmem(s, end, STOPS[k], strlen(STOPS[k]));
    if (hit) end = (size_t)(hit - s);
  }
  for (size_t i = 0; i < end; i++)
    if (is_digit(s[i])) {
      end = i;
      break;
    }
  while (end && (s[end - 1] == ' ' || s[end - 1] == ':')) end--;
  return end;
}

char *wn_byline_author(const wn_page *page) {
  if (page->author_line < 0) return NULL;
  const wn_block *b = &page->blocks[page->author_line];
  if (!b->lexicon) return NULL;
  size_t rest_len;
  const char *rest = after_words(b->text, b->text_len, count_words(b->lexicon->phrase), &rest_len);
  size_t len = name_end(rest, rest_len);
  if (!len) return NULL;
  char *name = malloc(len + 1);
  if (!name) return NULL;
  memcpy(name, rest, len);
  name[len] = '\0';
  return name;
}

char *wn_byline_date(const wn_page *page) {
  if (page->date_line >= 0) return wn_date_iso(page->blocks[page->date_line].text, 0);
  /* "By Jane Doe · 12 March 2025": an author line may carry the date. */
  if (page->author_line >= 0) return wn_date_iso(page->blocks[page->author_line].text, 0);
  return NULL;
}
