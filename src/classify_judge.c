/*
 * The verdict on each block: dropped by what its words say (lexicon marks),
 * by the chrome cues of the elements between it and the region, as a
 * caption or as links; kept otherwise. Outside the region only the lexicon
 * and consent cues name the reason; the rest is outside-main.
 */
#include <stdint.h>
#include <string.h>

#include "classify_passes.h"
#include "classify_tuning.h"


/* A heading in the region that the lexicon reads as the title of a
 * comment section. */
static bool titles_its_comments(const wn_page *page, int region) {
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->kind == WN_BLOCK_HEADING && wn_lex_titles_comments(b->lexicon) &&
        wn_inside(page, b->owner, region))
      return true;
  }
  return false;
}

/*
 * A forum thread or a comments page is all comments: then comment names say
 * nothing. Decided by where the region sits and what it mostly holds.
 */
static bool comments_are_content(const wn_page *page, int region, bool discussed_article) {
  if (page->elements[region].inherited & WN_EL_COMMENTS) return true;
  /* A forum thread whose replies are named comments. */
  if (page->says_forum_thread) return true;
  if (discussed_article) return false;
  double comment, other;
  wn_weigh_comments(page, region, &comment, &other);
  /* A page that says it is an article, with an article's worth of text
   * outside its comments, is that text and a discussion of it; so is one
   * that titles its comments as such ("10 comments:", "Leave a reply"). */
  bool article = page->says_article || titles_its_comments(page, region);
  if (article && other >= ARTICLE_BEFORE_COMMENTS) return false;
  if (page->says_product && other >= PRODUCT_BEFORE_REVIEWS) return false;
  return comment > other;
}

/*
 * A div that holds a picture is a figure (segment); the short text in it is
 * a caption when the figure stands alone in running text. Several such
 * boxes side by side are a grid of cards, whose text is content.
 */
/* A block beside a picture box that is running text of the box's parent:
 * prose or a heading, in no picture box of its own. */
static bool running_text(const wn_page *page, size_t i, int parent, bool heading_ok) {
  if (i >= page->block_count) return false;
  const wn_block *b = &page->blocks[i];
  if (!wn_inside(page, b->owner, parent) || (wn_flags_below(page, b->owner, parent) & WN_EL_FIGURE))
    return false;
  return (heading_ok && b->kind == WN_BLOCK_HEADING) ||
         (b->kind == WN_BLOCK_PARAGRAPH && wn_reads_as_prose(b));
}

/* Picture boxes with a paragraph of the text before each and text after
 * are illustrations set in running text, not cards side by side. */
static bool amid_running_text(const wn_page *page, int e, const wn_block *b) {
  int parent = page->elements[e].parent;
  size_t first = (size_t)(b - page->blocks), last = first;
  while (first > 0 && wn_inside(page, page->blocks[first - 1].owner, e)) first--;
  while (last + 1 < page->block_count && wn_inside(page, page->blocks[last + 1].owner, e)) last++;
  return first > 0 && running_text(page, first - 1, parent, false) &&
         running_text(page, last + 1, parent, true);
}

static bool lone_picture_box(const wn_page *page, int e, const wn_block *b) {
  const wn_element *box = &page->elements[e];
  if (!(box->flags & WN_EL_FIGURE) || box->tag != GUMBO_TAG_DIV) return false;
  if (box->parent >= 0 && page->elements[box->parent].figure_children > 1 &&
      !amid_running_text(page, e, b))
    return false;
  /* The caption is its only text, but for a label or a credit after it
   * ("AI-generated image", "Photo: AFP"); a heading over text, or a link
   * ("Learn more"), makes the box a feature card, not a captioned picture. */
  size_t i = (size_t)(b - page->blocks);
  bool first = i == 0 || !wn_inside(page, page->blocks[i - 1].owner, e);
  double allowance = first && box->link_chars < 1 ? CAPTION_LABEL_ALLOWANCE : 1.0;
  return box->text_chars <= wn_block_length(b) + allowance;
}

bool wn_in_card_grid(const wn_page *page, int e) {
  int parent = page->elements[e].parent;
  while (parent >= 0 && page->elements[parent].children == 1) parent = page->elements[parent].parent;
  return parent >= 0 && page->elements[parent].figure_children >= CARD_GRID_FIGURES;
}

/*
 * A figure caption describes a picture, not the story: both evaluation sets
 * count captions as boilerplate, and a text corpus has no picture to go with
 * them.
 */
static bool in_caption(const wn_page *page, const wn_block *b, int region) {
  /* The picture's alt text again under it, in a box of their own. */
  if (b->repeats_alt) return true;
  for (int e = b->owner; e >= 0 && e != region; e = page->elements[e].parent) {
    if (page->elements[e].tag == GUMBO_TAG_FIGCAPTION) return true;
    bool short_text = b->kind == WN_BLOCK_PARAGRAPH || b->kind == WN_BLOCK_HEADING;
    if (!short_text || wn_block_length(b) >= LONG_PROSE) continue;
    /* Short text beside the picture in a figure is its caption too, a
     * heading included: it names the picture, not a part of the story. */
    if (page->elements[e].tag == GUMBO_TAG_FIGURE) return !wn_in_card_grid(page, e);
    if (b->kind != WN_BLOCK_PARAGRAPH) continue;
    if (lone_picture_box(page, e, b)) return true;
    /* Caption names on dozens of elements are a type style or a card grid. */
    if ((page->elements[e].flags & WN_EL_CAPTION) && page->caption_names <= CAPTION_NAMES_MAX)
      return true;
  }
  return false;
}

/* What the block's own words or its consent container say, if anything. */
static wn_reason lexicon_reason(const wn_page *page, const wn_block *b) {
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
/* The outermost element below the region that carries `flag` and holds b, or -1. */
static int outer_holder(const wn_page *page, const wn_block *b, int region, uint32_t flag) {
  int holder = -1;
  for (int e = b->owner; e >= 0 && e != region; e = page->elements[e].parent)
    if (page->elements[e].flags & flag) holder = e;
  return holder;
}

static bool chrome_box_is_small(const wn_page *page, const wn_block *b, int region,
                                uint32_t flag) {
  int holder = outer_holder(page, b, region, flag);
  if (holder < 0) return false;
  const wn_element *h = &page->elements[holder], *r = &page->elements[region];
  if (h->text_chars - h->link_chars >= CHROME_BOX_SHARE * (r->text_chars - r->link_chars))
    return false;
  /* Several long paragraphs make a part of the article, not a box beside
   * it; nor is the box that holds the headline. */
  return !h->holds_h1 && h->long_blocks <= CHROME_BOX_PARAGRAPHS;
}

/* A poll or a comment form beside the text: a small box of short questions
 * and labels. Several replies of a sentence or more make a thread that a
 * form wraps (a forum's moderation form), which is content. */
static bool is_small_form(const wn_page *page, const wn_block *b, int region) {
  if (!chrome_box_is_small(page, b, region, WN_EL_FORM)) return false;
  return page->elements[outer_holder(page, b, region, WN_EL_FORM)].said_blocks <= FORM_MAX_SAID;
}

/* A short line in a box beside a form and nothing else ("Your email
 * address", "Search this site") labels the form's field: the form's, not
 * the text's. */
static bool labels_form(const wn_page *page, const wn_block *b) {
  if (wn_block_weighted_words(b) > (double)FORM_LABEL_MAX_WORDS) return false;
  int box = page->elements[b->owner].parent;
  if (box < 0 || page->elements[box].blocks > FORM_LABEL_BOX_BLOCKS) return false;
  int depth = page->elements[box].depth;
  for (size_t i = (size_t)box + 1; i < page->element_count; i++) {
    const wn_element *e = &page->elements[i];
    if (e->depth <= depth) break; /* left the box */
    if (e->parent == box && (e->flags & WN_EL_FORM)) return true;
  }
  return false;
}

/* Whether a label opens the block: a colon among its first few words
 * ("Tipp:", "Read more:", "See also:"): a pointer, however worded. */
static bool opens_with_label(const wn_block *b) {
  size_t words = 0;
  for (size_t i = 0; i < b->text_len && words < LABEL_MAX_WORDS; i++) {
    if (b->text[i] == ':') return true;
    if (b->text[i] == ' ') words++;
  }
  return false;
}

/* Whether the paragraph is a sentence of the article's own: between its
 * headline and its close, a sentence long, and no labelled pointer. */
static bool sentence_of_article(const wn_page *page, const wn_block *b) {
  if (b->kind != WN_BLOCK_PARAGRAPH || page->article_headline < 0 || opens_with_label(b))
    return false;
  size_t i = (size_t)(b - page->blocks);
  size_t end = page->article_end >= 0 ? (size_t)page->article_end : page->block_count;
  return i > (size_t)page->article_headline && i < end &&
         wn_block_weighted_words(b) >= LINKED_SENTENCE_WORDS && wn_block_ends_sentence(b);
}

/* Inside the content, a long block whose links leave a good part of its
 * text unlinked, with the punctuation of a sentence or a citation, is
 * writing that cites (a reference, a list of sources); a menu run into one
 * block has labels between its links, not punctuation. A sentence of the
 * article's own may link most of its words. */
static double inside_link_limit(const wn_page *page, const wn_block *b) {
  if (sentence_of_article(page, b)) return LINKED_SENTENCE_LINK_LIMIT;
  bool cites = b->chars >= LONG_CITING_CHARS && b->punctuation >= LONG_CITING_PUNCTUATION;
  return cites ? LONG_CITING_LINK_LIMIT : LINK_DENSE;
}

/* A table row is read with its table, a list item with its list: a product
 * linked from one row of a recipe's ingredients is an ingredient, while a
 * table or list of links is a menu, and so is a row of nothing but links
 * (a layout table's menu bar). */
static double row_link_density(const wn_page *page, const wn_block *b) {
  double own = wn_page_link_density(page, b);
  int container = b->kind == WN_BLOCK_TABLE_ROW ? wn_table_of(page, b)
                  : b->kind == WN_BLOCK_LIST_ITEM ? wn_list_of(page, b) : -1;
  if (container < 0 || page->elements[container].text_chars <= 0 || own > ROW_ALL_LINKS)
    return own;
  const wn_element *c = &page->elements[container];
  double container_density = c->link_chars / c->text_chars;
  return container_density < own ? container_density : own;
}

/* Whether the block lies past the close of the article the page was
 * anchored on: a form readers write in there is the comment form, its
 * rules and notices however long. */
static bool past_the_article(const wn_page *page, const wn_block *b) {
  return page->article_end >= 0 && (size_t)(b - page->blocks) >= (size_t)page->article_end;
}

static wn_reason judge_inside(const wn_page *page, const wn_block *b, int region,
                        bool comments_ok) {
  uint32_t flags = wn_flags_below(page, b->owner, region);
  bool long_prose = wn_block_length(b) >= LONG_PROSE && wn_link_density(b) < LONG_PROSE_LINK_LIMIT &&
                    !chrome_box_is_small(page, b, region,
                                         WN_EL_FOOTER | WN_EL_NEGATIVE_NAME | WN_EL_ASIDE);
  wn_reason reason = lexicon_reason(page, b);
  if (reason != WN_KEEP_CONTENT) return reason;
  if (wn_machine_text(b)) return WN_DROP_MACHINE_TEXT;
  if (flags & WN_EL_DIALOG) return WN_DROP_DIALOG;
  if (in_caption(page, b, region)) return WN_DROP_CAPTION;
  if (flags & WN_EL_NAV) return WN_DROP_NAVIGATION;
  if ((flags & WN_EL_ASIDE) && !long_prose) return WN_DROP_SIDEBAR;
  if ((flags & WN_EL_FOOTER) && !long_prose) return WN_DROP_FOOTER;
  if (flags & WN_EL_HEADER) return WN_DROP_HEADER;
  if ((flags & WN_EL_NEGATIVE_NAME) && !long_prose) return WN_DROP_BOILERPLATE_NAME;
  /* (The region itself may be the comments.) */
  bool in_comments = (flags | page->elements[region].inherited) & WN_EL_COMMENTS;
  if (in_comments && !comments_ok) return WN_DROP_COMMENTS;
  /* A small form beside the text (a poll on the article, a comment or
   * newsletter form) holds its questions and its controls' labels; a page
   * built inside one form holds the article too. */
  if ((flags & WN_EL_FORM) && !long_prose && is_small_form(page, b, region))
    return WN_DROP_FORM;
  if ((flags & WN_EL_WRITING_FORM) && past_the_article(page, b))
    return WN_DROP_FORM;
  if (!long_prose && labels_form(page, b)) return WN_DROP_FORM;
  if (b->kind != WN_BLOCK_HEADING && row_link_density(page, b) > inside_link_limit(page, b))
    return WN_DROP_LINK_DENSE;
  return b->kind == WN_BLOCK_HEADING ? WN_KEEP_HEADING : WN_KEEP_CONTENT;
}

void wn_judge(const wn_page *page, wn_block *b, int region, bool comments_ok, wn_pass pass) {
  wn_reason reason;
  if (wn_inside(page, b->owner, region)) {
    reason = judge_inside(page, b, region, comments_ok);
  } else {
    reason = lexicon_reason(page, b);
    if (reason == WN_KEEP_CONTENT) reason = WN_DROP_OUTSIDE_MAIN;
  }
  wn_decide(b, reason, pass);
}

/* Whether the page's title holds the heading's text whole. */
static bool titles_page(const wn_page *page, const wn_block *h) {
  const char *titles[] = {page->html_title, page->og_title};
  for (size_t k = 0; k < 2; k++)
    if (titles[k] && h->text_len >= TITLED_MIN_BYTES && strstr(titles[k], h->text)) return true;
  return false;
}

/* Whether the region lies under a heading that titles comments ("57
 * Comments", "16 comments:"), itself under the page's headline and a
 * sentence of the post's own: the discussion of a post too short to anchor
 * an article (a photo and a line), not the page's content. The headline
 * is a post's when dated, on a page that says it is an article, or named
 * by the page's title. (A forum's thread title stands right over its
 * replies.) */
static bool titled_discussion(const wn_page *page, const wn_article_anchor *anchor, int region) {
  if (anchor->headline < 0 || page->says_forum_thread || wn_posts_are_content(page)) return false;
  if (!anchor->dated && !page->says_article && !titles_page(page, &page->blocks[anchor->headline]))
    return false;
  size_t h = (size_t)anchor->headline;
  if (page->elements[page->blocks[h].owner].inherited & WN_EL_COMMENTS) return false;
  size_t first = h + 1;
  while (first < page->block_count && !wn_inside(page, page->blocks[first].owner, region)) first++;
  if (first >= page->block_count) return false;
  bool told = false; /* a sentence of the post's own above its comments */
  for (size_t i = h + 1; i < page->block_count && i <= first + COMMENTS_TITLE_REACH; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->kind == WN_BLOCK_HEADING && wn_lex_titles_comments(b->lexicon)) return told;
    if (b->kind == WN_BLOCK_PARAGRAPH && !b->lexicon && wn_block_ends_sentence(b) &&
        !(page->elements[b->owner].inherited & WN_EL_COMMENTS))
      told = true;
  }
  return false;
}

void wn_pass_comments(wn_page *page, wn_pass_state *state) {
  bool discussed = state->article && (state->anchor.commented || state->anchor.post);
  bool titled = titled_discussion(page, &state->anchor, page->region);
  if (titled) page->post_headline = state->anchor.headline;
  state->comments_ok = !titled && comments_are_content(page, page->region, discussed);
}

/* Every block, by its own cues and where it sits against the region. */
void wn_pass_judge(wn_page *page, wn_pass_state *state) {
  for (size_t i = 0; i < page->block_count; i++)
    wn_judge(page, &page->blocks[i], page->region, state->comments_ok, WN_PASS_JUDGE);
}

/*
 * A flat page (a blog engine's classic templates) writes its comments as
 * paragraphs beside the article's, in the same box, under a heading that
 * titles them ("Comments", "12 Responses"): no element to name or drop.
 * On an article's page, what is still kept from that heading on, inside
 * the region, is the discussion, when the page says it is an article, a
 * date beside the headline says it is a post or a story, the heading
 * counts them ("57 Comments", "4 responses to “...”"), or posts' stamps
 * (who wrote when, to the minute) follow the heading: a manual's section
 * on comments in code is none of these. Pages whose comments are their
 * content (threads, questions, comments pages) keep them.
 */

/* Whether stamps of posts follow the comments heading in the region
 * (under a heading that titles comments, a linked name is a writer's). */
static bool stamped_after(const wn_page *page, size_t heading) {
  size_t stamps = 0;
  for (size_t i = heading + 1; i < page->block_count && stamps < STAMP_MIN_POSTS; i++)
    if (wn_inside(page, page->blocks[i].owner, page->region) && wn_is_signed_stamp(&page->blocks[i]))
      stamps++;
  return stamps >= STAMP_MIN_POSTS;
}

void wn_pass_comments_tail(wn_page *page, wn_pass_state *state) {
  const wn_article_anchor *a = &state->anchor;
  if (state->comments_ok || !state->article || a->comments >= page->block_count) return;
  if (wn_posts_are_content(page)) return; /* a question's answers follow its comments */
  /* The headline and the comments heading both in the region: the article
   * the region holds, and its own discussion, not a sidebar's "Recent
   * comments" after a site-name headline. */
  int region = page->region;
  /* (Or the region is the article's body, narrowed under its headline.) */
  bool holds_article = wn_inside(page, page->blocks[a->headline].owner, region) ||
                       (a->body >= 0 && wn_inside(page, region, a->body));
  if (!holds_article || !wn_inside(page, page->blocks[a->comments].owner, region) ||
      !(page->says_article || a->dated || a->counted || stamped_after(page, a->comments)))
    return;
  for (size_t i = a->comments; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->keep && wn_inside(page, b->owner, page->region))
      wn_decide(b, WN_DROP_COMMENTS, WN_PASS_COMMENTS_TAIL);
  }
}

/*
 * Readers' comments after the article, kept when the caller asks for them
 * (keep_comments). A comment section is an element named for comments or
 * the run of blocks under a heading the lexicon reads as their title
 * ("Comments", "10 comments"). What else sits in it still goes: its title,
 * lines the lexicon names ("Reply", "Log in to reply", counters), the
 * comment form, share rows and menus (chrome cues), links and identifiers.
 */

/* The outermost element named for readers' comments around `owner`, or -1. */
static int named_comment_section(const wn_page *page, int owner) {
  if (page->elements[owner].inherited & WN_EL_REVIEWS) return -1;
  int top = -1;
  for (int e = owner; e >= 0; e = page->elements[e].parent)
    if (page->elements[e].flags & WN_EL_COMMENTS) top = e;
  return top;
}

/* The title of the comment section the lexicon put block `i` under:
 * `*title` follows the runs of blocks the lexicon named, the first block
 * with an entry of comments in a run or its heading (lines inside the
 * section, "Reply", carry entries of their own). */
static void follow_title(const wn_page *page, size_t i, size_t *title) {
  const wn_block *b = &page->blocks[i];
  if (!b->lexicon || b->kind == WN_BLOCK_HEADING) *title = SIZE_MAX;
  if (!wn_lex_titles_comments(b->lexicon)) return;
  if (*title == SIZE_MAX || page->blocks[*title].lexicon != b->lexicon) *title = i;
}

/* The element that holds the comment section block `i` is in, or -1 when
 * it is in none or is a title or a line of its own. */
static int comment_section_of(const wn_page *page, size_t i, size_t title) {
  const wn_block *b = &page->blocks[i];
  if (!b->lexicon) return named_comment_section(page, b->owner);
  if (!wn_lex_titles_comments(b->lexicon)) return -1;
  if (title == i || title == SIZE_MAX) return -1;
  return wn_common_ancestor(page, page->blocks[title].owner, b->owner);
}

static bool reads_as_comment(const wn_page *page, const wn_block *b, int section) {
  static const uint32_t NOT_A_COMMENT = CHROME_FLAGS | WN_EL_FORM;
  if (b->keep || b->kind == WN_BLOCK_HEADING) return false;
  if (b->reason != WN_DROP_COMMENTS && b->reason != WN_DROP_OUTSIDE_MAIN &&
      b->reason != WN_DROP_CHROME_SECTION)
    return false;
  if (wn_flags_below(page, b->owner, section) & NOT_A_COMMENT) return false;
  if (page->elements[section].inherited & (WN_EL_NAV | WN_EL_ASIDE | WN_EL_DIALOG | WN_EL_CONSENT))
    return false;
  return b->words > 0 && wn_link_density(b) <= LINK_DENSE && !wn_machine_text(b);
}

void wn_pass_readers_comments(wn_page *page, wn_pass_state *state) {
  if (!page->keep_comments || state->comments_ok || page->says_forum_thread) return;
  size_t first = 0;
  while (first < page->block_count && !page->blocks[first].keep) first++;
  size_t title = SIZE_MAX;
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    follow_title(page, i, &title);
    if (i <= first) continue;
    int section = comment_section_of(page, i, title);
    if (section < 0 || !reads_as_comment(page, b, section)) continue;
    b->readers_comment = true;
    wn_decide(b, WN_KEEP_CONTENT, WN_PASS_READERS_COMMENTS);
  }
}
