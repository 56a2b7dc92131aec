/*
 * Readers' comments that no name marks: a thread is a run of posts, each
 * under a stamp of who wrote it and when ("Piter 6 января 2012 14:05",
 * "~lok [2012-01-20 14:08]", "kasjer (gość), 03.01.12, 21:00:42"). The
 * stamps repeat one template, so they sit at the same place in the tree;
 * the element that holds them all, and no headline, is the thread.
 */
#include <stdlib.h>

#include "buffer.h"
#include "classify_passes.h"
#include "classify_tuning.h"
#include "dates.h"


/* A time of day: one or two digits, a colon, two digits ("9:05", "21:46:02"). */
static bool has_time_of_day(const wn_block *b) {
  const char *t = b->text;
  for (size_t i = 1; i + 2 < b->text_len; i++) {
    if (t[i] != ':') continue;
    bool before = t[i - 1] >= '0' && t[i - 1] <= '9';
    bool after = t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] >= '0' && t[i + 2] <= '9';
    bool more = i + 3 < b->text_len && t[i + 3] >= '0' && t[i + 3] <= '9';
    if (before && after && !more) return true;
  }
  return false;
}

/* A short line that dates a post to the minute: a name, a date and a
 * time; its name may be a link to the writer's site. A heading needs no
 * time: a template that sets its stamps as headings ("Jermaine 07 Nov 12")
 * sets them apart from the posts (a digit is sought before the date's
 * parse, which costs more). */
bool wn_is_signed_stamp(const wn_block *b) {
  if (b->kind == WN_BLOCK_CODE || b->words > STAMP_MAX_WORDS || b->cjk_chars > 0) return false;
  if (!has_time_of_day(b) && (b->kind != WN_BLOCK_HEADING || !wn_block_holds_digit(b))) return false;
  char *iso = wn_date_iso(b->text, 0);
  free(iso);
  return iso != NULL || wn_names_day_and_month(b->text);
}

/* ... and mostly unlinked: a dated line of links is a list's entry,
 * unless its name and its time are links of their own (the writer's site
 * and the post's permalink, "Joel K | October 31, 2012 at 9:43 am") or it
 * holds no more than a date and a time (the permalink alone, "September
 * 27th, 2012 at 11:01 pm", under the writer's name on a line of its own). */
bool wn_is_stamp(const wn_block *b) {
  if (wn_link_density(b) > LINK_DENSE && b->links < STAMP_LINKED_PARTS &&
      b->words > STAMP_TIME_ONLY_WORDS)
    return false;
  return wn_is_signed_stamp(b);
}

/* Where a block sits in its template: its tag, depth and the tags above it. */
static uint64_t template_of(const wn_page *page, const wn_block *b) {
  const wn_element *e = &page->elements[b->owner];
  uint64_t h = 1469598103934665603u ^ (uint64_t)e->depth;
  int at = b->owner;
  for (int up = 0; up < STAMP_TEMPLATE_DEPTH && at >= 0; up++, at = page->elements[at].parent)
    h = (h ^ (uint64_t)page->elements[at].tag) * 1099511628211u;
  return h;
}

typedef struct stamp {
  uint64_t template;
  size_t block;
} stamp;

static int by_template(const void *a, const void *b) {
  const stamp *x = a, *y = b;
  if (x->template != y->template) return x->template < y->template ? -1 : 1;
  return x->block < y->block ? -1 : x->block > y->block;
}

/* A linked heading of more than a name's words, or a line of several
 * words in one link: another page's headline (a row of buttons, "Reply |
 * Report", is several links; a post's writer is named in a linked heading
 * of a word or two). */
static bool linked_headline(const wn_block *b) {
  if (wn_link_density(b) < TEASER_LINK_SHARE) return false;
  if (b->kind == WN_BLOCK_HEADING) return b->words > STAMP_NAME_WORDS;
  return b->words >= STAMP_GAP_HEADLINE_WORDS && b->card_link_chars >= TEASER_LINK_SHARE * b->chars;
}

/* The tree in document order: element e holds the elements e up to, not
 * including, end[e], and a block inside it lies in one run of blocks. */
typedef struct tree_span {
  size_t *end;
  const bool *stamped; /* by block: a stamp of any template */
  int headline; /* owner of the page's first <h1> (posts may title themselves
                   with later ones), or -1 */
} tree_span;

static bool within(const tree_span *t, int element, int holder) {
  return element >= holder && (size_t)element < t->end[holder];
}

/* The text of one template's stamps s[0..n), in document order, inside the
 * element that holds them all. */
typedef struct thread_text {
  double before, longest_post, last_post;
  size_t posts, teasers, titled;
  size_t before_blocks; /* before the first stamp */
  bool before_titled;   /* ... the first of them a heading */
} thread_text;

static void measure_thread(const wn_page *page, const tree_span *t, int holder, const stamp *s,
                           size_t n, thread_text *m) {
  size_t first = s[0].block, last = s[n - 1].block;
  while (first > 0 && within(t, page->blocks[first - 1].owner, holder)) first--;
  /* The last post ends where another template's stamp begins a post of
   * its own (a thread nested in this one's holder is measured apart). */
  while (last + 1 < page->block_count && within(t, page->blocks[last + 1].owner, holder) &&
         !t->stamped[last + 1])
    last++;
  double post = 0;
  size_t k = 0;
  bool headed = false; /* the block before is a post's title */
  for (size_t i = first; i <= last; i++) {
    const wn_block *b = &page->blocks[i];
    if (k < n && i == s[k].block) {
      if (k > 0 && post > m->longest_post) m->longest_post = post;
      post = 0;
      headed = false;
      k++;
    } else if (k == 0) {
      if (m->before_blocks++ == 0) m->before_titled = b->kind == WN_BLOCK_HEADING;
      m->before += wn_block_length(b);
    } else {
      if (linked_headline(b)) m->teasers++;
      bool title = b->kind == WN_BLOCK_HEADING && post == 0;
      if (title) m->titled++;
      /* (Under a post's own title, a line of a few words is its text.) */
      bool said = wn_reads_as_prose(b) || (headed && b->kind == WN_BLOCK_PARAGRAPH);
      headed = title;
      if (!said || wn_link_density(b) > LINK_DENSE) continue;
      if (post == 0) m->posts++;
      post += wn_block_length(b);
    }
  }
  m->last_post = post;
  if (post > m->longest_post) m->longest_post = post;
}

/*
 * The stamps s[0..n) of one template head posts when the text between them
 * is the posts' own (not linked headlines: dated teasers are a list of
 * stories), and the element that holds them holds neither the page's
 * headline nor an article before the first stamp.
 */
static int thread_of(const wn_page *page, const tree_span *t, const stamp *s, size_t n,
                     size_t min_posts) {
  int holder = page->blocks[s[0].block].owner;
  for (size_t k = 1; k < n; k++)
    holder = wn_common_ancestor(page, holder, page->blocks[s[k].block].owner);
  if (holder <= 0 || (t->headline >= 0 && within(t, t->headline, holder))) return -1;
  thread_text m = {0};
  measure_thread(page, t, holder, s, n, &m);
  if (m.posts < min_posts || m.teasers * 2 > n) return -1;
  /* Dates set as headings over titled posts are a blog's days (Blogger's
   * date header), not its readers' signatures. */
  if (!has_time_of_day(&page->blocks[s[0].block]) && m.titled > 0) return -1;
  /* Posts under their stamps leave little before the first; posts over
   * them (the stamp signs the post) leave one post before it, and little
   * after the last stamp. */
  bool lead = m.before <= STAMP_MAX_LEAD ||
              (m.last_post <= STAMP_MAX_LEAD && m.before <= m.longest_post);
  /* Titled posts over their stamps: a title and its text before the
   * first stamp are one post, however long. */
  if (m.titled + 1 >= n && m.before_titled && m.before_blocks <= TITLED_POST_BLOCKS &&
      m.last_post <= STAMP_MAX_LEAD)
    lead = true;
  return lead ? holder : -1;
}

static void tree_span_build(const wn_page *page, tree_span *t) {
  size_t n = page->element_count;
  t->end = wn_xcalloc(n ? n : 1, sizeof *t->end);
  for (size_t i = 0; i < n; i++) t->end[i] = i + 1;
  for (size_t i = n; i-- > 1;) {
    int parent = page->elements[i].parent;
    if (parent >= 0 && t->end[i] > t->end[parent]) t->end[parent] = t->end[i];
  }
  t->headline = -1;
  for (size_t i = 0; i < page->block_count && t->headline < 0; i++)
    if (page->blocks[i].heading_level == 1) t->headline = page->blocks[i].owner;
}

/* The fewest posts a thread of stamps needs: fewer when a comments label,
 * linked or not (a tab, a jump to the form), sits right above the first. */
static size_t min_posts_of(const wn_page *page, size_t first_stamp) {
  size_t from = first_stamp > STAMP_TITLE_DISTANCE ? first_stamp - STAMP_TITLE_DISTANCE : 0;
  for (size_t i = from; i < first_stamp; i++)
    if (wn_lex_titles_comments(page->blocks[i].lexicon)) return STAMP_TITLED_MIN_POSTS;
  return STAMP_MIN_POSTS;
}

/* A page typed a forum thread or a question is its posts and answers. */
bool wn_posts_are_content(const wn_page *page) {
  if (page->says_forum_thread) return true;
  for (size_t i = 0; i < page->element_count; i++)
    if (page->elements[i].flags & WN_EL_QUESTION) return true;
  return false;
}

void wn_pass_comment_threads(wn_page *page, wn_pass_state *state) {
  (void)state;
  if (wn_posts_are_content(page)) return;
  size_t count = 0;
  stamp *stamps = wn_xcalloc(page->block_count ? page->block_count : 1, sizeof *stamps);
  bool *stamped = wn_xcalloc(page->block_count ? page->block_count : 1, sizeof *stamped);
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (page->elements[b->owner].inherited & WN_EL_COMMENTS) continue;
    if (!wn_is_stamp(b)) continue;
    stamped[i] = true;
    stamps[count].template = template_of(page, b);
    stamps[count].block = i;
    count++;
  }
  qsort(stamps, count, sizeof *stamps, by_template);
  tree_span tree;
  tree_span_build(page, &tree);
  tree.stamped = stamped;
  bool marked = false;
  for (size_t first = 0, end; first < count; first = end) {
    for (end = first + 1; end < count && stamps[end].template == stamps[first].template;) end++;
    size_t min_posts = min_posts_of(page, stamps[first].block);
    if (end - first < min_posts) continue;
    int thread = thread_of(page, &tree, stamps + first, end - first, min_posts);
    if (thread < 0) continue;
    page->elements[thread].flags |= WN_EL_COMMENTS;
    marked = true;
  }
  if (marked) wn_recompute_inherited(page);
  free(tree.end);
  free(stamped);
  free(stamps);
}
