#include "related.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "lexicon.h"

/* ---- tuning constants ---------------------------------------------------- */

/* A run of teasers has at least this many boxes side by side... */
static const int RELATED_MIN_CARDS = 3;
/* ...of which this share are cards (a linked headline, a headline over a
 * blurb, or a picture)... */
static const double RELATED_CARD_SHARE = 0.6;
/* ...holding this share of the section's text. */
static const double RELATED_CARD_TEXT_SHARE = 0.8;
/* The article the section goes with: this much prose outside the section. */
static const double RELATED_MIN_ARTICLE = 500.0;
/* A paragraph counts as the article's prose from this length on. */
static const double RELATED_PROSE_BLOCK = 80.0;
/* How far above the heading the element that holds its section may be. */
static const int RELATED_MAX_CLIMB = 6;
/* Above this share of link text a block is a link. */
static const double RELATED_LINK_DENSE = 0.5;
/* A run of teaser cards with no heading at all: at least this many cards
 * that each hold a picture, a link away (a linked title or the picture)
 * and a blurb,
 * on a page that says it is an article, after this much of its prose, and
 * with at most this much prose after them (the article has ended). */
static const int TEASER_RUN_MIN_CARDS = 3;
static const double TEASER_RUN_PROSE_AFTER = 200.0;
/* A card's title: a link of at most this many words. */
static const int TEASER_TITLE_WORDS = 15;
/* A Han, Kana or Hangul character weighs about a short word (as in classify). */
static const double RELATED_CJK_WEIGHT = 3.0;

static double length_of(const wn_block *b) {
  return (double)(b->chars - b->cjk_chars) + RELATED_CJK_WEIGHT * b->cjk_chars;
}

static double links_of(const wn_block *b) {
  return b->chars ? (double)b->link_chars / b->chars : 0.0;
}

static bool within(const wn_page *page, int element, int ancestor) {
  int depth = page->elements[ancestor].depth;
  while (element >= 0 && page->elements[element].depth > depth)
    element = page->elements[element].parent;
  return element == ancestor;
}

/* The child of `ancestor` on the way down to `element`, or -1. */
static int child_towards(const wn_page *page, int element, int ancestor) {
  int child = -1;
  while (element >= 0 && element != ancestor) {
    child = element;
    element = page->elements[element].parent;
  }
  return element == ancestor ? child : -1;
}

static int lowest_common(const wn_page *page, int a, int b) {
  while (a != b && a >= 0 && b >= 0) {
    if (page->elements[a].depth >= page->elements[b].depth) a = page->elements[a].parent;
    else b = page->elements[b].parent;
  }
  return a == b ? a : -1;
}

/* A block that says "Related articles" itself, not one that a related
 * heading above it passed its hit on to. */
static bool is_related_heading(const wn_block *b) {
  const wn_lex_entry *hit = b->lexicon;
  if (!hit || hit->role != WN_LEX_SECTION || strcmp(hit->concept, "related") != 0) return false;
  if (b->kind != WN_BLOCK_HEADING && links_of(b) > RELATED_LINK_DENSE) return false;
  return wn_lexicon_match(b->text, b->text_len) == hit;
}

/* The lowest ancestor of the heading that also holds the next block. */
static int section_container(const wn_page *page, size_t heading) {
  if (heading + 1 >= page->block_count) return -1;
  int next = page->blocks[heading + 1].owner;
  int e = page->elements[page->blocks[heading].owner].parent;
  for (int climbed = 0; e >= 0 && climbed < RELATED_MAX_CLIMB; climbed++) {
    if (within(page, next, e)) return e;
    e = page->elements[e].parent;
  }
  return -1;
}

/* One past the section: the container's blocks up to the next heading of
 * the heading's level or higher (a label has no level: its cards' own
 * headings are inside the section, which ends with the container). */
static size_t section_stop(const wn_page *page, size_t heading, int container) {
  const wn_block *h = &page->blocks[heading];
  int level = h->kind == WN_BLOCK_HEADING ? h->heading_level : 0;
  size_t end = heading + 1;
  for (; end < page->block_count; end++) {
    const wn_block *b = &page->blocks[end];
    if (!within(page, b->owner, container)) break;
    if (b->kind == WN_BLOCK_HEADING && b->heading_level <= level) break;
  }
  return end;
}

typedef struct box {
  int blocks;
  bool linked, headed;
  double text;
} box;

/* Whether the box holds a picture (a card's thumbnail, linked or not). */
static bool holds_picture(const wn_page *page, int root) {
  int depth = page->elements[root].depth;
  for (size_t i = (size_t)root; i < page->element_count; i++) {
    const wn_element *e = &page->elements[i];
    if (i > (size_t)root && e->depth <= depth) break;
    if (e->flags & (WN_EL_FIGURE | WN_EL_PICTURE))
      return true;
  }
  return false;
}

/*
 * The section's blocks sit in sibling boxes under their lowest common
 * element: several boxes that each hold a linked headline, a headline over
 * a blurb, or a picture are teaser cards; an article's own paragraphs, with
 * links inside their sentences, are not (its subheadings end the section).
 */
static bool is_card_run(const wn_page *page, size_t from, size_t to) {
  if (to - from < (size_t)RELATED_MIN_CARDS) return false;
  int common = page->blocks[from].owner;
  for (size_t i = from + 1; i < to; i++) common = lowest_common(page, common, page->blocks[i].owner);
  if (common < 0) return false;
  box *boxes = wn_xcalloc(page->element_count, sizeof *boxes);
  double total = 0;
  for (size_t i = from; i < to; i++) {
    const wn_block *b = &page->blocks[i];
    total += length_of(b);
    int child = child_towards(page, b->owner, common);
    if (child < 0) continue;
    boxes[child].blocks++;
    boxes[child].text += length_of(b);
    if (links_of(b) > RELATED_LINK_DENSE) boxes[child].linked = true;
    if (b->kind == WN_BLOCK_HEADING) boxes[child].headed = true;
  }
  int count = 0, cards = 0;
  double card_text = 0;
  for (size_t e = (size_t)common + 1; e < page->element_count; e++) {
    if (page->elements[e].depth <= page->elements[common].depth) break;
    if (page->elements[e].parent != common || !boxes[e].blocks) continue;
    count++;
    bool headline = boxes[e].headed && boxes[e].blocks >= 2; /* a headline over its blurb */
    bool card = boxes[e].linked || headline || holds_picture(page, (int)e);
    if (!card) continue;
    cards++;
    card_text += boxes[e].text;
  }
  free(boxes);
  return count >= RELATED_MIN_CARDS && cards >= RELATED_CARD_SHARE * count &&
         card_text >= RELATED_CARD_TEXT_SHARE * total;
}

/* Prose of the page outside blocks [from, to): the article the section
 * goes with. */
static double prose_outside(const wn_page *page, size_t from, size_t to) {
  double prose = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    if (i >= from && i < to) continue;
    const wn_block *b = &page->blocks[i];
    if (b->lexicon || b->kind != WN_BLOCK_PARAGRAPH || links_of(b) > RELATED_LINK_DENSE) continue;
    if (length_of(b) >= RELATED_PROSE_BLOCK) prose += length_of(b);
  }
  return prose;
}

static bool holds_headline(const wn_page *page, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (page->blocks[i].heading_level == 1) return true;
  return false;
}

/* Whether the box holds a linked picture (a thumbnail that leads away). */
static bool holds_linked_picture(const wn_page *page, int root) {
  int depth = page->elements[root].depth;
  for (size_t i = (size_t)root; i < page->element_count; i++) {
    const wn_element *e = &page->elements[i];
    if (i > (size_t)root && e->depth <= depth) break;
    if (e->tag == GUMBO_TAG_A && (e->flags & WN_EL_PICTURE)) return true;
  }
  return false;
}

typedef struct teaser_box {
  int blocks, titles, blurbs;
  size_t first, last;
} teaser_box;

/* Prose outside one element, before it or after it, within `scope`. */
static double prose_beside(const wn_page *page, int element, bool before, int scope) {
  double prose = 0;
  bool seen = false;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    bool in = within(page, b->owner, element);
    if (in) seen = true;
    if (in || seen == before || !within(page, b->owner, scope)) continue;
    if (b->lexicon || b->kind != WN_BLOCK_PARAGRAPH || links_of(b) > RELATED_LINK_DENSE) continue;
    if (length_of(b) >= RELATED_PROSE_BLOCK) prose += length_of(b);
  }
  return prose;
}

/* Are the children of `parent` a run of teaser cards, each a picture, a
 * link away (a title or the picture) and a blurb, and nearly all of its
 * text? */
static bool teaser_cards(const wn_page *page, int parent, teaser_box *boxes) {
  int cards = 0, count = 0;
  double card_text = 0, total = page->elements[parent].text_chars;
  for (size_t e = (size_t)parent + 1; e < page->element_count; e++) {
    if (page->elements[e].depth <= page->elements[parent].depth) break;
    if (page->elements[e].parent != parent || !boxes[e].blocks) continue;
    count++;
    bool thumbnail = holds_picture(page, (int)e);
    bool leads_away = boxes[e].titles > 0 || holds_linked_picture(page, (int)e);
    if (!thumbnail || !leads_away || !boxes[e].blurbs) continue;
    cards++;
    card_text += page->elements[e].text_chars;
  }
  return cards >= TEASER_RUN_MIN_CARDS && cards >= RELATED_CARD_SHARE * count &&
         card_text >= RELATED_CARD_TEXT_SHARE * total;
}

/*
 * Teaser cards after an article's end need no heading to be what they
 * are: the boxes of one element that each link away over a blurb, when
 * the page says it is an article, its prose comes before them and next to
 * none after. Their blocks take the lexicon's "related" concept.
 */
static void mark_teaser_runs(wn_page *page, const wn_lex_entry *related) {
  if (!page->says_article || !related) return;
  teaser_box *boxes = wn_xcalloc(page->element_count, sizeof *boxes);
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    bool title = links_of(b) > RELATED_LINK_DENSE && b->words <= TEASER_TITLE_WORDS;
    bool blurb = !title && links_of(b) <= RELATED_LINK_DENSE && b->kind == WN_BLOCK_PARAGRAPH &&
                 length_of(b) >= RELATED_PROSE_BLOCK;
    for (int e = b->owner; e > 0; e = page->elements[e].parent) {
      boxes[e].blocks++;
      boxes[e].titles += title;
      boxes[e].blurbs += blurb;
    }
  }
  for (size_t e = 1; e < page->element_count; e++) {
    if (page->elements[e].holds_h1 || !teaser_cards(page, (int)e, boxes)) continue;
    if (prose_beside(page, (int)e, true, 0) < RELATED_MIN_ARTICLE) continue;
    if (prose_beside(page, (int)e, false, 0) > TEASER_RUN_PROSE_AFTER) continue;
    /* Entries of a round-up sit among the article's paragraphs; teasers
     * sit in a box of their own. */
    int parent = page->elements[e].parent;
    if (prose_beside(page, (int)e, true, parent) > 0) continue;
    for (size_t i = 0; i < page->block_count; i++) {
      wn_block *b = &page->blocks[i];
      if (!b->lexicon && within(page, b->owner, (int)e)) b->lexicon = related;
    }
    size_t skip = e + 1; /* past the run's subtree */
    while (skip < page->element_count && page->elements[skip].depth > page->elements[e].depth) skip++;
    e = skip - 1;
  }
  free(boxes);
}

/* The lexicon's entry for "Related articles", to name the runs found by
 * their structure alone. */
static const wn_lex_entry *related_entry(void) {
  return wn_lexicon_match("Related articles", strlen("Related articles"));
}

void wn_mark_related_sections(wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *h = &page->blocks[i];
    if (!is_related_heading(h)) continue;
    int container = section_container(page, i);
    if (container < 0) continue;
    size_t end = section_stop(page, i, container);
    if (!is_card_run(page, i + 1, end) || holds_headline(page, i + 1, end)) continue;
    if (prose_outside(page, i, end) < RELATED_MIN_ARTICLE) continue;
    for (size_t j = i + 1; j < end; j++)
      if (!page->blocks[j].lexicon) page->blocks[j].lexicon = h->lexicon;
    i = end - 1;
  }
  mark_teaser_runs(page, related_entry());
}
