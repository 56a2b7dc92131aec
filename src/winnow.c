/* The pipeline: decode -> parse -> segment (with cleaning) -> classify -> render. */
#include "winnow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

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

/*
 * Gumbo allocates every node, attribute and string on its own; the tree
 * lives exactly as long as one extraction. Small allocations come from
 * 64 KiB chunks and are never freed one by one (the whole arena goes at
 * the end); large ones (growing text buffers) are real allocations, freed
 * when Gumbo lets go of them, so a huge text node does not pile up copies.
 */
enum { ARENA_CHUNK = 64 * 1024, ARENA_LARGE = 8 * 1024, ARENA_ALIGN = 16 };

typedef struct arena_block { /* header before every allocation */
  struct arena_block *prev, *next; /* large ones: a ring; small ones: NULL */
} arena_block;

typedef struct arena_chunk {
  struct arena_chunk *next;
  size_t used;
  _Alignas(16) char data[ARENA_CHUNK];
} arena_chunk;

typedef struct arena {
  arena_chunk *chunks;
  arena_block large; /* ring head */
} arena;

static void *arena_alloc(void *userdata, size_t size) {
  arena *a = userdata;
  size_t need = sizeof(arena_block) + ((size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1));
  arena_block *b;
  if (size >= ARENA_LARGE) {
    b = wn_xmalloc(need);
    b->next = a->large.next;
    b->prev = &a->large;
    a->large.next->prev = b;
    a->large.next = b;
  } else {
    if (!a->chunks || a->chunks->used + need > ARENA_CHUNK) {
      arena_chunk *c = wn_xmalloc(sizeof *c);
      c->next = a->chunks;
      c->used = 0;
      a->chunks = c;
    }
    b = (arena_block *)(a->chunks->data + a->chunks->used);
    a->chunks->used += need;
    b->prev = b->next = NULL;
  }
  return b + 1;
}

static void arena_free(void *userdata, void *ptr) {
  (void)userdata;
  if (!ptr) return;
  arena_block *b = (arena_block *)ptr - 1;
  if (!b->next) return; /* small: goes with its chunk */
  b->prev->next = b->next;
  b->next->prev = b->prev;
  free(b);
}

static void arena_init(arena *a) {
  a->chunks = NULL;
  a->large.prev = a->large.next = &a->large;
}

static void arena_release(arena *a) {
  while (a->chunks) {
    arena_chunk *next = a->chunks->next;
    free(a->chunks);
    a->chunks = next;
  }
  while (a->large.next != &a->large) {
    arena_block *b = a->large.next;
    a->large.next = b->next;
    free(b);
  }
  a->large.prev = &a->large;
}

static GumboOutput *parse(wn_decoded *doc, arena *a) {
  GumboOptions options = kGumboDefaultOptions;
  /* Parse errors are of no use here; recording them costs time and memory. */
  options.max_errors = 0;
  options.allocator = arena_alloc;
  options.deallocator = arena_free;
  options.userdata = a;
  doc->len = wn_elide_raw_text(doc->utf8, doc->len);
  return gumbo_parse_with_options(&options, doc->utf8, doc->len);
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
  if (wn_decode(html ? html : "", len, opts->encoding, &doc) != 0) return WINNOW_ERR_ENCODING;
  arena tree_memory;
  arena_init(&tree_memory);
  GumboOutput *tree = parse(&doc, &tree_memory);
  if (!tree) {
    arena_release(&tree_memory);
    wn_decoded_free(&doc);
    return WINNOW_ERR_PARSE;
  }
  wn_meta meta;
  wn_meta_read(tree, &meta);
  wn_page page;
  wn_segment(tree, &page);
  page.stated_lang = stated_lang;
  page.keep_foreign = opts->keep_foreign != 0;
  wn_classify(&page);

  wn_buf text;
  wn_buf_init(&text);
  if (opts->format == WINNOW_FORMAT_EXPLAIN) {
    wn_buf_printf(&text, "# encoding: %s\n", doc.encoding);
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
  snprintf(out->encoding, sizeof out->encoding, "%s", doc.encoding);
  snprintf(out->lang, sizeof out->lang, "%s", wn_lang_code(page.doc_lang));

  wn_page_free(&page);
  arena_release(&tree_memory); /* the whole tree at once */
  wn_decoded_free(&doc);
  return WINNOW_OK;
}

void winnow_result_free(winnow_result *result) {
  if (!result) return;
  free(result->text);
  free(result->title);
  free(result->author);
  free(result->date);
  memset(result, 0, sizeof *result);
}

const char *winnow_status_string(winnow_status status) {
  switch (status) {
  case WINNOW_OK: return "success";
  case WINNOW_ERR_ENCODING: return "unknown encoding";
  case WINNOW_ERR_PARSE: return "the HTML parser failed";
  case WINNOW_ERR_ARGUMENT: return "invalid argument";
  case WINNOW_ERR_LANGUAGE: return "no language profile for that code";
  }
  return "unknown error";
}
