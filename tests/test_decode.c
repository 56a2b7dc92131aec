#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <iconv.h>
#include <string.h>

#include "decode.h"

/* Byte strings below were produced with iconv(1) from UTF-8 text. */

#define FFFD "\xef\xbf\xbd"

/*
 * Decodes and checks the invariants every result must keep: a C string
 * of exactly `len` bytes that is valid UTF-8.
 */
static void decode_ok(const char *bytes, size_t len, const char *forced, wn_decoded *out) {
  assert_int_equal(wn_decode(bytes, len, forced, out), 0);
  assert_non_null(out->utf8);
  assert_int_equal(strlen(out->utf8), out->len);
  assert_true(wn_utf8_valid(out->utf8, out->len));
}

/* Decodes a literal and compares text and encoding name. */
static void check(const char *bytes, size_t len, const char *forced, const char *want,
                  const char *want_encoding) {
  wn_decoded d;
  decode_ok(bytes, len, forced, &d);
  assert_string_equal(d.utf8, want);
  assert_string_equal(d.encoding, want_encoding);
  wn_decoded_free(&d);
}

#define CHECK(lit, forced, want, enc) check(lit, sizeof(lit) - 1, forced, want, enc)

/* ---- empty and trivial input ---- */

static void test_empty_input(void **state) {
  (void)state;
  check("", 0, NULL, "", "UTF-8");
}

static void test_null_pointer_empty_input(void **state) {
  (void)state;
  check(NULL, 0, NULL, "", "UTF-8");
}

static void test_plain_ascii_is_utf8(void **state) {
  (void)state;
  CHECK("<p>hello</p>", NULL, "<p>hello</p>", "UTF-8");
}

/* ---- byte-order marks ---- */

/* "Wrocław, łódź, słońce" written as UTF-8 read as Latin-1 and encoded again
 * (C1 controls), then as windows-1252 (its punctuation): both decode once more. */
static void test_double_encoded_utf8_repaired(void **state) {
  (void)state;
  CHECK("Wroc\xc3\x85\xc2\x82" "aw, \xc3\x85\xc2\x82\xc3\x83\xc2\xb3" "d\xc3\x85\xc2\xba, s\xc3\x85\xc2\x82o\xc3\x85\xe2\x80\x9e" "ce",
        NULL, "Wroc\xc5\x82" "aw, \xc5\x82\xc3\xb3" "d\xc5\xba, s\xc5\x82o\xc5\x84" "ce", "UTF-8");
  CHECK("don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t, it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s, we\xc3\xa2\xe2\x82\xac\xe2\x84\xa2re", NULL,
        "don\xe2\x80\x99t, it\xe2\x80\x99s, we\xe2\x80\x99re", "UTF-8");
}
/* Two such pairs may be quoted mojibake; a capital letter before a symbol
 * ("É»"), however often, is text. */
static void test_few_pairs_left_alone(void **state) {
  (void)state;
  CHECK("caf\xc3\x83\xc2\xa9 and caf\xc3\x83\xc2\xa9", NULL, "caf\xc3\x83\xc2\xa9 and caf\xc3\x83\xc2\xa9", "UTF-8");
  CHECK("\xc3\x89\xc2\xbb \xc3\x89\xc2\xbb \xc3\x89\xc2\xbb \xc3\x89\xc2\xbb", NULL,
        "\xc3\x89\xc2\xbb \xc3\x89\xc2\xbb \xc3\x89\xc2\xbb \xc3\x89\xc2\xbb", "UTF-8");
}
static void test_bom_utf8_stripped(void **state) {
  (void)state;
  CHECK("\xef\xbb\xbf" "caf\xc3\xa9", NULL, "caf\xc3\xa9", "UTF-8");
}

static void test_bom_utf16le(void **state) {
  (void)state;
  CHECK("\xff\xfe\x68\x00\xe9\x00\x6c\x00\x6c\x00\x6f\x00\x20\x00\xac\x20", NULL,
        "h\xc3\xa9llo \xe2\x82\xac", "UTF-16LE");
}

static void test_bom_utf16be(void **state) {
  (void)state;
  CHECK("\xfe\xff\x00\x68\x00\xe9\x00\x6c\x00\x6c\x00\x6f\x00\x20\x20\xac", NULL,
        "h\xc3\xa9llo \xe2\x82\xac", "UTF-16BE");
}

static void test_bom_utf16le_surrogate_pair(void **state) {
  (void)state;
  CHECK("\xff\xfe\x3d\xd8\x00\xde", NULL, "\xf0\x9f\x98\x80", "UTF-16LE");
}

static void test_bom_beats_meta(void **state) {
  (void)state;
  CHECK("\xef\xbb\xbf<meta charset=koi8-r>\xd0\x9f", NULL, "<meta charset=koi8-r>\xd0\x9f",
        "UTF-8");
}

static void test_utf16_odd_trailing_byte(void **state) {
  (void)state;
  CHECK("\xff\xfe\x68\x00\x69", NULL, "h" FFFD, "UTF-16LE");
}

static void test_utf16_lone_surrogate_then_text(void **state) {
  (void)state;
  CHECK("\xff\xfe\x00\xdc\x68\x00\x69\x00", NULL, FFFD "hi", "UTF-16LE");
}

/* ---- meta prescan ---- */

static void test_meta_charset_quoted(void **state) {
  (void)state;
  CHECK("<meta charset=\"iso-8859-2\">\xa3\xf3\x64\xbc", NULL,
        "<meta charset=\"iso-8859-2\">\xc5\x81\xc3\xb3\x64\xc5\xba", "ISO-8859-2");
}

static void test_meta_charset_single_quoted(void **state) {
  (void)state;
  CHECK("<meta charset='windows-1251'>\xcf", NULL, "<meta charset='windows-1251'>\xd0\x9f",
        "windows-1251");
}

static void test_meta_charset_unquoted_uppercase(void **state) {
  (void)state;
  CHECK("<META CHARSET=KOI8-R>\xf0", NULL, "<META CHARSET=KOI8-R>\xd0\x9f", "KOI8-R");
}

static void test_meta_charset_label_whitespace(void **state) {
  (void)state;
  CHECK("<meta charset=\" koi8-r \">\xf0", NULL, "<meta charset=\" koi8-r \">\xd0\x9f",
        "KOI8-R");
}

static void test_meta_slash_separator(void **state) {
  (void)state;
  CHECK("<meta/charset=koi8-r>\xf0", NULL, "<meta/charset=koi8-r>\xd0\x9f", "KOI8-R");
}

static void test_meta_http_equiv(void **state) {
  (void)state;
  CHECK("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">\xf0", NULL,
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">\xd0\x9f",
        "KOI8-R");
}

static void test_meta_http_equiv_reversed_unquoted(void **state) {
  (void)state;
  CHECK("<META CONTENT='text/html;charset = KOI8-R' HTTP-EQUIV=content-type>\xf0", NULL,
        "<META CONTENT='text/html;charset = KOI8-R' HTTP-EQUIV=content-type>\xd0\x9f",
        "KOI8-R");
}

static void test_meta_content_quoted_charset(void **state) {
  (void)state;
  CHECK("<meta http-equiv=content-type content='text/html; charset=\"koi8-r\"'>\xf0", NULL,
        "<meta http-equiv=content-type content='text/html; charset=\"koi8-r\"'>\xd0\x9f",
        "KOI8-R");
}

static void test_meta_content_without_http_equiv_ignored(void **state) {
  (void)state;
  CHECK("<meta content=\"text/html; charset=koi8-r\">\x93", NULL,
        "<meta content=\"text/html; charset=koi8-r\">\xe2\x80\x9c", "windows-1252");
}

/* Gecko honours a declaration past the first 1,024 bytes while the page
 * is still in its <head> (it reloads the page). */
static void test_late_meta_in_head_honoured(void **state) {
  (void)state;
  char page[3000];
  memset(page, ' ', sizeof page);
  const char *meta = "<meta charset=koi8-r>";
  memcpy(page + 2090, meta, strlen(meta));
  page[sizeof page - 1] = '\xf0';
  wn_decoded d;
  decode_ok(page, sizeof page, NULL, &d);
  assert_string_equal(d.encoding, "KOI8-R");
  assert_memory_equal(d.utf8 + d.len - 2, "\xd0\x9f", 2);
  wn_decoded_free(&d);
}

static void test_late_meta_after_body_ignored(void **state) {
  (void)state;
  char page[1200];
  memset(page, ' ', sizeof page);
  const char *body = "<body>", *meta = "<meta charset=koi8-r>";
  memcpy(page + 1000, body, strlen(body));
  memcpy(page + 1020, meta, strlen(meta));
  page[sizeof page - 1] = '\x93';
  wn_decoded d;
  decode_ok(page, sizeof page, NULL, &d);
  assert_string_equal(d.encoding, "windows-1252");
  assert_memory_equal(d.utf8 + d.len - 3, "\xe2\x80\x9c", 3);
  wn_decoded_free(&d);
}

/* Unlabelled text in a legacy encoding: the detector names it. */
static void check_detected(const char *utf8_text, const char *iconv_name, const char *want) {
  char in[4096], *ip = (char *)utf8_text, *op = in;
  size_t il = strlen(utf8_text), ol = sizeof in;
  iconv_t cd = iconv_open(iconv_name, "UTF-8");
  assert_true(cd != (iconv_t)-1);
  assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
  iconv_close(cd);
  wn_decoded d;
  decode_ok(in, (size_t)(op - in), NULL, &d);
  assert_string_equal(d.encoding, want);
  assert_memory_equal(d.utf8, utf8_text, strlen(utf8_text));
  wn_decoded_free(&d);
}

static const char RUSSIAN[] =
    "<p>\xd0\x9f\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c\xd1\x81"
    "\xd1\x82\xd0\xb2\xd0\xbe \xd0\xbf\xd1\x80\xd0\xb5\xd0\xb4\xd1\x81\xd1\x82\xd0\xb0"
    "\xd0\xb2\xd0\xb8\xd0\xbb\xd0\xbe \xd0\xb2 \xd1\x81\xd1\x80\xd0\xb5\xd0\xb4\xd1\x83 "
    "\xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9 \xd0\xb7\xd0\xb0\xd0\xba\xd0\xbe\xd0\xbd "
    "\xd0\xbe \xd1\x80\xd0\xb5\xd1\x84\xd0\xbe\xd1\x80\xd0\xbc\xd0\xb5 \xd0\xb7\xd0\xb4"
    "\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbe\xd0\xbe\xd1\x85\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb5"
    "\xd0\xbd\xd0\xb8\xd1\x8f. \xd0\x9f\xd0\xbe \xd1\x81\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb0"
    "\xd0\xbc \xd0\xbc\xd0\xb8\xd0\xbd\xd0\xb8\xd1\x81\xd1\x82\xd1\x80\xd0\xb0, "
    "\xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8\xd1\x86\xd1\x8b \xd0\xbf\xd0\xbe"
    "\xd0\xbb\xd1\x83\xd1\x87\xd0\xb0\xd1\x82 \xd0\xb4\xd0\xbe\xd0\xbf\xd0\xbe\xd0\xbb"
    "\xd0\xbd\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb5 \xd0\xb4"
    "\xd0\xb5\xd0\xbd\xd1\x8c\xd0\xb3\xd0\xb8 \xd1\x83\xd0\xb6\xd0\xb5 \xd0\xb2 \xd1\x81"
    "\xd0\xbb\xd0\xb5\xd0\xb4\xd1\x83\xd1\x8e\xd1\x89\xd0\xb5\xd0\xbc \xd0\xb3\xd0\xbe"
    "\xd0\xb4\xd1\x83.</p>";

static void test_detects_unlabelled_windows_1251(void **state) {
  (void)state;
  check_detected(RUSSIAN, "CP1251", "windows-1251");
}

static void test_detects_unlabelled_koi8(void **state) {
  (void)state;
  /* Reported as KOI8-U, which decodes Russian text as KOI8-R does. */
  check_detected(RUSSIAN, "KOI8-R", "KOI8-U");
}

static void test_little_non_ascii_stays_windows_1252(void **state) {
  (void)state;
  CHECK("<p>caf\xe9 \x93ok\x94</p>", NULL, "<p>caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d</p>",
        "windows-1252");
}

/* The transport's label ranks above <meta> and below a byte-order mark. */
static void test_hint_beats_meta(void **state) {
  (void)state;
  wn_decoded d;
  assert_int_equal(wn_decode_hinted("<meta charset=windows-1251>\xf0", 28, NULL, "koi8-r", &d), 0);
  assert_string_equal(d.encoding, "KOI8-R");
  wn_decoded_free(&d);
  assert_int_equal(wn_decode_hinted("\xef\xbb\xbf\xd0\x9f", 5, NULL, "koi8-r", &d), 0);
  assert_string_equal(d.encoding, "UTF-8");
  wn_decoded_free(&d);
  assert_int_equal(wn_decode_hinted("<meta charset=koi8-r>\xf0", 22, NULL, "no-such", &d), 0);
  assert_string_equal(d.encoding, "KOI8-R");
  wn_decoded_free(&d);
}

static void test_meta_just_inside_1024_bytes(void **state) {
  (void)state;
  char page[1200];
  memset(page, ' ', sizeof page);
  const char *meta = "<meta charset=koi8-r>";
  memcpy(page + 1024 - strlen(meta), meta, strlen(meta));
  page[sizeof page - 1] = '\xf0';
  wn_decoded d;
  decode_ok(page, sizeof page, NULL, &d);
  assert_string_equal(d.encoding, "KOI8-R");
  assert_memory_equal(d.utf8 + d.len - 2, "\xd0\x9f", 2);
  wn_decoded_free(&d);
}

static void test_meta_in_comment_ignored(void **state) {
  (void)state;
  CHECK("<!-- <meta charset=koi8-r> -->\x93", NULL,
        "<!-- <meta charset=koi8-r> -->\xe2\x80\x9c", "windows-1252");
}

static void test_meta_after_short_comment_found(void **state) {
  (void)state;
  CHECK("<!--><meta charset=koi8-r>\xf0", NULL, "<!--><meta charset=koi8-r>\xd0\x9f",
        "KOI8-R");
}

static void test_meta_inside_attribute_value_ignored(void **state) {
  (void)state;
  CHECK("<div title=\"<meta charset=koi8-r>\">\x93", NULL,
        "<div title=\"<meta charset=koi8-r>\">\xe2\x80\x9c", "windows-1252");
}

static void test_meta_unknown_label_ignored(void **state) {
  (void)state;
  CHECK("<meta charset=klingon>caf\xc3\xa9", NULL, "<meta charset=klingon>caf\xc3\xa9",
        "UTF-8");
}

static void test_meta_unknown_then_known(void **state) {
  (void)state;
  CHECK("<meta charset=klingon><meta charset=koi8-r>\xf0", NULL,
        "<meta charset=klingon><meta charset=koi8-r>\xd0\x9f", "KOI8-R");
}

static void test_meta_utf16_means_utf8(void **state) {
  (void)state;
  CHECK("<meta charset=utf-16>caf\xc3\xa9", NULL, "<meta charset=utf-16>caf\xc3\xa9", "UTF-8");
}

static void test_meta_utf8_with_bad_bytes_repaired(void **state) {
  (void)state;
  /* A stray bad byte in UTF-8 text is repaired, the rest read as labelled. */
  CHECK("<meta charset=utf-8>\xc3\xa9" "a\x93z", NULL, "<meta charset=utf-8>\xc3\xa9" "a" FFFD "z",
        "UTF-8");
}

static void test_meta_utf8_label_that_lies(void **state) {
  (void)state;
  /* Labelled UTF-8, but no byte is UTF-8: windows-1252, as written. */
  CHECK("<meta charset=utf-8>caf\xe9 \x93x\x94", NULL,
        "<meta charset=utf-8>caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d", "windows-1252");
  /* Labelled Shift_JIS or windows-1252, but valid multi-byte UTF-8: UTF-8. */
  CHECK("<meta charset=shift_jis>caf\xc3\xa9", NULL, "<meta charset=shift_jis>caf\xc3\xa9",
        "UTF-8");
  CHECK("<meta charset=windows-1252>\xe2\x80\x93", NULL,
        "<meta charset=windows-1252>\xe2\x80\x93", "UTF-8");
  /* ASCII only: the label stands (nothing contradicts it). */
  CHECK("<meta charset=koi8-r>abc", NULL, "<meta charset=koi8-r>abc", "KOI8-R");
}

static void test_utf16_without_bom(void **state) {
  (void)state;
  static const char le[] = "<\0p\0>\0H\0\xe9\0l\0l\0o\0 \0w\0o\0r\0l\0d\0<\0/\0p\0>\0";
  static const char be[] = "\0<\0p\0>\0H\0\xe9\0l\0l\0o\0 \0w\0o\0r\0l\0d\0<\0/\0p\0>";
  wn_decoded d;
  assert_int_equal(wn_decode(le, sizeof le - 1, NULL, &d), 0);
  assert_string_equal(d.utf8, "<p>H\xc3\xa9llo world</p>");
  assert_string_equal(d.encoding, "UTF-16LE");
  wn_decoded_free(&d);
  assert_int_equal(wn_decode(be, sizeof be - 1, NULL, &d), 0);
  assert_string_equal(d.utf8, "<p>H\xc3\xa9llo world</p>");
  assert_string_equal(d.encoding, "UTF-16BE");
  wn_decoded_free(&d);
  /* A few NULs in 8-bit text are not UTF-16. */
  CHECK("<p>a\0b</p> and more text here, plain", NULL,
        "<p>a" FFFD "b</p> and more text here, plain", "UTF-8");
}

/* A page in Cyrillic, Greek or Arabic has letters without a NUL in
 * either byte, and a high byte below 0x20 (U+04xx): still UTF-16, with or
 * without a BOM, and no binary file. */
static void test_utf16_cyrillic(void **state) {
  (void)state;
  /* "<p>Привет мир, сегодня снег</p>" in UTF-16LE, then with a BOM. */
  static const char le[] = "<\0p\0>\0\x1f\x04\x40\x04\x38\x04\x32\x04\x35\x04\x42\x04 \0"
                           "\x3c\x04\x38\x04\x40\x04,\0 \0\x41\x04\x35\x04\x33\x04\x3e\x04"
                           "\x34\x04\x3d\x04\x4f\x04 \0\x41\x04\x3d\x04\x35\x04\x33\x04<\0/\0p\0>\0";
  static const char want[] = "<p>\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80, "
                             "\xd1\x81\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xbd\xd1\x8f "
                             "\xd1\x81\xd0\xbd\xd0\xb5\xd0\xb3</p>";
  wn_decoded d;
  assert_false(wn_looks_binary(le, sizeof le - 1));
  assert_int_equal(wn_decode(le, sizeof le - 1, NULL, &d), 0);
  assert_string_equal(d.utf8, want);
  assert_string_equal(d.encoding, "UTF-16LE");
  wn_decoded_free(&d);
  char bom[sizeof le + 2] = "\xff\xfe";
  memcpy(bom + 2, le, sizeof le - 1);
  assert_false(wn_looks_binary(bom, sizeof bom - 1));
  assert_int_equal(wn_decode(bom, sizeof bom - 1, NULL, &d), 0);
  assert_string_equal(d.utf8, want);
  wn_decoded_free(&d);
}

static void test_meta_latin1_is_windows_1252(void **state) {
  (void)state;
  CHECK("<meta charset=ISO-8859-1>\x93\x80", NULL,
        "<meta charset=ISO-8859-1>\xe2\x80\x9c\xe2\x82\xac", "windows-1252");
}

static void test_meta_gb2312_is_gbk(void **state) {
  (void)state;
  CHECK("<meta charset=gb2312>\xd6\xd0\xce\xc4", NULL,
        "<meta charset=gb2312>\xe4\xb8\xad\xe6\x96\x87", "GBK");
}

static void test_meta_sjis_label(void **state) {
  (void)state;
  CHECK("<meta charset=x-sjis>\x93\xfa\x96\x7b\x8c\xea", NULL,
        "<meta charset=x-sjis>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "Shift_JIS");
}

static void test_meta_in_processing_instruction_ignored(void **state) {
  (void)state;
  CHECK("<?xml <meta charset=koi8-r> ?>\x93", NULL,
        "<?xml <meta charset=koi8-r> ?>\xe2\x80\x9c", "windows-1252");
}

/* ---- UTF-8 detection and validation ---- */

static void test_valid_utf8_detected(void **state) {
  (void)state;
  CHECK("<p>\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80</p>", NULL,
        "<p>\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80</p>", "UTF-8");
}

static void test_utf8_valid_accepts(void **state) {
  (void)state;
  assert_true(wn_utf8_valid("", 0));
  assert_true(wn_utf8_valid("plain ascii text, long enough for words", 39));
  assert_true(wn_utf8_valid("\xc2\x80", 2));
  assert_true(wn_utf8_valid("\xdf\xbf", 2));
  assert_true(wn_utf8_valid("\xe0\xa0\x80", 3));
  assert_true(wn_utf8_valid("\xed\x9f\xbf", 3)); /* U+D7FF */
  assert_true(wn_utf8_valid("\xee\x80\x80", 3)); /* U+E000 */
  assert_true(wn_utf8_valid("\xef\xbf\xbf", 3));
  assert_true(wn_utf8_valid("\xf0\x90\x80\x80", 4));
  assert_true(wn_utf8_valid("\xf4\x8f\xbf\xbf", 4)); /* U+10FFFF */
}

static void test_utf8_valid_rejects_overlongs(void **state) {
  (void)state;
  assert_false(wn_utf8_valid("\xc0\xaf", 2));
  assert_false(wn_utf8_valid("\xc1\xbf", 2));
  assert_false(wn_utf8_valid("\xe0\x80\xaf", 3));
  assert_false(wn_utf8_valid("\xe0\x9f\xbf", 3));
  assert_false(wn_utf8_valid("\xf0\x80\x80\xaf", 4));
  assert_false(wn_utf8_valid("\xf0\x8f\xbf\xbf", 4));
}

static void test_utf8_valid_rejects_surrogates(void **state) {
  (void)state;
  assert_false(wn_utf8_valid("\xed\xa0\x80", 3));
  assert_false(wn_utf8_valid("\xed\xbf\xbf", 3));
}

static void test_utf8_valid_rejects_above_max(void **state) {
  (void)state;
  assert_false(wn_utf8_valid("\xf4\x90\x80\x80", 4));
  assert_false(wn_utf8_valid("\xf5\x80\x80\x80", 4));
  assert_false(wn_utf8_valid("\xff", 1));
}

static void test_utf8_valid_rejects_truncated_and_stray(void **state) {
  (void)state;
  assert_false(wn_utf8_valid("\xe2\x82", 2));
  assert_false(wn_utf8_valid("\x80", 1));
  assert_false(wn_utf8_valid("a\xc3", 2));
  assert_false(wn_utf8_valid("\xc3\x28", 2));
  /* A bad byte after a run of ASCII long enough for the word-wise path. */
  assert_false(wn_utf8_valid("abcdefghijklm\x80nopqrstuvwxyz", 27));
  assert_true(wn_utf8_valid("abcdefghijklm\x80nopqrstuvwxyz", 13));
}

/* ---- windows-1252 fallback ---- */

static void test_fallback_windows_1252(void **state) {
  (void)state;
  CHECK("\x93quoted\x94 \x80 caf\xe9", NULL,
        "\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac caf\xc3\xa9", "windows-1252");
}

static void test_windows_1252_undefined_bytes_are_c1(void **state) {
  (void)state;
  CHECK("\x81\x8d\x8f\x90\x9d\x9f\xff", "windows-1252",
        "\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9d\xc5\xb8\xc3\xbf", "windows-1252");
}

/* ---- labelled legacy encodings ---- */

static void test_forced_iso_8859_1_is_windows_1252(void **state) {
  (void)state;
  CHECK("\x93\x80\xe9", "ISO-8859-1", "\xe2\x80\x9c\xe2\x82\xac\xc3\xa9", "windows-1252");
  CHECK("\x93", "latin1", "\xe2\x80\x9c", "windows-1252");
  CHECK("\x93", "us-ascii", "\xe2\x80\x9c", "windows-1252");
}

static void test_iso_8859_2(void **state) {
  (void)state;
  CHECK("\xa3\xf3\x64\xbc", "iso-8859-2", "\xc5\x81\xc3\xb3\x64\xc5\xba", "ISO-8859-2");
}

static void test_iso_8859_15_euro(void **state) {
  (void)state;
  CHECK("\xa4", "ISO-8859-15", "\xe2\x82\xac", "ISO-8859-15");
}

static void test_windows_1251(void **state) {
  (void)state;
  CHECK("\xcf\xf0\xe8\xe2\xe5\xf2", "cp1251",
        "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", "windows-1251");
}

static void test_koi8_r(void **state) {
  (void)state;
  CHECK("\xf0\xd2\xc9\xd7\xc5\xd4", "koi8-r",
        "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", "KOI8-R");
}

static void test_koi8_u(void **state) {
  (void)state;
  /* 0xAE is U+045E in WHATWG's KOI8-U, a box-drawing character in RFC 2319. */
  CHECK("\xa4\xae", "koi8-u", "\xd1\x94\xd1\x9e", "KOI8-U");
}

static void test_shift_jis(void **state) {
  (void)state;
  CHECK("\x93\xfa\x96\x7b\x8c\xea", "shift_jis", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
        "Shift_JIS");
}

static void test_shift_jis_uses_cp932_extensions(void **state) {
  (void)state;
  CHECK("\x87\x40", "sjis", "\xe2\x91\xa0", "Shift_JIS"); /* circled digit one */
}

static void test_euc_jp(void **state) {
  (void)state;
  CHECK("\xc6\xfc\xcb\xdc\xb8\xec", "EUC-JP", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "EUC-JP");
}

static void test_iso_2022_jp_stateful(void **state) {
  (void)state;
  CHECK("\x1b\x24\x42\x46\x7c\x4b\x5c\x38\x6c\x1b\x28\x42!", "iso-2022-jp",
        "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e!", "ISO-2022-JP");
}

static void test_gbk(void **state) {
  (void)state;
  CHECK("\xd6\xd0\xce\xc4", "gbk", "\xe4\xb8\xad\xe6\x96\x87", "GBK");
}

static void test_gb18030_four_byte(void **state) {
  (void)state;
  CHECK("\xd6\xd0\x94\x39\xfc\x36", "gb18030", "\xe4\xb8\xad\xf0\x9f\x98\x80", "gb18030");
}

static void test_big5(void **state) {
  (void)state;
  CHECK("\xa4\xa4\xa4\xe5", "big5", "\xe4\xb8\xad\xe6\x96\x87", "Big5");
  CHECK("\xad\xbb\xb4\xe4", "big5", "\xe9\xa6\x99\xe6\xb8\xaf", "Big5");
}

static void test_euc_kr(void **state) {
  (void)state;
  CHECK("\xc7\xd1\xb1\xb9\xbe\xee", "euc-kr", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",
        "EUC-KR");
}

static void test_euc_kr_uses_cp949_extensions(void **state) {
  (void)state;
  CHECK("\x8c\x63", "euc-kr", "\xeb\x98\xa0", "EUC-KR");
}

static void test_forced_utf16_strips_matching_bom(void **state) {
  (void)state;
  CHECK("\xff\xfe\x68\x00\x69\x00", "utf-16", "hi", "UTF-16LE");
  CHECK("\x00\x68\x00\x69", "UTF-16BE", "hi", "UTF-16BE");
}

/* ---- invalid sequences ---- */

static void test_invalid_utf8_replaced(void **state) {
  (void)state;
  CHECK("a\xff" "b", "utf-8", "a" FFFD "b", "UTF-8");
  CHECK("a\xc0\xaf" "b", "utf-8", "a" FFFD FFFD "b", "UTF-8");
  /* One U+FFFD per maximal subpart, as WHATWG's decoder does. */
  CHECK("a\xe2\x82" "b", "utf-8", "a" FFFD "b", "UTF-8");
  CHECK("a\xed\xa0\x80" "b", "utf-8", "a" FFFD FFFD FFFD "b", "UTF-8");
  CHECK("a\xf4\x90\x80\x80" "b", "utf-8", "a" FFFD FFFD FFFD FFFD "b", "UTF-8");
  CHECK("tail\xe2\x82", "utf-8", "tail" FFFD, "UTF-8");
}

static void test_invalid_shift_jis_replaced(void **state) {
  (void)state;
  CHECK("\x93\xfa\xa0\x96\x7b after", "shift_jis",
        "\xe6\x97\xa5" FFFD "\xe6\x9c\xac after", "Shift_JIS");
}

static void test_truncated_multibyte_at_end(void **state) {
  (void)state;
  CHECK("ok\xd6", "gbk", "ok" FFFD, "GBK");
}

static void test_invalid_euc_jp_replaced(void **state) {
  (void)state;
  CHECK("x\xff\xffy", "euc-jp", "x" FFFD FFFD "y", "EUC-JP");
}

/* ---- forced encodings ---- */

static void test_forced_overrides_meta(void **state) {
  (void)state;
  CHECK("<meta charset=koi8-r>\xf0", "windows-1251", "<meta charset=koi8-r>\xd1\x80",
        "windows-1251");
}

static void test_forced_overrides_valid_utf8(void **state) {
  (void)state;
  CHECK("caf\xc3\xa9", "windows-1252", "caf\xc3\x83\xc2\xa9", "windows-1252");
}

static void test_forced_label_case_insensitive(void **state) {
  (void)state;
  CHECK("\xf0", "  KOI8-R ", "\xd0\x9f", "KOI8-R");
}

/* iconv knows these; no browser decodes a page with them. */
static void test_forced_non_whatwg_refused(void **state) {
  (void)state;
  wn_decoded d;
  assert_int_equal(wn_decode("\xc9", 1, "CP437", &d), -1);
  assert_int_equal(wn_decode("+AGEAYgBj-", 10, "UTF-7", &d), -1);
  assert_int_equal(wn_decode("abc", 3, "INTERNAL", &d), -1);
  assert_int_equal(wn_decode("abc", 3, "IBM037", &d), -1);
}

static void test_forced_unknown_fails_empty(void **state) {
  (void)state;
  wn_decoded d;
  memset(&d, 0x55, sizeof d);
  assert_int_equal(wn_decode("abc", 3, "no-such-encoding-xyz", &d), -1);
  assert_null(d.utf8);
  assert_int_equal(d.len, 0);
  assert_string_equal(d.encoding, "");
  wn_decoded_free(&d);
  assert_int_equal(wn_decode("abc", 3, "", &d), -1);
  assert_null(d.utf8);
}

static void test_forced_on_empty_input(void **state) {
  (void)state;
  check("", 0, "koi8-r", "", "KOI8-R");
}

/* ---- NUL bytes ---- */

static void test_nul_in_utf8(void **state) {
  (void)state;
  CHECK("a\0b\0", NULL, "a" FFFD "b" FFFD, "UTF-8");
}

static void test_nul_in_windows_1252(void **state) {
  (void)state;
  CHECK("\x93\0\x94", NULL, "\xe2\x80\x9c" FFFD "\xe2\x80\x9d", "windows-1252");
}

static void test_nul_in_iconv_path(void **state) {
  (void)state;
  CHECK("\xf0\0\xf0", "koi8-r", "\xd0\x9f" FFFD "\xd0\x9f", "KOI8-R");
  CHECK("\xff\xfe\x00\x00\x68\x00", NULL, FFFD "h", "UTF-16LE");
}

/* ---- sniffing API ---- */

static void test_sniff_encoding(void **state) {
  (void)state;
  char name[32];
  wn_sniff_encoding("\xfe\xff\x00\x41", 4, name, sizeof name);
  assert_string_equal(name, "UTF-16BE");
  wn_sniff_encoding("<meta charset=big5>", 19, name, sizeof name);
  assert_string_equal(name, "Big5");
  wn_sniff_encoding("caf\xc3\xa9", 5, name, sizeof name);
  assert_string_equal(name, "UTF-8");
  wn_sniff_encoding("caf\xe9", 4, name, sizeof name);
  assert_string_equal(name, "windows-1252");
  wn_sniff_encoding("", 0, name, sizeof name);
  assert_string_equal(name, "UTF-8");
  wn_sniff_encoding("caf\xe9", 4, name, 4);
  assert_string_equal(name, "win");
}

static void test_free_resets(void **state) {
  (void)state;
  wn_decoded d;
  decode_ok("x", 1, NULL, &d);
  wn_decoded_free(&d);
  assert_null(d.utf8);
  assert_int_equal(d.len, 0);
  wn_decoded_free(&d);
  wn_decoded_free(NULL);
}

/* ---- large inputs ---- */

#define BIG (20u * 1024 * 1024)

/* Fills `n` bytes by repeating `unit`; n must be a multiple of its length. */
static char *repeat(const char *unit, size_t unit_len, size_t n) {
  char *p = malloc(n);
  assert_non_null(p);
  for (size_t i = 0; i < n; i += unit_len) memcpy(p + i, unit, unit_len);
  return p;
}

static void test_big_windows_1252(void **state) {
  (void)state;
  char *in = repeat("caf\xe9 \x93", 6, BIG / 6 * 6); /* 4 ASCII, 2 + 3 bytes out */
  size_t units = BIG / 6;
  wn_decoded d;
  decode_ok(in, units * 6, "windows-1252", &d);
  assert_string_equal(d.encoding, "windows-1252");
  assert_int_equal(d.len, units * 9);
  assert_memory_equal(d.utf8 + d.len - 9, "caf\xc3\xa9 \xe2\x80\x9c", 9);
  wn_decoded_free(&d);
  free(in);
}

static void test_big_utf8(void **state) {
  (void)state;
  char *in = repeat("\xe4\xb8\xad" "abcde", 8, BIG);
  wn_decoded d;
  decode_ok(in, BIG, NULL, &d);
  assert_string_equal(d.encoding, "UTF-8");
  assert_int_equal(d.len, BIG);
  assert_memory_equal(d.utf8, in, BIG);
  wn_decoded_free(&d);
  free(in);
}

static void test_big_iconv(void **state) {
  (void)state;
  /* Each 4-byte unit: two KOI8-R letters (2 bytes out each), two ASCII. */
  char *in = repeat("\xf0" "ab\xd2", 4, BIG);
  wn_decoded d;
  decode_ok(in, BIG, "koi8-r", &d);
  assert_int_equal(d.len, BIG / 4 * 6);
  wn_decoded_free(&d);
  free(in);
}

static void test_sequences_across_iconv_windows(void **state) {
  (void)state;
  /* Two-byte kanji after one ASCII byte: some straddle each 64 KiB window
   * iconv is given, and none may turn into U+FFFD. */
  size_t n = 1 + 2 * 100000;
  char *in = malloc(n);
  assert_non_null(in);
  in[0] = 'a';
  for (size_t i = 1; i < n; i += 2) memcpy(in + i, "\x93\xfa", 2); /* U+65E5 */
  wn_decoded d;
  decode_ok(in, n, "shift_jis", &d);
  assert_int_equal(d.len, 1 + 3 * 100000);
  assert_null(strstr(d.utf8, FFFD));
  assert_memory_equal(d.utf8 + d.len - 3, "\xe6\x97\xa5", 3);
  wn_decoded_free(&d);
  free(in);
}

static void test_big_shift_jis_with_errors(void **state) {
  (void)state;
  /* A valid kanji then a byte CP932 rejects: 2 -> 3 bytes, 1 -> U+FFFD. */
  char *in = repeat("\x93\xfa\xa0" "x", 4, BIG);
  wn_decoded d;
  decode_ok(in, BIG, "shift_jis", &d);
  assert_int_equal(d.len, BIG / 4 * 7);
  assert_memory_equal(d.utf8 + d.len - 7, "\xe6\x97\xa5" FFFD "x", 7);
  wn_decoded_free(&d);
  free(in);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_empty_input),
      cmocka_unit_test(test_null_pointer_empty_input),
      cmocka_unit_test(test_plain_ascii_is_utf8),
      cmocka_unit_test(test_bom_utf8_stripped),
      cmocka_unit_test(test_double_encoded_utf8_repaired),
      cmocka_unit_test(test_few_pairs_left_alone),
      cmocka_unit_test(test_bom_utf16le),
      cmocka_unit_test(test_bom_utf16be),
      cmocka_unit_test(test_bom_utf16le_surrogate_pair),
      cmocka_unit_test(test_bom_beats_meta),
      cmocka_unit_test(test_utf16_odd_trailing_byte),
      cmocka_unit_test(test_utf16_lone_surrogate_then_text),
      cmocka_unit_test(test_meta_charset_quoted),
      cmocka_unit_test(test_meta_charset_single_quoted),
      cmocka_unit_test(test_meta_charset_unquoted_uppercase),
      cmocka_unit_test(test_meta_charset_label_whitespace),
      cmocka_unit_test(test_meta_slash_separator),
      cmocka_unit_test(test_meta_http_equiv),
      cmocka_unit_test(test_meta_http_equiv_reversed_unquoted),
      cmocka_unit_test(test_meta_content_quoted_charset),
      cmocka_unit_test(test_meta_content_without_http_equiv_ignored),
      cmocka_unit_test(test_late_meta_in_head_honoured),
      cmocka_unit_test(test_late_meta_after_body_ignored),
      cmocka_unit_test(test_detects_unlabelled_windows_1251),
      cmocka_unit_test(test_detects_unlabelled_koi8),
      cmocka_unit_test(test_little_non_ascii_stays_windows_1252),
      cmocka_unit_test(test_hint_beats_meta),
      cmocka_unit_test(test_meta_just_inside_1024_bytes),
      cmocka_unit_test(test_meta_in_comment_ignored),
      cmocka_unit_test(test_meta_after_short_comment_found),
      cmocka_unit_test(test_meta_inside_attribute_value_ignored),
      cmocka_unit_test(test_meta_unknown_label_ignored),
      cmocka_unit_test(test_meta_unknown_then_known),
      cmocka_unit_test(test_meta_utf16_means_utf8),
      cmocka_unit_test(test_meta_utf8_with_bad_bytes_repaired),
      cmocka_unit_test(test_meta_utf8_label_that_lies),
      cmocka_unit_test(test_utf16_without_bom),
      cmocka_unit_test(test_utf16_cyrillic),
      cmocka_unit_test(test_meta_latin1_is_windows_1252),
      cmocka_unit_test(test_meta_gb2312_is_gbk),
      cmocka_unit_test(test_meta_sjis_label),
      cmocka_unit_test(test_meta_in_processing_instruction_ignored),
      cmocka_unit_test(test_valid_utf8_detected),
      cmocka_unit_test(test_utf8_valid_accepts),
      cmocka_unit_test(test_utf8_valid_rejects_overlongs),
      cmocka_unit_test(test_utf8_valid_rejects_surrogates),
      cmocka_unit_test(test_utf8_valid_rejects_above_max),
      cmocka_unit_test(test_utf8_valid_rejects_truncated_and_stray),
      cmocka_unit_test(test_fallback_windows_1252),
      cmocka_unit_test(test_windows_1252_undefined_bytes_are_c1),
      cmocka_unit_test(test_forced_iso_8859_1_is_windows_1252),
      cmocka_unit_test(test_iso_8859_2),
      cmocka_unit_test(test_iso_8859_15_euro),
      cmocka_unit_test(test_windows_1251),
      cmocka_unit_test(test_koi8_r),
      cmocka_unit_test(test_koi8_u),
      cmocka_unit_test(test_shift_jis),
      cmocka_unit_test(test_shift_jis_uses_cp932_extensions),
      cmocka_unit_test(test_euc_jp),
      cmocka_unit_test(test_iso_2022_jp_stateful),
      cmocka_unit_test(test_gbk),
      cmocka_unit_test(test_gb18030_four_byte),
      cmocka_unit_test(test_big5),
      cmocka_unit_test(test_euc_kr),
      cmocka_unit_test(test_euc_kr_uses_cp949_extensions),
      cmocka_unit_test(test_forced_utf16_strips_matching_bom),
      cmocka_unit_test(test_invalid_utf8_replaced),
      cmocka_unit_test(test_invalid_shift_jis_replaced),
      cmocka_unit_test(test_truncated_multibyte_at_end),
      cmocka_unit_test(test_invalid_euc_jp_replaced),
      cmocka_unit_test(test_forced_overrides_meta),
      cmocka_unit_test(test_forced_overrides_valid_utf8),
      cmocka_unit_test(test_forced_label_case_insensitive),
      cmocka_unit_test(test_forced_non_whatwg_refused),
      cmocka_unit_test(test_forced_unknown_fails_empty),
      cmocka_unit_test(test_forced_on_empty_input),
      cmocka_unit_test(test_nul_in_utf8),
      cmocka_unit_test(test_nul_in_windows_1252),
      cmocka_unit_test(test_nul_in_iconv_path),
      cmocka_unit_test(test_sniff_encoding),
      cmocka_unit_test(test_free_resets),
      cmocka_unit_test(test_big_windows_1252),
      cmocka_unit_test(test_big_utf8),
      cmocka_unit_test(test_big_iconv),
      cmocka_unit_test(test_sequences_across_iconv_windows),
      cmocka_unit_test(test_big_shift_jis_with_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
