#define _GNU_SOURCE /* memmem */
#include "prepass.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

#include "buffer.h"

/*
 * A light scan that knows just enough of the HTML tokenizer to find where
 * script and style bodies start and end: comments, tags with quoted
 * attribute values, and the elements whose text is raw (their bodies are
 * copied unread, so a "<script" in a <textarea> stays text).
 */

enum { SCOPE_BOUNDARY_COUNT = 7, FORMATTING_KINDS = 13, SPECIAL_COUNT = 48 };

/* Elements whose bodies are raw text: no tags inside, up to their end tag. */
static const char *const RAW[] = {"textarea", "title", "xmp", "iframe", "noembed", "noframes"};
#define RAW_NAME_COUNT (sizeof RAW / sizeof RAW[0])
static const char SCRIPT_NAME[] = "script";

typedef struct scan {
  char *s;
  size_t len;
  size_t r, w; /* read and write positions; w <= r always */
  /* Budgets (see prepass.h); the depth is estimated from the tags alone. */
  wn_limits limits;
  uint32_t *open;       /* per open element: name hash << 1 | dropped */
  size_t depth, open_cap;
  size_t foreign_depth; /* depth of the open svg or math element, 0 = none */
  size_t nodes;         /* start tags and comments seen */
  size_t open_formatting[FORMATTING_KINDS]; /* by tag_info.formatting */
  uint32_t scope_boundaries[SCOPE_BOUNDARY_COUNT]; /* name hashes */
  uint32_t special[SPECIAL_COUNT];                  /* name hashes, sorted */
  /* Per raw-text element name: 1 + a position after which its end tag never
   * comes, or 0 while not known. Keeps repeated searches linear. */
  size_t unclosed_from[RAW_NAME_COUNT];
  /* Attributes seen on <html> and <body> tags: the parser merges each
   * repeated tag's attributes into the one element, comparing every new
   * attribute with all it has, so their total is budgeted like one tag's. */
  size_t root_attributes;
  /* Inline SVG, indexed once from the first <svg> on: where each "<svg"
   * is closed, and where HTML tags that break out of SVG start. Searching
   * forward from every <svg> instead was quadratic (80,000 unclosed ones). */
  struct {
    bool built;
    size_t *open_at, *closed_at, opens; /* by position */
    size_t *breakout_at, breakouts;     /* sorted */
  } svg;
  unsigned reached;
} scan;

static void copy(scan *c, size_t n) {
  if (c->r + n > c->len) n = c->len - c->r;
  if (c->w != c->r) memmove(c->s + c->w, c->s + c->r, n);
  c->r += n;
  c->w += n;
}

static bool is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

static bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

/* Where "</NAME" followed by a space, "/" or ">" starts at or after `from`
 * (ASCII case-insensitive), or len. */
static size_t find_end_tag(const scan *c, size_t from, const char *name, size_t name_len) {
  for (size_t i = from; i + 2 + name_len <= c->len; i++) {
    const char *lt = memchr(c->s + i, '<', c->len - i);
    if (!lt) break;
    i = (size_t)(lt - c->s);
    if (i + 2 + name_len > c->len) break;
    if (c->s[i + 1] != '/') continue;
    if (strncasecmp(c->s + i + 2, name, name_len) != 0) continue;
    size_t after = i + 2 + name_len;
    if (after == c->len || is_space(c->s[after]) || c->s[after] == '/' || c->s[after] == '>')
      return i;
  }
  return c->len;
}

/* The end of the tag whose name ends at `i`: one past its ">", or len.
 * `*cut` gets where attribute number `keep` + 1 starts, or 0 if there are
 * no more than `keep`. Attribute names and values are read as the
 * tokenizer reads them, so a ">" inside a quoted value does not end it. */
static size_t tag_end_counted(const scan *c, size_t i, size_t keep, size_t *cut, size_t *attributes);

static size_t tag_end(const scan *c, size_t i, size_t keep, size_t *cut) {
  size_t attributes;
  return tag_end_counted(c, i, keep, cut, &attributes);
}

/* tag_end, also counting the tag's attributes. */
static size_t tag_end_counted(const scan *c, size_t i, size_t keep, size_t *cut, size_t *attributes) {
  size_t count = 0;
  *cut = 0;
  *attributes = 0;
  while (i < c->len) {
    while (i < c->len && (is_space(c->s[i]) || c->s[i] == '/')) i++;
    if (i >= c->len) break;
    if (c->s[i] == '>') break;
    if (++count == keep + 1) *cut = i;
    *attributes = count;
    i++; /* a name's first character may be anything, even "=" */
    while (i < c->len && !is_space(c->s[i]) && c->s[i] != '/' && c->s[i] != '>' && c->s[i] != '=')
      i++;
    while (i < c->len && is_space(c->s[i])) i++;
    if (i >= c->len || c->s[i] != '=') continue;
    i++;
    while (i < c->len && is_space(c->s[i])) i++;
    if (i < c->len && (c->s[i] == '"' || c->s[i] == '\'')) {
      const char *close = memchr(c->s + i + 1, c->s[i], c->len - i - 1);
      i = close ? (size_t)(close - c->s) + 1 : c->len;
    } else {
      while (i < c->len && !is_space(c->s[i]) && c->s[i] != '>') i++;
    }
  }
  return i < c->len ? i + 1 : c->len;
}

/* ASCII case-insensitive search; `needle` is lower case. memchr finds the
 * candidates (script bodies run to megabytes), each kind of first letter
 * searched onward from its last hit only: looking for the next upper-case
 * letter anew at every lower-case one was quadratic (a 2 MB attribute of
 * "l" on a <script>, searched for "ld+json"). */
static bool has_text(const char *s, size_t len, const char *needle) {
  size_t n = strlen(needle);
  const char *end = s + len;
  char first = needle[0], upper = (char)(first >= 'a' && first <= 'z' ? first - 32 : first);
  const char *lo = memchr(s, first, len);
  const char *up = upper != first ? memchr(s, upper, len) : NULL;
  while (lo || up) {
    const char *hit = !up || (lo && lo < up) ? lo : up;
    if ((size_t)(end - hit) >= n && strncasecmp(hit, needle, n) == 0) return true;
    if (hit == lo) lo = memchr(lo + 1, first, (size_t)(end - lo - 1));
    else up = memchr(up + 1, upper, (size_t)(end - up - 1));
  }
  return false;
}

typedef enum { BODY_NORMAL, BODY_ELIDE, BODY_RAW, BODY_REST, BODY_SVG } body_kind;

/*
 * Where the raw-text element `name` (one of RAW) whose body starts at `from`
 * ends, or len if it is never closed.
 */
static size_t raw_body_end(scan *c, size_t from, const char *name) {
  size_t slot = 0;
  while (slot < RAW_NAME_COUNT && RAW[slot] != name) slot++;
  size_t *unclosed = slot < RAW_NAME_COUNT ? &c->unclosed_from[slot] : NULL;
  if (unclosed && *unclosed && from + 1 >= *unclosed) return c->len;
  size_t end = find_end_tag(c, from, name, strlen(name));
  if (unclosed && end == c->len && (!*unclosed || from + 1 < *unclosed)) *unclosed = from + 1;
  return end;
}

/* HTML start tags that end foreign content when met inside <svg> (the
 * parser's "breakout" list), so that what follows is HTML again. */
static bool is_breakout_tag(const scan *c, size_t i) {
  /* By length, so that a tag is compared with few names (index = length). */
  static const char *const BREAKOUT[11] = {
      NULL, "b i p s u", "br dd dl dt em h1 h2 h3 h4 h5 h6 hr li ol tt ul", "big img pre sub sup var",
      "body code font head menu meta nobr ruby span", "embed small table", "center strike strong",
      "listing", NULL, NULL, "blockquote"};
  if (i + 1 >= c->len || !is_alpha(c->s[i + 1])) return false;
  size_t n = 0;
  while (i + 1 + n < c->len && n <= 10 &&
         (is_alpha(c->s[i + 1 + n]) || (c->s[i + 1 + n] >= '0' && c->s[i + 1 + n] <= '9')))
    n++;
  if (n > 10 || !BREAKOUT[n]) return false;
  for (const char *name = BREAKOUT[n]; *name; name += n + (name[n] == ' ')) {
    if (strncasecmp(c->s + i + 1, name, n) == 0) return true;
    if (!name[n]) break;
  }
  return false;
}

/* 1 for "<svg", -1 for "</svg" (followed by a space, "/" or ">"), else 0. */
static int svg_token(const scan *c, size_t i) {
  if (i + 5 > c->len) return 0;
  bool close = c->s[i + 1] == '/';
  size_t at = i + 1 + (close ? 1 : 0);
  if (at + 3 > c->len || strncasecmp(c->s + at, "svg", 3) != 0) return 0;
  char after = at + 3 < c->len ? c->s[at + 3] : '>';
  if (!is_space(after) && after != '/' && after != '>') return 0;
  return close ? -1 : 1;
}

static void push_position(size_t **list, size_t *count, size_t *cap, size_t value) {
  if (*count == *cap) {
    *cap = *cap ? 2 * *cap : 64;
    *list = wn_xrealloc(*list, *cap * sizeof **list);
  }
  (*list)[(*count)++] = value;
}

/* One pass from the read position (bytes behind it are already rewritten):
 * "<svg" and "</svg" matched like brackets, breakout tags listed. */
static void build_svg_index(scan *c) {
  size_t open_cap = 0, break_cap = 0, stack_len = 0, stack_cap = 0, *stack = NULL;
  c->svg.built = true;
  for (size_t i = c->r; i < c->len; i++) {
    const char *lt = memchr(c->s + i, '<', c->len - i);
    if (!lt) break;
    i = (size_t)(lt - c->s);
    int token = svg_token(c, i);
    if (token > 0) {
      push_position(&stack, &stack_len, &stack_cap, c->svg.opens);
      size_t had_cap = open_cap;
      push_position(&c->svg.open_at, &c->svg.opens, &open_cap, i);
      /* Grown with open_at only: a realloc per <svg> copies every time
       * under some allocators. */
      if (open_cap != had_cap)
        c->svg.closed_at = wn_xrealloc(c->svg.closed_at, open_cap * sizeof *c->svg.closed_at);
      c->svg.closed_at[c->svg.opens - 1] = c->len;
    } else if (token < 0 && stack_len) {
      c->svg.closed_at[stack[--stack_len]] = i;
    } else if (is_breakout_tag(c, i)) {
      push_position(&c->svg.breakout_at, &c->svg.breakouts, &break_cap, i);
    }
  }
  free(stack);
}

/* The first index of `list` (sorted, `n` long) holding a value >= `value`. */
static size_t lower_bound(const size_t *list, size_t n, size_t value) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static bool breaks_out_of_svg(const scan *c, size_t from, size_t to) {
  size_t k = lower_bound(c->svg.breakout_at, c->svg.breakouts, from);
  return k < c->svg.breakouts && c->svg.breakout_at[k] < to;
}

/* Where the <svg> whose start tag begins at the read position ends: its
 * matching "</svg", counting nested <svg> elements, or len. */
static size_t find_svg_end(scan *c) {
  if (!c->svg.built) build_svg_index(c);
  size_t k = lower_bound(c->svg.open_at, c->svg.opens, c->r);
  return k < c->svg.opens && c->svg.open_at[k] == c->r ? c->svg.closed_at[k] : c->len;
}

/* What to do with the body of the element whose start tag is [start, end). */
static body_kind classify_tag(const scan *c, size_t name_len, size_t end, const char **name) {
  const char *tag = c->s + c->r + 1;
  *name = NULL;
  if (name_len == 6 && strncasecmp(tag, "script", 6) == 0) {
    *name = SCRIPT_NAME;
    /* JSON-LD is read for the author and date: it stays. */
    return has_text(tag, end - c->r - 1, "ld+json") ? BODY_RAW : BODY_ELIDE;
  }
  if (name_len == 5 && strncasecmp(tag, "style", 5) == 0) {
    *name = "style";
    return BODY_ELIDE;
  }
  if (name_len == 9 && strncasecmp(tag, "plaintext", 9) == 0) return BODY_REST;
  /* Inline SVG (icons, charts) is drawing, not text; the cleaning stage
   * skips it whole. */
  if (name_len == 3 && strncasecmp(tag, "svg", 3) == 0) return BODY_SVG;
  for (size_t i = 0; i < sizeof RAW / sizeof RAW[0]; i++)
    if (strlen(RAW[i]) == name_len && strncasecmp(tag, RAW[i], name_len) == 0) {
      *name = RAW[i];
      return BODY_RAW;
    }
  return BODY_NORMAL;
}

/* How an element takes part in the depth estimate. */
typedef enum {
  NESTS,      /* stays open until its end tag: counts towards the depth */
  FLAT,       /* void, raw text, or closed by the next sibling (p, li, td...) */
  FORMATTING, /* nests, and is rebuilt wherever text follows while open */
} element_class;

enum {
  CLOSES_SAME = 1, /* a start tag first closes an open element of its name (a, button) */
  FOREIGN = 2,     /* svg, math: inside them "<x/>" closes itself */
  LIST_ITEM = 4    /* li, dd, dt: closes an open item of its kind unless a block is between */
};

typedef struct tag_info {
  const char *name;
  unsigned char kind;      /* element_class */
  signed char formatting;  /* index into open_formatting, or -1 */
  unsigned char flags;
} tag_info;

/* Elements that are not NESTS with no flags, by name (sorted, for bsearch).
 * FLAT: void elements; raw text (their bodies hold no tags); elements
 * closed by their next sibling or only valid in one place. */
static const tag_info TAGS[] = {
    {"a", NESTS, -1, CLOSES_SAME}, {"area", FLAT, -1, 0},       {"b", FORMATTING, 0, 0},
    {"base", FLAT, -1, 0},         {"basefont", FLAT, -1, 0},   {"bgsound", FLAT, -1, 0},
    {"big", FORMATTING, 1, 0},     {"body", FLAT, -1, 0},       {"br", FLAT, -1, 0},
    {"button", NESTS, -1, CLOSES_SAME}, {"caption", FLAT, -1, 0}, {"code", FORMATTING, 2, 0},
    {"col", FLAT, -1, 0},          {"colgroup", FLAT, -1, 0},   {"dd", NESTS, -1, LIST_ITEM},
    {"dt", NESTS, -1, LIST_ITEM},           {"em", FORMATTING, 3, 0},    {"embed", FLAT, -1, 0},
    {"font", FORMATTING, 4, 0},    {"frame", FLAT, -1, 0},      {"frameset", FLAT, -1, 0},
    {"head", FLAT, -1, 0},         {"hr", FLAT, -1, 0},         {"html", FLAT, -1, 0},
    {"i", FORMATTING, 5, 0},       {"iframe", FLAT, -1, 0},     {"image", FLAT, -1, 0},
    {"img", FLAT, -1, 0},          {"input", FLAT, -1, 0},      {"keygen", FLAT, -1, 0},
    {"li", NESTS, -1, LIST_ITEM},           {"link", FLAT, -1, 0},       {"math", NESTS, -1, FOREIGN},
    {"meta", FLAT, -1, 0},         {"nobr", FORMATTING, 6, CLOSES_SAME},
    {"noembed", FLAT, -1, 0},      {"noframes", FLAT, -1, 0},   {"optgroup", FLAT, -1, 0},
    {"option", FLAT, -1, 0},       {"p", FLAT, -1, 0},          {"param", FLAT, -1, 0},
    {"plaintext", FLAT, -1, 0},    {"rb", FLAT, -1, 0},         {"rp", FLAT, -1, 0},
    {"rt", FLAT, -1, 0},           {"rtc", FLAT, -1, 0},        {"s", FORMATTING, 7, 0},
    {"script", FLAT, -1, 0},       {"small", FORMATTING, 8, 0}, {"source", FLAT, -1, 0},
    {"strike", FORMATTING, 9, 0},  {"strong", FORMATTING, 10, 0}, {"style", FLAT, -1, 0},
    {"svg", NESTS, -1, FOREIGN},   {"tbody", FLAT, -1, 0},      {"td", FLAT, -1, 0},
    {"textarea", FLAT, -1, 0},     {"tfoot", FLAT, -1, 0},      {"th", FLAT, -1, 0},
    {"thead", FLAT, -1, 0},        {"title", FLAT, -1, 0},      {"tr", FLAT, -1, 0},
    {"track", FLAT, -1, 0},        {"tt", FORMATTING, 11, 0},   {"u", FORMATTING, 12, 0},
    {"wbr", FLAT, -1, 0},          {"xmp", FLAT, -1, 0}};

enum { LONGEST_LISTED_NAME = 9 };

static const tag_info OTHER_TAG = {"", NESTS, -1, 0};

static int compare_tag(const void *key, const void *entry) {
  return strcmp(key, ((const tag_info *)entry)->name);
}

static const tag_info *tag_info_of(const char *name, size_t n) {
  if (n == 0 || n > LONGEST_LISTED_NAME) return &OTHER_TAG;
  char lower[LONGEST_LISTED_NAME + 1];
  for (size_t i = 0; i < n; i++) lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
  lower[n] = '\0';
  const tag_info *t = bsearch(lower, TAGS, sizeof TAGS / sizeof TAGS[0], sizeof TAGS[0], compare_tag);
  return t ? t : &OTHER_TAG;
}

static uint32_t name_hash(const char *name, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)(name[i] | 0x20)) * 16777619u;
  return (h ^ (h >> 16)) & 0x7fffffffu;
}

static size_t name_length(const scan *c, size_t at) {
  size_t n = 0;
  while (at + n < c->len &&
         (is_alpha(c->s[at + n]) || c->s[at + n] == '-' || (c->s[at + n] >= '0' && c->s[at + n] <= '9')))
    n++;
  return n;
}

/*
 * Where the parser would close an open element of this name: how many
 * elements down the estimated stack it is (1 = the top), or 0 if it is not
 * open. Like the parser, the search stops at elements that bound a scope
 * (tables, templates...); it also looks no deeper than OPEN_SEARCH, so an
 * end tag costs the same at any depth (past it the estimate errs high,
 * which drops tags early but never text).
 */
enum { OPEN_SEARCH = 64 };

static const char *const SCOPE_BOUNDARIES[SCOPE_BOUNDARY_COUNT] = {
    "table", "template", "applet", "object", "marquee", "svg", "math"};

/*
 * The parser's "special" elements that the estimate keeps on its stack
 * (void and raw-text ones never are; p, address and div are left out, as the
 * list-item rules skip them). A list item's start tag stops at them, and
 * the adoption agency leaves them open when it closes a formatting element.
 */
static const char *const SPECIAL[SPECIAL_COUNT] = {
    "applet", "article", "aside", "blockquote", "button", "center", "dd", "details", "dir",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "li", "listing", "main", "marquee", "menu", "nav",
    "noscript", "object", "ol", "pre", "search", "section", "select", "summary", "table",
    "tbody", "td", "template", "tfoot", "th", "thead", "tr", "ul", "caption"};

static int compare_hash(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static bool is_special(const scan *c, uint32_t hash) {
  return bsearch(&hash, c->special, SPECIAL_COUNT, sizeof hash, compare_hash) != NULL;
}

static bool is_list_item_name(uint32_t have, uint32_t want, const uint32_t *item_hashes) {
  /* dd and dt close each other; li closes li. */
  if (want == item_hashes[0]) return have == item_hashes[0];
  return have == item_hashes[1] || have == item_hashes[2];
}

static bool close_open(scan *c, size_t count);

/* A list item's start tag closes an open item of its kind (and all above
 * it) when no special element other than p, address and div is between;
 * nested lists keep their items open. */
static void close_list_item(scan *c, const char *name, size_t n) {
  uint32_t items[3] = {name_hash("li", 2), name_hash("dd", 2), name_hash("dt", 2)};
  uint32_t want = name_hash(name, n);
  for (size_t k = 1; k <= c->depth && k <= OPEN_SEARCH; k++) {
    uint32_t have = c->open[c->depth - k] >> 1;
    if (is_list_item_name(have, want, items)) {
      close_open(c, k);
      return;
    }
    if (is_special(c, have)) return;
  }
}

static size_t open_position(const scan *c, const char *name, size_t n) {
  uint32_t want = name_hash(name, n);
  for (size_t k = 1; k <= c->depth && k <= OPEN_SEARCH; k++) {
    uint32_t have = c->open[c->depth - k] >> 1;
    if (have == want) return k;
    for (size_t i = 0; i < SCOPE_BOUNDARY_COUNT; i++)
      if (have == c->scope_boundaries[i]) return 0;
  }
  return 0;
}

/* Close the top `count` estimated open elements; whether the deepest of
 * them (the one named by the end tag) had its start tag dropped. */
static bool close_open(scan *c, size_t count) {
  bool dropped = false;
  for (size_t k = 0; k < count; k++) {
    c->depth--;
    dropped = (c->open[c->depth] & 1) != 0;
    if (c->foreign_depth > c->depth) c->foreign_depth = 0;
  }
  return dropped;
}

static void push_open(scan *c, const char *name, size_t n, bool dropped) {
  if (c->depth == c->open_cap) {
    c->open_cap = c->open_cap ? 2 * c->open_cap : 64;
    c->open = wn_xrealloc(c->open, c->open_cap * sizeof *c->open);
  }
  c->open[c->depth++] = name_hash(name, n) << 1 | (dropped ? 1u : 0u);
}

/* Attributes that nothing after the parser reads, which it would still
 * tokenize and store one by one: scripts' data (but a lazy image's
 * "data-src", read for its address), responsive image sources and event
 * handlers. On real pages they are about a seventh of what the parser
 * sees once script and style bodies are gone. */
static bool unread_attribute(const char *name, size_t n) {
  if (n > 5 && strncasecmp(name, "data-", 5) == 0)
    return !(n == 8 && strncasecmp(name + 5, "src", 3) == 0);
  if ((n == 6 && strncasecmp(name, "srcset", 6) == 0) || (n == 5 && strncasecmp(name, "sizes", 5) == 0))
    return true;
  return n > 2 && (name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N') &&
         is_alpha(name[2]);
}

/* One attribute from `i` (its name's first character), read as the
 * tokenizer reads it: one past its value, and its name's length. */
static size_t attribute_end(const scan *c, size_t i, size_t *name_len) {
  size_t start = i++; /* a name's first character may be anything, even "=" */
  while (i < c->len && !is_space(c->s[i]) && c->s[i] != '/' && c->s[i] != '>' && c->s[i] != '=') i++;
  *name_len = i - start;
  size_t after_name = i;
  while (i < c->len && is_space(c->s[i])) i++;
  if (i >= c->len || c->s[i] != '=') return after_name;
  i++;
  while (i < c->len && is_space(c->s[i])) i++;
  if (i < c->len && (c->s[i] == '"' || c->s[i] == '\'')) {
    const char *close = memchr(c->s + i + 1, c->s[i], c->len - i - 1);
    return close ? (size_t)(close - c->s) + 1 : c->len;
  }
  while (i < c->len && !is_space(c->s[i]) && c->s[i] != '>') i++;
  return i;
}

/* Copy the tag's name and its attributes up to `limit`, leaving out the
 * unread ones. */
static void copy_read_attributes(scan *c, size_t limit) {
  copy(c, 1 + name_length(c, c->r + 1));
  bool left_out = false;
  while (c->r < limit) {
    size_t i = c->r;
    while (i < limit && (is_space(c->s[i]) || c->s[i] == '/')) i++;
    if (i >= limit || c->s[i] == '>') break;
    size_t name_len, end = attribute_end(c, i, &name_len);
    if (end > limit) end = limit;
    if (unread_attribute(c->s + i, name_len)) {
      c->r = end;
      left_out = true;
      continue;
    }
    /* Read after a quoted value with no space between, it needs one now
     * that what stood before it is gone; the bytes left out make room. */
    if (i == c->r && left_out) c->s[c->w++] = ' ';
    copy(c, end - c->r);
  }
}

/* Write the tag [c->r, end), without its unread attributes, nor its
 * attributes from `cut` on. */
static void emit_tag(scan *c, size_t end, size_t cut) {
  bool self_closing = end >= 2 && c->s[end - 1] == '>' && c->s[end - 2] == '/';
  copy_read_attributes(c, cut ? cut : end);
  if (!cut) {
    copy(c, end - c->r);
    return;
  }
  copy(c, cut - c->r);
  c->r = end;
  /* At least one attribute was skipped, so there is room for "/>". */
  if (self_closing) c->s[c->w++] = '/';
  c->s[c->w++] = '>';
  c->reached |= WN_LIMIT_ATTRIBUTES;
}

static bool over_node_budget(scan *c) {
  if (c->nodes <= c->limits.max_nodes) return false;
  c->reached |= WN_LIMIT_NODES;
  return true;
}

/* A start tag that closes an open element of its own name first (a new
 * link ends the last, a button cannot hold a button). */
static void close_same(scan *c, const char *name, size_t n) {
  size_t at = open_position(c, name, n);
  if (at) close_open(c, at);
}

/* Whether the open formatting elements are at their limit. */
static bool formatting_full(scan *c) {
  size_t open = 0;
  for (int i = 0; i < FORMATTING_KINDS; i++) open += c->open_formatting[i];
  if (open < c->limits.max_open_formatting) return false;
  c->reached |= WN_LIMIT_FORMATTING;
  return true;
}

/* An ordinary element's start tag: kept, or dropped (text stays) when it
 * would nest too deep, open too many formatting elements, or exceed the
 * node budget. */
static void normal_start_tag(scan *c, size_t name_len, size_t end, size_t cut, bool self_closing) {
  const char *name = c->s + c->r + 1;
  const tag_info *tag = tag_info_of(name, name_len);
  bool foreign = (tag->flags & FOREIGN) != 0;
  bool drop = over_node_budget(c);
  element_class kind = (element_class)tag->kind;
  int formatting = tag->formatting;
  /* Past the limit a formatting tag goes uncounted: its end tag then
   * finds no open element of its name and closes nothing. */
  if (formatting >= 0 && !drop && formatting_full(c)) drop = true, kind = FLAT;
  /* In HTML "<div/>" opens a div; only svg, math and what is inside them close. */
  if (self_closing && (c->foreign_depth || foreign)) kind = FLAT;
  if (kind != FLAT) {
    if (tag->flags & CLOSES_SAME) close_same(c, name, name_len);
    if (tag->flags & LIST_ITEM) close_list_item(c, name, name_len);
    if (c->depth >= c->limits.max_depth) {
      drop = true;
      c->reached |= WN_LIMIT_DEPTH;
    }
    push_open(c, name, name_len, drop);
    if (!drop && foreign && !c->foreign_depth) c->foreign_depth = c->depth;
  }
  if (drop) {
    c->r = end;
    return;
  }
  if (formatting >= 0) c->open_formatting[formatting]++;
  emit_tag(c, end, cut);
}

/* After an elided SVG body: its "</svg>" end tag, which opened nothing. */
static void svg_end_tag(scan *c, bool drop) {
  size_t cut;
  size_t end = tag_end(c, c->r + 5, (size_t)-1, &cut);
  if (drop) c->r = end;
  else copy(c, end - c->r);
}

static bool is_root_tag(const scan *c, size_t name_len) {
  return name_len == 4 && (strncasecmp(c->s + c->r + 1, "html", 4) == 0 ||
                           strncasecmp(c->s + c->r + 1, "body", 4) == 0);
}

/* Where to cut the attributes of an <html> or <body> tag so that all such
 * tags together hold at most max_attributes (0: keep them all). */
static size_t root_attribute_cut(scan *c, size_t name_len, size_t cut, size_t attributes) {
  size_t allowed = c->root_attributes < c->limits.max_attributes
                       ? c->limits.max_attributes - c->root_attributes : 0;
  c->root_attributes += attributes;
  if (attributes <= allowed) return cut;
  size_t keep_cut;
  size_t attrs;
  tag_end_counted(c, c->r + 1 + name_len, allowed, &keep_cut, &attrs);
  return keep_cut;
}

static void start_tag(scan *c) {
  size_t name_len = name_length(c, c->r + 1);
  size_t cut, attributes;
  size_t end = tag_end_counted(c, c->r + 1 + name_len, c->limits.max_attributes, &cut, &attributes);
  if (is_root_tag(c, name_len)) cut = root_attribute_cut(c, name_len, cut, attributes);
  const char *name;
  body_kind kind = classify_tag(c, name_len, end, &name);
  bool self_closing = end >= 2 && end <= c->len && c->s[end - 1] == '>' && c->s[end - 2] == '/';
  c->nodes++;
  /* The body of a raw-text element runs from `end` to its end tag. */
  size_t raw_end = kind == BODY_RAW ? raw_body_end(c, end, name) : 0;
  /* A raw-text element never closed ("<iframe/>" in a <noscript>, which
   * browsers running scripts never parse) would turn the rest of the page
   * into its text: its start tag goes instead. */
  if (kind == BODY_RAW && name != SCRIPT_NAME && raw_end == c->len && end < c->len) {
    c->r = end;
    return;
  }
  if (kind == BODY_SVG) {
    size_t svg_end = self_closing ? c->len : find_svg_end(c);
    /* Unclosed, or holding HTML that would break out of it: an ordinary element. */
    if (svg_end == c->len || breaks_out_of_svg(c, end, svg_end)) {
      normal_start_tag(c, name_len, end, cut, self_closing);
      return;
    }
    bool drop = over_node_budget(c);
    if (drop) c->r = end;
    else emit_tag(c, end, cut);
    c->r = svg_end; /* the body goes */
    svg_end_tag(c, drop);
    return;
  }
  if (kind == BODY_NORMAL || (self_closing && kind != BODY_REST)) {
    normal_start_tag(c, name_len, end, cut, self_closing);
    return;
  }
  bool drop = over_node_budget(c);
  if (drop) c->r = end;
  else emit_tag(c, end, cut);
  if (kind == BODY_REST) {
    /* Past the budget the rest is read as markup (its tags dropped), not as text. */
    if (!drop) copy(c, c->len - c->r);
    return;
  }
  size_t body_end = kind == BODY_RAW ? raw_end : find_end_tag(c, c->r, name, strlen(name));
  /* Escaped script text ("<!--" ... "<script>") follows other rules: keep it. */
  if (drop || (kind == BODY_ELIDE && !has_text(c->s + c->r, body_end - c->r, "<!--")))
    c->r = body_end;
  else
    copy(c, body_end - c->r);
}

/*
 * The end tag of a formatting element `at` places down the stack. With only
 * phrasing elements above it, the parser closes them all. With a special
 * element above it (<b><div><p>x</b>), the adoption agency closes the
 * formatting element but leaves the special ones open, moved under a copy:
 * the tree keeps growing deeper although every <b> is closed. The estimate
 * does the same, so that such nesting meets max_depth.
 */
static bool close_formatting(scan *c, size_t at) {
  size_t bottom = c->depth - at;
  bool dropped = (c->open[bottom] & 1) != 0;
  size_t kept = bottom;
  uint32_t div = name_hash("div", 3), address = name_hash("address", 7);
  for (size_t i = bottom + 1; i < c->depth; i++) {
    uint32_t h = c->open[i] >> 1;
    if (is_special(c, h) || h == div || h == address) c->open[kept++] = c->open[i];
  }
  c->depth = kept;
  if (c->foreign_depth > c->depth) c->foreign_depth = 0;
  return dropped;
}

/* "</br>", and "</p>" where no p is open, make an element of their own (a
 * line break, an empty paragraph). The estimate does not track open p
 * elements, so every "</p>" and "</br>" counts against the node budget. */
static bool makes_element(const char *name, size_t n) {
  return (n == 1 && (name[0] == 'p' || name[0] == 'P')) ||
         (n == 2 && strncasecmp(name, "br", 2) == 0);
}

/* An end tag: dropped when its start tag was, or past the node budget
 * ("</p>" and "</br>" make elements of their own). */
static void end_tag(scan *c) {
  const char *name = c->s + c->r + 2;
  size_t name_len = name_length(c, c->r + 2);
  size_t cut;
  size_t end = tag_end(c, c->r + 2 + name_len, (size_t)-1, &cut);
  bool drop = false;
  const tag_info *tag = tag_info_of(name, name_len);
  size_t at = tag->kind == FLAT ? 0 : open_position(c, name, name_len);
  if (at && tag->kind == FORMATTING) drop = close_formatting(c, at);
  else if (at) drop = close_open(c, at);
  else drop = makes_element(name, name_len) ? (c->nodes++, over_node_budget(c))
                                            : over_node_budget(c); /* closes nothing known */
  int formatting = tag->formatting;
  if (formatting >= 0 && at && !drop && c->open_formatting[formatting])
    c->open_formatting[formatting]--;
  if (drop) c->r = end;
  else copy(c, end - c->r);
}

/* "<!--...-->", or a bogus comment ("<!x>", "<?x>"): a node of the tree. */
static void comment(scan *c) {
  size_t end;
  if (c->r + 4 <= c->len && memcmp(c->s + c->r, "<!--", 4) == 0) {
    const char *close = memmem(c->s + c->r + 4, c->len - c->r - 4, "-->", 3);
    end = close ? (size_t)(close - c->s) + 3 : c->len;
  } else {
    const char *close = memchr(c->s + c->r, '>', c->len - c->r);
    end = close ? (size_t)(close - c->s) + 1 : c->len;
  }
  c->nodes++;
  if (over_node_budget(c)) c->r = end;
  else copy(c, end - c->r);
}

static const wn_limits NO_LIMITS = {(size_t)-1, (size_t)-1, (size_t)-1, (size_t)-1};

size_t wn_prepass(char *html, size_t len, const wn_limits *limits, unsigned *reached) {
  scan c;
  memset(&c, 0, sizeof c);
  c.s = html;
  c.len = len;
  c.limits = limits ? *limits : NO_LIMITS;
  for (size_t i = 0; i < SCOPE_BOUNDARY_COUNT; i++)
    c.scope_boundaries[i] = name_hash(SCOPE_BOUNDARIES[i], strlen(SCOPE_BOUNDARIES[i]));
  for (size_t i = 0; i < SPECIAL_COUNT; i++) c.special[i] = name_hash(SPECIAL[i], strlen(SPECIAL[i]));
  qsort(c.special, SPECIAL_COUNT, sizeof c.special[0], compare_hash);
  while (c.r < c.len) {
    const char *lt = memchr(c.s + c.r, '<', c.len - c.r);
    if (!lt) {
      copy(&c, c.len - c.r);
      break;
    }
    copy(&c, (size_t)(lt - (c.s + c.r)));
    char next = c.r + 1 < c.len ? c.s[c.r + 1] : '\0';
    if (is_alpha(next)) {
      start_tag(&c);
    } else if (next == '/' && c.r + 2 < c.len && is_alpha(c.s[c.r + 2])) {
      end_tag(&c);
    } else if (next == '!' || next == '?') {
      comment(&c);
    } else {
      copy(&c, 1);
    }
  }
  free(c.open);
  free(c.svg.open_at);
  free(c.svg.closed_at);
  free(c.svg.breakout_at);
  if (c.w < c.len) html[c.w] = '\0';
  if (reached) *reached = c.reached;
  return c.w;
}

int wn_is_plain_text(const char *text, size_t len) {
  for (const char *p = text, *end = text + len; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
    if (p + 1 >= end) break;
    unsigned char c = (unsigned char)p[1];
    if (c == '!' || c == '/' || c == '?' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return 0;
  }
  return 1;
}

/* Whether the line [from, to) holds only spaces. */
static int blank_line(const char *from, const char *to) {
  for (; from < to; from++)
    if (*from != ' ' && *from != '\t' && *from != '\r') return 0;
  return 1;
}

char *wn_plain_text_as_html(const char *text, size_t len, size_t *out_len) {
  wn_buf out;
  wn_buf_init(&out);
  wn_buf_puts(&out, "<html><body>");
  int open = 0;
  for (const char *line = text, *end = text + len; line < end;) {
    const char *stop = memchr(line, '\n', (size_t)(end - line));
    if (!stop) stop = end;
    if (blank_line(line, stop)) {
      if (open) wn_buf_puts(&out, "</p>\n");
      open = 0;
    } else {
      wn_buf_puts(&out, open ? "\n" : "<p>");
      open = 1;
      for (const char *c = line; c < stop; c++) {
        if (*c == '&') wn_buf_puts(&out, "&amp;");
        else if (*c == '<') wn_buf_puts(&out, "&lt;");
        else wn_buf_putc(&out, *c);
      }
    }
    line = stop + 1;
  }
  if (open) wn_buf_puts(&out, "</p>");
  wn_buf_puts(&out, "</body></html>");
  return wn_buf_detach(&out, out_len);
}
