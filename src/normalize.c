#include "normalize.h"

#include <stdbool.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "buffer.h"

int wn_is_cjk(unsigned cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  /* Hiragana, Katakana */
         (cp >= 0x3400 && cp <= 0x4DBF) ||  /* Han extension A */
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  /* Han */
         (cp >= 0xAC00 && cp <= 0xD7AF) ||  /* Hangul syllables */
         (cp >= 0xF900 && cp <= 0xFAFF) ||  /* Han compatibility */
         (cp >= 0x20000 && cp <= 0x2FFFF);  /* Han supplementary planes */
}

typedef enum { SEPARATOR, LETTER, DIGIT } char_class;

static char_class classify_char(utf8proc_int32_t cp) {
  if (cp == 0xA9) return LETTER; /* "©" is the whole message of a copyright line */
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    return LETTER;
  case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    return DIGIT;
  default:
    return SEPARATOR;
  }
}

/* Rebuilds folded text as words separated by single spaces, piece by piece. */
typedef struct word_writer {
  wn_buf *out;
  bool need_space;
  char_class previous;
  bool in_number; /* after a digit and one group or decimal mark */
} word_writer;

/* "29,553" and "1.244" are one number each: a comma or a point between
 * digits does not split them. */
static bool number_mark(const char *bytes, size_t n) {
  return n == 1 && (bytes[0] == ',' || bytes[0] == '.');
}

static void write_char(word_writer *w, char_class c, const char *bytes, size_t n) {
  bool continues_number = w->in_number && c == DIGIT;
  w->in_number = c == SEPARATOR && w->previous == DIGIT && number_mark(bytes, n);
  if (continues_number) {
    /* the number's 0 is already written */
  } else if (c == SEPARATOR) {
    w->need_space = w->out->len > 0;
  } else if (c == DIGIT) {
    if (w->previous != DIGIT) {
      if (w->out->len) wn_buf_putc(w->out, ' ');
      wn_buf_putc(w->out, '0');
      w->need_space = true;
    }
  } else {
    if (w->need_space || w->previous == DIGIT) wn_buf_putc(w->out, ' ');
    w->need_space = false;
    wn_buf_append(w->out, bytes, n);
  }
  w->previous = c;
}

static void write_folded(word_writer *w, const utf8proc_uint8_t *folded, utf8proc_ssize_t len) {
  utf8proc_ssize_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(folded + i, len - i, &cp);
    if (n <= 0) { i++; continue; }
    /* Case folding turns Turkish "İ" into "i" + U+0307; "ilgili" must match. */
    if (cp == 0x0307 && i > 0 && folded[i - 1] == 'i') {
      i += n;
      continue;
    }
    write_char(w, classify_char(cp), (const char *)folded + i, (size_t)n);
    i += n;
  }
}

/* ASCII needs no Unicode tables: NFKC leaves it alone, folding is tolower. */
static void write_ascii(word_writer *w, const char *text, size_t len) {
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    char_class k = (c >= 'a' && c <= 'z') ? LETTER : (c >= '0' && c <= '9') ? DIGIT : SEPARATOR;
    write_char(w, k, &c, 1);
  }
}

/* A zero-width non-joiner separates the parts of a Persian word; it would
 * otherwise be dropped as ignorable and glue them together. */
static utf8proc_int32_t separate_zwnj(utf8proc_int32_t cp, void *data) {
  (void)data;
  return cp == 0x200C ? ' ' : cp;
}

static void write_unicode(word_writer *w, const char *text, size_t len) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map_custom((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len,
                                           &folded,
                                           UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                               UTF8PROC_CASEFOLD | UTF8PROC_IGNORE,
                                           separate_zwnj, NULL);
  if (n >= 0) write_folded(w, folded, n);
  free(folded);
}

/*
 * Every step of the normalisation acts on single characters or on a letter
 * and the marks that follow it, so it never reaches across an ASCII space:
 * the text is folded one space-separated piece at a time, and pieces of
 * plain ASCII skip the Unicode tables.
 */
char *wn_normalize_phrase(const char *text, size_t len, size_t *out_len) {
  wn_buf out;
  wn_buf_init(&out);
  word_writer w = {&out, false, SEPARATOR, false};
  size_t start = 0;
  while (start < len) {
    size_t end = start;
    bool ascii = true;
    while (end < len && text[end] != ' ' && text[end] != '\n' && text[end] != '\t') {
      if ((unsigned char)text[end] >= 0x80) ascii = false;
      end++;
    }
    if (ascii) write_ascii(&w, text + start, end - start);
    else write_unicode(&w, text + start, end - start);
    if (end < len) write_char(&w, SEPARATOR, " ", 1);
    start = end + 1;
  }
  return wn_buf_detach(&out, out_len);
}
