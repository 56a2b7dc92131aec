#include "classify.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "article_anchor.h"
#include "buffer.h"
#include "foreign.h"
#include "langid.h"
#include "lexicon.h"
#include "normalize.h"
#include "title.h"

/* ---- tuning constants ---------------------------------------------------- */

/* A Han, Kana or Hangul character carries about as much as a short word. */
static const double CJK_CHAR_WEIGHT = 3.0;
/* Above this share of link text a block reads as navigation. */
static const double LINK_DENSE = 0.5;
/* Captions are a gallery's text when they hold this much, and this many
 * times what the region keeps besides them. */
static const double GALLERY_MIN_CAPTION_TEXT = 500.0;
static const double GALLERY_CAPTION_RATIO = 2.0;
static const int GALLERY_CAPTIONS_PER_HEADING = 4;
/* How far above a table row its <table> may sit (tr, tbody, table). */
static const int TABLE_ROW_DEPTH = 3;
/* A row or item above this share of link text is links whatever its table
 * or list holds. */
static const double ROW_ALL_LINKS = 0.9;
/* A block this long, with this much punctuation, is writing that cites:
 * link-dense only above the higher limit. */
static const int LONG_CITING_CHARS = 100;
static const double LONG_CITING_LINK_LIMIT = 0.8;
static const int LONG_CITING_PUNCTUATION = 3;
/* Chrome counts against the region that holds it at this rate per char. */
static const double CHROME_PENALTY = 0.5;
/* Text without sentence punctuation, shorter than this, is label-like. */
static const double LABEL_LENGTH = 80.0;
static const double LABEL_WEIGHT = 0.3;
/* Comment threads under an article count, but less than the article. */
static const double COMMENT_WEIGHT = 0.3;
/* Containers the page marks as its content are preferred by this factor. */
static const double CONTENT_CONTAINER_BONUS = 1.1;
/* A boilerplate name on an element holding this share of the page's prose
 * is a layout wrapper ("page-with-sidebar"), not boilerplate. */
static const double WRAPPER_SHARE = 0.4;
/* A footer or dialog box of at most this many blocks is a notice, not a
 * wrapper of the page's content. */
static const int NOTICE_MAX_BLOCKS = 3;
/* A boilerplate name on an element with more than this share of the page's
 * text, links included, is a misnomer. */
static const double NAMED_LISTING_SHARE = 0.5;
/* This many boxes under one boilerplate name each, holding this share of
 * their container's text, are a grid of cards whatever the name says. */
static const int MISNAMED_CARDS_MIN = 8;
static const double MISNAMED_CARDS_SHARE = 0.8;
/* Prose this long under a boilerplate name is kept all the same. */
static const double LONG_PROSE = 200.0;
/* Text outside the comments that makes a page an article with comments
 * rather than a thread whose posts are all called comments. */
static const double ARTICLE_BEFORE_COMMENTS = 1000.0;
/* A product page's own text, however short, is what its reviews discuss. */
static const double PRODUCT_BEFORE_REVIEWS = 200.0;
/* Below this much kept text the page has no main content. */
static const double MIN_CONTENT = 100.0;
/* A page is read as a listing when its best prose region holds less than
 * this share of the text that sits in link-dense, non-chrome blocks. */
static const double LISTING_PROSE_SHARE = 0.5;
/* Links of fewer words are menu entries, not the headlines of a listing. */
static const int LISTING_HEADLINE_WORDS = 3;
/* Kickers and labels sit right above a headline: this many blocks at most. */
static const size_t KICKER_BLOCKS = 4;

/* Descend to a descendant that keeps this share of the region's prose. */
static const double TIGHTEN_KEEP = 0.9;
/* An ancestor with this many times the region's prose, at no less than
 * this share of its net score, is the region instead; or with the second
 * gain, at no less than the second share of the net of what would be kept. */
static const double WIDEN_MIN_GAIN = 1.5;
static const double WIDEN_MIN_NET = 0.3;
static const double WIDEN_MIN_JUDGED_GAIN = 2.0;
static const double WIDEN_MIN_JUDGED = 0.5;
/* On a forum thread, the second gain is this. */
static const double WIDEN_THREAD_MIN_GAIN = 1.4;
/* Blocks between the headline and the body that may belong to it. */
static const size_t HEADLINE_CONTEXT_BLOCKS = 8;
/* Consent banners run long: blocks up to this long are searched for consent wording. */
static const int CONSENT_MAX_WORDS = 120;
/* A container is a consent banner when consent wording is this share of it. */
static const double CONSENT_SHARE = 0.5;
/* A preference centre: many consent phrases between long purpose texts. */
static const double CONSENT_MANY_HITS = 4;
static const double CONSENT_MANY_SHARE = 0.25;
/* An AI label appended to text counts in a caption or a line this short. */
static const int AI_LABEL_LINE_WORDS = 8;
/* A line of <br>-separated text this short that holds consent wording is a notice. */
static const int CONSENT_LINE_WORDS = 15;
/* A caption ends with a credit of at most this many words ("Foto: Jane Doe"). */
static const int CREDIT_MAX_WORDS = 40;
static const int CREDIT_TAIL_WORDS = 6;
/* Repeats shorter than this are list bullets and labels, not repeated text. */
static const int DUPLICATE_MIN_CHARS = 20;
/* A pull quote is at most this long and this many kept blocks below its source. */
static const size_t PULL_QUOTE_MAX_BYTES = 400;
static const int PULL_QUOTE_DISTANCE = 12;
/* A section heading and its first block share an ancestor this close. */
static const int SECTION_MAX_CLIMB = 4;
/* At most this many ancestors in all, single-child wrappers included. */
static const int SECTION_MAX_WRAPPERS = 12;
/* A link this short beside a section heading belongs to its title bar. */
static const int TITLE_BAR_LINK_WORDS = 3;
/* Prose this long ends the section of a label that is not a heading. */
static const double LABEL_SECTION_PROSE = 150.0;
/* A disclosure or pitch formula is looked for in blocks up to this long. */
static const int FORMULA_MAX_WORDS = 45;
/* Lexicon phrases are short; longer blocks are prose that may quote one. */
static const int LEXICON_MAX_WORDS = 20;
/* A chrome section that would take more than this share of the page's
 * prose is the content itself ("Latest news" on a news index). */
static const double SECTION_MAX_SHARE = 0.5;
/* Below this share of the region's prose, a misnamed box is not the article. */
static const double CHROME_BOX_SHARE = 0.25;
static const int CHROME_BOX_PARAGRAPHS = 2;
/* A heading that is all link points at another page: with at most this
 * much text under it, it and its blurb are a teaser for that page. */
static const double TEASER_LINK_SHARE = 0.9;
static const double TEASER_MAX_BLURB = 300.0;
static const double TEASER_MAX_SHARE = 0.25;
/* More elements named caption than this are not captions. */
static const int CAPTION_NAMES_MAX = 8;
/* A price is a line of at most this many words; a grid of products has at
 * least this many cards with at most this many prices each, and they hold
 * this share of the grid's prices. */
static const int PRICE_LINE_MAX_WORDS = 6;
static const int PRICE_GRID_MIN_CARDS = 4;
static const double PRICE_CARD_MAX_PRICES = 3;
static const double PRICE_GRID_SHARE = 0.8;
/* A heading of this many words that ends a sentence is text. */
static const int SENTENCE_HEADING_WORDS = 10;
/* A sentence that announces a list has at least this many words. */
static const int ANNOUNCING_MIN_WORDS = 5;
/* A block this long whose characters are mostly in identifier-like tokens. */
static const int MACHINE_TEXT_MIN_CHARS = 32;
static const double MACHINE_TEXT_SHARE = 0.6;

static const uint32_t CHROME_FLAGS = WN_EL_NAV | WN_EL_FOOTER | WN_EL_HEADER | WN_EL_ASIDE |
                                     WN_EL_DIALOG | WN_EL_NEGATIVE_NAME | WN_EL_CONSENT;
static const uint32_t CONTENT_FLAGS = WN_EL_ARTICLE | WN_EL_MAIN | WN_EL_POSITIVE_NAME;

/* ---- block measures ------------------------------------------------------ */

static double block_length(const wn_block *b) {
  return (double)(b->chars - b->cjk_chars) + CJK_CHAR_WEIGHT * b->cjk_chars;
}

static double link_density(const wn_block *b) {
  return b->chars ? (double)b->link_chars / b->chars : 0.0;
}

/* On a listing (a page of cards and link lists with no prose of its own) the
 * links are the content: they count as text. */
static double page_link_density(const wn_page *page, const wn_block *b) {
  return page->listing ? 0.0 : link_density(b);
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
static bool machine_text(const wn_block *b) {
  if (b->kind == WN_BLOCK_CODE) return false;
  if (b->chars >= MACHINE_TEXT_MIN_CHARS && b->code_chars >= MACHINE_TEXT_SHARE * b->chars)
    return true;
  return b->text_len > 0 && server_diagnostics(b);
}

static bool reads_as_prose(const wn_block *b) {
  return b->punctuation > 0 || block_length(b) >= LABEL_LENGTH;
}

/* Rows of a data table and items of a list are content in their own right,
 * however short: specifications, ingredients, steps. */
static bool structured_item(const wn_block *b) {
  return b->kind == WN_BLOCK_TABLE_ROW || b->kind == WN_BLOCK_LIST_ITEM;
}

/* ---- element aggregates ---------------------------------------------- */

/*
 * Elements are numbered in document order, so every child comes after its
 * parent: one backward pass sums a value up the whole tree.
 */
static void sum_up_tree(const wn_page *page, double *values) {
  for (size_t i = page->element_count; i-- > 1;) {
    int parent = page->elements[i].parent;
    if (parent >= 0) values[parent] += values[i];
  }
}

static void recompute_inherited(wn_page *page) {
  for (size_t i = 0; i < page->element_count; i++) {
    wn_element *e = &page->elements[i];
    e->inherited = e->flags | (e->parent >= 0 ? page->elements[e->parent].inherited : 0);
  }
}

static void aggregate_text(wn_page *page) {
  size_t n = page->element_count;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    wn_element *owner = &page->elements[b->owner];
    double len = block_length(b);
    owner->text_chars += len;
    owner->link_chars += len * link_density(b);
    if (len >= LONG_PROSE) owner->long_blocks++;
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
    p->blocks += e->blocks;
    p->holds_h1 = p->holds_h1 || e->holds_h1;
    if (e->flags & WN_EL_CAPTION) page->caption_names++;
    p->text_chars += e->text_chars;
    p->link_chars += e->link_chars;
  }
  free(figure_like);
}

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

/*
 * A wrapper that holds much of the page's non-link text is layout, whatever
 * its name says; without this, one "has-sidebar" class on a page wrapper
 * would sink the whole page.
 */
static void clear_wrapper_flags(wn_page *page, const bool *landmark) {
  size_t n = page->element_count;
  if (!n) return;
  bool *headline = landmarks_below(page, true);
  const wn_element *root = &page->elements[0];
  double page_prose = root->text_chars - root->link_chars;
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
    /* A <footer> or <nav> by its tag is one unless the page's content is
     * inside it; names ("has-footer") are what mislabel page wrappers. */
    if (e->tag == GUMBO_TAG_FOOTER && !landmark[i]) keep |= WN_EL_FOOTER;
    if (e->tag == GUMBO_TAG_NAV && !landmark[i]) keep |= WN_EL_NAV;
    if (prose > WRAPPER_SHARE * page_prose)
      e->flags &= ~(uint32_t)((CHROME_FLAGS | WN_EL_COMMENTS) & ~keep);
    /* A misnamed box ("related-product") holding most of a page of links,
     * its links included, is the page's listing. */
    else if (e->text_chars > NAMED_LISTING_SHARE * root->text_chars)
      e->flags &= ~(uint32_t)WN_EL_NEGATIVE_NAME;
  }
  free(headline);
  recompute_inherited(page);
}

/*
 * Cards each named for what they are not ("as-util-relatedlink" on every
 * product tile, "promo" on every service card) are a grid, not a box of
 * related links: an element whose text sits mostly in many such boxes, none
 * inside another, is the grid, and the name a utility class.
 */
static void clear_misnamed_cards(wn_page *page) {
  size_t n = page->element_count;
  double *named = wn_xcalloc(n, sizeof *named);
  double *boxes = wn_xcalloc(n, sizeof *boxes);
  for (size_t i = 1; i < n; i++) {
    const wn_element *e = &page->elements[i];
    if (!(e->flags & WN_EL_NEGATIVE_NAME)) continue;
    if (page->elements[e->parent].inherited & WN_EL_NEGATIVE_NAME) continue;
    named[i] = e->text_chars;
    boxes[i] = 1;
  }
  sum_up_tree(page, named);
  sum_up_tree(page, boxes);
  /* Beside an article, such a grid is what it looks like: teasers. */
  bool has_article = page->says_article;
  for (size_t i = 0; i < n && !has_article; i++)
    has_article = page->elements[i].flags & WN_EL_ARTICLE;
  /* Nor is it the page when the page has more text of its own. */
  double own_text = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!(page->elements[b->owner].inherited & CHROME_FLAGS)) own_text += block_length(b);
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
  if (cleared) recompute_inherited(page);
  free(named);
  free(boxes);
}

static bool inside(const wn_page *page, int element, int region);

/* ---- region choice --------------------------------------------------- */

/* What a block adds to any region that holds it: prose adds, chrome costs. */
static double block_value(const wn_page *page, const wn_block *b) {
  double len = block_length(b);
  uint32_t flags = page->elements[b->owner].inherited;
  if (flags & CHROME_FLAGS) return -CHROME_PENALTY * len;
  if (b->lexicon || machine_text(b)) return -CHROME_PENALTY * len;
  double links = page_link_density(page, b);
  if (links > LINK_DENSE) return -CHROME_PENALTY * len;
  double value = len * (1.0 - links);
  if (!reads_as_prose(b) && !structured_item(b)) value *= LABEL_WEIGHT;
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
  sum_up_tree(page, net);
  sum_up_tree(page, positive);
  sum_up_tree(page, judged);
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

/* Prose kept by the region versus link-dense text outside chrome. */
static bool looks_like_listing(const wn_page *page, int region) {
  double prose = 0, links = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (page->elements[b->owner].inherited & CHROME_FLAGS) continue;
    if (link_density(b) > LINK_DENSE) {
      if (b->words >= LISTING_HEADLINE_WORDS) links += block_length(b);
    }
    else if (b->score > 0 && inside(page, b->owner, region)) prose += b->score;
  }
  return prose < LISTING_PROSE_SHARE * links;
}


/* ---- lexicon phase ----------------------------------------------------- */

static int section_level(const wn_block *b) {
  return b->kind == WN_BLOCK_HEADING ? b->heading_level : 7;
}

/* A "See all" link or a tracking string in a carousel's title bar. */
static bool title_bar_item(const wn_block *b) {
  return machine_text(b) ||
         (link_density(b) > LINK_DENSE && b->words <= TITLE_BAR_LINK_WORDS);
}

/*
 * The lowest ancestor of a section heading that also holds the block after
 * it, within a few levels: a heading alone in a widget ("Share" over icon
 * buttons) does not introduce the article that happens to follow the widget.
 * A carousel's title sits in a bar of nested wrappers beside the carousel:
 * single-child wrappers do not count as levels, and a container found past
 * the nearest levels must hold the heading in a branch of its own, not at
 * the end of earlier text (a "Comments" bar under a question is not the
 * title of the answers that follow the question).
 */
static int common_container(const wn_page *page, size_t heading) {
  /* The section starts at the first block past the heading's own bar. */
  size_t first = heading + 1;
  while (first + 1 < page->block_count && title_bar_item(&page->blocks[first])) first++;
  const wn_block *h = &page->blocks[heading], *next = &page->blocks[first];
  const wn_block *previous = heading > 0 ? &page->blocks[heading - 1] : NULL;
  int branch = h->owner, steps = 0, levels = 0;
  for (int e = page->elements[h->owner].parent;
       e >= 0 && levels < SECTION_MAX_CLIMB && steps < SECTION_MAX_WRAPPERS;
       branch = e, e = page->elements[e].parent, steps++) {
    if (inside(page, next->owner, e)) {
      if (steps < SECTION_MAX_CLIMB) return e;
      return previous && inside(page, previous->owner, branch) ? -2 : e;
    }
    if (page->elements[e].children > 1) levels++;
  }
  return -2;
}

/*
 * A label that is not a heading ("Read also" in a plain paragraph) has no
 * level to end its section: the teasers it introduces are links, headings,
 * list items or short lines, and the first paragraph of prose resumes the
 * text around it.
 */
static bool resumes_prose(const wn_block *b) {
  return b->kind == WN_BLOCK_PARAGRAPH && link_density(b) <= LINK_DENSE &&
         block_length(b) >= LABEL_SECTION_PROSE;
}

/* Blocks after a section heading, up to the next heading of its level or
 * higher, or the end of the container heading and section share. */
static size_t section_end(const wn_page *page, size_t heading) {
  const wn_block *h = &page->blocks[heading];
  if (heading + 1 >= page->block_count) return heading + 1;
  int container = common_container(page, heading);
  if (container == -2) return heading + 1; /* introduces nothing near it */
  size_t end = heading + 1;
  bool label = h->kind != WN_BLOCK_HEADING;
  for (; end < page->block_count; end++) {
    const wn_block *b = &page->blocks[end];
    if (b->kind == WN_BLOCK_HEADING && b->heading_level <= section_level(h)) break;
    if (container >= 0 && !inside(page, b->owner, container)) break;
    if (label && resumes_prose(b)) break;
  }
  return end;
}

static double prose_between(const wn_page *page, size_t from, size_t to) {
  double total = 0;
  for (size_t i = from; i < to; i++)
    if (reads_as_prose(&page->blocks[i])) total += block_length(&page->blocks[i]);
  return total;
}

/* Readers' comments under an article may outgrow it: their section is not
 * capped when the page says it is an article and has an article's worth
 * of prose above the heading. */
static bool closes_an_article(const wn_page *page, size_t heading) {
  const wn_lex_entry *hit = page->blocks[heading].lexicon;
  return page->says_article && strcmp(hit->concept, "comments") == 0 &&
         prose_between(page, 0, heading) >= ARTICLE_BEFORE_COMMENTS;
}

static void mark_section(wn_page *page, size_t heading, double page_prose) {
  size_t end = section_end(page, heading);
  if (prose_between(page, heading + 1, end) > SECTION_MAX_SHARE * page_prose &&
      !closes_an_article(page, heading))
    return;
  for (size_t i = heading + 1; i < end; i++)
    if (!page->blocks[i].lexicon) page->blocks[i].lexicon = page->blocks[heading].lexicon;
}

/* A caption that ends with an image or source credit. */
static const wn_lex_entry IMAGE_CREDIT = {"", "credit", "", WN_LEX_LINE, WN_LEX_EXACT};

/* Blocks inside a consent banner that say nothing of their own ("Learn more"). */
static const wn_lex_entry CONSENT_BANNER = {"", "banner", "", WN_LEX_CONSENT, WN_LEX_EXACT};

/* A label appended to other words counts in a caption or a short line, never
 * in a heading ("How to spot an AI-generated image" is a subject). */
static bool ai_label_applies(const wn_page *page, const wn_block *b, const wn_lex_entry *hit) {
  if (hit->match == WN_LEX_EXACT) return true;
  if (b->kind == WN_BLOCK_HEADING) return false;
  if (page->elements[b->owner].inherited & WN_EL_FIGURE) return true;
  /* A disclosure sentence opens with its formula ("This article was written
   * with the help of AI ..."); an image label can end any sentence. */
  if (hit->match == WN_LEX_PREFIX && strcmp(hit->concept, "generated-image") != 0) return true;
  return b->words <= AI_LABEL_LINE_WORDS;
}

/*
 * Long blocks are looked up for consent wording (a banner's sentences) and,
 * while still short of prose, for the multi-word formulas of disclosures and
 * pitches that may sit anywhere in them ("... we may earn a commission ...").
 */
static const wn_lex_entry *match_long_block(const wn_block *b) {
  size_t len;
  char *normalized = wn_normalize_phrase(b->text, b->text_len, &len);
  const wn_lex_entry *hit = wn_lexicon_lookup_affix(normalized, len, WN_LEX_CONSENT);
  if (!hit && b->words <= FORMULA_MAX_WORDS) {
    hit = wn_lexicon_lookup_affix(normalized, len, WN_LEX_LINE);
    if (hit && hit->match == WN_LEX_SUFFIX) hit = NULL;
  }
  free(normalized);
  return hit;
}

static void record_hit(wn_page *page, size_t i, const wn_lex_entry *hit, double page_prose) {
  wn_block *b = &page->blocks[i];
  switch (hit->role) {
  case WN_LEX_LINE:
    /* Each reply of a forum thread carries its date: part of the post. */
    if (page->says_forum_thread && strcmp(hit->concept, "date") == 0) break;
    b->lexicon = hit;
    break;
  case WN_LEX_SECTION:
    b->lexicon = hit;
    /* On a forum thread "Comments" titles the replies, which are the page. */
    if (page->says_forum_thread && strcmp(hit->concept, "comments") == 0) break;
    /* A linked label is a tab, a menu entry or a card's badge ("Popular"),
     * not the title of what follows. */
    if (b->kind == WN_BLOCK_HEADING || link_density(b) <= LINK_DENSE)
      mark_section(page, i, page_prose);
    break;
  case WN_LEX_CONSENT:
    /* A button or title alone is decisive; a sentence waits for its container. */
    if (hit->match == WN_LEX_EXACT) b->lexicon = hit;
    else b->consent_hint = hit;
    break;
  case WN_LEX_AI_LABEL:
    if (ai_label_applies(page, b, hit)) b->lexicon = hit;
    break;
  default:
    break;
  }
}

static int count_words(const char *text, size_t len) {
  int words = 0;
  bool in_word = false;
  for (size_t i = 0; i < len; i++) {
    bool space = text[i] == ' ';
    if (!space && !in_word) words++;
    in_word = !space;
  }
  return words;
}

/* A line of a few words that is consent wording is a notice, wherever it sits. */
static bool decisive_line_hit(const wn_lex_entry *hit, const char *line, size_t len) {
  if (!hit) return false;
  if (hit->role == WN_LEX_LINE) return true;
  if (hit->role == WN_LEX_CONSENT && count_words(line, len) <= CONSENT_LINE_WORDS) return true;
  return hit->role == WN_LEX_AI_LABEL && hit->match == WN_LEX_EXACT;
}

/*
 * A block of <br>-separated lines can carry chrome lines among its text
 * ("Posts: 116" under a forum post's author, "Save 25%" under a price):
 * those lines are cut out; a block made only of them goes whole.
 */
static void cut_chrome_lines(wn_block *b) {
  const wn_lex_entry *first = NULL;
  size_t out = 0, start = 0;
  int old_chars = b->chars;
  bool cut = false;
  while (start <= b->text_len) {
    size_t end = start;
    while (end < b->text_len && b->text[end] != '\n') end++;
    const wn_lex_entry *hit = wn_lexicon_match(b->text + start, end - start);
    if (decisive_line_hit(hit, b->text + start, end - start)) {
      if (!first) first = hit;
      cut = true;
    } else {
      if (out) b->text[out++] = '\n';
      memmove(b->text + out, b->text + start, end - start);
      out += end - start;
    }
    start = end + 1;
  }
  if (!cut) return;
  if (out == 0) { /* every line was chrome: keep the text, drop the block */
    b->lexicon = first;
    return;
  }
  b->text_len = out;
  b->text[out] = '\0';
  wn_block_measure(b);
  b->link_chars = old_chars ? (int)((double)b->link_chars * b->chars / old_chars) : 0;
}

/*
 * Short blocks are looked up in the phrase lexicons; a section heading
 * passes its hit on to the blocks it introduces, so teasers in a "Related
 * articles" box go even when they are long sentences in another language.
 */
static void mark_lexicon_hits(wn_page *page) {
  double page_prose = prose_between(page, 0, page->block_count);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->kind == WN_BLOCK_CODE) continue;
    if (memchr(b->text, '\n', b->text_len)) {
      cut_chrome_lines(b);
      if (b->lexicon) continue; /* every line was chrome */
    }
    if (b->words > CONSENT_MAX_WORDS) continue;
    const wn_lex_entry *hit = b->words <= LEXICON_MAX_WORDS ? wn_lexicon_match(b->text, b->text_len)
                                                             : match_long_block(b);
    if (hit) record_hit(page, i, hit, page_prose);
    if (!b->lexicon && b->kind != WN_BLOCK_HEADING && b->words <= CREDIT_MAX_WORDS &&
        wn_lexicon_ends_with_credit(b->text, b->text_len, CREDIT_TAIL_WORDS))
      b->lexicon = &IMAGE_CREDIT;
  }
}

static bool says_consent(const wn_block *b) {
  return b->consent_hint || (b->lexicon && b->lexicon->role == WN_LEX_CONSENT);
}

/*
 * Is element i a consent banner? Mostly consent wording and shaped like a
 * banner (a dialog, a consent manager, two consent phrases), or holding many
 * consent phrases among its purpose texts; and never the element that holds
 * the page's headline, article or main element.
 */
static bool consent_container(const wn_page *page, size_t i, const double *consent,
                              const double *total, const double *hits, const bool *landmark) {
  if (consent[i] <= 0 || landmark[i]) return false;
  bool shaped = (page->elements[i].inherited & (WN_EL_DIALOG | WN_EL_CONSENT)) || hits[i] >= 2;
  if (consent[i] >= CONSENT_SHARE * total[i] && shaped) return true;
  return hits[i] >= CONSENT_MANY_HITS && consent[i] >= CONSENT_MANY_SHARE * total[i];
}

/*
 * Consent banners are found by what they say when their markup says
 * nothing: the largest element that is mostly consent wording, and not
 * the page's content, is dropped whole, buttons and links included.
 */
static void mark_consent_banners(wn_page *page, const bool *landmark) {
  size_t n = page->element_count;
  double *consent = wn_xcalloc(n, sizeof *consent);
  double *total = wn_xcalloc(n, sizeof *total);
  double *hits = wn_xcalloc(n, sizeof *hits);
  bool *banner = wn_xcalloc(n, sizeof *banner);
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    total[b->owner] += block_length(b);
    if (says_consent(b)) {
      consent[b->owner] += block_length(b);
      hits[b->owner] += 1;
    }
  }
  sum_up_tree(page, consent);
  sum_up_tree(page, total);
  sum_up_tree(page, hits);
  for (size_t i = 0; i < n; i++) {
    int parent = page->elements[i].parent;
    banner[i] = (parent >= 0 && banner[parent]) ||
                consent_container(page, i, consent, total, hits, landmark);
  }
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (banner[b->owner] && !b->lexicon) b->lexicon = b->consent_hint ? b->consent_hint : &CONSENT_BANNER;
  }
  free(consent);
  free(total);
  free(hits);
  free(banner);
}

/* ---- product grids ------------------------------------------------------ */

/* A price: a short line with digits and a currency sign ($, £, ¥, or one
 * of Unicode's currency symbols: €, ₹, ₩...). */
static bool price_line(const wn_block *b) {
  if (b->words > PRICE_LINE_MAX_WORDS) return false;
  bool digit = false, currency = false;
  const unsigned char *t = (const unsigned char *)b->text;
  for (size_t i = 0; i < b->text_len; i++) {
    if (t[i] >= '0' && t[i] <= '9') digit = true;
    if (t[i] == '$') currency = true;
    if (t[i] == 0xC2 && i + 1 < b->text_len && (t[i + 1] == 0xA3 || t[i + 1] == 0xA5))
      currency = true; /* £ ¥ */
    if (t[i] == 0xE2 && i + 2 < b->text_len &&
        ((t[i + 1] == 0x82 && t[i + 2] >= 0xA0) || (t[i + 1] == 0x83 && t[i + 2] <= 0x8F)))
      currency = true; /* U+20A0-U+20CF */
  }
  return digit && currency;
}

/* Elements whose children are several cards that each carry a price (a
 * sale price beside the old one at most), holding most of its prices; the
 * result marks them and everything inside them. */
static bool *find_price_grids(const wn_page *page) {
  size_t n = page->element_count;
  double *prices = wn_xcalloc(n, sizeof *prices);
  for (size_t i = 0; i < page->block_count; i++)
    if (price_line(&page->blocks[i])) prices[page->blocks[i].owner] += 1;
  sum_up_tree(page, prices);
  int *cards = wn_xcalloc(n, sizeof *cards);
  double *card_prices = wn_xcalloc(n, sizeof *card_prices);
  for (size_t i = 1; i < n; i++) {
    int parent = page->elements[i].parent;
    if (prices[i] >= 1 && prices[i] <= PRICE_CARD_MAX_PRICES && prices[parent] > prices[i]) {
      cards[parent]++;
      card_prices[parent] += prices[i];
    }
  }
  bool *grid = wn_xcalloc(n, sizeof *grid);
  for (size_t i = 0; i < n; i++) {
    const wn_element *e = &page->elements[i];
    if (cards[i] < PRICE_GRID_MIN_CARDS || card_prices[i] < PRICE_GRID_SHARE * prices[i]) continue;
    grid[i] = !(e->inherited & (CHROME_FLAGS | WN_EL_COMMENTS));
  }
  /* Parents come first: mark every element inside a grid. */
  for (size_t i = 1; i < n; i++)
    if (grid[page->elements[i].parent]) grid[i] = true;
  free(prices);
  free(cards);
  free(card_prices);
  return grid;
}

static bool in_price_grid(const bool *grid, int element) { return grid && grid[element]; }

/*
 * A shop's category page is its grid of products: names and prices that
 * the region choice leaves out when the category has a long description.
 * Outside an article, blocks of a grid of priced cards are kept (not its
 * buttons or other lexicon lines, nor what chrome holds).
 */
static void keep_price_grids(wn_page *page, const bool *grid) {
  if (!grid) return;
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->keep || b->lexicon || machine_text(b)) continue;
    if (b->reason != WN_DROP_OUTSIDE_MAIN && b->reason != WN_DROP_LINK_DENSE) continue;
    if (page->elements[b->owner].inherited & CHROME_FLAGS) continue;
    if (!in_price_grid(grid, b->owner)) continue;
    b->keep = 1;
    b->reason = b->kind == WN_BLOCK_HEADING ? WN_KEEP_HEADING : WN_KEEP_CONTENT;
  }
}

/* ---- duplicates ---------------------------------------------------------- */

/* Printed once: a lede repeated as the first paragraph, a pull quote. */
static uint64_t text_hash(const char *s, size_t len) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

/* A pull quote repeats a sentence of a paragraph a little above it. */
static bool quotes_earlier_text(const wn_page *page, size_t i) {
  const wn_block *quote = &page->blocks[i];
  if (quote->text_len > PULL_QUOTE_MAX_BYTES) return false;
  int looked = 0;
  for (size_t j = i; j-- > 0 && looked < PULL_QUOTE_DISTANCE;) {
    const wn_block *b = &page->blocks[j];
    if (!b->keep) continue;
    looked++;
    if (b->text_len > quote->text_len && strstr(b->text, quote->text)) return true;
  }
  return false;
}

static void drop_duplicates(wn_page *page, const bool *price_grid) {
  size_t cap = 64;
  while (cap < 2 * page->block_count) cap *= 2;
  const wn_block **seen = wn_xcalloc(cap, sizeof *seen);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    /* Code repeats by nature: every example opens with the same imports. */
    if (!b->keep || b->chars < DUPLICATE_MIN_CHARS || structured_item(b) ||
        b->kind == WN_BLOCK_CODE)
      continue;
    /* Cards of a product grid repeat their material, size or badge. */
    if (in_price_grid(price_grid, b->owner)) continue;
    size_t slot = (size_t)text_hash(b->text, b->text_len) & (cap - 1);
    for (; seen[slot]; slot = (slot + 1) & (cap - 1)) {
      if (seen[slot]->text_len == b->text_len && memcmp(seen[slot]->text, b->text, b->text_len) == 0)
        break;
    }
    if (seen[slot] || quotes_earlier_text(page, i)) {
      b->keep = 0;
      b->reason = WN_DROP_DUPLICATE;
    } else {
      seen[slot] = b;
    }
  }
  free(seen);
}

/* ---- block decisions ------------------------------------------------- */

/* Flags of the elements from the block's owner up to, not including, the region. */
static uint32_t flags_below(const wn_page *page, int owner, int region) {
  uint32_t flags = 0;
  for (int e = owner; e >= 0 && e != region; e = page->elements[e].parent)
    flags |= page->elements[e].flags;
  return flags;
}

static bool inside(const wn_page *page, int element, int region) {
  int depth = page->elements[region].depth;
  while (element >= 0 && page->elements[element].depth > depth)
    element = page->elements[element].parent;
  return element == region;
}

/* A heading in the region that the lexicon reads as the title of a
 * comment section. */
static bool titles_its_comments(const wn_page *page, int region) {
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->kind == WN_BLOCK_HEADING && b->lexicon && b->lexicon->role == WN_LEX_SECTION &&
        strcmp(b->lexicon->concept, "comments") == 0 && inside(page, b->owner, region))
      return true;
  }
  return false;
}

/*
 * A forum thread or a comments page is all comments: then comment names say
 * nothing. Decided by where the region sits and what it mostly holds.
 */
static bool comments_are_content(const wn_page *page, int region) {
  if (page->elements[region].inherited & WN_EL_COMMENTS) return true;
  /* A forum thread whose replies are named comments. */
  if (page->says_forum_thread) return true;
  double comment = 0, other = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!inside(page, b->owner, region)) continue;
    uint32_t below = flags_below(page, b->owner, region);
    if (below & WN_EL_REVIEWS) continue; /* customers' reviews are never the thread */
    if (below & WN_EL_COMMENTS) comment += block_length(b);
    else other += block_length(b);
  }
  /* A page that says it is an article, with an article's worth of text
   * outside its comments, is that text and a discussion of it; so is one
   * that titles its comments as such ("10 comments:", "Leave a reply"). */
  bool article = page->says_article || titles_its_comments(page, region);
  if (article && other >= ARTICLE_BEFORE_COMMENTS) return false;
  if (page->says_product && other >= PRODUCT_BEFORE_REVIEWS) return false;
  return comment > other;
}

/*
 * A figure caption describes a picture, not the story: both evaluation sets
 * count captions as boilerplate, and a text corpus has no picture to go with
 * them.
 */
/*
 * A div that holds a picture is a figure (segment); the short text in it is
 * a caption when the figure stands alone in running text. Several such
 * boxes side by side are a grid of cards, whose text is content.
 */
static bool lone_picture_box(const wn_page *page, int e, const wn_block *b) {
  const wn_element *box = &page->elements[e];
  if (!(box->flags & WN_EL_FIGURE) || box->tag != GUMBO_TAG_DIV) return false;
  if (box->parent >= 0 && page->elements[box->parent].figure_children > 1) return false;
  return box->text_chars <= block_length(b) + 1; /* the caption is its only text */
}

/* A figure among several sibling figures is a card of a grid (products,
 * people, episodes): its short text is the card's content. Two or three
 * figures in a story are still pictures with captions, and a figcaption
 * stays a caption wherever it is. */
static const int CARD_GRID_FIGURES = 4;
/* How far above a block its card's figure may be. */
static const int CARD_TEXT_DEPTH = 8;

static bool in_card_grid(const wn_page *page, int e) {
  int parent = page->elements[e].parent;
  while (parent >= 0 && page->elements[parent].children == 1) parent = page->elements[parent].parent;
  return parent >= 0 && page->elements[parent].figure_children >= CARD_GRID_FIGURES;
}

static bool in_caption(const wn_page *page, const wn_block *b, int region) {
  for (int e = b->owner; e >= 0 && e != region; e = page->elements[e].parent) {
    if (page->elements[e].tag == GUMBO_TAG_FIGCAPTION) return true;
    bool short_text = b->kind == WN_BLOCK_PARAGRAPH || b->kind == WN_BLOCK_HEADING;
    if (!short_text || block_length(b) >= LONG_PROSE) continue;
    /* Short text beside the picture in a figure is its caption too, a
     * heading included: it names the picture, not a part of the story. */
    if (page->elements[e].tag == GUMBO_TAG_FIGURE) return !in_card_grid(page, e);
    if (b->kind != WN_BLOCK_PARAGRAPH) continue;
    if (lone_picture_box(page, e, b)) return true;
    /* Caption names on dozens of elements are a type style or a card grid. */
    if ((page->elements[e].flags & WN_EL_CAPTION) && page->caption_names <= CAPTION_NAMES_MAX)
      return true;
  }
  return false;
}

/*
 * A slideshow tells its story in captions under headings of their own
 * ("1. A witch's cape", a picture, what you need): when such captions hold
 * several times the text the region keeps besides them, they are the
 * content, not notes on pictures that go with a story. A photo carousel in
 * a short story strings dozens of captions under one title.
 */
static void keep_gallery_captions(wn_page *page, int region) {
  double captions = 0, kept = 0;
  int caption_blocks = 0, headings = 0;
  const wn_block *heading = NULL;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!inside(page, b->owner, region)) continue;
    if (b->reason == WN_DROP_CAPTION) {
      captions += block_length(b);
      caption_blocks++;
    } else if (b->keep && b->kind == WN_BLOCK_HEADING) {
      /* The carousel's one title, repeated over every slide, counts once. */
      if (!heading || heading->text_len != b->text_len ||
          memcmp(heading->text, b->text, b->text_len) != 0)
        headings++;
      heading = b;
    } else if (b->keep) {
      kept += block_length(b);
    }
  }
  if (captions < GALLERY_MIN_CAPTION_TEXT || captions < GALLERY_CAPTION_RATIO * kept ||
      caption_blocks > GALLERY_CAPTIONS_PER_HEADING * headings)
    return;
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->reason != WN_DROP_CAPTION || !inside(page, b->owner, region)) continue;
    b->keep = 1;
    b->reason = b->kind == WN_BLOCK_HEADING ? WN_KEEP_HEADING : WN_KEEP_CONTENT;
  }
}

/* What the block's own words or its consent container say, if anything. */
static int lexicon_reason(const wn_page *page, const wn_block *b) {
  if (page->elements[b->owner].inherited & WN_EL_CONSENT) return WN_DROP_CONSENT_MANAGER;
  if (!b->lexicon) return WN_KEEP_CONTENT;
  switch (b->lexicon->role) {
  case WN_LEX_SECTION: return WN_DROP_CHROME_SECTION;
  case WN_LEX_CONSENT: return WN_DROP_CONSENT_TEXT;
  case WN_LEX_AI_LABEL: return WN_DROP_AI_LABEL;
  default: return WN_DROP_CHROME_LINE;
  }
}

/*
 * Long prose under a footer or a boilerplate name is kept when that element
 * holds a good part of the region: sites wrap whole articles in misnamed
 * elements. A small box of prose (an author's bio, a promotion, a notice)
 * under such a name is what the name says.
 */
static bool chrome_box_is_small(const wn_page *page, const wn_block *b, int region,
                                uint32_t flag) {
  int holder = -1, owner = b->owner;
  for (int e = owner; e >= 0 && e != region; e = page->elements[e].parent)
    if (page->elements[e].flags & flag) holder = e;
  if (holder < 0) return false;
  const wn_element *h = &page->elements[holder], *r = &page->elements[region];
  if (h->text_chars - h->link_chars >= CHROME_BOX_SHARE * (r->text_chars - r->link_chars))
    return false;
  /* Several long paragraphs make a part of the article, not a box beside
   * it; nor is the box that holds the headline. */
  return !h->holds_h1 && h->long_blocks <= CHROME_BOX_PARAGRAPHS;
}

/* Inside the content, a long block whose links leave a good part of its
 * text unlinked, with the punctuation of a sentence or a citation, is
 * writing that cites (a reference, a list of sources); a menu run into one
 * block has labels between its links, not punctuation. */
static double inside_link_limit(const wn_block *b) {
  bool cites = b->chars >= LONG_CITING_CHARS && b->punctuation >= LONG_CITING_PUNCTUATION;
  return cites ? LONG_CITING_LINK_LIMIT : LINK_DENSE;
}

static int list_of(const wn_page *page, const wn_block *b);

/* The table a row belongs to, or -1. */
static int table_of(const wn_page *page, const wn_block *b) {
  int e = b->owner;
  for (int levels = 0; e >= 0 && levels < TABLE_ROW_DEPTH; levels++, e = page->elements[e].parent)
    if (page->elements[e].flags & WN_EL_TABLE) return e;
  return -1;
}

/* A table row is read with its table, a list item with its list: a product
 * linked from one row of a recipe's ingredients is an ingredient, while a
 * table or list of links is a menu, and so is a row of nothing but links
 * (a layout table's menu bar). */
static double row_link_density(const wn_page *page, const wn_block *b) {
  double own = page_link_density(page, b);
  int container = b->kind == WN_BLOCK_TABLE_ROW ? table_of(page, b)
                  : b->kind == WN_BLOCK_LIST_ITEM ? list_of(page, b) : -1;
  if (container < 0 || page->elements[container].text_chars <= 0 || own > ROW_ALL_LINKS)
    return own;
  const wn_element *c = &page->elements[container];
  double container_density = c->link_chars / c->text_chars;
  return container_density < own ? container_density : own;
}

static int judge_inside(const wn_page *page, const wn_block *b, int region,
                        bool comments_ok) {
  uint32_t flags = flags_below(page, b->owner, region);
  bool long_prose = block_length(b) >= LONG_PROSE && link_density(b) < 0.2 &&
                    !chrome_box_is_small(page, b, region,
                                         WN_EL_FOOTER | WN_EL_NEGATIVE_NAME | WN_EL_ASIDE);
  int reason = lexicon_reason(page, b);
  if (reason != WN_KEEP_CONTENT) return reason;
  if (machine_text(b)) return WN_DROP_MACHINE_TEXT;
  if (flags & WN_EL_DIALOG) return WN_DROP_DIALOG;
  if (in_caption(page, b, region)) return WN_DROP_CAPTION;
  if (flags & WN_EL_NAV) return WN_DROP_NAVIGATION;
  if ((flags & WN_EL_ASIDE) && !long_prose) return WN_DROP_SIDEBAR;
  if ((flags & WN_EL_FOOTER) && !long_prose) return WN_DROP_FOOTER;
  if (flags & WN_EL_HEADER) return WN_DROP_HEADER;
  if ((flags & WN_EL_NEGATIVE_NAME) && !long_prose) return WN_DROP_BOILERPLATE_NAME;
  if ((flags & WN_EL_COMMENTS) && !comments_ok) return WN_DROP_COMMENTS;
  if (b->kind != WN_BLOCK_HEADING && row_link_density(page, b) > inside_link_limit(b))
    return WN_DROP_LINK_DENSE;
  return b->kind == WN_BLOCK_HEADING ? WN_KEEP_HEADING : WN_KEEP_CONTENT;
}

static void judge(const wn_page *page, wn_block *b, int region, bool comments_ok) {
  if (inside(page, b->owner, region)) {
    b->reason = judge_inside(page, b, region, comments_ok);
  } else {
    int reason = lexicon_reason(page, b);
    b->reason = reason != WN_KEEP_CONTENT ? reason : WN_DROP_OUTSIDE_MAIN;
  }
  b->keep = b->reason == WN_KEEP_CONTENT || b->reason == WN_KEEP_HEADING;
}

/* The lowest element that holds both `a` and `b`. */
static int common_ancestor(const wn_page *page, int a, int b) {
  while (a != b && a >= 0 && b >= 0) {
    if (page->elements[a].depth >= page->elements[b].depth) a = page->elements[a].parent;
    else b = page->elements[b].parent;
  }
  return a == b ? a : -1;
}

/*
 * The region that scores best often starts below the headline: the byline,
 * date, standfirst and lead image caption between the h1 and the body sit in
 * a header of their own. Those few blocks are judged against the element
 * that holds both the headline and the body.
 */
static void keep_headline_context(wn_page *page, int region, bool comments_ok) {
  size_t body = page->block_count;
  for (size_t i = 0; i < page->block_count; i++)
    if (inside(page, page->blocks[i].owner, region)) {
      body = i;
      break;
    }
  size_t headline = body;
  for (size_t i = body; i-- > 0 && body - i <= HEADLINE_CONTEXT_BLOCKS;)
    if (page->blocks[i].heading_level == 1) {
      headline = i;
      break;
    }
  if (headline == body) return;
  int scope = common_ancestor(page, page->blocks[headline].owner, region);
  for (size_t i = headline; i < body; i++) judge(page, &page->blocks[i], scope, comments_ok);
}

/*
 * Tightening can cut off a paragraph that runs on from the kept text (a
 * closing line the parser put in another element, a lead paragraph in its
 * own wrapper). Prose that touches kept text is judged against the wider
 * region; a notice column behind a run of navigation does not touch it.
 */
static void extend_to_adjacent_prose(wn_page *page, int outer, int region, bool comments_ok) {
  if (outer == region) return;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t k = 1; k < page->block_count; k++) {
      size_t i = pass == 0 ? k : page->block_count - 1 - k;
      size_t neighbour = pass == 0 ? i - 1 : i + 1;
      wn_block *b = &page->blocks[i];
      if (b->keep || !page->blocks[neighbour].keep) continue;
      if (!reads_as_prose(b) && !structured_item(b)) continue;
      if (inside(page, b->owner, region) || !inside(page, b->owner, outer)) continue;
      judge(page, b, outer, comments_ok);
    }
  }
}

/* The list element a list item belongs to, or -1. */
static int list_of(const wn_page *page, const wn_block *b) {
  int e = page->elements[b->owner].parent;
  return e >= 0 && (page->elements[e].flags & WN_EL_LIST) ? e : -1;
}

/* Whether the text ends with a colon: it announces what follows. */
static bool announces(const wn_block *b) {
  size_t n = b->text_len;
  while (n && (b->text[n - 1] == ' ' || b->text[n - 1] == '\n')) n--;
  if (n && b->text[n - 1] == ':') return true;
  return n >= 3 && memcmp(b->text + n - 3, "\xef\xbc\x9a", 3) == 0; /* fullwidth colon */
}

/*
 * A list of links that a kept sentence of the text announces ("... the
 * following data types:") is part of the text, however link-dense. A label
 * ("More information:", "See also:") is not a sentence.
 */
static void keep_announced_lists(wn_page *page) {
  for (size_t i = 1; i < page->block_count; i++) {
    const wn_block *intro = &page->blocks[i - 1];
    if (!intro->keep || intro->kind != WN_BLOCK_PARAGRAPH || !announces(intro) ||
        intro->words < ANNOUNCING_MIN_WORDS)
      continue;
    int list = list_of(page, &page->blocks[i]);
    for (size_t j = i; list >= 0 && j < page->block_count && list_of(page, &page->blocks[j]) == list;
         j++) {
      wn_block *item = &page->blocks[j];
      if (item->reason != WN_DROP_LINK_DENSE) continue;
      item->keep = 1;
      item->reason = WN_KEEP_CONTENT;
    }
  }
}

/*
 * Inside an article, a headline that links elsewhere with a short blurb
 * under it is a teaser for another page ("more on this", a promoted
 * story); the article's own headings do not link away. On a listing the
 * teasers are the content.
 */
static size_t teaser_end(const wn_page *page, size_t heading, double *blurb) {
  const wn_block *h = &page->blocks[heading];
  size_t end = heading + 1;
  *blurb = 0;
  /* A teaser card ends with the element that holds its headline: the link
   * and the single-child wrappers around a headline are not the card. */
  int card = page->elements[h->owner].parent;
  for (int climbed = 0; card >= 0 && climbed < SECTION_MAX_WRAPPERS; climbed++) {
    const wn_element *e = &page->elements[card];
    if (e->tag != GUMBO_TAG_A && e->children != 1) break;
    card = e->parent;
  }
  for (; end < page->block_count; end++) {
    const wn_block *next = &page->blocks[end];
    if (next->kind == WN_BLOCK_HEADING && next->heading_level <= h->heading_level) break;
    if (card >= 0 && !inside(page, next->owner, card)) break;
    if (!next->keep) continue;
    /* A linked name over a list or a long text is an entry of a round-up. */
    if (structured_item(next)) *blurb += TEASER_MAX_BLURB + 1;
    *blurb += block_length(next);
  }
  return end;
}

static bool is_teaser_heading(const wn_block *h) {
  return h->keep && h->kind == WN_BLOCK_HEADING && h->heading_level != 1 &&
         link_density(h) >= TEASER_LINK_SHARE;
}

/* Teasers are dropped only beside an article of the page's own: on a page
 * that is mostly teasers they are what the page offers. */
static void drop_teasers(wn_page *page) {
  if (page->listing) return;
  double kept = 0, teasers = 0;
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].keep) kept += block_length(&page->blocks[i]);
  for (size_t i = 0; i < page->block_count; i++) {
    double blurb;
    if (!is_teaser_heading(&page->blocks[i])) continue;
    size_t end = teaser_end(page, i, &blurb);
    if (blurb > TEASER_MAX_BLURB) continue;
    teasers += blurb + block_length(&page->blocks[i]);
    i = end - 1;
  }
  if (teasers == 0 || teasers > TEASER_MAX_SHARE * kept) return;
  for (size_t i = 0; i < page->block_count; i++) {
    double blurb;
    if (!is_teaser_heading(&page->blocks[i])) continue;
    size_t end = teaser_end(page, i, &blurb);
    if (blurb > TEASER_MAX_BLURB) continue;
    for (size_t j = i; j < end; j++) {
      if (!page->blocks[j].keep) continue;
      page->blocks[j].keep = 0;
      page->blocks[j].reason = WN_DROP_TEASER;
    }
    i = end - 1;
  }
}

/* A sentence ends at a full stop, an exclamation or a question mark
 * followed by a space or the end (not the point inside "2.5"). */
static bool has_sentence_stop(const wn_block *b) {
  for (size_t i = 0; i < b->text_len; i++) {
    char c = b->text[i];
    bool stop = c == '.' || c == '!' || c == '?';
    if (stop && (i + 1 == b->text_len || b->text[i + 1] == ' ' || b->text[i + 1] == '\n'))
      return true;
  }
  return false;
}

/* Landing pages set whole sentences in heading tags ("Imagine all the
 * entertainment you want, all in one place."): such a heading is the
 * section's text, not a title over it. */
static bool sentence_heading(const wn_block *b) {
  return b->kind == WN_BLOCK_HEADING && b->words >= SENTENCE_HEADING_WORDS && has_sentence_stop(b);
}

/* One past the last kept block that is not a heading; 0 when there is none. */
static size_t end_of_kept_text(const wn_page *page) {
  for (size_t j = page->block_count; j-- > 0;)
    if (page->blocks[j].keep && page->blocks[j].kind != WN_BLOCK_HEADING) return j + 1;
  return 0;
}

/*
 * A heading whose section kept nothing introduces nothing, unless it is a
 * sentence itself; an article's last heading is a call to read on ("Learn
 * how to ...: read the rest of the guide.") when nothing is kept after it.
 */
static void drop_orphan_headings(wn_page *page) {
  size_t text_end = end_of_kept_text(page);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *h = &page->blocks[i];
    if (!h->keep || h->kind != WN_BLOCK_HEADING) continue;
    /* On a listing (not an article's page) a linked heading is an entry on
     * its own, whatever its card's other lines were judged. */
    if (page->listing && !page->says_article && link_density(h) > LINK_DENSE) continue;
    if (sentence_heading(h) && (!page->says_article || i < text_end)) continue;
    bool has_content = false;
    for (size_t j = i + 1; j < page->block_count; j++) {
      const wn_block *next = &page->blocks[j];
      if (next->keep && sentence_heading(next)) {
        has_content = true;
        break;
      }
      if (next->kind == WN_BLOCK_HEADING && next->heading_level <= h->heading_level) break;
      if (next->keep && next->kind != WN_BLOCK_HEADING) {
        has_content = true;
        break;
      }
    }
    if (!has_content) {
      h->keep = 0;
      h->reason = WN_DROP_EMPTY;
    }
  }
}

/*
 * Above an article's headline sit kickers, section labels and breadcrumbs:
 * short label-like blocks before the region's first h1 go.
 */
static void drop_labels_before_headline(wn_page *page) {
  size_t h1 = page->block_count;
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].keep && page->blocks[i].heading_level == 1) {
      h1 = i;
      break;
    }
  if (h1 == page->block_count) return;
  size_t first = h1 > KICKER_BLOCKS ? h1 - KICKER_BLOCKS : 0;
  for (size_t i = first; i < h1; i++) {
    wn_block *b = &page->blocks[i];
    if (!b->keep || reads_as_prose(b)) continue;
    b->keep = 0;
    b->reason = WN_DROP_LABEL;
  }
}

/* Text in a card of a grid (a product's name and price), however short. */
static bool card_text(const wn_page *page, const wn_block *b) {
  int levels = 0;
  for (int e = b->owner; e >= 0 && levels < CARD_TEXT_DEPTH; e = page->elements[e].parent, levels++)
    if (page->elements[e].flags & WN_EL_FIGURE) return in_card_grid(page, e);
  return false;
}


static void drop_all_if_too_little(wn_page *page, const bool *price_grid) {
  double kept = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->keep && (page->listing || reads_as_prose(b) || structured_item(b) ||
                    card_text(page, b) || in_price_grid(price_grid, b->owner)))
      kept += block_length(b);
  }
  if (kept >= MIN_CONTENT) return;
  for (size_t i = 0; i < page->block_count; i++) {
    if (!page->blocks[i].keep) continue;
    page->blocks[i].keep = 0;
    page->blocks[i].reason = WN_DROP_SHORT;
  }
}

void wn_classify(wn_page *page) {
  page->region = -1;
  page->caption_names = 0;
  page->doc_lang = page->stated_lang >= 0 ? page->stated_lang : wn_lang_find(page->lang);
  if (!page->block_count) {
    wn_choose_title(page);
    return;
  }
  aggregate_text(page);
  bool *landmark = landmarks_below(page, false);
  clear_wrapper_flags(page, landmark);
  clear_misnamed_cards(page);
  mark_lexicon_hits(page);
  mark_consent_banners(page, landmark);
  free(landmark);
  page->listing = false;
  wn_article_anchor anchor;
  bool article = wn_find_article_anchor(page, &anchor);
  int outer = choose_region(page);
  if (!(article && anchor.sentence) && looks_like_listing(page, outer)) {
    page->listing = true;
    outer = choose_region(page);
  }
  outer = widen_region(page, outer);
  int region = tighten_region(page, outer);
  if (article) {
    outer = wn_anchored_region(page, &anchor, outer);
    region = wn_anchored_region(page, &anchor, region);
  }
  int question = typed_question_around(page, region);
  if (question >= 0) {
    region = question;
    if (inside(page, outer, question)) outer = question;
  }
  page->region = region;
  bool comments_ok = comments_are_content(page, region);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    judge(page, b, region, comments_ok);
  }
  keep_gallery_captions(page, region);
  keep_headline_context(page, region, comments_ok);
  extend_to_adjacent_prose(page, outer, region, comments_ok);
  keep_announced_lists(page);
  bool *price_grid = page->listing || page->says_article ? NULL : find_price_grids(page);
  keep_price_grids(page, price_grid);
  drop_labels_before_headline(page);
  drop_duplicates(page, price_grid);
  wn_identify_document_language(page);
  wn_drop_foreign_chrome(page);
  drop_teasers(page);
  drop_orphan_headings(page);
  drop_all_if_too_little(page, price_grid);
  free(price_grid);
  wn_choose_title(page);
}

const char *wn_reason_name(int reason) {
  static const char *const names[WN_REASON_COUNT] = {
      [WN_KEEP_CONTENT] = "content",
      [WN_KEEP_HEADING] = "heading",
      [WN_DROP_OUTSIDE_MAIN] = "outside-main",
      [WN_DROP_NAVIGATION] = "navigation",
      [WN_DROP_FOOTER] = "footer",
      [WN_DROP_HEADER] = "header",
      [WN_DROP_SIDEBAR] = "sidebar",
      [WN_DROP_BOILERPLATE_NAME] = "boilerplate-name",
      [WN_DROP_COMMENTS] = "comments",
      [WN_DROP_DIALOG] = "dialog",
      [WN_DROP_LINK_DENSE] = "link-dense",
      [WN_DROP_SHORT] = "too-little-content",
      [WN_DROP_TITLE_REPEAT] = "title-repeat",
      [WN_DROP_EMPTY] = "empty-section",
      [WN_DROP_LABEL] = "label",
      [WN_DROP_CHROME_LINE] = "chrome-line",
      [WN_DROP_CHROME_SECTION] = "chrome-section",
      [WN_DROP_CONSENT_MANAGER] = "consent-manager",
      [WN_DROP_CONSENT_TEXT] = "consent-text",
      [WN_DROP_AI_LABEL] = "ai-label",
      [WN_DROP_DUPLICATE] = "duplicate",
      [WN_DROP_CAPTION] = "caption",
      [WN_DROP_TEASER] = "teaser",
      [WN_DROP_FOREIGN] = "foreign-language",
      [WN_DROP_MACHINE_TEXT] = "machine-text",
  };
  return reason >= 0 && reason < WN_REASON_COUNT && names[reason] ? names[reason] : "?";
}
