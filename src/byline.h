/*
 * Bylines and datelines ("By Jane Doe", "Publié le 3 mars 2025 à 10:02"):
 * page metadata, not the article's text. Author lines go only around the
 * headline: an author's name under a quote or a signature at the end is
 * part of what the page says. A publication date goes wherever it is.
 */
#ifndef WN_BYLINE_H
#define WN_BYLINE_H

#include "segment.h"

/* Drops kept author lines among the few blocks around the page's headline
 * (the first <h1>, and the block `headline` when it is not -1) and kept date
 * lines anywhere (reason chrome-line, concept author or date). */
void wn_drop_bylines(wn_page *page, int headline);

/* Whether the block is an author line ("By Jane Doe", "Por Ana Lima"),
 * wherever it stands. */
bool wn_is_author_line(const wn_block *b);

/* The language (ISO 639-1) of the opener of the block's author line, or
 * NULL when the block is no author line. */
const char *wn_author_line_lang(const wn_block *b);

/* The author's name on the author line the pass found ("By Jane Doe ·
 * 3 March" gives "Jane Doe"), newly allocated, or NULL. */
char *wn_byline_author(const wn_page *page);

/* The ISO 8601 date on the date line (else the author line) the pass
 * found, newly allocated, or NULL. */
char *wn_byline_date(const wn_page *page);

#endif
