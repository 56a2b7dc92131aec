/*
 * Out of memory: winnow_extract() must return WINNOW_ERR_MEMORY, hold
 * nothing (the sanitizer build's leak checker sees every byte), and leave
 * the library able to extract the next page as before. Every allocation of
 * an extraction is made to fail in turn, in every output format, on pages
 * that take the sniffing, iconv, JSON-LD and charset paths.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buffer.h"
#include "winnow.h"

#ifndef WINNOW_FIXTURES_DIR
#define WINNOW_FIXTURES_DIR "fixtures"
#endif

static char *read_fixture(const char *name, size_t *len) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", WINNOW_FIXTURES_DIR, name);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *data = malloc((size_t)n + 1);
  assert_non_null(data);
  assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return data;
}

static void assert_empty(const winnow_result *r) {
  assert_null(r->text);
  assert_null(r->title);
  assert_null(r->author);
  assert_null(r->date);
}

/* Fails allocation 0, 1, 2, ... until the extraction needs no more. */
static void fail_each_allocation(const char *name, winnow_format format) {
  size_t len;
  char *html = read_fixture(name, &len);
  winnow_options opts;
  winnow_options_init(&opts);
  opts.format = format;
  winnow_result expected;
  assert_int_equal(winnow_extract(html, len, &opts, &expected), WINNOW_OK);
  long failures = 0;
  for (long n = 0;; n++) {
    winnow_result r;
    wn_fail_allocations_after(n);
    winnow_status st = winnow_extract(html, len, &opts, &r);
    wn_fail_allocations_after(-1);
    if (st == WINNOW_OK) {
      assert_int_equal(r.text_len, expected.text_len);
      assert_memory_equal(r.text, expected.text, r.text_len);
      winnow_result_free(&r);
      break;
    }
    assert_int_equal(st, WINNOW_ERR_MEMORY);
    assert_empty(&r);
    failures++;
    assert_true(n < 1000000);
  }
  /* A page takes hundreds of allocations; none means no failure was tried. */
  assert_true(failures > 50);
  winnow_result_free(&expected);
  free(html);
}

static void test_text(void **state) {
  (void)state;
  fail_each_allocation("forum-thread-typed-comments.html", WINNOW_FORMAT_TEXT);
  fail_each_allocation("legacy-sjis-ja-local-railway.html", WINNOW_FORMAT_TEXT);
  fail_each_allocation("legacy-cp1252-cafe-prices.html", WINNOW_FORMAT_TEXT);
}

static void test_markdown(void **state) {
  (void)state;
  fail_each_allocation("product-grinder-specs.html", WINNOW_FORMAT_MARKDOWN);
}

static void test_explain(void **state) {
  (void)state;
  fail_each_allocation("forum-thread-heavy-author-panel.html", WINNOW_FORMAT_EXPLAIN);
}

/* The parse tree's budget is a limit, not memory running out. */
static void test_tree_budget_is_a_limit(void **state) {
  (void)state;
  size_t len;
  char *html = read_fixture("product-grinder-specs.html", &len);
  winnow_options opts;
  winnow_options_init(&opts);
  opts.max_tree_bytes = 1024;
  winnow_result r;
  assert_int_equal(winnow_extract(html, len, &opts, &r), WINNOW_ERR_LIMIT);
  assert_empty(&r);
  free(html);
}

/* A page of `n` nested sections of paragraphs: parsing it takes a while. */
static char *long_page(size_t n, size_t *len) {
  static const char head[] = "<html><body><article>", tail[] = "</article></body></html>";
  static const char part[] = "<div><p>word <b>bold</b> <i>it</i> and <a href=#x>link</a></p></div>";
  char *html = malloc(sizeof head + n * (sizeof part - 1) + sizeof tail);
  assert_non_null(html);
  size_t o = 0;
  memcpy(html, head, sizeof head - 1);
  o += sizeof head - 1;
  for (size_t i = 0; i < n; i++, o += sizeof part - 1) memcpy(html + o, part, sizeof part - 1);
  memcpy(html + o, tail, sizeof tail - 1);
  *len = o + sizeof tail - 1;
  return html;
}

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Past the time limit the page fails with WINNOW_ERR_TIMEOUT, holding
 * nothing, and the limit is checked inside the parse, not only after it:
 * a limit of a twentieth of the page's time stops it well before the end. */
static void test_timeout(void **state) {
  (void)state;
  size_t len;
  char *html = long_page(20000, &len);
  winnow_options opts;
  winnow_options_init(&opts);
  winnow_result r;
  double start = cpu_seconds();
  assert_int_equal(winnow_extract(html, len, &opts, &r), WINNOW_OK);
  double whole = cpu_seconds() - start;
  winnow_result_free(&r);
  opts.timeout_seconds = whole / 20;
  start = cpu_seconds();
  assert_int_equal(winnow_extract(html, len, &opts, &r), WINNOW_ERR_TIMEOUT);
  double stopped = cpu_seconds() - start;
  assert_empty(&r);
  assert_true(stopped < whole / 2);
  /* No limit, and the next page is extracted as before. */
  opts.timeout_seconds = WINNOW_NO_TIMEOUT;
  assert_int_equal(winnow_extract(html, len, &opts, &r), WINNOW_OK);
  winnow_result_free(&r);
  /* A limit already spent stops the page before its first stage. */
  opts.timeout_seconds = 1e-12;
  assert_int_equal(winnow_extract("<p>x</p>", 8, &opts, &r), WINNOW_ERR_TIMEOUT);
  assert_empty(&r);
  free(html);
}

/* A cancel flag already set stops the page before its first stage, holding
 * nothing; cleared, the next page is extracted as before. */
static void test_cancel(void **state) {
  (void)state;
  volatile int cancel = 1;
  winnow_options opts;
  winnow_options_init(&opts);
  opts.cancel = &cancel;
  winnow_result r;
  assert_int_equal(winnow_extract("<p>x</p>", 8, &opts, &r), WINNOW_ERR_CANCELLED);
  assert_empty(&r);
  cancel = 0;
  assert_int_equal(winnow_extract("<p>x</p>", 8, &opts, &r), WINNOW_OK);
  winnow_result_free(&r);
}

static void test_status_string(void **state) {
  (void)state;
  assert_string_equal(winnow_status_string(WINNOW_ERR_MEMORY), "out of memory");
  assert_string_equal(winnow_status_string(WINNOW_ERR_TIMEOUT),
                      "took longer than the --timeout limit");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_text),
      cmocka_unit_test(test_markdown),
      cmocka_unit_test(test_explain),
      cmocka_unit_test(test_tree_budget_is_a_limit),
      cmocka_unit_test(test_timeout),
      cmocka_unit_test(test_cancel),
      cmocka_unit_test(test_status_string),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
