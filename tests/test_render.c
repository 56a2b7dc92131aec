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

/* A list nested in an item stays on the outer list's lines. */
static void test_nested_list_stays_with_its_list(void **state) {
  keep_all(state, "<ul><li>Clothing<ul><li>shirts</li><li>fleece</li></ul></li>"
                  "<li>Equipment<ol><li>backpack</li></ol></li></ul><p>Outro.</p>", NULL);
  assert_string_equal(render(state, 1), "Clothing\nshirts\nfleece\nEquipment\nbackpack\n\nOutro.\n");
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

/* Terminal and bidi controls a page wrote (as &#x1b; and the like) never
 * reach the output; newline and tab do. */
static void test_output_drops_controls(void **state) {
  (void)state;
  size_t len = 0;
  const char in[] = "Hi \x1b]0;owned\x07\x1b[2J\r\n\tx\x7f \xc2\x9b" "31m \xe2\x80\xae" "evil\xe2\x80\xac "
                    "\xe2\x81\xa6iso\xe2\x81\xa9 caf\xc3\xa9";
  char *s = wn_nfc(in, sizeof in - 1, &len);
  assert_string_equal(s, "Hi ]0;owned[2J\n\tx 31m evil iso caf\xc3\xa9");
  assert_int_equal(len, strlen(s));
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

/* A link post: the headline is all the page says, and it is printed once. */
static const char HEADLINE_ONLY[] =
    "<html><head><title>Night buses stay : r/transit</title></head><body>"
    "<header><nav><a href=\"/\">Home</a> <a href=\"/login\">Log in</a></nav></header>"
    "<main><h1>City council votes to keep the night buses running all winter: \"Shift "
    "workers, nurses and students rely on these routes,\" the transport chair says. The "
    "city is now asking riders which routes should run more often.</h1>"
    "<a href=\"https://news.example.org/night-buses\">news.example.org</a></main>"
    "<footer><p>Copyright 2025 Example Social.</p></footer></body></html>";

static void test_headline_only_page_prints_its_title(void **state) {
  classified(state, HEADLINE_ONLY);
  const char *text = render(state, 1);
  assert_int_equal(strncmp(text, "City council votes", 18), 0);
  assert_null(strstr(text + 1, "City council votes"));
  assert_one_final_newline(text);
  /* --no-title leaves nothing: the headline was the title. */
  assert_string_equal(render(state, 0), "");
}

/* ---- Markdown ------------------------------------------------------------ */

static const char *markdown(void **state, int include_title) {
  doc *d = *state;
  wn_buf_clear(&d->text);
  wn_render_markdown(&d->page, include_title, &d->text);
  if (d->text.data) assert_int_equal(strlen(d->text.data), d->text.len);
  return d->text.len ? d->text.data : "";
}

static void test_md_title_and_headings(void **state) {
  keep_all(state, "<h2>Section</h2><p>one</p><h3>Sub</h3><p>two</p><h6>Small</h6>", "The Title");
  assert_string_equal(markdown(state, 1),
                      "# The Title\n\n## Section\n\none\n\n### Sub\n\ntwo\n\n###### Small\n");
  assert_string_equal(markdown(state, 0), "## Section\n\none\n\n### Sub\n\ntwo\n\n###### Small\n");
}

/* An h1 in the body keeps its level, but the printed title is not repeated. */
static void test_md_title_not_repeated(void **state) {
  keep_all(state, "<h1>The Title</h1><p>Body.</p><h1>Another part</h1><p>More.</p>", "The Title");
  assert_string_equal(markdown(state, 1), "# The Title\n\nBody.\n\n# Another part\n\nMore.\n");
  /* Without the title line the heading is the only place the title appears. */
  assert_string_equal(markdown(state, 0), "# The Title\n\nBody.\n\n# Another part\n\nMore.\n");
}

static void test_md_headline_only_page(void **state) {
  classified(state, HEADLINE_ONLY);
  const char *md = markdown(state, 1);
  assert_int_equal(strncmp(md, "# City council votes", 20), 0);
  assert_one_final_newline(md);
}

static void test_md_heading_on_one_line_and_closing_hashes_escaped(void **state) {
  keep_all(state, "<h2>First<br>second</h2><h2>Learn C#</h2><h2>Number #</h2>", "T");
  assert_string_equal(markdown(state, 0), "## First second\n\n## Learn C#\n\n## Number \\#\n");
}

static void test_md_unordered_list(void **state) {
  keep_all(state, "<p>Intro.</p><ul><li>one</li><li>two</li><li>three</li></ul><p>Outro.</p>",
           NULL);
  assert_string_equal(markdown(state, 1), "Intro.\n\n- one\n- two\n- three\n\nOutro.\n");
}

static void test_md_ordered_list(void **state) {
  keep_all(state, "<ol><li>first</li><li>second</li><li>third</li></ol>", NULL);
  assert_string_equal(markdown(state, 1), "1. first\n2. second\n3. third\n");
}

static void test_md_ordered_list_start(void **state) {
  keep_all(state, "<ol start=\"9\"><li>nine</li><li>ten</li></ol>", NULL);
  assert_string_equal(markdown(state, 1), "9. nine\n10. ten\n");
}

static void test_md_ordered_list_numbers_kept_items_only(void **state) {
  wn_page *page = keep_all(state, "<ol><li>one</li><li>sponsored</li><li>two</li></ol>", NULL);
  drop(page, "sponsored");
  assert_string_equal(markdown(state, 1), "1. one\n2. two\n");
}

static void test_md_nested_lists_indent(void **state) {
  keep_all(state,
           "<ol><li>a<ul><li>a1</li><li>a2<ol><li>deep</li></ol></li></ul></li><li>b</li></ol>"
           "<ul><li>x<ol><li>x1</li></ol></li></ul>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "1. a\n   - a1\n   - a2\n     1. deep\n2. b\n\n- x\n  1. x1\n");
}

/* Two lists in a row would merge into one in Markdown: the second switches markers. */
static void test_md_adjacent_lists_stay_apart(void **state) {
  keep_all(state, "<ul><li>a1</li><li>a2</li></ul><ul><li>b1</li></ul><ul><li>c1</li></ul>"
                  "<ol><li>d1</li></ol><ol><li>e1</li></ol>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "- a1\n- a2\n\n* b1\n\n- c1\n\n1. d1\n\n1) e1\n");
}

static void test_md_definition_list(void **state) {
  keep_all(state, "<dl><dt>term</dt><dd>definition</dd></dl>", NULL);
  assert_string_equal(markdown(state, 1), "- term\n- definition\n");
}

static void test_md_paragraphs_inside_list_items(void **state) {
  keep_all(state, "<ol><li><p>First para.</p><p>Second para.<br>next line</p></li>"
                  "<li><p>Other item.</p></li></ol>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "1. First para.\n\n   Second para.\n   next line\n2. Other item.\n");
}

static void test_md_list_item_text_escaped_and_continued(void **state) {
  keep_all(state, "<ul><li># tag<br>- dash<br>plain</li></ul>", NULL);
  assert_string_equal(markdown(state, 1), "- \\# tag\n  \\- dash\n  plain\n");
}

static void test_md_table(void **state) {
  keep_all(state, "<p>Ages:</p><table><tr><th>Name</th><th>Age</th></tr>"
                  "<tr><td>Ann</td><td>34</td></tr><tr><td>Bob</td><td>27</td></tr></table>"
                  "<table><tr><td>other</td><td>table</td></tr></table>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "Ages:\n\n| Name | Age |\n| --- | --- |\n| Ann | 34 |\n| Bob | 27 |\n\n"
                      "| other | table |\n| --- | --- |\n");
}

static void test_md_table_pads_short_rows(void **state) {
  keep_all(state, "<table><tr><td>a</td></tr><tr><td>b</td><td>c</td><td>d</td></tr>"
                  "<tr><td>e</td><td>f</td></tr></table>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "| a | | |\n| --- | --- | --- |\n| b | c | d |\n| e | f | |\n");
}

static void test_md_table_cell_pipes_and_breaks(void **state) {
  keep_all(state, "<table><tr><td>x|y</td><td>one<br>two</td></tr></table>", NULL);
  assert_string_equal(markdown(state, 1), "| x\\|y | one two |\n| --- | --- |\n");
}

static void test_md_dropped_row_does_not_split_a_table(void **state) {
  wn_page *page = keep_all(state, "<table><tr><td>h1</td><td>h2</td></tr>"
                                  "<tr><td>sponsored</td><td>ad</td></tr>"
                                  "<tr><td>r1</td><td>r2</td></tr></table>",
                           NULL);
  drop(page, "sponsored");
  assert_string_equal(markdown(state, 1), "| h1 | h2 |\n| --- | --- |\n| r1 | r2 |\n");
}

static void test_md_code_fence(void **state) {
  keep_all(state, "<p>Example:</p><pre>int main(void) {\n  return 0;\n}\n</pre><p>Done.</p>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "Example:\n\n```\nint main(void) {\n  return 0;\n}\n```\n\nDone.\n");
}

static void test_md_code_is_not_escaped(void **state) {
  keep_all(state, "<pre># comment\n- item\n1. x\n&lt;b&gt;</pre>", NULL);
  assert_string_equal(markdown(state, 1), "```\n# comment\n- item\n1. x\n<b>\n```\n");
}

static void test_md_code_fence_lengthened(void **state) {
  keep_all(state, "<pre>Markdown:\n```\ncode\n```</pre><pre>five `````</pre><pre>two `` ok</pre>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "````\nMarkdown:\n```\ncode\n```\n````\n\n"
                      "``````\nfive `````\n``````\n\n"
                      "```\ntwo `` ok\n```\n");
}

static void test_md_blockquote(void **state) {
  keep_all(state, "<blockquote>quoted<br>second line</blockquote><p>after</p>", NULL);
  assert_string_equal(markdown(state, 1), "> quoted\n> second line\n\nafter\n");
}

static void test_md_blockquote_paragraphs_and_nesting(void **state) {
  keep_all(state, "<blockquote><p>one</p><p>two</p><blockquote>inner</blockquote>"
                  "<p>three</p></blockquote><blockquote>separate</blockquote>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "> one\n>\n> two\n>\n> > inner\n>\n> three\n\n> separate\n");
}

static void test_md_blockquote_with_list_and_code(void **state) {
  keep_all(state, "<blockquote><ul><li>a</li><li>b</li></ul><pre>x\n\ny</pre></blockquote>",
           NULL);
  assert_string_equal(markdown(state, 1), "> - a\n> - b\n>\n> ```\n> x\n>\n> y\n> ```\n");
}

static void test_md_escapes_line_starts(void **state) {
  keep_all(state,
           "<p># hash<br>#tag<br>- dash<br>+ plus<br>* star<br>1. one<br>23) two<br>&gt; gt<br>"
           "---<br>***<br>___<br>===<br>```fence<br>~~~<br>&lt;div&gt;<br>[a]: /url</p>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "\\# hash\n\\#tag\n\\- dash\n\\+ plus\n\\* star\n1\\. one\n23\\) two\n"
                      "\\> gt\n\\---\n\\***\n\\___\n\\===\n\\```fence\n\\~~~\n\\<div\\>\n"
                      "\\[a\\]: /url\n");
}

static void test_md_leaves_harmless_text_alone(void **state) {
  keep_all(state,
           "<p>-dash<br>+plus<br>*emph*<br>1.5 litres<br>2024. A year<br>a # b - c > d<br>"
           "1234567890. too long<br>&lt; 3<br>[not a definition]<br>== x</p>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "-dash\n+plus\n*emph*\n1.5 litres\n2024\\. A year\na # b - c \\> d\n"
                      "1234567890. too long\n\\< 3\n\\[not a definition\\]\n== x\n");
}

/* Page text never becomes live markup: raw HTML, entities, links. */
static void test_md_page_text_is_never_markup(void **state) {
  keep_all(state,
           "<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(2)) &amp;amp; a\\[y]</p>",
           NULL);
  assert_string_equal(markdown(state, 1),
                      "\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(2)) \\&amp; "
                      "a\\\\\\[y\\]\n");
}

static void test_md_dropped_blocks_never_appear(void **state) {
  wn_page *page = keep_all(state,
                           "<h2>Drop heading</h2><p>Kept paragraph.</p><p>Drop paragraph</p>"
                           "<ul><li>kept item</li><li>drop item</li></ul>"
                           "<table><tr><td>drop row</td></tr></table>"
                           "<pre>drop code</pre><blockquote>drop quote</blockquote>"
                           "<p>Last kept.</p>",
                           "T");
  for (size_t i = 0; i < page->block_count; i++)
    if (strstr(page->blocks[i].text, "rop ")) {
      page->blocks[i].keep = 0;
      page->blocks[i].reason = WN_DROP_LINK_DENSE;
    }
  const char *text = markdown(state, 1);
  assert_null(strstr(text, "rop "));
  assert_null(strstr(text, "```"));
  assert_null(strstr(text, "|"));
  assert_null(strstr(text, ">"));
  assert_string_equal(text, "# T\n\nKept paragraph.\n\n- kept item\n\nLast kept.\n");
}

static void test_md_no_kept_block_gives_empty_output(void **state) {
  wn_page *page = segment(state, "<h2>dropped</h2><p>dropped one</p><ul><li>x</li></ul>");
  set_title(page, "A Title That Must Not Appear");
  assert_string_equal(markdown(state, 1), "");
  assert_string_equal(markdown(state, 0), "");
}

static void test_md_ends_with_one_newline_no_blank_runs(void **state) {
  keep_all(state, "<h1>Head</h1><p>a</p><ul><li>b</li></ul><table><tr><td>c</td></tr></table>"
                  "<pre>d\n\n\n</pre><blockquote>e</blockquote><pre>z</pre>",
           "T");
  const char *text = markdown(state, 1);
  assert_null(strstr(text, "\n\n\n"));
  assert_one_final_newline(text);
}

static void test_md_is_nfc(void **state) {
  keep_all(state, "<p>Cafe\xcc\x81</p><pre>re\xcc\x81sume\xcc\x81</pre>", "Cre\xcc\x80me");
  assert_string_equal(markdown(state, 1),
                      "# Cr\xc3\xa8me\n\nCaf\xc3\xa9\n\n```\nr\xc3\xa9sum\xc3\xa9\n```\n");
}

static void test_md_classified_article(void **state) {
  classified(state, ARTICLE);
  const char *text = markdown(state, 1);
  assert_int_equal(strncmp(text, "# Bees in Winter\n\nHoney bees do not hibernate.", 46), 0);
  assert_non_null(strstr(text, "too long.\n\n- Check the weight of each hive in January.\n"
                               "- Keep the entrance clear of dead bees and snow.\n"));
  assert_null(strstr(text, "Home"));
  assert_null(strstr(text, "Copyright"));
  /* The headline is printed once. */
  assert_null(strstr(text + 2 + strlen("Bees in Winter"), "Bees in Winter"));
  assert_one_final_newline(text);
}

/* Thousands of nested quotes and lists: bounded indentation, no deep recursion. */
static void test_md_deep_nesting_is_bounded(void **state) {
  enum { LEVELS = 3000 };
  wn_buf html;
  wn_buf_init(&html);
  for (int i = 0; i < LEVELS; i++) wn_buf_puts(&html, "<blockquote>q");
  for (int i = 0; i < LEVELS; i++) wn_buf_puts(&html, "</blockquote>");
  for (int i = 0; i < LEVELS; i++) wn_buf_puts(&html, "<ul><li>i");
  for (int i = 0; i < LEVELS; i++) wn_buf_puts(&html, "</li></ul>");
  keep_all(state, html.data, NULL);
  wn_buf_free(&html);
  const char *text = markdown(state, 1);
  /* No line is longer than the deepest allowed prefix plus a few characters. */
  size_t longest = 0, line = 0;
  for (const char *p = text; *p; p++) {
    line = *p == '\n' ? 0 : line + 1;
    if (line > longest) longest = line;
  }
  assert_true(longest < 100);
  /* Quotes deeper than the cap continue at its depth. */
  assert_non_null(strstr(text, "\n> > > > > > > > q\n> > > > > > > >\n> > > > > > > > q\n"));
  assert_null(strstr(text, "> > > > > > > > >"));
  assert_int_equal(strncmp(text, "> q\n>\n> > q\n", 12), 0);
  assert_non_null(strstr(text, "- i\n  - i\n    - i\n"));
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

/* A headline with too little prose under it for an article is named, so
 * that the listing says why the page reads as no article. */
static void test_explain_names_a_headline_without_an_article(void **state) {
  wn_page *page = classified(state,
      "<html><head><title>The Human Bowling Ball</title></head><body>"
      "<div><h2>The Human Bowling Ball</h2><p>It plays with your right brain.</p></div></body></html>");
  const char *text = explain(state);
  assert_explain_shape(page, text);
  assert_non_null(strstr(text, "# article: none (headline <h2> \"The Human Bowling Ball\", "
                               "too little prose of its own under it)\n"));
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

/* Attributes and text cannot drive the terminal: escape sequences, C1
 * controls and bidi overrides in class, id, lang and block text come out
 * escaped. */
static void test_explain_escapes_terminal_controls(void **state) {
  /* As character references: the decoder already replaces raw C0 and C1
   * bytes of the input, but references to them reach the tree. */
  wn_page *page = classified(state,
      "<html lang=\"en&#x1b;]0;owned&#7;\"><body><div id=\"a&#x202e;&#x2066;z\" "
      "class=\"story&#x1b;[2J body&#x7f;&#x9d;\"><p>Honey bees do not hibernate.&#x1b;[31m "
      "Through the cold months the colony forms a tight &#x202e;cluster&#x8d; around the queen, "
      "and the workers shiver to keep the centre warm.</p><p>The outer layer of bees acts as "
      "insulation. Bees rotate between the cold edge and the warm core.</p></div>"
      "<div><p><a href=\"/a\">Other story</a></p></div></body></html>");
  const char *text = explain(state);
  assert_explain_shape(page, text);
  for (const unsigned char *u = (const unsigned char *)text; *u; u++) {
    assert_false(*u < 0x20 && *u != '\n');
    assert_false(*u == 0x7F);
    assert_false(u[0] == 0xC2 && u[1] >= 0x80 && u[1] < 0xA0);
    assert_false(u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE);
    assert_false(u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9);
  }
  assert_non_null(strstr(text, "id=\"a\\u{202E}\\u{2066}z\""));
  assert_non_null(strstr(text, "class=\"story\\x1B[2J body\\x7F\\u{9D}\""));
  assert_non_null(strstr(text, "(html lang: en\\x1B]0;owned\\x07)"));
  assert_non_null(strstr(text, "hibernate.\\x1B[31m Through"));
  assert_non_null(strstr(text, "\\u{202E}cluster\\u{8D} ar"));
}

/* ---- Markdown inline markup ---------------------------------------------- */

#include "clean.h"
#include "url.h"
#include "winnow.h"

/* Segment `html` with its inline spans and keep every block. */
static wn_page *marked(void **state, const char *html) {
  doc *d = *state;
  d->out = gumbo_parse(html);
  assert_non_null(d->out);
  wn_cleaned cleaned;
  wn_clean(d->out->root, &cleaned);
  wn_segment_marked(d->out, &cleaned, true, &d->page);
  wn_cleaned_free(&cleaned);
  d->segmented = true;
  for (size_t i = 0; i < d->page.block_count; i++) {
    d->page.blocks[i].keep = 1;
    d->page.blocks[i].reason = WN_KEEP_CONTENT;
  }
  return &d->page;
}

static const char *md_with(void **state, bool links, bool images, const char *url) {
  doc *d = *state;
  wn_buf_clear(&d->text);
  wn_md_options o = {0, links, images, url};
  wn_render_markdown_with(&d->page, &o, &d->text);
  return d->text.len ? d->text.data : "";
}

static void test_md_links_resolve_against_the_url(void **state) {
  marked(state, "<p>See <a href='../b/c.html'>the page</a> and <a href='/d?x=1#y'>this</a>, "
                "<a href='#top'>up</a>, <a href='//cdn.example.net/e'>cdn</a>.</p>");
  assert_string_equal(md_with(state, true, false, "https://example.com/a/z/index.html"),
                      "See [the page](https://example.com/a/b/c.html) and "
                      "[this](https://example.com/d?x=1#y), "
                      "[up](https://example.com/a/z/index.html#top), "
                      "[cdn](https://cdn.example.net/e).\n");
  /* Without a URL, relative links stay relative. */
  assert_string_equal(md_with(state, true, false, NULL),
                      "See [the page](../b/c.html) and [this](/d?x=1#y), [up](#top), "
                      "[cdn](//cdn.example.net/e).\n");
  assert_string_equal(md_with(state, false, false, "https://example.com/"),
                      "See the page and this, up, cdn.\n");
}

static void test_md_base_href_wins_over_the_url(void **state) {
  marked(state, "<html><head><base href='/docs/'></head><body>"
                "<p><a href='x.html'>x</a></p></body></html>");
  assert_string_equal(md_with(state, true, false, "https://example.com/a/b"),
                      "[x](https://example.com/docs/x.html)\n");
}

static void test_md_other_schemes_keep_only_their_text(void **state) {
  marked(state, "<p><a href=' JavaScript:alert(1)'>one</a> <a href='java\tscript:x'>two</a> "
                "<a href='data:text/html,x'>three</a> <a href='tel:123'>four</a> "
                "<a href='mailto:a@example.org'>five</a> <a href='HTTPS://example.org/'>six</a></p>");
  assert_string_equal(md_with(state, true, false, NULL),
                      "one two three four [five](mailto:a@example.org) "
                      "[six](HTTPS://example.org/)\n");
}

static void test_md_link_text_and_target_stay_escaped(void **state) {
  marked(state, "<p><a href='https://example.org/a b)(<x>'>a [b] &lt;img src=x onerror=y&gt; "
                "\\ c</a></p>");
  assert_string_equal(md_with(state, true, false, NULL),
                      "[a \\[b\\] \\<img src=x onerror=y\\> \\\\ c]"
                      "(https://example.org/a%20b%29%28%3Cx%3E)\n");
}

static void test_md_emphasis_strong_and_code(void **state) {
  marked(state, "<p>A <em>light</em> and a <strong>heavy</strong> word, <b><i>both</i></b>, "
                "<i>*stars*</i>, <code>x &lt; 1</code>, <code>a`b</code> and "
                "<code>a``b</code>.</p>");
  assert_string_equal(md_with(state, true, false, NULL),
                      "A *light* and a **heavy** word, ***both***, *\\*stars\\**, `x < 1`, "
                      "``a`b`` and a``b.\n");
}

static void test_md_markup_leaves_out_surrounding_spaces(void **state) {
  marked(state, "<p>One<em> two </em>three <a href='/x'> four <br></a>five</p>");
  assert_string_equal(md_with(state, true, false, NULL), "One *two* three [four](/x)\nfive\n");
}

/* A paragraph break written as two <br> is a blank line in every format,
 * and markup open across it closes before it and opens again after. */
static void test_double_br_separates_paragraphs_in_every_format(void **state) {
  marked(state, "<div><b>one<br><br>two</b> and <a href='/x'>three<br> <br>four</a></div>");
  assert_string_equal(md_with(state, true, false, NULL),
                      "**one**\n\n**two** and [three](/x)\n\n[four](/x)\n");
  assert_string_equal(render(state, 0), "one\n\ntwo and three\n\nfour\n");
}

/* In a list item the paragraph after the break is indented under it; the
 * blank line between carries no spaces. */
static void test_paragraph_break_in_a_list_item_stays_blank(void **state) {
  marked(state, "<ul><li><div>one<br><br><em>two</em></div></li><li><div>three<br><br>four</div>"
                "</li></ul>");
  assert_string_equal(md_with(state, true, false, NULL), "- one\n\n  *two*\n- three\n\n  four\n");
}

static void test_md_images_only_when_asked(void **state) {
  marked(state, "<p><img src='/a.png' alt='A chart'> The chart, and "
                "<img src='data:image/png;base64,xx' alt='inline'> "
                "<img src='/b.png' alt=''> <img src='/c.png' alt='[x](y)'> more.</p>");
  assert_string_equal(md_with(state, true, false, NULL), "The chart, and more.\n");
  assert_string_equal(md_with(state, true, true, "https://example.com/p/"),
                      "![A chart](https://example.com/a.png) The chart, and "
                      "![\\[x\\](y)](https://example.com/c.png) more.\n");
}

static void test_md_a_link_around_blocks_links_each(void **state) {
  marked(state, "<a href='/story'><div><h3>Headline</h3><p>Teaser text.</p></div></a>");
  assert_string_equal(md_with(state, true, false, NULL),
                      "### Headline\n\n[Teaser text.](/story)\n");
}

static void test_md_code_fence_names_its_language(void **state) {
  marked(state, "<pre><code class='hljs language-python'>print(1)</code></pre>"
                "<pre class='lang-c++'>int x;</pre><pre class='language-'>plain</pre>");
  assert_string_equal(md_with(state, true, false, NULL),
                      "```python\nprint(1)\n```\n\n```c++\nint x;\n```\n\n```\nplain\n```\n");
}

static void test_md_markup_in_lists(void **state) {
  marked(state, "<ul><li>See <a href='/a'>one</a>.<ul><li><em>Two</em> deep.</li></ul></li></ul>");
  assert_string_equal(md_with(state, true, false, NULL), "- See [one](/a).\n  - *Two* deep.\n");
}

static void test_md_rewritten_text_loses_its_markup(void **state) {
  wn_page *page = marked(state, "<p>Keep <a href='/a'>this</a> line.</p>");
  /* A stage that cuts the text leaves offsets that no longer fit it. */
  page->blocks[0].text_len = 4;
  page->blocks[0].text[4] = '\0';
  assert_string_equal(md_with(state, true, false, NULL), "Keep\n");
}

static void test_url_resolution(void **state) {
  (void)state;
  static const struct {
    const char *base, *ref, *want;
  } cases[] = {
      {"http://a/b/c/d;p?q", "g", "http://a/b/c/g"},
      {"http://a/b/c/d;p?q", "./g", "http://a/b/c/g"},
      {"http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"},
      {"http://a/b/c/d;p?q", "/g", "http://a/g"},
      {"http://a/b/c/d;p?q", "//g", "http://g"},
      {"http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"},
      {"http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"},
      {"http://a/b/c/d;p?q", "..", "http://a/b/"},
      {"http://a/b/c/d;p?q", "../../g", "http://a/g"},
      {"http://a/b/c/d;p?q", "../../../g", "http://a/g"},
      {"http://a/b/c/d;p?q", "g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"https://a", "g", "https://a/g"},
      {NULL, "g", "g"},
      {"ftp://a/b", "g", "g"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *got = wn_url_resolve(cases[i].base, cases[i].ref);
    assert_non_null(got);
    assert_string_equal(got, cases[i].want);
    free(got);
  }
  assert_null(wn_url_resolve("http://a/", "javascript:x"));
  assert_null(wn_url_resolve("http://a/", "  "));
}

static char *read_fixture(const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/markdown/%s", WINNOW_FIXTURES_DIR, name);
  FILE *fp = fopen(path, "rb");
  if (!fp) fail_msg("cannot read %s", path);
  wn_buf b;
  wn_buf_init(&b);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) wn_buf_append(&b, chunk, n);
  fclose(fp);
  if (!b.data) wn_buf_append(&b, "", 0);
  return wn_buf_detach(&b, NULL);
}

/* The golden page: the whole pipeline, with links, an image, emphasis,
 * code spans and a fenced block, against fixtures/markdown/inline.md. */
static void test_md_golden_inline(void **state) {
  (void)state;
  char *html = read_fixture("inline.html");
  char *want = read_fixture("inline.md");
  winnow_options o;
  winnow_options_init(&o);
  o.format = WINNOW_FORMAT_MARKDOWN;
  o.images = 1;
  o.url = "https://harbour.example.com/start";
  winnow_result r;
  assert_int_equal(winnow_extract(html, strlen(html), &o, &r), WINNOW_OK);
  bool same = strcmp(r.text, want) == 0;
  if (!same) fprintf(stderr, "got:\n%s\n", r.text);
  winnow_result_free(&r);
  free(html);
  free(want);
  assert_true(same);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_title_then_blank_line_then_blocks),
      T(test_md_links_resolve_against_the_url),
      T(test_md_base_href_wins_over_the_url),
      T(test_md_other_schemes_keep_only_their_text),
      T(test_md_link_text_and_target_stay_escaped),
      T(test_md_emphasis_strong_and_code),
      T(test_md_markup_leaves_out_surrounding_spaces),
      T(test_double_br_separates_paragraphs_in_every_format),
      T(test_paragraph_break_in_a_list_item_stays_blank),
      T(test_md_images_only_when_asked),
      T(test_md_a_link_around_blocks_links_each),
      T(test_md_code_fence_names_its_language),
      T(test_md_markup_in_lists),
      T(test_md_rewritten_text_loses_its_markup),
      T(test_url_resolution),
      T(test_md_golden_inline),

      T(test_blocks_separated_by_one_blank_line),
      T(test_include_title_zero_omits_title),
      T(test_empty_or_missing_title_prints_nothing_before_blocks),
      T(test_no_kept_block_gives_empty_output),
      T(test_empty_page_gives_empty_output),
      T(test_list_items_on_consecutive_lines),
      T(test_second_list_after_blank_line),
      T(test_nested_list_stays_with_its_list),
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
      T(test_headline_only_page_prints_its_title),
      T(test_explain_one_line_per_block),
      T(test_explain_shows_block_text_on_one_line),
      T(test_explain_cuts_long_text_at_a_character_boundary),
      T(test_explain_names_a_headline_without_an_article),
      T(test_explain_empty_page),
      T(test_explain_title_with_line_break),
      T(test_explain_region_class_with_newline),
      T(test_explain_escapes_terminal_controls),
      T(test_md_title_and_headings),
      T(test_md_title_not_repeated),
      T(test_md_headline_only_page),
      T(test_md_heading_on_one_line_and_closing_hashes_escaped),
      T(test_md_unordered_list),
      T(test_md_ordered_list),
      T(test_md_ordered_list_start),
      T(test_md_ordered_list_numbers_kept_items_only),
      T(test_md_nested_lists_indent),
      T(test_md_adjacent_lists_stay_apart),
      T(test_md_definition_list),
      T(test_md_paragraphs_inside_list_items),
      T(test_md_list_item_text_escaped_and_continued),
      T(test_md_table),
      T(test_md_table_pads_short_rows),
      T(test_md_table_cell_pipes_and_breaks),
      T(test_md_dropped_row_does_not_split_a_table),
      T(test_md_code_fence),
      T(test_md_code_is_not_escaped),
      T(test_md_code_fence_lengthened),
      T(test_md_blockquote),
      T(test_md_blockquote_paragraphs_and_nesting),
      T(test_md_blockquote_with_list_and_code),
      T(test_md_escapes_line_starts),
      T(test_md_leaves_harmless_text_alone),
      T(test_md_page_text_is_never_markup),
      cmocka_unit_test(test_output_drops_controls),
      T(test_md_dropped_blocks_never_appear),
      T(test_md_no_kept_block_gives_empty_output),
      T(test_md_ends_with_one_newline_no_blank_runs),
      T(test_md_is_nfc),
      T(test_md_classified_article),
      T(test_md_deep_nesting_is_bounded),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
