/*
 * Final checks over what is kept, run after the language stage has dropped
 * foreign chrome: teasers beside an article, headings whose section kept
 * nothing, pages left with too little text to be content, and pages
 * whose text only their stated articleBody holds.
 */
#include <string.h>

#include "classify_passes.h"
#include "classify_tuning.h"

/*
 * Inside an article, a headline that links elsewhere with a short blurb
 * under it is a teaser for another page ("more on this", a promoted
 * story); the article's own headings do not link away. On a listing the
 * teasers are the content.
 */
/* A teaser card ends with the element that holds its headline: the link
 * and the single-child wrappers around a headline are not the card. -1
 * when there is none. */
static int teaser_card(const wn_page *page, const wn_block *h) {
  int card = page->elements[h->owner].parent;
  for (int climbed = 0; card >= 0 && climbed < SECTION_MAX_WRAPPERS; climbed++) {
    const wn_element *e = &page->elements[card];
    if (e->tag != GUMBO_TAG_A && e->children != 1) break;
    card = e->parent;
  }
  return card;
}

static size_t teaser_end(const wn_page *page, size_t heading, double *blurb) {
  const wn_block *h = &page->blocks[heading];
  size_t end = heading + 1;
  *blurb = 0;
  int card = teaser_card(page, h);
  for (; end < page->block_count; end++) {
    const wn_block *next = &page->blocks[end];
    if (next->kind == WN_BLOCK_HEADING && next->heading_level <= h->heading_level) break;
    if (card >= 0 && !wn_inside(page, next->owner, card)) break;
    if (!next->keep) continue;
    /* A linked name over a list or a long text is an entry of a round-up. */
    if (wn_structured_item(next)) *blurb += TEASER_MAX_BLURB + 1;
    *blurb += wn_block_length(next);
  }
  return end;
}

/* The first block of a teaser's card. Beside an article, a kicker or two
 * above the headline ("Study of the job market 2022") belong to it when the
 * card opens with them; a shop's card names its brand there, which is the
 * product's own. */
static size_t teaser_start(const wn_page *page, size_t heading) {
  int card = teaser_card(page, &page->blocks[heading]);
  if (card < 0 || !page->says_article) return heading;
  size_t start = heading;
  while (start > 0 && wn_inside(page, page->blocks[start - 1].owner, card)) {
    const wn_block *above = &page->blocks[start - 1];
    if (heading - start >= TEASER_KICKERS || above->kind == WN_BLOCK_HEADING ||
        wn_block_length(above) > LABEL_LENGTH)
      return heading;
    start--;
  }
  return start;
}

static bool is_teaser_heading(const wn_block *h) {
  return h->keep && h->kind == WN_BLOCK_HEADING && h->heading_level != 1 &&
         wn_link_density(h) >= TEASER_LINK_SHARE;
}

/* Teasers are dropped only beside an article of the page's own: on a page
 * that is mostly teasers they are what the page offers. */
void wn_pass_teasers(wn_page *page, wn_pass_state *state) {
  (void)state;
  if (page->listing) return;
  double kept = 0, teasers = 0;
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].keep) kept += wn_block_length(&page->blocks[i]);
  for (size_t i = 0; i < page->block_count; i++) {
    double blurb;
    if (!is_teaser_heading(&page->blocks[i])) continue;
    size_t end = teaser_end(page, i, &blurb);
    if (blurb > TEASER_MAX_BLURB) continue;
    teasers += blurb + wn_block_length(&page->blocks[i]);
    i = end - 1;
  }
  if (teasers == 0 || teasers > TEASER_MAX_SHARE * kept) return;
  for (size_t i = 0; i < page->block_count; i++) {
    double blurb;
    if (!is_teaser_heading(&page->blocks[i])) continue;
    size_t end = teaser_end(page, i, &blurb);
    if (blurb > TEASER_MAX_BLURB) continue;
    for (size_t j = teaser_start(page, i); j < end; j++) {
      if (!page->blocks[j].keep) continue;
      wn_decide(&page->blocks[j], WN_DROP_TEASER, WN_PASS_TEASERS);
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

static bool ends_with_colon(const wn_block *b) {
  return b->text_len > 0 && b->text[b->text_len - 1] == ':';
}

/* Words that open with a letter (any non-ASCII byte counts as one): a
 * count, a price or a phone number has none. */
static size_t lettered_words(const wn_block *b) {
  size_t n = 0;
  for (size_t i = 0; i < b->text_len; i++) {
    unsigned char c = (unsigned char)b->text[i];
    bool starts = i == 0 || b->text[i - 1] == ' ' || b->text[i - 1] == '\n';
    if (starts && (c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u)) n++;
  }
  return n;
}

/* A line that can only introduce what follows it: a heading below the
 * title, a short line with a word in it (not a count) that ends in a colon
 * or is no sentence. */
static bool lead_in(const wn_page *page, const wn_block *b) {
  if (b->kind == WN_BLOCK_HEADING) return b->heading_level > 1;
  if (b->kind != WN_BLOCK_PARAGRAPH || lettered_words(b) < 1 || b->words > LEAD_IN_MAX_WORDS)
    return false;
  if (page->elements[b->owner].flags & WN_EL_FIGURE) return false;
  return ends_with_colon(b) || !has_sentence_stop(b);
}

/* Dropped blocks after `from`, up to the next kept one: the length of
 * those that are mostly links, and where the run stopped. */
static double dropped_links(const wn_page *page, size_t from, size_t *stop) {
  double links = 0;
  size_t j = from;
  for (; j < page->block_count && !page->blocks[j].keep; j++)
    if (wn_link_density(&page->blocks[j]) >= LINK_DENSE) links += wn_block_length(&page->blocks[j]);
  *stop = j;
  return links;
}

/*
 * A lead-in ("Read also", "More from our shop", "You may also like:") over
 * links that were all dropped (teasers, a product strip) introduces nothing
 * once they are gone. It belongs to them when it ends in a colon, when it
 * stands between dropped blocks, or when the text kept after them is
 * outside the element it shares with the first of them; a heading over its
 * own section shares that element with the section's text.
 */
static bool introduces_only_links(const wn_page *page, size_t i) {
  const wn_block *b = &page->blocks[i];
  if (!b->keep || page->listing || i + 1 >= page->block_count) return false;
  const wn_block *first = &page->blocks[i + 1];
  if (first->keep || !lead_in(page, b) || sentence_heading(b)) return false;
  /* A line right under a kept heading is that heading's text (a card's
   * facts, a teaser's blurb), not a lead-in of its own. */
  const wn_block *above = i > 0 ? &page->blocks[i - 1] : NULL;
  if (b->kind != WN_BLOCK_HEADING && above && above->keep && above->kind == WN_BLOCK_HEADING)
    return false;
  if (first->kind == WN_BLOCK_HEADING &&
      (b->kind != WN_BLOCK_HEADING || first->heading_level <= b->heading_level))
    return false;
  size_t stop;
  double least = wn_block_length(b) > LEAD_IN_MIN_LINKS ? wn_block_length(b) : LEAD_IN_MIN_LINKS;
  if (dropped_links(page, i + 1, &stop) < least) return false;
  bool stray = b->kind == WN_BLOCK_PARAGRAPH && i > 0 && !page->blocks[i - 1].keep;
  if (ends_with_colon(b) || stray) return true;
  int box = wn_common_ancestor(page, b->owner, first->owner);
  return box >= 0 &&
         (stop == page->block_count || !wn_inside(page, page->blocks[stop].owner, box));
}

/*
 * A heading whose section kept nothing introduces nothing, unless it is a
 * sentence itself; an article's last heading is a call to read on ("Learn
 * how to ...: read the rest of the guide.") when nothing is kept after it.
 */
void wn_pass_orphan_headings(wn_page *page, wn_pass_state *state) {
  (void)state;
  size_t text_end = end_of_kept_text(page);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *h = &page->blocks[i];
    if (!h->keep || h->kind != WN_BLOCK_HEADING) continue;
    /* On a listing (not an article's page) a linked heading is an entry on
     * its own, whatever its card's other lines were judged. */
    if (page->listing && !page->says_article && wn_link_density(h) > LINK_DENSE) continue;
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
    if (!has_content) wn_decide(h, WN_DROP_EMPTY, WN_PASS_ORPHAN_HEADINGS);
  }
  for (size_t i = 0; i < page->block_count; i++)
    if (introduces_only_links(page, i)) wn_decide(&page->blocks[i], WN_DROP_EMPTY, WN_PASS_ORPHAN_HEADINGS);
}

/* Text in a card of a grid (a product's name and price), however short. */
static bool card_text(const wn_page *page, const wn_block *b) {
  int levels = 0;
  for (int e = b->owner; e >= 0 && levels < CARD_TEXT_DEPTH; e = page->elements[e].parent, levels++)
    if (page->elements[e].flags & WN_EL_FIGURE) return wn_in_card_grid(page, e);
  return false;
}

/* A short post: all that is kept is the page's headline and a few lines
 * right under it, one of them a line of words (a photo post's caption, a
 * one-line announcement), and a date beside the headline or its titled
 * comments say it was published (an error page's "Not Found" over a
 * sentence has neither). */
static bool short_post(const wn_page *page) {
  int h = page->post_headline;
  if (h < 0 || !page->blocks[h].keep || page->blocks[h].kind != WN_BLOCK_HEADING) return false;
  bool told = false;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!b->keep) continue;
    if (i < (size_t)h || i > (size_t)h + SHORT_POST_LINES) return false;
    if (b->kind != WN_BLOCK_HEADING && b->words >= SHORT_POST_WORDS) told = true;
  }
  return told;
}

/* A page whose kept text, counting only what can stand alone, is too short
 * has no main content: an error page, a login form, a menu; unless it is
 * a short post. */
void wn_pass_too_little(wn_page *page, wn_pass_state *state) {
  (void)state;
  double kept = 0;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->keep && (page->listing || wn_reads_as_prose(b) || wn_structured_item(b) ||
                    card_text(page, b) || page->elements[b->owner].in_price_grid))
      kept += wn_block_length(b);
  }
  if (kept >= MIN_CONTENT || short_post(page)) return;
  for (size_t i = 0; i < page->block_count; i++) {
    if (!page->blocks[i].keep) continue;
    wn_decide(&page->blocks[i], WN_DROP_SHORT, WN_PASS_TOO_LITTLE);
  }
}

/* The element a stated body's paragraphs are given to: the <body>. */
static int body_element(const wn_page *page) {
  for (size_t e = 0; e < page->element_count; e++)
    if (page->elements[e].tag == GUMBO_TAG_BODY) return (int)e;
  return 0;
}

/* Characters of the text, spaces aside. */
static size_t visible_chars(const char *text) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++)
    if (*p > ' ' && (*p & 0xC0) != 0x80) n++;
  return n;
}

/*
 * A page rendered by script holds its article in the JSON-LD articleBody
 * alone; its markup has a shell ("Enable JavaScript"). When what was kept
 * holds under a quarter of the stated body's text, the stated body is the
 * page's text: a paragraph per line.
 */
void wn_pass_stated_body(wn_page *page, wn_pass_state *state) {
  (void)state;
  if (!page->stated_body || !page->element_count) return;
  size_t stated = visible_chars(page->stated_body);
  if (stated < STATED_BODY_MIN_CHARS) return;
  double kept = 0;
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].keep && page->blocks[i].kind != WN_BLOCK_HEADING) kept += (double)page->blocks[i].chars;
  if (kept >= STATED_BODY_SHARE * (double)stated) return;
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].keep && page->blocks[i].kind != WN_BLOCK_HEADING)
      wn_decide(&page->blocks[i], WN_DROP_UNSTATED, WN_PASS_STATED_BODY);
  int owner = body_element(page);
  size_t first = page->block_count;
  for (const char *line = page->stated_body; *line;) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    wn_page_append_paragraph(page, owner, line, len);
    line += len + (end != NULL);
  }
  for (size_t i = first; i < page->block_count; i++)
    wn_decide(&page->blocks[i], WN_KEEP_CONTENT, WN_PASS_STATED_BODY);
}
