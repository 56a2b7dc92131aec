/*
 * Measures of blocks and walks of the element tree that several passes
 * share, and the first pass: block text summed up the tree.
 */
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "classify_passes.h"
#include "classify_tuning.h"

/* ---- block measures ------------------------------------------------------ */

double wn_block_length(const wn_block *b) {
  return (double)(b->chars - b->cjk_chars) + CJK_CHAR_WEIGHT * b->cjk_chars;
}

double wn_link_density(const wn_block *b) {
  return b->chars ? (double)b->link_chars / b->chars : 0.0;
}

/* On a listing (a page of cards and link lists with no prose of its own) the
 * links are the content: they count as text. */
double wn_page_link_density(const wn_page *page, const wn_block *b) {
  return page->listing ? 0.0 : wn_link_density(b);
}

/*
 * PHP's diagnostics, printed into the page by a broken plugin ("Warning:
 * Undefined variable $x in /var/www/.../plugin.php on line 12"), one per
 * line: the server talking to its developer.
 */
static const char *const SERVER_DIAGNOSTICS[] = {"Warning: ", "Notice: ", "Deprecated: ",
                                                 "Fatal error: ", "Parse error: ",
                                                 "Strict Standards: ", NULL};
static const char SERVER_DIAGNOSTIC_TAIL[] = ".php on line ";

static bool server_diagnostic_line(const char *line, size_t len) {
  bool opens = false;
  for (int i = 0; SERVER_DIAGNOSTICS[i] && !opens; i++) {
    size_t n = strlen(SERVER_DIAGNOSTICS[i]);
    opens = len > n && strncmp(line, SERVER_DIAGNOSTICS[i], n) == 0;
  }
  if (!opens) return false;
  size_t tail = sizeof SERVER_DIAGNOSTIC_TAIL - 1;
  for (size_t i = 0; i + tail <= len; i++)
    if (memcmp(line + i, SERVER_DIAGNOSTIC_TAIL, tail) == 0) return true;
  return false;
}

static bool server_diagnostics(const wn_block *b) {
  const char *line = b->text, *end = b->text + b->text_len;
  while (line < end) {
    const char *stop = memchr(line, '\n', (size_t)(end - line));
    if (!stop) stop = end;
    if (!server_diagnostic_line(line, (size_t)(stop - line))) return false;
    line = stop + 1;
  }
  return true;
}

/* Text made mostly of identifiers, hashes or URLs (tracking ids and data
 * attributes a template printed, an image list), or a server's error
 * messages: never something to read. Code blocks are exempt (a hash in a
 * listing is content). */
bool wn_machine_text(const wn_block *b) {
  if (b->kind == WN_BLOCK_CODE) return false;
  if (b->chars >= MACHINE_TEXT_MIN_CHARS && b->code_chars >= MACHINE_TEXT_SHARE * b->chars)
    return true;
  return b->text_len > 0 && server_diagnostics(b);
}

/* Opening quotation marks: " ' “ „ « » (Danish, German) ‘ 「 『. */
static const char *const QUOTE_OPENERS[] = {"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9e", "\xc2\xab",
                                            "\xc2\xbb", "\xe2\x80\x98", "\xe3\x80\x8c", "\xe3\x80\x8e"};
enum { QUOTE_OPENER_COUNT = sizeof QUOTE_OPENERS / sizeof QUOTE_OPENERS[0] };

bool wn_opens_with_quote(const char *text) {
  for (size_t i = 0; i < QUOTE_OPENER_COUNT; i++)
    if (strncmp(text, QUOTE_OPENERS[i], strlen(QUOTE_OPENERS[i])) == 0) return true;
  return false;
}

bool wn_quote_opens_at(const char *text, const char *at) {
  for (size_t i = 0; i < QUOTE_OPENER_COUNT; i++) {
    size_t n = strlen(QUOTE_OPENERS[i]);
    if ((size_t)(at - text) >= n && memcmp(at - n, QUOTE_OPENERS[i], n) == 0) return true;
  }
  return false;
}

bool wn_reads_as_prose(const wn_block *b) {
  return b->punctuation > 0 || wn_block_length(b) >= LABEL_LENGTH;
}

/* Rows of a data table and items of a list are content in their own right,
 * however short: specifications, ingredients, steps. */
bool wn_structured_item(const wn_block *b) {
  return b->kind == WN_BLOCK_TABLE_ROW || b->kind == WN_BLOCK_LIST_ITEM;
}

/* ---- the element tree ---------------------------------------------------- */

/*
 * Elements are numbered in document order, so every child comes after its
 * parent: one backward pass sums a value up the whole tree.
 */
void wn_sum_up_tree(const wn_page *page, double *values) {
  for (size_t i = page->element_count; i-- > 1;) {
    int parent = page->elements[i].parent;
    if (parent >= 0) values[parent] += values[i];
  }
}

void wn_count_up_tree(const wn_page *page, size_t *counts) {
  for (size_t i = page->element_count; i-- > 1;) {
    int parent = page->elements[i].parent;
    if (parent >= 0) counts[parent] += counts[i];
  }
}

void wn_recompute_inherited(wn_page *page) {
  for (size_t i = 0; i < page->element_count; i++) {
    wn_element *e = &page->elements[i];
    e->inherited = e->flags | (e->parent >= 0 ? page->elements[e->parent].inherited : 0);
  }
}

void wn_pass_measure(wn_page *page, wn_pass_state *state) {
  (void)state;
  size_t n = page->element_count;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    wn_element *owner = &page->elements[b->owner];
    double len = wn_block_length(b);
    owner->text_chars += len;
    owner->link_chars += len * wn_link_density(b);
    if (len >= LONG_PROSE) owner->long_blocks++;
    if (len >= SAID_BLOCK && wn_link_density(b) <= LINK_DENSE) owner->said_blocks++;
    owner->blocks++;
    if (b->heading_level == 1) owner->holds_h1 = true;
  }
  /* A figure wrapped in single-child elements (a card's body around its
   * picture) counts as a figure of the element above the wrappers. */
  bool *figure_like = wn_xcalloc(n, sizeof *figure_like);
  for (size_t i = n; i-- > 1;) {
    wn_element *e = &page->elements[i];
    if (e->parent < 0) continue;
    wn_element *p = &page->elements[e->parent];
    if ((e->flags & WN_EL_FIGURE) || figure_like[i]) {
      p->figure_children++;
      if (p->children == 1) figure_like[e->parent] = true;
    }
    p->long_blocks += e->long_blocks;
    p->said_blocks += e->said_blocks;
    p->blocks += e->blocks;
    p->holds_h1 = p->holds_h1 || e->holds_h1;
    if (e->flags & WN_EL_CAPTION) page->caption_names++;
    p->text_chars += e->text_chars;
    p->link_chars += e->link_chars;
  }
  free(figure_like);
}

/* ---- block decisions ------------------------------------------------- */

/* Flags of the elements from the block's owner up to, not including, the region. */
void wn_weigh_comments(const wn_page *page, int region, double *comment, double *other) {
  *comment = *other = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!wn_inside(page, b->owner, region)) continue;
    uint32_t below = wn_flags_below(page, b->owner, region);
    if (below & WN_EL_REVIEWS) continue; /* customers' reviews are never the thread */
    if (below & WN_EL_COMMENTS) *comment += wn_block_length(b);
    else *other += wn_block_length(b);
  }
}

uint32_t wn_flags_below(const wn_page *page, int owner, int region) {
  uint32_t flags = 0;
  for (int e = owner; e >= 0 && e != region; e = page->elements[e].parent)
    flags |= page->elements[e].flags;
  return flags;
}

bool wn_inside(const wn_page *page, int element, int region) {
  int depth = page->elements[region].depth;
  while (element >= 0 && page->elements[element].depth > depth)
    element = page->elements[element].parent;
  return element == region;
}

/* The lowest element that holds both `a` and `b`. */
int wn_common_ancestor(const wn_page *page, int a, int b) {
  while (a != b && a >= 0 && b >= 0) {
    if (page->elements[a].depth >= page->elements[b].depth) a = page->elements[a].parent;
    else b = page->elements[b].parent;
  }
  return a == b ? a : -1;
}

/* The list element a list item belongs to, or -1. */
int wn_list_of(const wn_page *page, const wn_block *b) {
  int e = page->elements[b->owner].parent;
  return e >= 0 && (page->elements[e].flags & WN_EL_LIST) ? e : -1;
}

bool wn_links_home_only(const wn_page *page, const wn_block *b) {
  if (b->first_link < 0 || b->first_link != b->last_link || b->link_chars < b->chars) return false;
  return page->elements[b->first_link].links_home;
}

/* The table a row belongs to, or -1. */
int wn_table_of(const wn_page *page, const wn_block *b) {
  int e = b->owner;
  for (int levels = 0; e >= 0 && levels < TABLE_ROW_DEPTH; levels++, e = page->elements[e].parent)
    if (page->elements[e].flags & WN_EL_TABLE) return e;
  return -1;
}

/* Whether the element's subtree holds a picture (a card's thumbnail,
 * linked or not). */
bool wn_holds_picture(const wn_page *page, int root) {
  int depth = page->elements[root].depth;
  for (size_t i = (size_t)root; i < page->element_count; i++) {
    const wn_element *e = &page->elements[i];
    if (i > (size_t)root && e->depth <= depth) break;
    if (e->flags & (WN_EL_FIGURE | WN_EL_IMAGE)) return true;
  }
  return false;
}

void wn_hash_index_init(wn_hash_index *x, size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  x->keys = wn_xcalloc(cap, sizeof *x->keys);
  x->values = wn_xcalloc(cap, sizeof *x->values);
  x->mask = cap - 1;
}

void wn_hash_index_add(wn_hash_index *x, uint64_t key, int value) {
  size_t k = key & x->mask;
  while (x->keys[k] && x->keys[k] != key) k = (k + 1) & x->mask;
  if (x->keys[k]) return;
  x->keys[k] = key;
  x->values[k] = value;
}

int wn_hash_index_find(const wn_hash_index *x, uint64_t key) {
  for (size_t k = key & x->mask; x->keys[k]; k = (k + 1) & x->mask)
    if (x->keys[k] == key) return x->values[k];
  return -1;
}

void wn_hash_index_free(wn_hash_index *x) {
  free(x->keys);
  free(x->values);
}
