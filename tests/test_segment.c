/*
 * Stage 4 (segment, with the cleaner it consults): block boundaries, block
 * text, per-block counts, element cues and head metadata.
 *
 * Every test gets a fresh `doc` from the fixture; parse() fills it and the
 * teardown frees it, so a failing assertion leaks nothing under valgrind.
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

#include "segment.h"
#include "page_doc.h"

/* ---- fixture and helpers ------------------------------------------------ */

/* Parse `html` and segment it; the page lives until the teardown. */
static wn_page *parse(void **state, const char *html) { return doc_segment(state, html); }

/* The first block whose text contains `needle`, or NULL. */
static const wn_block *find_block(const wn_page *page, const char *needle) {
  for (size_t i = 0; i < page->block_count; i++)
    if (strstr(page->blocks[i].text, needle)) return &page->blocks[i];
  return NULL;
}

/* True if `needle` occurs in the text of any block. */
static bool any_block_has(const wn_page *page, const char *needle) {
  return find_block(page, needle) != NULL;
}

/* The element whose node has id="id"; fails the test if there is none. */
static const wn_element *element_by_id(const wn_page *page, const char *id) {
  for (size_t i = 0; i < page->element_count; i++) {
    const GumboNode *node = page->elements[i].node;
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, "id");
    if (a && strcmp(a->value, id) == 0) return &page->elements[i];
  }
  fail_msg("no element with id \"%s\"", id);
  return NULL;
}

/* Block texts in order must be exactly `want` (NULL-terminated). */
static void assert_blocks(const wn_page *page, const char *const *want) {
  size_t n = 0;
  while (want[n]) n++;
  for (size_t i = 0; i < page->block_count && i < n; i++)
    assert_string_equal(page->blocks[i].text, want[i]);
  assert_int_equal(page->block_count, n);
}

/* Text blocks, their lengths and positions are consistent on every page. */
static void assert_well_formed(const wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    assert_non_null(b->text);
    assert_int_equal(strlen(b->text), b->text_len);
    assert_true(b->text_len > 0);
    assert_int_equal(b->position, (int)i);
    assert_true(b->owner >= 0 && (size_t)b->owner < page->element_count);
    assert_true(b->link_chars <= b->chars);
    assert_true(b->card_link_chars <= b->link_chars);
    assert_true(b->lead_link_chars <= b->link_chars);
    assert_true((b->first_link < 0) == (b->link_chars == 0));
    assert_true((b->first_link < 0) == (b->last_link < 0));
    if (b->first_link >= 0) {
      assert_int_equal(page->elements[b->first_link].tag, GUMBO_TAG_A);
      assert_true(b->first_link <= b->last_link);
    }
    /* No leading or trailing space or newline outside code blocks. */
    if (b->kind != WN_BLOCK_CODE) {
      assert_true(b->text[0] != ' ' && b->text[0] != '\n');
      assert_true(b->text[b->text_len - 1] != ' ' && b->text[b->text_len - 1] != '\n');
    }
  }
  for (size_t i = 0; i < page->element_count; i++) {
    int parent = page->elements[i].parent;
    assert_true(parent < (int)i); /* document order: parents come first */
    if (i == 0) assert_int_equal(parent, -1);
  }
}

#define BLOCKS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- block boundaries ------------------------------------------------- */

static void test_paragraph_and_div_boundaries(void **state) {
  wn_page *page = parse(state, "<p>one</p><p>two</p><div>three</div>"
                               "<div>four<p>five</p>six</div>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("one", "two", "three", "four", "five", "six"));
  for (size_t i = 0; i < page->block_count; i++) {
    assert_int_equal(page->blocks[i].kind, WN_BLOCK_PARAGRAPH);
    assert_int_equal(page->blocks[i].heading_level, 0);
  }
}

static void test_inline_tags_do_not_split_blocks(void **state) {
  wn_page *page = parse(state, "<p>one <b>two</b> <i>three</i><span>four</span> "
                               "<a href=\"/x\">five</a> <em><strong>six</strong></em> "
                               "<code>seven</code></p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("one two threefour five six seven"));
}

static void test_list_items(void **state) {
  wn_page *page = parse(state, "<ul><li>alpha</li><li>beta <b>bold</b></li></ul>"
                               "<ol><li>first</li></ol>"
                               "<dl><dt>term</dt><dd>definition</dd></dl>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("alpha", "beta bold", "first", "term", "definition"));
  for (size_t i = 0; i < page->block_count; i++)
    assert_int_equal(page->blocks[i].kind, WN_BLOCK_LIST_ITEM);
}

static void test_headings_carry_their_level(void **state) {
  wn_page *page = parse(state, "<h1>one</h1><h2>two</h2><h3>three</h3>"
                               "<h4>four</h4><h5>five</h5><h6>six <i>it</i></h6><p>body</p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("one", "two", "three", "four", "five", "six it", "body"));
  for (int i = 0; i < 6; i++) {
    assert_int_equal(page->blocks[i].kind, WN_BLOCK_HEADING);
    assert_int_equal(page->blocks[i].heading_level, i + 1);
  }
  assert_int_equal(page->blocks[6].kind, WN_BLOCK_PARAGRAPH);
  assert_int_equal(page->blocks[6].heading_level, 0);
}

/* Custom elements are layout wrappers, each a block of its own, but inside
 * a heading or a paragraph they wrap its words (a CMS's <nyt_headline>). */
static void test_custom_elements_inside_text_are_inline(void **state) {
  wn_page *page = parse(state, "<h1><nyt_headline>Pyramids stand</nyt_headline></h1>"
                               "<p>one <x-term>two</x-term> three</p>"
                               "<x-box>four</x-box><x-box>five</x-box>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("Pyramids stand", "one two three", "four", "five"));
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_HEADING);
  assert_int_equal(page->blocks[0].heading_level, 1);
}

static void test_role_heading_is_a_heading(void **state) {
  wn_page *page = parse(state, "<div><span role=\"heading\" aria-level=\"4\">Card</span>"
                               "<span>$5</span></div>"
                               "<div role=\"heading\">No level</div>"
                               "<div role=\"heading\" aria-level=\"9\">Bad level</div>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("Card", "$5", "No level", "Bad level"));
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_HEADING);
  assert_int_equal(page->blocks[0].heading_level, 4);
  assert_int_equal(page->blocks[1].kind, WN_BLOCK_PARAGRAPH);
  assert_int_equal(page->blocks[2].heading_level, 2); /* ARIA's default */
  assert_int_equal(page->blocks[3].heading_level, 2);
}

static void test_machine_text_is_measured(void **state) {
  wn_page *page = parse(state, "<p>ids 7f3a9c21-44be-4d0e-9a1b x1y2z3</p>"
                               "<p>Model 2024 edition, 16-inch display</p>");
  assert_well_formed(page);
  assert_int_equal(page->blocks[0].code_chars, 23); /* the long mixed token only */
  assert_int_equal(page->blocks[1].code_chars, 0);
}

static void test_disclosure_links_are_not_link_text(void **state) {
  wn_page *page = parse(state, "<p><a href=\"#a\" aria-expanded=\"false\">Who?</a></p>"
                               "<p><a href=\"#\" aria-controls=\"b\">How?</a></p>"
                               "<p><a href=\"#c\">Jump</a></p>"
                               "<div role=\"heading\"><a href=\"#d\">Anchor</a></div>");
  assert_well_formed(page);
  assert_int_equal(page->blocks[0].link_chars, 0);
  assert_int_equal(page->blocks[1].link_chars, 0);
  assert_int_equal(page->blocks[2].link_chars, 4);
  assert_int_equal(page->blocks[3].link_chars, 0);
}

static void test_blockquote_text_is_a_quote(void **state) {
  wn_page *page = parse(state, "<blockquote>To be or not to be.</blockquote>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("To be or not to be."));
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_QUOTE);
}

static void test_br_is_a_newline_inside_the_block(void **state) {
  wn_page *page = parse(state, "<p>roses are red<br>violets are blue <br> sugar is sweet</p>"
                               "<div>a<br/>b</div>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("roses are red\nviolets are blue\nsugar is sweet", "a\nb"));
}

/* Pages without <p> separate paragraphs with two line breaks: the block
 * keeps a blank line there (three breaks are no more than two). Lines of a
 * heading or a list item stay lines. */
static void test_double_br_is_a_paragraph_break(void **state) {
  wn_page *page = parse(state, "<div>first part<br><br>second part <br> <span></span><br><br>third</div>"
                               "<ul><li>a<br><br>b</li></ul><h2>c<br><br>d</h2>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("first part\n\nsecond part\n\nthird", "a\nb", "c\nd"));
}

static void test_br_at_block_edges_adds_nothing(void **state) {
  wn_page *page = parse(state, "<p><br>text<br></p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("text"));
}

static void test_pre_keeps_newlines_and_indentation(void **state) {
  wn_page *page = parse(state, "<p>before</p><pre>int main(void) {\n"
                               "    return  0;\n"
                               "}\n</pre><p>after</p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("before", "int main(void) {\n    return  0;\n}", "after"));
  assert_int_equal(page->blocks[1].kind, WN_BLOCK_CODE);
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_PARAGRAPH);
  assert_int_equal(page->blocks[2].kind, WN_BLOCK_PARAGRAPH);
}

static void test_pre_with_inline_code_and_leading_indent(void **state) {
  wn_page *page = parse(state, "<pre><code>  if (x)\n\t  y();</code></pre>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("  if (x)\n\t  y();"));
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_CODE);
}

static void test_whitespace_collapsed(void **state) {
  wn_page *page = parse(state, "<p>\n   a  \t b \r\n c&nbsp;&nbsp;d &nbsp; e   </p>"
                               "<p>&nbsp;lead</p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("a b c d e", "lead"));
}

static void test_empty_blocks_are_not_emitted(void **state) {
  wn_page *page = parse(state, "<p></p><div>  </div><p>&nbsp;</p><ul><li></li></ul><p>x</p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("x"));
}

/* ---- tables ------------------------------------------------------------ */

static void test_data_row_is_one_block(void **state) {
  wn_page *page = parse(state, "<table><tr><th>a</th><th>b</th><th>c</th></tr>"
                               "<tr><td>1</td><td><b>2</b></td><td><a href=\"/3\">3</a></td></tr>"
                               "</table>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("a | b | c", "1 | 2 | 3"));
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_TABLE_ROW);
  assert_int_equal(page->blocks[1].kind, WN_BLOCK_TABLE_ROW);
}

/*
 * Cells padded with whitespace, as nearly every hand-written or templated
 * table has, must still give one space on each side of the separator.
 */
static void test_data_row_with_padded_cells(void **state) {
  wn_page *page = parse(state, "<table>\n <tr>\n  <td> a </td>\n  <td>\n   b\n  </td>\n"
                               "  <td>c</td>\n </tr>\n</table>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("a | b | c"));
}

static void test_layout_table_is_not_joined(void **state) {
  wn_page *page = parse(state, "<table><tr><td><p>left column text</p></td>"
                               "<td><div>right column text</div></td></tr></table>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("left column text", "right column text"));
  for (size_t i = 0; i < page->block_count; i++) {
    assert_int_not_equal(page->blocks[i].kind, WN_BLOCK_TABLE_ROW);
    assert_null(strstr(page->blocks[i].text, " | "));
  }
}

/* An old page's layout: a menu cell beside a cell of paragraphs written
 * with <p> inside a <font> is no data row. */
static void test_layout_row_of_inline_markup_is_not_joined(void **state) {
  wn_page *page = parse(state, "<table><tr><td>Menu</td><td><font><p>one</p><p>two</p></font></td></tr>"
                               "<tr><td>1<br>2</td><td>3</td></tr></table>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("Menu", "one", "two", "1\n2 | 3"));
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_PARAGRAPH);
  assert_int_equal(page->blocks[3].kind, WN_BLOCK_TABLE_ROW);
}

/* A long text in one cell beside a cell of links is a page's column beside
 * its menu; a long cell beside plain data stays a row. */
static void test_long_cell_beside_a_menu_is_layout(void **state) {
  char html[2048];
  const char *prose = "The band formed in 1994 when the guitarist answered an advert placed by the "
                      "singer in a record shop. Their first album, recorded in a converted barn over "
                      "two weeks, sold out its first pressing within a month. They split in 2003 "
                      "and reformed for a run of reunion concerts in 2015, playing the old songs to "
                      "full houses in the same small clubs where they had started, and then they "
                      "recorded a fourth album.";
  snprintf(html, sizeof html,
           "<table><tr><td><a href='/a'>News</a><br><a href='/b'>Photos</a><br><a href='/c'>Links"
           "</a></td><td><font>%s</font></td></tr><tr><td>1994</td><td>%s</td></tr></table>",
           prose, prose);
  wn_page *page = parse(state, html);
  assert_well_formed(page);
  assert_int_equal(page->block_count, 3);
  assert_string_equal(page->blocks[0].text, "News\nPhotos\nLinks");
  assert_int_equal(page->blocks[1].kind, WN_BLOCK_PARAGRAPH);
  assert_int_equal(page->blocks[2].kind, WN_BLOCK_TABLE_ROW);
  assert_int_equal(strncmp(page->blocks[2].text, "1994 | The band", 15), 0);
}

/* Two long texts side by side are a page's columns (its story beside a
 * column of other stories' blurbs), not two data of one row. */
static void test_two_long_cells_are_layout(void **state) {
  char html[2048];
  const char *story = "The band formed in 1994 when the guitarist answered an advert placed by the "
                      "singer in a record shop. Their first album, recorded in a converted barn over "
                      "two weeks, sold out its first pressing within a month.<br><br>They split in 2003 "
                      "and reformed for a run of reunion concerts in 2015, playing the old songs to "
                      "full houses in the same small clubs where they had started, and then "
                      "they recorded a fourth album in the barn where they made the first.";
  const char *others = "<b>More stories</b><br><a href='/1'>A choir of two hundred sang in the rain at "
                       "the opening of the new bridge, and the mayor said it had been worth the wait "
                       "of eleven years</a><br><a href='/2'>The last tram ran on the old line on Sunday "
                       "night, its driver the same man who drove the first one fifty years ago</a><br><a href='/3'>"
                       "Snow closed the pass for a week, and the farmers above it were fed by "
                       "helicopter until the ploughs came up from the valley on Saturday</a>";
  snprintf(html, sizeof html, "<table><tr><td>%s</td><td>%s</td></tr></table>", story, others);
  wn_page *page = parse(state, html);
  assert_well_formed(page);
  assert_int_equal(page->block_count, 2);
  assert_int_equal(page->blocks[0].kind, WN_BLOCK_PARAGRAPH);
  assert_int_equal(strncmp(page->blocks[0].text, "The band formed", 15), 0);
  assert_int_equal(strncmp(page->blocks[1].text, "More stories", 12), 0);
}

/* An old layout's narrow column of links or notices beside the content's
 * cell is the page's side column; a narrow cell of one datum in a wider
 * table is not. */
static void test_narrow_layout_column_is_a_sidebar(void **state) {
  wn_page *page = parse(state,
      "<table><tr><td id='menu' width='140'><a href='/a'>History</a><br><a href='/b'>Fixtures</a>"
      "<br><a href='/c'>Teams</a></td><td id='text'><p>The club was formed in 1921.</p></td>"
      "<td id='news' width='18%'><p>AGM on Friday.</p><p>Nets open on Tuesday.</p>"
      "<p>New kit has arrived.</p></td></tr></table>"
      "<table><tr><td><p>Scale</p></td><td>Remote head scale</td><td id='weight' width='20%'>"
      "400 lbs</td><td id='price' width='20%'>$294.95</td></tr></table>");
  assert_well_formed(page);
  assert_true(element_by_id(page, "menu")->flags & WN_EL_ASIDE);
  assert_true(element_by_id(page, "news")->flags & WN_EL_ASIDE);
  assert_false(element_by_id(page, "text")->flags & WN_EL_ASIDE);
  assert_false(element_by_id(page, "weight")->flags & WN_EL_ASIDE);
  assert_false(element_by_id(page, "price")->flags & WN_EL_ASIDE);
}

/* ---- what is never text ------------------------------------------------ */

static void test_non_text_elements_are_skipped(void **state) {
  wn_page *page = parse(state,
                        "<p>visible one</p>"
                        "<script>var secretScript = 1;</script>"
                        "<style>.secretStyle { color: red }</style>"
                        "<template><p>secretTemplate</p></template>"
                        "<svg><text>secretSvg</text><title>secretSvgTitle</title></svg>"
                        "<p>visible <button>secretButton</button>two</p>"
                        "<select><option>secretOption</option></select>"
                        "<textarea>secretTextarea</textarea>"
                        "<p>visible three</p>");
  assert_well_formed(page);
  const char *secrets[] = {"secret", "Script", "Style", "Template", "Svg", "Button",
                           "Option", "Textarea", NULL};
  for (int i = 0; secrets[i]; i++) assert_false(any_block_has(page, secrets[i]));
  assert_true(any_block_has(page, "visible one"));
  assert_true(any_block_has(page, "visible three"));
  assert_true(any_block_has(page, "visible two"));
}

/* A wiki's "[edit]" link beside a section heading is a control. */
static void test_wiki_edit_links_are_skipped(void **state) {
  wn_page *page = parse(state,
                        "<h2><span class=\"mw-headline\">Breeding</span><span class=\"mw-editsection\">"
                        "<span class=\"mw-editsection-bracket\">[</span><a href=\"/w?action=edit\">edit"
                        "</a>]</span></h2><h3>Range <span class=\"editsection\">[<a href=\"/e\">edit</a>]"
                        "</span></h3><p>text</p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("Breeding", "Range", "text"));
}

/* A ruby reading is skipped without splitting its word; a form control
 * between two words still separates them. */
static void test_ruby_readings_do_not_split_words(void **state) {
  wn_page *page = parse(state,
                        "<p><ruby>\xe5\xad\x90<rt>\xe3\x81\x93</rt></ruby>\xe3\x81\xa9\xe3\x82\x82"
                        "<ruby>\xe6\xbc\xa2<rp>(</rp><rt>\xe3\x81\x8b\xe3\x82\x93</rt><rp>)</rp>"
                        "</ruby>\xe5\xad\x97</p><p>Email<input>Password</p>");
  assert_well_formed(page);
  /* 子ども, 漢字 */
  assert_blocks(page, BLOCKS("\xe5\xad\x90\xe3\x81\xa9\xe3\x82\x82\xe6\xbc\xa2\xe5\xad\x97",
                             "Email Password"));
}

static const char LONG_PROSE[] =
    "<p>This long paragraph is the main text of the page. It runs on for several "
    "sentences, so that any small hidden element is a tiny share of the page, and "
    "the cleaner can safely honour the markup that hides it from readers.</p>";

static void test_small_hidden_subtrees_are_skipped(void **state) {
  char html[2048];
  snprintf(html, sizeof html,
           "%s<div hidden>hiddenAttr</div>"
           "<div style=\"color: red; DISPLAY : none\">displayNone</div>"
           "<p style=\"visibility:hidden\">visibilityHidden</p>"
           "<span aria-hidden=\"true\">ariaHidden</span>"
           "<span class=\"icon sr-only\">srOnly</span>"
           "<div aria-hidden=\"false\">ariaShown</div>"
           "<div popover id=\"tip\">popoverClosed</div>"
           "<section role=\"tabpanel\" hidden>otherTab</section>"
           "<div hidden id=\"S:3\">streamedSegment</div>"
           "<div hidden id=\"S:x\">notASegment</div>",
           LONG_PROSE);
  wn_page *page = parse(state, html);
  assert_well_formed(page);
  assert_true(any_block_has(page, "main text of the page"));
  assert_false(any_block_has(page, "hiddenAttr"));
  assert_false(any_block_has(page, "displayNone"));
  assert_false(any_block_has(page, "visibilityHidden"));
  assert_false(any_block_has(page, "ariaHidden"));
  assert_false(any_block_has(page, "srOnly"));
  assert_true(any_block_has(page, "ariaShown"));
  assert_false(any_block_has(page, "popoverClosed"));
  assert_true(any_block_has(page, "otherTab"));        /* a tab the reader may pick */
  assert_true(any_block_has(page, "streamedSegment")); /* moved into place by a script */
  assert_false(any_block_has(page, "notASegment"));
}

static void test_hidden_element_holding_most_text_is_kept(void **state) {
  char html[2048];
  snprintf(html, sizeof html, "<p>short visible note</p><div hidden>%s</div>", LONG_PROSE);
  wn_page *page = parse(state, html);
  assert_well_formed(page);
  assert_true(any_block_has(page, "short visible note"));
  assert_true(any_block_has(page, "main text of the page"));
}

static void test_aria_hidden_holding_most_text_is_kept(void **state) {
  char html[2048];
  snprintf(html, sizeof html,
           "<div aria-hidden=\"true\">%s</div><div role=\"dialog\">Subscribe now</div>",
           LONG_PROSE);
  wn_page *page = parse(state, html);
  assert_well_formed(page);
  assert_true(any_block_has(page, "main text of the page"));
}

static void test_small_noscript_is_skipped(void **state) {
  char html[2048];
  snprintf(html, sizeof html, "%s<noscript><p>Please enable JavaScript.</p></noscript>",
           LONG_PROSE);
  wn_page *page = parse(state, html);
  assert_well_formed(page);
  assert_true(any_block_has(page, "main text of the page"));
  assert_false(any_block_has(page, "JavaScript"));
}

static void test_noscript_holding_most_text_is_kept(void **state) {
  char html[2048];
  snprintf(html, sizeof html, "<p>Loading the thread</p><noscript>%s</noscript>", LONG_PROSE);
  wn_page *page = parse(state, html);
  assert_well_formed(page);
  assert_true(any_block_has(page, "main text of the page"));
}

/* ---- links --------------------------------------------------------------- */

static void test_link_chars_count_text_in_links_with_href(void **state) {
  wn_page *page = parse(state, "<p>Read <a href=\"/x\">more here</a> now <a>plain</a>.</p>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("Read more here now plain."));
  const wn_block *b = &page->blocks[0];
  assert_int_equal(b->chars, 21);     /* spaces excluded */
  assert_int_equal(b->link_chars, 8); /* "more here" without its space */
  assert_int_equal(b->card_link_chars, 0);
}

static void test_link_chars_count_code_points_not_bytes(void **state) {
  wn_page *page = parse(state, "<p><a href=\"/c\">caf\xc3\xa9 \xe6\x97\xa5</a> x</p>");
  assert_well_formed(page);
  const wn_block *b = &page->blocks[0];
  assert_int_equal(b->chars, 6);
  assert_int_equal(b->link_chars, 5);
}

static void test_whole_link_paragraph_is_not_a_card(void **state) {
  wn_page *page = parse(state, "<ul><li><a href=\"/a\">Home</a></li></ul>"
                               "<p><a href=\"/b\">All link</a></p>");
  assert_well_formed(page);
  for (size_t i = 0; i < page->block_count; i++) {
    assert_int_equal(page->blocks[i].link_chars, page->blocks[i].chars);
    assert_int_equal(page->blocks[i].card_link_chars, 0);
  }
}

static void test_card_link_wraps_whole_blocks(void **state) {
  wn_page *page = parse(state, "<div class=\"grid\"><a href=\"/story\"><div class=\"card\">"
                               "<h3>Title</h3><p>Teaser text</p></div></a></div>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("Title", "Teaser text"));
  const wn_block *h = &page->blocks[0];
  const wn_block *p = &page->blocks[1];
  assert_int_equal(h->kind, WN_BLOCK_HEADING);
  assert_int_equal(h->heading_level, 3);
  assert_int_equal(h->link_chars, 5);
  assert_int_equal(h->card_link_chars, 5);
  assert_int_equal(p->link_chars, 10);
  assert_int_equal(p->card_link_chars, 10);
}

/* A teaser's title and its "more" link lead to one page: their hashes
 * match; a link within the page has none. */
static void test_first_and_last_links_of_a_block(void **state) {
  wn_page *page = parse(state, "<dl><dt><a href=\"/story/1\">Storm closes road</a></dt>"
                               "<dd>Trees fell overnight. <a href=\"/other\">Map</a> "
                               "<a href=\" /story/1\">more</a></dd>"
                               "<dd><a href=\"#top\">Back up</a> to the top</dd></dl>");
  assert_well_formed(page);
  assert_blocks(page, BLOCKS("Storm closes road", "Trees fell overnight. Map more",
                             "Back up to the top"));
  const wn_block *title = &page->blocks[0], *blurb = &page->blocks[1], *back = &page->blocks[2];
  assert_int_equal(title->lead_link_chars, title->chars);
  assert_int_equal(title->first_link, title->last_link);
  assert_int_equal(blurb->lead_link_chars, 0);
  assert_true(blurb->first_link != blurb->last_link);
  uint64_t story = page->elements[title->first_link].href_hash;
  assert_true(story != 0);
  assert_true(page->elements[blurb->first_link].href_hash != story);
  assert_true(page->elements[blurb->last_link].href_hash == story);
  assert_int_equal(back->lead_link_chars, 6); /* "Back up" */
  assert_true(page->elements[back->first_link].href_hash == 0);
}

/* ---- element cues -------------------------------------------------------- */

static void test_tag_flags(void **state) {
  wn_page *page = parse(state,
                        "<header id=\"h\">h</header><nav id=\"n\">n</nav>"
                        "<main id=\"m\"><article id=\"a\"><p id=\"p\">p</p></article></main>"
                        "<aside id=\"s\">s</aside><footer id=\"f\">f</footer>"
                        "<form id=\"fo\">fo</form><figure id=\"fi\">fi</figure>"
                        "<ul id=\"ul\"><li>li</li></ul><table id=\"t\"><tr><td>t</td></tr></table>"
                        "<blockquote id=\"q\">q</blockquote><h2 id=\"h2\">h2</h2>");
  assert_int_equal(element_by_id(page, "h")->flags, WN_EL_HEADER);
  assert_int_equal(element_by_id(page, "n")->flags, WN_EL_NAV);
  assert_int_equal(element_by_id(page, "m")->flags, WN_EL_MAIN);
  assert_int_equal(element_by_id(page, "a")->flags, WN_EL_ARTICLE);
  assert_int_equal(element_by_id(page, "p")->flags, 0);
  assert_int_equal(element_by_id(page, "p")->inherited, WN_EL_MAIN | WN_EL_ARTICLE);
  assert_int_equal(element_by_id(page, "s")->flags, WN_EL_ASIDE);
  assert_int_equal(element_by_id(page, "f")->flags, WN_EL_FOOTER);
  assert_int_equal(element_by_id(page, "fo")->flags, WN_EL_FORM);
  assert_int_equal(element_by_id(page, "fi")->flags, WN_EL_FIGURE);
  assert_int_equal(element_by_id(page, "ul")->flags, WN_EL_LIST);
  assert_int_equal(element_by_id(page, "t")->flags, WN_EL_TABLE);
  assert_int_equal(element_by_id(page, "q")->flags, WN_EL_BLOCKQUOTE);
  assert_int_equal(element_by_id(page, "h2")->flags, WN_EL_HEADING);
}

static void test_picture_box_is_a_figure_but_icon_box_is_not(void **state) {
  wn_page *page = parse(state,
                        "<div id=\"photo\"><img src=\"/p/barn.jpg?w=640\"><p>The barn</p></div>"
                        "<div id=\"tick\"><img src=\"/i/check.SVG?v=2\"><p>Free returns</p></div>"
                        "<div id=\"bare\"><img><p>No source</p></div>"
                        "<a id=\"thumb\" href=\"/next\"><img src=\"/p/next.webp\"></a>"
                        "<div id=\"card\"><img src=\"/t/1.jpg\"><b>A</b><i>B</i><p>C</p></div>");
  const unsigned picture = WN_EL_PICTURE | WN_EL_IMAGE;
  assert_int_equal(element_by_id(page, "photo")->flags, WN_EL_FIGURE | picture);
  assert_int_equal(element_by_id(page, "tick")->flags, 0);
  assert_int_equal(element_by_id(page, "bare")->flags, WN_EL_FIGURE | picture);
  /* A linked thumbnail is a picture, not a figure with a caption. */
  assert_int_equal(element_by_id(page, "thumb")->flags, picture);
  /* A teaser card holds an image beside much else: not a figure. */
  assert_int_equal(element_by_id(page, "card")->flags, WN_EL_IMAGE);
}

static void test_role_and_aria_flags(void **state) {
  wn_page *page = parse(state,
                        "<div id=\"n\" role=\"navigation\">n</div>"
                        "<div id=\"f\" role=\"contentinfo\">f</div>"
                        "<div id=\"b\" role=\"banner\">b</div>"
                        "<div id=\"c\" role=\"complementary\">c</div>"
                        "<div id=\"m\" role=\"MAIN\">m</div>"
                        "<div id=\"d\" role=\"dialog\">d</div>"
                        "<div id=\"ad\" role=\"alertdialog\">ad</div>"
                        "<div id=\"am\" aria-modal=\"true\">am</div>"
                        "<div id=\"amf\" aria-modal=\"false\">amf</div>"
                        "<dialog id=\"dt\" open>dt</dialog>");
  assert_true(element_by_id(page, "n")->flags & WN_EL_NAV);
  assert_true(element_by_id(page, "f")->flags & WN_EL_FOOTER);
  assert_true(element_by_id(page, "b")->flags & WN_EL_HEADER);
  assert_true(element_by_id(page, "c")->flags & WN_EL_ASIDE);
  assert_true(element_by_id(page, "m")->flags & WN_EL_MAIN);
  assert_true(element_by_id(page, "d")->flags & WN_EL_DIALOG);
  assert_true(element_by_id(page, "ad")->flags & WN_EL_DIALOG);
  assert_true(element_by_id(page, "am")->flags & WN_EL_DIALOG);
  assert_false(element_by_id(page, "amf")->flags & WN_EL_DIALOG);
  assert_true(element_by_id(page, "dt")->flags & WN_EL_DIALOG);
}

static void test_class_and_id_name_flags(void **state) {
  wn_page *page = parse(state,
                        "<div id=\"s1\" class=\"sidebar\">x</div>"
                        "<div id=\"s2\" class=\"col mainSidebar\">x</div>"
                        "<div id=\"sh\" class=\"share-buttons\">x</div>"
                        "<div id=\"cl\" class=\"comment-list\">x</div>"
                        "<div id=\"bc\" class=\"breadcrumb\">x</div>"
                        "<div id=\"ck\" class=\"cookie-banner\">x</div>"
                        "<div id=\"ft\" class=\"site-footer\">x</div>"
                        "<div id=\"ar\" class=\"article-body\">x</div>"
                        "<div id=\"comments\">x</div>"
                        "<div id=\"plain\" class=\"wrapper col-8\">x</div>"
                        "<div id=\"seo\" class=\"field-seofootercopy\">x</div>"
                        "<div id=\"rv\" class=\"yotpo-main-widget\">x</div>"
                        "<div id=\"sig\" class=\"ipsEntry__signature\">x</div>"
                        "<div id=\"sim\" class=\"block--similarContents\">x</div>"
                        "<p id=\"by\" class=\"article__signature\">x</p>"
                        "<div id=\"fc\" class=\"facets-container\">x</div>"
                        "<div id=\"fr\" class=\"facet-row\">x</div>"
                        "<div id=\"op\" class=\"news subjective commentary\">x</div>"
                        "<div id=\"cc\" class=\"commentary comment-count\">x</div>");
  assert_true(element_by_id(page, "s1")->flags & WN_EL_ASIDE);
  assert_true(element_by_id(page, "s2")->flags & WN_EL_ASIDE);
  assert_true(element_by_id(page, "sh")->flags & WN_EL_NEGATIVE_NAME);
  assert_true(element_by_id(page, "cl")->flags & WN_EL_COMMENTS);
  assert_true(element_by_id(page, "bc")->flags & WN_EL_NAV);
  assert_true(element_by_id(page, "ck")->flags & WN_EL_DIALOG);
  assert_true(element_by_id(page, "ft")->flags & WN_EL_FOOTER);
  assert_true(element_by_id(page, "ar")->flags & WN_EL_POSITIVE_NAME);
  assert_true(element_by_id(page, "comments")->flags & WN_EL_COMMENTS); /* id counts too */
  assert_int_equal(element_by_id(page, "plain")->flags, 0);
  /* A category's text named for search engines is prose, "footer" or not. */
  assert_true(element_by_id(page, "seo")->flags & WN_EL_POSITIVE_NAME);
  assert_false(element_by_id(page, "seo")->flags & WN_EL_FOOTER);
  assert_true(element_by_id(page, "rv")->flags & WN_EL_COMMENTS); /* a review widget */
  assert_true(element_by_id(page, "rv")->flags & WN_EL_REVIEWS);
  assert_false(element_by_id(page, "cl")->flags & WN_EL_REVIEWS);
  assert_true(element_by_id(page, "sig")->flags & WN_EL_NEGATIVE_NAME); /* a poster's signature */
  assert_true(element_by_id(page, "sim")->flags & WN_EL_NEGATIVE_NAME); /* similar threads */
  assert_false(element_by_id(page, "by")->flags & WN_EL_NEGATIVE_NAME); /* a byline */
  assert_true(element_by_id(page, "fc")->flags & WN_EL_NAV); /* a shop's filter panel */
  assert_int_equal(element_by_id(page, "fr")->flags, 0);      /* a theme's layout row */
  assert_false(element_by_id(page, "op")->flags & WN_EL_COMMENTS); /* an opinion piece */
  assert_true(element_by_id(page, "cc")->flags & WN_EL_COMMENTS);
}

/* "=ad" must match a whole class or id, not a piece of one. */
static void test_whole_name_patterns(void **state) {
  wn_page *page = parse(state,
                        "<div id=\"a1\" class=\"ad\">x</div>"
                        "<div id=\"a2\" class=\"box  ad\">x</div>"
                        "<div id=\"a3\" class=\"AD\">x</div>"
                        "<div id=\"n1\" class=\"lead-ad-text\">x</div>"
                        "<div id=\"n2\" class=\"shadow\">x</div>"
                        "<div id=\"n3\" class=\"header-ad\">x</div>"
                        "<div id=\"w1\" class=\"nav\">x</div>"
                        "<div id=\"w2\" class=\"canvas-navy\">x</div>");
  assert_true(element_by_id(page, "a1")->flags & WN_EL_NEGATIVE_NAME);
  assert_true(element_by_id(page, "a2")->flags & WN_EL_NEGATIVE_NAME);
  assert_true(element_by_id(page, "a3")->flags & WN_EL_NEGATIVE_NAME);
  /* No other cue matches these, so the flag could only come from "=ad". */
  assert_false(element_by_id(page, "n1")->flags & WN_EL_NEGATIVE_NAME);
  assert_false(element_by_id(page, "n2")->flags & WN_EL_NEGATIVE_NAME);
  assert_false(element_by_id(page, "n3")->flags & WN_EL_NEGATIVE_NAME);
  assert_true(element_by_id(page, "w1")->flags & WN_EL_NAV);
  assert_false(element_by_id(page, "w2")->flags & WN_EL_NAV);
}

static void test_header_inside_article_is_not_site_header(void **state) {
  wn_page *page = parse(state,
                        "<header id=\"site\"><p>Site</p></header>"
                        "<article><header id=\"ah\"><h1 id=\"h1\">Headline</h1></header>"
                        "<p>Body</p></article>"
                        "<main><header id=\"mh\">Section head</header></main>");
  const wn_element *site = element_by_id(page, "site");
  assert_true(site->flags & WN_EL_HEADER);
  assert_true(site->inherited & WN_EL_HEADER);
  const wn_element *ah = element_by_id(page, "ah");
  assert_false(ah->flags & WN_EL_HEADER);
  assert_false(ah->inherited & WN_EL_HEADER);
  assert_true(ah->inherited & WN_EL_ARTICLE);
  assert_false(element_by_id(page, "h1")->inherited & WN_EL_HEADER);
  assert_false(element_by_id(page, "mh")->flags & WN_EL_HEADER);
}

static void test_inherited_flags_accumulate(void **state) {
  wn_page *page = parse(state, "<footer><div class=\"social\"><ul><li id=\"li\">x</li></ul>"
                               "</div></footer>");
  const wn_element *li = element_by_id(page, "li");
  assert_int_equal(li->flags, 0);
  assert_true(li->inherited & WN_EL_FOOTER);
  assert_true(li->inherited & WN_EL_NEGATIVE_NAME);
  assert_true(li->inherited & WN_EL_LIST);
  /* The element chain up from the li reaches the root at depth 0. */
  int e = (int)(li - page->elements);
  int steps = 0;
  while (page->elements[e].parent >= 0) {
    assert_int_equal(page->elements[e].depth, page->elements[page->elements[e].parent].depth + 1);
    e = page->elements[e].parent;
    steps++;
  }
  assert_int_equal(page->elements[e].depth, 0);
  assert_int_equal(li->depth, steps);
}

static void test_block_owner_is_nearest_block_element(void **state) {
  wn_page *page = parse(state, "<div id=\"d\">lead <span>in</span><p id=\"p\">para <b>x</b></p>"
                               "tail</div>");
  assert_blocks(page, BLOCKS("lead in", "para x", "tail"));
  const wn_element *d = element_by_id(page, "d");
  const wn_element *p = element_by_id(page, "p");
  assert_ptr_equal(&page->elements[page->blocks[0].owner], d);
  assert_ptr_equal(&page->elements[page->blocks[1].owner], p);
  assert_ptr_equal(&page->elements[page->blocks[2].owner], d);
}

/* ---- head metadata ------------------------------------------------------- */

static void test_head_metadata(void **state) {
  wn_page *page = parse(state,
                        "<!DOCTYPE html><html lang=\"de-AT\"><head>"
                        "<title>\n  Bees   in\twinter | Garden  </title>"
                        "<meta property=\"og:title\" content=\"Bees in winter\">"
                        "<meta name=\"twitter:title\" content=\"Twitter title\">"
                        "<meta property=\"og:site_name\" content=\"Garden\">"
                        "</head><body><p>x</p></body></html>");
  assert_non_null(page->html_title);
  assert_string_equal(page->html_title, "Bees in winter | Garden");
  assert_non_null(page->og_title);
  assert_string_equal(page->og_title, "Bees in winter"); /* the first one wins */
  assert_non_null(page->og_site_name);
  assert_string_equal(page->og_site_name, "Garden");
  assert_non_null(page->lang);
  assert_string_equal(page->lang, "de-AT");
  /* Head text never becomes a block. */
  assert_blocks(page, BLOCKS("x"));
}

static void test_head_metadata_absent(void **state) {
  wn_page *page = parse(state, "<p>only body</p>");
  assert_null(page->og_title);
  assert_null(page->og_site_name);
  assert_null(page->lang);
  assert_true(page->html_title == NULL || page->html_title[0] == '\0');
}

/* ---- counts -------------------------------------------------------------- */

static void test_word_char_and_punctuation_counts(void **state) {
  wn_page *page = parse(state, "<p>Hello, world. How are you? Fine; thanks: yes!</p>");
  const wn_block *b = &page->blocks[0];
  assert_int_equal(b->words, 8);
  assert_int_equal(b->chars, 38); /* 45 bytes minus 7 spaces */
  assert_int_equal(b->punctuation, 6);
  assert_int_equal(b->cjk_chars, 0);
  assert_int_equal(b->link_chars, 0);
}

static void test_non_ascii_letters_count_once(void **state) {
  /* "Grüße aus Köln" */
  wn_page *page = parse(state, "<p>Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6ln</p>");
  const wn_block *b = &page->blocks[0];
  assert_int_equal(b->words, 3);
  assert_int_equal(b->chars, 12);
  assert_int_equal(b->cjk_chars, 0);
}

static void test_cjk_counts(void **state) {
  /* 日本語のテキスト。abc — 8 CJK characters, a CJK full stop, 3 Latin letters. */
  wn_page *page = parse(state, "<p>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
                               "\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88"
                               "\xe3\x80\x82" "abc</p>"
                               "<p>\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4</p>"); /* 한국어 */
  const wn_block *ja = &page->blocks[0];
  assert_int_equal(ja->cjk_chars, 8);
  assert_int_equal(ja->chars, 12);
  assert_int_equal(ja->punctuation, 1);
  assert_int_equal(ja->words, 9); /* one per CJK character, plus "abc" */
  const wn_block *ko = &page->blocks[1];
  assert_int_equal(ko->cjk_chars, 3);
  assert_int_equal(ko->chars, 3);
}

static void test_body_text_chars_sums_blocks(void **state) {
  wn_page *page = parse(state, "<p>abc def</p><ul><li>gh</li></ul><script>zzzz</script>");
  assert_int_equal(page->body_text_chars, 8);
}

/* ---- robustness ---------------------------------------------------------- */

static void test_empty_document(void **state) {
  wn_page *page = parse(state, "");
  assert_int_equal(page->block_count, 0);
  assert_true(page->element_count >= 1); /* the html element Gumbo always makes */
  assert_int_equal(page->body_text_chars, 0);
}

/*
 * A synthetic tree: html > body > div x depth > p > text. Built by hand
 * because Gumbo 0.10.1 needs time quadratic in the depth to parse such a
 * string (about 40 s for 100,000 levels); the segmenter is what is under test.
 */
typedef struct deep_tree {
  GumboNode *nodes; /* [0] html, [1] body, [2..depth+1] divs, then p, then text */
  void **slots;     /* each element's single child */
  GumboOutput output;
} deep_tree;

static void deep_tree_build(deep_tree *t, size_t depth, const char *text) {
  size_t elements = depth + 3; /* html, body, divs, p */
  t->nodes = calloc(elements + 1, sizeof *t->nodes);
  t->slots = calloc(elements, sizeof *t->slots);
  assert_non_null(t->nodes);
  assert_non_null(t->slots);
  for (size_t i = 0; i < elements; i++) {
    GumboNode *n = &t->nodes[i];
    n->type = GUMBO_NODE_ELEMENT;
    n->parent = i ? &t->nodes[i - 1] : NULL;
    n->index_within_parent = 0;
    n->v.element.tag = i == 0 ? GUMBO_TAG_HTML
                       : i == 1 ? GUMBO_TAG_BODY
                       : i == elements - 1 ? GUMBO_TAG_P
                                           : GUMBO_TAG_DIV;
    n->v.element.tag_namespace = GUMBO_NAMESPACE_HTML;
    t->slots[i] = &t->nodes[i + 1];
    n->v.element.children.data = &t->slots[i];
    n->v.element.children.length = 1;
    n->v.element.children.capacity = 1;
  }
  GumboNode *leaf = &t->nodes[elements];
  leaf->type = GUMBO_NODE_TEXT;
  leaf->parent = &t->nodes[elements - 1];
  leaf->v.text.text = text;
  memset(&t->output, 0, sizeof t->output);
  t->output.root = &t->nodes[0];
  t->output.document = NULL;
}

static void deep_tree_free(deep_tree *t) {
  free(t->nodes);
  free(t->slots);
}

static void test_deep_nesting_does_not_overflow(void **state) {
  (void)state;
  const size_t depth = 100000;
  deep_tree t;
  deep_tree_build(&t, depth, "Deep inside the page there is still a sentence.");
  wn_page page;
  wn_segment(&t.output, &page);
  assert_int_equal(page.element_count, depth + 3);
  assert_int_equal(page.block_count, 1);
  assert_string_equal(page.blocks[0].text, "Deep inside the page there is still a sentence.");
  assert_int_equal(page.elements[page.blocks[0].owner].depth, (int)depth + 2);
  wn_page_free(&page);
  deep_tree_free(&t);
}

/* The same through the real parser, as a string built here. */
static void test_deep_nesting_parsed(void **state) {
  const char *slow = getenv("WINNOW_SLOW_TESTS");
  const size_t depth = slow && *slow ? 100000 : 5000;
  size_t cap = depth * 11 + 256;
  char *html = malloc(cap);
  assert_non_null(html);
  char *p = html;
  p += sprintf(p, "<html><body>");
  for (size_t i = 0; i < depth; i++) p += sprintf(p, "<div>");
  p += sprintf(p, "<p>Deep text.</p>");
  for (size_t i = 0; i < depth; i++) p += sprintf(p, "</div>");
  sprintf(p, "</body></html>");
  wn_page *page = parse(state, html);
  free(html);
  assert_int_equal(page->block_count, 1);
  assert_string_equal(page->blocks[0].text, "Deep text.");
  assert_true(page->element_count >= depth + 3);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_paragraph_and_div_boundaries),
      T(test_inline_tags_do_not_split_blocks),
      T(test_list_items),
      T(test_headings_carry_their_level),
      T(test_custom_elements_inside_text_are_inline),
      T(test_role_heading_is_a_heading),
      T(test_machine_text_is_measured),
      T(test_disclosure_links_are_not_link_text),
      T(test_blockquote_text_is_a_quote),
      T(test_br_is_a_newline_inside_the_block),
      T(test_double_br_is_a_paragraph_break),
      T(test_br_at_block_edges_adds_nothing),
      T(test_pre_keeps_newlines_and_indentation),
      T(test_pre_with_inline_code_and_leading_indent),
      T(test_whitespace_collapsed),
      T(test_empty_blocks_are_not_emitted),
      T(test_data_row_is_one_block),
      T(test_data_row_with_padded_cells),
      T(test_layout_table_is_not_joined),
      T(test_layout_row_of_inline_markup_is_not_joined),
      T(test_long_cell_beside_a_menu_is_layout),
      T(test_two_long_cells_are_layout),
      T(test_narrow_layout_column_is_a_sidebar),
      T(test_non_text_elements_are_skipped),
      T(test_wiki_edit_links_are_skipped),
      T(test_ruby_readings_do_not_split_words),
      T(test_small_hidden_subtrees_are_skipped),
      T(test_hidden_element_holding_most_text_is_kept),
      T(test_aria_hidden_holding_most_text_is_kept),
      T(test_small_noscript_is_skipped),
      T(test_noscript_holding_most_text_is_kept),
      T(test_link_chars_count_text_in_links_with_href),
      T(test_link_chars_count_code_points_not_bytes),
      T(test_whole_link_paragraph_is_not_a_card),
      T(test_card_link_wraps_whole_blocks),
      T(test_first_and_last_links_of_a_block),
      T(test_tag_flags),
      T(test_picture_box_is_a_figure_but_icon_box_is_not),
      T(test_role_and_aria_flags),
      T(test_class_and_id_name_flags),
      T(test_whole_name_patterns),
      T(test_header_inside_article_is_not_site_header),
      T(test_inherited_flags_accumulate),
      T(test_block_owner_is_nearest_block_element),
      T(test_head_metadata),
      T(test_head_metadata_absent),
      T(test_word_char_and_punctuation_counts),
      T(test_non_ascii_letters_count_once),
      T(test_cjk_counts),
      T(test_body_text_chars_sums_blocks),
      T(test_empty_document),
      T(test_deep_nesting_does_not_overflow),
      T(test_deep_nesting_parsed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
