/* The phrase lexicons: normalisation, lookups, the compiled tables, and the
 * consent-manager selectors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "cmp.h"
#include "lexicon.h"
#include "normalize.h"

static void assert_normalizes(const char *in, const char *expected) {
  size_t len;
  char *out = wn_normalize_phrase(in, strlen(in), &len);
  assert_string_equal(out, expected);
  assert_int_equal(len, strlen(expected));
  free(out);
}

static void test_normalize_case_and_punctuation(void **state) {
  (void)state;
  assert_normalizes("Read more »", "read more");
  assert_normalizes("  READ   MORE  ", "read more");
  assert_normalizes("Related: articles!", "related articles");
  assert_normalizes("", "");
  assert_normalizes("!!! ???", "");
}

static void test_normalize_digits_and_symbols(void **state) {
  (void)state;
  assert_normalizes("7 min read", "0 min read");
  /* Group and decimal marks between digits keep a number whole. */
  assert_normalizes("12,345 views", "0 views");
  assert_normalizes("1.234.567 Aufrufe", "0 aufrufe");
  assert_normalizes("Version 2.5, released", "version 0 released");
  assert_normalizes("In 2024. 15 people", "in 0 0 people");
  assert_normalizes("5, 6", "0 0");
  assert_normalizes("© 2025 Example Ltd", "© 0 example ltd");
  assert_normalizes("AI:n luoma kuva", "ai n luoma kuva");
}

static void test_normalize_unicode(void **state) {
  (void)state;
  /* NFKC and case folding: full-width letters, ligatures, ß, combining marks. */
  assert_normalizes("\xef\xbc\xa1\xef\xbc\xa9", "ai");            /* ＡＩ */
  assert_normalizes("\xef\xac\x81nd", "find");                    /* ﬁnd */
  assert_normalizes("STRASSE stra\xc3\x9f" "e", "strasse strasse"); /* ß folds to ss */
  assert_normalizes("Liittyva\xcc\x88t", "liittyv\xc3\xa4t");       /* a + U+0308 -> ä */
  assert_normalizes("\xc4\xb0lgili", "ilgili");                    /* Turkish İ */
  assert_normalizes("Neu\xc2\xadzeit", "neuzeit");                  /* soft hyphen */
  assert_normalizes("\xda\xa9\xd9\x88\xda\xa9\xdb\x8c\xe2\x80\x8c\xd9\x87\xd8\xa7",
                    "\xda\xa9\xd9\x88\xda\xa9\xdb\x8c \xd9\x87\xd8\xa7"); /* ZWNJ separates */
  assert_normalizes("\xd0\xa7\xd0\x98\xd0\xa2\xd0\x90\xd0\x99\xd0\xa2\xd0\x95",
                    "\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5"); /* ЧИТАЙТЕ */
}

static const wn_lex_entry *match(const char *text) {
  return wn_lexicon_match(text, strlen(text));
}

static void test_exact_hits(void **state) {
  (void)state;
  const wn_lex_entry *e = match("Related articles");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_SECTION);
  assert_string_equal(e->concept, "related");
  e = match("ÄHNLICHE ARTIKEL:");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_SECTION);
  e = match("Advertisement");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_LINE);
}

static void test_whole_phrase_only(void **state) {
  (void)state;
  /* An exact phrase must be the whole text, not a word inside a sentence. */
  assert_null(match("Related articles about the harbour were published last year"));
  assert_null(match("The advertisement ran for a week"));
  assert_null(match("Relatedness"));
}

static void test_prefix_and_suffix_hits(void **state) {
  (void)state;
  const wn_lex_entry *e = match("5 min read");
  assert_non_null(e);
  assert_int_equal(e->match, WN_LEX_SUFFIX);
  e = match("Share on Facebook");
  assert_non_null(e);
  assert_int_equal(e->match, WN_LEX_PREFIX);
  e = match("© 2024 Garden Weekly");
  assert_non_null(e);
  assert_string_equal(e->concept, "copyright");
  /* A prefix must end on a word boundary. */
  assert_null(match("Shareholders on Facebook"));
  /* Q&A counters: numbers fold to 0, so any count matches. */
  e = match("Viewed 11k times");
  assert_non_null(e);
  assert_string_equal(e->concept, "counts");
  e = match("Asked 13 years, 8 months ago");
  assert_non_null(e);
  assert_string_equal(e->concept, "counts");
  assert_null(match("Asked why she left, he smiled"));
  /* A forum poster's counters and a thread's starter line. */
  e = match("518 votes");
  assert_non_null(e);
  assert_string_equal(e->concept, "counts");
  e = match("Thread starter paulb203");
  assert_non_null(e);
  assert_string_equal(e->concept, "counts");
  e = match("Quick view");
  assert_non_null(e);
  assert_string_equal(e->concept, "shop");
  e = match("Click to expand...");
  assert_non_null(e);
  assert_string_equal(e->concept, "navigation");
  /* A pager's cells, joined by the segmenter. */
  e = match("Prev | Next");
  assert_non_null(e);
  assert_string_equal(e->concept, "navigation");
}

static void test_cjk_boundaries(void **state) {
  (void)state;
  /* Scripts without spaces match at character boundaries. */
  const wn_lex_entry *e = match("関連項目");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_SECTION);
  e = match("相关文章");
  assert_non_null(e);
}

static void test_infix_hits(void **state) {
  (void)state;
  /* An infix phrase is found anywhere in the text, on word boundaries. */
  const wn_lex_entry *e = match("Posts may contain affiliate links, thanks for reading");
  assert_non_null(e);
  assert_int_equal(e->match, WN_LEX_INFIX);
  e = match("Nie przegap nowo\xc5\x9b" "ci: zapisz si\xc4\x99 do newslettera ju\xc5\xbc dzi\xc5\x9b.");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_LINE);
  assert_string_equal(e->concept, "newsletter");
  /* Not inside a longer word. */
  assert_null(match("Odpiszzapisz si\xc4\x99 do newsletteraa"));
  /* Scanning every word start does not read past the text. */
  assert_null(match("a"));
  assert_null(match("affiliat"));
}

/* Pieces of plain ASCII take a fast path; the result is the same as the
 * Unicode path gives for the same letters. */
static void test_normalize_mixed_pieces(void **state) {
  (void)state;
  assert_normalizes("Caf\xc3\xa9 CAF\xc3\x89 cafe\xcc\x81", "caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9");
  assert_normalizes("Read\tmore\n\xc2\xbb NOW", "read more now");
  assert_normalizes("A1b2 \xef\xbc\x91\xef\xbc\x92x", "a 0 b 0 0 x");
}

/* Every table is sorted and holds only normalised phrases. */
static void test_tables_are_compiled(void **state) {
  (void)state;
  assert_true(wn_lexicon_exact_count > 100);
  assert_true(wn_lexicon_affix_count > 10);
  for (size_t i = 1; i < wn_lexicon_exact_count; i++)
    assert_true(strcmp(wn_lexicon_exact[i - 1].phrase, wn_lexicon_exact[i].phrase) < 0);
  for (size_t i = 0; i < wn_lexicon_exact_count; i++) {
    const wn_lex_entry *e = &wn_lexicon_exact[i];
    size_t len;
    char *again = wn_normalize_phrase(e->phrase, strlen(e->phrase), &len);
    assert_string_equal(again, e->phrase);
    free(again);
    assert_true((e->role >= WN_LEX_LINE && e->role <= WN_LEX_CREDIT) || e->role == WN_LEX_BUTTON);
    assert_true(strlen(e->lang) >= 2);
    /* Each entry is found by looking up its own phrase; a button's bare
     * label only as a button's. */
    if (e->role == WN_LEX_BUTTON) {
      assert_null(wn_lexicon_lookup(e->phrase, strlen(e->phrase)));
      assert_ptr_equal(wn_lexicon_match_button(e->phrase, strlen(e->phrase)), e);
    } else {
      assert_ptr_equal(wn_lexicon_lookup(e->phrase, strlen(e->phrase)), e);
    }
  }
}

/* A part of a normalised line is looked up in place: the text need not
 * end where the part does ("comments" of "comments leave a comment"). */
static void test_lookup_of_a_part_of_a_line(void **state) {
  (void)state;
  static const char LINE[] = "comments leave a comment";
  const wn_lex_entry *part = wn_lexicon_lookup(LINE, strlen("comments"));
  assert_non_null(part);
  assert_string_equal(part->phrase, "comments");
  assert_ptr_equal(part, wn_lexicon_lookup("comments", strlen("comments")));
}

static size_t languages_with_role(int role) {
  const char *seen[512];
  size_t n = 0;
  const wn_lex_entry *tables[2] = {wn_lexicon_exact, wn_lexicon_affix};
  size_t counts[2] = {wn_lexicon_exact_count, wn_lexicon_affix_count};
  for (int t = 0; t < 2; t++)
    for (size_t i = 0; i < counts[t]; i++) {
      const wn_lex_entry *e = &tables[t][i];
      if (e->role != role) continue;
      size_t j = 0;
      while (j < n && strcmp(seen[j], e->lang) != 0) j++;
      if (j == n && n < 512) seen[n++] = e->lang;
    }
  return n;
}

/* The coverage the lexicons promise: chrome and consent in 30+ languages,
 * AI labels in the 16 that a shared source (Moodle's "Generated by AI")
 * gives them in. */
static void test_every_role_has_languages(void **state) {
  (void)state;
  assert_true(languages_with_role(WN_LEX_SECTION) >= 30);
  assert_true(languages_with_role(WN_LEX_LINE) >= 30);
  assert_true(languages_with_role(WN_LEX_CONSENT) >= 30);
  assert_true(languages_with_role(WN_LEX_AI_LABEL) >= 16);
}

static void test_ai_labels_and_consent(void **state) {
  (void)state;
  const wn_lex_entry *e = match("Generated by AI");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_AI_LABEL);
  e = match("Generiert von KI");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_AI_LABEL);
  /* An exact label is the whole text, not the end of a headline. */
  assert_null(match("Half of the web is now generated by AI"));
  e = match("Accept all");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_CONSENT);
  e = match("Tämä verkkosivusto käyttää evästeitä");
  assert_non_null(e);
  assert_int_equal(e->role, WN_LEX_CONSENT);
  /* Prose that mentions cookies or AI is not a label. */
  assert_null(match("These cookies are best eaten warm"));
}

static int credit(const char *text) { return wn_lexicon_ends_with_credit(text, strlen(text), 6); }

static void test_credits(void **state) {
  (void)state;
  assert_true(credit("GdP-Vize und Tarifexperte René Klemmer. Foto: GdP/Hagen Immel"));
  assert_true(credit("Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com"));
  assert_true(credit("Harbour at dawn. Photo: Jane Doe"));
  assert_true(credit("Bei der Beckenkippung sinkt der Brustkorb ein. © Pferderevue"));
  /* A marker inside a sentence, or without the punctuation of a credit. */
  assert_false(credit("Sie zeigte mir ein Foto von ihrem Hund"));
  assert_false(credit("The photo: a study in patience and light, taken over many winters in the north"));
  assert_false(credit("Photo"));
}

static GumboOutput *parse(const char *html) { return gumbo_parse(html); }

static const GumboNode *first_div(const GumboOutput *out) {
  const GumboNode *body = out->root->v.element.children.data[1];
  return body->v.element.children.data[0];
}

static void assert_cmp(const char *html, bool expected) {
  GumboOutput *out = parse(html);
  assert_int_equal(wn_cmp_matches(first_div(out)), expected);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

static void test_consent_manager_selectors(void **state) {
  (void)state;
  assert_cmp("<div id=\"onetrust-consent-sdk\">x</div>", true);
  assert_cmp("<div id=\"CybotCookiebotDialog\">x</div>", true);
  assert_cmp("<div class=\"a qc-cmp2-container b\">x</div>", true);
  assert_cmp("<div id=\"sp_message_container_12345\">x</div>", true);
  assert_cmp("<div consent-skip-blocker=\"1\">x</div>", true);
  assert_cmp("<div id=\"content\" class=\"article-body\">x</div>", false);
  assert_cmp("<div class=\"qc-cmp2-container-not\">x</div>", false);
  assert_cmp("<div>x</div>", false);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_normalize_case_and_punctuation),
      cmocka_unit_test(test_normalize_digits_and_symbols),
      cmocka_unit_test(test_normalize_unicode),
      cmocka_unit_test(test_exact_hits),
      cmocka_unit_test(test_whole_phrase_only),
      cmocka_unit_test(test_prefix_and_suffix_hits),
      cmocka_unit_test(test_cjk_boundaries),
      cmocka_unit_test(test_infix_hits),
      cmocka_unit_test(test_normalize_mixed_pieces),
      cmocka_unit_test(test_tables_are_compiled),
      cmocka_unit_test(test_every_role_has_languages),
      cmocka_unit_test(test_ai_labels_and_consent),
      cmocka_unit_test(test_credits),
      cmocka_unit_test(test_lookup_of_a_part_of_a_line),
      cmocka_unit_test(test_consent_manager_selectors),
  };
  return cmocka_run_group_tests_name("lexicon", tests, NULL, NULL);
}
