#include "render.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "classify.h"
#include "langid.h"
#include "lexicon.h"

/* --explain shows this many bytes of each block's text. */
static const size_t EXPLAIN_TEXT_BYTES = 100;

char *wn_nfc(const char *s, size_t len, size_t *out_len) {
  size_t i = 0;
  while (i < len && (unsigned char)s[i] < 0x80) i++;
  if (i == len) { /* ASCII is already NFC */
    if (out_len) *out_len = len;
    return wn_xstrndup(s, len);
  }
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (n < 0) { /* cannot happen on decoded input; keep the text as it is */
    if (out_len) *out_len = len;
    return wn_xstrndup(s, len);
  }
  if (out_len) *out_len = (size_t)n;
  return (char *)mapped;
}

/* The list or table a list item or row belongs to, so its lines stay together. */
static int group_of(const wn_page *page, const wn_block *b) {
  uint32_t want;
  if (b->kind == WN_BLOCK_LIST_ITEM) want = WN_EL_LIST;
  else if (b->kind == WN_BLOCK_TABLE_ROW) want = WN_EL_TABLE;
  else return -1;
  for (int e = b->owner; e >= 0; e = page->elements[e].parent)
    if (page->elements[e].flags & want) return e;
  return -1;
}

void wn_render_text(const wn_page *page, int include_title, wn_buf *out) {
  wn_buf raw;
  wn_buf_init(&raw);
  int previous_group = -1;
  bool any = false;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!b->keep) continue;
    int group = group_of(page, b);
    if (any) wn_buf_puts(&raw, group >= 0 && group == previous_group ? "\n" : "\n\n");
    wn_buf_append(&raw, b->text, b->text_len);
    previous_group = group;
    any = true;
  }
  if (!any) {
    wn_buf_free(&raw);
    return;
  }
  if (include_title && page->title && *page->title) {
    size_t title_len;
    char *title = wn_nfc(page->title, strlen(page->title), &title_len);
    wn_buf_append(out, title, title_len);
    wn_buf_puts(out, "\n\n");
    free(title);
  }
  size_t len;
  char *nfc = wn_nfc(raw.data, raw.len, &len);
  wn_buf_append(out, nfc, len);
  wn_buf_putc(out, '\n');
  free(nfc);
  wn_buf_free(&raw);
}

/* Append at most `max` bytes of text on one line, cut at a character boundary. */
static void append_snippet(wn_buf *out, const char *text, size_t len, size_t max) {
  size_t n = len < max ? len : max;
  while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
  for (size_t i = 0; i < n; i++) wn_buf_putc(out, text[i] == '\n' ? ' ' : text[i]);
  if (n < len) wn_buf_puts(out, "...");
}

/* Header values on one line whatever the page put in them. */
static void append_one_line(wn_buf *out, const char *text) {
  for (const char *p = text; *p; p++) wn_buf_putc(out, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
}

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

void wn_render_explain(const wn_page *page, wn_buf *out) {
  wn_buf_puts(out, "# title: ");
  append_one_line(out, page->title ? page->title : "");
  wn_buf_putc(out, '\n');
  explain_region(page, out);
  wn_buf_printf(out, "# page read as a %s\n", page->listing ? "listing (links are content)" : "document");
  wn_buf_printf(out, "# language: %s%s (html lang: %s)\n", wn_lang_code(page->doc_lang),
                page->stated_lang >= 0 ? ", as stated" : "", page->lang ? page->lang : "none");
  wn_buf_puts(out, "# cues: N nav, H header, F footer, S sidebar, D dialog, X boilerplate name,\n"
                   "#       C comments, A article, M main, P content name (inherited from ancestors)\n");
  wn_buf_puts(out, "# lang: a short block's likeliest language, and by how much (nats) the page's\n"
                   "#       language trails it; \"-\" where language was not assessed\n");
  wn_buf_puts(out, "# decision reason             kind      chars links value     cues       lang       text\n");
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
    wn_buf_printf(out, "%-4s %-20s %-7s %6d %5.2f %+9.1f  %s %-10s ", b->keep ? "keep" : "drop",
                  reason, kind, b->chars, links, b->score, cues, lang);
    append_snippet(out, b->text, b->text_len, EXPLAIN_TEXT_BYTES);
    wn_buf_putc(out, '\n');
  }
}
