/*
 * What the phrase lexicons say about blocks: chrome lines and the sections
 * their headings introduce, consent wording and the banners made of it, AI
 * labels, image credits. Sets wn_block.lexicon (and consent_hint); judging
 * reads them later.
 */
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "classify_passes.h"
#include "classify_tuning.h"
#include "normalize.h"

/* ---- concepts -------------------------------------------------------------
 * The lexicon's concepts the code treats apart, each named in one place. */

bool wn_concept_is_comments(const wn_lex_entry *hit) {
  return strcmp(hit->concept, "comments") == 0;
}

bool wn_concept_is_date(const wn_lex_entry *hit) { return strcmp(hit->concept, "date") == 0; }

bool wn_concept_is_credit(const wn_lex_entry *hit) {
  return strcmp(hit->concept, "copyright") == 0 || strcmp(hit->concept, "credit") == 0;
}

bool wn_lex_titles_comments(const wn_lex_entry *hit) {
  return hit && hit->role == WN_LEX_SECTION && wn_concept_is_comments(hit);
}

/* A comments title that counts them ("57 Comments", "5 комментариев"): the
 * lexicon's rows write the count as 0. */
bool wn_lex_counts_comments(const wn_lex_entry *hit) {
  return wn_lex_titles_comments(hit) && strchr(hit->phrase, '0') != NULL;
}

bool wn_concept_is_generated_image(const wn_lex_entry *hit) {
  return strcmp(hit->concept, "generated-image") == 0;
}

/* ---- lexicon marks ------------------------------------------------------- */



/* ---- lexicon phase ----------------------------------------------------- */

static int section_level(const wn_block *b) {
  return b->kind == WN_BLOCK_HEADING ? b->heading_level : 7;
}

/* A "See all" link or a tracking string in a carousel's title bar. */
static bool title_bar_item(const wn_block *b) {
  return wn_machine_text(b) ||
         (wn_link_density(b) > LINK_DENSE && b->words <= TITLE_BAR_LINK_WORDS);
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
  while (first + 1 < page->block_count && first - heading <= TITLE_BAR_MAX_ITEMS &&
         title_bar_item(&page->blocks[first]))
    first++;
  const wn_block *h = &page->blocks[heading], *next = &page->blocks[first];
  const wn_block *previous = heading > 0 ? &page->blocks[heading - 1] : NULL;
  int branch = h->owner, steps = 0, levels = 0;
  for (int e = page->elements[h->owner].parent;
       e >= 0 && levels < SECTION_MAX_CLIMB && steps < SECTION_MAX_WRAPPERS;
       branch = e, e = page->elements[e].parent, steps++) {
    if (wn_inside(page, next->owner, e)) {
      if (steps < SECTION_MAX_CLIMB) return e;
      return previous && wn_inside(page, previous->owner, branch) ? -2 : e;
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
  return b->kind == WN_BLOCK_PARAGRAPH && wn_link_density(b) <= LINK_DENSE &&
         wn_block_length(b) >= LABEL_SECTION_PROSE;
}

/* Blocks after a section heading, up to the next heading of its level or
 * higher, or the end of the container heading and section share. */
static size_t section_end(const wn_page *page, size_t heading, bool prose_ends_label) {
  const wn_block *h = &page->blocks[heading];
  if (heading + 1 >= page->block_count) return heading + 1;
  int container = common_container(page, heading);
  if (container == -2) return heading + 1; /* introduces nothing near it */
  size_t end = heading + 1;
  bool label = prose_ends_label && h->kind != WN_BLOCK_HEADING;
  /* A label's section, which no heading of its level ends, is read this
   * far at most (one box of thousands of labels would be read once per
   * label). */
  size_t limit = h->kind != WN_BLOCK_HEADING ? heading + 1 + LABEL_SECTION_MAX_BLOCKS
                                              : page->block_count;
  for (; end < page->block_count && end < limit; end++) {
    const wn_block *b = &page->blocks[end];
    if (b->kind == WN_BLOCK_HEADING && b->heading_level <= section_level(h)) break;
    if (container >= 0 && !wn_inside(page, b->owner, container)) break;
    if (label && resumes_prose(b)) break;
  }
  return end;
}

size_t wn_section_end(const wn_page *page, size_t heading) { return section_end(page, heading, true); }

size_t wn_section_box_end(const wn_page *page, size_t heading) {
  return section_end(page, heading, false);
}

/* Prose of blocks [from, to); with `unlinked`, only blocks that are not
 * links (teasers' blurbs are links to their stories). */
static double prose_of(const wn_page *page, size_t from, size_t to, bool unlinked) {
  double total = 0;
  for (size_t i = from; i < to; i++) {
    const wn_block *b = &page->blocks[i];
    if (wn_reads_as_prose(b) && (!unlinked || wn_link_density(b) <= LINK_DENSE))
      total += wn_block_length(b);
  }
  return total;
}

static double prose_between(const wn_page *page, size_t from, size_t to) {
  return prose_of(page, from, to, false);
}

/* Whether posts' stamps (who wrote when, to the minute) follow one
 * another among blocks [from, end): a discussion, not an article's
 * section on comments. */
static bool stamped_posts(const wn_page *page, size_t from, size_t end) {
  size_t stamps = 0;
  for (size_t i = from; i < end && stamps < STAMP_MIN_POSTS; i++)
    stamps += wn_is_stamp(&page->blocks[i]);
  return stamps >= STAMP_MIN_POSTS;
}

/* Readers' comments under an article may outgrow it: their section is not
 * capped when the page has an article's worth of prose above the heading
 * and says it is an article, or its posts under the heading carry stamps
 * (a blog's classic template, which says nothing of itself). */
static bool closes_an_article(const wn_page *page, size_t heading, size_t end) {
  const wn_lex_entry *hit = page->blocks[heading].lexicon;
  if (!wn_concept_is_comments(hit) || page->says_forum_thread) return false;
  if (prose_between(page, 0, heading) < ARTICLE_BEFORE_COMMENTS) return false;
  return page->says_article || stamped_posts(page, heading + 1, end);
}

/* The page's prose, and the prose before the block being read (summed as
 * the blocks are read, not again for each section's title). */
typedef struct prose_sums {
  double page, before;
} prose_sums;

/* Related articles past an article's worth of prose outweigh it only by
 * blurbs that are links to their stories: those are teasers, not prose
 * the section shares with the article. */
static bool closes_with_linked_teasers(const wn_page *page, size_t heading, size_t end,
                                       const prose_sums *prose) {
  const wn_lex_entry *hit = page->blocks[heading].lexicon;
  if (strcmp(hit->concept, "related") != 0) return false;
  if (prose->before < ARTICLE_BEFORE_TEASERS) return false;
  return prose_of(page, heading + 1, end, true) <= SECTION_MAX_SHARE * prose->page;
}

/* Under a "Disclaimer" label, the prose is the disclaimer: the label's
 * section runs to the end of its box. */
static bool is_disclaimer(const wn_lex_entry *hit) { return strcmp(hit->concept, "disclaimer") == 0; }

static void mark_section(wn_page *page, size_t heading, const prose_sums *prose) {
  bool disclaimer = is_disclaimer(page->blocks[heading].lexicon);
  /* On a legal page the disclaimer is the text; it closes an article only. */
  if (disclaimer && prose->before < ARTICLE_BEFORE_TEASERS) return;
  size_t end = disclaimer ? wn_section_box_end(page, heading) : wn_section_end(page, heading);
  if (prose_between(page, heading + 1, end) > SECTION_MAX_SHARE * prose->page &&
      !closes_an_article(page, heading, end) &&
      !closes_with_linked_teasers(page, heading, end, prose))
    return;
  for (size_t i = heading + 1; i < end; i++)
    if (!page->blocks[i].lexicon) page->blocks[i].lexicon = page->blocks[heading].lexicon;
}

/* A caption that ends with an image or source credit. */
static const wn_lex_entry IMAGE_CREDIT = {"", "credit", "", WN_LEX_LINE, WN_LEX_EXACT};

/* A row of buttons or labels each set in brackets ("【打印】【关闭】",
 * "[稿源：红网] [编辑：杨洁]"): a toolbar or the page's metadata. */
static const wn_lex_entry BRACKETED_ROW = {"", "share", "", WN_LEX_LINE, WN_LEX_EXACT};

/* The bytes of an opening bracket at `s` (1 for "[", 3 for "【"), else 0;
 * the closing one is matched the same way with `close`. */
static size_t bracket_at(const char *s, size_t left, bool close) {
  if (left >= 1 && s[0] == (close ? ']' : '[')) return 1;
  if (left >= 3 && (unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
      (unsigned char)s[2] == (close ? 0x91 : 0x90))
    return 3;
  return 0;
}

/* Whether the text is two or more bracketed items, each of at most
 * BRACKETED_ITEM_CHARS characters, with only spaces and separators between. */
static bool bracketed_row(const wn_block *b) {
  const char *t = b->text;
  size_t n = b->text_len, at = 0;
  int items = 0;
  while (at < n) {
    unsigned char c = (unsigned char)t[at];
    if (c == ' ' || c == '|' || c == '/' || c == '\n') { at++; continue; }
    if (c == 0xE3 && at + 2 < n && (unsigned char)t[at + 1] == 0x80 && (unsigned char)t[at + 2] == 0x80) {
      at += 3; /* an ideographic space */
      continue;
    }
    size_t open = bracket_at(t + at, n - at, false);
    if (!open) return false;
    at += open;
    size_t chars = 0, close = 0;
    while (at < n && !(close = bracket_at(t + at, n - at, true))) {
      if (((unsigned char)t[at] & 0xC0) != 0x80) chars++;
      at++;
    }
    if (!close || chars > BRACKETED_ITEM_CHARS) return false;
    at += close;
    items++;
  }
  return items >= 2;
}

/* The pictures' alt texts by hash, each to the element holding the
 * picture; false when the page has none. */
static bool alt_index_make(const wn_page *page, wn_hash_index *x) {
  size_t n = 0;
  for (size_t i = 0; i < page->element_count; i++) n += page->elements[i].alt_hash != 0;
  if (!n) return false;
  wn_hash_index_init(x, n);
  for (size_t i = 0; i < page->element_count; i++)
    if (page->elements[i].alt_hash) wn_hash_index_add(x, page->elements[i].alt_hash, (int)i);
  return true;
}

/* Whether prose runs beside the box that holds block `i`: the paragraph
 * just before it or just after it (a grid's cards stand beside cards). */
static bool prose_beside(const wn_page *page, int box, size_t i) {
  size_t first = i, end = i + 1;
  while (first > 0 && wn_inside(page, page->blocks[first - 1].owner, box)) first--;
  while (end < page->block_count && wn_inside(page, page->blocks[end].owner, box)) end++;
  const wn_block *around[2] = {first > 0 ? &page->blocks[first - 1] : NULL,
                               end < page->block_count ? &page->blocks[end] : NULL};
  for (int k = 0; k < 2; k++)
    if (around[k] && around[k]->kind == WN_BLOCK_PARAGRAPH && wn_reads_as_prose(around[k]) &&
        wn_block_length(around[k]) >= ALT_CAPTION_PROSE_BESIDE)
      return true;
  return false;
}

/* Whether the paragraph repeats the alt text of a picture within a few
 * levels of it (the caption under a picture in a box of its own, in
 * running text). */
static bool repeats_alt_text(const wn_page *page, const wn_hash_index *alts, size_t i) {
  const wn_block *b = &page->blocks[i];
  if (b->kind != WN_BLOCK_PARAGRAPH || b->words > ALT_CAPTION_MAX_WORDS || !b->text_len) return false;
  int picture = wn_hash_index_find(alts, wn_text_hash(b->text, b->text_len));
  if (picture < 0) return false;
  int box = wn_common_ancestor(page, b->owner, picture);
  /* A card's name over its price and button is no caption: the box holds
   * the picture, its caption and a label at most. */
  return box >= 0 && page->elements[b->owner].depth - page->elements[box].depth <= ALT_CAPTION_LEVELS &&
         page->elements[box].blocks <= ALT_CAPTION_BOX_BLOCKS && prose_beside(page, box, i);
}

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
  if (hit->match == WN_LEX_PREFIX && !wn_concept_is_generated_image(hit)) return true;
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

/* Whether one cell of a table row is a date line by itself. */
static bool cell_is_date(const wn_block *b) {
  const char *text = b->text, *end = b->text + b->text_len;
  while (text < end) {
    const char *bar = strstr(text, " | ");
    const char *stop = bar && bar < end ? bar : end;
    const wn_lex_entry *hit = wn_lexicon_match(text, (size_t)(stop - text));
    if (hit && hit->role == WN_LEX_LINE && wn_concept_is_date(hit)) return true;
    text = stop == end ? end : stop + 3;
  }
  return false;
}

/* Whether block k is an item of `list`. */
static bool item_of(const wn_page *page, size_t k, int list) {
  return k < page->block_count && page->blocks[k].kind == WN_BLOCK_LIST_ITEM &&
         wn_list_of(page, &page->blocks[k]) == list;
}

/* Whether block i is an item of a list with other items beside it. */
static bool among_items(const wn_page *page, size_t i) {
  if (page->blocks[i].kind != WN_BLOCK_LIST_ITEM) return false;
  int list = wn_list_of(page, &page->blocks[i]);
  return list >= 0 && ((i > 0 && item_of(page, i - 1, list)) || item_of(page, i + 1, list));
}

static void record_hit(wn_page *page, size_t i, const wn_lex_entry *hit, const prose_sums *prose) {
  wn_block *b = &page->blocks[i];
  switch (hit->role) {
  case WN_LEX_LINE:
    /* Each reply of a forum thread carries its date: part of the post. */
    if (page->says_forum_thread && wn_concept_is_date(hit)) break;
    /* A date is written in one cell: a row reading "January | 52" is a
     * table's data (a month and its figure), not a stamp. */
    if (b->kind == WN_BLOCK_TABLE_ROW && wn_concept_is_date(hit) && !cell_is_date(b)) break;
    b->lexicon = hit;
    break;
  case WN_LEX_SECTION:
    b->lexicon = hit;
    /* On a forum thread "Comments" titles the replies, which are the page. */
    if (page->says_forum_thread && wn_concept_is_comments(hit)) break;
    /* A linked label is a tab, a menu entry or a card's badge ("Popular"),
     * not the title of what follows; so is an item of a list of labels
     * ("Article | Comments" tabs over the story). */
    if ((b->kind == WN_BLOCK_HEADING || wn_link_density(b) <= LINK_DENSE) && !among_items(page, i))
      mark_section(page, i, prose);
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

static size_t count_words(const char *text, size_t len) {
  size_t words = 0;
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

/* Text without its leading and trailing line breaks and with no more than
 * one blank line in a row; its new length. */
static size_t squeeze_blank_lines(char *text, size_t len) {
  size_t out = 0;
  for (size_t i = 0; i < len; i++) {
    bool blank_run = text[i] == '\n' && (out == 0 || (out >= 2 && text[out - 1] == '\n' &&
                                                      text[out - 2] == '\n'));
    if (!blank_run) text[out++] = text[i];
  }
  while (out && text[out - 1] == '\n') out--;
  return out;
}

/*
 * A block of <br>-separated lines can carry chrome lines among its text
 * ("Posts: 116" under a forum post's author, "Save 25%" under a price):
 * those lines are cut out; a block made only of them goes whole.
 */
static void cut_chrome_lines(wn_block *b) {
  const wn_lex_entry *first = NULL;
  size_t out = 0, start = 0;
  size_t old_chars = b->chars;
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
  /* A cut line leaves no blank line of its own: a paragraph break stays
   * one, and none is left at the end. */
  out = squeeze_blank_lines(b->text, out);
  if (out == 0) { /* every line was chrome: keep the text, drop the block */
    b->lexicon = first;
    return;
  }
  b->text_len = out;
  b->text[out] = '\0';
  wn_block_measure(b);
  b->link_chars = old_chars ? (size_t)((double)b->link_chars * b->chars / old_chars) : 0;
}

/* A heading run together from a section's title and its count or a
 * second title, a theme's count link beside its form link ("4 Comments
 * Leave a comment", "Comments Add a comment"): the lexicon's title of the
 * section, when the part before it is the lexicon's too. */
static const wn_lex_entry *titled_after_count(const wn_block *b) {
  if (b->kind != WN_BLOCK_HEADING || b->words > TWO_TITLES_MAX_WORDS) return NULL;
  size_t len;
  char *text = wn_normalize_phrase(b->text, b->text_len, &len);
  const wn_lex_entry *found = NULL;
  for (size_t at = 1; at + 1 < len && !found; at++) {
    if (text[at] != ' ') continue;
    const wn_lex_entry *title = wn_lexicon_lookup(text + at + 1, len - at - 1);
    if (!title || title->role != WN_LEX_SECTION) continue;
    const wn_lex_entry *before = wn_lexicon_lookup(text, at);
    bool count = before && before->role == WN_LEX_LINE && strcmp(before->concept, "counts") == 0;
    bool same = before && before->role == WN_LEX_SECTION && strcmp(before->concept, title->concept) == 0;
    if (count || same) found = title;
  }
  free(text);
  return found;
}

bool wn_block_holds_digit(const wn_block *b) {
  for (size_t i = 0; i < b->text_len; i++)
    if (b->text[i] >= '0' && b->text[i] <= '9') return true;
  return false;
}

/* A heading or a line of a comments title and a count ("Σχόλια (2)", "12
 * Kommentare"): the count written beside any language's title of a
 * comment section, as blog engines write it beside theirs ("Comments
 * (%)", "% Comments"). */
static const wn_lex_entry *counted_comments_title(const wn_block *b) {
  /* (Set as a line, unlinked: a linked one jumps to the comments.) */
  bool title = b->kind == WN_BLOCK_HEADING || (b->kind == WN_BLOCK_PARAGRAPH && b->link_chars == 0);
  if (!title || b->words < 2 || b->words > COUNTED_TITLE_MAX_WORDS) return NULL;
  if (!wn_block_holds_digit(b)) return NULL; /* (first: the lookup costs a normalisation) */
  size_t len;
  char *text = wn_normalize_phrase(b->text, b->text_len, &len);
  const wn_lex_entry *hit = NULL;
  if (len > 2 && memcmp(text + len - 2, " 0", 2) == 0) hit = wn_lexicon_lookup(text, len - 2);
  else if (len > 2 && memcmp(text, "0 ", 2) == 0) hit = wn_lexicon_lookup(text + 2, len - 2);
  free(text);
  return wn_lex_titles_comments(hit) ? hit : NULL;
}

bool wn_block_counts_comments(const wn_block *b) {
  /* (A count run into its word, "11comments", is a listing's counter.) */
  if (!wn_lex_titles_comments(b->lexicon) || b->words < 2 || b->words > COUNTED_TITLE_MAX_WORDS ||
      !wn_block_holds_digit(b))
    return false;
  size_t len, n = strlen(b->lexicon->phrase);
  char *text = wn_normalize_phrase(b->text, b->text_len, &len);
  const char *phrase = b->lexicon->phrase;
  /* (The block's own words, not a line under the title it inherits.) */
  bool counted = (len == n && memcmp(text, phrase, n) == 0 && strchr(phrase, '0')) ||
                 (len == n + 2 && memcmp(text, phrase, n) == 0 && memcmp(text + n, " 0", 2) == 0) ||
                 (len == n + 2 && memcmp(text, "0 ", 2) == 0 && memcmp(text + 2, phrase, n) == 0);
  free(text);
  return counted;
}

/* Sentences a paragraph ends before its last words: a caption is one
 * sentence over its credit; a short post with its credit at its end
 * ("... I still can't believe it. Mind blown. Artwork © DiegoKoi") tells
 * more. */
static bool tells_before_credit(const wn_block *b) {
  int stops = 0;
  for (size_t i = 0; i + 1 < b->text_len && stops < CREDIT_POST_SENTENCES; i++) {
    char c = b->text[i];
    if ((c == '.' || c == '!' || c == '?') && b->text[i + 1] == ' ') stops++;
  }
  return stops >= CREDIT_POST_SENTENCES;
}

/*
 * Short blocks are looked up in the phrase lexicons; a section heading
 * passes its hit on to the blocks it introduces, so teasers in a "Related
 * articles" box go even when they are long sentences in another language.
 */
static void mark_lexicon_hits(wn_page *page) {
  prose_sums prose = {prose_between(page, 0, page->block_count), 0};
  wn_hash_index alts;
  bool pictures = alt_index_make(page, &alts);
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (i > 0) prose.before += prose_between(page, i - 1, i); /* that block as its lines left it */
    if (b->kind == WN_BLOCK_CODE) continue;
    if (memchr(b->text, '\n', b->text_len)) {
      cut_chrome_lines(b);
      if (b->lexicon) continue; /* every line was chrome */
    }
    if (wn_block_weighted_words(b) > (double)CONSENT_MAX_WORDS) continue;
    const wn_lex_entry *hit = wn_block_weighted_words(b) <= LEXICON_MAX_WORDS ? wn_lexicon_match(b->text, b->text_len)
                                                             : match_long_block(b);
    if (!hit) hit = titled_after_count(b);
    if (!hit) hit = counted_comments_title(b);
    if (hit) record_hit(page, i, hit, &prose);
    if (!b->lexicon && b->kind != WN_BLOCK_HEADING && b->words <= CREDIT_MAX_WORDS &&
        wn_lexicon_ends_with_credit(b->text, b->text_len, CREDIT_TAIL_WORDS) && !tells_before_credit(b))
      b->lexicon = &IMAGE_CREDIT;
    if (!b->lexicon && b->kind != WN_BLOCK_CODE && bracketed_row(b)) b->lexicon = &BRACKETED_ROW;
    b->repeats_alt = !b->lexicon && pictures && repeats_alt_text(page, &alts, i);
  }
  if (pictures) wn_hash_index_free(&alts);
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
                              const double *total, const size_t *hits, const bool *landmark) {
  if (consent[i] <= 0 || landmark[i]) return false;
  bool shaped = (page->elements[i].inherited & (WN_EL_DIALOG | WN_EL_CONSENT)) ||
                hits[i] >= CONSENT_SHAPED_HITS;
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
  size_t *hits = wn_xcalloc(n, sizeof *hits);
  bool *banner = wn_xcalloc(n, sizeof *banner);
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    total[b->owner] += wn_block_length(b);
    if (says_consent(b)) {
      consent[b->owner] += wn_block_length(b);
      hits[b->owner] += 1;
    }
  }
  /* A line of consent links run together ("AcceptReject allSettings") is
   * no phrase of the lexicon's, but each link is; links in a line that is
   * one phrase are counted already. */
  for (size_t i = 0; i < n; i++) {
    if (hits[i] == 0) hits[i] = page->elements[i].consent_links;
    hits[i] += page->elements[i].consent_buttons;
  }
  wn_sum_up_tree(page, consent);
  wn_sum_up_tree(page, total);
  wn_count_up_tree(page, hits);
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

void wn_pass_lexicon(wn_page *page, wn_pass_state *state) {
  (void)state;
  mark_lexicon_hits(page);
}

void wn_pass_consent_banners(wn_page *page, wn_pass_state *state) {
  mark_consent_banners(page, state->landmark);
}
