/*
 * How close real pages come to the pre-pass budgets: for each budget at a
 * few settings, how many pages would reach it.
 *
 *   winnow-bench-limits PAGE.html[.gz]...
 *
 * The defaults in winnow.h and winnow.c are chosen far above what this
 * prints for the benchmark pages, so that budgets only ever bite on
 * hostile input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "decode.h"
#include "prepass.h"

static char *read_page(const char *path, size_t *len) {
  gzFile f = gzopen(path, "rb"); /* plain files read through as they are */
  if (!f) return NULL;
  size_t cap = 1 << 20, n = 0;
  char *data = malloc(cap);
  int got;
  while (data && (got = gzread(f, data + n, (unsigned)(cap - n))) > 0) {
    n += (size_t)got;
    if (n == cap) data = realloc(data, cap *= 2);
  }
  gzclose(f);
  *len = n;
  return data;
}

/* Whether the pre-pass with these limits reaches any of them. */
static int reaches(const wn_decoded *page, wn_limits limits) {
  char *copy = malloc(page->len + 1);
  if (!copy) return 0;
  memcpy(copy, page->utf8, page->len + 1);
  unsigned reached = 0;
  wn_prepass(copy, page->len, &limits, &reached);
  free(copy);
  return reached != 0;
}

enum { SETTINGS = 4 };

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: winnow-bench-limits PAGE.html[.gz]...\n", stderr);
    return 2;
  }
  const size_t none = (size_t)-1;
  const size_t depth[SETTINGS] = {64, 128, 256, 512};
  const size_t attributes[SETTINGS] = {32, 64, 128, 256};
  const size_t formatting[SETTINGS] = {4, 8, 16, 32};
  const size_t nodes[SETTINGS] = {10000, 20000, 100000, 1000000};
  int hit[4][SETTINGS] = {{0}};
  int pages = 0;
  for (int i = 1; i < argc; i++) {
    size_t len;
    char *raw = read_page(argv[i], &len);
    if (!raw) continue;
    wn_decoded page;
    if (wn_decode(raw, len, NULL, &page) == 0) {
      pages++;
      for (int k = 0; k < SETTINGS; k++) {
        hit[0][k] += reaches(&page, (wn_limits){depth[k], none, none, none});
        hit[1][k] += reaches(&page, (wn_limits){none, none, attributes[k], none});
        hit[2][k] += reaches(&page, (wn_limits){none, none, none, formatting[k]});
        hit[3][k] += reaches(&page, (wn_limits){none, nodes[k], none, none});
      }
      wn_decoded_free(&page);
    }
    free(raw);
  }
  const char *names[4] = {"depth", "attributes in a tag", "open formatting elements",
                          "tags and comments"};
  const size_t *settings[4] = {depth, attributes, formatting, nodes};
  printf("%d pages; pages that would reach each budget:\n", pages);
  for (int b = 0; b < 4; b++) {
    printf("  %-26s", names[b]);
    for (int k = 0; k < SETTINGS; k++) printf("  %zu: %d", settings[b][k], hit[b][k]);
    putchar('\n');
  }
  return 0;
}
