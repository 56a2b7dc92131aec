/* The pipeline: decode -> parse -> segment (with cleaning) -> classify -> render. */
#include "winnow.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "arena.h"
#include "buffer.h"
#include "classify.h"
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

/* Pre-pass, then Gumbo over the result with its tree in `tree_memory`.
 * NULL if the tree outgrew its budget (the arena jumps back here). */
static GumboOutput *parse(wn_decoded *doc, const winnow_options *opts, wn_arena *tree_memory,
                          unsigned *limits) {
  wn_limits budget = {or_default(opts->max_depth, WINNOW_DEFAULT_MAX_DEPTH),
                      or_default(opts->max_nodes, WINNOW_DEFAULT_MAX_NODES), MAX_ATTRIBUTES,
                      MAX_OPEN_FORMATTING};
  doc->len = wn_prepass(doc->utf8, doc->len, &budget, limits);
  GumboOptions options = kGumboDefaultOptions;
  /* Parse errors are of no use here; recording them costs time and memory. */
  options.max_errors = 0;
  options.allocator = wn_arena_alloc;
  options.deallocator = wn_arena_free;
  options.userdata = tree_memory;
  jmp_buf exhausted;
  tree_memory->on_exhausted = &exhausted;
  /* Nothing that lives past the jump is changed between here and there. */
  if (setjmp(exhausted)) return NULL;
  GumboOutput *tree = gumbo_parse_with_options(&options, doc->utf8, doc->len);
  tree_memory->on_exhausted = NULL;
  return tree;
}

/* Everything one extraction owns, so that a failed allocation at any
 * stage releases all of it. Zeroed, each part is empty and safe to free. */
typedef struct extraction {
  wn_decoded doc;
  wn_arena tree_memory;
  wn_meta meta;
  wn_page page;
  wn_buf text;
} extraction;

static void release(extraction *x) {
  wn_arena_release(&x->tree_memory);
  wn_decoded_free(&x->doc);
  wn_meta_free(&x->meta);
  wn_page_free(&x->page);
  wn_buf_free(&x->text);
}

static winnow_status run(const char *html, size_t len, const winnow_options *opts,
                         int stated_lang, extraction *x, winnow_result *out) {
  if (wn_decode_hinted(html ? html : "", len, opts->encoding, opts->encoding_hint, &x->doc) != 0)
    return WINNOW_ERR_ENCODING;
  char encoding[sizeof x->doc.encoding];
  memcpy(encoding, x->doc.encoding, sizeof encoding);
  unsigned limits = 0;
  GumboOutput *tree = parse(&x->doc, opts, &x->tree_memory, &limits);
  if (!tree) return WINNOW_ERR_LIMIT;
  wn_meta_read(tree, &x->meta);
  wn_segment(tree, &x->page);
  /* Blocks and elements now hold all later stages read, so the tree and
   * the text it points into can go: on a page of 100 MB of text each is
   * another copy of it. Only --explain still reads the region's class and
   * id from the tree. */
  bool explain = opts->format == WINNOW_FORMAT_EXPLAIN;
  if (!explain) {
    wn_arena_release(&x->tree_memory);
    wn_decoded_free(&x->doc);
  }
  wn_page *page = &x->page;
  page->says_article = page->says_article || x->meta.describes_article;
  page->says_product = page->says_product || x->meta.describes_product;
  page->says_forum_thread = x->meta.describes_forum_thread;
  page->stated_lang = stated_lang;
  page->keep_foreign = opts->keep_foreign != 0;
  wn_classify(page);

  if (explain) {
    wn_buf_printf(&x->text, "# encoding: %s\n", encoding);
    wn_render_explain(page, &x->text);
  } else if (opts->format == WINNOW_FORMAT_MARKDOWN) {
    wn_render_markdown(page, opts->include_title, &x->text);
  } else {
    wn_render_text(page, opts->include_title, &x->text);
  }
  out->text = wn_buf_detach(&x->text, &out->text_len);
  out->title = page->title;
  page->title = NULL;
  out->author = x->meta.author;
  out->date = x->meta.date;
  x->meta.author = x->meta.date = NULL;
  char **facts = x->meta.facts;
  out->canonical_url = facts[WN_FACT_CANONICAL];
  out->site_name = facts[WN_FACT_SITE_NAME];
  out->description = facts[WN_FACT_DESCRIPTION];
  out->image = facts[WN_FACT_IMAGE];
  out->keywords = facts[WN_FACT_KEYWORDS];
  out->page_type = facts[WN_FACT_PAGE_TYPE];
  memset(facts, 0, sizeof x->meta.facts);
  snprintf(out->encoding, sizeof out->encoding, "%s", encoding);
  snprintf(out->lang, sizeof out->lang, "%s", wn_lang_code(page->doc_lang));
  out->limits = limits;
  return WINNOW_OK;
}

/* run() under a recovery point: out of memory anywhere comes back here. */
static winnow_status run_guarded(const char *html, size_t len, const winnow_options *opts,
                                 int stated_lang, extraction *x, winnow_result *out) {
  wn_recovery recovery;
  wn_recovery_push(&recovery);
  if (setjmp(recovery.jump)) {
    winnow_result_free(out);
    return WINNOW_ERR_MEMORY;
  }
  winnow_status st = run(html, len, opts, stated_lang, x, out);
  wn_recovery_pop(&recovery);
  return st;
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
  wn_arena_init(&x.tree_memory, or_default(opts->max_tree_bytes, WINNOW_DEFAULT_MAX_TREE_BYTES));
  winnow_status st = run_guarded(html, len, opts, stated_lang, &x, out);
  release(&x);
  return st;
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
