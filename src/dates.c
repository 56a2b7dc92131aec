#include "dates.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Years read as years: a four-digit number outside them is something else. */
enum { MIN_YEAR = 1900, MAX_YEAR = 2100, MAX_TOKENS = 48 };

typedef enum { TOK_NUMBER, TOK_WORD, TOK_TIME, TOK_ZONE } token_kind;

typedef struct token {
  token_kind kind;
  int value;       /* a number; a month (1-12) for a month name, else 0 */
  int digits;      /* digits in a number */
  char next;       /* the character right after a number ('.', '/', '-', ...) */
  int h, m, s;     /* a time; s < 0 when not given */
  int zone_minutes; /* a zone's offset */
  bool pm, am;     /* a word "pm" / "am" */
} token;

typedef struct date {
  int year, month, day;
  bool has_time, has_seconds, has_zone;
  int h, m, s, zone_minutes;
} date;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static int read_number(const char *s, size_t *i, int *digits) {
  int v = 0, n = 0;
  while (is_digit(s[*i]) && n < 9) v = v * 10 + (s[(*i)++] - '0'), n++;
  while (is_digit(s[*i])) (*i)++, n++;
  *digits = n;
  return v;
}

static bool valid_date(const date *d) {
  static const int DAYS[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d->year >= MIN_YEAR && d->year <= MAX_YEAR && d->month >= 1 && d->month <= 12 &&
         d->day >= 1 && d->day <= DAYS[d->month - 1];
}

static bool valid_time(int h, int m, int s) {
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && s <= 60;
}

/* "+01:00", "+0100", "-05", "Z" at s[*i]; the offset in minutes. */
static bool read_zone(const char *s, size_t *i, int *minutes) {
  if (s[*i] == 'z' && !((s[*i + 1] >= 'a' && s[*i + 1] <= 'z'))) {
    (*i)++;
    *minutes = 0;
    return true;
  }
  if ((s[*i] != '+' && s[*i] != '-') || !is_digit(s[*i + 1])) return false;
  int sign = s[*i] == '-' ? -1 : 1;
  size_t j = *i + 1;
  int digits, hh = read_number(s, &j, &digits), mm = 0;
  if (digits == 4) mm = hh % 100, hh /= 100;
  else if (digits <= 2 && s[j] == ':' && is_digit(s[j + 1])) j++, mm = read_number(s, &j, &digits);
  else if (digits > 2) return false;
  if (hh > 14 || mm > 59) return false;
  *minutes = sign * (hh * 60 + mm);
  *i = j;
  return true;
}

/* --- ISO 8601 and its near relatives --------------------------------------- */

static bool read_iso_time(const char *s, size_t *i, date *d) {
  size_t j = *i;
  if (s[j] != 't' && s[j] != ' ') return false;
  j++;
  int digits;
  if (!is_digit(s[j])) return false;
  int h = read_number(s, &j, &digits);
  if (digits > 2 || s[j] != ':' || !is_digit(s[j + 1])) return false;
  j++;
  int m = read_number(s, &j, &digits), sec = -1;
  if (s[j] == ':' && is_digit(s[j + 1])) j++, sec = read_number(s, &j, &digits);
  if (s[j] == '.' || s[j] == ',') {
    j++;
    while (is_digit(s[j])) j++;
  }
  if (!valid_time(h, m, sec)) return false;
  d->has_time = true, d->h = h, d->m = m, d->s = sec, d->has_seconds = sec >= 0;
  while (s[j] == ' ') j++;
  d->has_zone = read_zone(s, &j, &d->zone_minutes);
  *i = j;
  return true;
}

/* "2025-12-19", "2025-12-19T20:00:00+01:00", "2025/12/19 20:00". */
static bool read_iso(const char *s, date *d) {
  size_t i = 0;
  int digits;
  d->year = read_number(s, &i, &digits);
  if (digits != 4 || (s[i] != '-' && s[i] != '/') || !is_digit(s[i + 1])) return false;
  char sep = s[i++];
  d->month = read_number(s, &i, &digits);
  if (digits > 2 || s[i] != sep || !is_digit(s[i + 1])) return false;
  i++;
  d->day = read_number(s, &i, &digits);
  if (digits > 2 || !valid_date(d)) return false;
  read_iso_time(s, &i, d);
  return true;
}

/* "2025年12月19日", "2025년 12월 19일", with a time after them. */
static bool read_cjk(const char *s, date *d) {
  const char *year = strstr(s, "\xE5\xB9\xB4"), *month_mark = "\xE6\x9C\x88"; /* 年 月 */
  const char *day_mark = "\xE6\x97\xA5";                                     /* 日 */
  if (!year) {
    year = strstr(s, "\xEB\x85\x84"); /* 년 */
    month_mark = "\xEC\x9B\x94";      /* 월 */
    day_mark = "\xEC\x9D\xBC";        /* 일 */
  }
  if (!year || year - s < 4) return false;
  size_t i = (size_t)(year - s) - 4;
  int digits;
  d->year = read_number(s, &i, &digits);
  if (digits != 4 || s + i != year) return false;
  i += 3;
  while (s[i] == ' ') i++;
  d->month = read_number(s, &i, &digits);
  if (!digits || strncmp(s + i, month_mark, 3) != 0) return false;
  i += 3;
  while (s[i] == ' ') i++;
  d->day = read_number(s, &i, &digits);
  if (!digits || strncmp(s + i, day_mark, 3) != 0) return false;
  return valid_date(d);
}

/* --- Words, numbers and times in any order ---------------------------------- */

static int month_of(const char *word, size_t len) {
  if (len && word[len - 1] == '.') len--;
  for (size_t k = 0; k < WN_MONTH_NAME_COUNT; k++)
    if (strlen(WN_MONTH_NAMES[k].name) == len && memcmp(WN_MONTH_NAMES[k].name, word, len) == 0)
      return WN_MONTH_NAMES[k].month;
  return 0;
}

static bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }

/* "20:00", "8:00pm", "20.00 Uhr" is left alone (a dotted number). */
static bool read_clock(const char *s, size_t *i, token *t) {
  size_t j = *i;
  int digits;
  int h = read_number(s, &j, &digits);
  if (digits > 2 || s[j] != ':' || !is_digit(s[j + 1])) return false;
  j++;
  int m = read_number(s, &j, &digits), sec = -1;
  if (digits != 2) return false;
  if (s[j] == ':' && is_digit(s[j + 1])) j++, sec = read_number(s, &j, &digits);
  if (!valid_time(h, m, sec)) return false;
  t->kind = TOK_TIME, t->h = h, t->m = m, t->s = sec;
  *i = j;
  return true;
}

/* "pm", "p.m.", "PM" (folded): `letter` is 'p' or 'a'. */
static bool meridiem(const char *w, size_t len, char letter) {
  if (len < 2 || w[0] != letter) return false;
  if (w[1] == 'm') return len == 2 || w[2] == '.';
  return len >= 3 && w[1] == '.' && w[2] == 'm';
}

static size_t tokenize(const char *s, token *out) {
  size_t n = 0, i = 0;
  while (s[i] && n < MAX_TOKENS) {
    token t;
    memset(&t, 0, sizeof t);
    if (is_digit(s[i])) {
      if (!read_clock(s, &i, &t)) {
        t.kind = TOK_NUMBER;
        t.value = read_number(s, &i, &t.digits);
        t.next = s[i];
      }
    } else if ((s[i] == '+' || s[i] == '-') && n && out[n - 1].kind == TOK_TIME &&
               read_zone(s, &i, &t.zone_minutes)) {
      t.kind = TOK_ZONE;
    } else if (word_byte((unsigned char)s[i])) {
      size_t start = i;
      while (word_byte((unsigned char)s[i]) || s[i] == '.') i++;
      size_t len = i - start;
      t.kind = TOK_WORD;
      t.value = month_of(s + start, len);
      t.pm = meridiem(s + start, len, 'p');
      t.am = meridiem(s + start, len, 'a');
      if ((len == 3 && (!strncmp(s + start, "utc", 3) || !strncmp(s + start, "gmt", 3))) ||
          (len == 1 && s[start] == 'z'))
        t.kind = TOK_ZONE, t.zone_minutes = 0;
    } else {
      i++;
      continue;
    }
    out[n++] = t;
  }
  return n;
}

static int full_year(const token *t) {
  if (t->digits == 4) return t->value;
  if (t->digits == 2) return t->value < 70 ? 2000 + t->value : 1900 + t->value;
  return 0;
}

/* "19 December 2025", "December 19th, 2025", "5 stycznia 2020 r.", "Dec 2025" has no day. */
static bool date_with_month_name(const token *t, size_t n, date *d) {
  size_t at = n;
  for (size_t k = 0; k < n; k++)
    if (t[k].kind == TOK_WORD && t[k].value) {
      at = k;
      break;
    }
  if (at == n) return false;
  d->month = t[at].value;
  d->day = d->year = 0;
  for (size_t k = 0; k < n; k++) {
    if (t[k].kind != TOK_NUMBER) continue;
    if (!d->year && t[k].digits == 4) d->year = t[k].value;
    else if (!d->day && t[k].digits <= 2 && t[k].value >= 1 && t[k].value <= 31 &&
             (k + 1 == at || k == at + 1 || k + 2 == at))
      d->day = t[k].value;
  }
  return valid_date(d);
}

/* "19.12.2025", "19/12/25", "12/19/2025", "2025.12.19". */
static bool numeric_date(const token *t, size_t n, int month_first, date *d) {
  for (size_t k = 0; k + 2 < n; k++) {
    const token *a = &t[k], *b = &t[k + 1], *c = &t[k + 2];
    if (a->kind != TOK_NUMBER || b->kind != TOK_NUMBER || c->kind != TOK_NUMBER) continue;
    char sep = a->next;
    if ((sep != '.' && sep != '/' && sep != '-') || b->next != sep) continue;
    if (a->digits == 4) {
      d->year = a->value, d->month = b->value, d->day = c->value;
    } else {
      d->year = full_year(c);
      /* Day first, as most of the world writes; month first where the
       * caller says so (an American page's slashes), or where only that
       * reading is a date ("07.22.12"). */
      bool only_month_first = a->value <= 12 && b->value > 12;
      bool swap = sep == '/' && month_first ? b->value <= 12 || a->value > 12 : only_month_first;
      d->day = swap ? b->value : a->value;
      d->month = swap ? a->value : b->value;
    }
    if (valid_date(d)) return true;
  }
  return false;
}

static void take_time(const token *t, size_t n, date *d) {
  for (size_t k = 0; k < n; k++) {
    if (t[k].kind != TOK_TIME) continue;
    d->has_time = true;
    d->h = t[k].h, d->m = t[k].m, d->s = t[k].s, d->has_seconds = t[k].s >= 0;
    for (size_t j = k + 1; j < n && j <= k + 2; j++) {
      if (t[j].kind == TOK_WORD && t[j].pm && d->h < 12) d->h += 12;
      if (t[j].kind == TOK_WORD && t[j].am && d->h == 12) d->h = 0;
      if (t[j].kind == TOK_ZONE) d->has_zone = true, d->zone_minutes = t[j].zone_minutes;
    }
    return;
  }
}

/* --- Output ------------------------------------------------------------------ */

static char *format_date(const date *d) {
  char out[40];
  int n = snprintf(out, sizeof out, "%04d-%02d-%02d", d->year, d->month, d->day);
  if (d->has_time) {
    n += snprintf(out + n, sizeof out - (size_t)n, "T%02d:%02d", d->h, d->m);
    if (d->has_seconds) n += snprintf(out + n, sizeof out - (size_t)n, ":%02d", d->s);
    if (d->has_zone && d->zone_minutes == 0) {
      snprintf(out + n, sizeof out - (size_t)n, "Z");
    } else if (d->has_zone) {
      int z = d->zone_minutes < 0 ? -d->zone_minutes : d->zone_minutes;
      snprintf(out + n, sizeof out - (size_t)n, "%c%02d:%02d", d->zone_minutes < 0 ? '-' : '+',
               z / 60, z % 60);
    }
  }
  return strdup(out);
}

/* Lower case (full Unicode folding, so "STYCZNIA" and "Января" match), trimmed. */
static char *folded(const char *text) {
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)strlen(text),
                                    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  if (n < 0) return NULL;
  return (char *)out;
}

bool wn_names_day_and_month(const char *text) {
  if (!text) return false;
  char *s = folded(text);
  if (!s) return false;
  token t[MAX_TOKENS];
  size_t n = tokenize(s, t);
  date d;
  memset(&d, 0, sizeof d);
  bool found = date_with_month_name(t, n, &d);
  if (!found && d.year == 0 && d.day > 0) {
    d.year = MIN_YEAR; /* any year: the day is valid in some */
    found = valid_date(&d);
  }
  free(s);
  return found;
}

char *wn_date_iso(const char *text, int month_first) {
  if (!text) return NULL;
  while (*text == ' ' || *text == '\t' || *text == '\n') text++;
  char *s = folded(text);
  if (!s) return NULL;
  date d;
  memset(&d, 0, sizeof d);
  bool found = read_iso(s, &d) || read_cjk(s, &d);
  if (!found) {
    token t[MAX_TOKENS];
    size_t n = tokenize(s, t);
    memset(&d, 0, sizeof d);
    found = date_with_month_name(t, n, &d);
    if (!found) {
      memset(&d, 0, sizeof d);
      found = numeric_date(t, n, month_first, &d);
    }
    if (found) take_time(t, n, &d);
  }
  free(s);
  return found ? format_date(&d) : NULL;
}
