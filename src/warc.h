/*
 * WARC reader: .warc and .warc.gz (multi-member gzip, through zlib). Takes
 * "response" records whose HTTP Content-Type is HTML, uses the HTTP charset
 * as the encoding hint, and writes one JSON line per page: url
 * (WARC-Target-URI), warc_record_id, date (WARC-Date), title, lang, text
 * (author when stated). Truncated or malformed records are reported on
 * `err` with the file and offset, and skipped. Memory stays bounded by the
 * largest record kept (see max_record).
 */
#ifndef WN_WARC_H
#define WN_WARC_H

#include <stdint.h>
#include <stdio.h>

#include "winnow.h"

typedef struct wn_warc_stats {
  unsigned long records;  /* WARC records read */
  unsigned long pages;    /* HTML responses extracted */
  unsigned long skipped;  /* malformed or truncated records */
} wn_warc_stats;

/* Returns 0, or -1 if the file cannot be opened or `out` cannot be written
 * (errno set); malformed records are not errors of the call. Response
 * blocks larger than `max_record` bytes (0 = no limit) are skipped unread. */
int wn_warc_process(const char *path, FILE *out, FILE *err, const winnow_options *opts,
                    uint64_t max_record, wn_warc_stats *stats);

#endif
