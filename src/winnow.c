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
  wn_decoded doc;
  if (wn_decode_hinted(html ? html : "", len, opts->encoding, opts->encoding_hint, &doc) != 0)
    return WINNOW_ERR_ENCODING;
  char encoding[sizeof doc.encoding];
  memcpy(encoding, doc.encoding, sizeof encoding);
  wn_arena tree_memory;
  wn_arena_init(&tree_memory, or_default(opts->max_tree_bytes, WINNOW_DEFAULT_MAX_TREE_BYTES));
  unsigned limits = 0;
  GumboOutput *tree = parse(&doc, opts, &tree_memory, &limits);
  if (!tree) {
    wn_arena_release(&tree_memory);
    wn_decoded_free(&doc);
    return WINNOW_ERR_LIMIT;
  }
  wn_meta meta;
  wn_meta_read(tree, &meta);
  wn_page page;
  wn_segment(tree, &page);
  /* Blocks and elements now hold all later stages read, so the tree and
   * the text it points into can go: on a page of 100 MB of text each is
   * another copy of it. Only --explain still reads the region's class and
   * id from the tree. */
  bool explain = opts->format == WINNOW_FORMAT_EXPLAIN;
  if (!explain) {
    wn_arena_release(&tree_memory);
    wn_decoded_free(&doc);
  }
  page.says_article = page.says_article || meta.describes_article;
  page.says_product = page.says_product || meta.describes_product;
  page.says_forum_thread = meta.describes_forum_thread;
  page.stated_lang = stated_lang;
  page.keep_foreign = opts->keep_foreign != 0;
  wn_classify(&page);

  wn_buf text;
  wn_buf_init(&text);
  if (explain) {
    wn_buf_printf(&text, "# encoding: %s\n", encoding);
    wn_render_explain(&page, &text);
  } else if (opts->format == WINNOW_FORMAT_MARKDOWN) {
    wn_render_markdown(&page, opts->include_title, &text);
  } else {
    wn_render_text(&page, opts->include_title, &text);
  }
  out->text = wn_buf_detach(&text, &out->text_len);
  out->title = page.title;
  page.title = NULL;
  out->author = meta.author;
  out->date = meta.date;
  out->canonical_url = meta.facts[WN_FACT_CANONICAL];
  out->site_name = meta.facts[WN_FACT_SITE_NAME];
  out->description = meta.facts[WN_FACT_DESCRIPTION];
  out->image = meta.facts[WN_FACT_IMAGE];
  out->keywords = meta.facts[WN_FACT_KEYWORDS];
  out->page_type = meta.facts[WN_FACT_PAGE_TYPE];
  snprintf(out->encoding, sizeof out->encoding, "%s", encoding);
  snprintf(out->lang, sizeof out->lang, "%s", wn_lang_code(page.doc_lang));
  out->limits = limits;

  wn_page_free(&page);
  if (explain) {
    wn_arena_release(&tree_memory); /* the whole tree at once */
    wn_decoded_free(&doc);
  }
  return WINNOW_OK;
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
  case WINNOW_ERR_PARSE: return "the HTML parser failed";
  case WINNOW_ERR_ARGUMENT: return "invalid argument";
  case WINNOW_ERR_LANGUAGE: return "no language profile for that code";
  case WINNOW_ERR_LIMIT: return "the parse tree outgrew its memory budget (--max-tree-memory)";
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
