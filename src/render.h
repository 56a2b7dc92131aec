/*
 * Stage render: write the kept blocks.
 *
 * Text: the title first (unless disabled), then blocks separated by one
 * blank line; consecutive list items and table rows of one list or table on
 * consecutive lines; code blocks keep their line breaks. NFC throughout.
 * Explain: every block in page order, one line each, with keep/drop, the
 * reason and the scores.
 */
#ifndef WN_RENDER_H
#define WN_RENDER_H

#include <stdbool.h>

#include "buffer.h"
#include "segment.h"

void wn_render_text(const wn_page *page, int include_title, wn_buf *out);
void wn_render_explain(const wn_page *page, wn_buf *out);

/*
 * Markdown (CommonMark, with GFM pipe tables): the title as "# Title", then
 * the kept blocks: headings by level (a heading that repeats the printed
 * title is left out), list items as "- " or, in an <ol>, "1. " (nested lists
 * indented, paragraphs inside an item indented under it), table rows as pipe
 * tables with a "| --- |" line after the first row, code in ``` fences
 * (longer when the code holds backtick runs), blockquote content behind
 * "> ". Characters that would start Markdown syntax at the beginning of a
 * line are escaped. Ends with one newline; empty when nothing is kept. NFC.
 */
void wn_render_markdown(const wn_page *page, int include_title, wn_buf *out);

/*
 * The same, with the inline markup of pages segmented with spans
 * (wn_segment_marked): links as [text](url) when `links`, resolved against
 * <base href> or `url` (links to other schemes than http, https and mailto
 * keep only their text), images with alt text as ![alt](src) when `images`,
 * *emphasis*, **strong** and `code`; code fences name the code's language.
 * Page text stays escaped. wn_render_markdown() is this with links on,
 * images off and no URL.
 */
typedef struct wn_md_options {
  int include_title;
  bool links;
  bool images;
  const char *url; /* the page's own URL, or NULL */
} wn_md_options;

void wn_render_markdown_with(const wn_page *page, const wn_md_options *opts, wn_buf *out);

/* NFC-normalise `len` bytes of UTF-8 into a new string (caller frees). */
char *wn_nfc(const char *s, size_t len, size_t *out_len);
/* The same, appended to `out`. */
void wn_nfc_append(wn_buf *out, const char *s, size_t len);

/* The code point of a C1 control (U+0080-U+009F) or a bidi override or
 * isolate (U+202A-U+202E, U+2066-U+2069) whose UTF-8 starts at u (`left`
 * bytes there), or 0: what may not reach a terminal from a page. */
unsigned wn_terminal_control(const unsigned char *u, size_t left);

#endif
