/*
 * lexgen: compile the phrase lexicons (data/NAME.tsv) into C tables.
 *
 *   lexgen OUTPUT.c FILE.tsv...
 *
 * Each row: language <TAB> role/concept <TAB> phrase. Comment lines ("# ...")
 * and the header row ("lang ...") are skipped. A file whose header row is
 * "selector<TAB>vendor" lists consent-manager selectors instead. Phrases are normalised with the
 * matcher's own code, so build-time and run-time forms cannot drift apart.
 * A malformed row stops the build with its file and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "cmp.h"
#include "lexicon.h"
#include "normalize.h"

typedef struct row {
  char *phrase, *concept, *lang;
  int role, match;
} row;

typedef struct table {
  row *rows;
  size_t count, cap;
} table;

static int role_from_name(const char *name, size_t len) {
  static const struct { const char *name; int role; } ROLES[] = {
      {"line", WN_LEX_LINE}, {"section", WN_LEX_SECTION},
      {"consent", WN_LEX_CONSENT}, {"ai-label", WN_LEX_AI_LABEL},
      {"credit", WN_LEX_CREDIT}, {"byline", WN_LEX_BYLINE}};
  for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++)
    if (strlen(ROLES[i].name) == len && strncmp(ROLES[i].name, name, len) == 0) return ROLES[i].role;
  return WN_LEX_NONE;
}

static void fail(const char *file, int line, const char *why) {
  fprintf(stderr, "lexgen: %s:%d: %s\n", file, line, why);
  exit(1);
}

static void add_row(table *t, row r) {
  if (t->count == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 256;
    t->rows = wn_xrealloc(t->rows, t->cap * sizeof *t->rows);
  }
  t->rows[t->count++] = r;
}

/* Split "* phrase", "phrase *" and "* phrase *" markers off and normalise the rest. */
static row parse_phrase(const char *phrase, const char *file, int line) {
  row r = {0};
  size_t len = strlen(phrase);
  r.match = WN_LEX_EXACT;
  int leading = len > 2 && strncmp(phrase, "* ", 2) == 0;
  int trailing = len > 2 && strcmp(phrase + len - 2, " *") == 0;
  if (leading && trailing && len > 4) {
    r.match = WN_LEX_INFIX;
    phrase += 2, len -= 4;
  } else if (leading) {
    r.match = WN_LEX_SUFFIX;
    phrase += 2, len -= 2;
  } else if (trailing) {
    r.match = WN_LEX_PREFIX;
    len -= 2;
  }
  if (memchr(phrase, '*', len)) fail(file, line, "'*' only at the start (\"* x\") or end (\"x *\")");
  size_t n;
  r.phrase = wn_normalize_phrase(phrase, len, &n);
  if (n == 0) fail(file, line, "phrase has no letters or digits");
  return r;
}

/* A selector file's first non-comment row is the header "selector<TAB>vendor". */
static int is_selector_file(FILE *f) {
  char buf[4096];
  long start = ftell(f);
  while (fgets(buf, sizeof buf, f)) {
    if (buf[0] == '#' && (buf[1] == ' ' || buf[1] == '\n' || buf[1] == '\r')) continue;
    if (strncmp(buf, "selector\t", 9) == 0) return 1;
    break;
  }
  fseek(f, start, SEEK_SET);
  return 0;
}

/* "# note" is a comment; "#id" is a selector and must survive. */
static int is_comment(const char *line) {
  return line[0] == '\0' || (line[0] == '#' && (line[1] == ' ' || line[1] == '\0'));
}

static void emit_string(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(out, "\\%c", *p);
    else if (*p < 0x20 || *p >= 0x7F) fprintf(out, "\\%03o", *p);
    else fputc(*p, out);
  }
  fputc('"', out);
}

/* ---- consent-manager selectors ---------------------------------------- */

typedef struct selectors {
  table ids, classes, id_prefixes, attributes; /* attributes: "name=value" */
} selectors;

static selectors g_selectors;


static void add_name(table *t, const char *s, size_t len) {
  row r = {0};
  r.phrase = wn_xstrndup(s, len);
  add_row(t, r);
}

/* The innermost simple selector of "A B" decides; descendant context is dropped. */
static void parse_selector(selectors *out, const char *sel, const char *file, int line) {
  const char *last = strrchr(sel, ' ');
  if (last) sel = last + 1;
  const char *bracket = strchr(sel, '[');
  if (sel[0] == '#' && !bracket) return add_name(&out->ids, sel + 1, strlen(sel + 1));
  if (sel[0] == '.' && !bracket) return add_name(&out->classes, sel + 1, strlen(sel + 1));
  if (!bracket) fail(file, line, "selector must be #id, .class or [attr=value]");
  const char *name = bracket + 1, *op = strpbrk(name, "^=");
  const char *quote = op ? strchr(op, '"') : NULL;
  const char *end = quote ? strchr(quote + 1, '"') : NULL;
  if (!op || !quote || !end) fail(file, line, "attribute selector must be [name=\"value\"] or [id^=\"prefix\"]");
  if (op[0] == '^') {
    if (strncmp(name, "id", 2) != 0) fail(file, line, "only id^= prefixes are supported");
    return add_name(&out->id_prefixes, quote + 1, (size_t)(end - quote - 1));
  }
  char pair[512];
  int n = snprintf(pair, sizeof pair, "%.*s=%.*s", (int)(op - name), name, (int)(end - quote - 1), quote + 1);
  if (n <= 0 || (size_t)n >= sizeof pair) fail(file, line, "attribute selector too long");
  add_name(&out->attributes, pair, (size_t)n);
}

static void read_selectors(selectors *out, FILE *f, const char *file) {
  char buf[4096];
  int line = 1; /* the header row was line 1 */
  while (fgets(buf, sizeof buf, f)) {
    line++;
    buf[strcspn(buf, "\r\n")] = '\0';
    if (is_comment(buf)) continue;
    buf[strcspn(buf, "\t")] = '\0';
    parse_selector(out, buf, file, line);
  }
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const row *)a)->phrase, ((const row *)b)->phrase);
}

static void emit_names(FILE *out, const char *name, table *t) {
  qsort(t->rows, t->count, sizeof *t->rows, by_name);
  fprintf(out, "const char *const %s[] = {\n", name);
  size_t n = 0;
  for (size_t i = 0; i < t->count; i++) {
    if (i > 0 && strcmp(t->rows[i].phrase, t->rows[i - 1].phrase) == 0) continue;
    fputs("  ", out);
    emit_string(out, t->rows[i].phrase);
    fputs(",\n", out);
    n++;
  }
  fprintf(out, "  0\n};\nconst size_t %s_count = %zu;\n\n", name, n);
}

static void read_file(table *t, const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) { perror(file); exit(1); }
  char buf[4096];
  int line = 0;
  if (is_selector_file(f)) {
    read_selectors(&g_selectors, f, file);
    fclose(f);
    return;
  }
  while (fgets(buf, sizeof buf, f)) {
    line++;
    buf[strcspn(buf, "\r\n")] = '\0';
    if (is_comment(buf) || strncmp(buf, "lang\t", 5) == 0) continue;
    char *lang = buf, *kind = strchr(buf, '\t');
    if (!kind) fail(file, line, "expected: language<TAB>role/concept<TAB>phrase");
    *kind++ = '\0';
    char *phrase = strchr(kind, '\t');
    if (!phrase) fail(file, line, "expected: language<TAB>role/concept<TAB>phrase");
    *phrase++ = '\0';
    char *source = strchr(phrase, '\t'); /* an optional fourth column: the row's source */
    if (source) *source = '\0';
    char *slash = strchr(kind, '/');
    if (!slash) fail(file, line, "kind must be ROLE/CONCEPT, e.g. section/related");
    row r = parse_phrase(phrase, file, line);
    r.role = role_from_name(kind, (size_t)(slash - kind));
    if (r.role == WN_LEX_NONE)
      fail(file, line, "role must be line, section, consent, ai-label, credit or byline");
    r.concept = wn_xstrndup(slash + 1, strlen(slash + 1));
    r.lang = wn_xstrndup(lang, strlen(lang));
    add_row(t, r);
  }
  fclose(f);
}

static int by_phrase(const void *a, const void *b) {
  const row *x = a, *y = b;
  int cmp = strcmp(x->phrase, y->phrase);
  return cmp ? cmp : x->match - y->match;
}

/* The byte an affix entry is filed under: what the text (or, for an infix,
 * the place in it) must start or end with. */
static unsigned char affix_key(const row *r) {
  size_t len = strlen(r->phrase);
  if (r->match == WN_LEX_PREFIX) return (unsigned char)r->phrase[0];
  if (r->match == WN_LEX_SUFFIX) return (unsigned char)r->phrase[len - 1];
  return (unsigned char)r->phrase[0]; /* infix: where a match in the text starts */
}

static int by_affix_key(const void *a, const void *b) {
  const row *x = a, *y = b;
  if (x->match != y->match) return x->match - y->match;
  if (affix_key(x) != affix_key(y)) return affix_key(x) - affix_key(y);
  return strcmp(x->phrase, y->phrase);
}

/* Keep one row per (phrase, match) of the wanted kind: the first row wins. */
static table select_rows(const table *t, int exact) {
  table out = {0};
  for (size_t i = 0; i < t->count; i++) {
    const row *r = &t->rows[i];
    if ((r->match == WN_LEX_EXACT) != exact) continue;
    if (i > 0 && by_phrase(r, &t->rows[i - 1]) == 0) continue;
    add_row(&out, *r);
  }
  return out;
}

/* Where each (match, key byte) run starts, so a lookup scans only its run. */
static void emit_affix_index(FILE *out, const table *t) {
  fputs("const unsigned short wn_lexicon_affix_index[3][257] = {\n", out);
  for (int m = WN_LEX_PREFIX; m <= WN_LEX_INFIX; m++) {
    fputs("  {", out);
    for (int key = 0; key <= 256; key++) {
      size_t at = 0;
      while (at < t->count && (t->rows[at].match < m ||
                               (t->rows[at].match == m && affix_key(&t->rows[at]) < key)))
        at++;
      fprintf(out, "%zu%s", at, key < 256 ? "," : "");
    }
    fputs("},\n", out);
  }
  fputs("};\n\n", out);
}

static void emit_table(FILE *out, const char *name, const table *t, int exact) {
  size_t n = 0;
  table rows = select_rows(t, exact);
  if (!exact) qsort(rows.rows, rows.count, sizeof *rows.rows, by_affix_key);
  fprintf(out, "const wn_lex_entry %s[] = {\n", name);
  for (size_t i = 0; i < rows.count; i++) {
    const row *r = &rows.rows[i];
    fputs("  {", out);
    emit_string(out, r->phrase);
    fputs(", ", out);
    emit_string(out, r->concept);
    fputs(", ", out);
    emit_string(out, r->lang);
    fprintf(out, ", %d, %d},\n", r->role, r->match);
    n++;
  }
  fprintf(out, "  {0, 0, 0, 0, 0}\n};\nconst size_t %s_count = %zu;\n\n", name, n);
  if (!exact) emit_affix_index(out, &rows);
  free(rows.rows);
}

/* Rows share nothing, so each frees its own strings. */
static void free_table(table *t) {
  for (size_t i = 0; i < t->count; i++) {
    free(t->rows[i].phrase);
    free(t->rows[i].concept);
    free(t->rows[i].lang);
  }
  free(t->rows);
  memset(t, 0, sizeof *t);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: lexgen OUTPUT.c FILE.tsv...\n");
    return 2;
  }
  table t = {0};
  for (int i = 2; i < argc; i++) read_file(&t, argv[i]);
  qsort(t.rows, t.count, sizeof *t.rows, by_phrase);
  FILE *out = fopen(argv[1], "w");
  if (!out) { perror(argv[1]); return 1; }
  fputs("/* Generated by tools/lexgen from the data/ lexicons. Do not edit. */\n"
        "#include \"cmp.h\"\n#include \"lexicon.h\"\n\n", out);
  emit_table(out, "wn_lexicon_exact", &t, 1);
  emit_table(out, "wn_lexicon_affix", &t, 0);
  emit_names(out, "wn_cmp_ids", &g_selectors.ids);
  emit_names(out, "wn_cmp_classes", &g_selectors.classes);
  emit_names(out, "wn_cmp_id_prefixes", &g_selectors.id_prefixes);
  emit_names(out, "wn_cmp_attributes", &g_selectors.attributes);
  int status = 0;
  if (fclose(out) != 0) {
    perror(argv[1]);
    status = 1;
  }
  /* Freed so that sanitizer builds, which check the build tools too, pass. */
  free_table(&t);
  free_table(&g_selectors.ids);
  free_table(&g_selectors.classes);
  free_table(&g_selectors.id_prefixes);
  free_table(&g_selectors.attributes);
  return status;
}
