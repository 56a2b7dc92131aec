/*
 * The classifier's passes, in the order they run, and the one function
 * that sets a block's verdict.
 *
 * Every pass reads and writes the shared page; the order is fixed because
 * each relies on what earlier ones wrote. The table says, for each pass,
 * what it may read and what it may write ("cues" are wn_element.flags and
 * .inherited; "totals" are the element sums made by measure; "verdicts" are
 * wn_block.keep, .reason and .decided_by, written only through wn_decide).
 *
 * Known couplings the order preserves:
 * - lexicon cuts chrome lines out of <br>-separated blocks and re-measures
 *   those blocks, after measure summed them up the tree: element totals
 *   keep the text before the cut (the cue passes before lexicon need the
 *   totals; region and judge read the same ones). Cutting in a pass of its
 *   own before measure changes 3 of the 5,016 dev pages (dragnet word F1
 *   0.835 -> 0.836, cleaneval unchanged to 3 places), so it is left here.
 * - language runs between duplicates and review: review's checks count
 *   what the language stage left kept (moving language after review
 *   changes the output of 5 of the 5,016 pages of the dev sets).
 * - headline-context and adjacent-prose judge some blocks again against a
 *   wider region, so the verdicts of judge are not final until they ran.
 */
#include "classify.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "ailabel.h"
#include "buffer.h"
#include "byline.h"
#include "classify_passes.h"
#include "foreign.h"
#include "langid.h"
#include "related.h"
#include "title.h"

/* Passes that need nothing of the pass state. */
#define PAGE_PASS(name, run_on_page)                              \
  static void name(wn_page *page, wn_pass_state *state) {        \
    (void)state;                                                  \
    run_on_page(page);                                            \
  }

PAGE_PASS(pass_language, wn_identify_document_language)
PAGE_PASS(pass_foreign_chrome, wn_drop_foreign_chrome)
PAGE_PASS(pass_related_sections, wn_mark_related_sections)
PAGE_PASS(pass_ai_labels, wn_drop_ai_labels)
PAGE_PASS(pass_title, wn_choose_title)

/* Bylines sit around the article's headline where one was found. */
static void pass_bylines(wn_page *page, wn_pass_state *state) {
  wn_drop_bylines(page, state->anchor.headline);
}

typedef struct pass_entry {
  wn_pass id;
  const char *name; /* as --explain prints it */
  wn_classify_stage stage;
  wn_pass_fn *run;
  const char *reads;
  const char *writes;
} pass_entry;

/* In running order. */
static const pass_entry PASSES[] = {
    {WN_PASS_MEASURE, "measure", WN_STAGE_CLASSIFY, wn_pass_measure,
     "blocks' measures, the element tree",
     "totals: element text, links, blocks, long blocks, figures, h1; page caption_names"},
    {WN_PASS_LANDMARKS, "landmarks", WN_STAGE_CLASSIFY, wn_pass_landmarks,
     "cues, blocks' heading levels", "state.landmark"},
    {WN_PASS_WRAPPER_NAMES, "wrapper-names", WN_STAGE_CLASSIFY, wn_pass_wrapper_names,
     "cues, totals, state.landmark", "cues (chrome flags cleared on wrappers)"},
    {WN_PASS_CARD_NAMES, "card-names", WN_STAGE_CLASSIFY, wn_pass_card_names,
     "cues, totals, blocks' lengths, says_article", "cues (boilerplate names cleared on grids)"},
    {WN_PASS_LEXICON, "lexicon", WN_STAGE_CLASSIFY, wn_pass_lexicon,
     "block text and measures, the element tree, says_article, says_forum_thread",
     "block lexicon and consent_hint; text and measures of blocks with chrome lines cut"},
    {WN_PASS_RELATED_SECTIONS, "related-sections", WN_STAGE_CLASSIFY, pass_related_sections,
     "block lexicon, text and links, the element tree (pictures)",
     "block lexicon (related hits passed on to the cards under the heading)"},
    {WN_PASS_CONSENT_BANNERS, "consent-banners", WN_STAGE_CLASSIFY, wn_pass_consent_banners,
     "block lexicon and consent_hint, cues, state.landmark", "block lexicon"},
    {WN_PASS_COMMENT_THREADS, "comment-threads", WN_STAGE_CLASSIFY, wn_pass_comment_threads,
     "block text and measures, the element tree, cues, totals (h1)",
     "cues (comments on the element holding a thread of stamped posts)"},
    {WN_PASS_ARTICLE_ANCHOR, "article-anchor", WN_STAGE_CLASSIFY, wn_pass_article_anchor,
     "blocks (headings, prose, links, lexicon), cues, the title",
     "state.article, state.anchor; article_*, post_headline"},
    {WN_PASS_REGION, "region", WN_STAGE_CLASSIFY, wn_pass_region,
     "blocks' measures and lexicon, cues, says_forum_thread",
     "block score; element content, positive and judged scores; listing; region, state.outer"},
    {WN_PASS_WIDEN_REGION, "widen-region", WN_STAGE_CLASSIFY, wn_pass_widen_region,
     "element scores, says_forum_thread, state.outer", "region, state.outer"},
    {WN_PASS_TIGHTEN_REGION, "tighten-region", WN_STAGE_CLASSIFY, wn_pass_tighten_region,
     "element scores, state.outer", "region"},
    {WN_PASS_ANCHORED_REGION, "anchored-region", WN_STAGE_CLASSIFY, wn_pass_anchored_region,
     "state.anchor, element scores, state.outer", "region, state.outer"},
    {WN_PASS_TAB_PANELS, "tab-panels", WN_STAGE_CLASSIFY, wn_pass_tab_panels,
     "cues (role=tabpanel), the element tree, region, state.outer", "region, state.outer"},
    {WN_PASS_QUESTION_REGION, "question-region", WN_STAGE_CLASSIFY, wn_pass_question_region,
     "cues (schema.org Question), region, state.outer", "region, state.outer"},
    {WN_PASS_STATED_BODY_REGION, "stated-body-region", WN_STAGE_CLASSIFY, wn_pass_stated_body_region,
     "cues (itemprop=articleBody), blocks' prose, region", "region, state.outer"},
    {WN_PASS_COMMENTS, "comments", WN_STAGE_CLASSIFY, wn_pass_comments,
     "cues, blocks' lengths and lexicon, region, state.anchor, says_article/product/forum_thread",
     "state.comments_ok; post_headline (comments titled under the headline)"},
    {WN_PASS_JUDGE, "judge", WN_STAGE_CLASSIFY, wn_pass_judge,
     "blocks, cues, totals, region, state.comments_ok", "verdicts of every block"},
    {WN_PASS_GALLERY_CAPTIONS, "gallery-captions", WN_STAGE_CLASSIFY, wn_pass_gallery_captions,
     "verdicts, blocks' lengths, region", "verdicts (captions kept)"},
    {WN_PASS_HEADLINE_CONTEXT, "headline-context", WN_STAGE_CLASSIFY, wn_pass_headline_context,
     "as judge", "verdicts of the blocks between the headline and the region"},
    {WN_PASS_ADJACENT_PROSE, "adjacent-prose", WN_STAGE_CLASSIFY, wn_pass_adjacent_prose,
     "as judge, state.outer", "verdicts of prose beside kept blocks"},
    {WN_PASS_ANNOUNCED_LISTS, "announced-lists", WN_STAGE_CLASSIFY, wn_pass_announced_lists,
     "verdicts, block text, the element tree", "verdicts (link-dense items kept)"},
    {WN_PASS_PRICE_GRIDS, "price-grids", WN_STAGE_CLASSIFY, wn_pass_price_grids,
     "verdicts, blocks, cues, listing, says_article",
     "element in_price_grid; verdicts (grid blocks kept)"},
    {WN_PASS_KICKERS, "kickers", WN_STAGE_CLASSIFY, wn_pass_kickers,
     "verdicts, blocks' measures, says_article, says_product",
     "verdicts (labels above the h1, date and count lines under it dropped)"},
    {WN_PASS_BYLINES, "bylines", WN_STAGE_CLASSIFY, pass_bylines,
     "verdicts, block text and lexicon, headings, state.anchor",
     "verdicts (bylines and datelines dropped)"},
    {WN_PASS_AI_LABELS, "ai-labels", WN_STAGE_CLASSIFY, pass_ai_labels,
     "verdicts, block text and lexicon, captions", "verdicts (AI labels dropped)"},
    {WN_PASS_DUPLICATES, "duplicates", WN_STAGE_CLASSIFY, wn_pass_duplicates,
     "verdicts, block text, element in_price_grid", "verdicts (repeats dropped)"},
    {WN_PASS_PITCHES, "pitches", WN_STAGE_CLASSIFY, wn_pass_pitches,
     "verdicts, block text and measures, listing, says_article",
     "verdicts (a pitch box closing the article dropped)"},
    {WN_PASS_COMMENTS_TAIL, "comments-tail", WN_STAGE_CLASSIFY, wn_pass_comments_tail,
     "verdicts, article anchor (its comments heading), comments_ok",
     "verdicts (kept blocks under the comments heading dropped as comments)"},
    {WN_PASS_READERS_COMMENTS, "readers-comments", WN_STAGE_CLASSIFY, wn_pass_readers_comments,
     "verdicts, reasons, block lexicon and measures, cues, keep_comments",
     "block readers_comment; verdicts (comments after the article kept)"},
    {WN_PASS_LANGUAGE, "language", WN_STAGE_LANGUAGE, pass_language,
     "kept block text, stated_lang, html lang", "doc_lang"},
    {WN_PASS_FOREIGN_CHROME, "foreign-chrome", WN_STAGE_LANGUAGE, pass_foreign_chrome,
     "verdicts, block text, cues, doc_lang, keep_foreign",
     "block lang and lang_gap; verdicts (foreign chrome dropped)"},
    {WN_PASS_TEASERS, "teasers", WN_STAGE_REVIEW, wn_pass_teasers,
     "verdicts, blocks' measures, the element tree, listing, says_article",
     "verdicts (teasers and their kickers dropped)"},
    {WN_PASS_ORPHAN_HEADINGS, "orphan-headings", WN_STAGE_REVIEW, wn_pass_orphan_headings,
     "verdicts, blocks, the element tree, listing, says_article",
     "verdicts (empty sections' headings, lead-ins over dropped links dropped)"},
    {WN_PASS_TOO_LITTLE, "too-little", WN_STAGE_REVIEW, wn_pass_too_little,
     "verdicts, blocks' measures, element in_price_grid, listing, post_headline",
     "verdicts (everything dropped on a near-empty page that is no short post)"},
    {WN_PASS_STATED_BODY, "stated-body", WN_STAGE_REVIEW, wn_pass_stated_body,
     "verdicts, blocks' lengths, stated_body (JSON-LD articleBody)",
     "blocks appended from the stated body; verdicts (what it replaces dropped)"},
    {WN_PASS_TITLE, "title", WN_STAGE_TITLE, pass_title,
     "verdicts, headings, cues, og/html titles", "title; verdicts (a heading repeating it dropped)"},
};

enum { PASS_TABLE_SIZE = sizeof PASSES / sizeof PASSES[0] };
_Static_assert(PASS_TABLE_SIZE == WN_PASS_COUNT - 1, "one table entry per pass");

/* Before any pass: nothing chosen yet, and the language as far as the
 * caller or the page states it (the language stage may revise it). */
static void start(wn_page *page) {
  page->region = -1;
  page->article_headline = page->article_body = page->anchor_headline = -1;
  page->article_paragraphs = 0;
  page->article_end = -1;
  page->post_headline = -1;
  page->author_line = page->date_line = -1;
  page->caption_names = 0;
  page->doc_lang = page->stated_lang >= 0 ? page->stated_lang : wn_lang_find(page->lang);
}

void wn_classify_stage_run(wn_page *page, wn_classify_stage stage) {
  if (stage == WN_STAGE_CLASSIFY) start(page);
  /* A page without blocks has nothing to judge, only a title to find. */
  if (!page->block_count && stage != WN_STAGE_TITLE) return;
  /* On the heap, so that what it holds is still known after a jump out of
   * a pass (memory, time limit, cancel): it is freed, then the jump goes on. */
  wn_pass_state *state = wn_xcalloc(1, sizeof *state);
  state->outer = -1;
  wn_recovery recovery;
  wn_recovery_push(&recovery);
  int jumped = setjmp(recovery.jump);
  if (!jumped) {
    for (size_t i = 0; i < PASS_TABLE_SIZE; i++)
      if (PASSES[i].stage == stage) PASSES[i].run(page, state);
    wn_recovery_pop(&recovery);
  }
  free(state->landmark);
  free(state);
  if (jumped) wn_jump_outward(jumped);
}

void wn_classify(wn_page *page) {
  static const wn_classify_stage STAGES[] = {WN_STAGE_CLASSIFY, WN_STAGE_LANGUAGE,
                                             WN_STAGE_REVIEW, WN_STAGE_TITLE};
  for (size_t i = 0; i < sizeof STAGES / sizeof STAGES[0]; i++)
    wn_classify_stage_run(page, STAGES[i]);
}

void wn_decide(wn_block *b, wn_reason reason, wn_pass pass) {
  int keep = reason == WN_KEEP_CONTENT || reason == WN_KEEP_HEADING;
  bool same = b->decided_by != WN_PASS_NONE && b->keep == keep && b->reason == (int)reason;
  b->keep = keep;
  b->reason = reason;
  if (!same) b->decided_by = pass;
}

const char *wn_pass_name(int pass) {
  if (pass == WN_PASS_NONE) return "none";
  for (size_t i = 0; i < PASS_TABLE_SIZE; i++)
    if ((int)PASSES[i].id == pass) return PASSES[i].name;
  return "?";
}

const char *wn_reason_name(int reason) {
  static const char *const names[WN_REASON_COUNT] = {
      [WN_KEEP_CONTENT] = "content",
      [WN_KEEP_HEADING] = "heading",
      [WN_DROP_OUTSIDE_MAIN] = "outside-main",
      [WN_DROP_NAVIGATION] = "navigation",
      [WN_DROP_FOOTER] = "footer",
      [WN_DROP_HEADER] = "header",
      [WN_DROP_SIDEBAR] = "sidebar",
      [WN_DROP_BOILERPLATE_NAME] = "boilerplate-name",
      [WN_DROP_COMMENTS] = "comments",
      [WN_DROP_DIALOG] = "dialog",
      [WN_DROP_LINK_DENSE] = "link-dense",
      [WN_DROP_SHORT] = "too-little-content",
      [WN_DROP_TITLE_REPEAT] = "title-repeat",
      [WN_DROP_EMPTY] = "empty-section",
      [WN_DROP_LABEL] = "label",
      [WN_DROP_CHROME_LINE] = "chrome-line",
      [WN_DROP_CHROME_SECTION] = "chrome-section",
      [WN_DROP_CONSENT_MANAGER] = "consent-manager",
      [WN_DROP_CONSENT_TEXT] = "consent-text",
      [WN_DROP_AI_LABEL] = "ai-label",
      [WN_DROP_DUPLICATE] = "duplicate",
      [WN_DROP_CAPTION] = "caption",
      [WN_DROP_TEASER] = "teaser",
      [WN_DROP_FOREIGN] = "foreign-language",
      [WN_DROP_MACHINE_TEXT] = "machine-text",
      [WN_DROP_METADATA] = "metadata",
      [WN_DROP_FORM] = "form",
      [WN_DROP_PITCH] = "pitch",
      [WN_DROP_UNSTATED] = "replaced-by-stated-body",
  };
  return reason >= 0 && reason < WN_REASON_COUNT && names[reason] ? names[reason] : "?";
}
