#include "related.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "classify_passes.h"
#include "lexicon.h"

/* ---- tuning constants ---------------------------------------------------- */

/* A run of teasers has at least this many boxes side by side... */
static const int RELATED_MIN_CARDS = 3;
/* ...of which this share are cards (a linked headline, a headline over a
 * blurb, or a picture)... */
static const double RELATED_CARD_SHARE = 0.6;
/* ...holding this share of the section's text. */
static const double RELATED_CARD_TEXT_SHARE = 0.8;
/* The article the section goes with: this much prose outside the section
 * (a short news item of three paragraphs). */
static const double RELATED_MIN_ARTICLE = 300.0;
/* A paragraph counts as the article's prose from this length on. */
static const double RELATED_PROSE_BLOCK = 80.0;
/* A section is read this many blocks far at most: a page of thousands of
 * labels in one box would otherwise be read once per label. */
static const size_t RELATED_MAX_SECTION_BLOCKS = 500;
/* How far above the heading the element that holds its section may be. */
static const int RELATED_MAX_CLIMB = 6;
/* Above this share of link text a block is a link. */
static const double RELATED_LINK_DENSE = 0.5;
/* A run of teaser cards with no heading at all: at least this many cards
 * that each hold a picture, a link away (a linked title or the picture)
 * and a blurb,
 * on a page that says it is an article or has its headline before them,
 * after this much of its prose, and
 * with at most this much prose after them (the article has ended). */
static const int TEASER_RUN_MIN_CARDS = 3;
static const int TEASER_RUN_MIN_DATED = 2;
/* The cards hold this share of the run's text (a card whose title is too
 * short to tell from an author's name still sits among them). */
static const double TEASER_RUN_CARD_TEXT_SHARE = 0.7;
static const double TEASER_RUN_PROSE_AFTER = 200.0;
/* Runs found after the article, each round finding the ones before them. */
static const int TEASER_RUN_ROUNDS = 3;
/* A card's title: a link of this many words (a headline; a name that links
 * to its author's profile is shorter). */
static const int TEASER_TITLE_WORDS = 24;
static const double TEASER_TITLE_MIN = 3.0;
/* A card's time line: a date and a clock time, a label at most. */
static const int TEASER_DATE_WORDS = 6;
/* Text-only teasers: a linked title, then a blurb of at least this length
 * that links to the same page again ("more »", "Full story"), is that
 * link itself or stands over a line that is ("Read more"); this many such
 * cards in a row make a run. A short line may sit between title and blurb
 * (a date, a byline). */
static const double TEXT_TEASER_BLURB = 60.0;
static const int TEXT_TEASER_MIN_CARDS = 2;
/* Without a headline on the page, this many paragraphs of prose before
 * the cards are the article. */
static const int TEXT_TEASER_HEADLESS_PARAGRAPHS = 3;
/* A title at the start of a block: this many linked characters. */
static const size_t TEXT_TEASER_LEAD_TITLE = 12;
/* Flat markup: under a section's label, the same short line with each of
 * this many paragraphs or more makes them the section's items ("Reported
 * by AI" over or under each teaser's blurb)... */
static const int LABELLED_ITEMS_MIN = 3;
/* ...a line of at most this many words, not a link. */
static const size_t ITEM_LABEL_WORDS = 6;
/* A Han, Kana or Hangul character weighs about a short word (as in classify). */
static const double RELATED_CJK_WEIGHT = 3.0;

static double length_of(const wn_block *b) {
  return (double)(b->chars - b->cjk_chars) + RELATED_CJK_WEIGHT * b->cjk_chars;
}

static double links_of(const wn_block *b) {
  return b->chars ? (double)b->link_chars / b->chars : 0.0;
}

static bool is_prose(const wn_block *b) {
  return !b->lexicon && b->kind == WN_BLOCK_PARAGRAPH && links_of(b) <= RELATED_LINK_DENSE &&
         length_of(b) >= RELATED_PROSE_BLOCK;
}

/* The page's prose before each block: until[i] is the weighted length of
 * prose blocks before block i. Without `boxed`, prose in a dialog, a
 * consent banner or a footer does not count: it does not go on with the
 * article. */
static double *prose_prefix(const wn_page *page, bool boxed) {
  const uint32_t apart = WN_EL_DIALOG | WN_EL_MODAL | WN_EL_CONSENT | WN_EL_FOOTER;
  double *until = wn_xcalloc(page->block_count + 1, sizeof *until);
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    bool counts = is_prose(b) && (boxed || b->owner < 0 || !(page->elements[b->owner].inherited & apart));
    until[i + 1] = until[i] + (counts ? length_of(b) : 0);
  }
  return until;
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
    if (wn_inside(page, next, e)) return e;
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
  for (; end < page->block_count && end - heading <= RELATED_MAX_SECTION_BLOCKS; end++) {
    const wn_block *b = &page->blocks[end];
    if (!wn_inside(page, b->owner, container)) break;
    if (b->kind == WN_BLOCK_HEADING && b->heading_level <= level) break;
    if (is_related_heading(b)) break; /* it opens a section of its own */
  }
  return end;
}

/* One child of the section's common element and the blocks it holds. */
typedef struct box {
  int element, blocks;
  bool linked, headed;
  double text;
} box;

/* Whether a box is a card: a linked headline, a headline over a blurb, or
 * a picture. */
static bool is_card(const wn_page *page, const box *b) {
  return b->linked || (b->headed && b->blocks >= 2) || wn_holds_picture(page, b->element);
}

/*
 * The section's blocks sit in sibling boxes under their lowest common
 * element: several boxes that each hold a linked headline, a headline over
 * a blurb, or a picture are teaser cards; an article's own paragraphs, with
 * links inside their sentences, are not (its subheadings end the section).
 * Blocks come in document order, so each box's blocks follow one another.
 */
static bool is_card_run(const wn_page *page, size_t from, size_t to) {
  if (to - from < (size_t)RELATED_MIN_CARDS) return false;
  int common = page->blocks[from].owner;
  for (size_t i = from + 1; i < to; i++) common = lowest_common(page, common, page->blocks[i].owner);
  if (common < 0) return false;
  int count = 0, cards = 0;
  double total = 0, card_text = 0;
  box current = {-1, 0, false, false, 0};
  for (size_t i = from; i <= to; i++) {
    const wn_block *b = i < to ? &page->blocks[i] : NULL;
    int child = b ? child_towards(page, b->owner, common) : -1;
    if (b && child < 0) {
      total += length_of(b);
      continue;
    }
    if (child != current.element && current.element >= 0) {
      count++;
      if (is_card(page, &current)) {
        cards++;
        card_text += current.text;
      }
    }
    if (!b) break;
    if (child != current.element) current = (box){child, 0, false, false, 0};
    total += length_of(b);
    current.blocks++;
    current.text += length_of(b);
    if (links_of(b) > RELATED_LINK_DENSE) current.linked = true;
    if (b->kind == WN_BLOCK_HEADING) current.headed = true;
  }
  return count >= RELATED_MIN_CARDS && cards >= RELATED_CARD_SHARE * count &&
         card_text >= RELATED_CARD_TEXT_SHARE * total;
}

static bool holds_headline(const wn_page *page, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (page->blocks[i].heading_level == 1) return true;
  return false;
}

/* What the subtree of one element holds, summed up from its children. */
typedef struct teaser_box {
  int blocks, titles, blurbs, linked_blurbs, headings;
  int titled_blurbs; /* blocks that open with a linked title over a blurb */
  size_t first_block, last_block; /* its blocks, which follow one another */
  size_t first_title, last_blurb; /* SIZE_MAX / 0 when none */
  size_t first_short_title;       /* a linked title of a word or two, SIZE_MAX when none */
  bool picture, linked_picture;
  bool dated; /* a short line of its own holds a clock time ("17:03 28.12.2011") */
  size_t end; /* one past its subtree in the element array */
} teaser_box;

/* Words of two letters or more, a Han, Kana or Hangul character a third
 * of one: a headline has a few; a post's author name, its number and its
 * date ("#2 · Jun 4, 2024") do not. */
static double headline_words(const wn_block *b) {
  if (2 * b->cjk_chars > b->chars) return b->cjk_chars / RELATED_CJK_WEIGHT;
  int words = 0, letters = 0;
  for (size_t i = 0; i <= b->text_len; i++) {
    unsigned char c = i < b->text_len ? (unsigned char)b->text[i] : ' ';
    if (c >= 0x80 && c < 0xC0) continue; /* the rest of a character already counted */
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) {
      letters++;
      continue;
    }
    if (letters >= 2) words++;
    letters = 0;
  }
  return words;
}

/* "4:27", "16:05": a post's or comment's time stamp, not a headline. */
static bool holds_clock_time(const wn_block *b) {
  for (size_t i = 1; i + 2 < b->text_len; i++) {
    const char *t = b->text + i;
    if (t[0] == ':' && isdigit((unsigned char)t[-1]) && isdigit((unsigned char)t[1]) &&
        isdigit((unsigned char)t[2]))
      return true;
  }
  return false;
}

/* A block that is a card's title and blurb at once: a linked title, then a
 * line of unlinked text after a break ("<a>Title</a><br><i>Blurb</i>"). */
static bool titled_blurb(const wn_block *b) {
  if (b->lexicon || b->lead_link_chars < TEXT_TEASER_LEAD_TITLE || links_of(b) > RELATED_LINK_DENSE)
    return false;
  return (double)(b->chars - b->link_chars) >= TEXT_TEASER_BLURB;
}

/* Each block counted in its owner, then every element's counts added to
 * its parent's: elements come in document order, parents first. */
static void sum_up_boxes(const wn_page *page, teaser_box *boxes) {
  for (size_t e = 0; e < page->element_count; e++) {
    const wn_element *el = &page->elements[e];
    boxes[e].first_block = boxes[e].first_title = boxes[e].first_short_title = SIZE_MAX;
    boxes[e].picture = (el->flags & (WN_EL_FIGURE | WN_EL_IMAGE)) != 0;
    boxes[e].linked_picture = el->tag == GUMBO_TAG_A && (el->flags & WN_EL_IMAGE);
    boxes[e].end = e + 1;
  }
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->owner < 0) continue;
    teaser_box *sub = &boxes[b->owner];
    bool linked_line = !b->lexicon && links_of(b) > RELATED_LINK_DENSE &&
                       b->words <= TEASER_TITLE_WORDS && !holds_clock_time(b);
    double words = linked_line ? headline_words(b) : 0;
    bool title = linked_line && words >= TEASER_TITLE_MIN;
    bool short_title = linked_line && words >= 1 && !title;
    bool blurb = !title && links_of(b) <= RELATED_LINK_DENSE && b->kind == WN_BLOCK_PARAGRAPH &&
                 length_of(b) >= RELATED_PROSE_BLOCK;
    sub->blocks++;
    sub->titled_blurbs += titled_blurb(b);
    sub->dated |= !title && b->words <= TEASER_DATE_WORDS && holds_clock_time(b);
    sub->headings += b->kind == WN_BLOCK_HEADING;
    sub->titles += title;
    sub->blurbs += blurb;
    sub->linked_blurbs += !title && links_of(b) > RELATED_LINK_DENSE && length_of(b) >= RELATED_PROSE_BLOCK;
    if (sub->first_block == SIZE_MAX) sub->first_block = i;
    sub->last_block = i;
    if (title && sub->first_title == SIZE_MAX) sub->first_title = i;
    if (short_title && sub->first_short_title == SIZE_MAX) sub->first_short_title = i;
    if (blurb) sub->last_blurb = i;
  }
  for (size_t e = page->element_count; e-- > 1;) {
    int parent = page->elements[e].parent;
    if (parent < 0) continue;
    teaser_box *up = &boxes[parent], *sub = &boxes[e];
    up->blocks += sub->blocks;
    up->headings += sub->headings;
    up->titles += sub->titles;
    up->blurbs += sub->blurbs;
    up->linked_blurbs += sub->linked_blurbs;
    up->titled_blurbs += sub->titled_blurbs;
    if (sub->first_block < up->first_block) up->first_block = sub->first_block;
    if (sub->blocks && sub->last_block > up->last_block) up->last_block = sub->last_block;
    if (sub->first_title < up->first_title) up->first_title = sub->first_title;
    if (sub->first_short_title < up->first_short_title) up->first_short_title = sub->first_short_title;
    if (sub->last_blurb > up->last_blurb) up->last_blurb = sub->last_blurb;
    up->picture |= sub->picture;
    up->linked_picture |= sub->linked_picture;
    up->dated |= sub->dated;
    if (sub->end > up->end) up->end = sub->end;
  }
}

/* Whether a paragraph of prose stands beside the run, before it, in the
 * same element: a box of one paragraph, not the article's own box. */
static bool loose_prose_before(const wn_page *page, int run, const teaser_box *boxes) {
  int parent = page->elements[run].parent;
  if (parent < 0) return false;
  for (size_t e = (size_t)parent + 1; e < (size_t)run; e = boxes[e].end)
    if (boxes[e].blurbs == 1 && boxes[e].blocks <= 2) return true;
  return false;
}

/* Are the children of `parent` a run of teaser cards, each a picture, a
 * link away and a blurb, and nearly all of its text? A linked title over a
 * blurb leads away (the links under a post come after it), and so does one
 * link around picture and blurb. A linked picture over text of its own may
 * be a comment's avatar: it counts only where the page says it is an
 * article (a thread's posts are not). */
static bool teaser_cards(const wn_page *page, int parent, const teaser_box *boxes) {
  int cards = 0, count = 0, dated = 0;
  double card_text = 0, total = page->elements[parent].text_chars;
  bool under_heading = false; /* the run opens with a heading of its own */
  for (size_t e = (size_t)parent + 1; e < boxes[parent].end; e = boxes[e].end) {
    const teaser_box *sub = &boxes[e];
    if (!sub->blocks) continue;
    if (sub->blocks == sub->headings) { /* the run's own heading */
      under_heading = under_heading || count == 0;
      continue;
    }
    count++;
    /* Under the run's heading a title of a word or two will do ("Splitting
     * film"); without one, such a link may be a post's author. */
    size_t title = under_heading && sub->first_short_title < sub->first_title ? sub->first_short_title
                                                                               : sub->first_title;
    /* A linked title over a blurb; or, opening a box of no prose, over its
     * time: a news list's item whose blurb is missing or too short. A list
     * of dated titles alone is what an archive page lists, so those count
     * only where the page says it is an article. */
    bool bare = page->says_article && sub->dated && !sub->blurbs && title == sub->first_block;
    bool headed = (title != SIZE_MAX && (title < sub->last_blurb || bare)) || sub->titled_blurbs > 0;
    bool one_link = sub->linked_picture && sub->linked_blurbs > 0;
    bool avatar_like = sub->linked_picture && sub->blurbs > 0 && page->says_article;
    /* A card without a thumbnail still tells its time: a news agency's
     * item of a minute ago has no picture yet. */
    bool shown = sub->picture || (headed && sub->dated);
    if (!shown || !(headed || one_link || avatar_like)) continue;
    cards++;
    dated += sub->dated;
    card_text += page->elements[e].text_chars;
  }
  /* Cards of which half tell their time are news items (a story's card
   * beside them has none): two of them make a run. */
  int least = 2 * dated >= cards ? TEASER_RUN_MIN_DATED : TEASER_RUN_MIN_CARDS;
  return cards >= least && cards >= RELATED_CARD_SHARE * count &&
         card_text >= TEASER_RUN_CARD_TEXT_SHARE * total;
}

/* The paragraphs of prose before each block: until[i] counts those
 * before block i. */
static int *paragraph_prefix(const wn_page *page) {
  int *until = wn_xcalloc(page->block_count + 1, sizeof *until);
  for (size_t i = 0; i < page->block_count; i++) until[i + 1] = until[i] + is_prose(&page->blocks[i]);
  return until;
}

static size_t first_headline(const wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].kind == WN_BLOCK_HEADING && page->blocks[i].heading_level == 1) return i;
  return SIZE_MAX;
}

/* Whether the article comes before block `first`: the page says it is an
 * article, or its headline and two paragraphs come first (a listing's
 * headline has an intro of a paragraph over its cards, which are its
 * content). */
static bool article_before(const wn_page *page, size_t first, size_t headline, const int *paragraphs) {
  return page->says_article || (headline < first && paragraphs[first] - paragraphs[headline] >= 2);
}

/* Whether blocks [first, last] end the article: its prose comes before
 * them and next to none after. */
static bool end_article(const wn_page *page, size_t first, size_t last, const double *until,
                        const double *article_until) {
  if (until[first] < RELATED_MIN_ARTICLE) return false;
  return article_until[page->block_count] - article_until[last + 1] <= TEASER_RUN_PROSE_AFTER;
}

/* ---- text-only teasers ---------------------------------------------------- */

static uint64_t target_of(const wn_page *page, int link) {
  return link >= 0 ? page->elements[link].href_hash : 0;
}

/* A linked line that reads as a headline, leading to another page. */
static uint64_t title_target(const wn_page *page, const wn_block *b) {
  if (b->lexicon || b->kind == WN_BLOCK_CODE || links_of(b) <= RELATED_LINK_DENSE) return 0;
  if (b->words > (size_t)TEASER_TITLE_WORDS || holds_clock_time(b)) return 0;
  if (headline_words(b) < TEASER_TITLE_MIN) return 0;
  return target_of(page, b->first_link);
}

/* A blurb that leads to `target`: a sentence or two ending with a link
 * there, or wholly that link. */
static bool blurb_leads_to(const wn_page *page, const wn_block *b, uint64_t target) {
  if (b->lexicon || length_of(b) < TEXT_TEASER_BLURB || target_of(page, b->last_link) != target)
    return false;
  return links_of(b) <= RELATED_LINK_DENSE || target_of(page, b->first_link) == target;
}

/* A blurb with no link of its own, followed by its "Read more" line. */
static bool unlinked_blurb(const wn_block *b) {
  return !b->lexicon && b->first_link < 0 && length_of(b) >= TEXT_TEASER_BLURB;
}

/* A short line that is wholly a link to `target` ("Read more »", which
 * the lexicon may know). */
static bool is_link_to(const wn_page *page, const wn_block *b, uint64_t target) {
  return b->words <= (size_t)TEASER_DATE_WORDS && b->link_chars == b->chars &&
         target_of(page, b->first_link) == target;
}

/* One block that is a whole card: it opens with a linked title, then a
 * blurb of unlinked prose, and its last link goes where the title does. */
static bool card_in_one_block(const wn_page *page, const wn_block *b) {
  if (b->lexicon || b->lead_link_chars < TEXT_TEASER_LEAD_TITLE) return false;
  uint64_t target = target_of(page, b->first_link);
  if (!target || b->last_link == b->first_link || target_of(page, b->last_link) != target) return false;
  return (double)(b->chars - b->link_chars) >= TEXT_TEASER_BLURB;
}

/* One past the text-only card that starts at block i, or i when none is
 * there. */
static size_t text_card_end(const wn_page *page, size_t i) {
  const wn_block *b = &page->blocks[i];
  if (card_in_one_block(page, b)) return i + 1;
  uint64_t target = title_target(page, b);
  if (!target) return i;
  for (size_t j = i + 1; j < page->block_count && j <= i + 2; j++) {
    const wn_block *next = &page->blocks[j];
    if (blurb_leads_to(page, next, target)) return j + 1;
    if (j + 1 < page->block_count && unlinked_blurb(next) &&
        is_link_to(page, &page->blocks[j + 1], target))
      return j + 2;
    if (next->words > (size_t)TEASER_DATE_WORDS || title_target(page, next)) break;
  }
  return i;
}

/*
 * Teasers without pictures: a run of cards, each a linked title over a
 * blurb that links to the same story again, after the article's end (a
 * "Latest headlines" list). The second link to one page is what tells a
 * teaser from an article's own paragraph, or from a question over its
 * answer. Their blocks take the lexicon's "related" concept.
 */
static int mark_text_teaser_runs(wn_page *page, const wn_lex_entry *related, const double *until,
                                 const double *article_until, const int *paragraphs, size_t headline) {
  int runs = 0;
  for (size_t i = 0; i < page->block_count;) {
    size_t end = i, cards = 0;
    for (size_t next; end < page->block_count && (next = text_card_end(page, end)) > end; end = next)
      cards++;
    /* A page without a headline still shows its article before the
     * cards: three paragraphs of prose. */
    bool article = cards >= (size_t)TEXT_TEASER_MIN_CARDS &&
                   (article_before(page, i, headline, paragraphs) ||
                    (headline == SIZE_MAX && paragraphs[i] >= TEXT_TEASER_HEADLESS_PARAGRAPHS));
    if (!article || holds_headline(page, i, end) || !end_article(page, i, end - 1, until, article_until)) {
      i = end > i ? end : i + 1;
      continue;
    }
    for (size_t k = i; k < end; k++)
      if (!page->blocks[k].lexicon) page->blocks[k].lexicon = related;
    runs++;
    i = end;
  }
  return runs;
}

/*
 * Teaser cards after an article's end need no heading to be what they
 * are: the boxes of one element that each link away over a blurb, when
 * the page says it is an article or its headline comes before them, its
 * prose comes before them and next to none after. Their blocks take the
 * lexicon's "related" concept. Linear in the page: counts are summed up
 * the tree once, and prose before and after comes from prefix sums.
 * Returns how many runs it marked.
 */
static int mark_teaser_runs_once(wn_page *page, const wn_lex_entry *related) {
  teaser_box *boxes = wn_xcalloc(page->element_count, sizeof *boxes);
  sum_up_boxes(page, boxes);
  double *until = prose_prefix(page, true);
  double *article_until = prose_prefix(page, false);
  int *paragraphs = paragraph_prefix(page);
  size_t headline = first_headline(page);
  int runs = 0;
  for (size_t e = 1; e < page->element_count; e++) {
    const teaser_box *sub = &boxes[e];
    if (!sub->blocks || page->elements[e].holds_h1 || !teaser_cards(page, (int)e, boxes)) continue;
    if (!article_before(page, sub->first_block, headline, paragraphs) ||
        !end_article(page, sub->first_block, sub->last_block, until, article_until))
      continue;
    /* Entries of a round-up sit among the article's paragraphs; teasers
     * sit in a box of their own. */
    if (loose_prose_before(page, (int)e, boxes)) continue;
    for (size_t i = sub->first_block; i <= sub->last_block; i++)
      if (!page->blocks[i].lexicon) page->blocks[i].lexicon = related;
    runs++;
    e = sub->end - 1; /* past the run's subtree */
  }
  runs += mark_text_teaser_runs(page, related, until, article_until, paragraphs, headline);
  free(paragraphs);
  free(until);
  free(article_until);
  free(boxes);
  return runs;
}

/* Runs of cards may follow one another (one per tab of "context",
 * "multimedia"): the blurbs of the later ones are teasers, not the
 * article going on, so each round takes the marked runs out of the prose
 * after the earlier ones. */
static void mark_teaser_runs(wn_page *page, const wn_lex_entry *related) {
  if (!related || !page->block_count) return;
  for (int round = 0; round < TEASER_RUN_ROUNDS; round++)
    if (!mark_teaser_runs_once(page, related)) break;
}

/* The lexicon's entry for "Related articles", to name the runs found by
 * their structure alone. */
static const wn_lex_entry *related_entry(void) {
  return wn_lexicon_match("Related articles", strlen("Related articles"));
}

static bool item_label(const wn_block *b) {
  return b->kind != WN_BLOCK_HEADING && b->words <= ITEM_LABEL_WORDS && b->words > 0 &&
         links_of(b) <= RELATED_LINK_DENSE;
}

static bool same_line(const wn_block *a, const wn_block *b) {
  return a->text_len == b->text_len && memcmp(a->text, b->text, a->text_len) == 0;
}

/* Whether blocks k and k + 1 are an item: `label` and a paragraph in the
 * order given (the line over its paragraph, or under it). */
static bool labelled_item(const wn_page *page, size_t k, const wn_block *label, bool line_first) {
  if (k + 1 >= page->block_count) return false;
  const wn_block *line = &page->blocks[line_first ? k : k + 1];
  const wn_block *para = &page->blocks[line_first ? k + 1 : k];
  return para->kind == WN_BLOCK_PARAGRAPH && item_label(line) && same_line(line, label);
}

/*
 * One past the items under a section's label in flat markup, or `label` +
 * 1 when there are none: each item the same short line and one paragraph,
 * the line over it or under it ("Reported by AI" with each teaser's blurb,
 * all siblings of the story's paragraphs). A story has no such line with
 * each of its paragraphs; an advertisement's slot among them stands once.
 */
static size_t labelled_items_end(const wn_page *page, size_t label) {
  size_t first = label + 1;
  if (first + 1 >= page->block_count) return label + 1;
  bool line_first = item_label(&page->blocks[first]);
  const wn_block *line = &page->blocks[line_first ? first : first + 1];
  size_t k = first;
  int items = 0;
  while (labelled_item(page, k, line, line_first)) {
    items++;
    k += 2;
  }
  return items >= LABELLED_ITEMS_MIN ? k : label + 1;
}

size_t wn_card_section_end(const wn_page *page, size_t heading) {
  int container = section_container(page, heading);
  if (container >= 0) {
    size_t end = section_stop(page, heading, container);
    if (is_card_run(page, heading + 1, end) && !holds_headline(page, heading + 1, end)) return end;
  }
  return labelled_items_end(page, heading);
}

void wn_mark_related_sections(wn_page *page) {
  /* Prose outside a section: the page's prose less the section's and less
   * the prose of sections already marked (they are no longer prose). */
  double *until = prose_prefix(page, true);
  double marked = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *h = &page->blocks[i];
    if (!is_related_heading(h)) continue;
    size_t end = wn_card_section_end(page, i);
    if (end == i + 1) continue;
    double outside = until[page->block_count] - marked - (until[end] - until[i]);
    if (outside < RELATED_MIN_ARTICLE) continue;
    for (size_t j = i + 1; j < end; j++) {
      if (page->blocks[j].lexicon) continue;
      if (is_prose(&page->blocks[j])) marked += length_of(&page->blocks[j]);
      page->blocks[j].lexicon = h->lexicon;
    }
    i = end - 1;
  }
  free(until);
  mark_teaser_runs(page, related_entry());
}
