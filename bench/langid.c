/*
 * winnow-bench-langid: language identification on short strings.
 *
 * usage: winnow-bench-langid [--check] FILE.tsv   (columns: id, lang, kind, text)
 *
 * --check exits with status 1 unless: at least 99% of same-language strings
 * are kept; foreign strings in the same script are dropped at least 80% of
 * the time at 2-3 words and 95% at 4+ words; every string in another script
 * is dropped.
 *
 * Prints top-1 accuracy, then the question the chrome filter asks: "is this
 * string in the page's language?". Every string is tried against a page in
 * each language of the file: on a page in its own language it should stay;
 * on a page in another language that writes the same script it should go
 * (the hard case); in a different script it should always go. Figures are
 * given by string length in words (1, 2-3, 4+).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "langid.h"

enum { MAX_LANGS = 64, BUCKETS = 3 };

typedef struct tally {
  long hit, total;
} tally;

typedef struct sample {
  int lang;
  char *text;
} sample;

static int bucket_of(int words) { return words <= 1 ? 0 : words <= 3 ? 1 : 2; }
static const char *const BUCKET_NAMES[BUCKETS] = {"1 word", "2-3 words", "4+ words"};

static double share(tally t) { return t.total ? 100.0 * (double)t.hit / (double)t.total : 0.0; }

static void chomp(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

/* Reads "id<TAB>lang<TAB>kind<TAB>text" rows; the header row is skipped. */
static sample *load(const char *path, size_t *count) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    return NULL;
  }
  size_t cap = 256, n = 0;
  sample *rows = malloc(cap * sizeof *rows);
  char line[8192];
  while (rows && fgets(line, sizeof line, f)) {
    chomp(line);
    char *id = strtok(line, "\t"), *lang = strtok(NULL, "\t"), *kind = strtok(NULL, "\t");
    char *text = strtok(NULL, "");
    (void)id;
    (void)kind;
    if (!lang || !text || strcmp(lang, "lang") == 0) continue;
    int l = wn_lang_find(lang);
    if (l < 0) {
      fprintf(stderr, "winnow-bench-langid: no profile for language %s, row skipped\n", lang);
      continue;
    }
    if (n == cap) {
      sample *more = realloc(rows, (cap *= 2) * sizeof *rows);
      if (!more) break;
      rows = more;
    }
    rows[n].lang = l;
    rows[n].text = strdup(text);
    n++;
  }
  fclose(f);
  *count = n;
  return rows;
}

static const double MIN_KEPT = 99.0, MIN_DROPPED_SHORT = 80.0, MIN_DROPPED_LONG = 95.0;

int main(int argc, char **argv) {
  bool check = argc == 3 && strcmp(argv[1], "--check") == 0;
  if (argc != 2 && !check) {
    fprintf(stderr, "usage: winnow-bench-langid [--check] FILE.tsv\n");
    return 2;
  }
  size_t n = 0;
  sample *rows = load(argv[argc - 1], &n);
  if (!rows || n == 0) return 1;
  bool present[MAX_LANGS] = {false};
  for (size_t i = 0; i < n; i++) present[rows[i].lang] = true;

  tally top1 = {0, 0}, kept[BUCKETS] = {{0}}, same_script[BUCKETS] = {{0}};
  tally other_script[BUCKETS] = {{0}}, kept_all = {0, 0};
  for (size_t i = 0; i < n; i++) {
    const char *text = rows[i].text;
    size_t len = strlen(text);
    wn_lang_evidence ev = wn_lang_identify(text, len);
    top1.total++;
    top1.hit += ev.best == rows[i].lang;
    int b = bucket_of(ev.words);
    for (int page = 0; page < wn_lang_table_count && page < MAX_LANGS; page++) {
      if (!present[page]) continue;
      bool foreign = wn_lang_is_foreign(text, len, page, NULL);
      if (page == rows[i].lang) {
        kept[b].total++;
        kept[b].hit += !foreign;
        kept_all.total++;
        kept_all.hit += !foreign;
      } else if (wn_lang_writes(page, ev.script)) {
        same_script[b].total++;
        same_script[b].hit += foreign;
      } else {
        other_script[b].total++;
        other_script[b].hit += foreign;
      }
    }
  }
  printf("strings: %zu\n", n);
  printf("top-1 accuracy: %.1f%%\n", share(top1));
  printf("same language kept: %.2f%% of %ld\n", share(kept_all), kept_all.total);
  printf("%-10s %22s %28s %24s\n", "length", "same language kept",
         "foreign same script dropped", "other script dropped");
  for (int b = 0; b < BUCKETS; b++)
    printf("%-10s %14.1f%% of %5ld %20.1f%% of %5ld %16.1f%% of %5ld\n", BUCKET_NAMES[b],
           share(kept[b]), kept[b].total, share(same_script[b]), same_script[b].total,
           share(other_script[b]), other_script[b].total);
  for (size_t i = 0; i < n; i++) free(rows[i].text);
  free(rows);
  if (!check) return 0;
  bool ok = share(kept_all) >= MIN_KEPT && share(same_script[1]) >= MIN_DROPPED_SHORT &&
            share(same_script[2]) >= MIN_DROPPED_LONG;
  for (int b = 0; b < BUCKETS; b++)
    if (other_script[b].hit != other_script[b].total) ok = false;
  printf("check: %s (bars: kept >= %.0f%%, same script dropped >= %.0f%% at 2-3 words and "
         ">= %.0f%% at 4+, other script 100%%)\n",
         ok ? "ok" : "FAILED", MIN_KEPT, MIN_DROPPED_SHORT, MIN_DROPPED_LONG);
  return ok ? 0 : 1;
}
