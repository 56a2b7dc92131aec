#include "langid.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <utf8proc.h>

/*
 * How far (in nats) a language may trail the best one before a string of
 * 2-3 or of 4+ words counts as clearly in another language. Measured on
 * short interface strings (bench/langid): at these margins about 99% of
 * strings in the page's language stay.
 */
static const double FOREIGN_GAP_SHORT = 16.0;
static const double FOREIGN_GAP_LONG = 11.0;
static const int SHORT_WORDS = 3;
/* Share of Kana among Han and Kana letters that makes a text Japanese. */
static const double KANA_SHARE = 0.1;
static const double CJK_WEIGHT = 3.0;
/* Below this share of its letters in the page's scripts, a text is in another script. */
static const double OTHER_SCRIPT_SHARE = 0.5;

/* ---- languages ----------------------------------------------------------- */

int wn_lang_find(const char *code) {
  if (!code) return -1;
  char base[4] = {0};
  size_t n = 0;
  while (code[n] && code[n] != '-' && code[n] != '_' && n < 3) {
    base[n] = (char)tolower((unsigned char)code[n]);
    n++;
  }
  if (n < 2 || (code[n] && code[n] != '-' && code[n] != '_')) return -1;
  /* Norwegian Bokmål and Nynorsk share the Norwegian profile; old Hebrew code. */
  if (strcmp(base, "nb") == 0 || strcmp(base, "nn") == 0) strcpy(base, "no");
  if (strcmp(base, "iw") == 0) strcpy(base, "he");
  for (int i = 0; i < wn_lang_table_count; i++)
    if (strcmp(wn_lang_table[i].code, base) == 0) return i;
  return -1;
}

const char *wn_lang_code(int lang) {
  return lang >= 0 && lang < wn_lang_table_count ? wn_lang_table[lang].code : "und";
}

/* ---- scripts ------------------------------------------------------------- */

typedef struct script_range {
  uint32_t first, last;
  int script;
} script_range;

static const script_range SCRIPT_RANGES[] = {
    {0x0041, 0x024F, WN_SCRIPT_LATIN},      {0x0370, 0x03FF, WN_SCRIPT_GREEK},
    {0x0400, 0x052F, WN_SCRIPT_CYRILLIC},   {0x0590, 0x05FF, WN_SCRIPT_HEBREW},
    {0x0600, 0x06FF, WN_SCRIPT_ARABIC},     {0x0750, 0x077F, WN_SCRIPT_ARABIC},
    {0x0900, 0x097F, WN_SCRIPT_DEVANAGARI}, {0x0980, 0x09FF, WN_SCRIPT_BENGALI},
    {0x0A00, 0x0A7F, WN_SCRIPT_GURMUKHI},   {0x0A80, 0x0AFF, WN_SCRIPT_GUJARATI},
    {0x0B80, 0x0BFF, WN_SCRIPT_TAMIL},      {0x0C00, 0x0C7F, WN_SCRIPT_TELUGU},
    {0x0C80, 0x0CFF, WN_SCRIPT_KANNADA},    {0x0D00, 0x0D7F, WN_SCRIPT_MALAYALAM},
    {0x0E00, 0x0E7F, WN_SCRIPT_THAI},       {0x1100, 0x11FF, WN_SCRIPT_HANGUL},
    {0x1E00, 0x1EFF, WN_SCRIPT_LATIN},      {0x3040, 0x30FF, WN_SCRIPT_KANA},
    {0x31F0, 0x31FF, WN_SCRIPT_KANA},       {0x3130, 0x318F, WN_SCRIPT_HANGUL},
    {0x3400, 0x4DBF, WN_SCRIPT_HAN},        {0x4E00, 0x9FFF, WN_SCRIPT_HAN},
    {0xAC00, 0xD7AF, WN_SCRIPT_HANGUL},     {0xF900, 0xFAFF, WN_SCRIPT_HAN},
    {0xFF66, 0xFF9F, WN_SCRIPT_KANA},       {0x20000, 0x2FFFF, WN_SCRIPT_HAN},
};

static bool is_letter(uint32_t cp) {
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    return true;
  default:
    return false;
  }
}

int wn_script_of(uint32_t cp) {
  if (cp < 0x41 || !is_letter(cp)) return WN_SCRIPT_OTHER;
  for (size_t i = 0; i < sizeof SCRIPT_RANGES / sizeof SCRIPT_RANGES[0]; i++)
    if (cp >= SCRIPT_RANGES[i].first && cp <= SCRIPT_RANGES[i].last) return SCRIPT_RANGES[i].script;
  return WN_SCRIPT_OTHER;
}

static bool is_cjk_script(int script) {
  return script == WN_SCRIPT_HAN || script == WN_SCRIPT_KANA || script == WN_SCRIPT_HANGUL;
}

bool wn_lang_writes(int lang, int script) {
  if (lang < 0 || lang >= wn_lang_table_count) return true;
  const char *code = wn_lang_table[lang].code;
  if (strcmp(code, "ja") == 0) return script == WN_SCRIPT_HAN || script == WN_SCRIPT_KANA;
  if (strcmp(code, "zh") == 0) return script == WN_SCRIPT_HAN;
  if (strcmp(code, "ko") == 0) return script == WN_SCRIPT_HANGUL;
  return wn_lang_table[lang].script == script;
}

/* ---- text walk ----------------------------------------------------------- */

/* The same folding the profiles got at build time (tools/langgen.py). */
static uint32_t fold(uint32_t cp) {
  cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
  if (cp == 0x0219) return 0x015F; /* Romanian s and t with comma: as with cedilla */
  if (cp == 0x021B) return 0x0163;
  if (cp == 0x06CC) return 0x064A; /* Farsi yeh as Arabic yeh */
  if (cp >= 0x1EA0 && cp <= 0x1EFF) return 0x1EC3; /* Vietnamese letters: one class */
  return cp;
}

typedef struct text_stats {
  int letters[WN_SCRIPT_COUNT];
  int name_letters; /* Latin letters in capitalised words: names, in another script's text */
  int words;
} text_stats;

/* Calls `gram` for every 1-3-gram of a word padded with spaces (" ab ":
 * a, b, " a", ab, "b ", " ab", "ab "), as the profiles were counted. */
typedef void (*gram_fn)(uint64_t key, int n, void *data);

static uint64_t key2(uint32_t a, uint32_t b) { return ((uint64_t)a << 21) | b; }
static uint64_t key3(uint32_t a, uint32_t b, uint32_t c) {
  return ((uint64_t)a << 42) | ((uint64_t)b << 21) | c;
}

static void walk(const char *text, size_t len, text_stats *stats, gram_fn gram, void *data) {
  uint32_t before = ' ', last = ' ';
  int word_length = 0;
  bool capitalised = false;
  size_t i = 0;
  memset(stats, 0, sizeof *stats);
  while (i <= len) {
    utf8proc_int32_t cp = ' ';
    if (i < len) {
      utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                            (utf8proc_ssize_t)(len - i), &cp);
      i += n > 0 ? (size_t)n : 1;
      if (n <= 0) cp = ' ';
    } else {
      i++; /* the end closes the last word */
    }
    int script = wn_script_of((uint32_t)cp);
    if (script != WN_SCRIPT_OTHER || (cp >= 0x80 && is_letter((uint32_t)cp))) {
      if (word_length == 0) {
        stats->words++;
        capitalised = utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
        before = ' ';
        last = ' ';
      }
      stats->letters[script]++;
      if (capitalised && script == WN_SCRIPT_LATIN) stats->name_letters++;
      uint32_t c = fold((uint32_t)cp);
      if (gram) {
        gram(c, 1, data);
        gram(key2(last, c), 2, data);
        if (word_length > 0) gram(key3(before, last, c), 3, data);
      }
      before = last;
      last = c;
      word_length++;
    } else if (word_length > 0) {
      if (gram) {
        gram(key2(last, ' '), 2, data);
        gram(key3(before, last, ' '), 3, data);
      }
      word_length = 0;
    }
  }
}

/* ---- scoring ------------------------------------------------------------- */

typedef struct scorer {
  int script;         /* only languages of this script, or -1 for all */
  int grams[3];       /* n-grams seen, by n */
  double score[256];  /* what known n-grams add beyond the unseen price */
} scorer;

/*
 * The profiles' n-grams by key in an open-addressed hash table, built once
 * per process: a lookup is a probe or two where a binary search over the
 * sorted table took some sixteen steps through memory, for every n-gram of
 * every text.
 */
enum { GRAM_SLOTS_BITS = 17 }; /* 131,072 slots: under half full */
static uint32_t gram_slots[1u << GRAM_SLOTS_BITS]; /* index + 1, 0 = empty */
static bool gram_hashed;
static once_flag gram_slots_once = ONCE_FLAG_INIT;

static size_t gram_slot(uint64_t key) {
  return (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - GRAM_SLOTS_BITS));
}

static void build_gram_slots(void) {
  const size_t mask = (1u << GRAM_SLOTS_BITS) - 1;
  if (wn_lang_grams_count * 2 > mask) return; /* too many: binary search instead */
  for (size_t i = 0; i < wn_lang_grams_count; i++) {
    size_t at = gram_slot(wn_lang_grams[i].key);
    while (gram_slots[at]) at = (at + 1) & mask;
    gram_slots[at] = (uint32_t)(i + 1);
  }
  gram_hashed = true;
}

/* Callers build the table first (evaluate_text, once per text). */
static const wn_lang_gram *find_gram(uint64_t key) {
  if (gram_hashed) {
    const size_t mask = (1u << GRAM_SLOTS_BITS) - 1;
    for (size_t at = gram_slot(key); gram_slots[at]; at = (at + 1) & mask) {
      const wn_lang_gram *g = &wn_lang_grams[gram_slots[at] - 1];
      if (g->key == key) return g;
    }
    return NULL;
  }
  size_t low = 0, high = wn_lang_grams_count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (wn_lang_grams[mid].key == key) return &wn_lang_grams[mid];
    if (wn_lang_grams[mid].key < key) low = mid + 1;
    else high = mid;
  }
  return NULL;
}

/* Every candidate pays the unseen price for every n-gram (added up at the
 * end); languages that know the n-gram get the difference back. */
static void score_gram(uint64_t key, int n, void *data) {
  scorer *s = data;
  s->grams[n - 1]++;
  const wn_lang_gram *g = find_gram(key);
  if (!g) return;
  for (uint32_t k = 0; k < g->count; k++) {
    const wn_lang_posting *p = &wn_lang_postings[g->first + k];
    if (s->script < 0 || wn_lang_table[p->lang].script == s->script)
      s->score[p->lang] += p->logp - wn_lang_table[p->lang].unseen[n - 1];
  }
}

static void add_unseen_prices(scorer *s) {
  for (int l = 0; l < wn_lang_table_count; l++)
    for (int n = 0; n < 3; n++) s->score[l] += s->grams[n] * (double)wn_lang_table[l].unseen[n];
}

/* A Han, Kana or Hangul character carries about a word: it weighs more than a letter. */
static double weight(int script, int letters) {
  return is_cjk_script(script) ? CJK_WEIGHT * letters : letters;
}

/* Letters per script as evidence: beside another script, capitalised Latin
 * words are names and identifiers ("GStreamer", "Ubuntu"), not language. */
static void evidence_counts(const text_stats *st, text_stats *out) {
  *out = *st;
  int other = 0;
  for (int s = 1; s < WN_SCRIPT_COUNT; s++)
    if (s != WN_SCRIPT_LATIN) other += st->letters[s];
  if (other > 0) out->letters[WN_SCRIPT_LATIN] -= st->name_letters;
  /* Han among Kana is Japanese writing, not Chinese. */
  int han = st->letters[WN_SCRIPT_HAN], kana = st->letters[WN_SCRIPT_KANA];
  if (kana > 0 && kana >= KANA_SHARE * (han + kana)) {
    out->letters[WN_SCRIPT_KANA] += han;
    out->letters[WN_SCRIPT_HAN] = 0;
  }
}

/* The script most letters are in; Kana among Han makes the text Japanese. */
static int main_script(const text_stats *raw, int *letters) {
  text_stats st;
  evidence_counts(raw, &st);
  int best = WN_SCRIPT_OTHER;
  double best_weight = 0;
  for (int s = 1; s < WN_SCRIPT_COUNT; s++)
    if (weight(s, st.letters[s]) > best_weight) {
      best_weight = weight(s, st.letters[s]);
      best = s;
    }
  *letters = st.letters[best];
  return best;
}

/* The weighted share of a text's letters in scripts that `lang` writes. */
static double share_written(const text_stats *raw, int lang) {
  text_stats counted, *st = &counted;
  evidence_counts(raw, &counted);
  double all = 0, written = 0;
  for (int s = 1; s < WN_SCRIPT_COUNT; s++) {
    all += weight(s, st->letters[s]);
    if (wn_lang_writes(lang, s)) written += weight(s, st->letters[s]);
  }
  return all > 0 ? written / all : 0;
}

static int cjk_language(int script) {
  if (script == WN_SCRIPT_KANA) return wn_lang_find("ja");
  if (script == WN_SCRIPT_HANGUL) return wn_lang_find("ko");
  return wn_lang_find("zh");
}

/* URLs, e-mail addresses and paths are not language: tokens holding "://",
 * "@" or "/", or starting with "www.", are blanked in a copy of the text. */
static bool is_address(const char *token, size_t n) {
  if (n >= 4 && strncmp(token, "www.", 4) == 0) return true;
  for (size_t i = 0; i < n; i++)
    if (token[i] == '@' || token[i] == '/') return true;
  return false;
}

static char *without_addresses(const char *text, size_t len) {
  if (!memchr(text, '/', len) && !memchr(text, '@', len) && !strstr(text, "www.")) return NULL;
  char *copy = malloc(len + 1);
  if (!copy) return NULL;
  memcpy(copy, text, len);
  copy[len] = '\0';
  for (size_t i = 0; i < len;) {
    size_t j = i;
    while (j < len && copy[j] != ' ') j++;
    if (is_address(copy + i, j - i)) memset(copy + i, ' ', j - i);
    i = j + 1;
  }
  return copy;
}

static wn_lang_evidence evaluate_text(const char *text, size_t len, int lang);

static wn_lang_evidence evaluate(const char *text, size_t len, int lang) {
  char *clean = without_addresses(text, len);
  wn_lang_evidence ev = evaluate_text(clean ? clean : text, len, lang);
  free(clean);
  return ev;
}

/* One walk both counts the scripts and scores every language; only the
 * languages of the main script are compared afterwards. */
static wn_lang_evidence evaluate_text(const char *text, size_t len, int lang) {
  wn_lang_evidence ev = {WN_SCRIPT_OTHER, 0, 0, -1, 0.0};
  text_stats st;
  scorer s;
  memset(&s, 0, sizeof s);
  s.script = -1;
  call_once(&gram_slots_once, build_gram_slots);
  walk(text, len, &st, score_gram, &s);
  ev.script = main_script(&st, &ev.letters);
  ev.words = st.words;
  if (ev.script == WN_SCRIPT_OTHER) return ev;
  if (is_cjk_script(ev.script)) {
    ev.best = cjk_language(ev.script);
    return ev;
  }
  add_unseen_prices(&s);
  for (int l = 0; l < wn_lang_table_count; l++) {
    if (wn_lang_table[l].script != ev.script) continue;
    if (ev.best < 0 || s.score[l] > s.score[ev.best]) ev.best = l;
  }
  if (lang >= 0 && lang < wn_lang_table_count && wn_lang_table[lang].script == ev.script)
    ev.gap_to_best = s.score[ev.best] - s.score[lang];
  return ev;
}

wn_lang_evidence wn_lang_identify(const char *text, size_t len) {
  return evaluate(text, len, -1);
}

wn_lang_evidence wn_lang_assess(const char *text, size_t len, int lang) {
  return evaluate(text, len, lang);
}

bool wn_lang_is_foreign(const char *text, size_t len, int lang, wn_lang_evidence *out) {
  wn_lang_evidence ev = wn_lang_assess(text, len, lang);
  if (out) *out = ev;
  if (lang < 0 || ev.script == WN_SCRIPT_OTHER) return false;
  if (!wn_lang_writes(lang, ev.script)) {
    text_stats st;
    walk(text, len, &st, NULL, NULL);
    return share_written(&st, lang) < OTHER_SCRIPT_SHARE;
  }
  if (is_cjk_script(ev.script) || ev.words <= 1) return false;
  return ev.gap_to_best > (ev.words <= SHORT_WORDS ? FOREIGN_GAP_SHORT : FOREIGN_GAP_LONG);
}
