/* The date normaliser: dates as pages write them, in many languages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dates.h"

static void check(const char *text, int month_first, const char *want) {
  char *got = wn_date_iso(text, month_first);
  if (!want) {
    if (got) fail_msg("'%s': expected no date, got %s", text, got);
    return;
  }
  if (!got) fail_msg("'%s': expected %s, got no date", text, want);
  if (strcmp(got, want) != 0) fail_msg("'%s': expected %s, got %s", text, want, got);
  free(got);
}

static void test_iso_and_machine_forms(void **state) {
  (void)state;
  check("2025-12-19", 0, "2025-12-19");
  check("2025-12-19T20:00:00+01:00", 0, "2025-12-19T20:00:00+01:00");
  check("2024-05-01T10:00:00Z", 0, "2024-05-01T10:00:00Z");
  check("2024-05-01T10:00:00.123-0500", 0, "2024-05-01T10:00:00-05:00");
  check("2012-01-04 12:42", 0, "2012-01-04T12:42");
  check("2012-1-12 17:58:00", 0, "2012-01-12T17:58:00");
  check("Wed, 11 Jan 2012 18:30:00 GMT", 0, "2012-01-11T18:30:00Z");
  check("Fri, 19 Dec 2025 20:00:00 +0000", 0, "2025-12-19T20:00:00Z");
}

static void test_english(void **state) {
  (void)state;
  check("on Friday December 19, 2025 @08:00PM", 0, "2025-12-19T20:00");
  check("Posted on January 11, 2012 at 5:35 PM", 0, "2012-01-11T17:35");
  check("Dec 17th 2011 | from the print edition", 0, "2011-12-17");
  check("6:50pm UK, Wednesday January 11, 2012", 0, "2012-01-11T18:50");
  check("By Mirror.co.uk 15/12/2011", 0, "2011-12-15");
  check("01/07/16", 1, "2016-01-07");
  check("01/07/16", 0, "2016-07-01");
  check("12/19/2025", 0, "2025-12-19");
  /* Dots, month first: only that reading is a date. */
  check("phpguy 07.22.12 at 20:33", 0, "2012-07-22T20:33");
  check("19.10.2019", 0, "2019-10-19");
}

static void test_european_languages(void **state) {
  (void)state;
  check("von Redaktion, 24. Januar 2022", 0, "2022-01-24");
  check("Bettina Kugler 19.10.2019, 05:00 Uhr", 0, "2019-10-19T05:00");
  check("1. Februar 2022 , Daniel Dillenburg", 0, "2022-02-01");
  check("Piątek, 30 grudnia 2011 (10:36)", 0, "2011-12-30T10:36");
  check("Wirtualna Polska | 29.12.2011 | 15:31", 0, "2011-12-29T15:31");
  check("22 de Abril de 2022 - 00:00 HS", 0, "2022-04-22T00:00");
  check("4 de mayo de 2022 - 00:38", 0, "2022-05-04T00:38");
  check("Actualizado el 08/05/2022 02:14 a.m.", 0, "2022-05-08T02:14");
  check("Managua, Nicaragua 26, Abril, 2022 7:43 p.m.", 0, "2022-04-26T19:43");
  check("Publié le 3 mars 2023 à 14:05", 0, "2023-03-03T14:05");
  check("12 settembre 2021", 0, "2021-09-12");
  check("5 januari 2020", 0, "2020-01-05");
  check("19.2.2020 16:20", 0, "2020-02-19T16:20");
  check("7. joulukuuta 2023", 0, "2023-12-07");
  check("14 ledna 2021", 0, "2021-01-14");
  check("3 Ekim 2020", 0, "2020-10-03");
}

static void test_cyrillic_greek_cjk(void **state) {
  (void)state;
  check("1:27, 27 ноября, 2011 Medportal.ru", 0, "2011-11-27T01:27");
  check("Динара НАЖИПОВА — 27.11.2011 11:18", 0, "2011-11-27T11:18");
  check("Ημερομηνία δημοσίευσης: 9 Νοεμβρίου 2011", 0, "2011-11-09");
  /* May's "ΐ" is one character, as the reader composes it. */
  check("10 Μαΐου 2012", 0, "2012-05-10");
  check("Σεπτέμβριος 12, 2020", 0, "2020-09-12");
  check("ΔΗΜΟΣΙΕΥΣΗ: 19/11/2011, 08:31", 0, "2011-11-19T08:31");
  check("2025年12月19日", 0, "2025-12-19");
  check("2024년 3월 5일", 0, "2024-03-05");
  check("台灣醒報 (2012-01-11 16:58)", 0, "2012-01-11T16:58");
}

static void test_not_dates(void **state) {
  (void)state;
  check("Gitarre & Bass 02/2022", 0, NULL);
  check("Konzert-Highlights im November", 0, NULL);
  check("31.02.2020", 0, NULL);
  check("", 0, NULL);
  check("version 1.2.3", 0, NULL);
}

/* A day of a month named without its year dates a post, not a page. */
static void test_day_and_month(void **state) {
  (void)state;
  assert_true(wn_names_day_and_month("by Quakeulf on Tuesday July 24, @10:49AM"));
  assert_true(wn_names_day_and_month("Piter 6 января 14:05"));
  assert_true(wn_names_day_and_month("29 February 2024"));
  assert_false(wn_names_day_and_month("Konzert-Highlights im November"));
  assert_false(wn_names_day_and_month("July 32 at 10:49"));
  assert_false(wn_names_day_and_month("version 1.2.3 at 10:49"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_iso_and_machine_forms), cmocka_unit_test(test_english),
      cmocka_unit_test(test_european_languages),    cmocka_unit_test(test_cyrillic_greek_cjk),
      cmocka_unit_test(test_not_dates),             cmocka_unit_test(test_day_and_month),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
