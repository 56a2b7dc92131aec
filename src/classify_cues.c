/*
 * Structural cues corrected by what the elements hold: a chrome name on a
 * wrapper of the page's content, a boilerplate name on every card of a grid.
 */
#include <stdlib.h>

#include "buffer.h"
#include "classify_passes.h"
#include "classify_tuning.h"


/* Which elements hold an article, a main element or an h1 of the page:
 * any h1, or only the first (the page's headline; a modal's own title is a
 * later one). */
static bool *landmarks_below(const wn_page *page, bool first_h1_only) {
  size_t n = page->element_count;
  bool *landmark = wn_xcalloc(n, sizeof *landmark);
  for (size_t i = 0; i < n; i++)
    if (page->elements[i].flags & (WN_EL_ARTICLE | WN_EL_MAIN)) landmark[i] = true;
  for (size_t i = 0; i < page->block_count; i++) {
    if (page->blocks[i].heading_level != 1) continue;
    landmark[page->blocks[i].owner] = true;
    if (first_h1_only) break;
  }
  for (size_t i = n; i-- > 1;)
    if (landmark[i] && page->elements[i].parent >= 0) landmark[page->elements[i].parent] = true;
  return landmark;
}

/* For each element, the prose between the page's first h1 and the
 * element's first block (-1: no block inside, or no h1 before it).
 * Blocks come in document order and parents before their children, so an
 * element's first block is the earliest of its children's. */
static double *prose_after_headline(const wn_page *page) {
  size_t n = page->element_count;
  double *before = wn_xcalloc(n ? n : 1, sizeof *before);
  for (size_t i = 0; i < n; i++) before[i] = -1;
  double prose = -1;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->owner >= 0 && before[b->owner] < 0 && prose >= 0) before[b->owner] = prose;
    if (prose < 0 && b->heading_level == 1) prose = 0;
    else if (prose >= 0 && b->kind == WN_BLOCK_PARAGRAPH && b->link_chars * 2 <= b->chars)
      prose += (double)b->chars;
  }
  for (size_t e = n; e-- > 1;) {
    int up = page->elements[e].parent;
    if (up >= 0 && before[e] >= 0 && (before[up] < 0 || before[e] < before[up])) before[up] = before[e];
  }
  return before;
}

/* For each element, how many of its children are named for comments. */
static size_t *comments_named_children(const wn_page *page) {
  size_t n = page->element_count;
  size_t *count = wn_xcalloc(n ? n : 1, sizeof *count);
  for (size_t i = 1; i < n; i++) {
    int parent = page->elements[i].parent;
    if (parent >= 0 && (page->elements[i].flags & WN_EL_COMMENTS)) count[parent]++;
  }
  return count;
}

/*
 * A wrapper that holds much of the page's non-link text is layout, whatever
 * its name says; without this, one "has-sidebar" class on a page wrapper
 * would sink the whole page.
 */
void wn_pass_wrapper_names(wn_page *page, wn_pass_state *state) {
  const bool *landmark = state->landmark;
  size_t n = page->element_count;
  if (!n) return;
  bool *headline = landmarks_below(page, true);
  size_t *comment_children = comments_named_children(page);
  const wn_element *root = &page->elements[0];
  double page_prose = root->text_chars - root->link_chars;
  double *article_before = prose_after_headline(page);
  for (size_t i = 0; i < n; i++) {
    wn_element *e = &page->elements[i];
    double prose = e->text_chars - e->link_chars;
    /* A consent platform's preference centre can outweigh a short article;
     * its container goes unless the page's own content sits inside it. */
    uint32_t keep = landmark[i] ? 0 : WN_EL_CONSENT;
    /* One paragraph in a footer or a dialog is a notice, however much of a
     * page of links it is. */
    if (!landmark[i] && e->blocks <= NOTICE_MAX_BLOCKS) keep |= WN_EL_FOOTER | WN_EL_DIALOG;
    /* A dialog by its markup is one (a policy in a modal outweighs a shop
     * page), unless the page's headline or article is inside it. */
    if ((e->flags & WN_EL_MODAL) && !headline[i] &&
        !(e->inherited & (WN_EL_ARTICLE | WN_EL_MAIN)))
      keep |= WN_EL_DIALOG;
    /* So is one by its name ("modal-window") that starts after the
     * headline and the article's first paragraphs: the rules of a comment
     * form outweigh a short news item. */
    if ((e->flags & WN_EL_DIALOG) && !headline[i] && article_before[i] >= DIALOG_AFTER_PROSE &&
        !(e->inherited & (WN_EL_ARTICLE | WN_EL_MAIN)))
      keep |= WN_EL_DIALOG;
    /* A <footer> or <nav> by its tag is one unless the page's content is
     * inside it; names ("has-footer") are what mislabel page wrappers. */
    if (e->tag == GUMBO_TAG_FOOTER && !landmark[i]) keep |= WN_EL_FOOTER;
    if (e->tag == GUMBO_TAG_NAV && !landmark[i]) keep |= WN_EL_NAV;
    /* One comment among others named so is one, however long. */
    if (e->parent >= 0 && comment_children[e->parent] >= COMMENT_SIBLINGS) keep |= WN_EL_COMMENTS;
    if (prose > WRAPPER_SHARE * page_prose)
      e->flags &= ~(uint32_t)((CHROME_FLAGS | WN_EL_COMMENTS) & ~keep);
    /* A misnamed box ("related-product") holding most of a page of links,
     * its links included, is the page's listing. */
    else if (e->text_chars > NAMED_LISTING_SHARE * root->text_chars)
      e->flags &= ~(uint32_t)WN_EL_NEGATIVE_NAME;
  }
  free(headline);
  free(article_before);
  free(comment_children);
  wn_recompute_inherited(page);
}

/*
 * Cards each named for what they are not ("as-util-relatedlink" on every
 * product tile, "promo" on every service card) are a grid, not a box of
 * related links: an element whose text sits mostly in many such boxes, none
 * inside another, is the grid, and the name a utility class.
 */
void wn_pass_card_names(wn_page *page, wn_pass_state *state) {
  (void)state;
  size_t n = page->element_count;
  double *named = wn_xcalloc(n, sizeof *named);
  size_t *boxes = wn_xcalloc(n, sizeof *boxes);
  for (size_t i = 1; i < n; i++) {
    const wn_element *e = &page->elements[i];
    if (!(e->flags & WN_EL_NEGATIVE_NAME)) continue;
    if (page->elements[e->parent].inherited & WN_EL_NEGATIVE_NAME) continue;
    named[i] = e->text_chars;
    boxes[i] = 1;
  }
  wn_sum_up_tree(page, named);
  wn_count_up_tree(page, boxes);
  /* Beside an article, such a grid is what it looks like: teasers. */
  bool has_article = page->says_article;
  for (size_t i = 0; i < n && !has_article; i++)
    has_article = page->elements[i].flags & WN_EL_ARTICLE;
  /* Nor is it the page when the page has more text of its own. */
  double own_text = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!(page->elements[b->owner].inherited & CHROME_FLAGS)) own_text += wn_block_length(b);
  }
  bool cleared = false;
  for (size_t i = 0; i < n; i++) {
    const wn_element *grid = &page->elements[i];
    if (grid->inherited & WN_EL_NEGATIVE_NAME) continue;
    if (has_article && !(grid->inherited & WN_EL_ARTICLE)) continue;
    if (named[i] < own_text) continue;
    if (boxes[i] < MISNAMED_CARDS_MIN || named[i] < MISNAMED_CARDS_SHARE * grid->text_chars)
      continue;
    size_t j = i + 1;
    for (; j < n && page->elements[j].depth > grid->depth; j++)
      page->elements[j].flags &= ~(uint32_t)WN_EL_NEGATIVE_NAME;
    cleared = true;
    i = j - 1; /* past the grid's subtree */
  }
  if (cleared) wn_recompute_inherited(page);
  free(named);
  free(boxes);
}

void wn_pass_landmarks(wn_page *page, wn_pass_state *state) {
  state->landmark = landmarks_below(page, false);
}
