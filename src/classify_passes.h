/*
 * What the classifier's files share: the state passed from pass to pass,
 * the passes themselves (run in the order of the table in classify.c, which
 * says what each may read and write), and the measures several of them use.
 * Not part of the library's interface.
 */
#ifndef WN_CLASSIFY_PASSES_H
#define WN_CLASSIFY_PASSES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article_anchor.h"
#include "classify.h"
#include "lexicon.h"

/* Cues that make an element page chrome, and cues that make it content. */
static const uint32_t CHROME_FLAGS = WN_EL_NAV | WN_EL_FOOTER | WN_EL_HEADER | WN_EL_ASIDE |
                                     WN_EL_DIALOG | WN_EL_NEGATIVE_NAME | WN_EL_CONSENT;
static const uint32_t CONTENT_FLAGS = WN_EL_ARTICLE | WN_EL_MAIN | WN_EL_POSITIVE_NAME;

/* What a pass hands to later ones besides the page itself. */
typedef struct wn_pass_state {
  bool *landmark;   /* elements holding an article, main or an h1 (landmarks) */
  int outer;        /* the region before tightening (region passes) */
  bool comments_ok; /* comment names say nothing here (comments) */
  bool article;     /* a headline with prose under it was found (article-anchor) */
  wn_article_anchor anchor;
} wn_pass_state;

typedef void wn_pass_fn(wn_page *page, wn_pass_state *state);

/* classify_measure.c */
wn_pass_fn wn_pass_measure;
double wn_block_length(const wn_block *b);
double wn_link_density(const wn_block *b);
double wn_page_link_density(const wn_page *page, const wn_block *b);
bool wn_machine_text(const wn_block *b);
bool wn_reads_as_prose(const wn_block *b);
/* Whether `text` opens with a quotation mark of a language winnow reads. */
bool wn_opens_with_quote(const char *text);
/* Whether such a mark ends at `at`, inside `text` (what follows is quoted). */
bool wn_quote_opens_at(const char *text, const char *at);
bool wn_structured_item(const wn_block *b);
void wn_sum_up_tree(const wn_page *page, double *values);
void wn_count_up_tree(const wn_page *page, size_t *counts);
void wn_recompute_inherited(wn_page *page);
uint32_t wn_flags_below(const wn_page *page, int owner, int region);
/* The text inside the region in readers' comments (by the names of the
 * boxes between a block and the region) and the rest; customers' reviews
 * count as neither. */
void wn_weigh_comments(const wn_page *page, int region, double *comment, double *other);
bool wn_inside(const wn_page *page, int element, int region);
int wn_common_ancestor(const wn_page *page, int a, int b);
int wn_list_of(const wn_page *page, const wn_block *b);
/* A heading or line that is one link to the site's home page: the site's
 * name set as a logo. */
bool wn_links_home_only(const wn_page *page, const wn_block *b);
/* Whether the element's subtree holds a picture (a card's thumbnail). */
bool wn_holds_picture(const wn_page *page, int root);
int wn_table_of(const wn_page *page, const wn_block *b);
/* Non-zero 64-bit keys to the first value added with each (open
 * addressing, sized for `n` keys at init); find gives -1 for a key absent. */
typedef struct wn_hash_index {
  uint64_t *keys;
  int *values;
  size_t mask;
} wn_hash_index;
void wn_hash_index_init(wn_hash_index *x, size_t n);
void wn_hash_index_add(wn_hash_index *x, uint64_t key, int value);
int wn_hash_index_find(const wn_hash_index *x, uint64_t key);
void wn_hash_index_free(wn_hash_index *x);

/* classify_cues.c */
wn_pass_fn wn_pass_landmarks, wn_pass_wrapper_names, wn_pass_card_names;

/* classify_threads.c */
wn_pass_fn wn_pass_comment_threads;
/* A page typed a forum thread or a question: its posts are its content. */
bool wn_posts_are_content(const wn_page *page);
/* A short line that dates a post to the minute: a name, a date and a time. */
bool wn_is_stamp(const wn_block *b);
/* The same, its name possibly a link to the writer's site. */
bool wn_is_signed_stamp(const wn_block *b);

/* classify_lexicon.c */
wn_pass_fn wn_pass_lexicon, wn_pass_consent_banners;
bool wn_concept_is_comments(const wn_lex_entry *hit);
/* Blocks after a section heading (or label) up to where its section ends. */
size_t wn_section_end(const wn_page *page, size_t heading);
/* The same, but a label's section is not ended by the first paragraph of
 * prose: it runs to the end of the box it heads, or to a heading of its level. */
size_t wn_section_box_end(const wn_page *page, size_t heading);
bool wn_concept_is_date(const wn_lex_entry *hit);
bool wn_concept_is_generated_image(const wn_lex_entry *hit);
/* A picture's copyright or credit line ("© Agency", "Photo: Name"). */
bool wn_concept_is_credit(const wn_lex_entry *hit);
/* A hit that titles a comment section ("Comments", "53 Responses to ..."). */
bool wn_lex_titles_comments(const wn_lex_entry *hit);
/* A hit that titles comments and counts them: a row written with its
 * count ("0 comments", "0 responses to *"). */
bool wn_lex_counts_comments(const wn_lex_entry *hit);
/* The block is a comments title with their count ("57 Comments", "Σχόλια (2)"). */
bool wn_block_counts_comments(const wn_block *b);
/* The block's text holds a digit (a cheap test before a parse or a lookup). */
bool wn_block_holds_digit(const wn_block *b);

/* classify_region.c */
wn_pass_fn wn_pass_article_anchor, wn_pass_anchored_region;
wn_pass_fn wn_pass_region, wn_pass_widen_region, wn_pass_tighten_region, wn_pass_tab_panels,
    wn_pass_question_region, wn_pass_stated_body_region;

/* classify_judge.c */
wn_pass_fn wn_pass_comments, wn_pass_judge, wn_pass_comments_tail, wn_pass_readers_comments;
/* Judge one block against `region` and record the verdict as `pass`'s. */
void wn_judge(const wn_page *page, wn_block *b, int region, bool comments_ok, wn_pass pass);
bool wn_in_card_grid(const wn_page *page, int e);

/* classify_repairs.c */
wn_pass_fn wn_pass_gallery_captions, wn_pass_headline_context, wn_pass_adjacent_prose,
    wn_pass_announced_lists, wn_pass_price_grids, wn_pass_kickers, wn_pass_duplicates,
    wn_pass_pitches;

/* classify_review.c */
wn_pass_fn wn_pass_teasers, wn_pass_orphan_headings, wn_pass_too_little, wn_pass_stated_body;

#endif
