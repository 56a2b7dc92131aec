/*
 * Phrase normalisation shared by the lexicon compiler (at build time) and the
 * matcher (at run time), so both sides agree byte for byte.
 *
 * NFKC and Unicode case folding, then every run of letters and marks is a
 * word, every run of digits is the word "0", and anything else (spaces,
 * punctuation, symbols other than "©") separates words. "Read more »" and "READ MORE" both
 * become "read more"; "7 min read" becomes "0 min read".
 */
#ifndef WN_NORMALIZE_H
#define WN_NORMALIZE_H

#include <stddef.h>

/* Normalise `len` bytes of UTF-8 into a new NUL-terminated string (caller frees). */
char *wn_normalize_phrase(const char *text, size_t len, size_t *out_len);

/* 1 if the code point is Han, Kana or Hangul: those scripts write no spaces. */
int wn_is_cjk(unsigned cp);

#endif
