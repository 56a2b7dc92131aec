/* The pre-pass cuts script, style and SVG bodies and nothing else. */
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
  size_t len = wn_elide_raw_text(buf, strlen(buf));
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bodies_cut),
      cmocka_unit_test(test_what_stays),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
