/*
 * winnow-bench-speed: how much slower is a full extraction than the HTML
 * parse alone? Parsing is the floor we cannot go below, so the ratio says
 * how much our own stages cost.
 *
 * usage: winnow-bench-speed DATASET_DIR [--repeat N] [--winnow-only]
 *
 * --winnow-only skips the parse-only runs, for profiling the library alone
 * (bench/stages runs it under callgrind).
 *
 * Every page is loaded into memory before any timing, so disk and gzip stay
 * out of the numbers. Each page is timed N times and its minimum kept:
 * noise on a shared machine only ever adds time.
 */
#include <dirent.h>
#include <float.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gumbo.h>
#include <zlib.h>

#include "winnow.h"

typedef struct page {
  char *name;
  char *data;
  size_t len;
  double parse_s;  /* best parse-only time */
  double winnow_s; /* best full-extraction time */
} page;

typedef struct corpus {
  page *pages;
  size_t count;
  size_t cap;
} corpus;

static void *xrealloc(void *p, size_t size) {
  void *q = realloc(p, size);
  if (q == NULL) {
    fprintf(stderr, "winnow-bench-speed: out of memory\n");
    exit(1);
  }
  return q;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* gzread also passes through files that are not compressed. */
static int load_gz(const char *path, char **data, size_t *len) {
  gzFile gz = gzopen(path, "rb");
  size_t cap = 256 * 1024, n = 0;
  char *buf;
  int got;
  if (gz == NULL) return -1;
  buf = xrealloc(NULL, cap);
  for (;;) {
    if (cap - n < 64 * 1024) buf = xrealloc(buf, cap *= 2);
    got = gzread(gz, buf + n, (unsigned)(cap - n));
    if (got <= 0) break;
    n += (size_t)got;
  }
  gzclose(gz);
  if (got < 0) {
    free(buf);
    return -1;
  }
  *data = buf;
  *len = n;
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const page *)a)->name, ((const page *)b)->name);
}

static int load_corpus(const char *dir, corpus *c) {
  DIR *d = opendir(dir);
  struct dirent *e;
  if (d == NULL) {
    perror(dir);
    return -1;
  }
  while ((e = readdir(d)) != NULL) {
    if (!ends_with(e->d_name, ".html.gz")) continue;
    size_t plen = strlen(dir) + strlen(e->d_name) + 2;
    char *path = xrealloc(NULL, plen);
    snprintf(path, plen, "%s/%s", dir, e->d_name);
    if (c->count == c->cap) {
      c->cap = c->cap ? c->cap * 2 : 256;
      c->pages = xrealloc(c->pages, c->cap * sizeof *c->pages);
    }
    page *p = &c->pages[c->count];
    memset(p, 0, sizeof *p);
    if (load_gz(path, &p->data, &p->len) != 0) {
      fprintf(stderr, "winnow-bench-speed: cannot read %s, skipped\n", path);
      free(path);
      continue;
    }
    p->name = path;
    p->parse_s = p->winnow_s = DBL_MAX;
    c->count++;
  }
  closedir(d);
  qsort(c->pages, c->count, sizeof *c->pages, by_name);
  return 0;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double time_parse(const page *p) {
  double t0 = now_s();
  GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, p->data, p->len);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return now_s() - t0;
}

/* Returns the time, or a negative value when the extraction failed. */
static double time_winnow(const page *p, const winnow_options *opts) {
  winnow_result res;
  double t0 = now_s();
  winnow_status st = winnow_extract(p->data, p->len, opts, &res);
  if (st == WINNOW_OK) winnow_result_free(&res);
  double t = now_s() - t0;
  return st == WINNOW_OK ? t : -1.0;
}

static size_t run_rounds(corpus *c, int repeat, bool winnow_only) {
  winnow_options opts;
  size_t failures = 0;
  winnow_options_init(&opts);
  for (int r = 0; r < repeat; r++) {
    for (size_t i = 0; i < c->count; i++) {
      page *p = &c->pages[i];
      double tp = winnow_only ? 0 : time_parse(p), tw = time_winnow(p, &opts);
      if (tp < p->parse_s) p->parse_s = tp;
      if (tw < 0) {
        if (r == 0) {
          fprintf(stderr, "winnow-bench-speed: %s: extraction failed\n", p->name);
          failures++;
        }
      } else if (tw < p->winnow_s) {
        p->winnow_s = tw;
      }
    }
  }
  return failures;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Sorts vals in place. */
static double median(double *vals, size_t n) {
  if (n == 0) return 0.0;
  qsort(vals, n, sizeof *vals, by_value);
  return n % 2 ? vals[n / 2] : (vals[n / 2 - 1] + vals[n / 2]) / 2;
}

static void report(const corpus *c, size_t failures, int repeat) {
  double *parse = xrealloc(NULL, (c->count + 1) * sizeof *parse);
  double *win = xrealloc(NULL, (c->count + 1) * sizeof *win);
  double *ratio = xrealloc(NULL, (c->count + 1) * sizeof *ratio);
  double total_parse = 0, total_win = 0, bytes = 0;
  size_t n = 0;
  for (size_t i = 0; i < c->count; i++) {
    const page *p = &c->pages[i];
    if (p->winnow_s == DBL_MAX) continue; /* failed every time: no timing */
    parse[n] = p->parse_s;
    win[n] = p->winnow_s;
    ratio[n] = p->parse_s > 0 ? p->winnow_s / p->parse_s : 0;
    total_parse += p->parse_s;
    total_win += p->winnow_s;
    bytes += (double)p->len;
    n++;
  }
  double mb = bytes / 1e6;
  printf("pages:              %zu timed (%zu failed), best of %d runs\n", n,
         failures, repeat);
  printf("input:              %.2f MB\n", mb);
  printf("parse only, total:  %8.3f s   %7.2f MB/s\n", total_parse,
         total_parse > 0 ? mb / total_parse : 0);
  printf("winnow, total:      %8.3f s   %7.2f MB/s\n", total_win,
         total_win > 0 ? mb / total_win : 0);
  printf("ratio winnow/parse: %8.2f x (totals)\n",
         total_parse > 0 ? total_win / total_parse : 0);
  printf("median per page:    parse %.3f ms, winnow %.3f ms, ratio %.2f x\n",
         median(parse, n) * 1e3, median(win, n) * 1e3, median(ratio, n));
  free(parse);
  free(win);
  free(ratio);
}

static void free_corpus(corpus *c) {
  for (size_t i = 0; i < c->count; i++) {
    free(c->pages[i].name);
    free(c->pages[i].data);
  }
  free(c->pages);
}

/* Returns N, or 0 when the text is not a sane repeat count. */
static int parse_repeat(const char *text) {
  char *end;
  long v = strtol(text, &end, 10);
  return *end == '\0' && v >= 1 && v <= 1000 ? (int)v : 0;
}

static int usage(void) {
  fprintf(stderr, "usage: winnow-bench-speed DATASET_DIR [--repeat N] [--winnow-only]\n");
  return 2;
}

int main(int argc, char **argv) {
  const char *dir = NULL;
  int repeat = 3;
  bool winnow_only = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--winnow-only") == 0) {
      winnow_only = true;
      continue;
    }
    if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      if ((repeat = parse_repeat(argv[++i])) == 0) return usage();
    } else if (strncmp(argv[i], "--repeat=", 9) == 0) {
      if ((repeat = parse_repeat(argv[i] + 9)) == 0) return usage();
    } else if (argv[i][0] != '-' && dir == NULL) {
      dir = argv[i];
    } else {
      return usage();
    }
  }
  if (dir == NULL) return usage();

  corpus c = {0};
  if (load_corpus(dir, &c) != 0) return 1;
  if (c.count == 0) {
    fprintf(stderr, "winnow-bench-speed: no *.html.gz in %s\n", dir);
    free_corpus(&c);
    return 1;
  }
  fprintf(stderr, "timing %zu pages x %d runs...\n", c.count, repeat);
  size_t failures = run_rounds(&c, repeat, winnow_only);
  report(&c, failures, repeat);
  free_corpus(&c);
  return 0;
}
