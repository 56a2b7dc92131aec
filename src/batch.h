/*
 * Batch mode: every HTML file under the inputs is cleaned into an output
 * tree with the same relative paths, on several threads. Output depends
 * only on each input, never on the number of threads or their timing.
 * Each output is written to a temporary name and renamed, so an
 * interrupted batch leaves no partial file and --skip-existing resumes it.
 */
#ifndef WN_BATCH_H
#define WN_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "winnow.h"

typedef enum wn_output_format {
  WN_OUTPUT_TEXT = 0,
  WN_OUTPUT_MARKDOWN,
  WN_OUTPUT_JSON
} wn_output_format;

typedef struct wn_batch_options {
  const char *out_dir;
  char *const *inputs;         /* files and directories */
  size_t input_count;
  const char *extensions;      /* comma-separated, without dots; NULL = html,htm,xhtml */
  const char *glob;            /* fnmatch pattern on file names; NULL = by extension */
  int jobs;                    /* worker threads, >= 1 */
  bool skip_existing;
  bool follow;                 /* take links to pages outside the input trees */
  bool quiet;                  /* no progress or summary, only errors */
  size_t max_bytes;            /* inputs larger than this fail */
  wn_output_format format;
  winnow_options extract;      /* encoding, title, lang, keep_foreign */
} wn_batch_options;

typedef struct wn_batch_stats {
  size_t files;      /* inputs found */
  size_t done;       /* written */
  size_t skipped;    /* already there (--skip-existing) */
  size_t failed;
  size_t empty;      /* written, but the page had no main content */
  double in_bytes, out_bytes;
  double seconds;
} wn_batch_stats;

/* Returns 0 when every input was written or skipped, 1 if any failed, 2 on a
 * usage problem, found before any page is read: an input that does not
 * exist, an output directory that cannot be made or lies inside an input
 * directory, two pages with the same output, an output that is a source;
 * 130 when SIGINT or SIGTERM stopped it (what was done is complete).
 * Errors go to stderr as "winnow: PATH: REASON". */
int wn_batch_run(const wn_batch_options *opts, wn_batch_stats *stats);

/* The extension an output format gets: "txt", "md" or "json". */
const char *wn_output_extension(wn_output_format format);

/*
 * Extracts one page in `format` into a new string (caller frees), with
 * `source_key`/`source` ("path"/"url" and its value) heading a JSON record.
 * Returns the winnow status; `limits` (may be NULL) gets the budgets the
 * page reached (winnow_result.limits).
 */
winnow_status wn_render_page(const char *html, size_t len, const winnow_options *opts,
                             wn_output_format format, const char *source_key,
                             const char *source, char **text, size_t *text_len,
                             unsigned *limits);

#endif
