/*
 * Bylines and datelines ("By Jane Doe", "Publié le 3 mars 2025 à 10:02"):
 * page metadata, not the article's text. Only the lines right under the
 * headline go; an author's name under a quote or a signature at the end is
 * part of what the page says.
 */
#ifndef WN_BYLINE_H
#define WN_BYLINE_H

#include "segment.h"

/* Drops kept author and date lines among the first blocks after the
 * page's headline (reason chrome-line, concept byline/author or date). */
void wn_drop_bylines(wn_page *page);

#endif
