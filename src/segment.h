/*
 * Stage segment: cut the cleaned DOM into blocks (paragraph-like units) and
 * record the elements above them, with the features later stages decide on.
 * Input: the parse tree and what clean skips. Output: wn_page.
 *
 * Elements are numbered in document order; each block points at the element
 * that owns it (its nearest block-level ancestor), and each element points at
 * its parent, so container scores can be summed up the tree in one pass.
 */
#ifndef WN_SEGMENT_H
#define WN_SEGMENT_H

#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clean.h"

typedef enum wn_block_kind {
  WN_BLOCK_PARAGRAPH = 0,
  WN_BLOCK_HEADING,   /* h1-h6; level in wn_block.heading_level */
  WN_BLOCK_LIST_ITEM, /* li, dt, dd */
  WN_BLOCK_TABLE_ROW, /* cells joined with " | " */
  WN_BLOCK_CODE,      /* pre: line breaks kept */
  WN_BLOCK_QUOTE      /* text directly inside blockquote */
} wn_block_kind;

/* Cues taken from an element's tag, role and class/id tokens. */
enum wn_element_flag {
  WN_EL_NAV = 1u << 0,          /* nav, role=navigation, menu-ish names */
  WN_EL_FOOTER = 1u << 1,       /* footer, role=contentinfo */
  WN_EL_HEADER = 1u << 2,       /* header, role=banner */
  WN_EL_ASIDE = 1u << 3,        /* aside, role=complementary */
  WN_EL_ARTICLE = 1u << 4,      /* article */
  WN_EL_MAIN = 1u << 5,         /* main, role=main */
  WN_EL_NEGATIVE_NAME = 1u << 6,/* class/id says boilerplate (sidebar, share, ...) */
  WN_EL_POSITIVE_NAME = 1u << 7,/* class/id says content (article, post-body, ...) */
  WN_EL_COMMENTS = 1u << 8,     /* class/id says comments */
  WN_EL_DIALOG = 1u << 9,       /* dialog, role=dialog/alertdialog, aria-modal */
  WN_EL_FORM = 1u << 10,        /* form */
  WN_EL_FIGURE = 1u << 11,      /* figure, figcaption */
  WN_EL_LIST = 1u << 12,        /* ul, ol, dl, menu */
  WN_EL_TABLE = 1u << 13,
  WN_EL_BLOCKQUOTE = 1u << 14,
  WN_EL_HEADING = 1u << 15,
  WN_EL_CONSENT = 1u << 16,     /* a known consent manager's container */
  WN_EL_CAPTION = 1u << 17,     /* class/id says caption (wp-caption-text, media__caption) */
  WN_EL_LANG = 1u << 18,        /* carries a lang attribute (below <html>) */
  WN_EL_WIDGET_NAME = 1u << 19, /* class/id "widget": a sidebar box, except in main or article */
  WN_EL_MODAL = 1u << 20,       /* dialog by markup (dialog, role, aria-modal), not by name */
  WN_EL_REVIEWS = 1u << 21,     /* class/id names a review widget (always with WN_EL_COMMENTS) */
  WN_EL_QUESTION = 1u << 22,    /* itemtype schema.org/Question: a question with its answers */
  WN_EL_PICTURE = 1u << 23,     /* has an <img> child that is not an icon, and little else */
  WN_EL_IMAGE = 1u << 24,       /* has an <img> child that is not an icon, whatever else */
  WN_EL_TAB_PANEL = 1u << 25,   /* role=tabpanel: one of a tab set's panels */
  WN_EL_STATED_BODY = 1u << 26, /* itemprop=articleBody: microdata names it the article's body */
  WN_EL_WRITING_FORM = 1u << 27 /* a <form> holding a <textarea>: readers write in it */
};

typedef struct wn_element {
  const GumboNode *node; /* valid only while the parse tree is: see winnow.c */
  int parent;          /* index into wn_page.elements, -1 for the root */
  int depth;
  size_t children;     /* child elements */
  int heading_level;   /* 1-6 for h1-h6 and role="heading", else 0 */
  GumboTag tag;
  uint32_t flags;      /* enum wn_element_flag, of this element only */
  uint32_t inherited;  /* flags of this element and all its ancestors */
  long list_start;     /* an <ol>'s first number, else 1 */
  uint64_t href_hash;  /* an <a href> to another page: a hash of the href, else 0 */
  uint64_t alt_hash;   /* an <img> child's alt text (wn_text_hash), else 0 */
  bool links_home;     /* an <a href> to the site's home page ("/", "index.html") */
  unsigned consent_buttons; /* <button> children whose label is a consent phrase
                               ("Accept all"): buttons are no blocks */
  unsigned consent_links;   /* links in this element's text labelled so: a
                               banner's buttons set as links in one line */
  /* Filled by the classifier: */
  double text_chars;   /* text under this element (kept blocks' weight) */
  double link_chars;
  double content_score; /* net value of the blocks inside: prose minus chrome */
  double positive_score; /* the prose part of it alone */
  double judged_score;  /* net value of the blocks not dropped by their cues */
  size_t figure_children; /* children that are figures or picture boxes */
  size_t long_blocks;   /* blocks of long prose inside */
  size_t said_blocks;   /* blocks of a sentence or more of unlinked text inside */
  size_t blocks;        /* blocks inside */
  bool holds_h1;        /* an h1 is inside */
  bool in_price_grid;   /* inside a grid of priced cards */
} wn_element;

/* Inline markup inside a block's text, kept for Markdown (see
 * wn_segment_marked). */
typedef enum wn_span_kind {
  WN_SPAN_LINK = 0, /* <a href>: target is the href as written */
  WN_SPAN_EMPHASIS, /* em, i */
  WN_SPAN_STRONG,   /* strong, b */
  WN_SPAN_CODE,     /* code, kbd, samp, tt outside pre */
  WN_SPAN_IMAGE     /* img with alt text: empty (start == end), target is its src */
} wn_span_kind;

typedef struct wn_span {
  size_t start, end;  /* bytes of the block's text */
  wn_span_kind kind;
  char *target;       /* links and images, else NULL */
  char *alt;          /* images */
} wn_span;

typedef struct wn_block {
  char *text;          /* whitespace-collapsed UTF-8, NUL-terminated */
  size_t text_len;     /* bytes */
  int owner;           /* index of the owning element */
  wn_block_kind kind;
  int heading_level;   /* 1-6 for headings, else 0 */
  size_t chars;        /* code points, spaces excluded */
  size_t words;
  size_t cjk_chars;    /* Han, Kana, Hangul: each carries a word's meaning */
  size_t link_chars;   /* code points inside <a href> */
  size_t card_link_chars; /* of those, inside a link that wraps the whole block */
  size_t links;        /* links with text in the block */
  size_t lead_link_chars; /* of those, before its first unlinked character */
  int first_link, last_link; /* the <a href> elements of its first and last
                                linked characters, -1 when none */
  size_t punctuation;  /* sentence punctuation: . , ; : ! ? and CJK forms */
  size_t code_chars;   /* chars in long ASCII tokens mixing letters and digits:
                          identifiers, hashes, URLs */
  size_t position;     /* index in document order */
  /* Filled by the classifier: */
  const struct wn_lex_entry *consent_hint; /* consent wording inside a longer text */
  const struct wn_lex_entry *lexicon; /* the phrase this block is, or whose section it is in */
  /* keep, reason and decided_by are set together, by wn_decide(): */
  int keep;
  int reason;          /* enum wn_reason in classify.h */
  int decided_by;      /* enum wn_pass in classify.h: the pass that decided */
  bool lang_tagged;    /* holds text inside an element with a lang attribute */
  int lang;            /* most likely language, -1 when not assessed */
  float lang_gap;      /* how far the page's language trails it (nats) */
  double score;
  bool readers_comment; /* kept as a reader's comment (keep_comments) */
  bool repeats_alt;    /* repeats the alt text of a picture beside it (lexicon phase) */
  /* Markup, only when segmented with spans; sorted by start, outer first. */
  wn_span *spans;
  size_t span_count;
  size_t spans_text_len; /* text_len the spans were measured on: a stage that
                            rewrites the text leaves them unusable */
  char *code_lang;     /* code blocks: the language their class names, or NULL */
} wn_block;

typedef struct wn_page {
  wn_element *elements;
  size_t element_count, element_cap;
  wn_block *blocks;
  size_t block_count, block_cap;
  char *title;          /* from <title>, og:title, or h1; "" if none */
  char *html_title;     /* the raw <title> text */
  char *og_title;       /* og:title / twitter:title content, or NULL */
  char *canonical;      /* <link rel=canonical>'s href, or NULL */
  char *og_url;         /* og:url content, or NULL */
  char *og_site_name;   /* og:site_name, or NULL */
  char *lang;           /* <html lang>, or NULL */
  bool says_article;    /* og:type is "article": one text, then its discussion */
  bool says_product;    /* og:type is "product...": one product, then its reviews */
  bool says_forum_thread; /* typed a forum thread: its replies are the content */
  const char *stated_body; /* JSON-LD articleBody, borrowed; NULL when none */
  size_t body_text_chars;
  bool listing;         /* links are content here (set by the classifier) */
  int region;           /* element chosen as the main content region, -1 if none */
  int article_headline; /* block of the article's headline, -1 when the page
                           reads as no article (classifier; for --explain) */
  int article_body;     /* element holding the prose under it, or -1 */
  int anchor_headline;  /* block the article anchor took for the headline,
                           even with too little prose under it, or -1 (for
                           --explain) */
  int article_paragraphs; /* paragraphs of that prose */
  int article_end;      /* the first block past the article, when it closed
                           (another headline, teasers, comments), else -1 */
  int post_headline;    /* block of the page's headline when it reads as a
                           post's title, with or without prose under it: a
                           date beside it, or its comments titled under it
                           (classifier), else -1 */
  int stated_lang;      /* the caller's article language, -1 = identify it */
  bool keep_foreign;    /* keep chrome in other languages */
  bool keep_comments;   /* keep readers' comments after the article */
  int doc_lang;         /* the article's language (classifier), -1 = unknown */
  int site_lang;        /* the language the site's interface speaks when it is
                           not the article's (foreign chrome), -1 = none known */
  size_t caption_names; /* elements whose class/id says caption */
  char *base_href;      /* <base href>, or NULL */
  /* Set by the bylines pass: the blocks that gave the page's author and
   * date lines, -1 when none. */
  int author_line, date_line;
} wn_page;

/* Build the element table and the blocks for a parsed document, not
 * entering the elements `cleaned` skips (see clean.h). */
void wn_segment_cleaned(const GumboOutput *output, const wn_cleaned *cleaned, wn_page *page);

/* The same, and with `spans`, each block's inline markup (links,
 * emphasis, code, images) and code blocks' languages, for Markdown. */
void wn_segment_marked(const GumboOutput *output, const wn_cleaned *cleaned, bool spans,
                       wn_page *page);

/* The same, cleaning the tree first. */
void wn_segment(const GumboOutput *output, wn_page *page);
void wn_page_free(wn_page *page);

/* Appends a kept paragraph of `text` (whitespace collapsed) to the page's
 * blocks, owned by `owner`; nothing when the text is blank. */
void wn_page_append_paragraph(wn_page *page, int owner, const char *text, size_t len);

/* (Re)count chars, words, CJK characters and punctuation from b->text. */
void wn_block_measure(wn_block *b);

/* Words, a Han, Kana or Hangul character counting as a third of one: those
 * scripts write no spaces, and a character carries about a syllable. */
double wn_block_weighted_words(const wn_block *b);

/* Words that hold a letter (a date's and a time's numbers do not), counted
 * until they pass `most`: the result is then most + 1. */
size_t wn_block_lettered_words(const wn_block *b, size_t most);

/* Whether the text ends as a sentence does (. ! ? … and the CJK forms),
 * closing quotes and brackets aside. */
bool wn_block_ends_sentence(const wn_block *b);

/* A hash of the text with runs of whitespace as one space and none at
 * either end (an alt attribute and a block's text compare equal); never 0. */
uint64_t wn_text_hash(const char *text, size_t len);

/* Name of a block kind, for --explain. */
const char *wn_block_kind_name(wn_block_kind kind);

#endif
