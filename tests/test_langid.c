/* Language identification: scripts, documents, short strings, and the
 * page-level decision on foreign chrome. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "winnow.h"
#include "langid.h"

static int lang(const char *code) {
  int l = wn_lang_find(code);
  assert_true(l >= 0);
  return l;
}

static void test_codes(void **state) {
  (void)state;
  assert_true(wn_lang_table_count >= 50);
  assert_string_equal(wn_lang_code(lang("en")), "en");
  assert_string_equal(wn_lang_code(lang("pt-BR")), "pt");
  assert_string_equal(wn_lang_code(lang("zh-Hans")), "zh");
  assert_string_equal(wn_lang_code(lang("DE_de")), "de");
  assert_string_equal(wn_lang_code(lang("nb")), "no");
  assert_int_equal(wn_lang_find("xx"), -1);
  assert_int_equal(wn_lang_find("english"), -1);
  assert_int_equal(wn_lang_find(""), -1);
  assert_int_equal(wn_lang_find(NULL), -1);
  assert_string_equal(wn_lang_code(-1), "und");
}

static void test_scripts(void **state) {
  (void)state;
  assert_int_equal(wn_script_of('a'), WN_SCRIPT_LATIN);
  assert_int_equal(wn_script_of(0x00E4), WN_SCRIPT_LATIN);   /* ä */
  assert_int_equal(wn_script_of(0x0416), WN_SCRIPT_CYRILLIC); /* Ж */
  assert_int_equal(wn_script_of(0x0639), WN_SCRIPT_ARABIC);
  assert_int_equal(wn_script_of(0x05D0), WN_SCRIPT_HEBREW);
  assert_int_equal(wn_script_of(0x0915), WN_SCRIPT_DEVANAGARI);
  assert_int_equal(wn_script_of(0x0E01), WN_SCRIPT_THAI);
  assert_int_equal(wn_script_of(0x6F22), WN_SCRIPT_HAN);
  assert_int_equal(wn_script_of(0x3042), WN_SCRIPT_KANA);
  assert_int_equal(wn_script_of(0xD55C), WN_SCRIPT_HANGUL);
  assert_int_equal(wn_script_of('7'), WN_SCRIPT_OTHER);
  assert_int_equal(wn_script_of(0x00D7), WN_SCRIPT_OTHER); /* × is no letter */
  assert_true(wn_lang_writes(lang("ja"), WN_SCRIPT_HAN));
  assert_true(wn_lang_writes(lang("ja"), WN_SCRIPT_KANA));
  assert_false(wn_lang_writes(lang("zh"), WN_SCRIPT_KANA));
  assert_false(wn_lang_writes(lang("en"), WN_SCRIPT_CYRILLIC));
}

static const char *identify(const char *text) {
  return wn_lang_code(wn_lang_identify(text, strlen(text)).best);
}

static void test_documents(void **state) {
  (void)state;
  assert_string_equal(identify("The council will review the warning system next month, "
                               "with residents invited to speak at an open meeting."),
                      "en");
  assert_string_equal(identify("Der Gemeinderat wird das Warnsystem im nächsten Monat "
                               "überprüfen, und die Bürger sind zu einer Versammlung eingeladen."),
                      "de");
  assert_string_equal(identify("Kunnanvaltuusto käsittelee varoitusjärjestelmää ensi kuussa, "
                               "ja asukkaat on kutsuttu avoimeen kokoukseen."),
                      "fi");
  assert_string_equal(identify("Городской совет рассмотрит систему оповещения в следующем месяце."), "ru");
  assert_string_equal(identify("市議会は来月、警報システムを見直す予定です。"), "ja");
  assert_string_equal(identify("市议会将在下个月审查预警系统。"), "zh");
  assert_string_equal(identify("시의회는 다음 달 경보 시스템을 검토할 예정이다."), "ko");
  assert_string_equal(identify("12345 -- !!"), "und");
}

static bool foreign(const char *page_lang, const char *text) {
  return wn_lang_is_foreign(text, strlen(text), lang(page_lang), NULL);
}

static void test_short_strings(void **state) {
  (void)state;
  /* Same language stays. */
  assert_false(foreign("en", "Sign up for our newsletter today"));
  assert_false(foreign("fi", "Lue lisää tästä aiheesta"));
  /* A different script is decisive, even for one word. */
  assert_true(foreign("ja", "Share"));
  assert_true(foreign("en", "Поделиться"));
  assert_true(foreign("zh", "ファイル一覧の取得中"));
  /* Han on a Japanese page is Japanese. */
  assert_false(foreign("ja", "検索"));
  /* Same script: a clear margin for several words. */
  assert_true(foreign("en", "Tämä verkkosivusto käyttää evästeitä"));
  assert_true(foreign("de", "Get the best stories delivered to your inbox"));
  /* One word is never clear in the same script. */
  assert_false(foreign("en", "Kommentit"));
  /* Identifiers and brand names in another script are not evidence. */
  assert_false(foreign("ja", "GStreamer 内部エラー: シークの問題"));
  /* No letters, no verdict. */
  assert_false(foreign("en", "12:45 | 2024"));
}

/* ---- the page decision -------------------------------------------------- */

#define ARTICLE_EN                                                                          \
  "<h1>Reindeer herders face a warm winter</h1>"                                            \
  "<p>Herders in northern Lapland say the mild winter has made the snow crust too hard "   \
  "for reindeer to dig through, and many families are buying extra feed for the herds.</p>" \
  "<p>The regional association expects the costs to rise again next year, and it has asked " \
  "the government for support while researchers study how the animals adapt.</p>"          \
  "<p>Older herders remember similar winters, but they say they came far less often, and "  \
  "that the rain that now falls in January was almost unheard of in their youth.</p>"

static char *extract(const char *html, const char *lang_code, int keep_foreign) {
  winnow_options opts;
  winnow_options_init(&opts);
  opts.lang = lang_code;
  opts.keep_foreign = keep_foreign;
  winnow_result res;
  assert_int_equal(winnow_extract(html, strlen(html), &opts, &res), WINNOW_OK);
  char *text = strdup(res.text);
  winnow_result_free(&res);
  return text;
}

static const char FI_CHROME_PAGE[] =
    "<html lang=\"fi\"><body><article>" ARTICLE_EN
    "<div class=\"x1\"><span>Jaa</span> <span>Tallenna</span> <span>Kopioi linkki</span></div>"
    "<p>Tilaajana luet kaikki jutut rajoituksetta.</p>"
    "<blockquote>Poromiesten mukaan talvi oli vaikein vuosikymmeniin.</blockquote>"
    "<p>One herder put it simply: <span lang=\"fi\">porot ovat ennen kaikkea</span>.</p>"
    "</article></body></html>";

static void test_foreign_chrome_dropped_quotes_kept(void **state) {
  (void)state;
  char *text = extract(FI_CHROME_PAGE, NULL, 0);
  assert_non_null(strstr(text, "Herders in northern Lapland"));
  assert_null(strstr(text, "Kopioi linkki"));
  assert_null(strstr(text, "Tilaajana luet"));
  assert_non_null(strstr(text, "Poromiesten mukaan")); /* a blockquote */
  assert_non_null(strstr(text, "porot ovat"));         /* lang-tagged */
  free(text);
}

static void test_keep_foreign_and_stated_language(void **state) {
  (void)state;
  char *text = extract(FI_CHROME_PAGE, NULL, 1);
  assert_non_null(strstr(text, "Kopioi linkki"));
  free(text);
  /* Stated as Finnish, the English article is the foreign part, but it is
   * long prose: it stays. */
  text = extract(FI_CHROME_PAGE, "fi", 0);
  assert_non_null(strstr(text, "Herders in northern Lapland"));
  free(text);
  winnow_options opts;
  winnow_options_init(&opts);
  opts.lang = "klingon";
  winnow_result res;
  assert_int_equal(winnow_extract("<p>x</p>", 8, &opts, &res), WINNOW_ERR_LANGUAGE);
}

static void test_result_reports_language(void **state) {
  (void)state;
  const char *html = "<html lang=\"fi\"><body><article>" ARTICLE_EN "</article></body></html>";
  winnow_result res;
  assert_int_equal(winnow_extract(html, strlen(html), NULL, &res), WINNOW_OK);
  assert_string_equal(res.lang, "en"); /* the content wins over a wrong <html lang> */
  winnow_result_free(&res);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_codes),
      cmocka_unit_test(test_scripts),
      cmocka_unit_test(test_documents),
      cmocka_unit_test(test_short_strings),
      cmocka_unit_test(test_foreign_chrome_dropped_quotes_kept),
      cmocka_unit_test(test_keep_foreign_and_stated_language),
      cmocka_unit_test(test_result_reports_language),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
