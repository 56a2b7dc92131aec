#include "render.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "classify.h"
#include "langid.h"
#include "lexicon.h"
#include "url.h"

/* --explain shows this many bytes of each block's text. */
static const size_t EXPLAIN_TEXT_BYTES = 100;

/*
 * NFC only ever changes a run of non-ASCII characters together with the
 * character just before it (a base letter and its combining marks; ASCII
 * characters are starters that nothing reaches across). So only those
 * pieces go through utf8proc; the ASCII between them is copied.
 */
/*
 * Output is read on terminals and pasted into other programs, so nothing a
 * page writes may act there: C0 controls but newline and tab (ESC starts
 * the sequences that retitle or clear a terminal, CR overwrites a line),
 * DEL, C1 controls, and the bidi embeddings, overrides and isolates that
 * reorder what a reader sees (U+202A-U+202E, U+2066-U+2069). A page can
 * smuggle them in as numeric references (&#x1b;), so they are removed here,
 * on the way out, whatever the path into a block was.
 */
static bool unsafe_ascii(unsigned char c) { return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F; }

static void append_safe_ascii(wn_buf *out, const char *s, size_t len) {
  size_t from = 0;
  for (size_t i = 0; i < len; i++)
    if (unsafe_ascii((unsigned char)s[i])) {
      wn_buf_append(out, s + from, i - from);
      from = i + 1;
    }
  wn_buf_append(out, s + from, len - from);
}

unsigned wn_terminal_control(const unsigned char *u, size_t left) {
  if (left >= 2 && u[0] == 0xC2 && u[1] >= 0x80 && u[1] < 0xA0) return u[1];
  if (left < 3 || u[0] != 0xE2 || (u[1] != 0x80 && u[1] != 0x81)) return 0;
  unsigned c = 0x2000u | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ? c : 0;
}

/* Length of an unsafe non-ASCII character at s (C1 or a bidi control), or 0. */
static size_t unsafe_sequence(const unsigned char *s, size_t len) {
  unsigned control = wn_terminal_control(s, len);
  return control ? (control < 0x100 ? 2 : 3) : 0;
}

static void append_safe_utf8(wn_buf *out, const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t from = 0;
  for (size_t i = 0; i < len;) {
    size_t n = u[i] >= 0xC2 ? unsafe_sequence(u + i, len - i) : 0;
    if (n == 0) {
      i++;
      continue;
    }
    append_safe_ascii(out, s + from, i - from);
    i += n;
    from = i;
  }
  append_safe_ascii(out, s + from, len - from);
}

void wn_nfc_append(wn_buf *out, const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t ascii = i;
    while (ascii < len && (unsigned char)s[ascii] < 0x80) ascii++;
    if (ascii == len) {
      append_safe_ascii(out, s + i, len - i);
      break;
    }
    size_t start = ascii > i ? ascii - 1 : ascii; /* the base letter, if ASCII */
    append_safe_ascii(out, s + i, start - i);
    size_t end = ascii;
    while (end < len && (unsigned char)s[end] >= 0x80) end++;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s + start,
                                      (utf8proc_ssize_t)(end - start), &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    /* Cannot fail on decoded input; if it did, the text stays as it is. */
    if (n >= 0) append_safe_utf8(out, (const char *)mapped, (size_t)n);
    else append_safe_utf8(out, s + start, end - start);
    free(mapped);
    i = end;
  }
}

char *wn_nfc(const char *s, size_t len, size_t *out_len) {
  wn_buf out;
  wn_buf_init(&out);
  wn_nfc_append(&out, s, len);
  if (!out.data) wn_buf_append(&out, "", 0);
  return wn_buf_detach(&out, out_len);
}

/* The nearest element at or above `e` with the `want` flag, or -1. */
static int nearest_with(const wn_page *page, int e, uint32_t want) {
  for (; e >= 0; e = page->elements[e].parent)
    if (page->elements[e].flags & want) return e;
  return -1;
}

/* The list or table a list item or row belongs to, so its lines stay
 * together; a list nested in an item goes with the outer list. */
static int group_of(const wn_page *page, const wn_block *b) {
  if (b->kind == WN_BLOCK_TABLE_ROW) return nearest_with(page, b->owner, WN_EL_TABLE);
  if (b->kind != WN_BLOCK_LIST_ITEM) return -1;
  int list = nearest_with(page, b->owner, WN_EL_LIST);
  while (list >= 0) {
    int above = page->elements[list].parent;
    if (above < 0 || page->elements[above].tag != GUMBO_TAG_LI) break;
    int outer = nearest_with(page, above, WN_EL_LIST);
    if (outer < 0) break;
    list = outer;
  }
  return list;
}

/*
 * A page whose only content is its headline (a link post, a video page) has
 * its <h1> taken as the title and dropped as a repeat: the title is then the
 * whole text, not a heading over nothing.
 */
static bool title_is_the_text(const wn_page *page, int include_title) {
  if (!include_title || !page->title || !*page->title) return false;
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].reason == WN_DROP_TITLE_REPEAT) return true;
  return false;
}

void wn_render_text(const wn_page *page, int include_title, wn_buf *out) {
  size_t first = 0;
  while (first < page->block_count && !page->blocks[first].keep) first++;
  if (first == page->block_count) {
    if (title_is_the_text(page, include_title)) {
      wn_nfc_append(out, page->title, strlen(page->title));
      wn_buf_putc(out, '\n');
    }
    return;
  }
  if (include_title && page->title && *page->title) {
    wn_nfc_append(out, page->title, strlen(page->title));
    wn_buf_puts(out, "\n\n");
  }
  /* Block by block into the output: NFC never reaches across the ASCII
   * line breaks between blocks, so this equals normalising the whole. */
  int previous_group = -1;
  for (size_t i = first; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!b->keep) continue;
    int group = group_of(page, b);
    if (i > first) wn_buf_puts(out, group >= 0 && group == previous_group ? "\n" : "\n\n");
    wn_nfc_append(out, b->text, b->text_len);
    previous_group = group;
  }
  wn_buf_putc(out, '\n');
}

/* Page text or an attribute on one line, as explain shows it: line breaks
 * and tabs as spaces; other C0 controls, DEL, C1 controls and bidi
 * controls escaped (\xNN, \u{NNNN}), so that a page cannot drive the
 * terminal of whoever reads the explanation. */
static void append_shown(wn_buf *out, const char *text, size_t len) {
  const unsigned char *u = (const unsigned char *)text;
  for (size_t i = 0; i < len; i++) {
    unsigned control = wn_terminal_control(u + i, len - i);
    if (u[i] == '\n' || u[i] == '\r' || u[i] == '\t') {
      wn_buf_putc(out, ' ');
    } else if (u[i] < 0x20 || u[i] == 0x7F) {
      wn_buf_printf(out, "\\x%02X", u[i]);
    } else if (control) {
      wn_buf_printf(out, "\\u{%X}", control);
      i += control < 0x100 ? 1 : 2;
    } else {
      wn_buf_putc(out, (char)u[i]);
    }
  }
}

/* Append at most `max` bytes of text on one line, cut at a character boundary. */
static void append_snippet(wn_buf *out, const char *text, size_t len, size_t max) {
  size_t n = len < max ? len : max;
  while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
  append_shown(out, text, n);
  if (n < len) wn_buf_puts(out, "...");
}

/* Header values on one line whatever the page put in them. */
static void append_one_line(wn_buf *out, const char *text) { append_shown(out, text, strlen(text)); }

static void explain_region(const wn_page *page, wn_buf *out) {
  if (page->region < 0) {
    wn_buf_puts(out, "# region: none\n");
    return;
  }
  const wn_element *e = &page->elements[page->region];
  const GumboAttribute *cls = gumbo_get_attribute(&e->node->v.element.attributes, "class");
  const GumboAttribute *id = gumbo_get_attribute(&e->node->v.element.attributes, "id");
  wn_buf_printf(out, "# region: <%s", gumbo_normalized_tagname(e->tag));
  if (id) {
    wn_buf_puts(out, " id=\"");
    append_one_line(out, id->value);
    wn_buf_putc(out, '"');
  }
  if (cls) {
    wn_buf_puts(out, " class=\"");
    append_one_line(out, cls->value);
    wn_buf_putc(out, '"');
  }
  wn_buf_printf(out, "> depth %d, score %.1f\n", e->depth, e->content_score);
}

/* One letter per cue inherited by the block's element, "-" when absent. */
static void cue_letters(uint32_t flags, char *out) {
  static const struct { uint32_t flag; char letter; } CUES[] = {
      {WN_EL_NAV, 'N'}, {WN_EL_HEADER, 'H'}, {WN_EL_FOOTER, 'F'}, {WN_EL_ASIDE, 'S'},
      {WN_EL_DIALOG, 'D'}, {WN_EL_NEGATIVE_NAME, 'X'}, {WN_EL_COMMENTS, 'C'},
      {WN_EL_ARTICLE, 'A'}, {WN_EL_MAIN, 'M'}, {WN_EL_POSITIVE_NAME, 'P'}};
  size_t n = sizeof CUES / sizeof CUES[0];
  for (size_t i = 0; i < n; i++) out[i] = (flags & CUES[i].flag) ? CUES[i].letter : '-';
  out[n] = '\0';
}

/* The headline the article is anchored on and the prose under it. */
static void explain_article(const wn_page *page, wn_buf *out) {
  if (page->article_headline < 0 || (size_t)page->article_headline >= page->block_count ||
      page->article_body < 0) {
    int h = page->anchor_headline;
    if (h < 0 || (size_t)h >= page->block_count) {
      wn_buf_puts(out, "# article: none (no headline with prose of its own under it)\n");
      return;
    }
    /* Which headline was found says why there is no article under it. */
    const wn_block *b = &page->blocks[h];
    wn_buf_printf(out, "# article: none (headline <%s> \"",
                  gumbo_normalized_tagname(page->elements[b->owner].tag));
    append_one_line(out, b->text);
    wn_buf_puts(out, "\", too little prose of its own under it)\n");
    return;
  }
  const wn_block *h = &page->blocks[page->article_headline];
  const wn_element *body = &page->elements[page->article_body];
  wn_buf_printf(out, "# article: headline <%s> \"", gumbo_normalized_tagname(page->elements[h->owner].tag));
  append_one_line(out, h->text);
  wn_buf_printf(out, "\", %d paragraphs in <%s> depth %d, ", page->article_paragraphs,
                gumbo_normalized_tagname(body->tag), body->depth);
  if (page->article_end < 0) wn_buf_puts(out, "no close found (a long gap after it)\n");
  else if ((size_t)page->article_end >= page->block_count) wn_buf_puts(out, "running to the page's end\n");
  else wn_buf_printf(out, "closed at block %d\n", page->article_end);
}

void wn_render_explain(const wn_page *page, wn_buf *out) {
  wn_buf_puts(out, "# title: ");
  append_one_line(out, page->title ? page->title : "");
  wn_buf_putc(out, '\n');
  explain_region(page, out);
  wn_buf_printf(out, "# page read as a %s\n", page->listing ? "listing (links are content)" : "document");
  explain_article(page, out);
  wn_buf_printf(out, "# language: %s%s (html lang: ", wn_lang_code(page->doc_lang),
                page->stated_lang >= 0 ? ", as stated" : "");
  append_one_line(out, page->lang ? page->lang : "none");
  wn_buf_puts(out, ")");
  if (page->site_lang >= 0) wn_buf_printf(out, ", site's interface: %s", wn_lang_code(page->site_lang));
  wn_buf_puts(out, "\n");
  wn_buf_puts(out, "# cues: N nav, H header, F footer, S sidebar, D dialog, X boilerplate name,\n"
                   "#       C comments, A article, M main, P content name (inherited from ancestors)\n");
  wn_buf_puts(out, "# lang: a short block's likeliest language, and by how much (nats) the page's\n"
                   "#       language trails it; \"-\" where language was not assessed\n");
  wn_buf_puts(out, "# by: the classifier pass that decided the block (see classify.c)\n");
  wn_buf_puts(out, "# decision reason             by               kind      chars links value     cues       lang       text\n");
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    char kind[16];
    if (b->kind == WN_BLOCK_HEADING) snprintf(kind, sizeof kind, "h%d", b->heading_level);
    else snprintf(kind, sizeof kind, "%s", wn_block_kind_name(b->kind));
    double links = b->chars ? (double)b->link_chars / b->chars : 0.0;
    char cues[16];
    cue_letters(page->elements[b->owner].inherited, cues);
    char reason[48];
    if (b->lexicon && !b->keep)
      snprintf(reason, sizeof reason, "%s(%s)", wn_reason_name(b->reason), b->lexicon->concept);
    else
      snprintf(reason, sizeof reason, "%s", wn_reason_name(b->reason));
    char lang[16] = "-";
    if (b->lang >= 0) snprintf(lang, sizeof lang, "%s%+.1f", wn_lang_code(b->lang), -b->lang_gap);
    wn_buf_printf(out, "%-4s %-20s %-16s %-7s %6zu %5.2f %+9.1f  %s %-10s ",
                  b->keep ? "keep" : "drop", reason, wn_pass_name(b->decided_by), kind, b->chars,
                  links, b->score, cues, lang);
    append_snippet(out, b->text, b->text_len, EXPLAIN_TEXT_BYTES);
    wn_buf_putc(out, '\n');
  }
}

/* ---- Markdown ------------------------------------------------------------ */

/* Deeper nesting renders at this depth: pages can nest thousands of levels. */
enum { MD_MAX_QUOTE = 8, MD_MAX_LIST = 8, MD_PAD_COLUMNS = 64 };

/* Per-element facts, computed in one pass (parents precede their children). */
typedef struct md_tree {
  int *quote;       /* innermost blockquote at or above the element, -1 if none */
  int *quote_depth; /* blockquotes at or above */
  int *list;        /* innermost list (ul, ol, dl...) at or above, -1 if none */
  int *item;        /* li/dt/dd whose content the element is part of, -1 if none */
  int *table;       /* innermost table at or above, -1 if none */
} md_tree;

static bool is_item_tag(GumboTag tag) {
  return tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD;
}

static void md_tree_build(const wn_page *page, md_tree *t) {
  size_t n = page->element_count ? page->element_count : 1;
  int *all = wn_xmalloc(5 * n * sizeof *all);
  t->quote = all;
  t->quote_depth = all + n;
  t->list = all + 2 * n;
  t->item = all + 3 * n;
  t->table = all + 4 * n;
  for (size_t i = 0; i < page->element_count; i++) {
    const wn_element *e = &page->elements[i];
    int p = e->parent;
    int self = (int)i;
    bool quote = e->flags & WN_EL_BLOCKQUOTE;
    t->quote[i] = quote ? self : p >= 0 ? t->quote[p] : -1;
    t->quote_depth[i] = (p >= 0 ? t->quote_depth[p] : 0) + (quote ? 1 : 0);
    t->list[i] = e->flags & WN_EL_LIST ? self : p >= 0 ? t->list[p] : -1;
    t->table[i] = e->flags & WN_EL_TABLE ? self : p >= 0 ? t->table[p] : -1;
    if (is_item_tag(e->tag)) t->item[i] = self;
    else if (quote || (e->flags & (WN_EL_LIST | WN_EL_TABLE)) || e->tag == GUMBO_TAG_PRE)
      t->item[i] = -1; /* a new context: not an item's running text */
    else t->item[i] = p >= 0 ? t->item[p] : -1;
  }
}

static void md_tree_free(md_tree *t) { free(t->quote); }

/* The list that holds list `x` (or any element), -1 at the top. */
static int md_list_above(const wn_page *page, const md_tree *t, int x) {
  int p = page->elements[x].parent;
  return p >= 0 ? t->list[p] : -1;
}

/* Whether list `outer` is `inner` or holds it. */
static bool md_list_holds(const wn_page *page, const md_tree *t, int outer, int inner) {
  int depth = page->elements[outer].depth;
  for (int x = inner; x >= 0 && page->elements[x].depth >= depth; x = md_list_above(page, t, x))
    if (x == outer) return true;
  return false;
}

/* Blockquotes that hold both elements' quotes (their common quote depth). */
static int md_common_quote_depth(const wn_page *page, const md_tree *t, int a, int b) {
  int qa = t->quote[a], qb = t->quote[b];
  while (qa >= 0 && qb >= 0 && qa != qb) {
    int da = t->quote_depth[qa], db = t->quote_depth[qb];
    int pa = page->elements[qa].parent, pb = page->elements[qb].parent;
    if (da >= db) qa = pa >= 0 ? t->quote[pa] : -1;
    if (db >= da) qb = pb >= 0 ? t->quote[pb] : -1;
  }
  return qa >= 0 && qa == qb ? t->quote_depth[qa] : 0;
}

static bool only_chars(const char *s, size_t len, char c, int min) {
  int count = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == c) count++;
    else if (s[i] != ' ' && s[i] != '\t') return false;
  }
  return count >= min;
}

/*
 * Where a line of running text needs a backslash so that Markdown reads it
 * as text, or -1: "# ", "- ", "+ ", "* ", "1. ", "1) ", ">", "<tag", fences,
 * thematic breaks, setext underlines and "[label]:" reference definitions.
 */
static long md_escape_at(const char *s, size_t len) {
  if (len == 0) return -1;
  char c = s[0];
  bool spaced = len == 1 || s[1] == ' ' || s[1] == '\t';
  switch (c) {
  case '#': case '>':
    return 0;
  case '-': case '+': case '*':
    if (spaced) return 0;
    if (c == '-' && only_chars(s, len, '-', 1)) return 0; /* setext underline */
    if (c != '+' && only_chars(s, len, c, 3)) return 0;   /* thematic break */
    return -1;
  case '_':
    return only_chars(s, len, '_', 3) ? 0 : -1;
  case '=':
    return only_chars(s, len, '=', 1) ? 0 : -1;
  case '`': case '~':
    return len >= 3 && s[1] == c && s[2] == c ? 0 : -1;
  case '<': {
    char d = len > 1 ? s[1] : ' ';
    return isalpha((unsigned char)d) || d == '/' || d == '!' || d == '?' ? 0 : -1;
  }
  case '[':
    for (size_t i = 1; i + 1 < len; i++)
      if (s[i] == ']' && s[i + 1] == ':') return 0;
    return -1;
  default:
    break;
  }
  size_t i = 0;
  while (i < len && i < 10 && isdigit((unsigned char)s[i])) i++;
  if (i == 0 || i > 9 || i == len) return -1;
  if (s[i] != '.' && s[i] != ')') return -1;
  return i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t' ? (long)i : -1;
}

/*
 * Characters escaped wherever they stand in text: page text must never
 * become live markup where the Markdown is rendered. "<" would open raw
 * HTML (an <img onerror=...>), "&" an entity, "[" a link (to javascript:),
 * ">" a quote; a backslash is doubled so that it cannot undo the escape
 * that follows it.
 */
static bool md_inline_special(char c) {
  return c == '<' || c == '>' || c == '&' || c == '[' || c == ']' || c == '\\';
}

static void md_inline(wn_buf *out, const char *s, size_t len) {
  size_t from = 0;
  for (size_t i = 0; i < len; i++)
    if (md_inline_special(s[i])) {
      wn_buf_append(out, s + from, i - from);
      wn_buf_putc(out, '\\');
      from = i;
    }
  wn_buf_append(out, s + from, len - from);
}

static void md_escaped_line(wn_buf *out, const char *s, size_t len) {
  long at = md_escape_at(s, len);
  if (at < 0) {
    md_inline(out, s, len);
    return;
  }
  md_inline(out, s, (size_t)at);
  /* md_inline escapes these itself. */
  if (!md_inline_special(s[at])) wn_buf_putc(out, '\\');
  md_inline(out, s + at, len - (size_t)at);
}

static void md_spaces(wn_buf *out, int n) {
  for (int i = 0; i < n; i++) wn_buf_putc(out, ' ');
}

/*
 * Running text, line by line: each line escaped, the first after `first`
 * (a list marker, or nothing), the others indented by `indent`.
 */
static void md_text_lines(wn_buf *out, const char *text, size_t len, const char *first,
                          int indent) {
  size_t start = 0;
  bool first_line = true;
  while (start <= len) {
    const char *nl = memchr(text + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - text) : len;
    if (!first_line) wn_buf_putc(out, '\n');
    if (first_line && first) wn_buf_puts(out, first);
    else if (end > start) md_spaces(out, indent); /* a blank line stays blank */
    md_escaped_line(out, text + start, end - start);
    first_line = false;
    start = end + 1;
  }
}

/* Heading or title text on one line; a closing "#" run is escaped. */
static void md_heading(wn_buf *out, int level, const char *text, size_t len) {
  for (int i = 0; i < level; i++) wn_buf_putc(out, '#');
  wn_buf_putc(out, ' ');
  size_t hashes = 0;
  while (hashes < len && text[len - 1 - hashes] == '#') hashes++;
  size_t cut = len;
  if (hashes && (hashes == len || text[len - 1 - hashes] == ' ')) cut = len - hashes;
  for (size_t i = 0; i < len; i++) {
    if (i == cut || md_inline_special(text[i])) wn_buf_putc(out, '\\');
    char c = text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i];
    wn_buf_putc(out, c);
  }
}

/* The text with line breaks as spaces, to compare a heading with the title. */
static bool same_one_line(const char *a, size_t a_len, const char *b) {
  size_t b_len = strlen(b);
  if (a_len != b_len) return false;
  for (size_t i = 0; i < a_len; i++) {
    char x = a[i] == '\n' ? ' ' : a[i], y = b[i] == '\n' ? ' ' : b[i];
    if (x != y) return false;
  }
  return true;
}

static void md_code(wn_buf *out, const char *text, size_t len, const char *lang) {
  size_t longest = 0, run = 0;
  for (size_t i = 0; i < len; i++) {
    run = text[i] == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  size_t fence = longest >= 3 ? longest + 1 : 3;
  for (size_t i = 0; i < fence; i++) wn_buf_putc(out, '`');
  if (lang) wn_buf_puts(out, lang);
  wn_buf_putc(out, '\n');
  wn_buf_append(out, text, len);
  wn_buf_putc(out, '\n');
  for (size_t i = 0; i < fence; i++) wn_buf_putc(out, '`');
}

static const char CELL_SEPARATOR[] = " | ";

static size_t md_cell_count(const wn_block *b) {
  size_t n = 1;
  for (const char *p = b->text; (p = strstr(p, CELL_SEPARATOR)) != NULL; p += 3) n++;
  return n;
}

/* One table row, cells split on " | ", padded with empty cells to `columns`. */
static void md_table_row(wn_buf *out, const wn_block *b, size_t columns) {
  const char *p = b->text, *end = b->text + b->text_len;
  size_t cells = 0;
  wn_buf_putc(out, '|');
  while (p) {
    const char *sep = strstr(p, CELL_SEPARATOR);
    const char *cell_end = sep ? sep : end;
    wn_buf_putc(out, ' ');
    for (const char *c = p; c < cell_end; c++) {
      if (*c == '|' || md_inline_special(*c)) wn_buf_putc(out, '\\');
      wn_buf_putc(out, *c == '\n' || *c == '\r' || *c == '\t' ? ' ' : *c);
    }
    if (cell_end > p) wn_buf_putc(out, ' ');
    wn_buf_putc(out, '|');
    cells++;
    p = sep ? sep + 3 : NULL;
  }
  for (; cells < columns; cells++) wn_buf_puts(out, " |");
}

/* Copy the unit's lines to `out` behind `depth` "> " markers. */
static void md_quoted(wn_buf *out, const wn_buf *unit, int depth) {
  if (depth <= 0) {
    wn_buf_append(out, unit->data, unit->len);
    return;
  }
  size_t start = 0;
  while (start <= unit->len) {
    const char *nl = unit->len > start ? memchr(unit->data + start, '\n', unit->len - start) : NULL;
    size_t end = nl ? (size_t)(nl - unit->data) : unit->len;
    for (int i = 0; i < depth; i++) wn_buf_puts(out, i + 1 < depth || end > start ? "> " : ">");
    wn_buf_append(out, unit->data + start, end - start);
    if (!nl) break;
    wn_buf_putc(out, '\n');
    start = end + 1;
  }
}

/* One level of the list being written. */
typedef struct md_level {
  int list;         /* the list element (or an item's parent when it has none) */
  int item;         /* the item last written at this level */
  int indent;       /* columns before the marker */
  int marker_width; /* of the last marker: continuation lines align after it */
  long number;      /* last number written, ordered lists */
  bool ordered;
  char bullet;      /* '-' or '*'; for ordered lists '.' or ')' */
} md_level;

typedef struct md_writer {
  const wn_page *page;
  const wn_md_options *opts;
  char *base;        /* what links resolve against, or NULL */
  md_tree tree;
  wn_buf *raw;
  wn_buf unit;
  md_level levels[MD_MAX_LIST];
  int depth;         /* levels in use; 0 outside a list */
  int run_quote;     /* blockquote around the list being written */
  bool any;
  int prev_owner;    /* owner of the last block written, -1 at the start */
  bool prev_list;    /* the last unit was a list item */
  bool prev_ordered;
  char prev_bullet;  /* the top level's marker in the last list */
} md_writer;

/* ---- inline markup ----------------------------------------------------- */


/* A link destination as plain ASCII: bytes that would end or break it
 * (spaces, parentheses, angle brackets, quotes, backslashes, controls) and
 * all non-ASCII bytes percent-encoded. */
static void md_url(wn_buf *out, const char *url) {
  for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
    if (*p <= 0x20 || *p >= 0x7F || strchr("<>()\\\"`", *p)) wn_buf_printf(out, "%%%02X", *p);
    else wn_buf_putc(out, (char)*p);
  }
}

static bool md_blank(char c) { return c == ' ' || c == '\n'; }

/* The longest run of backticks in text[from, to). */
static size_t md_backtick_run(const char *text, size_t from, size_t to) {
  size_t longest = 0, run = 0;
  for (size_t i = from; i < to; i++) {
    run = text[i] == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/* One span as it is written: its range without surrounding blanks, its
 * resolved target, or not at all. */
typedef struct md_span {
  size_t start, end;
  wn_span_kind kind;
  char *url;
  const char *alt;
  bool use;
} md_span;

static void md_span_prepare(const md_writer *w, const wn_block *b, const wn_span *in,
                            md_span *out) {
  memset(out, 0, sizeof *out);
  out->start = in->start;
  out->end = in->end;
  out->kind = in->kind;
  out->alt = in->alt;
  while (out->start < out->end && md_blank(b->text[out->start])) out->start++;
  while (out->end > out->start && md_blank(b->text[out->end - 1])) out->end--;
  switch (in->kind) {
  case WN_SPAN_LINK:
    if (w->opts->links) out->url = wn_url_resolve(w->base, in->target);
    out->use = out->url != NULL && out->end > out->start;
    break;
  case WN_SPAN_IMAGE:
    if (w->opts->images) out->url = wn_url_resolve(w->base, in->target);
    out->use = out->url != NULL;
    break;
  case WN_SPAN_CODE:
    /* One backtick inside is fenced by two; longer runs stay text. */
    out->use = out->end > out->start && md_backtick_run(b->text, out->start, out->end) <= 1;
    break;
  default:
    out->use = out->end > out->start;
  }
}

static void md_image(wn_buf *out, const md_span *sp) {
  wn_buf_puts(out, "![");
  for (const char *p = sp->alt; *p; p++) {
    if (md_inline_special(*p)) wn_buf_putc(out, '\\');
    wn_buf_putc(out, *p == '\n' || *p == '\t' ? ' ' : *p);
  }
  wn_buf_puts(out, "](");
  md_url(out, sp->url);
  wn_buf_putc(out, ')');
}

/* Code spans: one backtick more than the longest run inside, and a space
 * inside the fence where the code starts or ends with a backtick. */
static void md_code_fence(wn_buf *out, const wn_block *b, const md_span *sp, bool opening) {
  bool pad = b->text[sp->start] == '`' || b->text[sp->end - 1] == '`';
  size_t n = md_backtick_run(b->text, sp->start, sp->end) + 1;
  if (!opening && pad) wn_buf_putc(out, ' ');
  for (size_t i = 0; i < n; i++) wn_buf_putc(out, '`');
  if (opening && pad) wn_buf_putc(out, ' ');
}

static void md_open(wn_buf *out, const wn_block *b, const md_span *sp) {
  switch (sp->kind) {
  case WN_SPAN_LINK: wn_buf_putc(out, '['); break;
  case WN_SPAN_EMPHASIS: wn_buf_putc(out, '*'); break;
  case WN_SPAN_STRONG: wn_buf_puts(out, "**"); break;
  case WN_SPAN_CODE: md_code_fence(out, b, sp, true); break;
  default: break;
  }
}

static void md_close(wn_buf *out, const wn_block *b, const md_span *sp) {
  switch (sp->kind) {
  case WN_SPAN_LINK:
    wn_buf_puts(out, "](");
    md_url(out, sp->url);
    wn_buf_putc(out, ')');
    break;
  case WN_SPAN_EMPHASIS: wn_buf_putc(out, '*'); break;
  case WN_SPAN_STRONG: wn_buf_puts(out, "**"); break;
  case WN_SPAN_CODE: md_code_fence(out, b, sp, false); break;
  default: break;
  }
}

/* The spans being written, innermost last. */
typedef struct md_stack {
  size_t *items;
  size_t depth;
  int code;     /* depth of an open code span, -1 if none */
  int emphasis; /* open emphasis spans: page asterisks inside are escaped */
  bool kinds[WN_SPAN_IMAGE + 1];
} md_stack;

/* Close every span that ends at `at`, and those inside it. */
static void md_close_ended(wn_buf *out, const wn_block *b, const md_span *sp, md_stack *st,
                           size_t at) {
  size_t lowest = st->depth;
  for (size_t d = 0; d < st->depth; d++)
    if (sp[st->items[d]].end <= at) {
      lowest = d;
      break;
    }
  while (st->depth > lowest) {
    const md_span *x = &sp[st->items[--st->depth]];
    md_close(out, b, x);
    st->kinds[x->kind] = false;
    if (x->kind == WN_SPAN_CODE) st->code = -1;
    if (x->kind == WN_SPAN_EMPHASIS || x->kind == WN_SPAN_STRONG) st->emphasis--;
  }
}

static void md_open_starting(wn_buf *out, const wn_block *b, const md_span *sp, size_t n,
                             size_t *next, md_stack *st, size_t at) {
  for (; *next < n && sp[*next].start <= at; (*next)++) {
    const md_span *x = &sp[*next];
    if (!x->use || st->code >= 0 || st->kinds[x->kind]) continue;
    if (x->kind == WN_SPAN_IMAGE) {
      if (at > 0 && !md_blank(b->text[at - 1])) wn_buf_putc(out, ' ');
      md_image(out, x);
      if (at < b->text_len && !md_blank(b->text[at])) wn_buf_putc(out, ' ');
      continue;
    }
    md_open(out, b, x);
    st->kinds[x->kind] = true;
    if (x->kind == WN_SPAN_CODE) st->code = (int)st->depth;
    if (x->kind == WN_SPAN_EMPHASIS || x->kind == WN_SPAN_STRONG) st->emphasis++;
    st->items[st->depth++] = *next;
  }
}

/* The line of text starting at `from`: its length. */
static size_t md_line_length(const wn_block *b, size_t from) {
  const char *nl = memchr(b->text + from, '\n', b->text_len - from);
  return nl ? (size_t)(nl - (b->text + from)) : b->text_len - from;
}

/*
 * md_text_lines with the block's inline markup: the page's text escaped as
 * there, the markup winnow writes around it live. A code span keeps its
 * text as it is, on one line.
 */
static void md_rich_lines(const md_writer *w, wn_buf *out, const wn_block *b, const char *first,
                          int indent) {
  size_t n = b->span_count;
  md_span *sp = wn_xcalloc(n, sizeof *sp);
  for (size_t k = 0; k < n; k++) md_span_prepare(w, b, &b->spans[k], &sp[k]);
  md_stack st = {wn_xmalloc(n * sizeof(size_t)), 0, -1, 0, {false}};
  if (first) wn_buf_puts(out, first);
  else md_spaces(out, indent);
  size_t next = 0, line = 0;
  long at = md_escape_at(b->text, md_line_length(b, 0));
  for (size_t i = 0;; i++) {
    md_close_ended(out, b, sp, &st, i);
    md_open_starting(out, b, sp, n, &next, &st, i);
    if (i >= b->text_len) break;
    char c = b->text[i];
    if (st.code >= 0) {
      wn_buf_putc(out, c == '\n' ? ' ' : c);
      continue;
    }
    if (c == '\n') {
      wn_buf_putc(out, '\n');
      if (i + 1 < b->text_len && b->text[i + 1] != '\n') md_spaces(out, indent);
      line = i + 1;
      at = md_escape_at(b->text + line, md_line_length(b, line));
      continue;
    }
    bool escape = md_inline_special(c) || (st.emphasis > 0 && c == '*') ||
                  (at >= 0 && i == line + (size_t)at);
    if (escape) wn_buf_putc(out, '\\');
    wn_buf_putc(out, c);
  }
  for (size_t k = 0; k < n; k++) free(sp[k].url);
  free(sp);
  free(st.items);
}

/* A block's running text, with its markup where the page segmented with it. */
static void md_block_lines(const md_writer *w, wn_buf *out, const wn_block *b, const char *first,
                           int indent) {
  if (b->span_count && b->spans_text_len == b->text_len)
    md_rich_lines(w, out, b, first, indent);
  else
    md_text_lines(out, b->text, b->text_len, first, indent);
}

static long md_list_start(const wn_page *page, int list) {
  return page->elements[list].tag == GUMBO_TAG_OL ? page->elements[list].list_start : 1;
}

/* Start the next unit: the separator from the last one, and the unit buffer. */
static void md_begin(md_writer *w, int owner, bool tight) {
  if (w->any) {
    wn_buf_putc(w->raw, '\n');
    if (!tight) {
      int common = w->prev_owner >= 0
                       ? md_common_quote_depth(w->page, &w->tree, w->prev_owner, owner) : 0;
      if (common > MD_MAX_QUOTE) common = MD_MAX_QUOTE;
      for (int i = 0; i < common; i++) wn_buf_puts(w->raw, i + 1 < common ? "> " : ">");
      wn_buf_putc(w->raw, '\n');
    }
  }
  wn_buf_clear(&w->unit);
}

static void md_end(md_writer *w, int owner, bool list) {
  int depth = w->tree.quote_depth[owner];
  if (depth > MD_MAX_QUOTE) depth = MD_MAX_QUOTE;
  if (w->unit.len) md_quoted(w->raw, &w->unit, depth);
  w->any = true;
  w->prev_owner = owner;
  w->prev_list = list;
}

/* A list item, or a paragraph inside one (then `item` is the li). */
static void md_list_block(md_writer *w, const wn_block *b, int item) {
  const wn_page *page = w->page;
  const md_tree *t = &w->tree;
  int list = t->list[item];
  if (list < 0) list = page->elements[item].parent >= 0 ? page->elements[item].parent : item;
  int quote = t->quote[b->owner];
  if (w->depth && quote != w->run_quote) w->depth = 0;
  while (w->depth && !md_list_holds(page, t, w->levels[w->depth - 1].list, list)) w->depth--;
  bool same_run = w->depth > 0;
  md_level *level = w->depth ? &w->levels[w->depth - 1] : NULL;
  if (level && level->list != list && w->depth == MD_MAX_LIST) {
    /* Too deep to indent further: the list goes on at the deepest level. */
    level->list = list;
    level->item = -1;
    level->ordered = page->elements[list].tag == GUMBO_TAG_OL;
    level->number = md_list_start(page, list) - 1;
    level->bullet = level->ordered ? '.' : '-';
  } else if (!level || level->list != list) {
    md_level *outer = level;
    level = &w->levels[w->depth++];
    memset(level, 0, sizeof *level);
    level->list = list;
    level->item = -1;
    level->indent = outer ? outer->indent + outer->marker_width : 0;
    level->ordered = page->elements[list].tag == GUMBO_TAG_OL;
    level->number = md_list_start(page, list) - 1;
    level->bullet = level->ordered ? '.' : '-';
    if (!outer) {
      /* A list right after another one would continue it: switch markers. */
      if (w->prev_list && w->prev_owner >= 0 && t->quote[w->prev_owner] == quote &&
          w->prev_ordered == level->ordered)
        level->bullet = level->ordered ? (w->prev_bullet == '.' ? ')' : '.')
                                       : (w->prev_bullet == '-' ? '*' : '-');
      w->run_quote = quote;
      w->prev_ordered = level->ordered;
      w->prev_bullet = level->bullet;
    }
  }
  bool continuation = level->item == item;
  md_begin(w, b->owner, same_run && !continuation);
  if (continuation) {
    md_block_lines(w, &w->unit, b, NULL, level->indent + level->marker_width);
  } else {
    char marker[128]; /* indent < MD_MAX_LIST * 11, number <= 9 digits */
    int n;
    if (level->ordered) {
      if (level->number < 999999999) level->number++;
      n = snprintf(marker, sizeof marker, "%*s%ld%c ", level->indent, "", level->number,
                   level->bullet);
    } else {
      n = snprintf(marker, sizeof marker, "%*s%c ", level->indent, "", level->bullet);
    }
    level->marker_width = n - level->indent;
    level->item = item;
    md_block_lines(w, &w->unit, b, marker, level->indent + level->marker_width);
  }
  md_end(w, b->owner, true);
}

static size_t md_next_kept(const wn_page *page, size_t i) {
  while (i < page->block_count && !page->blocks[i].keep) i++;
  return i;
}

/* Rows from `first` on of one table: write them, return the index after the last. */
static size_t md_table(md_writer *w, size_t first) {
  const wn_page *page = w->page;
  const md_tree *t = &w->tree;
  const wn_block *head = &page->blocks[first];
  int table = t->table[head->owner], quote = t->quote[head->owner];
  size_t end = first, columns = 0;
  for (size_t i = first; i < page->block_count; i = md_next_kept(page, i + 1)) {
    const wn_block *b = &page->blocks[i];
    if (b->kind != WN_BLOCK_TABLE_ROW || t->table[b->owner] != table || t->quote[b->owner] != quote)
      break;
    size_t cells = md_cell_count(b);
    if (cells > columns) columns = cells;
    end = i + 1;
  }
  md_begin(w, head->owner, false);
  md_table_row(&w->unit, head, columns);
  wn_buf_puts(&w->unit, "\n|");
  for (size_t c = 0; c < columns; c++) wn_buf_puts(&w->unit, " --- |");
  /* Pipe tables fill short rows themselves; past a point, padding only costs. */
  size_t pad = columns <= MD_PAD_COLUMNS ? columns : 0;
  for (size_t i = md_next_kept(page, first + 1); i < end; i = md_next_kept(page, i + 1)) {
    wn_buf_putc(&w->unit, '\n');
    md_table_row(&w->unit, &page->blocks[i], pad);
  }
  md_end(w, head->owner, false);
  return end;
}

/* Readers' comments (keep_comments) follow the article under a heading of
 * their own, so that a reader can tell where the article ends. */
static void md_comments_heading(md_writer *w, const wn_block *b) {
  static const char HEADING[] = "Comments";
  w->depth = 0;
  md_begin(w, b->owner, false);
  md_heading(&w->unit, 2, HEADING, sizeof HEADING - 1);
  md_end(w, b->owner, false);
}

/* Links resolve against <base href> (itself resolved against the page's
 * URL), else the page's URL. */
static char *md_base(const wn_page *page, const char *url) {
  if (page->base_href) {
    char *base = wn_url_resolve(wn_url_is_web(url) ? url : NULL, page->base_href);
    if (wn_url_is_web(base)) return base;
    free(base);
  }
  return wn_url_is_web(url) ? wn_xstrndup(url, strlen(url)) : NULL;
}

void wn_render_markdown(const wn_page *page, int include_title, wn_buf *out) {
  wn_md_options o = {include_title, true, false, NULL};
  wn_render_markdown_with(page, &o, out);
}

void wn_render_markdown_with(const wn_page *page, const wn_md_options *opts, wn_buf *out) {
  int include_title = opts->include_title;
  size_t first = md_next_kept(page, 0);
  if (first >= page->block_count) {
    if (title_is_the_text(page, include_title)) {
      wn_buf raw;
      wn_buf_init(&raw);
      md_heading(&raw, 1, page->title, strlen(page->title));
      wn_buf_putc(&raw, '\n');
      wn_nfc_append(out, raw.data, raw.len);
      wn_buf_free(&raw);
    }
    return;
  }
  md_writer w;
  memset(&w, 0, sizeof w);
  w.page = page;
  w.opts = opts;
  w.base = md_base(page, opts->url);
  w.prev_owner = -1;
  w.run_quote = -1;
  md_tree_build(page, &w.tree);
  wn_buf raw;
  wn_buf_init(&raw);
  w.raw = &raw;
  wn_buf_init(&w.unit);

  const char *title = include_title && page->title && *page->title ? page->title : NULL;
  if (title) {
    md_heading(&raw, 1, title, strlen(title));
    w.any = true;
  }
  bool comments = false;
  for (size_t i = first; i < page->block_count;) {
    const wn_block *b = &page->blocks[i];
    if (b->readers_comment && !comments) {
      md_comments_heading(&w, b);
      comments = true;
    }
    if (b->kind == WN_BLOCK_TABLE_ROW) {
      w.depth = 0;
      i = md_next_kept(page, md_table(&w, i));
      continue;
    }
    int item = b->kind == WN_BLOCK_LIST_ITEM ? b->owner
               : b->kind == WN_BLOCK_PARAGRAPH ? w.tree.item[b->owner] : -1;
    if (item >= 0) {
      md_list_block(&w, b, item);
    } else if (b->kind == WN_BLOCK_HEADING && title && same_one_line(b->text, b->text_len, title)) {
      /* the title is printed once */
    } else {
      w.depth = 0;
      md_begin(&w, b->owner, false);
      if (b->kind == WN_BLOCK_HEADING)
        md_heading(&w.unit, b->heading_level >= 1 && b->heading_level <= 6 ? b->heading_level : 1,
                   b->text, b->text_len);
      else if (b->kind == WN_BLOCK_CODE) md_code(&w.unit, b->text, b->text_len, b->code_lang);
      else md_block_lines(&w, &w.unit, b, NULL, 0);
      md_end(&w, b->owner, false);
    }
    i = md_next_kept(page, i + 1);
  }
  wn_buf_putc(&raw, '\n');
  wn_nfc_append(out, raw.data, raw.len);
  wn_buf_free(&raw);
  wn_buf_free(&w.unit);
  md_tree_free(&w.tree);
  free(w.base);
}
