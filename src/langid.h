/*
 * Language identification for documents and for short strings.
 *
 * Two cues, cheapest first. The script of a text's letters (Latin,
 * Cyrillic, Arabic, Han, Kana, Hangul...) decides between languages that
 * write differently. Within one script, a naive Bayes scorer over letter
 * 1-3-grams (profiles from Debian's python3-langdetect, compiled in by
 * tools/langgen.py) says how far a given language trails the best one.
 * Han, Kana and Hangul need no profile: Kana means Japanese, Hangul Korean,
 * Han alone Chinese (or Japanese: Han on a Japanese page is Japanese).
 */
#ifndef WN_LANGID_H
#define WN_LANGID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum wn_script {
  WN_SCRIPT_OTHER = 0,
  WN_SCRIPT_LATIN,
  WN_SCRIPT_GREEK,
  WN_SCRIPT_CYRILLIC,
  WN_SCRIPT_HEBREW,
  WN_SCRIPT_ARABIC,
  WN_SCRIPT_DEVANAGARI,
  WN_SCRIPT_BENGALI,
  WN_SCRIPT_GURMUKHI,
  WN_SCRIPT_GUJARATI,
  WN_SCRIPT_TAMIL,
  WN_SCRIPT_TELUGU,
  WN_SCRIPT_KANNADA,
  WN_SCRIPT_MALAYALAM,
  WN_SCRIPT_THAI,
  WN_SCRIPT_HAN,
  WN_SCRIPT_KANA,
  WN_SCRIPT_HANGUL,
  WN_SCRIPT_CJK, /* in the language table: decided by Han/Kana/Hangul */
  WN_SCRIPT_COUNT
} wn_script;

/* Generated tables (langid_data.c in the build tree). */
typedef struct wn_lang_info {
  const char *code;   /* ISO 639-1 */
  int script;         /* wn_script */
  float unseen[3];    /* log probability of an n-gram the profile lacks, n = 1..3 */
} wn_lang_info;

typedef struct wn_lang_gram {
  uint64_t key;       /* up to three code points, 21 bits each */
  uint32_t first;     /* into wn_lang_postings */
  uint32_t count;
} wn_lang_gram;

typedef struct wn_lang_posting {
  uint8_t lang;
  float logp;
} wn_lang_posting;

extern const wn_lang_info wn_lang_table[];
extern const int wn_lang_table_count;
extern const wn_lang_gram wn_lang_grams[];
extern const size_t wn_lang_grams_count;
extern const wn_lang_posting wn_lang_postings[];

/* The language's index for an ISO 639-1 code ("en", "pt-BR" -> "pt"), or -1. */
int wn_lang_find(const char *code);
const char *wn_lang_code(int lang);

/* The script of one code point, WN_SCRIPT_OTHER for non-letters. */
int wn_script_of(uint32_t cp);

/* What one text says about its language. */
typedef struct wn_lang_evidence {
  int script;          /* the script most of its letters are in */
  int letters;         /* letters in that script */
  int words;           /* space-separated words with a letter in them */
  int best;            /* most likely language, -1 if unknown */
  double gap_to_best;  /* for wn_lang_assess: how far `lang` trails `best` (>= 0) */
} wn_lang_evidence;

/* The language of a whole text (a document sample). */
wn_lang_evidence wn_lang_identify(const char *text, size_t len);

/*
 * How well `text` fits language `lang`: fills best and gap_to_best (in
 * nats, summed over the text's n-grams), comparing only languages of the
 * text's script.
 */
wn_lang_evidence wn_lang_assess(const char *text, size_t len, int lang);

/* Whether a script is one `lang` writes in (Han for Japanese, Chinese, Korean). */
bool wn_lang_writes(int lang, int script);

/*
 * The verdict for a short string on a page in `lang`, from language alone:
 * true when the string is clearly in another language (a different script,
 * or the same script with a clear margin for its length). One word is never
 * clear. Brand names in another script (a capitalised word or two) are not
 * evidence either.
 */
bool wn_lang_is_foreign(const char *text, size_t len, int lang, wn_lang_evidence *out);

#endif
