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

/* Rebuild the folded text as words separated by single spaces. */
static void write_words(const utf8proc_uint8_t *folded, utf8proc_ssize_t len, wn_buf *out) {
  bool need_space = false;
  char_class previous = SEPARATOR;
  utf8proc_ssize_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(folded + i, len - i, &cp);
    if (n <= 0) { i++; continue; }
    char_class c = classify_char(cp);
    /* Case folding turns Turkish "İ" into "i" + U+0307; "ilgili" must match. */
    if (cp == 0x0307 && i > 0 && folded[i - 1] == 'i') {
      i += n;
      continue;
    }
    if (c == SEPARATOR) {
      need_space = out->len > 0;
    } else if (c == DIGIT) {
      if (previous != DIGIT) {
        if (out->len) wn_buf_putc(out, ' ');
        wn_buf_putc(out, '0');
        need_space = true;
      }
    } else {
      if (need_space || previous == DIGIT) wn_buf_putc(out, ' ');
      need_space = false;
      wn_buf_append(out, (const char *)folded + i, (size_t)n);
    }
    previous = c;
    i += n;
  }
}

/* A zero-width non-joiner separates the parts of a Persian word; it would
 * otherwise be dropped as ignorable and glue them together. */
static utf8proc_int32_t separate_zwnj(utf8proc_int32_t cp, void *data) {
  (void)data;
  return cp == 0x200C ? ' ' : cp;
}

char *wn_normalize_phrase(const char *text, size_t len, size_t *out_len) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map_custom((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len,
                                           &folded,
                                           UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                               UTF8PROC_CASEFOLD | UTF8PROC_IGNORE,
                                           separate_zwnj, NULL);
  wn_buf out;
  wn_buf_init(&out);
  if (n >= 0) write_words(folded, n, &out);
  free(folded);
  return wn_buf_detach(&out, out_len);
}
