#include "byline.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "classify.h"
#include "lexicon.h"
#include "normalize.h"

/* ---- tuning constants ---------------------------------------------------- */

/* Bylines are looked for among this many kept blocks after the headline... */
static const int BYLINE_WINDOW = 4;
/* ...and are at most this many words ("Posted by Jane Doe on 12 March
 * 2025 at 10:02 am"). */
static const int BYLINE_MAX_WORDS = 14;

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

/* The text after the first `words` words, spaces skipped. */
static const char *after_words(const char *text, size_t len, int words, size_t *rest) {
  size_t i = 0;
  for (int w = 0; w < words; w++) {
    while (i < len && (text[i] == ' ' || text[i] == '\n')) i++;
    while (i < len && text[i] != ' ' && text[i] != '\n') i++;
  }
  while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == ':')) i++;
  *rest = len - i;
  return text + i;
}

static bool holds_digit(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] >= '0' && s[i] <= '9') return true;
  return false;
}

/* The byline opener the block starts with, when the rest fits it: a name
 * after an author opener, a date (a digit) after a date opener. */
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
  if (strcmp(hit->concept, "author") == 0) return is_name_start(rest, rest_len) ? hit : NULL;
  return holds_digit(rest, rest_len) ? hit : NULL;
}

void wn_drop_bylines(wn_page *page) {
  size_t start = 0;
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].heading_level == 1) {
      start = i + 1;
      break;
    }
  int looked = 0;
  for (size_t i = start; i < page->block_count && looked < BYLINE_WINDOW; i++) {
    wn_block *b = &page->blocks[i];
    if (!b->keep) continue;
    if (b->kind == WN_BLOCK_HEADING) break;
    looked++;
    const wn_lex_entry *hit = byline_hit(b);
    if (!hit) continue;
    b->keep = 0;
    b->reason = WN_DROP_CHROME_LINE;
    b->lexicon = hit;
  }
}
