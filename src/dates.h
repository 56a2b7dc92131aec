/*
 * Dates as pages write them ("on Friday December 19, 2025 @08:00PM",
 * "19.12.2025", "2025-12-19T20:00:00+01:00", "5 stycznia 2020", "2025年12月19日")
 * turned into ISO 8601: "2025-12-19", with the time and the page's zone
 * where the page states them ("2025-12-19T20:00", "2025-12-19T20:00:00+01:00").
 */
#ifndef WN_DATES_H
#define WN_DATES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wn_month_name {
  const char *name; /* lower case, UTF-8 */
  int month;        /* 1-12 */
} wn_month_name;

/* Month names of several languages (generated from glibc's locale data). */
extern const wn_month_name WN_MONTH_NAMES[];
extern const size_t WN_MONTH_NAME_COUNT;

/*
 * The ISO 8601 form of a date, newly allocated, or NULL when `text` holds
 * no date that can be read without guessing. An all-numeric date with
 * slashes is read day first ("19/12/2025") unless the first number cannot be
 * a day's but the second can, or `month_first` is set (American usage,
 * "12/19/2025"); dotted dates are always day first.
 */
char *wn_date_iso(const char *text, int month_first);

/*
 * Whether `text` names a day of a month by the month's name, with or
 * without the year ("Tuesday July 24", "24 июля"): enough to date a post
 * in a thread, where the year goes without saying.
 */
bool wn_names_day_and_month(const char *text);

#endif
