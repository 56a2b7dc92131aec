/*
 * Golden tests: every fixtures/NAME.html is run through winnow_extract()
 * with the default options and the output must equal fixtures/NAME.txt
 * byte for byte. One cmocka test per fixture, built at run time from the
 * sorted directory listing.
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

  const char *got = res.text ? res.text : "";
  size_t got_len = res.text ? res.text_len : 0;
  write_actual(name, got, got_len);

  int same = got_len == expected_len &&
             (got_len == 0 || memcmp(got, expected, got_len) == 0);
  if (!same) report_diff(name, expected, expected_len, got, got_len);

  winnow_result_free(&res);
  free(expected);
  if (!same) fail_msg("[golden] %s: output does not match %s.txt", name, name);
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

  int rc;
  {
    /* A variable-length array, so cmocka_run_group_tests_name() can take
     * the test count from sizeof. */
    struct CMUnitTest tests[n];
    for (size_t i = 0; i < n; i++) {
      tests[i].name = names[i];
      tests[i].test_func = test_fixture;
      tests[i].setup_func = NULL;
      tests[i].teardown_func = NULL;
      tests[i].initial_state = names[i];
    }
    rc = cmocka_run_group_tests_name("golden", tests, NULL, NULL);
  }

  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
}
