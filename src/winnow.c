/*
 * The pipeline, one stage after another (the STAGES table below):
 *
 *   decode -> pre-pass -> parse -> metadata -> clean -> segment ->
 *   classify -> language -> review -> title -> render
 *
 * Each stage is a function of the extraction: it reads the output of the
 * stages before it and writes its own (its comment says which).
 */
#include "winnow.h"

#include <math.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "arena.h"
#include "buffer.h"
#include "byline.h"
#include "classify.h"
#include "clean.h"
#include "decode.h"
#include "langid.h"
#include "prepass.h"
#include "meta.h"
#include "render.h"
#include "segment.h"

void winnow_options_init(winnow_options *opts) {
  memset(opts, 0, sizeof *opts);
  opts->include_title = 1;
  opts->format = WINNOW_FORMAT_TEXT;
  opts->links = 1;
}

/* Budgets that are not options, far above real pages: of the 2,127 pages
 * of wcxb-dev and trafilatura-dev, one has a tag with more than 128
 * attributes and one has 8 formatting elements open at once; none reaches
 * 256 or 16 (winnow-bench-limits). */
#define MAX_ATTRIBUTES 256
#define MAX_OPEN_FORMATTING 16
#define STRINGIFY(x) #x
#define STR(x) STRINGIFY(x)

static size_t or_default(size_t value, size_t fallback) { return value ? value : fallback; }

/* One extraction: every stage reads its input from here and writes its
 * output here. */
typedef struct extraction {
  const char *html; /* input: the page's bytes */
  size_t len;
  const winnow_options *opts;
  int stated_lang;    /* the caller's article language, -1 = identify it */
  bool explain;       /* --explain reads the region's class and id from the tree */
  wn_decoded doc;     /* decode, pre-pass: the page as UTF-8 */
  char encoding[sizeof ((wn_decoded *)0)->encoding]; /* decode: the encoding read */
  bool doc_live;
  wn_arena tree_memory; /* parse: the tree's memory */
  bool tree_live;
  GumboOutput *tree;  /* parse */
  unsigned limits;    /* pre-pass, parse: WINNOW_LIMIT_* bits reached */
  wn_meta meta;       /* metadata */
  wn_cleaned cleaned; /* clean: the elements segment does not enter */
  wn_page page;       /* segment, then the classifier's stages */
  bool page_live;
  wn_buf text;        /* render */
} extraction;

typedef winnow_status stage_fn(extraction *x);

/* The page's bytes -> doc: UTF-8, with the encoding it was read in. */
static winnow_status decode(extraction *x) {
  if (wn_decode_hinted(x->html ? x->html : "", x->len, x->opts->encoding, x->opts->encoding_hint,
                       &x->doc) != 0)
    return WINNOW_ERR_ENCODING;
  x->doc_live = true;
  memcpy(x->encoding, x->doc.encoding, sizeof x->encoding);
  return WINNOW_OK;
}

/* doc -> doc without script and style bodies, within the depth, node,
 * attribute and formatting budgets (limits says which it reached). */
static winnow_status prepass(extraction *x) {
  /* Text without a tag (a .txt file piped in) is read as paragraphs
   * between blank lines, not as one run of words. */
  if (x->doc.len && wn_is_plain_text(x->doc.utf8, x->doc.len)) {
    size_t len;
    char *html = wn_plain_text_as_html(x->doc.utf8, x->doc.len, &len);
    free(x->doc.utf8);
    x->doc.utf8 = html;
    x->doc.len = len;
  }
  wn_limits budget = {or_default(x->opts->max_depth, WINNOW_DEFAULT_MAX_DEPTH),
                      or_default(x->opts->max_nodes, WINNOW_DEFAULT_MAX_NODES), MAX_ATTRIBUTES,
                      MAX_OPEN_FORMATTING};
  x->doc.len = wn_prepass(x->doc.utf8, x->doc.len, &budget, &x->limits);
  return WINNOW_OK;
}

/* doc -> tree (Gumbo), in tree_memory; an error if the tree outgrew its
 * budget (the arena jumps back here). */
static winnow_status parse(extraction *x) {
  wn_arena_init(&x->tree_memory,
                or_default(x->opts->max_tree_bytes, WINNOW_DEFAULT_MAX_TREE_BYTES));
  x->tree_live = true;
  GumboOptions options = kGumboDefaultOptions;
  /* Parse errors are of no use here; recording them costs time and memory. */
  options.max_errors = 0;
  options.allocator = wn_arena_alloc;
  options.deallocator = wn_arena_free;
  options.userdata = &x->tree_memory;
  jmp_buf exhausted;
  x->tree_memory.on_exhausted = &exhausted;
  /* Nothing that lives past the jump is changed between here and there. */
  if (setjmp(exhausted)) return WINNOW_ERR_LIMIT;
  x->tree = gumbo_parse_with_options(&options, x->doc.utf8, x->doc.len);
  x->tree_memory.on_exhausted = NULL;
  return WINNOW_OK;
}

/* tree -> meta: author, date and the page's type as it states them. */
static winnow_status metadata(extraction *x) {
  wn_meta_read(x->tree, &x->meta);
  return WINNOW_OK;
}

/* tree -> cleaned: the elements that carry no readable text (scripts,
 * form controls, hidden boxes that do not hold most of the page). */
static winnow_status clean(extraction *x) {
  wn_clean(x->tree->root, &x->cleaned);
  return WINNOW_OK;
}

static void release_tree(extraction *x) {
  if (x->tree_live) wn_arena_release(&x->tree_memory); /* the whole tree at once */
  if (x->doc_live) wn_decoded_free(&x->doc);
  x->tree_live = x->doc_live = false;
  x->tree = NULL;
}

/* tree, cleaned, meta -> page: elements with their cues and blocks with
 * their measures, from all but what clean skips. */
static winnow_status segment(extraction *x) {
  x->page_live = true; /* what a jump out of it leaves is freed too */
  wn_segment_marked(x->tree, &x->cleaned, x->opts->format == WINNOW_FORMAT_MARKDOWN, &x->page);
  wn_cleaned_free(&x->cleaned);
  /* Blocks and elements now hold all later stages read, so the tree and
   * the text it points into can go: on a page of 100 MB of text each is
   * another copy of it. Only --explain still reads the region's class and
   * id from the tree. */
  if (!x->explain) release_tree(x);
  wn_page *page = &x->page;
  /* og:type as the metadata reader found it anywhere in the tree: a
   * tracking pixel's <noscript><img> in <head> ends the head early, and
   * the <meta> tags after it are parsed into <body>. */
  const char *type = x->meta.facts[WN_FACT_PAGE_TYPE];
  page->says_article = page->says_article || x->meta.describes_article ||
                       (type && strcasecmp(type, "article") == 0);
  page->says_product = page->says_product || x->meta.describes_product ||
                       (type && strncasecmp(type, "product", 7) == 0);
  const char *site = x->meta.facts[WN_FACT_SITE_NAME];
  if (!page->og_site_name && site) page->og_site_name = wn_xstrndup(site, strlen(site));
  page->says_forum_thread = x->meta.describes_forum_thread;
  page->stated_body = x->meta.article_body;
  page->stated_lang = x->stated_lang;
  page->keep_foreign = x->opts->keep_foreign != 0;
  page->keep_comments = x->opts->keep_comments != 0;
  return WINNOW_OK;
}

/* page -> page with every block kept or dropped and the region chosen. */
static winnow_status classify(extraction *x) {
  wn_classify_stage_run(&x->page, WN_STAGE_CLASSIFY);
  return WINNOW_OK;
}

/* page -> the article's language; chrome in another one dropped. */
static winnow_status language(extraction *x) {
  wn_classify_stage_run(&x->page, WN_STAGE_LANGUAGE);
  return WINNOW_OK;
}

/* page -> teasers, orphan headings and near-empty pages dropped. */
static winnow_status review(extraction *x) {
  wn_classify_stage_run(&x->page, WN_STAGE_REVIEW);
  return WINNOW_OK;
}

/* page -> its title; a kept heading that repeats it dropped. */
static winnow_status title(extraction *x) {
  wn_classify_stage_run(&x->page, WN_STAGE_TITLE);
  return WINNOW_OK;
}

/* page -> text in the requested format. */
static winnow_status render(extraction *x) {
  if (x->explain) {
    wn_buf_printf(&x->text, "# encoding: %s\n", x->encoding);
    wn_render_explain(&x->page, &x->text);
  } else if (x->opts->format == WINNOW_FORMAT_MARKDOWN) {
    wn_md_options md = {x->opts->include_title, x->opts->links != 0, x->opts->images != 0,
                        x->opts->url};
    wn_render_markdown_with(&x->page, &md, &x->text);
  } else {
    wn_render_text(&x->page, x->opts->include_title, &x->text);
  }
  return WINNOW_OK;
}

/* The pipeline, in order (the same list heads winnow.h and the README). */
static const struct {
  const char *name;
  stage_fn *run;
} STAGES[] = {
    {"decode", decode},     {"pre-pass", prepass},  {"parse", parse},
    {"metadata", metadata}, {"clean", clean},       {"segment", segment},
    {"classify", classify}, {"language", language}, {"review", review},
    {"title", title},       {"render", render},
};

/* Hand the results to the caller (release() frees the rest). */
static void finish(extraction *x, winnow_result *out) {
  out->text = wn_buf_detach(&x->text, &out->text_len);
  out->title = x->page.title;
  x->page.title = NULL;
  out->author = x->meta.author;
  out->date = x->meta.date;
  x->meta.author = x->meta.date = NULL;
  /* Where the markup states none, the lines the text printed under the
   * headline ("By Jane Doe", "Published 3 March 2025"). */
  if (x->page_live && !out->author) out->author = wn_byline_author(&x->page);
  if (x->page_live && !out->date) out->date = wn_byline_date(&x->page);
  char **facts = x->meta.facts;
  out->canonical_url = facts[WN_FACT_CANONICAL];
  out->site_name = facts[WN_FACT_SITE_NAME];
  out->description = facts[WN_FACT_DESCRIPTION];
  out->image = facts[WN_FACT_IMAGE];
  out->keywords = facts[WN_FACT_KEYWORDS];
  out->page_type = facts[WN_FACT_PAGE_TYPE];
  memset(facts, 0, sizeof x->meta.facts);
  snprintf(out->encoding, sizeof out->encoding, "%s", x->encoding);
  snprintf(out->lang, sizeof out->lang, "%s", wn_lang_code(x->page.doc_lang));
  out->limits = x->limits;
}

/* Free whatever the stages made that the caller did not take. */
static void release(extraction *x) {
  if (x->page_live) wn_page_free(&x->page);
  release_tree(x);
  wn_cleaned_free(&x->cleaned);
  wn_meta_free(&x->meta);
  wn_buf_free(&x->text);
}

/* The stages in order, under a recovery point: out of memory anywhere
 * comes back here, and release() frees what the extraction owns. */
static winnow_status run_guarded(extraction *x, winnow_result *out) {
  wn_recovery recovery;
  wn_recovery_push(&recovery);
  int jumped = setjmp(recovery.jump);
  if (jumped) {
    winnow_result_free(out);
    return jumped == WN_JUMP_TIMEOUT  ? WINNOW_ERR_TIMEOUT
           : jumped == WN_JUMP_CANCEL ? WINNOW_ERR_CANCELLED
                                      : WINNOW_ERR_MEMORY;
  }
  winnow_status status = WINNOW_OK;
  for (size_t i = 0; i < sizeof STAGES / sizeof STAGES[0] && status == WINNOW_OK; i++) {
    wn_deadline_check();
    status = STAGES[i].run(x);
  }
  if (status == WINNOW_OK) finish(x, out);
  wn_recovery_pop(&recovery);
  return status;
}

/* When, on the thread's CPU clock, the page must be done; 0 = never. */
static double deadline_for(double seconds, size_t len) {
  if (isnan(seconds) || seconds == 0)
    seconds = WINNOW_DEFAULT_TIMEOUT_SECONDS + WINNOW_DEFAULT_TIMEOUT_SECONDS_PER_MB * (double)len / 1e6;
  if (!(seconds > 0) || seconds > 1e9) return 0;
  return wn_clock_seconds() + seconds;
}

winnow_status winnow_extract(const char *html, size_t len, const winnow_options *opts,
                             winnow_result *out) {
  if (!out || (!html && len)) return WINNOW_ERR_ARGUMENT;
  memset(out, 0, sizeof *out);
  winnow_options defaults;
  if (!opts) {
    winnow_options_init(&defaults);
    opts = &defaults;
  }
  int stated_lang = -1;
  if (opts->lang && (stated_lang = wn_lang_find(opts->lang)) < 0) return WINNOW_ERR_LANGUAGE;
  extraction x;
  memset(&x, 0, sizeof x);
  x.html = html;
  x.len = len;
  x.opts = opts;
  x.stated_lang = stated_lang;
  x.explain = opts->format == WINNOW_FORMAT_EXPLAIN;
  wn_buf_init(&x.text);
  wn_deadline deadline = {deadline_for(opts->timeout_seconds, len), opts->cancel};
  wn_deadline_set(deadline.end > 0 || deadline.cancel ? &deadline : NULL);
  winnow_status status = run_guarded(&x, out);
  wn_deadline_set(NULL);
  release(&x);
  return status;
}

void winnow_result_free(winnow_result *result) {
  if (!result) return;
  free(result->text);
  free(result->title);
  free(result->author);
  free(result->date);
  free(result->canonical_url);
  free(result->site_name);
  free(result->description);
  free(result->image);
  free(result->keywords);
  free(result->page_type);
  memset(result, 0, sizeof *result);
}

const char *winnow_status_string(winnow_status status) {
  switch (status) {
  case WINNOW_OK: return "success";
  case WINNOW_ERR_ENCODING: return "unknown encoding";
  case WINNOW_ERR_ARGUMENT: return "invalid argument";
  case WINNOW_ERR_LANGUAGE: return "no language profile for that code";
  case WINNOW_ERR_LIMIT: return "the parse tree outgrew its memory budget (--max-tree-memory)";
  case WINNOW_ERR_MEMORY: return "out of memory";
  case WINNOW_ERR_TIMEOUT: return "took longer than the --timeout limit";
  case WINNOW_ERR_CANCELLED: return "interrupted";
  }
  return "unknown error";
}

const char *winnow_limit_string(unsigned bit) {
  switch (bit) {
  case WINNOW_LIMIT_DEPTH: return "elements nested past the depth budget were flattened (--max-depth)";
  case WINNOW_LIMIT_NODES: return "tags past the node budget were dropped, their text kept (--max-nodes)";
  case WINNOW_LIMIT_ATTRIBUTES:
    return "attributes past " STR(MAX_ATTRIBUTES) " in one tag were dropped";
  case WINNOW_LIMIT_FORMATTING:
    return "formatting tags past " STR(MAX_OPEN_FORMATTING) " open at once were dropped";
  }
  return "unknown limit";
}
