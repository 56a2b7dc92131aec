/*
 * Stage pre-pass: a light scan of the decoded page before Gumbo
 * sees it. It does two jobs.
 *
 * Speed: script and style bodies and inline SVG are cut out. Gumbo
 * tokenizes them byte by byte, and on real pages they are about half of
 * the bytes, yet nothing in them is text: the parsed tree is the same,
 * only without their text nodes (which the cleaning stage skips anyway).
 * JSON-LD scripts stay, for the metadata reader; bodies whose tokenizing
 * depends on "<!--" escapes stay too. Attributes that nothing after the
 * parser reads go as well: data-* (but data-src, a lazy image's address),
 * srcset, sizes and on* event handlers.
 *
 * Budgets: Gumbo's work per tag grows with the depth of the open-element
 * stack, with the number of attributes on the tag and with the number of
 * open formatting elements (each is rebuilt wherever text follows), so a
 * hostile page can make it quadratic or worse. The pre-pass keeps the
 * tree within limits by dropping tags, never text: elements nested deeper
 * than `max_depth` are flattened into their ancestor, tags and comments
 * past `max_nodes` are dropped, attributes past `max_attributes` in one
 * tag are dropped, and formatting elements (b, i, font...) left open
 * past `max_open_formatting` are dropped. Real pages stay far from all of
 * these (wcxb-dev: at most 16,000 tags and well under 100 levels).
 */
#ifndef WN_PREPASS_H
#define WN_PREPASS_H

#include <stddef.h>

typedef struct wn_limits {
  size_t max_depth;           /* open elements that need an end tag */
  size_t max_nodes;           /* start tags and comments */
  size_t max_attributes;      /* in one tag */
  size_t max_open_formatting; /* b, i, em, font... open at once */
} wn_limits;

/* Which limits a page reached (bits of the `reached` result). */
enum {
  WN_LIMIT_DEPTH = 1,
  WN_LIMIT_NODES = 2,
  WN_LIMIT_ATTRIBUTES = 4,
  WN_LIMIT_FORMATTING = 8
};

/*
 * Edits `html` in place and returns the new length (the text is
 * NUL-terminated again if it shrank). `limits` may be NULL for none;
 * `reached` (may be NULL) gets the WN_LIMIT_ bits of the limits met.
 */
size_t wn_prepass(char *html, size_t len, const wn_limits *limits, unsigned *reached);

/* Whether the page is plain text: no tag, comment or doctype in it. */
int wn_is_plain_text(const char *text, size_t len);

/* Plain text as HTML: each run of lines between blank lines a paragraph,
 * '&' and '<' escaped. A new NUL-terminated string (*out_len bytes). */
char *wn_plain_text_as_html(const char *text, size_t len, size_t *out_len);

#endif
