/*
 * winnow: extract the main content of an HTML page as clean text.
 *
 * One call runs the whole pipeline, stage by stage (src/winnow.c):
 *   decode (bytes to UTF-8) -> pre-pass (script and style bodies cut,
 *   budgets kept) -> parse (Gumbo) -> metadata (author, date, page type) ->
 *   clean (elements without readable text) -> segment (blocks and their
 *   elements) -> classify (keep or drop each block, with a reason) ->
 *   language (the article's; foreign chrome dropped) -> review (teasers,
 *   empty sections, near-empty pages) -> title -> render.
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

/* The library's interface is all that the shared library exports. */
#if defined(__GNUC__)
#define WINNOW_API __attribute__((visibility("default")))
#else
#define WINNOW_API
#endif

typedef enum winnow_status {
  WINNOW_OK = 0,
  WINNOW_ERR_ENCODING = 1, /* the requested encoding name is unknown */
  WINNOW_ERR_ARGUMENT = 3, /* NULL where a value is required */
  WINNOW_ERR_LANGUAGE = 4, /* the stated article language has no profile */
  WINNOW_ERR_LIMIT = 5,    /* the parse tree outgrew max_tree_bytes */
  WINNOW_ERR_MEMORY = 6,   /* an allocation failed; nothing is held */
  WINNOW_ERR_TIMEOUT = 7,  /* the page took longer than timeout_seconds; nothing is held */
  WINNOW_ERR_CANCELLED = 8 /* *cancel became nonzero; nothing is held */
} winnow_status;

/*
 * Budgets that keep hostile pages in bounds (the HTML parser's work per tag
 * grows with nesting depth and open formatting elements). Beyond them
 * winnow drops tags, never text, and says so in winnow_result.limits; only
 * max_tree_bytes refuses the page. Real pages stay far below all of them.
 */
#define WINNOW_DEFAULT_MAX_DEPTH 512             /* as Chromium's parser */
#define WINNOW_DEFAULT_MAX_NODES 500000          /* tags and comments */
#define WINNOW_DEFAULT_MAX_TREE_BYTES (1u << 30) /* 1 GiB of parse tree */
/* The default time limit of one page: 5 s plus 5 s per MB of input, in
 * processor time of the calling thread (so a busy machine does not count
 * against a page). tests/timebound_test.sh holds release builds to 2 s +
 * 2 s per MB on every hostile shape it knows, so only a page that would
 * stall a worker reaches the limit. */
#define WINNOW_DEFAULT_TIMEOUT_SECONDS 5.0
#define WINNOW_DEFAULT_TIMEOUT_SECONDS_PER_MB 5.0
#define WINNOW_NO_TIMEOUT (-1.0)

/* Bits of winnow_result.limits: which budgets the page reached. */
enum {
  WINNOW_LIMIT_DEPTH = 1,       /* deeper elements were flattened into their ancestor */
  WINNOW_LIMIT_NODES = 2,       /* tags and comments past max_nodes were dropped */
  WINNOW_LIMIT_ATTRIBUTES = 4, /* attributes past 256 in one tag were dropped */
  WINNOW_LIMIT_FORMATTING = 8  /* formatting tags past 16 open at once were dropped */
};

typedef enum winnow_format {
  WINNOW_FORMAT_TEXT = 0, /* title, then blocks separated by blank lines */
  WINNOW_FORMAT_EXPLAIN,  /* one line per block: keep/drop, reason, scores */
  WINNOW_FORMAT_MARKDOWN  /* headings, lists, tables, code fences, links, emphasis */
} winnow_format;

typedef struct winnow_options {
  const char *encoding; /* force this input encoding (a WHATWG label); NULL = sniff */
  int include_title;    /* print the title first (default 1) */
  winnow_format format; /* default WINNOW_FORMAT_TEXT */
  const char *lang;     /* the article's language (ISO 639-1); NULL = identify it */
  int keep_foreign;     /* 1 = keep chrome in other languages (default 0) */
  /* Budgets; 0 means the default, (size_t)-1 no limit. */
  size_t max_depth;      /* nesting depth (default WINNOW_DEFAULT_MAX_DEPTH) */
  size_t max_nodes;      /* tags and comments (default WINNOW_DEFAULT_MAX_NODES) */
  size_t max_tree_bytes; /* parse tree memory (default WINNOW_DEFAULT_MAX_TREE_BYTES) */
  /* The transport's label, e.g. an HTTP charset; NULL = none. It ranks as in
   * browsers: below a byte-order mark, above <meta>; unknown labels are
   * ignored. `encoding` overrides it. */
  const char *encoding_hint;
  /* Seconds of processor time the page may take; 0 = the default (see
   * WINNOW_DEFAULT_TIMEOUT_SECONDS), negative (WINNOW_NO_TIMEOUT), infinite
   * or over 1e9 = no limit. Past it winnow_extract() stops at its next
   * check (between stages, and every few thousand allocations inside
   * them) and returns WINNOW_ERR_TIMEOUT. */
  double timeout_seconds;
  /* When set and *cancel becomes nonzero (e.g. from a signal handler or
   * another thread), the extraction stops at its next check, as at the time
   * limit, and returns WINNOW_ERR_CANCELLED. NULL = never. */
  const volatile int *cancel;
  /* 1 = keep readers' comments that follow the article, after it (default
   * 0); in Markdown a "## Comments" heading comes before them. Comment
   * forms, share rows and counters still go. */
  int keep_comments;
  /* Markdown only (WINNOW_FORMAT_MARKDOWN): */
  const char *url; /* the page's URL: relative links resolve against it (below
                      <base href>); NULL = links stay relative */
  int links;       /* links as [text](url) (default 1); targets other than
                      http(s), mailto and relative ones keep only their text */
  int images;      /* images with alt text as ![alt](src) (default 0) */
} winnow_options;

typedef struct winnow_result {
  char *text;         /* UTF-8 output, NUL-terminated; never NULL on success */
  size_t text_len;    /* bytes in text, without the NUL */
  char *title;        /* the page title as chosen, or "" */
  char encoding[32];  /* the input encoding that was used, e.g. "UTF-8" */
  char lang[8];       /* the article's language, ISO 639-1, or "und" */
  char *author;       /* as the page states it (meta, JSON-LD), entities decoded and
                         without a trailing outlet name, or NULL */
  char *date;         /* publication date in ISO 8601 ("2025-12-19", with the time and
                         zone where stated), or NULL when none reads as a date */
  unsigned limits;    /* WINNOW_LIMIT_* bits: budgets the page reached */
  /* What else the page states about itself (<meta>, <link>, JSON-LD), or NULL. */
  char *canonical_url; /* <link rel=canonical>, og:url */
  char *site_name;     /* og:site_name, application-name */
  char *description;   /* og:description, description */
  char *image;         /* og:image, twitter:image: the lead image */
  char *keywords;      /* keywords, news_keywords, article:tag, joined with ", " */
  char *page_type;     /* og:type, or the JSON-LD @type: "article", "NewsArticle"... */
} winnow_result;

/* Fill opts with the defaults. */
WINNOW_API void winnow_options_init(winnow_options *opts);

/*
 * Extract the main content of one page. `html` need not be NUL-terminated
 * or valid in any encoding. On WINNOW_OK, `out` owns memory that must be
 * released with winnow_result_free(). On error, `out` holds nothing to free.
 */
WINNOW_API winnow_status winnow_extract(const char *html, size_t len,
                             const winnow_options *opts, winnow_result *out);

WINNOW_API void winnow_result_free(winnow_result *result);

/* A short English description of a status, for error messages. */
WINNOW_API const char *winnow_status_string(winnow_status status);

/* One line per WINNOW_LIMIT_* bit in `limits`, e.g. "nesting deeper than
 * 512 levels was flattened", for warnings; `bit` picks one. */
WINNOW_API const char *winnow_limit_string(unsigned bit);

#ifdef __cplusplus
}
#endif

#endif
