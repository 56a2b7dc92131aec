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

/* NFC-normalise `len` bytes of UTF-8 into a new string (caller frees). */
char *wn_nfc(const char *s, size_t len, size_t *out_len);
/* The same, appended to `out`. */
void wn_nfc_append(wn_buf *out, const char *s, size_t len);

#endif
