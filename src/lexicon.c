#include "lexicon.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

/* The exact entry that the first `len` bytes of `text` are (the text need
 * not end there: a part of a normalised line is looked up in place). */
static const wn_lex_entry *find_exact(const char *text, size_t len) {
  size_t low = 0, high = wn_lexicon_exact_count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    const char *phrase = wn_lexicon_exact[mid].phrase;
    int cmp = strncmp(phrase, text, len);
    if (cmp == 0 && phrase[len] != '\0') cmp = 1;
    if (cmp == 0) return &wn_lexicon_exact[mid];
    if (cmp < 0) low = mid + 1;
    else high = mid;
  }
  return NULL;
}

/* Decode the code point that starts at or ends just before `p`. */
static unsigned code_point_at(const unsigned char *p) {
  if (p[0] < 0x80) return p[0];
  if (p[0] < 0xE0) return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
  if (p[0] < 0xF0) return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}

static unsigned code_point_before(const char *text, size_t end) {
  size_t start = end;
  while (start > 0 && ((unsigned char)text[start - 1] & 0xC0) == 0x80) start--;
  if (start > 0) start--;
  return code_point_at((const unsigned char *)text + start);
}

/* A phrase boundary, in normalised text (words and single spaces only), is
 * a space, the end, or a neighbouring CJK character. */
static bool is_boundary_char(unsigned cp) { return cp == ' ' || wn_is_cjk(cp); }

static bool boundary_after(const char *text, size_t len, size_t at) {
  return at == len || is_boundary_char(code_point_at((const unsigned char *)text + at));
}

static bool boundary_before(const char *text, size_t at) {
  if (at == 0 || text[at - 1] == ' ') return true;
  return (unsigned char)text[at - 1] >= 0x80 && is_boundary_char(code_point_before(text, at));
}

/* Byline openers ("By *") start many sentences, and a bare "Save" is a
 * consent button only on a button: they answer only a lookup that asks
 * for them. */
static bool asked_only(const wn_lex_entry *e) {
  return e->role == WN_LEX_BYLINE || e->role == WN_LEX_BUTTON;
}

static bool role_wanted(const wn_lex_entry *e, int role) {
  return role == WN_LEX_NONE ? !asked_only(e) : e->role == role;
}

static bool affix_hit(const wn_lex_entry *e, const char *text, size_t len) {
  size_t plen = strlen(e->phrase);
  if (plen > len) return false;
  if (e->match == WN_LEX_PREFIX)
    return memcmp(text, e->phrase, plen) == 0 && boundary_after(text, len, plen);
  size_t at = len - plen;
  return memcmp(text + at, e->phrase, plen) == 0 && boundary_before(text, at);
}

/* Entries filed under `key` for one match type: [from, to). */
static void affix_run(int match, unsigned char key, size_t *from, size_t *to) {
  *from = wn_lexicon_affix_index[match - 1][key];
  *to = wn_lexicon_affix_index[match - 1][key + 1];
}

/*
 * Infix phrases are filed by their first byte: at each place a word can
 * start, only the phrases starting with that byte are compared.
 */
static const wn_lex_entry *scan_infixes(const char *text, size_t len, int role) {
  for (size_t at = 0; at < len; at++) {
    unsigned char key = (unsigned char)text[at];
    if ((key & 0xC0) == 0x80 || !boundary_before(text, at)) continue;
    size_t from, to;
    affix_run(WN_LEX_INFIX, key, &from, &to);
    for (size_t i = from; i < to; i++) {
      const wn_lex_entry *e = &wn_lexicon_affix[i];
      size_t plen = strlen(e->phrase);
      if (!role_wanted(e, role) || plen > len - at) continue;
      if (memcmp(text + at, e->phrase, plen) == 0 && boundary_after(text, len, at + plen)) return e;
    }
  }
  return NULL;
}

/* The affix entries worth trying on a text: prefixes filed under its first
 * byte, suffixes under its last byte, then infixes wherever a word starts. */
static const wn_lex_entry *scan_affixes(const char *text, size_t len, int role) {
  unsigned char keys[2] = {(unsigned char)text[0], (unsigned char)text[len - 1]};
  for (int m = WN_LEX_PREFIX; m <= WN_LEX_SUFFIX; m++) {
    size_t from, to;
    affix_run(m, keys[m - WN_LEX_PREFIX], &from, &to);
    for (size_t i = from; i < to; i++) {
      const wn_lex_entry *e = &wn_lexicon_affix[i];
      if (role_wanted(e, role) && affix_hit(e, text, len)) return e;
    }
  }
  return scan_infixes(text, len, role);
}

/* Languages that write a compound noun as one word, its last part the head:
 * "Leserkommentare" are comments, as "Kommentare" are. */
static bool compounds_nouns(const char *lang) {
  static const char *const LANGS[] = {"de", "nl", "sv", "da", "no", "nb"};
  for (size_t i = 0; i < sizeof LANGS / sizeof LANGS[0]; i++)
    if (strcmp(lang, LANGS[i]) == 0) return true;
  return false;
}

/* Section kinds whose compounds keep the head's meaning whatever the first
 * part says ("Kundenbewertungen", "Nutzerkommentare"); a compound of
 * "Themen" or "Empfehlungen" may well head the article's own text. */
static bool compound_section(const wn_lex_entry *e) {
  return e->role == WN_LEX_SECTION && compounds_nouns(e->lang) &&
         (strcmp(e->concept, "comments") == 0 || strcmp(e->concept, "reviews") == 0);
}

/* Shortest head and first part of a compound, in bytes. */
enum { COMPOUND_MIN_HEAD = 7, COMPOUND_MIN_FIRST = 3 };

/* A one-word heading that ends with a comments or reviews heading of a
 * compounding language. */
static const wn_lex_entry *compound_head(const char *text, size_t len) {
  if (memchr(text, ' ', len) || len < COMPOUND_MIN_HEAD + COMPOUND_MIN_FIRST) return NULL;
  for (size_t at = COMPOUND_MIN_FIRST; at + COMPOUND_MIN_HEAD <= len; at++) {
    if (((unsigned char)text[at] & 0xC0) == 0x80) continue;
    const wn_lex_entry *e = find_exact(text + at, len - at);
    if (e && compound_section(e)) return e;
  }
  return NULL;
}

const wn_lex_entry *wn_lexicon_lookup(const char *normalized, size_t len) {
  if (len == 0) return NULL;
  const wn_lex_entry *hit = find_exact(normalized, len);
  if (hit && asked_only(hit)) hit = NULL;
  if (!hit) hit = scan_affixes(normalized, len, WN_LEX_NONE);
  return hit ? hit : compound_head(normalized, len);
}

const wn_lex_entry *wn_lexicon_lookup_affix(const char *normalized, size_t len, int role) {
  return len ? scan_affixes(normalized, len, role) : NULL;
}

const wn_lex_entry *wn_lexicon_match(const char *text, size_t len) {
  size_t n;
  char *normalized = wn_normalize_phrase(text, len, &n);
  const wn_lex_entry *hit = wn_lexicon_lookup(normalized, n);
  free(normalized);
  return hit;
}

const wn_lex_entry *wn_lexicon_match_button(const char *text, size_t len) {
  size_t n;
  char *normalized = wn_normalize_phrase(text, len, &n);
  const wn_lex_entry *hit = n ? find_exact(normalized, n) : NULL;
  free(normalized);
  return hit && (hit->role == WN_LEX_CONSENT || hit->role == WN_LEX_BUTTON) ? hit : NULL;
}

/* Bytes at the end of a text searched for a credit. */
static const size_t CREDIT_TAIL_BYTES = 120;

static int words_after(const char *text, size_t len, size_t at) {
  int words = 0;
  bool in_word = false;
  for (size_t i = at; i < len; i++) {
    bool space = text[i] == ' ' || text[i] == '\n';
    if (!space && !in_word) words++;
    in_word = !space;
  }
  return words;
}

static bool is_credit_marker(const char *text, size_t len) {
  size_t n;
  char *normalized = wn_normalize_phrase(text, len, &n);
  const wn_lex_entry *e = n ? find_exact(normalized, n) : NULL;
  free(normalized);
  return e && e->role == WN_LEX_CREDIT;
}

/* Start of the one or two words that end just before `at`. */
static size_t words_before(const char *text, size_t at, int count) {
  size_t i = at;
  while (i > 0 && text[i - 1] == ' ') i--;
  for (int w = 0; w < count && i > 0; w++) {
    while (i > 0 && text[i - 1] != ' ' && text[i - 1] != '.' && text[i - 1] != '/' &&
           text[i - 1] != '|' && text[i - 1] != '(')
      i--;
    if (w + 1 < count && i > 0 && text[i - 1] == ' ') i--;
  }
  return i;
}

/* "Marker: tail" or "© tail", the tail short: a credit line's last words. */
static bool credit_at(const char *text, size_t len, size_t at, int max_tail_words) {
  bool copyright = (unsigned char)text[at] == 0xC2;
  size_t after = at + (copyright ? 2 : 1);
  int tail = words_after(text, len, after);
  if (tail < 1 || tail > max_tail_words) return false;
  if (copyright) return true;
  for (int count = 1; count <= 2; count++) {
    size_t from = words_before(text, at, count);
    if (from < at && is_credit_marker(text + from, at - from)) return true;
  }
  return false;
}

int wn_lexicon_ends_with_credit(const char *text, size_t len, int max_tail_words) {
  size_t from = len > CREDIT_TAIL_BYTES ? len - CREDIT_TAIL_BYTES : 0;
  for (size_t i = from; i < len; i++) {
    bool colon = text[i] == ':';
    bool copyright = (unsigned char)text[i] == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] == 0xA9;
    if ((colon || copyright) && credit_at(text, len, i, max_tail_words)) return 1;
  }
  return 0;
}
