/*
 * AI labels beyond the lexicon's whole lines: a label that shares its line
 * with a date or a name ("Reported by AI · 12 December 2025"), and an
 * AI-assistance disclosure worded a little differently from the lexicon's
 * formulas ("This article was written with assistance from AI tools.").
 */
#ifndef WN_AILABEL_H
#define WN_AILABEL_H

#include "segment.h"

/* Drops kept blocks that are AI labels by their parts or disclosures by
 * the lexicon's formulas (reason ai-label). Run after blocks are judged. */
void wn_drop_ai_labels(wn_page *page);

/* Whether the block ends naming AI as the lexicon's labels end ("... by
 * AI", "... von KI"), the term written in capitals. */
bool wn_ends_naming_ai(const wn_block *b);

/* Whether a line of a few words names AI as the lexicon's labels do, the
 * term in capitals ("AI:n luoma kuva", "KI-generiertes Bild"). */
bool wn_names_ai(const wn_block *b);

#endif
