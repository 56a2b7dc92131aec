/*
 * Stage 6 (render): the text layout and the explain listing.
 *
 * Most tests segment a page and then mark blocks kept by hand, so that the
 * layout is tested apart from the classifier's decisions; the explain tests
 * and one end-to-end test run the classifier too.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "buffer.h"
#include "classify.h"
#include "render.h"
#include "segment.h"
#include "page_doc.h"

/* ---- fixture and helpers ------------------------------------------------ */

/* Parse and segment `html`; nothing is kept yet and the title is unset. */
static wn_page *segment(void **state, const char *html) { return doc_segment(state, html); }

static void set_title(wn_page *page, const char *title) {
  free(page->title);
  page->title = title ? strdup(title) : NULL;
}

/* Segment `html`, keep every block, set the title. */
static wn_page *keep_all(void **state, const char *html, const char *title) {
  wn_page *page = segment(state, html);
  for (size_t i = 0; i < page->block_count; i++) {
    page->blocks[i].keep = 1;
    page->blocks[i].reason =
        page->blocks[i].kind == WN_BLOCK_HEADING ? WN_KEEP_HEADING : WN_KEEP_CONTENT;
  }
  set_title(page, title);
  return page;
}

/* Drop the first block whose text contains `needle`. */
static void drop(wn_page *page, const char *needle) {
  for (size_t i = 0; i < page->block_count; i++)
    if (strstr(page->blocks[i].text, needle)) {
      page->blocks[i].keep = 0;
      page->blocks[i].reason = WN_DROP_LINK_DENSE;
      return;
    }
  fail_msg("no block contains \"%s\"", needle);
}

static const char *render(void **state, int include_title) {
  doc *d = *state;
  wn_buf_clear(&d->text);
  wn_render_text(&d->page, include_title, &d->text);
  if (d->text.data) assert_int_equal(strlen(d->text.data), d->text.len);
  return d->text.len ? d->text.data : "";
}

static const char *explain(void **state) {
  doc *d = *state;
  wn_buf_clear(&d->text);
  wn_render_explain(&d->page, &d->text);
  assert_non_null(d->text.data);
  return d->text.data;
}

/* Non-empty output ends in exactly one newline. */
static void assert_one_final_newline(const char *text) {
  size_t len = strlen(text);
  assert_true(len >= 2);
  assert_int_equal(text[len - 1], '\n');
  assert_int_not_equal(text[len - 2], '\n');
}

/* ---- text layout ------------------------------------------------------- */

static void test_title_then_blank_line_then_blocks(void **state) {
  keep_all(state, "<p>First paragraph.</p><p>Second paragraph.</p>", "The Title");
  const char *text = render(state, 1);
  assert_string_equal(text, "The Title\n\nFirst paragraph.\n\nSecond paragraph.\n");
}

static void test_blocks_separated_by_one_blank_line(void **state) {
  keep_all(state, "<h2>Section</h2><p>one</p><div>two</div><blockquote>three</blockquote>",
           "");
  assert_string_equal(render(state, 1), "Section\n\none\n\ntwo\n\nthree\n");
}

static void test_include_title_zero_omits_title(void **state) {
  keep_all(state, "<p>Body text.</p>", "The Title");
  assert_string_equal(render(state, 0), "Body text.\n");
}

static void test_empty_or_missing_title_prints_nothing_before_blocks(void **state) {
  wn_page *page = keep_all(state, "<p>Body text.</p>", "");
  assert_string_equal(render(state, 1), "Body text.\n");
  set_title(page, NULL);
  assert_string_equal(render(state, 1), "Body text.\n");
}

static void test_no_kept_block_gives_empty_output(void **state) {
  wn_page *page = segment(state, "<p>dropped one</p><p>dropped two</p>");
  set_title(page, "A Title That Must Not Appear");
  for (size_t i = 0; i < page->block_count; i++) page->blocks[i].reason = WN_DROP_SHORT;
  assert_string_equal(render(state, 1), "");
  assert_string_equal(render(state, 0), "");
}

static void test_empty_page_gives_empty_output(void **state) {
  wn_page *page = segment(state, "");
  set_title(page, "Title");
  assert_string_equal(render(state, 1), "");
}

static void test_list_items_on_consecutive_lines(void **state) {
  keep_all(state, "<p>Intro.</p><ul><li>one</li><li>two</li><li>three</li></ul><p>Outro.</p>",
           NULL);
  assert_string_equal(render(state, 1), "Intro.\n\none\ntwo\nthree\n\nOutro.\n");
}

static void test_second_list_after_blank_line(void **state) {
  keep_all(state, "<ul><li>a1</li><li>a2</li></ul><ol><li>b1</li><li>b2</li></ol>", NULL);
  assert_string_equal(render(state, 1), "a1\na2\n\nb1\nb2\n");
}

static void test_definition_list_on_consecutive_lines(void **state) {
  keep_all(state, "<dl><dt>term</dt><dd>definition</dd></dl>", NULL);
  assert_string_equal(render(state, 1), "term\ndefinition\n");
}

static void test_dropped_item_does_not_split_a_list(void **state) {
  wn_page *page = keep_all(state, "<ul><li>one</li><li>sponsored</li><li>two</li></ul>", NULL);
  drop(page, "sponsored");
  assert_string_equal(render(state, 1), "one\ntwo\n");
}

static void test_table_rows_on_consecutive_lines(void **state) {
  keep_all(state, "<table><tr><th>Name</th><th>Age</th></tr>"
                  "<tr><td>Ann</td><td>34</td></tr><tr><td>Bob</td><td>27</td></tr></table>"
                  "<table><tr><td>other</td><td>table</td></tr></table>",
           NULL);
  assert_string_equal(render(state, 1), "Name | Age\nAnn | 34\nBob | 27\n\nother | table\n");
}

static void test_code_block_keeps_newlines(void **state) {
  keep_all(state, "<p>Example:</p><pre>int main(void) {\n  return 0;\n}\n</pre><p>Done.</p>",
           NULL);
  assert_string_equal(render(state, 1), "Example:\n\nint main(void) {\n  return 0;\n}\n\nDone.\n");
}

static void test_line_breaks_inside_a_block_survive(void **state) {
  keep_all(state, "<p>roses are red<br>violets are blue</p>", NULL);
  assert_string_equal(render(state, 1), "roses are red\nviolets are blue\n");
}

static void test_output_ends_with_exactly_one_newline(void **state) {
  keep_all(state, "<p>text</p><pre>code\n\n\n</pre>", "T");
  const char *text = render(state, 1);
  assert_one_final_newline(text);
  assert_string_equal(text, "T\n\ntext\n\ncode\n");
}

static void test_output_has_no_runs_of_blank_lines(void **state) {
  keep_all(state, "<h1>Head</h1><p>a</p><ul><li>b</li></ul><table><tr><td>c</td></tr></table>"
                  "<pre>d</pre><blockquote>e</blockquote>",
           "T");
  const char *text = render(state, 1);
  assert_null(strstr(text, "\n\n\n"));
  assert_one_final_newline(text);
}

/* ---- NFC --------------------------------------------------------------- */

static void test_nfc_composes(void **state) {
  (void)state;
  size_t len = 0;
  char *s = wn_nfc("Cafe\xcc\x81", 6, &len); /* e + combining acute */
  assert_string_equal(s, "Caf\xc3\xa9");
  assert_int_equal(len, 5);
  free(s);
  /* Hangul jamo compose to a syllable: U+1100 U+1161 -> U+AC00. */
  s = wn_nfc("\xe1\x84\x80\xe1\x85\xa1", 6, &len);
  assert_string_equal(s, "\xea\xb0\x80");
  assert_int_equal(len, 3);
  free(s);
}

static void test_nfc_leaves_normal_text_alone(void **state) {
  (void)state;
  size_t len = 0;
  char *s = wn_nfc("plain ascii", 11, &len);
  assert_string_equal(s, "plain ascii");
  assert_int_equal(len, 11);
  free(s);
  s = wn_nfc("Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", 12, &len);
  assert_string_equal(s, "Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac");
  assert_int_equal(len, 12);
  free(s);
  /* Only `len` bytes are read. */
  s = wn_nfc("abcdef", 3, &len);
  assert_string_equal(s, "abc");
  assert_int_equal(len, 3);
  free(s);
  /* NFC, not NFKC: compatibility characters stay. */
  s = wn_nfc("\xef\xac\x81", 3, &len); /* U+FB01 LATIN SMALL LIGATURE FI */
  assert_string_equal(s, "\xef\xac\x81");
  free(s);
}

static void test_render_is_nfc(void **state) {
  keep_all(state, "<p>Cafe\xcc\x81 au lait</p><pre>re\xcc\x81sume\xcc\x81</pre>", NULL);
  assert_string_equal(render(state, 1), "Caf\xc3\xa9 au lait\n\nr\xc3\xa9sum\xc3\xa9\n");
}

/* "NFC throughout" covers the title as well as the blocks. */
static void test_render_title_is_nfc(void **state) {
  keep_all(state, "<p>Body.</p>", "Cafe\xcc\x81");
  assert_string_equal(render(state, 1), "Caf\xc3\xa9\n\nBody.\n");
}

/* ---- end to end ---------------------------------------------------------- */

static const char ARTICLE[] =
    "<html><head><title>Bees | Garden Weekly</title></head><body>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>"
    "<article class=\"post-body\"><h1>Bees in <span class=\"x\">Winter</span></h1>"
    "<p>Honey bees do not hibernate. Through the cold months the colony forms a tight "
    "cluster around the queen, and the workers shiver to keep the centre warm.</p>"
    "<p>The outer layer of bees acts as insulation. Bees rotate between the cold edge and "
    "the warm core, so no single bee stays outside for too long.</p>"
    "<ul><li>Check the weight of each hive in January.</li>"
    "<li>Keep the entrance clear of dead bees and snow.</li></ul>"
    "</article>"
    "<footer><p>Copyright 2024 Garden Weekly.</p></footer></body></html>";

static wn_page *classified(void **state, const char *html) {
  wn_page *page = segment(state, html);
  wn_classify(page);
  return page;
}

static void test_classified_article_renders_cleanly(void **state) {
  classified(state, ARTICLE);
  const char *text = render(state, 1);
  assert_int_equal(strncmp(text, "Bees in Winter\n\nHoney bees do not hibernate.", 44), 0);
  assert_non_null(strstr(text, "\n\nThe outer layer of bees"));
  assert_non_null(strstr(text, "too long.\n\nCheck the weight of each hive in January.\n"
                               "Keep the entrance clear of dead bees and snow.\n"));
  assert_null(strstr(text, "Home"));
  assert_null(strstr(text, "Copyright"));
  assert_one_final_newline(text);
}

/* ---- explain ------------------------------------------------------------- */

/* Each line starts with "#" (header), or "keep"/"drop" (one per block, in order). */
static void assert_explain_shape(const wn_page *page, const char *text) {
  size_t block = 0;
  bool headers = false;
  const char *line = text;
  while (*line) {
    const char *end = strchr(line, '\n');
    assert_non_null(end); /* every line is terminated */
    if (line[0] == '#') {
      assert_int_equal(block, 0); /* headers come first */
      headers = true;
    } else {
      bool keep = strncmp(line, "keep ", 5) == 0;
      bool dropped = strncmp(line, "drop ", 5) == 0;
      if (!keep && !dropped) fail_msg("explain line is neither header nor block: %.*s",
                                      (int)(end - line), line);
      assert_true(block < page->block_count);
      assert_int_equal(keep, page->blocks[block].keep != 0);
      /* The reason's name follows the decision. */
      const char *name = wn_reason_name(page->blocks[block].reason);
      assert_int_equal(strncmp(line + 5, name, strlen(name)), 0);
      block++;
    }
    line = end + 1;
  }
  assert_true(headers);
  assert_int_equal(block, page->block_count);
}

static void test_explain_one_line_per_block(void **state) {
  wn_page *page = classified(state, ARTICLE);
  const char *text = explain(state);
  assert_explain_shape(page, text);
  assert_int_equal(strncmp(text, "# title: Bees in Winter\n", 24), 0);
}

static void test_explain_shows_block_text_on_one_line(void **state) {
  wn_page *page = classified(state, "<p>first line<br>second line, which is the rest of it.</p>"
                                    "<pre>code\n  more code</pre>");
  const char *text = explain(state);
  assert_explain_shape(page, text);
  assert_non_null(strstr(text, "first line second line"));
  assert_non_null(strstr(text, "code   more code"));
}

static void test_explain_cuts_long_text_at_a_character_boundary(void **state) {
  char html[4096];
  char *p = html;
  p += sprintf(p, "<p>");
  for (int i = 0; i < 200; i++) p += sprintf(p, "\xe6\x97\xa5"); /* 600 bytes of 日 */
  sprintf(p, "</p>");
  wn_page *page = keep_all(state, html, "T");
  const char *text = explain(state);
  assert_explain_shape(page, text);
  const char *cut = strstr(text, "...\n");
  assert_non_null(cut);
  /* The bytes before "..." are a complete three-byte sequence. */
  assert_int_equal((unsigned char)cut[-3], 0xe6);
  assert_int_equal((unsigned char)cut[-2], 0x97);
  assert_int_equal((unsigned char)cut[-1], 0xa5);
}

static void test_explain_empty_page(void **state) {
  wn_page *page = classified(state, "");
  const char *text = explain(state);
  assert_explain_shape(page, text);
  assert_non_null(strstr(text, "# region: none\n"));
}

/* A headline with a line break must not break the "# title" header in two. */
static void test_explain_title_with_line_break(void **state) {
  wn_page *page = classified(state,
      "<article><h1>First line<br>Second line</h1><p>Honey bees do not hibernate. Through "
      "the cold months the colony forms a tight cluster around the queen, and the workers "
      "shiver to keep the centre warm.</p></article>");
  assert_non_null(strstr(page->title, "First line"));
  assert_explain_shape(page, explain(state));
}

/* class="..." spanning lines (common in templated HTML) on the region element. */
static void test_explain_region_class_with_newline(void **state) {
  wn_page *page = classified(state,
      "<div class=\"story\n   body\"><p>Honey bees do not hibernate. Through the cold months "
      "the colony forms a tight cluster around the queen, and the workers shiver to keep the "
      "centre warm.</p><p>The outer layer of bees acts as insulation. Bees rotate between "
      "the cold edge and the warm core.</p></div>"
      "<div><p><a href=\"/a\">Other story</a></p></div>");
  const char *text = explain(state);
  assert_non_null(strstr(text, "# region: <div"));
  assert_explain_shape(page, text);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_title_then_blank_line_then_blocks),
      T(test_blocks_separated_by_one_blank_line),
      T(test_include_title_zero_omits_title),
      T(test_empty_or_missing_title_prints_nothing_before_blocks),
      T(test_no_kept_block_gives_empty_output),
      T(test_empty_page_gives_empty_output),
      T(test_list_items_on_consecutive_lines),
      T(test_second_list_after_blank_line),
      T(test_definition_list_on_consecutive_lines),
      T(test_dropped_item_does_not_split_a_list),
      T(test_table_rows_on_consecutive_lines),
      T(test_code_block_keeps_newlines),
      T(test_line_breaks_inside_a_block_survive),
      T(test_output_ends_with_exactly_one_newline),
      T(test_output_has_no_runs_of_blank_lines),
      T(test_nfc_composes),
      T(test_nfc_leaves_normal_text_alone),
      T(test_render_is_nfc),
      T(test_render_title_is_nfc),
      T(test_classified_article_renders_cleanly),
      T(test_explain_one_line_per_block),
      T(test_explain_shows_block_text_on_one_line),
      T(test_explain_cuts_long_text_at_a_character_boundary),
      T(test_explain_empty_page),
      T(test_explain_title_with_line_break),
      T(test_explain_region_class_with_newline),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
