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

static GumboOutput *parse(wn_decoded *doc) {
  GumboOptions options = kGumboDefaultOptions;
  /* Parse errors are of no use here; recording them costs time and memory. */
  options.max_errors = 0;
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
  GumboOutput *tree = parse(&doc);
  if (!tree) {
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
  gumbo_destroy_output(&kGumboDefaultOptions, tree);
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
