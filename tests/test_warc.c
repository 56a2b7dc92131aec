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
#include <zlib.h>

#include "buffer.h"
#include "warc.h"

/*
 * The WARC files are built here, record by record, and written to a
 * temporary directory: plain, or as multi-member gzip (one member per
 * record, as crawlers write them).
 */

static char tmpdir[64];
static int file_counter;

static int group_setup(void **state) {
  (void)state;
  snprintf(tmpdir, sizeof tmpdir, "/tmp/test_warc.XXXXXX");
  return mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state) {
  (void)state;
  char path[128];
  for (int i = 0; i < file_counter; i++) {
    snprintf(path, sizeof path, "%s/f%d", tmpdir, i);
    unlink(path);
  }
  return rmdir(tmpdir);
}

/* A fresh path in the temporary directory (caller frees). */
static char *new_path(void) {
  char *path = malloc(128);
  assert_non_null(path);
  snprintf(path, 128, "%s/f%d", tmpdir, file_counter++);
  return path;
}

static char *write_file(const char *data, size_t len) {
  char *path = new_path();
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
  return path;
}

/* Appends `len` bytes as one gzip member, written with gzopen "wb". */
static void append_gzip_member(wn_buf *dst, const char *data, size_t len) {
  char *path = new_path();
  gzFile gz = gzopen(path, "wb");
  assert_non_null(gz);
  assert_int_equal(gzwrite(gz, data, (unsigned)len), (int)len);
  assert_int_equal(gzclose(gz), Z_OK);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) wn_buf_append(dst, chunk, n);
  fclose(f);
  free(path);
}

/* One WARC record: header fields as given ("Name: value" lines, CRLF
 * added), then Content-Length (unless length_line is given: then that line
 * as it is, or none when it is ""), the block and CRLF CRLF. */
static void add_record_raw(wn_buf *dst, const char *version, const char *fields,
                           const char *length_line, const char *block, size_t block_len) {
  wn_buf_printf(dst, "%s\r\n%s", version, fields);
  if (!length_line)
    wn_buf_printf(dst, "Content-Length: %zu\r\n", block_len);
  else if (*length_line)
    wn_buf_printf(dst, "%s\r\n", length_line);
  wn_buf_puts(dst, "\r\n");
  wn_buf_append(dst, block, block_len);
  wn_buf_puts(dst, "\r\n\r\n");
}

static void add_record(wn_buf *dst, const char *type, const char *uri, const char *id,
                       const char *date, const char *block, size_t block_len) {
  wn_buf fields;
  wn_buf_init(&fields);
  wn_buf_printf(&fields, "WARC-Type: %s\r\nWARC-Record-ID: %s\r\nWARC-Date: %s\r\n", type, id,
                date);
  if (uri) wn_buf_printf(&fields, "WARC-Target-URI: %s\r\n", uri);
  wn_buf_puts(&fields, "Content-Type: application/http; msgtype=response\r\n");
  add_record_raw(dst, "WARC/1.0", fields.data, NULL, block, block_len);
  wn_buf_free(&fields);
}

/* An HTTP response block: status line, headers (CRLF-terminated lines),
 * blank line, body. */
static void http_block(wn_buf *dst, const char *status, const char *headers, const char *body,
                       size_t body_len) {
  wn_buf_clear(dst);
  wn_buf_printf(dst, "HTTP/1.1 %s\r\n%s\r\n", status, headers);
  wn_buf_append(dst, body, body_len);
}

/* A page the extractor keeps: one article in `lang` with `text` in it. */
static void html_page(wn_buf *dst, const char *title, const char *text) {
  wn_buf_clear(dst);
  wn_buf_printf(dst,
                "<!DOCTYPE html><html><head><title>%s</title>"
                "<meta property=\"article:published_time\" content=\"2024-01-02\">"
                "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>"
                "<p>%s The committee met on Tuesday to discuss the budget for next year, "
                "and after a long debate the members agreed to fund the library, the "
                "swimming pool and the new bicycle lanes along the river.</p>"
                "<p>Residents who attended the meeting said they were pleased with the "
                "outcome, although several asked why the repairs to the old bridge had "
                "been postponed for another twelve months.</p></article></body></html>",
                title, title, text);
}

typedef struct run_result {
  int rc;
  int err_no;
  char *out;
  char *err;
  wn_warc_stats stats;
} run_result;

static run_result run(const char *path) {
  run_result r;
  memset(&r, 0, sizeof r);
  size_t out_len = 0, err_len = 0;
  FILE *out = open_memstream(&r.out, &out_len);
  FILE *err = open_memstream(&r.err, &err_len);
  assert_non_null(out);
  assert_non_null(err);
  winnow_options opts;
  winnow_options_init(&opts);
  errno = 0;
  r.rc = wn_warc_process(path, out, err, &opts, 0, &r.stats);
  r.err_no = errno;
  fclose(out);
  fclose(err);
  return r;
}

static void run_free(run_result *r) {
  free(r->out);
  free(r->err);
}

/* The output's lines, parsed; *n set to their count. */
static json_t **parse_lines(const char *out, size_t *n) {
  json_t **lines = NULL;
  *n = 0;
  const char *p = out;
  while (*p) {
    const char *nl = strchr(p, '\n');
    assert_non_null(nl); /* every line ends with a newline */
    json_error_t error;
    json_t *obj = json_loadb(p, (size_t)(nl - p), 0, &error);
    assert_non_null(obj);
    assert_true(json_is_object(obj));
    lines = realloc(lines, (*n + 1) * sizeof *lines);
    assert_non_null(lines);
    lines[(*n)++] = obj;
    p = nl + 1;
  }
  return lines;
}

static void free_lines(json_t **lines, size_t n) {
  for (size_t i = 0; i < n; i++) json_decref(lines[i]);
  free(lines);
}

static const char *str_field(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  assert_non_null(v);
  assert_true(json_is_string(v));
  return json_string_value(v);
}

/* Checks the identity fields and that the text has `needle`. */
static void check_page(json_t *obj, const char *url, const char *id, const char *date,
                       const char *needle) {
  assert_string_equal(str_field(obj, "url"), url);
  assert_string_equal(str_field(obj, "warc_record_id"), id);
  assert_string_equal(str_field(obj, "warc_date"), date);
  str_field(obj, "title");
  str_field(obj, "lang");
  const char *text = str_field(obj, "text");
  if (needle && !strstr(text, needle)) fail_msg("no \"%s\" in text: %s", needle, text);
  /* The identity comes first, in this order. */
  const char *key;
  json_t *value;
  int i = 0;
  const char *order[] = {"url", "warc_record_id", "warc_date", "title", "lang", "text"};
  json_object_foreach(obj, key, value) {
    (void)value;
    if (i < 6) assert_string_equal(key, order[i]);
    i++;
  }
}

/* A good HTML response record, for the tests that break others. */
static void add_good_page(wn_buf *warc, const char *uri, const char *id) {
  wn_buf page, block;
  wn_buf_init(&page);
  wn_buf_init(&block);
  html_page(&page, "Council budget", "The town council published its plans.");
  http_block(&block, "200 OK", "Content-Type: text/html; charset=utf-8\r\n", page.data, page.len);
  add_record(warc, "response", uri, id, "2024-05-01T10:00:00Z", block.data, block.len);
  wn_buf_free(&page);
  wn_buf_free(&block);
}

/* ---- the crawl sequence ---- */

/* warcinfo, request, response (HTML, ISO-8859-1), response (PNG),
 * response (HTML, chunked), one gzip member each. */
static void build_sequence(wn_buf *gz) {
  wn_buf rec, block, page;
  wn_buf_init(&rec);
  wn_buf_init(&block);
  wn_buf_init(&page);

  const char *info = "software: test\r\nformat: WARC File Format 1.0\r\n";
  wn_buf_clear(&rec);
  add_record(&rec, "warcinfo", NULL, "<urn:uuid:00000000-0000-0000-0000-000000000001>",
             "2024-05-01T10:00:00Z", info, strlen(info));
  append_gzip_member(gz, rec.data, rec.len);

  const char *req = "GET /cafe HTTP/1.1\r\nHost: example.com\r\n\r\n";
  wn_buf_clear(&rec);
  add_record(&rec, "request", "http://example.com/cafe",
             "<urn:uuid:00000000-0000-0000-0000-000000000002>", "2024-05-01T10:00:01Z", req,
             strlen(req));
  append_gzip_member(gz, rec.data, rec.len);

  /* "caf\xe9" is "café" in ISO-8859-1; the page says nothing of its charset. */
  html_page(&page, "Le caf\xe9 du coin", "Our caf\xe9 reopened this week.");
  http_block(&block, "200 OK", "Content-Type: text/html; charset=ISO-8859-1\r\n", page.data,
             page.len);
  wn_buf_clear(&rec);
  add_record(&rec, "response", "http://example.com/cafe",
             "<urn:uuid:00000000-0000-0000-0000-000000000003>", "2024-05-01T10:00:02Z", block.data,
             block.len);
  append_gzip_member(gz, rec.data, rec.len);

  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06";
  http_block(&block, "200 OK", "Content-Type: image/png\r\n", png, sizeof png - 1);
  wn_buf_clear(&rec);
  add_record(&rec, "response", "http://example.com/logo.png",
             "<urn:uuid:00000000-0000-0000-0000-000000000004>", "2024-05-01T10:00:03Z", block.data,
             block.len);
  append_gzip_member(gz, rec.data, rec.len);

  /* Chunked: the page in chunks of 100 bytes, with a chunk extension. */
  html_page(&page, "Bridge repairs", "The bridge will be repaired in spring.");
  wn_buf chunked;
  wn_buf_init(&chunked);
  for (size_t i = 0; i < page.len; i += 100) {
    size_t n = page.len - i < 100 ? page.len - i : 100;
    wn_buf_printf(&chunked, i == 0 ? "%zx;ext=1\r\n" : "%zX\r\n", n);
    wn_buf_append(&chunked, page.data + i, n);
    wn_buf_puts(&chunked, "\r\n");
  }
  wn_buf_puts(&chunked, "0\r\nX-Trailer: yes\r\n\r\n");
  http_block(&block, "200 OK",
             "Content-Type: TEXT/HTML\r\nTransfer-Encoding: chunked\r\nServer: test\r\n",
             chunked.data, chunked.len);
  wn_buf_clear(&rec);
  /* WARC/1.0's grammar put <> around the URI: they are stripped. */
  add_record(&rec, "response", "<http://example.com/bridge>",
             "<urn:uuid:00000000-0000-0000-0000-000000000005>", "2024-05-01T10:00:04Z", block.data,
             block.len);
  append_gzip_member(gz, rec.data, rec.len);

  wn_buf_free(&chunked);
  wn_buf_free(&rec);
  wn_buf_free(&block);
  wn_buf_free(&page);
}

static void test_crawl_sequence(void **state) {
  (void)state;
  wn_buf gz;
  wn_buf_init(&gz);
  build_sequence(&gz);
  assert_int_equal((unsigned char)gz.data[0], 0x1f);
  char *path = write_file(gz.data, gz.len);
  run_result r = run(path);
  assert_int_equal(r.rc, 0);
  assert_string_equal(r.err, "");
  size_t n;
  json_t **lines = parse_lines(r.out, &n);
  assert_int_equal(n, 2);
  /* The ISO-8859-1 byte comes out as UTF-8. */
  check_page(lines[0], "http://example.com/cafe", "<urn:uuid:00000000-0000-0000-0000-000000000003>",
             "2024-05-01T10:00:02Z", "caf\xc3\xa9");
  assert_non_null(strstr(str_field(lines[0], "title"), "caf\xc3\xa9"));
  check_page(lines[1], "http://example.com/bridge",
             "<urn:uuid:00000000-0000-0000-0000-000000000005>", "2024-05-01T10:00:04Z",
             "bridge will be repaired in spring");
  assert_null(strstr(str_field(lines[1], "text"), "ext=1"));
  assert_int_equal(r.stats.records, 5);
  assert_int_equal(r.stats.pages, 2);
  assert_int_equal(r.stats.skipped, 0);
  free_lines(lines, n);
  run_free(&r);
  free(path);
  wn_buf_free(&gz);
}

/* ---- HTTP variants ---- */

static void test_content_encodings_and_statuses(void **state) {
  (void)state;
  wn_buf warc, page, block, body;
  wn_buf_init(&warc);
  wn_buf_init(&page);
  wn_buf_init(&block);
  wn_buf_init(&body);

  /* gzip, as wget stores it: raw. */
  html_page(&page, "Gzip page", "This page was sent compressed with gzip.");
  append_gzip_member(&body, page.data, page.len);
  http_block(&block, "200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", body.data,
             body.len);
  add_record(&warc, "response", "http://a.test/gzip", "<urn:a:1>", "2024-01-01T00:00:00Z",
             block.data, block.len);

  /* deflate, zlib-wrapped, and chunked on top. */
  html_page(&page, "Deflate page", "This page was sent compressed with deflate.");
  uLongf zlen = compressBound(page.len);
  unsigned char *z = malloc(zlen);
  assert_non_null(z);
  assert_int_equal(compress2(z, &zlen, (const Bytef *)page.data, page.len, 9), Z_OK);
  wn_buf_clear(&body);
  wn_buf_printf(&body, "%lx\r\n", (unsigned long)zlen);
  wn_buf_append(&body, (const char *)z, zlen);
  wn_buf_puts(&body, "\r\n0\r\n\r\n");
  free(z);
  http_block(&block, "200 OK",
             "content-type: application/xhtml+xml; charset=\"utf-8\"\r\n"
             "Transfer-Encoding: chunked\r\ncontent-encoding: deflate\r\n",
             body.data, body.len);
  add_record(&warc, "response", "http://a.test/deflate", "<urn:a:2>", "2024-01-01T00:00:01Z",
             block.data, block.len);

  /* Not 2xx: skipped silently. */
  html_page(&page, "Not found", "There is nothing here at all.");
  http_block(&block, "404 Not Found", "Content-Type: text/html\r\n", page.data, page.len);
  add_record(&warc, "response", "http://a.test/404", "<urn:a:3>", "2024-01-01T00:00:02Z",
             block.data, block.len);
  http_block(&block, "301 Moved", "Content-Type: text/html\r\nLocation: /x\r\n", page.data,
             page.len);
  add_record(&warc, "response", "http://a.test/301", "<urn:a:4>", "2024-01-01T00:00:03Z",
             block.data, block.len);

  /* A charset nobody knows: extracted without the hint. */
  html_page(&page, "Odd charset", "The server named a charset that does not exist.");
  http_block(&block, "200 OK", "Content-Type: text/html; charset=x-no-such-charset\r\n", page.data,
             page.len);
  add_record(&warc, "response", "http://a.test/odd", "<urn:a:5>", "2024-01-01T00:00:04Z",
             block.data, block.len);

  /* text/plain, revisit, metadata, resource: skipped silently. */
  http_block(&block, "200 OK", "Content-Type: text/plain\r\n", "plain", 5);
  add_record(&warc, "response", "http://a.test/t.txt", "<urn:a:6>", "2024-01-01T00:00:05Z",
             block.data, block.len);
  add_record(&warc, "revisit", "http://a.test/gzip", "<urn:a:7>", "2024-01-01T00:00:06Z",
             block.data, block.len);
  add_record(&warc, "metadata", "http://a.test/gzip", "<urn:a:8>", "2024-01-01T00:00:07Z",
             "outlink: x\r\n", 12);
  add_record(&warc, "resource", "http://a.test/r.html", "<urn:a:9>", "2024-01-01T00:00:08Z",
             page.data, page.len);
  /* A "response" whose block is no HTTP (as for dns: records). */
  const char *dns = "20240101000009\r\na.test. 300 IN A 127.0.0.1\r\n";
  add_record(&warc, "response", "dns:a.test", "<urn:a:10>", "2024-01-01T00:00:09Z", dns,
             strlen(dns));

  char *path = write_file(warc.data, warc.len);
  run_result r = run(path);
  assert_int_equal(r.rc, 0);
  assert_string_equal(r.err, "");
  size_t n;
  json_t **lines = parse_lines(r.out, &n);
  assert_int_equal(n, 3);
  check_page(lines[0], "http://a.test/gzip", "<urn:a:1>", "2024-01-01T00:00:00Z",
             "sent compressed with gzip");
  check_page(lines[1], "http://a.test/deflate", "<urn:a:2>", "2024-01-01T00:00:01Z",
             "sent compressed with deflate");
  check_page(lines[2], "http://a.test/odd", "<urn:a:5>", "2024-01-01T00:00:04Z", "named a charset");
  /* The page's own date, when the extractor finds it, is "published". */
  json_t *published = json_object_get(lines[0], "published");
  if (published) assert_string_equal(json_string_value(published), "2024-01-02");
  assert_int_equal(r.stats.records, 10);
  assert_int_equal(r.stats.pages, 3);
  assert_int_equal(r.stats.skipped, 0);
  free_lines(lines, n);
  run_free(&r);
  free(path);
  wn_buf_free(&warc);
  wn_buf_free(&page);
  wn_buf_free(&block);
  wn_buf_free(&body);
}

/* ---- plain files, WARC/1.1, bare LF, header case ---- */

static void test_plain_warc_1_1(void **state) {
  (void)state;
  wn_buf warc, page, block;
  wn_buf_init(&warc);
  wn_buf_init(&page);
  wn_buf_init(&block);
  html_page(&page, "Plain file", "This record sits in a file without compression.");
  wn_buf_clear(&block);
  /* Bare LF in the HTTP head too. */
  wn_buf_printf(&block, "HTTP/1.0 200 OK\nContent-Type: text/html;charset=utf-8\n\n");
  wn_buf_append(&block, page.data, page.len);
  wn_buf_printf(&warc,
                "WARC/1.1\nwarc-type: response\nWARC-TARGET-URI: http://plain.test/\n"
                "warc-record-id: <urn:p:1>\nwarc-date: 2025-02-03T04:05:06.789Z\n"
                "content-length:  %zu \n\n",
                block.len);
  wn_buf_append(&warc, block.data, block.len);
  wn_buf_puts(&warc, "\n\n");
  add_good_page(&warc, "http://plain.test/2", "<urn:p:2>");

  char *path = write_file(warc.data, warc.len);
  run_result r = run(path);
  assert_int_equal(r.rc, 0);
  assert_string_equal(r.err, "");
  size_t n;
  json_t **lines = parse_lines(r.out, &n);
  assert_int_equal(n, 2);
  check_page(lines[0], "http://plain.test/", "<urn:p:1>", "2025-02-03T04:05:06.789Z",
             "without compression");
  check_page(lines[1], "http://plain.test/2", "<urn:p:2>", "2024-05-01T10:00:00Z", "town council");
  assert_int_equal(r.stats.records, 2);
  assert_int_equal(r.stats.pages, 2);
  free_lines(lines, n);
  run_free(&r);
  free(path);
  wn_buf_free(&warc);
  wn_buf_free(&page);
  wn_buf_free(&block);
}

/* ---- Content-Length that lies ---- */

static void check_lying_length(int gzip) {
  wn_buf warc, rec;
  wn_buf_init(&warc);
  wn_buf_init(&rec);
  add_good_page(&rec, "http://lie.test/1", "<urn:l:1>");
  size_t second = rec.len; /* uncompressed offset of the lying record */
  if (gzip)
    append_gzip_member(&warc, rec.data, rec.len);
  else
    wn_buf_append(&warc, rec.data, rec.len);
  wn_buf_clear(&rec);
  const char *lie = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>";
  add_record_raw(&rec, "WARC/1.0",
                 "WARC-Type: response\r\nWARC-Record-ID: <urn:l:2>\r\n"
                 "WARC-Target-URI: http://lie.test/2\r\n",
                 "Content-Length: 100000", lie, strlen(lie));
  if (gzip)
    append_gzip_member(&warc, rec.data, rec.len);
  else
    wn_buf_append(&warc, rec.data, rec.len);

  char *path = write_file(warc.data, warc.len);
  run_result r = run(path);
  assert_int_equal(r.rc, 0);
  size_t n;
  json_t **lines = parse_lines(r.out, &n);
  assert_int_equal(n, 1);
  check_page(lines[0], "http://lie.test/1", "<urn:l:1>", "2024-05-01T10:00:00Z", NULL);
  char want[256];
  snprintf(want, sizeof want, "winnow: %s: record at offset %zu: truncated", path, second);
  if (strncmp(r.err, want, strlen(want)) != 0) fail_msg("stderr: %s\nwanted: %s", r.err, want);
  assert_non_null(strstr(r.err, "100000"));
  assert_non_null(strstr(r.err, ", skipped\n"));
  assert_int_equal(r.stats.records, 2);
  assert_int_equal(r.stats.pages, 1);
  assert_int_equal(r.stats.skipped, 1);
  free_lines(lines, n);
  run_free(&r);
  free(path);
  wn_buf_free(&warc);
  wn_buf_free(&rec);
}

static void test_lying_length_plain(void **state) {
  (void)state;
  check_lying_length(0);
}

static void test_lying_length_gzip(void **state) {
  (void)state;
  check_lying_length(1);
}

/* Missing, non-numeric and absurd lengths: reported, and the reader finds
 * the next record. */
static void test_bad_lengths_resync(void **state) {
  (void)state;
  wn_buf warc;
  wn_buf_init(&warc);
  const char *fields = "WARC-Type: response\r\nWARC-Record-ID: <urn:b:0>\r\n";
  const char *block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>";
  add_record_raw(&warc, "WARC/1.0", fields, "", block, strlen(block));
  add_good_page(&warc, "http://bad.test/1", "<urn:b:1>");
  add_record_raw(&warc, "WARC/1.0", fields, "Content-Length: 12abc", block, strlen(block));
  add_good_page(&warc, "http://bad.test/2", "<urn:b:2>");
  add_record_raw(&warc, "WARC/1.0", fields, "Content-Length: 99999999999999999999999", block,
                 strlen(block));
  add_good_page(&warc, "http://bad.test/3", "<urn:b:3>");
  /* Stray bytes between records (as a Content-Length that was too small
   * leaves them). */
  wn_buf_puts(&warc, "leftover bytes\r\n");
  add_record_raw(&warc, "WARC/1.0", fields, "Content-Length: 1073741825", block, strlen(block));
  /* A header line that is no field. */
  add_record_raw(&warc, "WARC/1.0", "WARC-Type: response\r\nthis is not a field\r\n", NULL, block,
                 strlen(block));
  add_good_page(&warc, "http://bad.test/4", "<urn:b:4>");

  char *path = write_file(warc.data, warc.len);
  run_result r = run(path);
  assert_int_equal(r.rc, 0);
  size_t n;
  json_t **lines = parse_lines(r.out, &n);
  assert_int_equal(n, 4);
  for (size_t i = 0; i < n; i++) {
    char url[64], id[32];
    snprintf(url, sizeof url, "http://bad.test/%zu", i + 1);
    snprintf(id, sizeof id, "<urn:b:%zu>", i + 1);
    check_page(lines[i], url, id, "2024-05-01T10:00:00Z", "town council");
  }
  assert_non_null(strstr(r.err, "record at offset 0: no Content-Length, skipped\n"));
  assert_non_null(strstr(r.err, "\"12abc\" is not a number, skipped\n"));
  assert_non_null(strstr(r.err, "larger than 1 GiB, skipped\n"));
  assert_non_null(strstr(r.err, "1073741825 is larger than 1 GiB, skipped\n"));
  assert_non_null(strstr(r.err, "malformed header line, skipped\n"));
  assert_non_null(strstr(r.err, "no WARC version line"));
  assert_int_equal(r.stats.pages, 4);
  assert_int_equal(r.stats.skipped, 6);
  assert_int_equal(r.stats.records, 9);
  free_lines(lines, n);
  run_free(&r);
  free(path);
  wn_buf_free(&warc);
}

/* ---- damaged gzip ---- */

static void test_truncated_gzip(void **state) {
  (void)state;
  wn_buf gz, rec;
  wn_buf_init(&gz);
  wn_buf_init(&rec);
  add_good_page(&rec, "http://gz.test/1", "<urn:g:1>");
  append_gzip_member(&gz, rec.data, rec.len);
  size_t first = gz.len;
  wn_buf_clear(&rec);
  add_good_page(&rec, "http://gz.test/2", "<urn:g:2>");
  append_gzip_member(&gz, rec.data, rec.len);

  /* Cut in the middle of the second member's deflate data. */
  char *path = write_file(gz.data, first + (gz.len - first) / 2);
  run_result r = run(path);
  assert_int_equal(r.rc, 0);
  size_t n;
  json_t **lines = parse_lines(r.out, &n);
  assert_int_equal(n, 1);
  check_page(lines[0], "http://gz.test/1", "<urn:g:1>", "2024-05-01T10:00:00Z", NULL);
  assert_non_null(strstr(r.err, path));
  assert_non_null(strstr(r.err, "unexpected end of file"));
  free_lines(lines, n);
  run_free(&r);
  free(path);

  /* Cut in the last member's trailer: both records are whole. */
  path = write_file(gz.data, gz.len - 4);
  r = run(path);
  assert_int_equal(r.rc, 0);
  lines = parse_lines(r.out, &n);
  assert_int_equal(n, 2);
  assert_non_null(strstr(r.err, "corrupt or truncated gzip data"));
  free_lines(lines, n);
  run_free(&r);
  free(path);

  /* Cut inside the first member's header. */
  path = write_file(gz.data, 5);
  r = run(path);
  assert_int_equal(r.rc, 0);
  assert_string_equal(r.out, "");
  free(path);
  run_free(&r);

  wn_buf_free(&gz);
  wn_buf_free(&rec);
}

/* ---- not a WARC at all ---- */

static void test_garbage(void **state) {
  (void)state;
  /* Bytes from a fixed linear congruential generator, some of them '\n'. */
  size_t len = 100000;
  char *bytes = malloc(len);
  assert_non_null(bytes);
  uint32_t x = 12345;
  for (size_t i = 0; i < len; i++) {
    x = x * 1103515245u + 12345u;
    bytes[i] = (char)(x >> 16);
  }
  bytes[0] = 'G'; /* not a gzip magic number */
  char *path = write_file(bytes, len);
  run_result r = run(path);
  assert_int_equal(r.rc, 0);
  assert_string_equal(r.out, "");
  assert_non_null(strstr(r.err, "record at offset 0: no WARC version line"));
  assert_int_equal(r.stats.records, 0);
  assert_int_equal(r.stats.pages, 0);
  assert_int_equal(r.stats.skipped, 1);
  run_free(&r);
  free(path);

  /* With a gzip magic number in front: the gzip error is reported. */
  bytes[0] = '\x1f';
  bytes[1] = '\x8b';
  bytes[2] = '\x08';
  bytes[3] = '\0';
  path = write_file(bytes, len);
  r = run(path);
  assert_int_equal(r.rc, 0);
  assert_string_equal(r.out, "");
  assert_non_null(strstr(r.err, "gzip"));
  run_free(&r);
  free(path);

  /* Garbage, then a record: the record is found. */
  wn_buf warc;
  wn_buf_init(&warc);
  wn_buf_append(&warc, bytes + 4, 5000);
  wn_buf_puts(&warc, "\r\n");
  add_good_page(&warc, "http://after.test/", "<urn:x:1>");
  path = write_file(warc.data, warc.len);
  r = run(path);
  assert_int_equal(r.rc, 0);
  size_t n;
  json_t **lines = parse_lines(r.out, &n);
  assert_int_equal(n, 1);
  check_page(lines[0], "http://after.test/", "<urn:x:1>", "2024-05-01T10:00:00Z", NULL);
  assert_int_equal(r.stats.skipped, 1);
  free_lines(lines, n);
  run_free(&r);
  free(path);
  wn_buf_free(&warc);

  /* An empty file: nothing to say. */
  path = write_file("", 0);
  r = run(path);
  assert_int_equal(r.rc, 0);
  assert_string_equal(r.out, "");
  assert_string_equal(r.err, "");
  run_free(&r);
  free(path);
  free(bytes);
}

/* ---- errors of the call ---- */

static void test_missing_file(void **state) {
  (void)state;
  run_result r = run("/nonexistent/dir/crawl.warc.gz");
  assert_int_equal(r.rc, -1);
  assert_int_equal(r.err_no, ENOENT);
  assert_string_equal(r.out, "");
  run_free(&r);
}

static void test_write_failure(void **state) {
  (void)state;
  FILE *full = fopen("/dev/full", "w");
  if (!full) skip();
  wn_buf warc;
  wn_buf_init(&warc);
  add_good_page(&warc, "http://full.test/", "<urn:f:1>");
  char *path = write_file(warc.data, warc.len);
  winnow_options opts;
  winnow_options_init(&opts);
  wn_warc_stats stats;
  errno = 0;
  assert_int_equal(wn_warc_process(path, full, NULL, &opts, 0, &stats), -1);
  assert_int_equal(errno, ENOSPC);
  fclose(full);
  free(path);
  wn_buf_free(&warc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_crawl_sequence),
      cmocka_unit_test(test_content_encodings_and_statuses),
      cmocka_unit_test(test_plain_warc_1_1),
      cmocka_unit_test(test_lying_length_plain),
      cmocka_unit_test(test_lying_length_gzip),
      cmocka_unit_test(test_bad_lengths_resync),
      cmocka_unit_test(test_truncated_gzip),
      cmocka_unit_test(test_garbage),
      cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_write_failure),
  };
  return cmocka_run_group_tests_name("warc", tests, group_setup, group_teardown);
}
