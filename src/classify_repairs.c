/*
 * Repairs after judging: blocks the judge's rules get wrong in a known
 * shape are decided again. Kept: a slideshow's captions, the byline and
 * standfirst between headline and body, prose that runs on from kept text,
 * a list a kept sentence announces, a shop's grid of priced cards. Dropped:
 * kickers above the headline, date and count lines under it, repeats and
 * pull quotes, a subscribe or follow pitch closing the article.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "classify_passes.h"
#include "classify_tuning.h"


/*
 * A slideshow tells its story in captions under headings of their own
 * ("1. A witch's cape", a picture, what you need): when such captions hold
 * several times the text the region keeps besides them, they are the
 * content, not notes on pictures that go with a story. A photo carousel in
 * a short story strings dozens of captions under one title.
 */
void wn_pass_gallery_captions(wn_page *page, wn_pass_state *state) {
  (void)state;
  int region = page->region;
  double captions = 0, kept = 0;
  size_t caption_blocks = 0, headings = 0;
  const wn_block *heading = NULL;
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (!wn_inside(page, b->owner, region)) continue;
    if (b->reason == WN_DROP_CAPTION) {
      captions += wn_block_length(b);
      caption_blocks++;
    } else if (b->keep && b->kind == WN_BLOCK_HEADING) {
      /* The carousel's one title, repeated over every slide, counts once. */
      if (!heading || heading->text_len != b->text_len ||
          memcmp(heading->text, b->text, b->text_len) != 0)
        headings++;
      heading = b;
    } else if (b->keep) {
      kept += wn_block_length(b);
    }
  }
  if (captions < GALLERY_MIN_CAPTION_TEXT || captions < GALLERY_CAPTION_RATIO * kept ||
      caption_blocks > GALLERY_CAPTIONS_PER_HEADING * headings)
    return;
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->reason != WN_DROP_CAPTION || !wn_inside(page, b->owner, region)) continue;
    wn_decide(b, b->kind == WN_BLOCK_HEADING ? WN_KEEP_HEADING : WN_KEEP_CONTENT,
              WN_PASS_GALLERY_CAPTIONS);
  }
}

/* The headline over the body: the article's (the heading or line that
 * names the page; a paragraph that names the site in a sentence is no
 * headline) when it is near enough, else the nearest <h1> just above;
 * `body` when there is none. */
static size_t headline_above(const wn_page *page, const wn_pass_state *state, size_t body) {
  int named = state->anchor.headline;
  if (named >= 0 && (size_t)named < body && body - (size_t)named <= ANCHORED_CONTEXT_BLOCKS &&
      (page->blocks[named].kind == WN_BLOCK_HEADING ||
       wn_block_length(&page->blocks[named]) < LONG_PROSE))
    return (size_t)named;
  for (size_t i = body; i-- > 0 && body - i <= HEADLINE_CONTEXT_BLOCKS;)
    if (page->blocks[i].heading_level == 1) return i;
  return body;
}

/* The outermost element between the headline and `scope` named or tagged
 * as a header or as boilerplate, or -1: holding the article's headline, it
 * is the article's header, whatever its name. */
static int headline_box(const wn_page *page, int headline_owner, int scope) {
  int box = -1;
  for (int e = headline_owner; e >= 0 && e != scope; e = page->elements[e].parent)
    if (page->elements[e].flags & (WN_EL_HEADER | WN_EL_NEGATIVE_NAME)) box = e;
  return box;
}

/* Under a short heading that is no article's headline (a blog's name in
 * its <h1>), a lesser heading of a sentence further down, on another
 * subject than the first, titles the post: what lies above it is the site's header (its
 * tagline, "A blog on ..."), not the post's standfirst. Returns that
 * heading, or `first` when there is none. */
static size_t post_title(const wn_page *page, size_t headline, size_t first, size_t body) {
  const wn_block *site = &page->blocks[headline];
  if (site->kind != WN_BLOCK_HEADING || site->words >= POST_TITLE_WORDS) return first;
  for (size_t i = body; i-- > first;) {
    const wn_block *b = &page->blocks[i];
    if (b->kind != WN_BLOCK_HEADING) continue;
    if (b->heading_level <= site->heading_level || b->words < POST_TITLE_WORDS ||
        strstr(b->text, site->text))
      return first;
    return i;
  }
  return first;
}

/*
 * The region that scores best often starts below the headline: the byline,
 * date, standfirst and lead image caption between the headline and the body
 * sit in a header of their own. Those few blocks are judged against the
 * element that holds both the headline and the body.
 */
void wn_pass_headline_context(wn_page *page, wn_pass_state *state) {
  int region = page->region;
  size_t body = page->block_count;
  for (size_t i = 0; i < page->block_count; i++)
    if (wn_inside(page, page->blocks[i].owner, region)) {
      body = i;
      break;
    }
  size_t headline = headline_above(page, state, body);
  if (headline == body) return;
  int scope = wn_common_ancestor(page, page->blocks[headline].owner, region);
  /* A headline set as a plain line is the title, printed apart from the
   * text; a heading that repeats the title is dropped when it is chosen. */
  const wn_block *h = &page->blocks[headline];
  bool site = wn_links_home_only(page, h);
  size_t first = h->kind == WN_BLOCK_HEADING && !site ? headline : headline + 1;
  /* Far above the body, under a headline set as a line or under the
   * site's name, only a standfirst or a heading: tabs, labels, print
   * buttons and the site's tagline sit there. */
  bool near = h->kind == WN_BLOCK_HEADING && !site && body - headline <= HEADLINE_CONTEXT_BLOCKS;
  /* Only the headline of an article's page, a sentence long, makes its box
   * the article's header: a site's name in an <h1> heads the site's. */
  bool article_headline = state->article && state->anchor.sentence &&
                          (size_t)state->anchor.headline == headline;
  int box = article_headline ? headline_box(page, page->blocks[headline].owner, scope) : -1;
  size_t post = article_headline ? first : post_title(page, headline, first, body);
  for (size_t i = first; i < body; i++) {
    if (i > headline && i < post) continue; /* the site's header */
    wn_block *b = &page->blocks[i];
    if (!near && b->kind != WN_BLOCK_HEADING && wn_block_length(b) < LABEL_LENGTH) continue;
    /* In the article's header, a standfirst or a subtitle; its labels (an
     * author's name and role, a section) are judged as before. */
    bool told = b->kind == WN_BLOCK_HEADING || wn_reads_as_prose(b);
    int within = box >= 0 && told && wn_inside(page, b->owner, box) ? box : scope;
    wn_judge(page, b, within, state->comments_ok, WN_PASS_HEADLINE_CONTEXT);
  }
}

/*
 * Tightening can cut off a paragraph that runs on from the kept text (a
 * closing line the parser put in another element, a lead paragraph in its
 * own wrapper). Prose that touches kept text is judged against the wider
 * region; a notice column behind a run of navigation does not touch it.
 */
void wn_pass_adjacent_prose(wn_page *page, wn_pass_state *state) {
  int outer = state->outer, region = page->region;
  if (outer == region) return;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t k = 1; k < page->block_count; k++) {
      size_t i = pass == 0 ? k : page->block_count - 1 - k;
      size_t neighbour = pass == 0 ? i - 1 : i + 1;
      wn_block *b = &page->blocks[i];
      if (b->keep || !page->blocks[neighbour].keep) continue;
      if (!wn_reads_as_prose(b) && !wn_structured_item(b)) continue;
      if (wn_inside(page, b->owner, region) || !wn_inside(page, b->owner, outer)) continue;
      wn_judge(page, b, outer, state->comments_ok, WN_PASS_ADJACENT_PROSE);
    }
  }
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
void wn_pass_announced_lists(wn_page *page, wn_pass_state *state) {
  (void)state;
  for (size_t i = 1; i < page->block_count; i++) {
    const wn_block *intro = &page->blocks[i - 1];
    if (!intro->keep || intro->kind != WN_BLOCK_PARAGRAPH || !announces(intro) ||
        intro->words < ANNOUNCING_MIN_WORDS)
      continue;
    int list = wn_list_of(page, &page->blocks[i]);
    for (size_t j = i; list >= 0 && j < page->block_count && wn_list_of(page, &page->blocks[j]) == list;
         j++) {
      wn_block *item = &page->blocks[j];
      if (item->reason != WN_DROP_LINK_DENSE) continue;
      wn_decide(item, WN_KEEP_CONTENT, WN_PASS_ANNOUNCED_LISTS);
    }
  }
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
 * sale price beside the old one at most), holding most of its prices:
 * marks them and everything inside them in_price_grid. */
static void mark_price_grids(wn_page *page) {
  size_t n = page->element_count;
  size_t *prices = wn_xcalloc(n, sizeof *prices);
  for (size_t i = 0; i < page->block_count; i++)
    if (price_line(&page->blocks[i])) prices[page->blocks[i].owner] += 1;
  wn_count_up_tree(page, prices);
  size_t *cards = wn_xcalloc(n, sizeof *cards);
  size_t *card_prices = wn_xcalloc(n, sizeof *card_prices);
  for (size_t i = 1; i < n; i++) {
    int parent = page->elements[i].parent;
    if (prices[i] >= 1 && prices[i] <= PRICE_CARD_MAX_PRICES && prices[parent] > prices[i]) {
      cards[parent]++;
      card_prices[parent] += prices[i];
    }
  }
  for (size_t i = 0; i < n; i++) {
    wn_element *e = &page->elements[i];
    if (cards[i] < PRICE_GRID_MIN_CARDS || card_prices[i] < PRICE_GRID_SHARE * prices[i]) continue;
    e->in_price_grid = !(e->inherited & (CHROME_FLAGS | WN_EL_COMMENTS));
  }
  /* Parents come first: mark every element inside a grid. */
  for (size_t i = 1; i < n; i++)
    if (page->elements[page->elements[i].parent].in_price_grid)
      page->elements[i].in_price_grid = true;
  free(prices);
  free(cards);
  free(card_prices);
}

/*
 * A shop's category page is its grid of products: names and prices that
 * the region choice leaves out when the category has a long description.
 * Outside an article, blocks of a grid of priced cards are kept (not its
 * buttons or other lexicon lines, nor what chrome holds).
 */
void wn_pass_price_grids(wn_page *page, wn_pass_state *state) {
  (void)state;
  /* An article's or a listing's cards are teasers, never a shop's grid. */
  if (page->listing || page->says_article) return;
  mark_price_grids(page);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->keep || b->lexicon || wn_machine_text(b)) continue;
    if (b->reason != WN_DROP_OUTSIDE_MAIN && b->reason != WN_DROP_LINK_DENSE) continue;
    if (page->elements[b->owner].inherited & CHROME_FLAGS) continue;
    if (!page->elements[b->owner].in_price_grid) continue;
    wn_decide(b, b->kind == WN_BLOCK_HEADING ? WN_KEEP_HEADING : WN_KEEP_CONTENT,
              WN_PASS_PRICE_GRIDS);
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
  size_t looked = 0;
  for (size_t j = i; j-- > 0 && looked < PULL_QUOTE_DISTANCE;) {
    const wn_block *b = &page->blocks[j];
    if (!b->keep) continue;
    looked++;
    if (b->text_len > quote->text_len && strstr(b->text, quote->text)) return true;
  }
  return false;
}

void wn_pass_duplicates(wn_page *page, wn_pass_state *state) {
  (void)state;
  size_t cap = 64;
  while (cap < 2 * page->block_count) cap *= 2;
  const wn_block **seen = wn_xcalloc(cap, sizeof *seen);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    /* Code repeats by nature: every example opens with the same imports. */
    if (!b->keep || b->chars < DUPLICATE_MIN_CHARS || wn_structured_item(b) ||
        b->kind == WN_BLOCK_CODE)
      continue;
    /* Cards of a product grid repeat their material, size or badge. */
    if (page->elements[b->owner].in_price_grid) continue;
    size_t slot = (size_t)text_hash(b->text, b->text_len) & (cap - 1);
    for (; seen[slot]; slot = (slot + 1) & (cap - 1)) {
      if (seen[slot]->text_len == b->text_len && memcmp(seen[slot]->text, b->text, b->text_len) == 0)
        break;
    }
    if (seen[slot] || quotes_earlier_text(page, i)) {
      wn_decide(b, WN_DROP_DUPLICATE, WN_PASS_DUPLICATES);
    } else {
      seen[slot] = b;
    }
  }
  free(seen);
}

/* Share of a short line's words that hold a digit: a date, a time, a
 * count ("24. März 2004, 19:49", "21 minutes - 4312 words"). */
static double numeric_share(const wn_block *b) {
  size_t words = 0, numeric = 0;
  bool in_word = false, digit = false, letter_or_digit = false;
  for (size_t i = 0; i <= b->text_len; i++) {
    char c = i < b->text_len ? b->text[i] : ' ';
    if (c == ' ' || c == '\n') {
      if (in_word && letter_or_digit) {
        words++;
        if (digit) numeric++;
      }
      in_word = digit = letter_or_digit = false;
      continue;
    }
    in_word = true;
    if (c >= '0' && c <= '9') digit = true;
    if (isalnum((unsigned char)c) || (unsigned char)c >= 0x80) letter_or_digit = true;
  }
  return words ? (double)numeric / (double)words : 0.0;
}

/* Under an article's headline, before the text starts, a short line made
 * mostly of numbers is its date, time or reading time: page metadata. */
static void drop_dateline_numbers(wn_page *page, size_t h1) {
  /* A product's price and number are its facts. */
  if (!page->says_article || page->says_product) return;
  for (size_t i = h1 + 1; i < page->block_count && i <= h1 + HEADLINE_CONTEXT_BLOCKS; i++) {
    wn_block *b = &page->blocks[i];
    if (!b->keep) continue;
    if (b->kind == WN_BLOCK_HEADING || wn_block_length(b) >= LABEL_LENGTH) return;
    if (b->words <= METADATA_MAX_WORDS && numeric_share(b) >= METADATA_NUMERIC_SHARE &&
        !price_line(b))
      wn_decide(b, WN_DROP_LABEL, WN_PASS_KICKERS);
  }
}

/*
 * Above an article's headline sit kickers, section labels and breadcrumbs:
 * short label-like blocks before the region's first h1 go; so do the lines
 * of dates and counts right under it.
 */
void wn_pass_kickers(wn_page *page, wn_pass_state *state) {
  (void)state;
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
    if (!b->keep || wn_reads_as_prose(b)) continue;
    wn_decide(b, WN_DROP_LABEL, WN_PASS_KICKERS);
  }
  drop_dateline_numbers(page, h1);
}

/* The opening sentence's words when it ends in a question or exclamation
 * mark ("Lust auf mehr?", "¿Ya sabías que ...?"), else 0: a box that turns
 * to the reader opens so in every language. */
static size_t opening_appeal_words(const wn_block *b) {
  size_t words = 1;
  for (size_t i = 0; i < b->text_len; i++) {
    char c = b->text[i];
    /* "Ignite! a consultancy": a name's mark, not a sentence's end. */
    bool at_end = i + 1 == b->text_len ||
                  (b->text[i + 1] == ' ' && !islower((unsigned char)b->text[i + 2]));
    if (c == ' ') words++;
    if ((c == '.' || c == ':' || c == ';') && at_end) return 0;
    if ((c == '?' || c == '!') && at_end) return words;
  }
  return 0;
}

static bool is_pitch_box(const wn_block *b) {
  if (!b->keep || b->kind != WN_BLOCK_PARAGRAPH || b->links == 0) return false;
  if (wn_block_length(b) > PITCH_MAX_CHARS) return false;
  size_t words = opening_appeal_words(b);
  return words > 0 && words <= PITCH_OPENING_WORDS && words < b->words;
}

/* One past the last kept block that is not a heading; 0 when there is none. */
static size_t kept_text_end(const wn_page *page) {
  for (size_t j = page->block_count; j-- > 0;)
    if (page->blocks[j].keep && page->blocks[j].kind != WN_BLOCK_HEADING) return j + 1;
  return 0;
}

/* Kept prose characters in blocks [from, to). */
static double kept_prose(const wn_page *page, size_t from, size_t to) {
  double sum = 0;
  for (size_t i = from; i < to; i++)
    if (page->blocks[i].keep && page->blocks[i].kind != WN_BLOCK_HEADING)
      sum += wn_block_length(&page->blocks[i]);
  return sum;
}

/*
 * A membership, newsletter or channel pitch closes many articles: a short
 * box that opens by asking or hailing the reader ("Gefällt dir unser
 * Magazin?", "¿Ya sabías que tenemos canal de Telegram?") and links to the
 * offer. It comes after the article's prose, with next to nothing kept
 * after it; a question inside the story has the story's text after it.
 */
void wn_pass_pitches(wn_page *page, wn_pass_state *state) {
  /* Only where the page says it is an article: a headline over prose is
   * also a company's blog post, whose closing offer is its content. */
  (void)state;
  if (page->listing || !page->says_article) return;
  double after = 0;
  size_t end = kept_text_end(page);
  /* Kept prose before the block in hand, kept up as the walk goes back:
   * counting it anew for each of a run of pitches was quadratic. */
  double before = kept_prose(page, 0, end);
  for (size_t i = end; i-- > 0 && after <= PITCH_MAX_AFTER;) {
    wn_block *b = &page->blocks[i];
    if (!b->keep) continue;
    if (b->kind != WN_BLOCK_HEADING) before -= wn_block_length(b);
    if (is_pitch_box(b) && before >= PITCH_ARTICLE_BEFORE)
      wn_decide(b, WN_DROP_PITCH, WN_PASS_PITCHES);
    else if (b->kind != WN_BLOCK_HEADING)
      after += wn_block_length(b);
  }
}
