/*
 * Stage 1b: before parsing, script and style bodies and inline SVG are cut
 * out of the decoded page. Gumbo tokenizes them byte by byte, and on real pages they
 * are about half of the bytes, yet nothing in them is text: the parsed tree
 * is the same, only without their text nodes (which the cleaning stage skips
 * anyway). JSON-LD scripts stay, for the metadata reader; bodies whose
 * tokenizing depends on "<!--" escapes stay too.
 */
#ifndef WN_PREPASS_H
#define WN_PREPASS_H

#include <stddef.h>

/* Edits `html` in place; returns the new length (the text is NUL-terminated
 * again if it shrank). */
size_t wn_elide_raw_text(char *html, size_t len);

#endif
