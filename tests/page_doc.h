/*
 * The per-test fixture shared by the stage tests: a parsed and segmented
 * page that the teardown frees, so a failing assertion leaks nothing under
 * valgrind. Include after cmocka.h.
 */
#ifndef WN_TEST_PAGE_DOC_H
#define WN_TEST_PAGE_DOC_H

#include <stdbool.h>
#include <stdlib.h>

#include <gumbo.h>

#include "buffer.h"
#include "segment.h"

typedef struct doc {
  GumboOutput *out;
  wn_page page;
  bool segmented;
  wn_buf text; /* rendered output, for the tests that render */
} doc;

static int setup(void **state) {
  doc *d = calloc(1, sizeof *d);
  if (!d) return -1;
  wn_buf_init(&d->text);
  *state = d;
  return 0;
}

static int teardown(void **state) {
  doc *d = *state;
  if (d->segmented) wn_page_free(&d->page);
  if (d->out) gumbo_destroy_output(&kGumboDefaultOptions, d->out);
  wn_buf_free(&d->text);
  free(d);
  return 0;
}

/* Parse `html` and segment it; the page lives until the teardown. */
static wn_page *doc_segment(void **state, const char *html) {
  doc *d = *state;
  d->out = gumbo_parse(html);
  assert_non_null(d->out);
  wn_segment(d->out, &d->page);
  d->segmented = true;
  return &d->page;
}

#endif
