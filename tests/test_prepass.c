/* The pre-pass cuts script, style and SVG bodies and nothing else, and
 * keeps a page within its budgets by dropping tags, never text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "prepass.h"

static void assert_elides(const char *in, const char *expected) {
  char *buf = strdup(in);
  size_t len = wn_prepass(buf, strlen(buf), NULL, NULL);
  assert_int_equal(len, strlen(expected));
  assert_memory_equal(buf, expected, len);
  free(buf);
}

static void test_bodies_cut(void **state) {
  (void)state;
  assert_elides("<p>a</p><script>var x = '<p>';</script><p>b</p>",
                "<p>a</p><script></script><p>b</p>");
  assert_elides("<STYLE type=text/css>p { color: red }</STYLE>x", "<STYLE type=text/css></STYLE>x");
  assert_elides("<script src=a.js></script>", "<script src=a.js></script>");
  assert_elides("<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><svg><g/></svg></svg><p>t</p>",
                "<svg viewBox=\"0 0 1 1\"></svg><p>t</p>");
  /* A script that never ends runs to the end, as the tokenizer reads it. */
  assert_elides("<p>a</p><script>x < y", "<p>a</p><script>");
  /* The end tag needs a delimiter after its name. */
  assert_elides("<script>a</scripts>b</script>c", "<script></script>c");
}

static void test_unclosed_raw_text_start_tag_goes(void **state) {
  (void)state;
  /* Browsers running scripts never parse a <noscript>'s markup; read as
   * markup, an iframe that is never closed would swallow the page. */
  assert_elides("<noscript><iframe src=x /></noscript><div>text</div>",
                "<noscript></noscript><div>text</div>");
  assert_elides("<iframe src=a><iframe src=b><p>rest</p>", "<p>rest</p>");
  /* Closed raw text stays as it is, self-closing syntax or not. */
  assert_elides("<iframe src=x /></iframe><p>t</p>", "<iframe src=x /></iframe><p>t</p>");
  assert_elides("<textarea><p>x</p></textarea>", "<textarea><p>x</p></textarea>");
  /* An unclosed JSON-LD script is a script: it is not turned into text. */
  assert_elides("<script type=application/ld+json>{}", "<script type=application/ld+json>{}");
}

static void test_what_stays(void **state) {
  (void)state;
  const char *kept[] = {
      "<script type=\"application/ld+json\">{\"author\":\"A\"}</script>",
      "<!-- <script>x</script> -->",
      "<textarea><script>not a script</script></textarea>",
      "<title>a <style> b</title>",
      "<a title=\"<script>\">x</a><p>y</p>",
      "<script><!-- document.write('<script></script>') --></script>",
      "<svg><p>breaks out</p></svg>",
      "<svg><g>unclosed",
      "<p>plain text only</p>",
      "<plaintext><script>x</script>",
      "a < b and c > d",
      "",
  };
  for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) assert_elides(kept[i], kept[i]);
}

static const size_t NONE = (size_t)-1;

/* The pre-pass with limits: output and the limits it reports reaching. */
static void assert_budget(const char *in, wn_limits limits, const char *expected,
                          unsigned expected_reached) {
  char *buf = strdup(in);
  unsigned reached = 99;
  size_t len = wn_prepass(buf, strlen(buf), &limits, &reached);
  if (len != strlen(expected) || memcmp(buf, expected, len) != 0)
    fail_msg("for %s\n got      %.*s\n expected %s", in, (int)len, buf, expected);
  assert_int_equal(reached, expected_reached);
  free(buf);
}

static void test_depth_budget(void **state) {
  (void)state;
  wn_limits three = {3, NONE, NONE, NONE};
  /* Deeper elements lose their tags (start and end), never their text. */
  assert_budget("<div><div><div><div><div>x</div></div></div></div></div><p>y</p>", three,
                "<div><div><div>x</div></div></div><p>y</p>", WN_LIMIT_DEPTH);
  /* Elements closed by their siblings or without content do not add up. */
  assert_budget("<ul><li>a<li>b<li>c<br><img src=x><p>d<p>e</ul>", three,
                "<ul><li>a<li>b<li>c<br><img src=x><p>d<p>e</ul>", 0);
  /* An end tag that closes nothing open (a stray "</span>") lowers nothing. */
  assert_budget("<div></span><div></span><div></span><div></span>x", three,
                "<div></span><div></span><div></span></span>x", WN_LIMIT_DEPTH);
  /* Nor does one whose element is outside the table it stands in. */
  assert_budget("<div><table><td></div><table><td></div><table>x", three,
                "<div><table><td></div><table><td></div>x", WN_LIMIT_DEPTH);
  /* "<div/>" opens a div in HTML; inside svg, "<g/>" opens nothing. */
  assert_budget("<div/><div/><div/><div/>x", three, "<div/><div/><div/>x", WN_LIMIT_DEPTH);
  assert_budget("<svg><g/><g/><g/><g/><p>x</p></svg>", three,
                "<svg><g/><g/><g/><g/><p>x</p></svg>", 0);
  /* Names in any case; every name the table lists is found. */
  assert_budget("<DIV><Div><dIV><div>x<P>y<BR>z", three, "<DIV><Div><dIV>x<P>y<BR>z", WN_LIMIT_DEPTH);
  assert_budget("<wbr><xmp></xmp><area><a>1<a>2<a>3<a>4", three, "<wbr><xmp></xmp><area><a>1<a>2<a>3<a>4", 0);
  /* A new link closes the last one. */
  assert_budget("<a href=1>a<a href=2>b<a href=3>c<a href=4>d", three,
                "<a href=1>a<a href=2>b<a href=3>c<a href=4>d", 0);
}

static void test_node_budget(void **state) {
  (void)state;
  wn_limits two = {NONE, 2, NONE, NONE};
  /* "</p>" and "</br>" count too: either can make an element. */
  assert_budget("<p>a</p><p>b</p><p>c</p><!--x--><br>d", two, "<p>a</p>bcd", WN_LIMIT_NODES);
  assert_budget("x</br></br></br>y", two, "x</br></br>y", WN_LIMIT_NODES);
  /* Past the budget a script goes whole: its code is not text. */
  assert_budget("<div>a</div><b>b</b><script>var s;</script>c", two, "<div>a</div><b>b</b>c",
                WN_LIMIT_NODES);
  assert_budget("<div>a</div><b>b</b>", two, "<div>a</div><b>b</b>", 0);
}

static void test_attribute_budget(void **state) {
  (void)state;
  wn_limits two = {NONE, NONE, 2, NONE};
  assert_budget("<div a=1 b='2' c=\"3>\" d>x</div>", two, "<div a=1 b='2' >x</div>",
                WN_LIMIT_ATTRIBUTES);
  assert_budget("<img a=1 b=2 c=3/>", two, "<img a=1 b=2 />", WN_LIMIT_ATTRIBUTES);
  assert_budget("<div a=1 b=2>x</div>", two, "<div a=1 b=2>x</div>", 0);
}

/* Attributes nothing reads go: scripts' data (but a lazy image's address),
 * responsive sources, event handlers; the others stay as written. */
static void test_unread_attributes_go(void **state) {
  (void)state;
  assert_elides("<div data-id=\"7\" class=\"card\" onclick=\"go(7)\">x</div>",
                "<div class=\"card\">x</div>");
  assert_elides("<img src=a.jpg srcset=\"a.jpg 1x, b.jpg 2x\" sizes=100vw data-src=b.jpg alt=\"A\">",
                "<img src=a.jpg data-src=b.jpg alt=\"A\">");
  /* After a quoted value the next attribute may follow with no space: it
   * gets one when what stood between goes. */
  assert_elides("<a href=\"x\"data-k=\"1\"title=\"t\">y</a>", "<a href=\"x\" title=\"t\">y</a>");
  assert_elides("<a data-k='>'>y</a>", "<a>y</a>");
  assert_elides("<p data=2 on=3 onload=\"f()\" ONCLICK=g()>z</p>", "<p data=2 on=3>z</p>");
}

static void test_formatting_budget(void **state) {
  (void)state;
  wn_limits two = {NONE, NONE, NONE, 2};
  assert_budget("<b><i><u><s>x</s></u></i></b>", two, "<b><i>x</s></u></i></b>",
                WN_LIMIT_FORMATTING);
  /* Closed ones no longer count. */
  assert_budget("<b>1</b><i>2</i><u>3</u><s>4</s>", two, "<b>1</b><i>2</i><u>3</u><s>4</s>", 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bodies_cut),
      cmocka_unit_test(test_unclosed_raw_text_start_tag_goes),
      cmocka_unit_test(test_what_stays),
      cmocka_unit_test(test_depth_budget),
      cmocka_unit_test(test_node_budget),
      cmocka_unit_test(test_attribute_budget),
      cmocka_unit_test(test_unread_attributes_go),
      cmocka_unit_test(test_formatting_budget),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
