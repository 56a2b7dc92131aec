/*
 * JSON Lines record mode: wn_jsonl_process() on in-memory streams.
 *
 * Input goes through tmpfile() (any bytes, any length), output through
 * open_memstream(); each output line is parsed back with jansson.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "jsonl.h"
#include "winnow.h"

/* ---- helpers ------------------------------------------------------------ */

#define PARA                                                                          \
  "Beekeepers in the valley have spent the whole spring watching their colonies " \
  "grow, and most of them agree that the mild winter helped the bees a great deal. " \
  "The early flowers came out weeks ahead of the usual time, and the hives were "   \
  "heavy with honey before the first of May."

#define PAGE(h1) \
  "<html><body><article><h1>" h1 "</h1><p>" PARA "</p></article></body></html>"

/* One good input line; `head` is the JSON text of the fields before "html". */
#define GOOD(head, h1) "{" head ",\"html\":\"" PAGE(h1) "\"}"

typedef struct run {
  int rc;
  int err; /* errno after a failed run */
  wn_jsonl_stats st;
  char *out;
  size_t out_len;
  size_t nlines;
  char **lines; /* pointers into out, NUL-terminated in place */
  json_t **recs; /* each line parsed back; NULL if not JSON */
} run;

static FILE *input_stream(const char *data, size_t len) {
  FILE *f = tmpfile();
  assert_non_null(f);
  if (len) assert_int_equal(fwrite(data, 1, len, f), len);
  rewind(f);
  return f;
}

static void run_free(run *r) {
  for (size_t i = 0; i < r->nlines; i++) json_decref(r->recs[i]);
  free(r->recs);
  free(r->lines);
  free(r->out);
  memset(r, 0, sizeof *r);
}

/* The line limit run_bytes passes on (0 = none). */
static size_t run_max_line;

static void run_bytes(run *r, const char *data, size_t len) {
  memset(r, 0, sizeof *r);
  FILE *in = input_stream(data, len);
  FILE *out = open_memstream(&r->out, &r->out_len);
  assert_non_null(out);
  winnow_options opts;
  winnow_options_init(&opts);
  r->rc = wn_jsonl_process(in, out, &opts, run_max_line, &r->st);
  r->err = errno;
  fclose(in);
  assert_int_equal(fclose(out), 0);

  /* Every output line ends in '\n'; split and parse them. */
  if (r->out_len) assert_true(r->out[r->out_len - 1] == '\n');
  assert_int_equal(strlen(r->out), r->out_len); /* no raw NUL in the output */
  for (size_t i = 0; i < r->out_len; i++)
    if (r->out[i] == '\n') r->nlines++;
  r->lines = calloc(r->nlines + 1, sizeof *r->lines);
  r->recs = calloc(r->nlines + 1, sizeof *r->recs);
  assert_non_null(r->lines);
  assert_non_null(r->recs);
  char *p = r->out;
  for (size_t i = 0; i < r->nlines; i++) {
    char *nl = strchr(p, '\n');
    *nl = '\0';
    r->lines[i] = p;
    assert_null(strchr(p, '\r'));
    json_error_t e;
    r->recs[i] = json_loads(p, JSON_ALLOW_NUL, &e);
    if (!r->recs[i]) fail_msg("output line %zu is not JSON (%s): %.200s", i + 1, e.text, p);
    assert_true(json_is_object(r->recs[i]));
    p = nl + 1;
  }
}

static void run_str(run *r, const char *data) { run_bytes(r, data, strlen(data)); }

static const char *str_field(const run *r, size_t i, const char *key) {
  json_t *v = json_object_get(r->recs[i], key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static long long int_field(const run *r, size_t i, const char *key) {
  json_t *v = json_object_get(r->recs[i], key);
  if (!json_is_integer(v)) fail_msg("line %zu: \"%s\" is not an integer", i + 1, key);
  return (long long)json_integer_value(v);
}

/* Output line i (0-based) is an error record for input line i + 1. */
static void assert_error(const run *r, size_t i, const char *msg_part) {
  assert_true(i < r->nlines);
  assert_int_equal(int_field(r, i, "line"), (long long)i + 1);
  const char *msg = str_field(r, i, "error");
  if (!msg) fail_msg("line %zu is not an error record: %.200s", i + 1, r->lines[i]);
  if (!strstr(msg, msg_part))
    fail_msg("line %zu: error \"%s\" does not mention \"%s\"", i + 1, msg, msg_part);
  assert_null(json_object_get(r->recs[i], "text"));
}

/* Output line i is a result record with the test page's title and text. */
static void assert_result(const run *r, size_t i, const char *title) {
  assert_true(i < r->nlines);
  if (json_object_get(r->recs[i], "error"))
    fail_msg("line %zu is an error record: %s", i + 1, r->lines[i]);
  assert_null(json_object_get(r->recs[i], "html"));
  assert_string_equal(str_field(r, i, "title"), title);
  assert_string_equal(str_field(r, i, "lang"), "en");
  const char *text = str_field(r, i, "text");
  assert_non_null(text);
  assert_non_null(strstr(text, "Beekeepers in the valley"));
}

static void assert_prefix(const char *line, const char *prefix) {
  if (strncmp(line, prefix, strlen(prefix)) != 0)
    fail_msg("line does not start with %s: %.200s", prefix, line);
}

static size_t count_lines(const char *s) {
  size_t n = 0;
  const char *last = s;
  for (const char *p = s; *p; p++)
    if (*p == '\n') {
      n++;
      last = p + 1;
    }
  return n + (*last != '\0');
}

/* ---- tests -------------------------------------------------------------- */

static void test_round_trip_keeps_order_and_fields(void **state) {
  (void)state;
  run r;
  run_str(&r, GOOD("\"id\":1,\"meta\":{\"a\":1}", "First") "\n"
              GOOD("\"url\":\"https://example.org/2\",\"tags\":[\"x\",2]", "Second") "\n"
              GOOD("\"id\":\"three\",\"z\":null,\"a\":true", "Third") "\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 3);
  assert_int_equal(r.st.records, 3);
  assert_int_equal(r.st.failed, 0);
  assert_result(&r, 0, "First");
  assert_result(&r, 1, "Second");
  assert_result(&r, 2, "Third");

  /* Passthrough fields first, in input order, then title, lang, text. */
  assert_prefix(r.lines[0], "{\"id\":1,\"meta\":{\"a\":1},\"title\":\"First\",\"lang\":\"en\",\"text\":\"");
  assert_prefix(r.lines[1], "{\"url\":\"https://example.org/2\",\"tags\":[\"x\",2],\"title\":\"Second\",");
  assert_prefix(r.lines[2], "{\"id\":\"three\",\"z\":null,\"a\":true,\"title\":\"Third\",");
  run_free(&r);
}

static void test_broken_line_in_the_middle(void **state) {
  (void)state;
  run r;
  run_str(&r, GOOD("\"id\":1", "One") "\n"
              "{\"id\":2,\"html\":\"<p>unterminated\n"
              GOOD("\"id\":3", "Three") "\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 3);
  assert_int_equal(r.st.records, 3);
  assert_int_equal(r.st.failed, 1);
  assert_result(&r, 0, "One");
  assert_error(&r, 1, "invalid JSON at column ");
  assert_null(json_object_get(r.recs[1], "id")); /* unreadable: no id */
  assert_result(&r, 2, "Three");
  assert_int_equal(int_field(&r, 2, "id"), 3);

  /* The error record is exactly line + error. */
  assert_int_equal(json_object_size(r.recs[1]), 2);
  assert_prefix(r.lines[1], "{\"line\":2,\"error\":");
  run_free(&r);
}

static void test_trailing_garbage_is_invalid(void **state) {
  (void)state;
  run r;
  run_str(&r, GOOD("\"id\":1", "One") " {}\n{\"id\":1,}\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 2);
  assert_error(&r, 0, "invalid JSON");
  assert_error(&r, 1, "invalid JSON at column 9: ");
  run_free(&r);
}

static void test_missing_or_bad_html(void **state) {
  (void)state;
  run r;
  run_str(&r, "{\"id\":\"a\",\"page\":\"<p>x</p>\"}\n"
              "{\"id\":7,\"url\":\"https://example.org/\",\"html\":42}\n"
              "{\"url\":\"https://example.org/n\",\"html\":null}\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 3);
  assert_int_equal(r.st.failed, 3);
  assert_error(&r, 0, "no \"html\" string field");
  assert_string_equal(str_field(&r, 0, "id"), "a");
  assert_null(json_object_get(r.recs[0], "page"));
  assert_error(&r, 1, "\"html\" is a number, not a string");
  assert_int_equal(int_field(&r, 1, "id"), 7);
  assert_string_equal(str_field(&r, 1, "url"), "https://example.org/");
  assert_error(&r, 2, "\"html\" is null");
  assert_string_equal(str_field(&r, 2, "url"), "https://example.org/n");
  run_free(&r);
}

static void test_missing_or_bad_id(void **state) {
  (void)state;
  run r;
  run_str(&r, "{\"html\":\"" PAGE("No id") "\"}\n"
              "{\"id\":null,\"html\":\"" PAGE("Null id") "\"}\n"
              "{\"url\":[\"u\"],\"html\":\"" PAGE("Array url") "\"}\n"
              "{\"url\":\"https://example.org/ok\",\"html\":\"" PAGE("Url only") "\"}\n"
              "{\"id\":2.5,\"html\":\"" PAGE("Real id") "\"}\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 5);
  assert_int_equal(r.st.records, 5);
  assert_int_equal(r.st.failed, 3);
  assert_error(&r, 0, "no \"id\" or \"url\" field");
  assert_error(&r, 1, "\"id\" is null, not a string or number");
  assert_null(json_object_get(r.recs[1], "id"));
  assert_error(&r, 2, "\"url\" is an array, not a string or number");
  assert_result(&r, 3, "Url only");
  assert_result(&r, 4, "Real id");
  assert_true(json_is_real(json_object_get(r.recs[4], "id")));
  run_free(&r);
}

static void test_not_an_object(void **state) {
  (void)state;
  run r;
  run_str(&r, "[{\"id\":1,\"html\":\"<p>x</p>\"}]\n\"html\"\n42\nnull\ntrue\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 5);
  assert_int_equal(r.st.failed, 5);
  assert_error(&r, 0, "not a JSON object but an array");
  assert_error(&r, 1, "not a JSON object but a string");
  assert_error(&r, 2, "not a JSON object but a number");
  assert_error(&r, 3, "not a JSON object but null");
  assert_error(&r, 4, "not a JSON object but a boolean");
  run_free(&r);
}

static void test_empty_lines(void **state) {
  (void)state;
  run r;
  run_str(&r, "\n" GOOD("\"id\":1", "One") "\n \t \n\n" GOOD("\"id\":2", "Two") "\n\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 6);
  assert_int_equal(r.st.records, 6);
  assert_int_equal(r.st.failed, 4);
  assert_error(&r, 0, "empty line");
  assert_result(&r, 1, "One");
  assert_error(&r, 2, "empty line");
  assert_error(&r, 3, "empty line");
  assert_result(&r, 4, "Two");
  assert_error(&r, 5, "empty line");
  run_free(&r);

  /* No input, no output. */
  run_str(&r, "");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 0);
  assert_int_equal(r.st.records, 0);
  run_free(&r);
}

static void test_last_line_without_newline(void **state) {
  (void)state;
  run r;
  run_str(&r, GOOD("\"id\":1", "One") "\n" GOOD("\"id\":2", "Two"));
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 2);
  assert_result(&r, 1, "Two");
  run_free(&r);
}

static void test_byte_order_mark_on_the_first_line(void **state) {
  (void)state;
  run r;
  run_str(&r, "\xEF\xBB\xBF" GOOD("\"id\":1", "One") "\n\xEF\xBB\xBF" GOOD("\"id\":2", "Two") "\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 2);
  assert_result(&r, 0, "One");
  assert_error(&r, 1, "invalid JSON at column 1"); /* only the first line may have one */
  run_free(&r);
}

static void test_crlf_line_endings(void **state) {
  (void)state;
  run r;
  run_str(&r, GOOD("\"id\":1", "One") "\r\n\r\n{\"id\":3}\r\n" GOOD("\"id\":4", "Four") "\r\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 4);
  assert_int_equal(r.st.failed, 2);
  assert_result(&r, 0, "One");
  assert_error(&r, 1, "empty line");
  assert_error(&r, 2, "no \"html\" string field");
  assert_result(&r, 3, "Four");
  run_free(&r);
}

static void test_extracted_fields_replace_input(void **state) {
  (void)state;
  run r;
  run_str(&r, "{\"text\":\"old\",\"id\":1,\"lang\":\"xx\",\"title\":\"Old\",\"author\":\"Kept\","
              "\"html\":\"" PAGE("New") "\"}\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 1);
  assert_result(&r, 0, "New");
  /* The page states no author, so the input's stays where it was. */
  assert_prefix(r.lines[0], "{\"id\":1,\"author\":\"Kept\",\"title\":\"New\",\"lang\":\"en\",");
  run_free(&r);
}

static void test_html_with_nul(void **state) {
  (void)state;
  run r;
  run_str(&r, "{\"id\":1,\"html\":\"<html><body><article><h1>Nul</h1><p>\\u0000" PARA
              "</p></article></body></html>\"}\n"
              "{\"id\":2,\"html\":\"\"}\n");
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 2);
  assert_int_equal(r.st.records, 2);
  assert_result(&r, 0, "Nul");
  /* An empty page is not an error: it has no text. */
  assert_null(json_object_get(r.recs[1], "error"));
  assert_non_null(str_field(&r, 1, "text"));
  run_free(&r);
}

static void test_twenty_megabyte_line(void **state) {
  (void)state;
  /* Numbered paragraphs, so that none is dropped as a duplicate. */
  const char *head =
      "{\"id\":\"big\",\"html\":\"<html><head><title>Big</title></head><body><article><h1>Big</h1>";
  const char *tail = "</article></body></html>\"}\n";
  size_t target = 20u * 1024 * 1024;
  size_t cap = target + 4096, hl = strlen(head), tl = strlen(tail);
  char *big = malloc(cap);
  assert_non_null(big);
  memcpy(big, head, hl);
  size_t big_len = hl;
  for (unsigned long i = 0; big_len < target; i++)
    big_len += (size_t)snprintf(big + big_len, cap - big_len,
                                "<p>" PARA " This is paragraph number %lu of the report.</p>", i);
  assert_true(big_len + tl < cap);
  memcpy(big + big_len, tail, tl + 1);
  big_len += tl;

  /* A small record on either side of the big one. */
  const char *before = GOOD("\"id\":0", "Before") "\n";
  const char *after = GOOD("\"id\":2", "After") "\n";
  size_t bl = strlen(before), al = strlen(after);
  char *all = malloc(bl + big_len + al + 1);
  assert_non_null(all);
  memcpy(all, before, bl);
  memcpy(all + bl, big, big_len);
  memcpy(all + bl + big_len, after, al + 1);
  free(big);

  run r;
  run_bytes(&r, all, bl + big_len + al);
  free(all);
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 3);
  assert_int_equal(r.st.records, 3);
  assert_int_equal(r.st.failed, 0);
  assert_result(&r, 0, "Before");
  assert_result(&r, 1, "Big");
  assert_string_equal(str_field(&r, 1, "id"), "big");
  const char *text = str_field(&r, 1, "text");
  assert_true(strlen(text) > target / 2);
  assert_non_null(strstr(text, "This is paragraph number 0 of the report."));
  assert_non_null(strstr(text, "This is paragraph number 12345 of the report."));
  assert_result(&r, 2, "After");
  run_free(&r);
}

static void test_output_lines_match_input_lines(void **state) {
  (void)state;
  const char *pieces[] = {
      GOOD("\"id\":1", "One"),
      "",
      "not json",
      "{\"id\":4}",
      GOOD("\"url\":\"u5\"", "Five"),
      "[]",
      "   ",
      "{\"html\":\"<p>x</p>\"}",
      "{\"id\":9,\"html\":\"<p>nine</p>\"}",
      "{",
      GOOD("\"id\":11", "Eleven"),
  };
  size_t n = sizeof pieces / sizeof *pieces;
  size_t cap = 1;
  for (size_t i = 0; i < n; i++) cap += strlen(pieces[i]) + 2;
  char *in = calloc(1, cap);
  assert_non_null(in);
  for (size_t i = 0; i < n; i++) {
    strcat(in, pieces[i]);
    strcat(in, i % 2 ? "\r\n" : "\n");
  }
  run r;
  run_str(&r, in);
  assert_int_equal(r.rc, 0);
  assert_int_equal(count_lines(in), n);
  assert_int_equal(r.nlines, n);
  assert_int_equal(r.st.records, n);
  assert_int_equal(r.st.failed, 7);
  for (size_t i = 0; i < n; i++) {
    if (json_object_get(r.recs[i], "error")) assert_int_equal(int_field(&r, i, "line"), (long long)i + 1);
  }
  assert_result(&r, 10, "Eleven");
  assert_int_equal(int_field(&r, 10, "id"), 11);
  free(in);
  run_free(&r);
}

static void test_write_failure(void **state) {
  (void)state;
  FILE *out = fopen("/dev/full", "w");
  if (!out) skip();
  const char *data = GOOD("\"id\":1", "One") "\n";
  FILE *in = input_stream(data, strlen(data));
  wn_jsonl_stats st;
  errno = 0;
  assert_int_equal(wn_jsonl_process(in, out, NULL, 0, &st), -1);
  assert_int_equal(errno, ENOSPC);
  assert_int_equal(st.records, 1);
  fclose(in);
  fclose(out);
}

static void test_line_over_the_limit(void **state) {
  (void)state;
  /* A line past the limit becomes an error record, unread; the next goes on. */
  const char *before = GOOD("\"id\":0", "Before") "\n";
  const char *after = GOOD("\"id\":2", "After") "\n";
  size_t bl = strlen(before), al = strlen(after), long_len = 100000;
  char *all = malloc(bl + long_len + 1 + al + 1);
  assert_non_null(all);
  memcpy(all, before, bl);
  memset(all + bl, 'x', long_len);
  all[bl + long_len] = '\n';
  memcpy(all + bl + long_len + 1, after, al + 1);
  run_max_line = 20000;
  run r;
  run_bytes(&r, all, bl + long_len + 1 + al);
  run_max_line = 0;
  free(all);
  assert_int_equal(r.rc, 0);
  assert_int_equal(r.nlines, 3);
  assert_int_equal(r.st.failed, 1);
  assert_result(&r, 0, "Before");
  assert_non_null(strstr(str_field(&r, 1, "error"), "--max-bytes"));
  assert_result(&r, 2, "After");
  run_free(&r);
}

static void test_read_failure(void **state) {
  (void)state;
  /* A stream on a write-only descriptor: every read fails (EBADF). */
  FILE *wo = fopen("/dev/null", "w");
  assert_non_null(wo);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  assert_non_null(out);
  wn_jsonl_stats st;
  errno = 0;
  assert_int_equal(wn_jsonl_process(wo, out, NULL, 0, &st), -1);
  assert_int_not_equal(errno, 0);
  assert_int_equal(st.records, 0);
  fclose(wo);
  fclose(out);
  free(buf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip_keeps_order_and_fields),
      cmocka_unit_test(test_broken_line_in_the_middle),
      cmocka_unit_test(test_trailing_garbage_is_invalid),
      cmocka_unit_test(test_missing_or_bad_html),
      cmocka_unit_test(test_missing_or_bad_id),
      cmocka_unit_test(test_not_an_object),
      cmocka_unit_test(test_empty_lines),
      cmocka_unit_test(test_last_line_without_newline),
      cmocka_unit_test(test_byte_order_mark_on_the_first_line),
      cmocka_unit_test(test_crlf_line_endings),
      cmocka_unit_test(test_extracted_fields_replace_input),
      cmocka_unit_test(test_html_with_nul),
      cmocka_unit_test(test_twenty_megabyte_line),
      cmocka_unit_test(test_output_lines_match_input_lines),
      cmocka_unit_test(test_write_failure),
      cmocka_unit_test(test_line_over_the_limit),
      cmocka_unit_test(test_read_failure),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
