#ifndef WINNOW_NAME_CUES_H
#define WINNOW_NAME_CUES_H

#include <stddef.h>
#include <stdint.h>

/*
 * Class and id names that say what an element is, compiled from
 * data/name-cues.tsv by tools/lexgen --cues. A pattern starting with '='
 * must match a whole class or id; others match inside one too.
 */
typedef struct wn_name_cue {
  const char *pattern;
  uint32_t flag; /* one WN_EL_ flag (segment.h) */
} wn_name_cue;

extern const wn_name_cue wn_name_cues[];
extern const size_t wn_name_cues_count;

#endif
