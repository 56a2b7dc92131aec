/*
 * Record mode: JSON Lines in, JSON Lines out, one page per line, in order.
 * Each input line is an object with "html" and "id" or "url"; every field
 * but "html" is passed through, and title, lang, text (author, date) are
 * added. A line that is not such an object yields an error record for that
 * line ({"line": N, "error": "..."} plus its id/url when readable) and the
 * stream goes on.
 */
#ifndef WN_JSONL_H
#define WN_JSONL_H

#include <stdio.h>

#include "winnow.h"

typedef struct wn_jsonl_stats {
  unsigned long records; /* lines read */
  unsigned long failed;  /* error records written */
} wn_jsonl_stats;

/* Returns 0, or -1 if reading `in` or writing `out` failed (errno set).
 * A line longer than `max_line` bytes (0 = no limit) is skipped unread
 * with an error record, so memory stays bounded by `max_line`. */
int wn_jsonl_process(FILE *in, FILE *out, const winnow_options *opts, size_t max_line,
                     wn_jsonl_stats *stats);

#endif
