/*
 * Golden tests: every fixtures/NAME.html is run through winnow_extract()
 * with the default options and the output must equal fixtures/NAME.txt
 * byte for byte. One cmocka test per fixture, built at run time from the
 * sorted directory listing.
 *
 * A golden holds the correct text, never what winnow gets wrong. What it
 * still gets wrong is listed in tests/expected-failures.tsv, one line of a
 * fixture each (a line printed that should not be, or a line of the golden
 * that is not printed); such a fixture passes when its output differs from
 * its golden by exactly those lines. A listed failure that no longer
 * happens fails the test, so the list is shortened on purpose.
 *
 * When WINNOW_GOLDEN_OUT names a directory, the actual output of every
 * fixture is also written to $WINNOW_GOLDEN_OUT/NAME.txt for diffing.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "winnow.h"

#ifndef WINNOW_FIXTURES_DIR /* CMake defines it; this is for ad-hoc builds */
#define WINNOW_FIXTURES_DIR "fixtures"
#endif
#ifndef WINNOW_EXPECTED_FAILURES
#define WINNOW_EXPECTED_FAILURES "tests/expected-failures.tsv"
#endif

typedef enum { XF_PRINTED, XF_MISSING } xfail_kind;

/* One known failure: a line of a fixture's output that is wrong. */
typedef struct {
  char *fixture;
  xfail_kind kind;
  char *line;
  unsigned lineno; /* in the list, for messages */
} xfail;

static xfail *xfails;
static size_t n_xfails;
static char list_error[512]; /* why the list could not be read, if it could not */

/* Read a whole file. Returns 0 on success (buf is malloc'd, NUL-terminated),
 * -1 when the file can't be opened or read. */
static int read_file(const char *path, char **buf, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  size_t cap = 4096, n = 0;
  char *data = malloc(cap);
  if (!data) {
    fclose(f);
    return -1;
  }
  for (;;) {
    if (n + 1 >= cap) {
      char *grown = realloc(data, cap * 2);
      if (!grown) {
        free(data);
        fclose(f);
        return -1;
      }
      data = grown;
      cap *= 2;
    }
    size_t got = fread(data + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
  }
  int err = ferror(f);
  fclose(f);
  if (err) {
    free(data);
    return -1;
  }
  data[n] = '\0';
  *buf = data;
  *len = n;
  return 0;
}

static char *path_join(const char *dir, const char *name, const char *ext) {
  size_t need = strlen(dir) + 1 + strlen(name) + strlen(ext) + 1;
  char *p = malloc(need);
  if (p) snprintf(p, need, "%s/%s%s", dir, name, ext);
  return p;
}

static void write_actual(const char *name, const char *text, size_t len) {
  const char *dir = getenv("WINNOW_GOLDEN_OUT");
  if (!dir || !*dir) return;
  char *path = path_join(dir, name, ".txt");
  if (!path) return;
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "[golden] cannot write %s: %s\n", path, strerror(errno));
    free(path);
    return;
  }
  if (len && fwrite(text, 1, len, f) != len)
    fprintf(stderr, "[golden] short write to %s\n", path);
  fclose(f);
  free(path);
}

/* Print one line (up to the next '\n' or end) with control bytes escaped. */
static void print_line(const char *label, const char *s, size_t len,
                       size_t pos) {
  fprintf(stderr, "  %s: ", label);
  if (pos >= len) {
    fprintf(stderr, "<end of output>\n");
    return;
  }
  fputc('"', stderr);
  for (size_t i = pos; i < len && s[i] != '\n'; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\')
      fprintf(stderr, "\\%c", c);
    else if (c == '\t')
      fputs("\\t", stderr);
    else if (c == '\r')
      fputs("\\r", stderr);
    else if (c < 0x20 || c == 0x7f)
      fprintf(stderr, "\\x%02x", c);
    else
      fputc(c, stderr);
  }
  /* Show whether the line was terminated, so a missing final newline is
   * visible. */
  size_t end = pos;
  while (end < len && s[end] != '\n') end++;
  fprintf(stderr, "\"%s\n", end < len ? "" : " (no newline)");
}

/* Report the first line where expected and got differ. */
static void report_diff(const char *name, const char *exp, size_t exp_len,
                        const char *got, size_t got_len) {
  size_t i = 0, line = 1, line_start = 0;
  while (i < exp_len && i < got_len && exp[i] == got[i]) {
    if (exp[i] == '\n') {
      line++;
      line_start = i + 1;
    }
    i++;
  }
  fprintf(stderr,
          "[golden] %s: output differs at line %zu "
          "(expected %zu bytes, got %zu bytes)\n",
          name, line, exp_len, got_len);
  print_line("expected", exp, exp_len, line_start);
  print_line("got     ", got, got_len, line_start);
}

/* --- lines of an output ----------------------------------------------- */

/* Offset of `line` as a whole line of text[0..len), or -1. */
static long find_line(const char *text, size_t len, const char *line) {
  size_t n = strlen(line);
  for (size_t s = 0; s + n <= len;) {
    if (memcmp(text + s, line, n) == 0 && (s + n == len || text[s + n] == '\n'))
      return (long)s;
    const char *nl = memchr(text + s, '\n', len - s);
    if (!nl) break;
    s = (size_t)(nl - text) + 1;
  }
  return -1;
}

/*
 * Remove a whole line so that the rest reads as if it had never been
 * printed: a paragraph of its own goes with the blank line that separates it
 * from the next paragraph (or, the last one, from the previous); a line of a
 * paragraph of several lines goes with one newline. Returns 0, or -1 when
 * the line is not there.
 */
static int remove_line(char *text, size_t *len, const char *line) {
  long at = find_line(text, *len, line);
  if (at < 0) return -1;
  size_t s = (size_t)at, e = s + strlen(line); /* e: its '\n' or the end */
  int starts = s < 2 || text[s - 2] == '\n';
  int ends = e + 1 >= *len || text[e + 1] == '\n';
  if (starts && ends && e + 1 < *len)
    e += 2; /* its newline and the blank line after it */
  else if (starts && ends && s >= 2)
    s -= 2; /* the last paragraph: the newline and blank line before it */
  else if (!starts && ends)
    s -= 1; /* the last line of a paragraph: the newline before it */
  else if (e < *len)
    e += 1; /* the first or a middle line of a paragraph, or the only line */
  memmove(text + s, text + e, *len - e);
  *len -= e - s;
  text[*len] = '\0';
  return 0;
}

/* --- the list of expected failures ------------------------------------ */

static void set_list_error(unsigned lineno, const char *why) {
  if (!list_error[0])
    snprintf(list_error, sizeof list_error, "%s:%u: %s", WINNOW_EXPECTED_FAILURES,
             lineno, why);
}

/* Split one line of the list in place; returns 0 and fills `xf`, or -1. */
static int parse_xfail(char *row, unsigned lineno, xfail *xf) {
  char *field[4];
  int tabs = 0;
  for (const char *p = row; *p; p++) tabs += *p == '\t';
  if (tabs != 3) {
    set_list_error(lineno, "want four tab-separated fields: fixture, kind, line, why");
    return -1;
  }
  field[0] = row;
  for (int i = 1; i < 4; i++) {
    char *tab = strchr(field[i - 1], '\t');
    *tab = '\0';
    field[i] = tab + 1;
  }
  if (strcmp(field[1], "printed") != 0 && strcmp(field[1], "missing") != 0) {
    set_list_error(lineno, "kind must be `printed` or `missing`");
    return -1;
  }
  if (!field[0][0] || !field[2][0] || !field[3][0]) {
    set_list_error(lineno, "empty fixture, line or why");
    return -1;
  }
  xf->fixture = strdup(field[0]);
  xf->line = strdup(field[2]);
  xf->kind = field[1][0] == 'p' ? XF_PRINTED : XF_MISSING;
  xf->lineno = lineno;
  if (xf->fixture && xf->line) return 0;
  free(xf->fixture);
  free(xf->line);
  set_list_error(lineno, "out of memory");
  return -1;
}

/* Load the list; a problem is kept in list_error for the list's own test. */
static void load_xfails(void) {
  char *text = NULL;
  size_t len = 0;
  if (read_file(WINNOW_EXPECTED_FAILURES, &text, &len) != 0) {
    set_list_error(0, "cannot read the list");
    return;
  }
  size_t rows = 1;
  for (size_t i = 0; i < len; i++) rows += text[i] == '\n';
  xfails = calloc(rows, sizeof *xfails);
  unsigned lineno = 0;
  for (char *row = text, *next; xfails && row && *row; row = next) {
    lineno++;
    next = strchr(row, '\n');
    if (next) *next++ = '\0';
    if (*row == '#' || *row == '\0') continue;
    if (parse_xfail(row, lineno, &xfails[n_xfails]) == 0) n_xfails++;
  }
  if (!xfails) set_list_error(0, "out of memory");
  free(text);
}

static void free_xfails(void) {
  for (size_t i = 0; i < n_xfails; i++) {
    free(xfails[i].fixture);
    free(xfails[i].line);
  }
  free(xfails);
}

static const char *kind_name(xfail_kind k) { return k == XF_PRINTED ? "printed" : "missing"; }

/*
 * Take the listed failures of fixture `name` out of both texts: a line
 * printed by mistake out of `got`, a line not printed out of `want`.
 * Returns how many listed failures did not happen (or make no sense).
 */
static int apply_xfails(const char *name, char *want, size_t *want_len, char *got,
                        size_t *got_len) {
  int stale = 0;
  for (size_t i = 0; i < n_xfails; i++) {
    const xfail *xf = &xfails[i];
    if (strcmp(xf->fixture, name) != 0) continue;
    int in_want = find_line(want, *want_len, xf->line) >= 0;
    int in_got = find_line(got, *got_len, xf->line) >= 0;
    const char *wrong = NULL;
    if (xf->kind == XF_PRINTED && in_want)
      wrong = "listed as printed, but the golden holds it";
    else if (xf->kind == XF_MISSING && !in_want)
      wrong = "listed as missing, but the golden does not hold it";
    else if (xf->kind == XF_PRINTED ? !in_got : in_got)
      wrong = "expected failure now passes: remove it from the list";
    if (wrong) {
      fprintf(stderr, "[golden] %s: %s (%s:%u, %s \"%s\")\n", name, wrong,
              WINNOW_EXPECTED_FAILURES, xf->lineno, kind_name(xf->kind), xf->line);
      stale++;
    } else if (xf->kind == XF_PRINTED) {
      remove_line(got, got_len, xf->line);
    } else {
      remove_line(want, want_len, xf->line);
    }
  }
  return stale;
}

/* The list itself: readable, and every fixture it names exists. */
static void test_expected_failures_list(void **state) {
  (void)state;
  if (list_error[0]) fail_msg("[golden] %s", list_error);
  for (size_t i = 0; i < n_xfails; i++) {
    char *html_path = path_join(WINNOW_FIXTURES_DIR, xfails[i].fixture, ".html");
    assert_non_null(html_path);
    FILE *f = fopen(html_path, "rb");
    free(html_path);
    if (!f)
      fail_msg("[golden] %s:%u: no fixture named %s", WINNOW_EXPECTED_FAILURES,
               xfails[i].lineno, xfails[i].fixture);
    fclose(f);
  }
}

static void test_fixture(void **state) {
  const char *name = (const char *)*state;
  char *html_path = path_join(WINNOW_FIXTURES_DIR, name, ".html");
  char *txt_path = path_join(WINNOW_FIXTURES_DIR, name, ".txt");
  assert_non_null(html_path);
  assert_non_null(txt_path);

  char *html = NULL, *expected = NULL;
  size_t html_len = 0, expected_len = 0;
  int html_rc = read_file(html_path, &html, &html_len);
  int txt_rc = read_file(txt_path, &expected, &expected_len);
  free(html_path);
  free(txt_path);

  if (html_rc != 0 || txt_rc != 0) {
    free(html);
    free(expected);
    if (html_rc != 0)
      fail_msg("[golden] %s: cannot read %s.html", name, name);
    fail_msg("[golden] %s: no expected output %s.txt next to %s.html", name,
             name, name);
  }

  winnow_options opts;
  winnow_options_init(&opts);
  winnow_result res;
  memset(&res, 0, sizeof res);
  winnow_status st = winnow_extract(html, html_len, &opts, &res);
  free(html);
  if (st != WINNOW_OK) {
    free(expected);
    fail_msg("[golden] %s: winnow_extract failed: %s", name,
             winnow_status_string(st));
  }

  size_t got_len = res.text ? res.text_len : 0;
  char *got = malloc(got_len + 1);
  if (got) {
    if (got_len) memcpy(got, res.text, got_len);
    got[got_len] = '\0';
  }
  winnow_result_free(&res);
  if (!got) {
    free(expected);
    fail_msg("[golden] %s: out of memory", name);
  }
  write_actual(name, got, got_len);

  int stale = apply_xfails(name, expected, &expected_len, got, &got_len);
  int same = got_len == expected_len &&
             (got_len == 0 || memcmp(got, expected, got_len) == 0);
  if (!same) report_diff(name, expected, expected_len, got, got_len);

  free(got);
  free(expected);
  if (!same) fail_msg("[golden] %s: output does not match %s.txt", name, name);
  if (stale)
    fail_msg("[golden] %s: %d entr%s of %s to correct", name, stale, stale == 1 ? "y" : "ies",
             WINNOW_EXPECTED_FAILURES);
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect the fixture names (file names without ".html"), sorted. */
static char **list_fixtures(size_t *count) {
  DIR *d = opendir(WINNOW_FIXTURES_DIR);
  if (!d) {
    fprintf(stderr, "[golden] cannot open %s: %s\n", WINNOW_FIXTURES_DIR,
            strerror(errno));
    return NULL;
  }
  size_t n = 0, cap = 64;
  char **names = malloc(cap * sizeof *names);
  struct dirent *e;
  while (names && (e = readdir(d)) != NULL) {
    size_t len = strlen(e->d_name);
    const char *ext = ".html";
    size_t ext_len = strlen(ext);
    if (len <= ext_len || strcmp(e->d_name + len - ext_len, ext) != 0)
      continue;
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      char **grown = realloc(names, cap * 2 * sizeof *names);
      if (!grown) break;
      names = grown;
      cap *= 2;
    }
    char *nm = malloc(len - ext_len + 1);
    if (!nm) break;
    memcpy(nm, e->d_name, len - ext_len);
    nm[len - ext_len] = '\0';
    names[n++] = nm;
  }
  closedir(d);
  if (!names) return NULL;
  qsort(names, n, sizeof *names, cmp_names);
  *count = n;
  return names;
}

int main(void) {
  size_t n = 0;
  char **names = list_fixtures(&n);
  if (!names || n == 0) {
    fprintf(stderr, "[golden] no fixtures found in %s\n", WINNOW_FIXTURES_DIR);
    free(names);
    return 1;
  }

  load_xfails();
  int rc;
  {
    /* A variable-length array, so cmocka_run_group_tests_name() can take
     * the test count from sizeof; the list of expected failures first. */
    struct CMUnitTest tests[n + 1];
    tests[0] = (struct CMUnitTest){"expected-failures.tsv", test_expected_failures_list,
                                   NULL, NULL, NULL};
    for (size_t i = 0; i < n; i++) {
      tests[i + 1].name = names[i];
      tests[i + 1].test_func = test_fixture;
      tests[i + 1].setup_func = NULL;
      tests[i + 1].teardown_func = NULL;
      tests[i + 1].initial_state = names[i];
    }
    rc = cmocka_run_group_tests_name("golden", tests, NULL, NULL);
  }

  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  free_xfails();
  return rc;
}
