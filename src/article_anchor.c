#include "article_anchor.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buffer.h"
#include "byline.h"
#include "classify_passes.h"
#include "dates.h"
#include "lexicon.h"

/* ---- tuning constants ---------------------------------------------------- */

/* A Han, Kana or Hangul character carries about as much as a short word. */
static const double ANCHOR_CJK_WEIGHT = 3.0;
/* A headline names the page in at least this many characters (weighted):
 * shorter headings matching the title are the site's name. */
static const double HEADLINE_MIN_LENGTH = 12.0;
/* An article's headline is a sentence of at least this many words (or Han,
 * Kana or Hangul characters); a shorter one names a category, a product or
 * a place (sites type their category pages articles too). */
static const int ARTICLE_HEADLINE_WORDS = 5;
static const int ARTICLE_HEADLINE_CJK = 8;
/* ...or of fewer, longer words (languages without articles: "Фобос-Грунт:
 * прогноз падения"). */
static const size_t ARTICLE_HEADLINE_SHORT_WORDS = 3;
static const double ARTICLE_HEADLINE_SHORT_LENGTH = 25.0;
/* Titles and headlines longer than this are not compared (each comparison
 * costs their length: the search stays linear in the page). */
static const size_t TITLE_MAX_BYTES = 1000;
/* A headline set in a plain line holds at least this share of the title. */
static const double HEADLINE_LINE_SHARE = 0.5;
/* ...and is at most this many times as long as the title. */
static const double HEADLINE_LINE_MAX_RATIO = 2.0;
/* On a page without an <h1>, the headline is a heading of this level at most. */
static const int HEADLINE_MAX_LEVEL = 3;
/* A post's title set as its permalink has its text this few blocks under it. */
static const size_t PERMALINK_PROSE_DISTANCE = 4;
/* A paragraph of the article: this long at least (weighted), with at most
 * this share of link text. */
static const double PARAGRAPH_MIN_LENGTH = 30.0;
static const double PARAGRAPH_MAX_LINKS = 0.3;
/* Text without sentence punctuation, shorter than this, is a label. */
static const double LABEL_LENGTH = 80.0;
/* Between the headline and the first paragraph sit a byline, a date, share
 * buttons and a lead picture: at most this many blocks. */
static const int LEAD_GAP_BLOCKS = 12;
/* Between paragraphs of the article sit captions, inline "read also" lines,
 * an author's box or a share bar: a gap ends the article when it holds this
 * much link text (a menu, a list of headlines) or this many blocks. */
static const double BODY_GAP_LINK_CHARS = 200.0;
static const int BODY_GAP_BLOCKS = 30;
/* The article has told its story in this many paragraphs: such links, or
 * prose past a heading outside its box, close it from then on. */
static const int STORY_TOLD_PARAGRAPHS = 2;
/* A dated story told in this many paragraphs, however short, is a brief
 * that teaser cards may follow. */
static const int BRIEF_PARAGRAPHS = 2;
/* ... or in one paragraph of this weighted length. */
static const double BRIEF_ONE_PARAGRAPH = 400.0;
/* A heading names the page's address when it has this many words at least
 * and they are SLUG_SHARE_NUM/SLUG_SHARE_DEN of its words and of the
 * address's last segment's. */
static const size_t SLUG_MIN_WORDS = 2;
static const size_t SLUG_SHARE_NUM = 3, SLUG_SHARE_DEN = 4;
/* A linked line of this many words and characters (weighted) is another
 * page's headline ("View full profile" is a button); this many of them in
 * one gap are a list of teasers, which ends the article. */
static const int TEASER_HEADLINE_WORDS = 4;
static const double TEASER_HEADLINE_LENGTH = 30.0;
static const double TEASER_LINK_SHARE = 0.9;
/* A heading is a linked title from this share on: a "more" or a count may
 * stand beside its link. */
static const double TEASER_HEADING_LINK_SHARE = 0.75;
static const int TEASER_LIST_HEADLINES = 2;
/* A row of this many links or more, each shorter than a teaser's headline
 * on average, is a row of tags or reaction buttons. */
static const size_t LINK_ROW_LINKS = 3;
/* A paragraph this few blocks under a linked headline, and this short
 * (weighted), is its teaser's blurb. */
static const int BLURB_DISTANCE = 3;
static const double BLURB_MAX_LENGTH = 400.0;
/* ...or, in a card whose title is no link beside a card like it and
 * holding a picture, this long (an aggregator's cards carry a story's
 * whole first paragraph); under a linked title in such a card, a blurb of
 * any length is the card's. */
static const double CARD_BLURB_MAX_LENGTH = 1000.0;
/* A teaser's card holds its headline, blurb, date and picture: a container
 * of more blocks around both is a post whose title links to itself. */
static const int CARD_MAX_BLOCKS = 6;
/* A card's title has at least this many words (or Han, Kana, Hangul). */
static const size_t CARD_TITLE_MIN_WORDS = 2;
static const size_t CARD_TITLE_MIN_CJK = 4;
/* A title set as a line of text has at most this many words. */
static const size_t CARD_TITLE_MAX_WORDS = 15;
/* A card without a title link is a box of a picture or a title line at
 * most this many levels above its blurb, with this many such boxes beside
 * it under the same parent. */
static const int PICTURE_CARD_LEVELS = 3;
static const int PICTURE_CARDS_BESIDE = 1;
/* Past a close, prose other than blurbs and comments of at least this share
 * of the article's own is more of the article (an inline box of related
 * links, a second title over the body): the close was not the end. */
static const double CONTINUATION_SHARE = 0.5;
/* A box beside the lead (related links, tags, a source) is skipped when a
 * paragraph at least this long (weighted), longer than any teaser's blurb,
 * follows it within this many blocks; at most this many of its blocks are
 * looked at. */
static const double LEAD_BOX_BODY_LENGTH = 400.0;
static const int LEAD_BOX_BODY_DISTANCE = 4;
static const size_t LEAD_BOX_MAX_BLOCKS = 60;
/* ...and the box is at most this many elements above the line in hand:
 * bounds the work per line, as the box test runs on every line before the
 * first paragraph. */
static const int LEAD_BOX_MAX_LEVELS = 8;
/* Narrowed from the whole page when the body held this many paragraphs. */
static const int PAGE_WIDE_MIN_PARAGRAPHS = 2;
/* Words between a count and the headline it counts things about
 * ("26 comments to Headline"). */
static const int COUNT_TITLE_WORDS = 2;
/* The page reads as an article with this much prose under its headline. */
static const double ARTICLE_MIN_PROSE = 120.0;
/* ...or this much under a headline that is a sentence and dates or names
 * the page: a brief's one short paragraph. */
static const double BRIEF_MIN_PROSE = 90.0;
/* A post before readers' comments: this many paragraphs, this long in all. */
static const int POST_MIN_PARAGRAPHS = 2;
static const double POST_MIN_PROSE = 300.0;
/* ...or one paragraph this long (a story told in one, as link blogs do). */
static const double POST_ONE_PARAGRAPH = 600.0;

/* ---- block measures ------------------------------------------------------ */

static double length_of(const wn_block *b) {
  return (double)(b->chars - b->cjk_chars) + ANCHOR_CJK_WEIGHT * b->cjk_chars;
}

static double links_of(const wn_block *b) {
  return b->chars ? (double)b->link_chars / b->chars : 0.0;
}

/* A section of related links or of comments follows the article. */
static bool is_section_chrome(const wn_block *b) {
  return b->lexicon && b->lexicon->role == WN_LEX_SECTION &&
         (strcmp(b->lexicon->concept, "related") == 0 ||
          strcmp(b->lexicon->concept, "comments") == 0);
}

/* A line this many blocks above or below the headline may date it... */
static const int DATELINE_DISTANCE = 2;
/* ...when it is at most this many words long. */
static const size_t DATELINE_MAX_WORDS = 12;

static bool holds_date(const wn_block *b) {
  if (b->kind == WN_BLOCK_CODE) return false;
  char *iso = wn_date_iso(b->text, 0);
  free(iso);
  return iso != NULL;
}

/* A line of a date and a few words ("Posted: 08/09/2012 9:21 am Updated:
 * 08/09/2012 10:53 am"): a stamp, not prose. */
static bool is_stamp(const wn_block *b) {
  return wn_block_lettered_words(b, DATELINE_MAX_WORDS) <= DATELINE_MAX_WORDS && holds_date(b);
}

/* A paragraph of the article's text: a stamp, however punctuated, is not. */
static bool is_paragraph(const wn_block *b) {
  if (b->kind != WN_BLOCK_PARAGRAPH && b->kind != WN_BLOCK_QUOTE) return false;
  if (b->lexicon) return false;
  double len = length_of(b);
  if (len < PARAGRAPH_MIN_LENGTH || links_of(b) > PARAGRAPH_MAX_LINKS) return false;
  return (b->punctuation > 0 || len >= LABEL_LENGTH) && !is_stamp(b);
}

/* An item of a list written in sentences ("Shrink your cache when the
 * load is lower. ..."): the article goes on in a list. One that opens with
 * a link is a teaser's title over its blurb. */
static bool is_prose_item(const wn_block *b) {
  if (b->kind != WN_BLOCK_LIST_ITEM || b->lexicon || b->lead_link_chars > 0) return false;
  return length_of(b) >= LABEL_LENGTH && links_of(b) <= PARAGRAPH_MAX_LINKS && b->punctuation > 0;
}

/* Several short links in one line: tags, reaction or share buttons. */
static bool is_link_row(const wn_block *b) {
  return b->links >= LINK_ROW_LINKS &&
         (double)b->link_chars < TEASER_HEADLINE_LENGTH * (double)b->links;
}

/* A picture's credit ("© Agency. Name | Buy the picture"), linked or not:
 * a gallery's line, no other page's headline. */
static bool is_credit(const wn_block *b) {
  return b->lexicon && wn_concept_is_credit(b->lexicon);
}

static bool is_linked_headline(const wn_block *b) {
  /* A heading's "more" or count beside its link leaves it a linked title. */
  double share = b->kind == WN_BLOCK_HEADING ? TEASER_HEADING_LINK_SHARE : TEASER_LINK_SHARE;
  return links_of(b) >= share && length_of(b) >= TEASER_HEADLINE_LENGTH &&
         (b->words >= TEASER_HEADLINE_WORDS || b->cjk_chars > 0);
}

/* ---- headings named twice ------------------------------------------------ */

/* A table of contents links to the page's own headings: its entries repeat
 * the text of a heading further down, a teaser's headline does not. */
static uint64_t text_hash(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

/* The page's headings by the hash of their text. */
static void heading_set_build(const wn_page *page, wn_hash_index *set) {
  size_t n = 0;
  for (size_t i = 0; i < page->block_count; i++) n += page->blocks[i].kind == WN_BLOCK_HEADING;
  wn_hash_index_init(set, n);
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->kind == WN_BLOCK_HEADING) wn_hash_index_add(set, text_hash(b->text, b->text_len) | 1, (int)i);
  }
}

static bool heading_set_has(const wn_hash_index *set, const wn_block *b) {
  return wn_hash_index_find(set, text_hash(b->text, b->text_len) | 1) >= 0;
}

/* ---- the tree ------------------------------------------------------------ */

static int common_ancestor(const wn_page *page, int a, int b) {
  while (a != b && a >= 0 && b >= 0) {
    if (page->elements[a].depth >= page->elements[b].depth) a = page->elements[a].parent;
    else b = page->elements[b].parent;
  }
  return a == b ? a : -1;
}

/* Whether the paragraph at `i` is the blurb of the linked headline at
 * `linked` (or -1): close under it, and in a card of its own with it. */
static bool is_blurb(const wn_page *page, long linked, size_t i) {
  if (linked < 0 || (long)i - linked > BLURB_DISTANCE) return false;
  const wn_block *b = &page->blocks[i];
  if (length_of(b) > BLURB_MAX_LENGTH) return false;
  int card = common_ancestor(page, page->blocks[linked].owner, b->owner);
  return card >= 0 && page->elements[card].blocks <= CARD_MAX_BLOCKS;
}

/* A line that is one link of a few words: a card's title, however short (a
 * name of one word is a user's or an author's). */
static bool is_title_link(const wn_block *b) {
  return links_of(b) >= TEASER_LINK_SHARE && b->links <= 2 && b->kind != WN_BLOCK_HEADING &&
         (b->words >= CARD_TITLE_MIN_WORDS || b->cjk_chars >= CARD_TITLE_MIN_CJK);
}

/* The largest element around `element` that holds no more blocks: a card's
 * text may sit in a cell or a box beside its picture's. */
static int card_around(const wn_page *page, int element) {
  while (page->elements[element].parent >= 0 &&
         page->elements[page->elements[element].parent].blocks == page->elements[element].blocks)
    element = page->elements[element].parent;
  return element;
}

/* The title links near block `i` (within twice a card's blocks): how many
 * lie inside `card`, and whether one lies beside it inside `parent` (the
 * next or the previous card of a list). A card holds at most
 * CARD_MAX_BLOCKS blocks around `i`, so all of its own are in the window. */
static void title_links_near(const wn_page *page, int card, int parent, size_t i, int *inside,
                             bool *beside) {
  size_t span = 2 * (size_t)CARD_MAX_BLOCKS, from = i > span ? i - span : 0;
  *inside = 0;
  *beside = false;
  for (size_t j = from; j < page->block_count && j <= i + span; j++) {
    const wn_block *o = &page->blocks[j];
    if (!is_title_link(o)) continue;
    if (wn_inside(page, o->owner, card)) (*inside)++;
    else if (parent >= 0 && wn_inside(page, o->owner, parent)) *beside = true;
  }
}

/* Whether the paragraph at `i` is the blurb of a card outside the article's
 * text so far (`body`): a box of a picture, a linked title over the
 * paragraph (however long), and little else, beside another such box. A title that is no
 * heading also opens a link in a list of links with their descriptions, or
 * a quote in a post: these have no picture, nor a box like theirs beside. */
static bool is_card_blurb(const wn_page *page, int body, size_t i) {
  const wn_block *b = &page->blocks[i];
  /* A quote beside a linked name and an avatar is a reader's post. */
  if (body < 0 || b->kind != WN_BLOCK_PARAGRAPH) return false;
  size_t j = i;
  while (j > 0 && i - j < (size_t)BLURB_DISTANCE && !is_title_link(&page->blocks[j - 1])) j--;
  if (j == 0 || !is_title_link(&page->blocks[j - 1])) return false;
  int card = common_ancestor(page, page->blocks[j - 1].owner, b->owner);
  if (card < 0 || page->elements[card].blocks > (size_t)CARD_MAX_BLOCKS) return false;
  card = card_around(page, card);
  int parent = page->elements[card].parent;
  if (parent < 0 || wn_inside(page, card, body) || wn_inside(page, body, card)) return false;
  int inside;
  bool beside;
  title_links_near(page, card, parent, i, &inside, &beside);
  /* Several title links in the box: a list of links, not a card. */
  return inside == 1 && beside && wn_holds_picture(page, card);
}

/* A card's title set as a line of text, no heading: a few words that end
 * no sentence ("Total Solar Eclipse, November 2012: Images and Video"). */
static bool is_title_line(const wn_block *b) {
  return b->kind == WN_BLOCK_PARAGRAPH && b->words >= CARD_TITLE_MIN_WORDS &&
         b->words <= CARD_TITLE_MAX_WORDS && !wn_block_ends_sentence(b);
}

/* A heading that asks a question: over its answer, an item of a FAQ. */
static bool asks(const wn_block *b) {
  size_t n = b->text_len;
  return (n >= 1 && b->text[n - 1] == '?') ||
         (n >= 3 && memcmp(b->text + n - 3, "\xef\xbc\x9f", 3) == 0); /* fullwidth ? */
}

/* Whether the element holds a title line among the blocks just above
 * block `i` (a byline may stand between them), or, past a news story, a
 * heading: a box of its own for each headed paragraph is a card, unless
 * the heading asks what the paragraph answers (a FAQ's item). */
static bool titled_above(const wn_page *page, int element, size_t i, bool news) {
  for (size_t j = i; j > 0 && i - j < (size_t)BLURB_DISTANCE; j--) {
    const wn_block *t = &page->blocks[j - 1];
    if (!wn_inside(page, t->owner, element)) return false;
    if (is_title_line(t) || (news && t->kind == WN_BLOCK_HEADING && !asks(t))) return true;
  }
  return false;
}

/* A card's signature: an author line, or a short line holding a full date. */
static bool is_signature(const wn_block *b) {
  return wn_is_author_line(b) || (b->words <= DATELINE_MAX_WORDS && holds_date(b));
}

/* Whether a signature follows block `i`: a title over its byline or
 * dateline. */
static bool signed_or_dated_under(const wn_page *page, size_t i) {
  return i + 1 < page->block_count && is_signature(&page->blocks[i + 1]);
}

/* Whether a signature stands in the element just above block `i`, over
 * the title line or under it. */
static bool signed_above(const wn_page *page, int element, size_t i) {
  for (size_t j = i; j > 0 && i - j < (size_t)BLURB_DISTANCE; j--) {
    const wn_block *t = &page->blocks[j - 1];
    if (!wn_inside(page, t->owner, element)) return false;
    if (is_signature(t)) return true;
  }
  return false;
}

/* The smallest element around block `i`'s owner, a few levels up at most,
 * that holds no more blocks than a card and a title line above the block,
 * or a picture when `picture_ok` or when an author or date line stands
 * above the block; -1 when none. */
static int card_of(const wn_page *page, size_t i, bool picture_ok) {
  int e = page->blocks[i].owner;
  for (int up = 0; e >= 0 && up <= PICTURE_CARD_LEVELS; up++, e = page->elements[e].parent) {
    if (page->elements[e].blocks > (size_t)CARD_MAX_BLOCKS) return -1;
    /* A picture over an author or date line and a paragraph is another
     * story's card, past any story (a landing page's feature boxes are
     * neither signed nor dated). */
    bool pictured = wn_holds_picture(page, e);
    if (pictured && (picture_ok || signed_above(page, e, i))) return e;
    if (titled_above(page, e, i, picture_ok)) return e;
  }
  return -1;
}

/* Paragraphs inside the card, which holds block `i` (and at most
 * CARD_MAX_BLOCKS blocks around it); a short line above it is its title,
 * whatever its punctuation. */
static int paragraphs_in(const wn_page *page, int card, size_t i) {
  size_t from = i > (size_t)CARD_MAX_BLOCKS ? i - CARD_MAX_BLOCKS : 0;
  int n = 0;
  for (size_t j = from; j < page->block_count && j <= i + CARD_MAX_BLOCKS; j++)
    n += is_paragraph(&page->blocks[j]) && !is_title_line(&page->blocks[j]) &&
         wn_inside(page, page->blocks[j].owner, card) &&
         !(j < i && (page->blocks[j].words <= CARD_TITLE_MAX_WORDS || signed_or_dated_under(page, j)));
  return n;
}

/* A story told before cards can follow it: two paragraphs and a post's
 * length. */
static bool story_told(const wn_article_anchor *anchor) {
  return anchor->paragraphs >= STORY_TOLD_PARAGRAPHS && anchor->prose >= POST_ONE_PARAGRAPH;
}

/* A news story's (dated, or typed an article) two short paragraphs, or one
 * of a brief's length: a brief, which titled cards may follow (a listicle's pictured sections may
 * follow its intro too). */
static bool brief_told(const wn_page *page, const wn_article_anchor *anchor) {
  return (anchor->dated || page->says_article) &&
         (anchor->paragraphs >= BRIEF_PARAGRAPHS || anchor->prose >= BRIEF_ONE_PARAGRAPH);
}

/* The card whose blurb the paragraph at `i` is, or -1: a card whose title
 * is no link (the whole card is clicked, or a "more" link opens it), a box
 * of a picture, a title line or (past a news story) a heading, and the
 * paragraph, outside the article's text so far, among sibling boxes of the
 * same kind. Inline figures stand alone, and a story's own sections sit in
 * its box; a run of such boxes past the story is a list of teasers. */
static int unlinked_card_of_blurb(const wn_page *page, const wn_article_anchor *anchor, size_t i) {
  const wn_block *b = &page->blocks[i];
  int body = anchor->body;
  /* Only past a story told: a landing page's short intro over its boxes
   * is no story they could be teasers beside. */
  bool told = story_told(anchor);
  /* (Under a shorter story, only boxes that sign or date their blurb:
   * a landing page's feature boxes do neither.) */
  bool signed_only = !told && !brief_told(page, anchor);
  /* Feature boxes of a landing page are pictures over headed paragraphs;
   * past a news story (dated, or typed an article), picture boxes too are
   * teasers. */
  bool picture_ok = told && (anchor->dated || page->says_article);
  if (body < 0 || b->kind != WN_BLOCK_PARAGRAPH || length_of(b) > CARD_BLURB_MAX_LENGTH) return -1;
  int card = card_of(page, i, picture_ok);
  if (card < 0 || wn_inside(page, card, body) || wn_inside(page, body, card)) return -1;
  if (paragraphs_in(page, card, i) != 1) return -1;
  int parent = page->elements[card].parent;
  if (parent < 0) return -1;
  /* (A row of teasers may sign only some of its cards: one signed
   * picture card among its siblings vouches for the row. Sought only where
   * a signature is asked for: it costs a lexicon lookup and a date parse.) */
  bool signed_row = !signed_only || (wn_holds_picture(page, card) && signed_above(page, card, i));
  size_t span = (size_t)(PICTURE_CARDS_BESIDE + 1) * CARD_MAX_BLOCKS;
  size_t from = i > span ? i - span : 0;
  int seen = card, beside = 0;
  for (size_t j = from; j < page->block_count && j <= i + span; j++) {
    if (!is_paragraph(&page->blocks[j]) || !wn_inside(page, page->blocks[j].owner, parent)) continue;
    int other = card_of(page, j, picture_ok);
    if (other < 0 || other == seen || wn_inside(page, other, card)) continue;
    if (page->elements[other].parent != parent) continue;
    seen = other;
    beside++;
    signed_row = signed_row || (wn_holds_picture(page, other) && signed_above(page, other, j));
  }
  if (!signed_row) return -1;
  return beside >= PICTURE_CARDS_BESIDE ? card : -1;
}

/* Whether block `i` is the title of a card with no blurb, past a story: a
 * box of a picture, the title and its author's line or its date under it,
 * outside the story's box. */
static bool signed_card_title(const wn_page *page, const wn_article_anchor *anchor, size_t i) {
  if (anchor->body < 0 || i + 1 >= page->block_count) return false;
  const wn_block *signature = &page->blocks[i + 1];
  int e = page->blocks[i].owner;
  for (int up = 0; e >= 0 && up <= PICTURE_CARD_LEVELS; up++, e = page->elements[e].parent) {
    if (page->elements[e].blocks > (size_t)CARD_MAX_BLOCKS) return false;
    if (wn_inside(page, anchor->body, e)) return false;
    if (!wn_holds_picture(page, e)) continue;
    /* (The line is read last: the lexicon lookup costs most.) */
    return wn_inside(page, signature->owner, e) && !wn_inside(page, e, anchor->body) &&
           signed_or_dated_under(page, i);
  }
  return false;
}

static bool is_unlinked_card_blurb(const wn_page *page, const wn_article_anchor *anchor, size_t i) {
  return unlinked_card_of_blurb(page, anchor, i) >= 0;
}

/* Whether block `i` lies in the box of cards found so far, beside the
 * story's element: the next cards' titles and blurbs, whatever their
 * length. */
static bool in_cards(const wn_page *page, const wn_article_anchor *anchor, size_t i) {
  int owner = page->blocks[i].owner;
  return anchor->cards >= 0 && wn_inside(page, owner, anchor->cards) &&
         !wn_inside(page, owner, anchor->body);
}

/* Whether the paragraph at `i` is an unlinked card's blurb, or lies among
 * the cards found before it; the first card found names their box. */
static bool unlinked_card_blurb_noted(const wn_page *page, wn_article_anchor *anchor, size_t i) {
  if (in_cards(page, anchor, i)) return true;
  int card = unlinked_card_of_blurb(page, anchor, i);
  if (card < 0) return false;
  if (anchor->cards < 0) anchor->cards = page->elements[card].parent;
  return true;
}

/* Whether block `i` is a line of a few words over such a card's blurb,
 * inside its card: its title, which may end with a question or be set in
 * sentence case with a colon, and taken as a paragraph would draw the
 * cards into the article's element. */
static bool is_unlinked_card_title(const wn_page *page, const wn_article_anchor *anchor, size_t i) {
  const wn_block *t = &page->blocks[i];
  if (in_cards(page, anchor, i)) return true;
  if (t->kind != WN_BLOCK_PARAGRAPH) return false;
  for (size_t j = i + 1; j < page->block_count && j - i <= (size_t)BLURB_DISTANCE; j++) {
    const wn_block *b = &page->blocks[j];
    if (!is_paragraph(b) || is_title_line(b)) continue;
    int card = unlinked_card_of_blurb(page, anchor, j);
    if (card < 0 || !wn_inside(page, t->owner, card)) return false;
    /* A longer title stands over its author's or date line. */
    return t->words <= CARD_TITLE_MAX_WORDS || signed_or_dated_under(page, i);
  }
  return false;
}

/* ---- the headline -------------------------------------------------------- */

static bool within_title_limit(const char *title) {
  for (size_t n = 0; n <= TITLE_MAX_BYTES; n++)
    if (!title[n]) return true;
  return false;
}

/* The code point at s[*at] (of `len` bytes), moving *at past it; -1 for a
 * byte that starts none, which is skipped. */
static inline utf8proc_int32_t next_code_point(const char *s, size_t len, size_t *at) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t step =
      utf8proc_iterate((const utf8proc_uint8_t *)s + *at, (utf8proc_ssize_t)(len - *at), &cp);
  if (step <= 0) {
    (*at)++;
    return -1;
  }
  *at += (size_t)step;
  return cp;
}

/* Letters and digits only, lower-cased, into out (at least len + 1 bytes):
 * titles drop or straighten what headlines curl ("Chads Choice" for
 * "Chad’s Choice", "Don't" for "Don’t"). */
static void letters_of(const char *s, size_t len, char *out) {
  size_t n = 0;
  for (size_t at = 0; at < len;) {
    utf8proc_int32_t cp = next_code_point(s, len, &at);
    if (cp < 0) continue;
    utf8proc_category_t c = utf8proc_category(cp);
    bool letter = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
                  (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
                  c == UTF8PROC_CATEGORY_ND;
    if (letter) {
      utf8proc_uint8_t buf[4];
      utf8proc_ssize_t w = utf8proc_encode_char(utf8proc_tolower(cp), buf);
      if (w > 0 && n + (size_t)w <= len) {
        memcpy(out + n, buf, (size_t)w);
        n += (size_t)w;
      }
    }
  }
  out[n] = '\0';
}

/* The page's og:title and <title>, and their letters (for headings only,
 * since a line of prose may quote the title), made once per page. */
typedef struct page_titles {
  const char *text[2];
  char *letters[2];
} page_titles;

static void page_titles_make(const wn_page *page, page_titles *t) {
  t->text[0] = page->og_title;
  t->text[1] = page->html_title;
  for (int k = 0; k < 2; k++) {
    t->letters[k] = NULL;
    if (!t->text[k] || !*t->text[k] || !within_title_limit(t->text[k])) continue;
    size_t len = strlen(t->text[k]);
    t->letters[k] = wn_xmalloc(len + 1);
    letters_of(t->text[k], len, t->letters[k]);
  }
}

static void page_titles_free(page_titles *t) {
  free(t->letters[0]);
  free(t->letters[1]);
}

/* The heading's letters inside the title's, or the title's inside its; a
 * count after the heading's words ("... With AC/DC 253": its comments) is
 * no part of the title. */
static bool names_page_loosely(const wn_block *b, const char *title_letters) {
  if (!*title_letters) return false;
  char h[TITLE_MAX_BYTES + 1];
  letters_of(b->text, b->text_len, h);
  if (*h && strstr(title_letters, h)) return true;
  /* The title inside the heading is most of it ("Science" is no name of
   * "Colossal Biosciences breeds controversy"). */
  if (*h && strstr(h, title_letters) && 2 * strlen(title_letters) >= strlen(h)) return true;
  size_t end = b->text_len, n = strlen(h);
  while (end > 0 && b->text[end - 1] >= '0' && b->text[end - 1] <= '9') end--;
  if (end == b->text_len || end == 0 || b->text[end - 1] != ' ') return false;
  while (n > 0 && h[n - 1] >= '0' && h[n - 1] <= '9') n--;
  h[n] = '\0';
  return n >= (size_t)HEADLINE_MIN_LENGTH && strstr(title_letters, h);
}

/* Whether the heading names the page: its text inside the title ("Headline
 * - Site") or the title inside it, or so letter for letter when the title's
 * letters are given. */
static bool names_page(const wn_block *b, const char *title, const char *title_letters) {
  if (!title || !*title || !b->text_len) return false;
  if (!within_title_limit(title) || b->text_len > TITLE_MAX_BYTES) return false;
  if (strstr(title, b->text)) return true;
  /* A heading that quotes the title speaks of the page ("45 Comments to
   * \u201cTitle\u201d", WordPress's "%1$s thoughts on \u201c%2$s\u201d" in every
   * language): it is not its headline. */
  const char *inside = strstr(b->text, title);
  if (inside) return !wn_quote_opens_at(b->text, inside);
  if (title_letters && names_page_loosely(b, title_letters)) return true;
  if (!memchr(b->text, '\n', b->text_len)) return false;
  /* A headline broken with <br> is one line in the title. */
  char line[TITLE_MAX_BYTES + 1];
  memcpy(line, b->text, b->text_len + 1);
  for (char *p = line; (p = strchr(p, '\n')) != NULL;) *p = ' ';
  return strstr(title, line) || strstr(line, title);
}

/* A line, no link, that the lexicon reads as a comment section's title
 * ("{ 131 comments }", "53 Responses to ..."): set as a paragraph, it
 * titles the comments as a heading would (a linked one jumps to them). */
static bool labels_comments(const wn_block *b) {
  return b->kind == WN_BLOCK_PARAGRAPH && wn_lex_titles_comments(b->lexicon) &&
         links_of(b) <= PARAGRAPH_MAX_LINKS;
}

static bool repeats(const wn_block *a, const wn_block *b) {
  return a->text_len == b->text_len && memcmp(a->text, b->text, a->text_len) == 0;
}

/* Whether the heading's letters lie within the site's name's ("Graphic
 * designer" in "David Airey, graphic designer"). */
static bool within_site_name(const wn_block *b, const char *site_letters) {
  if (b->text_len > TITLE_MAX_BYTES) return false;
  char mine[TITLE_MAX_BYTES + 1];
  letters_of(b->text, b->text_len, mine);
  return *mine && strstr(site_letters, mine);
}

/* The longest heading of the given level that names the page, or -1;
 * `linked` admits headings that are links (a blog's headline is often a
 * permalink to the post itself); `site`, the letters of the site's name
 * or NULL, excludes headings within it. */
static int heading_naming_page(const wn_page *page, const page_titles *titles, int level,
                               bool linked, const char *site) {
  int best = -1;
  double best_length = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->kind != WN_BLOCK_HEADING || b->heading_level != level) continue;
    double len = length_of(b);
    if (len < HEADLINE_MIN_LENGTH || (!linked && links_of(b) >= TEASER_LINK_SHARE)) continue;
    /* "142 replies to <title>" heads the comments, not the page. */
    if (page->elements[b->owner].inherited & WN_EL_COMMENTS) continue;
    if (wn_lex_titles_comments(b->lexicon)) continue; /* ... whatever the names around it */
    if (site && within_site_name(b, site)) continue; /* the site's name again */
    if (!names_page(b, titles->text[0], titles->letters[0]) &&
        !names_page(b, titles->text[1], titles->letters[1]))
      continue;
    if (len > best_length) {
      best = (int)i;
      best_length = len;
    }
  }
  return best;
}

/* Whether a paragraph follows the block within a few blocks (a dateline
 * and a byline may stand between). */
static bool prose_follows(const wn_page *page, size_t i) {
  for (size_t j = i + 1; j < page->block_count && j <= i + PERMALINK_PROSE_DISTANCE; j++) {
    if (page->blocks[j].kind == WN_BLOCK_HEADING) return false;
    if (is_paragraph(&page->blocks[j])) return true;
  }
  return false;
}

/* A line of its own: a paragraph, or a table row of one cell (old layouts
 * set the headline in a cell of the page's table). */
static bool is_line(const wn_block *b) {
  if (b->kind == WN_BLOCK_PARAGRAPH) return true;
  return b->kind == WN_BLOCK_TABLE_ROW && !strstr(b->text, " | ");
}

/* What parts a title: a dash, a bar, a colon, a middle dot, a guillemet,
 * after a space and whatever follows it ("Day --maudlin", "NewsHour: Name --
 * Date"). Looser than title.c's separators, which cut a site's name off the
 * printed title and so take only the spaced forms. */
static const char *const TITLE_PARTERS[] = {"-", "|", ":", "\xc2\xb7", "\xe2\x80\x93",
                                            "\xe2\x80\x94", "\xc2\xbb", "\xc2\xab"};
enum { TITLE_PARTER_COUNT = sizeof TITLE_PARTERS / sizeof *TITLE_PARTERS };

/* The length of the parter at s (n bytes), or 0. */
static size_t parter_at(const char *s, size_t n) {
  for (int k = 0; k < TITLE_PARTER_COUNT; k++) {
    size_t len = strlen(TITLE_PARTERS[k]);
    if (len <= n && memcmp(s, TITLE_PARTERS[k], len) == 0) return len;
  }
  return 0;
}

/* The length of the part of s that ends at a parter set apart by spaces
 * (" - ", " | ") or at a colon ("Headline: ..."), or of all of s. */
static size_t part_length(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t k = parter_at(s + i, n - i);
    if (!k) continue;
    bool spaced = i > 0 && s[i - 1] == ' ' && (i + k == n || s[i + k] == ' ');
    if (spaced || (s[i] == ':' && (i + 1 == n || s[i + 1] == ' '))) return i;
  }
  return n;
}

/* The longest part of s (n bytes), its parters and spaces left out. */
static size_t longest_part(const char *s, size_t n) {
  size_t longest = 0;
  while (n > 0) {
    while (n > 0 && (*s == ' ' || parter_at(s, n))) {
      size_t k = *s == ' ' ? 1 : parter_at(s, n);
      s += k;
      n -= k;
    }
    size_t len = part_length(s, n), trimmed = len;
    while (trimmed > 0 && s[trimmed - 1] == ' ') trimmed--;
    if (trimmed > longest) longest = trimmed;
    s += len;
    n -= len;
  }
  return longest;
}

/* Whether a parter and a space come before `at` ("Site - |Headline"). */
static bool parted_before(const char *title, const char *at) {
  if (at == title || at[-1] != ' ') return false; /* "well-known" is one word */
  while (at > title && at[-1] == ' ') at--;
  for (int k = 0; k < TITLE_PARTER_COUNT; k++) {
    size_t len = strlen(TITLE_PARTERS[k]);
    if ((size_t)(at - title) >= len && memcmp(at - len, TITLE_PARTERS[k], len) == 0) return true;
  }
  return false;
}

/* Whether a space and a parter, or a colon, come at `at` ("Headline| - Site"). */
static bool parted_after(const char *at) {
  if (*at == ':') return true;
  if (*at != ' ') return false;
  while (*at == ' ') at++;
  return parter_at(at, strlen(at)) > 0;
}

/* Whether the line is a whole part of the title, the site's name or its
 * section beside it ("Site - Headline", "Headline | Site", "Site -
 * Headline - Section"); `longest` asks that it be the longest part (a
 * site's name is the shorter one). */
static bool is_title_part(const wn_block *b, const char *title, bool longest) {
  if (!b->text_len) return false;
  for (const char *at = strstr(title, b->text); at; at = strstr(at + 1, b->text)) {
    const char *end = at + b->text_len;
    bool before = parted_before(title, at), after = parted_after(end);
    if (!(before || at == title) || !(after || !*end) || !(before || after)) continue;
    return !longest || (longest_part(title, (size_t)(at - title)) < b->text_len &&
                        longest_part(end, strlen(end)) < b->text_len);
  }
  return false;
}

/* A line of a few words is a headline when it is the longest part of the
 * title and no heading is another part of it: a title's parts are the
 * headline and the site's or section's name, and a heading that is one
 * of them is the headline ("Headline - Magazine 52/2018" over an <h1>
 * "Headline" and a box about the magazine). */
static bool short_headline_line(const wn_page *page, const wn_block *b, const char *title) {
  if (b->words < ARTICLE_HEADLINE_SHORT_WORDS || !is_title_part(b, title, true)) return false;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *h = &page->blocks[i];
    if (h->kind == WN_BLOCK_HEADING && h->heading_level <= HEADLINE_MAX_LEVEL && !repeats(h, b) &&
        is_title_part(h, title, false))
      return false;
  }
  return true;
}

/* A line set as a headline without a heading tag: the first line that is
 * most of the page's title and a sentence long, and that prose follows if
 * one does (a page may print its title twice, over its menus and over its
 * story). */
static int line_naming(const wn_page *page, const char *title) {
  if (!title || !*title || !within_title_limit(title)) return -1;
  double title_bytes = (double)strlen(title);
  int first = -1;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!is_line(b) || links_of(b) >= TEASER_LINK_SHARE) continue;
    bool short_line = b->words < ARTICLE_HEADLINE_WORDS && b->cjk_chars < ARTICLE_HEADLINE_CJK;
    if (short_line && !short_headline_line(page, b, title)) continue;
    if (!short_line && (double)b->text_len < HEADLINE_LINE_SHARE * title_bytes) continue;
    /* A paragraph that mentions the site's name is no headline. */
    if ((double)b->text_len > HEADLINE_LINE_MAX_RATIO * title_bytes) continue;
    if (!names_page(b, title, NULL)) continue;
    if (prose_follows(page, i)) return (int)i;
    if (first < 0) first = (int)i;
  }
  return first;
}

/* ... by the og:title, else by the <title> (an og:title may carry markup
 * or the site's name alone). */
static int line_naming_page(const wn_page *page) {
  int line = line_naming(page, page->og_title);
  return line >= 0 ? line : line_naming(page, page->html_title);
}

/* ---- the page's address names it ---------------------------------------- */

enum { SLUG_MAX_WORDS = 24, SLUG_WORD_BYTES = 32 };

typedef struct slug {
  char words[SLUG_MAX_WORDS][SLUG_WORD_BYTES];
  size_t count;
} slug;

/* Splits ASCII text into lowercase words of letters and digits. */
static size_t ascii_words(const char *s, size_t len, char words[][SLUG_WORD_BYTES], size_t max) {
  size_t n = 0, k = 0;
  for (size_t i = 0; i <= len && n < max; i++) {
    char c = i < len ? s[i] : ' ';
    if ((unsigned char)c >= 0x80) return 0; /* not a slug's language */
    if (isalnum((unsigned char)c)) {
      if (k + 1 < SLUG_WORD_BYTES) words[n][k++] = (char)tolower((unsigned char)c);
    } else if (k) {
      words[n++][k] = '\0';
      k = 0;
    }
  }
  return n;
}

/* The words of the last segment of the page's address ("/2012/10/29/
 * roundup-best-hurricane-gear/" -> roundup best hurricane gear), a
 * trailing number (WordPress's "-2") and ".html" or ".php" dropped. */
static bool slug_of(const wn_page *page, slug *out) {
  const char *url = page->canonical ? page->canonical : page->og_url;
  out->count = 0;
  if (!url) return false;
  const char *end = url + strlen(url);
  while (end > url && (end[-1] == '/')) end--;
  const char *start = end;
  while (start > url && start[-1] != '/') start--;
  const char *dot = memchr(start, '.', (size_t)(end - start));
  if (dot && (strncmp(dot, ".htm", 4) == 0 || strncmp(dot, ".php", 4) == 0)) end = dot;
  /* A slug is lowercase words joined by hyphens ("papa-says"); an id and a
   * name ("1.Best_Books_Ever") name a list or a record as well. */
  bool hyphen = false;
  for (const char *p = start; p < end; p++) {
    if (*p == '-') hyphen = true;
    else if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p)) return false;
  }
  if (!hyphen) return false;
  out->count = ascii_words(start, (size_t)(end - start), out->words, SLUG_MAX_WORDS);
  while (out->count > 0 && isdigit((unsigned char)out->words[out->count - 1][0])) out->count--;
  return out->count >= SLUG_MIN_WORDS;
}

/* Whether the heading's words are the slug's, nearly all of them (a slug
 * may keep a word the heading lacks, or drop an article). */
static bool names_slug(const wn_block *b, const slug *sl) {
  char words[SLUG_MAX_WORDS][SLUG_WORD_BYTES];
  size_t n = ascii_words(b->text, b->text_len, words, SLUG_MAX_WORDS), found = 0;
  if (n < SLUG_MIN_WORDS) return false;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < sl->count; j++)
      if (strcmp(words[i], sl->words[j]) == 0) {
        found++;
        break;
      }
  return found * SLUG_SHARE_DEN >= n * SLUG_SHARE_NUM &&
         found * SLUG_SHARE_DEN >= sl->count * SLUG_SHARE_NUM;
}

/* The first heading that the page's address names, when no heading names
 * its title (a title written for search engines, a site's name as <h1>). */
static int heading_naming_slug(const wn_page *page) {
  slug sl;
  if (!slug_of(page, &sl)) return -1;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->kind != WN_BLOCK_HEADING || b->heading_level > HEADLINE_MAX_LEVEL) continue;
    if (page->elements[b->owner].inherited & WN_EL_COMMENTS) continue;
    if (names_slug(b, &sl) && prose_follows(page, i)) return (int)i;
  }
  return -1;
}

/* An <h1> that names the page; else the page's only <h1>, unless it is too
 * short to be a headline (a section's or the site's name); else a lesser
 * heading that names it (several <h1>s that do not are the site's menus). */
static int headline_among(const wn_page *page, const page_titles *titles) {
  int h1 = -1, h1_count = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    if (page->blocks[i].kind != WN_BLOCK_HEADING || page->blocks[i].heading_level != 1) continue;
    if (h1 < 0) h1 = (int)i;
    h1_count++;
  }
  int named = heading_naming_page(page, titles, 1, false, NULL);
  if (named >= 0) return named;
  /* A lesser heading within the only <h1>'s words is the site's name again. */
  char site_letters[TITLE_MAX_BYTES + 1];
  const char *site = NULL;
  if (h1_count == 1 && page->blocks[h1].text_len <= TITLE_MAX_BYTES) {
    letters_of(page->blocks[h1].text, page->blocks[h1].text_len, site_letters);
    site = site_letters;
  }
  int lesser = -1;
  for (int level = 2; level <= HEADLINE_MAX_LEVEL && lesser < 0; level++)
    lesser = heading_naming_page(page, titles, level, false, site);
  static const uint32_t FRAME = WN_EL_NAV | WN_EL_FOOTER | WN_EL_ASIDE;
  if (h1_count == 1 && length_of(&page->blocks[h1]) >= HEADLINE_MIN_LENGTH) {
    /* A sidebar's "Graphic designer" names a title that ends with the
     * site's name ("Post | Name, graphic designer"): look on. */
    if (lesser >= 0 && (page->elements[page->blocks[lesser].owner].inherited & FRAME)) lesser = -1;
    /* The post's title may be its permalink, over the post's text (a
     * linked title over a count or another title is a list's entry). */
    for (int level = 2; level <= HEADLINE_MAX_LEVEL && lesser < 0; level++)
      lesser = heading_naming_page(page, titles, level, true, site);
    if (lesser >= 0 && links_of(&page->blocks[lesser]) >= TEASER_LINK_SHARE &&
        !prose_follows(page, (size_t)lesser))
      lesser = -1;
    /* A blog sets its name as the only <h1> and the post's title under it:
     * the lesser heading names more of the title ("Blog: Post"), or the
     * <h1> none of it; the site's name in a menu, footer or sidebar is
     * no post's title. */
    if (lesser < 0 || (page->elements[page->blocks[lesser].owner].inherited & FRAME)) return h1;
    if (heading_naming_page(page, titles, 1, true, NULL) != h1) return lesser;
    /* A linked <h1> (the logo's link home) over an unlinked heading that
     * names the page as well: the latter is the post's own title. */
    if (links_of(&page->blocks[h1]) >= TEASER_LINK_SHARE &&
        links_of(&page->blocks[lesser]) < TEASER_LINK_SHARE)
      return lesser;
    return length_of(&page->blocks[lesser]) > length_of(&page->blocks[h1]) ? lesser : h1;
  }
  if (lesser >= 0) return lesser;
  int line = line_naming_page(page);
  if (line >= 0) return line;
  /* Last, a heading that names the page through a link (blog themes set
   * a post's title as its permalink). */
  for (int level = 1; level <= HEADLINE_MAX_LEVEL; level++)
    if ((named = heading_naming_page(page, titles, level, true, NULL)) >= 0) return named;
  return heading_naming_slug(page);
}

/* The headline's block, or -1; *named tells whether it names the page. */
static int find_headline(const wn_page *page, bool *named) {
  page_titles titles;
  page_titles_make(page, &titles);
  int headline = headline_among(page, &titles);
  *named = false;
  for (int k = 0; k < 2 && headline >= 0; k++)
    *named = *named || names_page(&page->blocks[headline], titles.text[k], titles.letters[k]);
  page_titles_free(&titles);
  return headline;
}

/* ---- the prose under it -------------------------------------------------- */

/* The alphabets a headline may be written in whose letters a story in it
 * keeps using; Latin is left out, as other scripts' stories quote Latin
 * names and words. */
typedef enum headline_script {
  SCRIPT_OTHER, SCRIPT_CJK, SCRIPT_CYRILLIC, SCRIPT_GREEK, SCRIPT_ARABIC, SCRIPT_HEBREW
} headline_script;

static headline_script script_of(utf8proc_int32_t cp) {
  if (cp >= 0x0400 && cp <= 0x052F) return SCRIPT_CYRILLIC;
  if ((cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x1F00 && cp <= 0x1FFF)) return SCRIPT_GREEK;
  if (cp >= 0x0600 && cp <= 0x06FF) return SCRIPT_ARABIC;
  if (cp >= 0x0590 && cp <= 0x05FF) return SCRIPT_HEBREW;
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
      (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF))
    return SCRIPT_CJK;
  return SCRIPT_OTHER;
}

/* The script most of the text's letters are in, when it is one of those;
 * else SCRIPT_OTHER. */
static headline_script main_script(const char *s, size_t len) {
  size_t counts[SCRIPT_HEBREW + 1] = {0}, letters = 0;
  for (size_t at = 0; at < len;) {
    utf8proc_int32_t cp = next_code_point(s, len, &at);
    if (cp < 0) continue;
    utf8proc_category_t c = utf8proc_category(cp);
    if (c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_LO) continue;
    letters++;
    counts[script_of(cp)]++;
  }
  for (int k = SCRIPT_CJK; k <= SCRIPT_HEBREW; k++)
    if (2 * counts[k] > letters) return (headline_script)k;
  return SCRIPT_OTHER;
}

/* Whether the text holds a letter of the script. */
static bool holds_script(const char *s, size_t len, headline_script script) {
  for (size_t at = 0; at < len;) {
    utf8proc_int32_t cp = next_code_point(s, len, &at);
    if (cp >= 0 && script_of(cp) == script) return true;
  }
  return false;
}

/* Whether the block is written without a letter of the script its headline
 * is written in (Han, Kana, Hangul, Cyrillic, Greek, Arabic, Hebrew): not
 * the story's text (a teaser's blurb in another language), though a quote
 * may stand in the story, so it counts as a gap, not a close. */
static bool in_other_script(const wn_article_anchor *anchor, const wn_block *b) {
  return anchor->script != SCRIPT_OTHER && !holds_script(b->text, b->text_len, anchor->script);
}

/* Readers' comments start: a paragraph of a comment, not a "Comment" button
 * nor a customers' rating beside a product, nor the article's date in a box
 * that also links to its comments ("comments_datetime"): a comment's date
 * stands over its text, which is what starts the comments. */
static bool is_comment(const wn_page *page, const wn_block *headline, const wn_block *b) {
  uint32_t flags = page->elements[b->owner].inherited;
  if (!(flags & WN_EL_COMMENTS) || (flags & WN_EL_REVIEWS)) return false;
  if (page->elements[headline->owner].inherited & WN_EL_COMMENTS) return false;
  return b->kind == WN_BLOCK_PARAGRAPH && length_of(b) >= PARAGRAPH_MIN_LENGTH &&
         links_of(b) <= PARAGRAPH_MAX_LINKS && !is_stamp(b);
}

/* Quotation marks, opening or closing, of the languages' conventions. */
static const char *const QUOTES[] = {"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x9e",
                                     "\xe2\x80\x98", "\xe2\x80\x99", "\xc2\xab", "\xc2\xbb",
                                     "\xe2\x80\xb9", "\xe2\x80\xba", "\xe3\x80\x8c", "\xe3\x80\x8d",
                                     "\xe3\x80\x8e", "\xe3\x80\x8f"};

/* Whether a quotation mark (perhaps after a space) starts at `s`. */
static bool quote_at(const char *s) {
  if (*s == ' ') s++;
  for (size_t k = 0; k < sizeof QUOTES / sizeof QUOTES[0]; k++)
    if (strncmp(s, QUOTES[k], strlen(QUOTES[k])) == 0) return true;
  return false;
}

/* Whether a quotation mark (and perhaps a space) ends just before `at`. */
static bool quote_before(const char *text, const char *at) {
  if (at > text && at[-1] == ' ') at--;
  for (size_t k = 0; k < sizeof QUOTES / sizeof QUOTES[0]; k++) {
    size_t n = strlen(QUOTES[k]);
    if ((size_t)(at - text) >= n && memcmp(at - n, QUOTES[k], n) == 0) return true;
  }
  return false;
}

/* Whether the text before `at` is a count and two words ("26 comments
 * to ", "12 Kommentare zu "): a count of something said about what
 * follows, not a listicle's "10 Best" over it. */
static bool counted_before(const char *text, const char *at) {
  const char *p = text;
  if (!(*p >= '0' && *p <= '9')) return false;
  while (*p >= '0' && *p <= '9') p++;
  int words = 0;
  for (; p < at; p++)
    if (*p == ' ' && p + 1 < at && p[1] != ' ') words++;
  return words == COUNT_TITLE_WORDS && at > text && at[-1] == ' ';
}

/* A heading that counts something of the story, quoting its headline
 * whole ("8 responses to “Headline”", "12 Kommentare zu „Headline“"): the
 * title blog engines give their comments in any language. */
static bool counts_on_headline(const wn_block *headline, const wn_block *b) {
  if (headline->words < ARTICLE_HEADLINE_SHORT_WORDS || b->text_len <= headline->text_len) return false;
  if (!wn_block_holds_digit(b)) return false;
  const char *at = strstr(b->text, headline->text);
  if (!at) return false;
  if (quote_before(b->text, at) && quote_at(at + headline->text_len)) return true;
  return counted_before(b->text, at) && at + headline->text_len == b->text + b->text_len;
}

/* A heading the lexicon reads as the title of a comment section, one that
 * counts the story's comments, or one that heads an element named for
 * comments. */
static bool titles_comments(const wn_page *page, const wn_block *headline, const wn_block *b) {
  if (b->kind != WN_BLOCK_HEADING) return false;
  if (wn_lex_titles_comments(b->lexicon)) return true;
  if (counts_on_headline(headline, b)) return true;
  return (page->elements[b->owner].inherited & WN_EL_COMMENTS) &&
         !(page->elements[headline->owner].inherited & WN_EL_COMMENTS);
}

/* A title of comments that counts them ("57 Comments", "Σχόλια (2)", "8
 * responses to “Headline”"): the discussion of the story above. */
static bool counts_comments(const wn_block *headline, const wn_block *b) {
  return counts_on_headline(headline, b) || wn_block_counts_comments(b);
}

/* Whether readers' comments open at block `i`: a heading that titles
 * them, or a line that titles and counts them. */
static bool opens_comments(const wn_page *page, const wn_block *headline, size_t i) {
  const wn_block *b = &page->blocks[i];
  return titles_comments(page, headline, b) || (labels_comments(b) && wn_block_counts_comments(b));
}

/* Under a menu or a footer the headline is not under: the page's frame. */
static bool in_page_chrome(const wn_page *page, const wn_block *headline, const wn_block *b) {
  static const uint32_t FRAME = WN_EL_NAV | WN_EL_FOOTER;
  uint32_t flags = page->elements[b->owner].inherited & FRAME;
  return flags & ~page->elements[headline->owner].inherited;
}

/* Above the article's first paragraph, a box of related links sits beside
 * its start, and a linked "Comments" heading is a jump to them or their
 * count: neither is the article's end, which comes after its text. */
static bool beside_lead(const wn_page *page, const wn_block *headline, const wn_block *b,
                        int paragraphs) {
  if (paragraphs > 0 || !b->lexicon || in_page_chrome(page, headline, b)) return false;
  return strcmp(b->lexicon->concept, "related") == 0 || links_of(b) >= TEASER_LINK_SHARE;
}

/* A linked line that names the comments ("9 Comments" in a story's tab
 * bar) is a jump to them or their count, wherever it stands: the comments
 * start under a title of their own. */
static bool jumps_to_comments(const wn_block *b) {
  return b->kind != WN_BLOCK_HEADING && b->lexicon && strcmp(b->lexicon->concept, "comments") == 0 &&
         links_of(b) >= TEASER_LINK_SHARE;
}

/* One past the last block of the element holding block `i`, looking no
 * further than `limit`; 0 when the element holds a paragraph. */
static size_t paragraph_free_end(const wn_page *page, int element, size_t i, size_t limit) {
  for (; i < page->block_count && i < limit; i++) {
    const wn_block *b = &page->blocks[i];
    if (!wn_inside(page, b->owner, element)) return i;
    if (is_paragraph(b)) return 0;
  }
  return 0;
}

/* Whether a heading of the element lies among blocks [from, end). */
static bool holds_heading(const wn_page *page, int element, size_t from, size_t end) {
  for (size_t j = from; j < end; j++)
    if (page->blocks[j].kind == WN_BLOCK_HEADING && wn_inside(page, page->blocks[j].owner, element))
      return true;
  return false;
}

/* Above the first paragraph, linked lines in a box of their own (related
 * links, tags, a source under a heading of the box's own) that a long
 * paragraph follows: the box stands beside the article's start, a
 * section's front page has no such paragraph after its lists. Returns one
 * past the box's last block, or 0. */
static size_t lead_box_end(const wn_page *page, const wn_block *headline, size_t i) {
  const wn_block *b = &page->blocks[i];
  if (links_of(b) < TEASER_LINK_SHARE || in_page_chrome(page, headline, b)) return 0;
  size_t limit = i + LEAD_BOX_MAX_BLOCKS, end = 0;
  int box = -1, levels = 0;
  for (int e = b->owner; e >= 0 && levels < LEAD_BOX_MAX_LEVELS && !wn_inside(page, headline->owner, e);
       e = page->elements[e].parent, levels++) {
    size_t span = paragraph_free_end(page, e, i, limit);
    if (!span) break;
    end = span;
    box = e;
  }
  size_t after_headline = (size_t)(headline - page->blocks) + 1;
  size_t from = i > after_headline + LEAD_BOX_MAX_BLOCKS ? i - LEAD_BOX_MAX_BLOCKS : after_headline;
  if (box < 0 || !holds_heading(page, box, from, end)) return 0;
  for (size_t j = end; end && j < page->block_count && j < end + LEAD_BOX_BODY_DISTANCE; j++) {
    const wn_block *next = &page->blocks[j];
    if (links_of(next) >= TEASER_LINK_SHARE && next->words > 0) return 0;
    if (is_paragraph(next)) return length_of(next) >= LEAD_BOX_BODY_LENGTH ? end : 0;
  }
  return 0;
}

/* Above the first paragraph, a sidebar the headline is not in (a box of
 * related links and notes floated beside the story's start): no part of
 * the story, and no list that would end it. */
static bool beside_the_start(const wn_page *page, const wn_block *headline, const wn_block *b) {
  return (page->elements[b->owner].inherited & WN_EL_ASIDE) &&
         !(page->elements[headline->owner].inherited & WN_EL_ASIDE);
}

/* Whether the block ends the article that runs from the headline, which
 * has `paragraphs` paragraphs so far. */
static bool ends_article(const wn_page *page, const wn_block *headline, const wn_block *b,
                         int paragraphs) {
  /* A date over the story's first paragraph is its dateline, whatever
   * heading the template sets it in (Blogger's date header). */
  if (paragraphs == 0 && is_stamp(b)) return false;
  /* Another <h1> heads another text; an <h2> headline's sections are <h2>s. */
  if (b->kind == WN_BLOCK_HEADING && b->heading_level < headline->heading_level) return true;
  if (b->kind == WN_BLOCK_HEADING && b->heading_level == 1) return true;
  if (beside_lead(page, headline, b, paragraphs)) return false;
  if (jumps_to_comments(b)) return false;
  /* Under a story told, a form readers write in (not a dialog's: "write to
   * the author") holds the comment form's notices, not more of the story. */
  uint32_t within = page->elements[b->owner].inherited;
  if (paragraphs >= STORY_TOLD_PARAGRAPHS && (within & WN_EL_WRITING_FORM) &&
      !(within & WN_EL_DIALOG) &&
      !(page->elements[headline->owner].inherited & WN_EL_WRITING_FORM))
    return true;
  if (is_section_chrome(b)) return true;
  return titles_comments(page, headline, b) || is_comment(page, headline, b);
}

/* Whether the block lies in the <article> element around the story's text
 * so far: the page's markup says what belongs to it (an FAQ under it). */
static bool in_storys_article(const wn_page *page, int body, const wn_block *b) {
  for (int e = body; e >= 0; e = page->elements[e].parent)
    if (page->elements[e].flags & WN_EL_ARTICLE) return wn_inside(page, b->owner, e);
  return false;
}

/* Whether a short line next to the headline holds a full date
 * ("Monday, November 12, 2012, by Matthew Kang", "12.11.2012 14:05"). */
static bool headline_dated(const wn_page *page, int headline) {
  size_t from = headline > DATELINE_DISTANCE ? (size_t)(headline - DATELINE_DISTANCE) : 0;
  size_t to = (size_t)headline + DATELINE_DISTANCE;
  for (size_t i = from; i <= to && i < page->block_count; i++)
    if ((int)i != headline && page->blocks[i].words <= DATELINE_MAX_WORDS &&
        holds_date(&page->blocks[i]))
      return true;
  return false;
}

/* A headline over paragraphs of its own, before
 * any comment: a post and the discussion of it, as a blog or news page
 * lays them out (a forum's opening post is typed as one, or sits in the
 * thread's own template with the replies). */
static bool reads_as_post(const wn_article_anchor *anchor) {
  if (anchor->prose >= POST_ONE_PARAGRAPH) return true;
  return anchor->paragraphs >= POST_MIN_PARAGRAPHS && anchor->prose >= POST_MIN_PROSE;
}

static void anchor_reset(const wn_page *page, wn_article_anchor *anchor) {
  anchor->headline = -1;
  anchor->body = -1;
  anchor->prose = 0;
  anchor->paragraphs = 0;
  anchor->end = page->block_count;
  anchor->told = page->block_count;
  anchor->headed_tail = page->block_count;
  anchor->comments = page->block_count;
  anchor->closed = true;
  anchor->commented = false;
  anchor->counted = false;
  anchor->carded = false;
  anchor->script = SCRIPT_OTHER;
  anchor->post = false;
  anchor->sentence = false;
  anchor->dated = false;
  anchor->named = false;
  anchor->cards = -1;
}

/* The toolbar between a headline and its story's first paragraph: this
 * many of its linked lines are remembered, ... */
enum { TOOLBAR_LINES = 16 };
/* ...each of at most this many words ("Print", "E-mail", "Report Error"). */
static const size_t TOOLBAR_LINE_WORDS = 4;

/* What the walk down from the headline has seen since the last paragraph. */
typedef struct gap_state {
  wn_hash_index headings; /* the page's headings, for a table of contents */
  uint64_t toolbar[TOOLBAR_LINES]; /* linked lines over the first paragraph */
  size_t toolbar_lines;
  int blocks;           /* blocks since the last paragraph */
  int teasers;          /* linked headlines among them */
  size_t headed;        /* the first heading past the last paragraph, or 0 */
  long linked;          /* the last linked heading, or -1 */
  double links;         /* link text among them (weighted) */
} gap_state;

/* Whether prose at block `b` belongs to another text than the story: past
 * a heading, outside a dated story's box once the story is told in it (a
 * landing page's sections, undated, each sit in a box of their own), and
 * outside the <article> element around it. */
static bool headed_elsewhere(const wn_page *page, const wn_article_anchor *anchor,
                             const gap_state *gap, const wn_block *b) {
  return anchor->dated && anchor->paragraphs >= STORY_TOLD_PARAGRAPHS && gap->headed &&
         !wn_inside(page, b->owner, anchor->body) && !in_storys_article(page, anchor->body, b);
}

static void take_paragraph(const wn_page *page, wn_article_anchor *anchor, gap_state *gap,
                           const wn_block *b) {
  anchor->told = (size_t)(b - page->blocks) + 1;
  anchor->body = anchor->body < 0 ? b->owner : common_ancestor(page, anchor->body, b->owner);
  anchor->prose += length_of(b);
  anchor->paragraphs++;
  gap->headed = 0;
  gap->blocks = gap->teasers = 0;
  gap->links = 0;
}

/* Whether block `b` lies past the story's text and outside the box that
 * holds its headline and that text. */
static bool outside_story(const wn_page *page, const wn_article_anchor *anchor,
                          const wn_block *headline, const wn_block *b) {
  if (anchor->paragraphs == 0 || anchor->body < 0) return false;
  int story = common_ancestor(page, headline->owner, anchor->body);
  return story >= 0 && !wn_inside(page, b->owner, story);
}

typedef enum gap_verdict { GAP_GOES_ON, GAP_CLOSES, GAP_TEASERS, GAP_TOO_LONG } gap_verdict;

/* A line of a toolbar or of a list of tags: a few words, all linked. */
static bool is_toolbar_line(const wn_block *b) {
  return b->kind != WN_BLOCK_HEADING && b->words > 0 && b->words <= TOOLBAR_LINE_WORDS &&
         links_of(b) >= TEASER_LINK_SHARE;
}

/* An item of a list of tags or share buttons set one link per item under
 * a headline set as a heading ("Story Topics: Courts | Guatemala"); under
 * a line taken for a headline, such lists are the menus of a page with no
 * article. */
static bool tag_item(const wn_block *headline, const wn_block *b) {
  return headline->kind == WN_BLOCK_HEADING && b->kind == WN_BLOCK_LIST_ITEM && is_toolbar_line(b);
}

/* Counts block `i`, no paragraph of the article, into the gap, and says
 * whether the gap now ends the article (a list of teasers, a menu after
 * the story) or is too long to tell (a menu or more of the article). */
static gap_verdict count_gap(const wn_page *page, const wn_article_anchor *anchor, gap_state *gap,
                             const wn_block *headline, size_t i, bool card_blurb) {
  const wn_block *b = &page->blocks[i];
  /* The lexicon's lines under a headline (share buttons, tags, "Related
   * links") are the article's furniture, not a menu before other text. */
  bool under_headline = anchor->paragraphs == 0 && !in_page_chrome(page, headline, b);
  /* So are its rows of tags and reaction buttons, which no section's
   * front page has between its title and its list. */
  if (under_headline && (is_link_row(b) || tag_item(headline, b))) return GAP_GOES_ON;
  if (!under_headline || !b->lexicon) gap->blocks++;
  gap->links += length_of(b) * links_of(b);
  if (b->kind == WN_BLOCK_HEADING && !gap->headed && anchor->paragraphs > 0) gap->headed = i;
  bool teaser = is_linked_headline(b) && !is_credit(b) &&
                (b->kind == WN_BLOCK_HEADING || !heading_set_has(&gap->headings, b));
  /* Past a dated story's text, outside the box of its headline and text, a
   * shorter linked title line is a card's title too. (The box is sought
   * only for a linked line: it costs a walk up the tree.) */
  bool short_title = anchor->dated && is_title_link(b) && !is_credit(b);
  bool outside = (teaser || short_title) && outside_story(page, anchor, headline, b);
  if (teaser || (outside && short_title)) {
    gap->teasers++;
    /* A blurb may follow a linked heading, or a title line outside the
     * story's box (inside it, a link and its description are a list's
     * entry: a guide to resources, a post of bookmarks). */
    if (b->kind == WN_BLOCK_HEADING || outside) gap->linked = (long)i;
  }
  if (card_blurb) gap->teasers++; /* its title was too short to count */
  /* Linked headlines right under the headline: a section's front page;
   * between paragraphs: a list of teasers. */
  if (gap->teasers >= TEASER_LIST_HEADLINES) return GAP_TEASERS;
  /* A long gap may be a menu or more of the article: not a close; but
   * links enough for a menu after two of the article's paragraphs end it,
   * or after one long enough to tell a story (after a lead, the box may be
   * an intro's links over a list). */
  bool told = anchor->paragraphs >= STORY_TOLD_PARAGRAPHS || anchor->prose >= POST_ONE_PARAGRAPH;
  if (told && gap->links > BODY_GAP_LINK_CHARS) return GAP_CLOSES;
  if ((anchor->paragraphs == 0 && gap->blocks > LEAD_GAP_BLOCKS) || gap->blocks > BODY_GAP_BLOCKS ||
      gap->links > BODY_GAP_LINK_CHARS)
    return GAP_TOO_LONG;
  return GAP_GOES_ON;
}

static bool in_toolbar(const gap_state *gap, const wn_block *b) {
  if (!is_toolbar_line(b)) return false;
  uint64_t h = text_hash(b->text, b->text_len);
  for (size_t k = 0; k < gap->toolbar_lines; k++)
    if (gap->toolbar[k] == h) return true;
  return false;
}

/* Linked lines over the story's first paragraph are remembered; under a
 * told story, two of them again in a row are the toolbar that closes it
 * (the "Print | E-mail" row set above and below a story). */
static bool repeats_toolbar(const wn_page *page, const wn_article_anchor *anchor, gap_state *gap,
                            size_t i) {
  const wn_block *b = &page->blocks[i];
  if (anchor->paragraphs == 0) {
    if (is_toolbar_line(b) && gap->toolbar_lines < TOOLBAR_LINES)
      gap->toolbar[gap->toolbar_lines++] = text_hash(b->text, b->text_len);
    return false;
  }
  return anchor->paragraphs >= STORY_TOLD_PARAGRAPHS && i + 1 < page->block_count &&
         in_toolbar(gap, b) && in_toolbar(gap, &page->blocks[i + 1]);
}

/* Walks down from the headline to what ends the article; returns the
 * block where the walk stopped, and the first heading past the last
 * paragraph in *headed (0 when none). */
static size_t walk_article(const wn_page *page, wn_article_anchor *anchor, size_t *headed) {
  const wn_block *h = &page->blocks[anchor->headline];
  gap_state gap = {.blocks = 0, .teasers = 0, .headed = 0, .linked = -1, .links = 0,
                   .toolbar_lines = 0};
  heading_set_build(page, &gap.headings);
  size_t i = (size_t)anchor->headline + 1;
  for (; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (repeats(h, b)) continue; /* the headline again, in another layout */
    if (ends_article(page, h, b, anchor->paragraphs)) {
      /* A page that titles its comments, or says it is an article, is that
       * article and a discussion of it; else the replies may be the page's
       * content, as on a forum. */
      /* (A comments label under a story told in paragraphs: under a lead
       * alone, what follows may be the page's content, as on a news site
       * whose readers' posts are its text.) */
      bool told = anchor->paragraphs >= STORY_TOLD_PARAGRAPHS;
      anchor->commented = titles_comments(page, h, b) || (told && labels_comments(b)) ||
                          (is_comment(page, h, b) && (page->says_article || reads_as_post(anchor)));
      break;
    }
    if (repeats_toolbar(page, anchor, &gap, i)) break;
    size_t box_end = anchor->paragraphs == 0 ? lead_box_end(page, h, i) : 0;
    if (box_end) {
      i = box_end - 1;
      continue;
    }
    if (anchor->paragraphs == 0 && beside_the_start(page, h, b)) continue;
    bool prose = (is_paragraph(b) || is_prose_item(b)) && !in_other_script(anchor, b);
    bool card_blurb = prose && (is_card_blurb(page, anchor->body, i) ||
                                unlinked_card_blurb_noted(page, anchor, i));
    bool card_title = prose && !card_blurb && is_unlinked_card_title(page, anchor, i);
    /* A card of a title and its byline, no blurb: a teaser of its own. */
    bool signed_card = b->kind == WN_BLOCK_PARAGRAPH && !card_blurb && !card_title &&
                       signed_card_title(page, anchor, i);
    if (prose && !card_blurb && !card_title && !signed_card && !is_blurb(page, gap.linked, i)) {
      if (headed_elsewhere(page, anchor, &gap, b)) break;
      take_paragraph(page, anchor, &gap, b);
      continue;
    }
    gap_verdict verdict = count_gap(page, anchor, &gap, h, i, card_blurb || signed_card);
    if (verdict == GAP_TOO_LONG) anchor->closed = false;
    anchor->carded = verdict == GAP_TEASERS;
    if (verdict != GAP_GOES_ON) break;
  }
  wn_hash_index_free(&gap.headings);
  *headed = gap.headed;
  return i;
}

/* The prose that makes the headline an article's. */
static double least_prose(const wn_article_anchor *anchor) {
  return anchor->sentence && (anchor->dated || anchor->named) ? BRIEF_MIN_PROSE : ARTICLE_MIN_PROSE;
}

bool wn_find_article_anchor(const wn_page *page, wn_article_anchor *anchor) {
  anchor_reset(page, anchor);
  if (page->says_forum_thread || page->says_product) return false;
  int headline = find_headline(page, &anchor->named);
  if (headline < 0) return false;
  anchor->headline = headline;
  const wn_block *h = &page->blocks[headline];
  anchor->sentence = h->words >= ARTICLE_HEADLINE_WORDS || h->cjk_chars >= ARTICLE_HEADLINE_CJK ||
                     (h->words >= ARTICLE_HEADLINE_SHORT_WORDS &&
                      length_of(h) >= ARTICLE_HEADLINE_SHORT_LENGTH);
  anchor->dated = headline_dated(page, headline);
  anchor->script = main_script(h->text, h->text_len);
  size_t headed;
  size_t i = walk_article(page, anchor, &headed);
  anchor->end = i;
  anchor->headed_tail = headed ? headed : i;
  /* Readers' comments end whatever may continue the article. */
  anchor->comments = i;
  while (anchor->comments < page->block_count && !opens_comments(page, h, anchor->comments))
    anchor->comments++;
  anchor->counted = anchor->comments < page->block_count &&
                    counts_comments(h, &page->blocks[anchor->comments]);
  anchor->post = reads_as_post(anchor) && !(page->elements[h->owner].inherited & WN_EL_COMMENTS);
  return anchor->body >= 0 && anchor->prose >= least_prose(anchor);
}

/* The first and one past the last block inside the element. */
static void block_span(const wn_page *page, int element, size_t *first, size_t *end) {
  *first = page->block_count;
  *end = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    if (!wn_inside(page, page->blocks[i].owner, element)) continue;
    if (*first == page->block_count) *first = i;
    *end = i + 1;
  }
}

/* Whether the block claims the site's rights ("\xc2\xa9 NHL 2012. All Rights
 * Reserved.", "Copyright ..."): past the story's close, the page's legal
 * footer, however long its trademark list runs. */
static bool claims_copyright(const wn_block *b) {
  return strstr(b->text, "\xc2\xa9") || strstr(b->text, "Copyright") ||
         strstr(b->text, "copyright");
}

/* Prose inside the element past the article's close, up to the readers'
 * comments, that is neither a teaser's blurb nor a comment. */
static double prose_past_close(const wn_page *page, const wn_article_anchor *anchor, int element) {
  double total = 0;
  int since_headline = BLURB_DISTANCE + 1;
  for (size_t i = anchor->end; i < anchor->comments; i++) {
    const wn_block *b = &page->blocks[i];
    if (links_of(b) >= TEASER_LINK_SHARE && b->words > 0) {
      since_headline = 0;
      continue;
    }
    since_headline++;
    /* A line of a few words that ends no sentence is a title or a label. */
    if (!is_paragraph(b) || is_title_line(b)) continue;
    if (in_other_script(anchor, b)) continue;
    if (since_headline <= BLURB_DISTANCE && length_of(b) <= BLURB_MAX_LENGTH) continue;
    if (is_card_blurb(page, anchor->body, i) || in_cards(page, anchor, i) ||
        is_unlinked_card_blurb(page, anchor, i))
      continue;
    if (page->elements[b->owner].inherited & WN_EL_COMMENTS) continue;
    if (claims_copyright(b)) continue;
    if (wn_inside(page, b->owner, element)) total += length_of(b);
  }
  return total;
}

/* Whether the element's text past the close is no more of the article. */
static bool nothing_continues(const wn_page *page, const wn_article_anchor *anchor, int element) {
  if (!anchor->closed) return false;
  if (anchor->commented) return true;
  /* A category's name over an intro may head its cards; a story told in
   * paragraphs that cards close is no intro, nor a post whose title of a
   * few words the page's title names and a date heads ("Please advise"
   * under "Wednesday, 7 November 2012"). */
  if (!anchor->sentence && !(anchor->carded && story_told(anchor)) &&
      !(anchor->named && anchor->dated))
    return false;
  return prose_past_close(page, anchor, element) < CONTINUATION_SHARE * anchor->prose;
}

/* The whole page is no article's element: past a close, the prose it adds
 * is the page's other texts, unless it goes on beside the article's body,
 * in the element around it or the one around that (the story resumed after
 * an inline box, or in a second box under a lead's). The element around
 * the body, with lists and tables beside the paragraphs, is the article's. */
static bool page_wide_region_ends(const wn_page *page, const wn_article_anchor *anchor, int region) {
  GumboTag tag = page->elements[region].tag;
  if (tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML) return false;
  /* A lone paragraph may be a lead in a box of its own, the story below. */
  if (anchor->paragraphs < PAGE_WIDE_MIN_PARAGRAPHS) return false;
  int around = page->elements[anchor->body].parent;
  if (around < 0 || around == region) return false;
  int wider = page->elements[around].parent;
  if (wider >= 0 && wider != region && !nothing_continues(page, anchor, wider)) return false;
  return nothing_continues(page, anchor, around);
}

/* Whether the paragraph at `i`, above the headline, is a teaser's blurb:
 * a card's, or a short one right under a linked headline (`since` blocks
 * above it). */
static bool teaser_blurb_above(const wn_page *page, const wn_article_anchor *anchor, size_t i,
                               int since) {
  if (since <= BLURB_DISTANCE && length_of(&page->blocks[i]) <= BLURB_MAX_LENGTH) return true;
  return is_card_blurb(page, anchor->body, i) || is_unlinked_card_blurb(page, anchor, i);
}

/* What the element holds above the headline: text that is not link text,
 * the part of it in paragraphs of the story's, and teasers' blurbs. */
typedef struct text_above {
  double text, prose;
  int blurbs;
} text_above;

static text_above measure_above(const wn_page *page, const wn_article_anchor *anchor, int element) {
  text_above above = {0, 0, 0};
  int since_headline = BLURB_DISTANCE + 1;
  for (size_t i = 0; i < (size_t)anchor->headline; i++) {
    const wn_block *b = &page->blocks[i];
    since_headline = is_linked_headline(b) ? 0 : since_headline + 1;
    if (!wn_inside(page, b->owner, element)) continue;
    above.text += length_of(b) * (1.0 - links_of(b));
    if (!is_paragraph(b)) continue;
    /* A teaser's blurb in a column of cards is no prose of the article's. */
    if (teaser_blurb_above(page, anchor, i, since_headline)) above.blurbs++;
    else above.prose += length_of(b);
  }
  return above;
}

/* Whether what stands above the headline is much text but little prose:
 * a column of the page beside the article (score tables, polls, lists of
 * briefs), not its lead (a kicker, a deck, a picture). */
static bool is_column(const wn_article_anchor *anchor, const text_above *above) {
  double share = CONTINUATION_SHARE * anchor->prose;
  return above->text >= share && above->prose < share;
}

static bool column_above(const wn_page *page, const wn_article_anchor *anchor, int element) {
  text_above above = measure_above(page, anchor, element);
  return is_column(anchor, &above);
}

/* Narrowed from a region that holds such a column to the widest element
 * under it that holds the headline, its body and no such column: what
 * follows the body in that element may still continue the article. */
static int article_under_headline(const wn_page *page, const wn_article_anchor *anchor,
                                  int region, size_t first) {
  if (first >= (size_t)anchor->headline || !anchor->sentence) return region;
  text_above above = measure_above(page, anchor, region);
  /* An undated story's column is one of teaser cards. */
  if (!anchor->dated && above.blurbs < TEASER_LIST_HEADLINES) return region;
  /* Teasers' blurbs and no prose above: a column of cards, however short
   * beside the story. */
  bool cards = above.blurbs >= TEASER_LIST_HEADLINES && above.prose == 0;
  if (!cards && !is_column(anchor, &above)) return region;
  int article = common_ancestor(page, page->blocks[anchor->headline].owner, anchor->body);
  if (article < 0 || article == region || !wn_inside(page, article, region)) return region;
  if (column_above(page, anchor, article)) return region;
  for (int up = page->elements[article].parent; up >= 0 && up != region;
       up = page->elements[up].parent) {
    if (column_above(page, anchor, up)) break;
    article = up;
  }
  return article;
}

/* Whether the page's footer lies between the article's close and block
 * `first`: text past the footer (a login panel, a dialog's messages) is no
 * continuation of the article, however much of it there is. */
static bool footer_between(const wn_page *page, const wn_article_anchor *anchor, size_t first) {
  if (!anchor->closed) return false;
  for (size_t i = anchor->end; i < first && i < page->block_count; i++)
    if (page->elements[page->blocks[i].owner].inherited & WN_EL_FOOTER) return true;
  return false;
}

/* The <article> element (or role="article", or microdata's articleBody)
 * that holds the headline and its story, else the <main> (or role="main")
 * that does, or -1. */
static int article_element(const wn_page *page, const wn_article_anchor *anchor) {
  int e = common_ancestor(page, page->blocks[anchor->headline].owner, anchor->body), main = -1;
  for (; e >= 0; e = page->elements[e].parent) {
    GumboTag tag = page->elements[e].tag;
    if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML) return main;
    if (page->elements[e].flags & WN_EL_ARTICLE) return e;
    if (main < 0 && (page->elements[e].flags & WN_EL_MAIN)) main = e;
  }
  return main;
}

/* The article element that holds the story and the block that closed
 * it, or -1: the page says where its article ends. */
static int closing_article(const wn_page *page, const wn_article_anchor *anchor) {
  if (!anchor->closed || anchor->end >= page->block_count) return -1;
  int article = article_element(page, anchor);
  if (article < 0) return -1;
  /* A <main> holds the story told: the close may be the sidebar's first list. */
  if (!(page->elements[article].flags & WN_EL_ARTICLE)) return article;
  return wn_inside(page, page->blocks[anchor->end].owner, article) ? article : -1;
}

/* Whether `region` lies past a story closed inside the article element
 * that holds it, and outside that element: the page says where its
 * article ends, and what follows (readers' comments, other stories) is no
 * more of it, however much prose it holds. An article element closed
 * by nothing of its own may hold only the headline and a lead. */
static bool past_its_article(const wn_page *page, const wn_article_anchor *anchor, int region,
                             size_t first) {
  if (first < anchor->end) return false;
  int article = closing_article(page, anchor);
  return article >= 0 && !wn_inside(page, region, article) && !wn_inside(page, article, region);
}

/* Whether menus and lists of headlines stand between the story's close
 * and block `first`: more blocks and more link text than a gap inside a
 * story holds (a sidebar's and a related list's columns). What lies past
 * them is the page's other texts, however much prose it holds. */
static bool menus_between(const wn_page *page, const wn_article_anchor *anchor, size_t first) {
  if (!anchor->closed || first < anchor->end + (size_t)BODY_GAP_BLOCKS) return false;
  double links = 0;
  for (size_t i = anchor->end; i < first; i++) {
    const wn_block *b = &page->blocks[i];
    if (is_paragraph(b) && !is_title_line(b)) return false;
    links += links_of(b) * length_of(b);
  }
  return links > BODY_GAP_LINK_CHARS;
}

int wn_anchored_region(const wn_page *page, const wn_article_anchor *anchor, int region) {
  if (anchor->body < 0 || region < 0) return region;
  if (wn_inside(page, region, anchor->body)) return region;
  size_t first, end;
  block_span(page, region, &first, &end);
  size_t headline = (size_t)anchor->headline;
  if (wn_inside(page, anchor->body, region)) {
    int article = article_under_headline(page, anchor, region, first);
    if (article != region) {
      region = article;
      block_span(page, region, &first, &end);
    }
    /* Wider than the body: narrowed when what it adds lies past the close,
     * or in sections headed past the last paragraph. */
    if (end <= anchor->headed_tail) return region;
    if (nothing_continues(page, anchor, region)) return anchor->body;
    /* Past the article element the story closed in, more prose is the
     * page's other texts (readers' replies under names that say nothing). */
    int closed_in = closing_article(page, anchor);
    if (closed_in >= 0 && closed_in != region && wn_inside(page, closed_in, region)) return closed_in;
    return page_wide_region_ends(page, anchor, region) ? page->elements[anchor->body].parent : region;
  }
  /* Elsewhere: replaced when it is no part of the article's run (it may
   * begin with the teasers whose list closed the article). */
  bool after = (first >= anchor->end || (anchor->closed && first >= anchor->told)) &&
               (nothing_continues(page, anchor, region) || footer_between(page, anchor, first) ||
                past_its_article(page, anchor, region, first) ||
                menus_between(page, anchor, first));
  if (end <= headline || after) return anchor->body;
  return region;
}
