/*
 * The main content region: the element whose blocks add up to the most
 * prose net of chrome, widened over landing pages' sections, tightened away
 * from stray text around the content.
 */
#include <stdlib.h>

#include "buffer.h"
#include "classify_passes.h"
#include "classify_tuning.h"


/* ---- region choice --------------------------------------------------- */

/* What a block adds to any region that holds it: prose adds, chrome costs. */
static double block_value(const wn_page *page, const wn_block *b) {
  double len = wn_block_length(b);
  uint32_t flags = page->elements[b->owner].inherited;
  if (flags & CHROME_FLAGS) return -CHROME_PENALTY * len;
  if (b->lexicon || wn_machine_text(b)) return -CHROME_PENALTY * len;
  double links = wn_page_link_density(page, b);
  if (links > LINK_DENSE) return -CHROME_PENALTY * len;
  double value = len * (1.0 - links);
  if (!wn_reads_as_prose(b) && !wn_structured_item(b)) value *= LABEL_WEIGHT;
  if ((flags & WN_EL_COMMENTS) && !page->says_forum_thread) value *= COMMENT_WEIGHT;
  return value;
}

/*
 * A wrapper that adds little prose to its best descendant adds mostly stray
 * text from around the content (a notice column, a footer line): prefer the
 * deepest descendant that keeps nearly all of the wrapper's prose.
 */
static int tighten_region(const wn_page *page, int region) {
  double floor = TIGHTEN_KEEP * page->elements[region].positive_score;
  int best = region;
  for (size_t i = (size_t)region + 1; i < page->element_count; i++) {
    const wn_element *e = &page->elements[i];
    if (e->depth <= page->elements[region].depth) break; /* left the region's subtree */
    if (e->positive_score >= floor && e->depth > page->elements[best].depth) best = (int)i;
  }
  return best;
}

/*
 * Landing pages spread their text over many sections with menus, buttons
 * and logos between them: the best net score may go to one section while
 * an ancestor holds several times its prose at a still good net score.
 * Blocks inside the wider region are judged one by one all the same.
 */
static int widen_region(const wn_page *page, int region) {
  const wn_element *r = &page->elements[region];
  int chosen = region;
  for (int e = r->parent; e >= 0; e = page->elements[e].parent) {
    const wn_element *a = &page->elements[e];
    bool net_holds = a->content_score >= WIDEN_MIN_NET * r->content_score;
    /* Menus, footers and lexicon lines inside the wider region are dropped
     * one by one all the same: counting only what would be kept, a wider
     * region must bring much more prose. */
    bool judged_holds = a->judged_score >= WIDEN_MIN_JUDGED * r->judged_score;
    if (!net_holds && !judged_holds) break;
    double gain = net_holds ? WIDEN_MIN_GAIN : WIDEN_MIN_JUDGED_GAIN;
    /* Every post of a thread is content, however heavy the author panels
     * beside the replies. */
    if (page->says_forum_thread && !net_holds) gain = WIDEN_THREAD_MIN_GAIN;
    if (a->positive_score >= gain * page->elements[chosen].positive_score) chosen = e;
  }
  return chosen;
}

/*
 * On a question page the answers outweigh the question above them, and the
 * region settles on the answers; the page's markup names the element that
 * holds both (schema.org/Question), and the question belongs to the text.
 */
static int typed_question_around(const wn_page *page, int region) {
  for (int e = region; e >= 0; e = page->elements[e].parent)
    if (page->elements[e].flags & WN_EL_QUESTION) return e;
  return -1;
}

/* A block that goes wherever the region is: chrome by its containers or
 * by its words. */
static bool dropped_by_cues(const wn_page *page, const wn_block *b) {
  return (page->elements[b->owner].inherited & CHROME_FLAGS) || b->lexicon;
}

/* The element whose blocks add up to the most content net of chrome. */
static int choose_region(wn_page *page) {
  size_t n = page->element_count;
  if (!n) return -1;
  double *net = wn_xcalloc(n, sizeof *net);
  double *positive = wn_xcalloc(n, sizeof *positive);
  double *judged = wn_xcalloc(n, sizeof *judged);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    b->score = block_value(page, b);
    net[b->owner] += b->score;
    if (b->score > 0) positive[b->owner] += b->score;
    if (!dropped_by_cues(page, b)) judged[b->owner] += b->score;
  }
  wn_sum_up_tree(page, net);
  wn_sum_up_tree(page, positive);
  wn_sum_up_tree(page, judged);
  for (size_t i = 0; i < n; i++) {
    page->elements[i].positive_score = positive[i];
    page->elements[i].judged_score = judged[i];
  }
  free(positive);
  free(judged);
  int best = 0;
  double best_score = net[0];
  for (size_t i = 0; i < n; i++) {
    wn_element *e = &page->elements[i];
    double score = net[i] * ((e->flags & CONTENT_FLAGS) ? CONTENT_CONTAINER_BONUS : 1.0);
    e->content_score = score;
    if (score > best_score) {
      best_score = score;
      best = (int)i;
    }
  }
  free(net);
  return best;
}

/* Links that read as other pages' headlines, not a menu's entries: a line
 * of names or sections run together in one block ("A | B | C", each a link
 * of a word or two) is a menu however long it runs. A card's few links
 * (its headline, a section, an author) count as one headline. */
static bool holds_headlines(const wn_block *b) {
  double words = wn_block_weighted_words(b);
  double links = b->links >= LISTING_MENU_LINKS ? (double)b->links : 1.0;
  return words >= (double)LISTING_HEADLINE_WORDS * links;
}

/* Prose kept by the region versus link-dense text outside chrome (and the
 * value of the region's longest block of prose, in *longest): a section
 * the lexicon titles ("Related articles", "Most read") is an article's
 * chrome, not the entries of a listing. */
static bool looks_like_listing(const wn_page *page, int region, double *longest) {
  double prose = 0, links = 0;
  *longest = 0;
  /* Elements come in document order: the region's own are an interval. */
  size_t first = region >= 0 ? (size_t)region : 0, end = first;
  if (region >= 0)
    for (end = first + 1; end < page->element_count; end++)
      if (page->elements[end].depth <= page->elements[region].depth) break;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (dropped_by_cues(page, b)) continue;
    if (wn_link_density(b) > LINK_DENSE) {
      if (holds_headlines(b)) links += wn_block_length(b);
    }
    else if (b->score > 0 && (size_t)b->owner >= first && (size_t)b->owner < end) {
      prose += b->score;
      if (b->score > *longest) *longest = b->score;
    }
  }
  return prose < LISTING_PROSE_SHARE * links;
}

/* The page's headline (article_anchor.c) set as a heading and linking
 * nowhere, over a paragraph of a story's length (the region's longest, by
 * value): the page tells one story. A sentence-long headline is enough even
 * where the prose under it is too short or too broken up for the article
 * anchor to hold; a shorter one ("Pumpkin Muffin Recipe") needs the anchor,
 * as a category's name heads an intro and a listing. */
static bool headed_story(const wn_page *page, const wn_pass_state *state, double longest) {
  if (state->anchor.headline < 0) return false;
  const wn_block *h = &page->blocks[state->anchor.headline];
  if (h->kind != WN_BLOCK_HEADING || wn_link_density(h) > LINK_DENSE) return false;
  if (state->anchor.sentence) return longest >= LISTING_STORY_PARAGRAPH;
  return state->article && h->words >= LISTING_STORY_HEADLINE_WORDS &&
         longest >= LISTING_ANCHORED_PARAGRAPH;
}

/* A headline, set as a heading and linking nowhere, over prose that its
 * readers' comments close, however short that prose. */
static bool commented_post(const wn_page *page, const wn_article_anchor *anchor) {
  if (anchor->headline < 0 || !anchor->commented || anchor->paragraphs < 1) return false;
  const wn_block *h = &page->blocks[anchor->headline];
  return h->kind == WN_BLOCK_HEADING && wn_link_density(h) <= LINK_DENSE;
}

/* The best element by net content; a page whose best prose region is
 * outweighed by its links is a listing, and is scored again with links as
 * text, unless a story's headline heads it and a paragraph of the story's
 * length is in the region (a listing's blurbs are short). */
void wn_pass_region(wn_page *page, wn_pass_state *state) {
  page->listing = false;
  int outer = choose_region(page);
  /* A headline that reads as an article's, or that a dateline dates, is not
   * a listing's, whatever the menus and headline lists around it weigh. */
  bool article = state->article && (state->anchor.sentence || state->anchor.dated);
  /* Nor is a headline whose short text its readers' comments close: a
   * post and its discussion (a section's intro has no comments of its own). */
  article = article || commented_post(page, &state->anchor);
  double longest;
  if (!article && looks_like_listing(page, outer, &longest) && !headed_story(page, state, longest)) {
    page->listing = true;
    outer = choose_region(page);
  }
  state->outer = outer;
  page->region = outer;
}

void wn_pass_widen_region(wn_page *page, wn_pass_state *state) {
  state->outer = widen_region(page, state->outer);
  page->region = state->outer;
}

void wn_pass_tighten_region(wn_page *page, wn_pass_state *state) {
  page->region = tighten_region(page, state->outer);
}

/* The element holding the tab panel the region lies in, with the panel's
 * siblings, when it holds two panels or more; else -1. */
static int tab_set_around(const wn_page *page, int region) {
  int panel = region;
  while (panel >= 0 && !(page->elements[panel].flags & WN_EL_TAB_PANEL))
    panel = page->elements[panel].parent;
  if (panel < 0) return -1;
  int set = page->elements[panel].parent;
  if (set < 0) return -1;
  size_t panels = 0;
  for (size_t i = (size_t)set + 1; i < page->element_count; i++) {
    const wn_element *e = &page->elements[i];
    if (e->depth <= page->elements[set].depth) break; /* left the set's subtree */
    if (e->parent == set && (e->flags & WN_EL_TAB_PANEL)) panels++;
  }
  return panels >= 2 ? set : -1;
}

/* A tab set's panels are hidden but one, and the reader picks which to see
 * (a product's description, its specifications): the region that settled
 * on the longest panel takes in the others. */
void wn_pass_tab_panels(wn_page *page, wn_pass_state *state) {
  if (page->region < 0) return;
  int set = tab_set_around(page, page->region);
  if (set < 0) return;
  page->region = set;
  if (wn_inside(page, state->outer, set)) state->outer = set;
}

/* On an article's page: the headline and the prose under it (article_anchor.c). */
void wn_pass_article_anchor(wn_page *page, wn_pass_state *state) {
  state->article = wn_find_article_anchor(page, &state->anchor);
  page->anchor_headline = state->anchor.headline;
  if (state->anchor.headline >= 0 && state->anchor.dated)
    page->post_headline = state->anchor.headline;
  if (!state->article) return;
  page->article_headline = state->anchor.headline;
  page->article_body = state->anchor.body;
  page->article_paragraphs = state->anchor.paragraphs;
  page->article_end = state->anchor.closed ? (int)state->anchor.end : -1;
}

/* A region chosen inside readers' comments, on a page whose headline and
 * prose make a post outside them: the comments outweighed the post they
 * discuss (a short blog post with fifty replies). Threads and questions,
 * whose replies are the content, keep the region. */
static bool discussion_outweighs_post(const wn_page *page, const wn_article_anchor *anchor,
                                      int region) {
  if (!anchor->post || region < 0 || wn_posts_are_content(page)) return false;
  if (wn_inside(page, anchor->body, region)) return false;
  /* The region is a thread itself (its posts' stamps marked it). */
  if (page->elements[region].inherited & WN_EL_COMMENTS) return true;
  /* Comments by the names of the posts' boxes: the list around them may
   * have lost its name as a wrapper of most of the page's text. */
  double comments, other;
  wn_weigh_comments(page, region, &comments, &other);
  return comments > other;
}

/* A short post (the page's headline, set as a heading, over a line or two
 * of prose, too little for an article) whose region lies wholly above its
 * headline: a sidebar's blurb outweighed the post's line. */
static bool region_above_short_post(const wn_page *page, const wn_article_anchor *anchor,
                                    int region) {
  if (anchor->headline < 0 || anchor->body < 0 || region < 0) return false;
  if (page->blocks[anchor->headline].kind != WN_BLOCK_HEADING) return false;
  for (size_t i = (size_t)anchor->headline; i < page->block_count; i++)
    if (wn_inside(page, page->blocks[i].owner, region)) return false;
  return true;
}

/* A short post whose region lies wholly under a heading that titles and
 * counts comments ("57 Comments"), past the headline and a sentence of
 * the post's own: the post's discussion outweighed the post (a photo and
 * a line) when no name marks the comments. */
static bool region_under_posts_comments(const wn_page *page, const wn_article_anchor *anchor,
                                        int region) {
  if (anchor->headline < 0 || anchor->body < 0 || region < 0 || wn_posts_are_content(page))
    return false;
  if (page->blocks[anchor->headline].kind != WN_BLOCK_HEADING) return false;
  bool told = false;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (wn_inside(page, b->owner, region)) return false;
    if (i <= (size_t)anchor->headline) continue;
    if (b->kind == WN_BLOCK_HEADING && (wn_lex_counts_comments(b->lexicon) || wn_block_counts_comments(b)))
      return told;
    if (b->kind == WN_BLOCK_PARAGRAPH && !b->lexicon && wn_block_ends_sentence(b) &&
        wn_inside(page, b->owner, anchor->body))
      told = true;
  }
  return false;
}

/* The regions narrowed to the article's body, or replaced by it, when what
 * lies beyond the article's end is not more of it; a short post's line
 * replaces a region above it. */
void wn_pass_anchored_region(wn_page *page, wn_pass_state *state) {
  if (!state->article) {
    bool discussed = region_under_posts_comments(page, &state->anchor, page->region);
    if (region_above_short_post(page, &state->anchor, page->region) || discussed) {
      page->region = state->anchor.body;
      state->outer = page->region;
    }
    /* (Counted comments say the line over them was published: a post.) */
    if (discussed) page->post_headline = state->anchor.headline;
    return;
  }
  if (discussion_outweighs_post(page, &state->anchor, page->region)) {
    page->region = state->anchor.body;
    if (wn_inside(page, state->outer, page->region)) state->outer = page->region;
    return;
  }
  state->outer = wn_anchored_region(page, &state->anchor, state->outer);
  page->region = wn_anchored_region(page, &state->anchor, page->region);
}

void wn_pass_question_region(wn_page *page, wn_pass_state *state) {
  int question = typed_question_around(page, page->region);
  if (question < 0) return;
  page->region = question;
  if (wn_inside(page, state->outer, question)) state->outer = question;
}

/* The one element microdata names the article's body (itemprop=
 * "articleBody"), when it holds a story's prose: the page says where its
 * text is, whatever the names around it weigh. Several such elements are
 * a listing's entries. */
static int stated_body(const wn_page *page) {
  int body = -1;
  for (size_t e = 0; e < page->element_count; e++) {
    if (!(page->elements[e].flags & WN_EL_STATED_BODY)) continue;
    if (body >= 0) return -1;
    body = (int)e;
  }
  if (body < 0) return -1;
  double prose = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (wn_inside(page, b->owner, body) && wn_reads_as_prose(b)) prose += wn_block_length(b);
  }
  return prose >= STATED_BODY_MIN_PROSE ? body : -1;
}

void wn_pass_stated_body_region(wn_page *page, wn_pass_state *state) {
  if (page->region < 0 || page->listing || wn_posts_are_content(page)) return;
  int body = stated_body(page);
  if (body < 0 || body == page->region) return;
  page->region = body;
  state->outer = body;
}
