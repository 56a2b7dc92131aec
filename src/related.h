/*
 * Related-article sections: a "Related articles" heading (in any language
 * of the lexicon) over a run of teaser cards, after the article or beside
 * it. The cards' blurbs may outweigh the article; their structure (sibling
 * boxes that each hold a headline, a blurb, a picture) says what they are,
 * whatever the class names are. Without any heading, a run of such cards
 * after an article's end (each with a picture, a link away and a blurb)
 * is the same, and so is a run of cards without pictures whose blurb
 * links again to the page its title links to ("more »").
 */
#ifndef WN_RELATED_H
#define WN_RELATED_H

#include "segment.h"

/* Passes a related heading's lexicon hit on to the teaser cards under it
 * when its section is a run of cards beside an article's worth of prose,
 * and marks runs of pictured teaser cards, and of text-only cards that
 * link twice to one story, after an article's end as related. Run after the lexicon hits are marked, before the region is
 * chosen. */
void wn_mark_related_sections(wn_page *page);

/* One past the section that block `heading` (a heading, or a label that is
 * not one) opens when the blocks after it in the box they share are a run
 * of teaser cards, or when paragraphs after it each come with the same
 * short line (flat markup's teasers, each with its AI label); heading + 1
 * when neither. */
size_t wn_card_section_end(const wn_page *page, size_t heading);

#endif
