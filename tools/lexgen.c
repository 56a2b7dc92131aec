/*
 * lexgen: compile the phrase lexicons (data/NAME.tsv) into C tables.
 *
 *   lexgen OUTPUT.c FILE.tsv...
 *   lexgen --normalize          (stdin lines -> normalised lines, for tools)
 *
 * Each row: language <TAB> role/concept <TAB> phrase <TAB> source. The source
 * names where the phrase is known from (a CMS's or consent platform's
 * translations, a reference table, "tune-sites:N"); a row without one is an
 * error. Comment lines ("# ...") and the header row ("lang ...") are skipped. A file whose header row is
 * "selector<TAB>vendor" lists consent-manager selectors instead. Phrases are normalised with the
 * matcher's own code, so build-time and run-time forms cannot drift apart.
 * A malformed row stops the build with its file and line, and so does a
 * phrase filed under two kinds (which one won would depend on sort order).
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
  const char *file; /* where the row was read, for error messages */
  int line;
} row;

typedef struct table {
  row *rows;
  size_t count, cap;
} table;

static int role_from_name(const char *name, size_t len) {
  static const struct { const char *name; int role; } ROLES[] = {
      {"line", WN_LEX_LINE}, {"section", WN_LEX_SECTION},
      {"consent", WN_LEX_CONSENT}, {"ai-label", WN_LEX_AI_LABEL},
      {"credit", WN_LEX_CREDIT}, {"byline", WN_LEX_BYLINE},
      {"button", WN_LEX_BUTTON}};
  for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++)
    if (strlen(ROLES[i].name) == len && strncmp(ROLES[i].name, name, len) == 0) return ROLES[i].role;
  return WN_LEX_NONE;
}

static const char *role_name(int role) {
  static const char *const NAMES[] = {"none",   "line",   "section", "consent",
                                      "ai-label", "credit", "byline", "button"};
  return role >= 0 && role < (int)(sizeof NAMES / sizeof NAMES[0]) ? NAMES[role] : "?";
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
  if (t->count) qsort(t->rows, t->count, sizeof *t->rows, by_name); /* NULL when empty */
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

/* ---- row sources ------------------------------------------------------- */

/* Date patterns ("0 january 0") are built from month names, not copied from
 * pages, and are checked by their own rules; every other row must say where
 * its phrase is known from. */
static int needs_source(const char *kind) { return strcmp(kind, "line/date") != 0; }

/* Cut the source column off `phrase` (in place); a row without one is an error. */
static void split_source(char *phrase, const char *kind, const char *file, int line) {
  char *source = strchr(phrase, '\t');
  if (source) *source++ = '\0';
  if (!needs_source(kind)) return;
  if (!source || source[strspn(source, " ")] == '\0')
    fail(file, line, "row has no source (4th column: where the phrase is known from)");
  if (strchr(source, '\t')) fail(file, line, "expected 4 columns: language, kind, phrase, source");
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
    if (!phrase) fail(file, line, "expected: language<TAB>role/concept<TAB>phrase<TAB>source");
    *phrase++ = '\0';
    split_source(phrase, kind, file, line);
    char *slash = strchr(kind, '/');
    if (!slash) fail(file, line, "kind must be ROLE/CONCEPT, e.g. section/related");
    row r = parse_phrase(phrase, file, line);
    r.role = role_from_name(kind, (size_t)(slash - kind));
    if (r.role == WN_LEX_NONE)
      fail(file, line, "role must be line, section, consent, ai-label, credit, byline or button");
    if (r.role == WN_LEX_BUTTON && r.match != WN_LEX_EXACT)
      fail(file, line, "a button row is a whole label: no \"*\"");
    r.concept = wn_xstrndup(slash + 1, strlen(slash + 1));
    r.lang = wn_xstrndup(lang, strlen(lang));
    r.file = file, r.line = line;
    add_row(t, r);
  }
  fclose(f);
}

static int by_phrase(const void *a, const void *b) {
  const row *x = a, *y = b;
  int cmp = strcmp(x->phrase, y->phrase);
  return cmp ? cmp : x->match - y->match;
}

/* ---- one role per phrase, and a stable order ---------------------------- */

/* Rows of one (phrase, match) sort by role, concept, language, then where
 * they were read, so the row that wins does not depend on qsort. */
static int by_phrase_fully(const void *a, const void *b) {
  const row *x = a, *y = b;
  int cmp = by_phrase(x, y);
  if (!cmp) cmp = x->role - y->role;
  if (!cmp) cmp = strcmp(x->concept, y->concept);
  if (!cmp) cmp = strcmp(x->lang, y->lang);
  if (!cmp) cmp = strcmp(x->file, y->file);
  return cmp ? cmp : x->line - y->line;
}

/* A phrase filed under two kinds (role/concept) would do and be named by
 * whichever row sorts first: an error naming both rows. Returns the number of
 * conflicts reported. */
static int report_kind_conflicts(const table *t) {
  int conflicts = 0;
  for (size_t i = 1; i < t->count; i++) {
    const row *a = &t->rows[i - 1], *b = &t->rows[i];
    if (by_phrase(a, b) != 0 || (a->role == b->role && strcmp(a->concept, b->concept) == 0))
      continue;
    fprintf(stderr, "lexgen: %s:%d: phrase \"%s\" is %s/%s here but %s/%s at %s:%d\n", b->file,
            b->line, b->phrase, role_name(b->role), b->concept, role_name(a->role), a->concept,
            a->file, a->line);
    conflicts++;
  }
  return conflicts;
}

/* Sort into the emitted order; stop the build if a phrase has two kinds. */
static void sort_rows(table *t) {
  if (t->count) qsort(t->rows, t->count, sizeof *t->rows, by_phrase_fully);
  if (report_kind_conflicts(t)) exit(1);
}

/* ---- normalisation for tools -------------------------------------------- */

/* One normalised line per input line: tools that check the lexicons against
 * pages use the matcher's own normalisation through this. */
static int normalize_lines(FILE *in, FILE *out) {
  char buf[1 << 16];
  while (fgets(buf, sizeof buf, in)) {
    size_t len = strcspn(buf, "\r\n"), n;
    char *norm = wn_normalize_phrase(buf, len, &n);
    fwrite(norm, 1, n, out);
    fputc('\n', out);
    free(norm);
  }
  return fflush(out) == 0 ? 0 : 1;
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
  if (!exact && rows.count) qsort(rows.rows, rows.count, sizeof *rows.rows, by_affix_key);
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

/* ---- class/id name cues ------------------------------------------------ */

/*
 *   lexgen --cues OUTPUT.c CUES.tsv
 *
 * Each row of a cue file (data/name-cues.tsv): name <TAB> kind <TAB> source.
 * The kind must be one the segmenter knows, and is written into the table as
 * its WN_EL_ flag, so that the compiler checks it too. A name is filed under
 * one kind only, and every row says where it comes from. Rows keep the file's
 * order.
 */
typedef struct cue_kind {
  const char *name, *flag;
} cue_kind;

static const cue_kind CUE_KINDS[] = {
    {"nav", "WN_EL_NAV"},           {"header", "WN_EL_HEADER"},
    {"footer", "WN_EL_FOOTER"},     {"aside", "WN_EL_ASIDE"},
    {"widget", "WN_EL_WIDGET_NAME"}, {"comments", "WN_EL_COMMENTS"},
    {"reviews", "WN_EL_REVIEWS"},   {"dialog", "WN_EL_DIALOG"},
    {"caption", "WN_EL_CAPTION"},   {"negative", "WN_EL_NEGATIVE_NAME"},
    {"positive", "WN_EL_POSITIVE_NAME"}};
enum { CUE_KIND_COUNT = sizeof CUE_KINDS / sizeof CUE_KINDS[0] };

typedef struct cue_row {
  char *name;
  const cue_kind *kind;
  int line;
} cue_row;

typedef struct cue_table {
  cue_row *rows;
  size_t count, cap;
} cue_table;

static const cue_kind *cue_kind_named(const char *name) {
  for (size_t i = 0; i < CUE_KIND_COUNT; i++)
    if (strcmp(CUE_KINDS[i].name, name) == 0) return &CUE_KINDS[i];
  return NULL;
}

/* Names are matched against lower-cased class and id tokens: anything else
 * could never match. */
static int cue_name_ok(const char *name) {
  const char *p = name[0] == '=' ? name + 1 : name;
  if (!*p) return 0;
  for (; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')) return 0;
  return 1;
}

/* "=ad" and "ad" are one name: a whole-name match is only narrower. */
static const cue_row *cue_find(const cue_table *t, const char *name) {
  const char *bare = name[0] == '=' ? name + 1 : name;
  for (size_t i = 0; i < t->count; i++) {
    const char *other = t->rows[i].name;
    if (strcmp(other[0] == '=' ? other + 1 : other, bare) == 0) return &t->rows[i];
  }
  return NULL;
}

static void cue_add(cue_table *t, char *name, const cue_kind *kind, const char *file, int line) {
  const cue_row *earlier = cue_find(t, name);
  if (earlier) {
    char why[512];
    snprintf(why, sizeof why, "'%.200s' is already filed under %s at line %d%s", name,
             earlier->kind->name, earlier->line, earlier->kind == kind ? "" : ": one kind per name");
    fail(file, line, why);
  }
  if (t->count == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 256;
    t->rows = wn_xrealloc(t->rows, t->cap * sizeof *t->rows);
  }
  t->rows[t->count++] = (cue_row){wn_xstrndup(name, strlen(name)), kind, line};
}

static void cue_read_row(cue_table *t, char *buf, const char *file, int line) {
  char *name = buf, *kind = strchr(buf, '\t');
  char *source = kind ? strchr(kind + 1, '\t') : NULL;
  if (!source) fail(file, line, "expected: name<TAB>kind<TAB>source");
  *kind++ = '\0';
  *source++ = '\0';
  if (strchr(source, '\t')) fail(file, line, "expected three columns: name<TAB>kind<TAB>source");
  if (strspn(source, " ") == strlen(source)) fail(file, line, "row has no source");
  if (!cue_name_ok(name)) fail(file, line, "name must be [=]lower-case letters, digits, '-' or '_'");
  const cue_kind *k = cue_kind_named(kind);
  if (!k) {
    char why[512];
    int n = snprintf(why, sizeof why, "unknown kind '%.200s' (known:", kind);
    for (size_t i = 0; i < CUE_KIND_COUNT && n > 0 && (size_t)n < sizeof why; i++)
      n += snprintf(why + n, sizeof why - (size_t)n, " %s", CUE_KINDS[i].name);
    if (n > 0 && (size_t)n < sizeof why - 1) strcat(why, ")");
    fail(file, line, why);
  }
  cue_add(t, name, k, file, line);
}

static void cue_read_file(cue_table *t, const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) { perror(file); exit(1); }
  char buf[4096];
  int line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    buf[strcspn(buf, "\r\n")] = '\0';
    if (is_comment(buf) || strncmp(buf, "name\t", 5) == 0) continue;
    cue_read_row(t, buf, file, line);
  }
  fclose(f);
}

static int cue_emit(const cue_table *t, const char *path) {
  FILE *out = fopen(path, "w");
  if (!out) { perror(path); return 1; }
  fputs("/* Generated by tools/lexgen --cues from data/name-cues.tsv. Do not edit. */\n"
        "#include \"name_cues.h\"\n#include \"segment.h\"\n\n"
        "const wn_name_cue wn_name_cues[] = {\n", out);
  for (size_t i = 0; i < t->count; i++) {
    fputs("  {", out);
    emit_string(out, t->rows[i].name);
    fprintf(out, ", %s},\n", t->rows[i].kind->flag);
  }
  fprintf(out, "};\nconst size_t wn_name_cues_count = %zu;\n", t->count);
  if (fclose(out) != 0) { perror(path); return 1; }
  return 0;
}

static int cues_main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: lexgen --cues OUTPUT.c CUES.tsv\n");
    return 2;
  }
  cue_table t = {0};
  cue_read_file(&t, argv[2]);
  if (t.count == 0) fail(argv[2], 0, "no cues");
  int status = cue_emit(&t, argv[1]);
  for (size_t i = 0; i < t.count; i++) free(t.rows[i].name);
  free(t.rows);
  return status;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "--cues") == 0) return cues_main(argc - 1, argv + 1);
  if (argc == 2 && strcmp(argv[1], "--normalize") == 0) return normalize_lines(stdin, stdout);
  if (argc < 3) {
    fprintf(stderr, "usage: lexgen OUTPUT.c FILE.tsv...\n       lexgen --normalize\n       lexgen --cues OUTPUT.c CUES.tsv\n");
    return 2;
  }
  table t = {0};
  for (int i = 2; i < argc; i++) read_file(&t, argv[i]);
  sort_rows(&t);
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
