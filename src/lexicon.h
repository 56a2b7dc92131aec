/*
 * Phrase lexicons: boilerplate that is recognised by what it says.
 *
 * The phrases live in data/NAME.tsv (language, kind, phrase), normalised at
 * build time by tools/lexgen with the same code the matcher uses, and are
 * compiled into sorted tables. A kind is "ROLE/CONCEPT": the role says what a
 * hit does (a chrome line goes alone, a chrome section heading takes its
 * section with it); the concept names it for --explain ("related", "share").
 *
 * A phrase may start with "* " (the text ends with it: "* min read"), end
 * with " *" (the text starts with it: "share on *"), or both (the text
 * holds it somewhere: "* sign up for our newsletter *"). All match on word
 * boundaries.
 */
#ifndef WN_LEXICON_H
#define WN_LEXICON_H

#include <stddef.h>

typedef enum wn_lex_role {
  WN_LEX_NONE = 0,
  WN_LEX_LINE,     /* a single line of chrome: "Read more", "Back to top" */
  WN_LEX_SECTION,  /* a heading that introduces chrome: "Related articles" */
  WN_LEX_CONSENT,  /* cookie and consent banner language */
  WN_LEX_AI_LABEL, /* "AI-generated image", "Reported by AI" */
  WN_LEX_CREDIT,   /* a marker that opens a credit: "Photo", "Bild", "Źródło" */
  WN_LEX_BYLINE,   /* opens an author or date line: "By *", "Publié le *" (asked for by role only) */
  WN_LEX_BUTTON    /* a consent banner's button label: "Agree", "Save" (on a <button> only) */
} wn_lex_role;

typedef enum wn_lex_match { WN_LEX_EXACT = 0, WN_LEX_PREFIX, WN_LEX_SUFFIX, WN_LEX_INFIX } wn_lex_match;

typedef struct wn_lex_entry {
  const char *phrase;  /* normalised, without the "* " marker */
  const char *concept; /* "related", "share", ... */
  const char *lang;    /* ISO 639-1 code of the row */
  unsigned char role;  /* wn_lex_role */
  unsigned char match; /* wn_lex_match */
} wn_lex_entry;

/* Generated tables (lexicon_data.c in the build tree); exact ones sorted. */
extern const wn_lex_entry wn_lexicon_exact[];
extern const size_t wn_lexicon_exact_count;
extern const wn_lex_entry wn_lexicon_affix[]; /* by match, key byte, phrase */
extern const size_t wn_lexicon_affix_count;
/* [match - 1][byte]: first affix entry of that match type whose phrase starts
 * (prefix, infix) or ends (suffix) with a byte >= `byte`. */
extern const unsigned short wn_lexicon_affix_index[3][257];

/*
 * The entry that a text is, or starts or ends with, or NULL. `normalized` is
 * the output of wn_normalize_phrase(). Exact hits win over affix hits.
 */
const wn_lex_entry *wn_lexicon_lookup(const char *normalized, size_t len);

/* Normalise `text` and look it up. */
const wn_lex_entry *wn_lexicon_match(const char *text, size_t len);

/* The consent entry that the whole label of a <button> (or of a link set
 * as one) is, or NULL: the banner's phrases, and the bare labels ("Agree",
 * "Save") that only a button's role makes consent wording. */
const wn_lex_entry *wn_lexicon_match_button(const char *text, size_t len);

/* The first affix entry of one role that the normalised text holds. */
const wn_lex_entry *wn_lexicon_lookup_affix(const char *normalized, size_t len, int role);

/*
 * True if the text ends with a credit: a credit marker after ":", "/", "|"
 * or "©", followed by at most `max_tail_words` words ("... Foto: GdP/Hagen
 * Immel"). Only the last bytes of the text are examined.
 */
int wn_lexicon_ends_with_credit(const char *text, size_t len, int max_tail_words);

#endif
