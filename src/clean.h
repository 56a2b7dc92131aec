/*
 * Stage clean: decide which DOM nodes carry no readable page text. Input:
 * the parse tree. Output: the set of skipped elements (wn_cleaned), which
 * the segmenter does not enter.
 *
 * Nothing is removed from the Gumbo tree. Skipped: script,
 * style, template, svg, math, iframe, object, canvas, form controls,
 * and elements hidden by `hidden`, inline display:none / visibility:hidden,
 * aria-hidden="true" or a screen-reader-only class, unless that subtree holds
 * most of the page's text; noscript is skipped unless it does (some forums
 * serve their posts only there).
 */
#ifndef WN_CLEAN_H
#define WN_CLEAN_H

#include <gumbo.h>

typedef enum wn_skip_reason {
  WN_SKIP_NONE = 0,
  WN_SKIP_TAG,         /* script, style, svg, form controls ... */
  WN_SKIP_HIDDEN,      /* hidden attribute or inline display:none */
  WN_SKIP_ARIA_HIDDEN  /* aria-hidden="true" */
} wn_skip_reason;

#define WN_CLEAN_UNMEASURED ((size_t)-1)

/* Text sizes measured on demand, once each: the page's, that of the main
 * region (<main>, role=main) a hidden element sits in, and the page's count
 * of <h1> titles. */
typedef struct wn_clean_sizes {
  size_t page_chars;            /* WN_CLEAN_UNMEASURED until needed */
  const GumboNode *main;        /* the region main_chars was measured for */
  size_t main_chars;
  size_t page_titles;           /* <h1> elements on the page; WN_CLEAN_UNMEASURED */
} wn_clean_sizes;

void wn_clean_sizes_init(wn_clean_sizes *sizes);

/*
 * Why `element` (an element node) carries no page text, or WN_SKIP_NONE.
 * Hiding is refused when it would hide most of the page, most of the page's
 * main region, or the page's title with a good part of its text (scripts
 * that reveal the content on load).
 */
wn_skip_reason wn_clean_skip(const GumboNode *element, const GumboNode *root,
                             wn_clean_sizes *sizes);

/* The elements of a tree that wn_clean_skip skips, with the reason. */
typedef struct wn_cleaned {
  const GumboNode **nodes; /* open-addressing set; NULL marks a free slot */
  unsigned char *reasons;  /* wn_skip_reason of each slot */
  size_t cap, count;
} wn_cleaned;

/*
 * Walk the tree under `root` as the segmenter does (not into <head> nor
 * into a skipped element) and record every element wn_clean_skip skips.
 * Free the result with wn_cleaned_free().
 */
void wn_clean(const GumboNode *root, wn_cleaned *out);

/* Why `element` is skipped, or WN_SKIP_NONE if it is not in the set. */
wn_skip_reason wn_cleaned_reason(const wn_cleaned *cleaned, const GumboNode *element);

void wn_cleaned_free(wn_cleaned *cleaned);

/* Characters of text under `node`, skipping what wn_clean_skip skips by tag. */
size_t wn_clean_text_size(const GumboNode *node);

#endif
