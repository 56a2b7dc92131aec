/*
 * winnow: extract the main content of an HTML page as clean text.
 *
 * One call does the whole pipeline:
 *   bytes -> decode (to UTF-8) -> parse (Gumbo) -> clean -> segment into
 *   blocks -> classify (keep/drop with a reason) -> render.
 *
 * The library is reentrant: every call owns its own state, so threads may
 * extract different pages at the same time.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WINNOW_VERSION "0.1.0"

typedef enum winnow_status {
  WINNOW_OK = 0,
  WINNOW_ERR_ENCODING = 1, /* the requested encoding name is unknown */
  WINNOW_ERR_PARSE = 2,    /* the HTML parser gave up */
  WINNOW_ERR_ARGUMENT = 3, /* NULL where a value is required */
  WINNOW_ERR_LANGUAGE = 4  /* the stated article language has no profile */
} winnow_status;

typedef enum winnow_format {
  WINNOW_FORMAT_TEXT = 0, /* title, then blocks separated by blank lines */
  WINNOW_FORMAT_EXPLAIN,  /* one line per block: keep/drop, reason, scores */
  WINNOW_FORMAT_MARKDOWN  /* headings, lists, tables, code fences; links' text */
} winnow_format;

typedef struct winnow_options {
  const char *encoding; /* force this input encoding; NULL = sniff */
  int include_title;    /* print the title first (default 1) */
  winnow_format format; /* default WINNOW_FORMAT_TEXT */
  const char *lang;     /* the article's language (ISO 639-1); NULL = identify it */
  int keep_foreign;     /* 1 = keep chrome in other languages (default 0) */
} winnow_options;

typedef struct winnow_result {
  char *text;         /* UTF-8 output, NUL-terminated; never NULL on success */
  size_t text_len;    /* bytes in text, without the NUL */
  char *title;        /* the page title as chosen, or "" */
  char encoding[32];  /* the input encoding that was used, e.g. "UTF-8" */
  char lang[8];       /* the article's language, ISO 639-1, or "und" */
  char *author;       /* as the page states it (meta, JSON-LD), or NULL */
  char *date;         /* publication date as the page states it, or NULL */
} winnow_result;

/* Fill opts with the defaults. */
void winnow_options_init(winnow_options *opts);

/*
 * Extract the main content of one page. `html` need not be NUL-terminated
 * or valid in any encoding. On WINNOW_OK, `out` owns memory that must be
 * released with winnow_result_free(). On error, `out` holds nothing to free.
 */
winnow_status winnow_extract(const char *html, size_t len,
                             const winnow_options *opts, winnow_result *out);

void winnow_result_free(winnow_result *result);

/* A short English description of a status, for error messages. */
const char *winnow_status_string(winnow_status status);

#ifdef __cplusplus
}
#endif

#endif
