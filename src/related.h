/*
 * Related-article sections: a "Related articles" heading (in any language
 * of the lexicon) over a run of teaser cards, after the article or beside
 * it. The cards' blurbs may outweigh the article; their structure (sibling
 * boxes that each hold a headline, a blurb, a picture) says what they are,
 * whatever the class names are.
 */
#ifndef WN_RELATED_H
#define WN_RELATED_H

#include "segment.h"

/* Passes a related heading's lexicon hit on to the teaser cards under it
 * when its section is a run of cards beside an article's worth of prose.
 * Run after the lexicon hits are marked, before the region is chosen. */
void wn_mark_related_sections(wn_page *page);

#endif
