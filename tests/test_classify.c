/*
 * Stage 5 (classify): which blocks are kept, why the others go, the title.
 *
 * The pages are small but realistic, and the assertions are about stable
 * behaviour: what is kept, and for dropped blocks a reason from a sensible
 * set (several reasons are defensible for, say, a sidebar outside the main
 * region). Reasons are compared by name so that new reasons do not break
 * the build.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "buffer.h"
#include "classify.h"
#include "langid.h"
#include "render.h"
#include "segment.h"
#include "page_doc.h"
#include "winnow.h"

/* ---- fixture and helpers ------------------------------------------------ */

/* Every block has a known reason, keep agrees with it, and a pass decided it. */
static void assert_reasons_valid(const wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->decided_by <= WN_PASS_NONE || b->decided_by >= WN_PASS_COUNT)
      fail_msg("no pass decided \"%s\"", b->text);
    assert_string_not_equal(wn_pass_name(b->decided_by), "?");
    assert_true(b->reason >= 0 && b->reason < WN_REASON_COUNT);
    const char *name = wn_reason_name(b->reason);
    assert_non_null(name);
    assert_string_not_equal(name, "?");
    bool keep_reason = b->reason == WN_KEEP_CONTENT || b->reason == WN_KEEP_HEADING;
    if (b->keep != 0) assert_true(keep_reason);
    else assert_false(keep_reason);
  }
  assert_non_null(page->title);
  if (page->block_count) assert_true(page->region >= 0 && (size_t)page->region < page->element_count);
}

/* Parse, segment and classify `html`; the page lives until the teardown. */
static wn_page *classify(void **state, const char *html) {
  wn_page *page = doc_segment(state, html);
  wn_classify(page);
  assert_reasons_valid(page);
  return page;
}

/* The rendered text (with the title) of the classified page. */
static const char *rendered(void **state) {
  doc *d = *state;
  wn_buf_clear(&d->text);
  wn_render_text(&d->page, 1, &d->text);
  return d->text.data ? d->text.data : "";
}

static const wn_block *find_block(const wn_page *page, const char *needle) {
  for (size_t i = 0; i < page->block_count; i++)
    if (strstr(page->blocks[i].text, needle)) return &page->blocks[i];
  fail_msg("no block contains \"%s\"", needle);
  return NULL;
}

static void assert_kept(const wn_page *page, const char *needle) {
  const wn_block *b = find_block(page, needle);
  if (!b->keep)
    fail_msg("\"%s\" dropped (%s), expected kept", needle, wn_reason_name(b->reason));
}

/* The block is dropped for one of the named reasons (NULL-terminated). */
static void assert_dropped_for(const wn_page *page, const char *needle, const char *const *reasons) {
  const wn_block *b = find_block(page, needle);
  if (b->keep) fail_msg("\"%s\" kept, expected dropped", needle);
  const char *got = wn_reason_name(b->reason);
  for (int i = 0; reasons[i]; i++)
    if (strcmp(got, reasons[i]) == 0) return;
  fail_msg("\"%s\" dropped for \"%s\", not one of the expected reasons", needle, got);
}

#define REASONS(...) ((const char *const[]){__VA_ARGS__, NULL})

static size_t kept_count(const wn_page *page) {
  size_t n = 0;
  for (size_t i = 0; i < page->block_count; i++) n += page->blocks[i].keep != 0;
  return n;
}

static size_t occurrences(const char *haystack, const char *needle) {
  size_t n = 0;
  for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
  return n;
}

/* ---- pages ------------------------------------------------------------- */

static const char ARTICLE_PAGE[] =
    "<html><head><title>Bees in Winter | Garden Weekly</title>"
    "<meta property=\"og:site_name\" content=\"Garden Weekly\"></head><body>"
    "<header class=\"site-header\"><a href=\"/\">Garden Weekly</a>"
    "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/tips\">Tips</a></li>"
    "<li><a href=\"/about\">About us</a></li></ul></nav></header>"
    "<div class=\"layout\"><main><article>"
    "<h1>Bees in Winter</h1>"
    "<p>Honey bees do not hibernate. Through the cold months the colony forms a tight "
    "cluster around the queen, and the workers shiver their flight muscles to keep the "
    "centre of the cluster warm.</p>"
    "<p>The outer layer of bees acts as insulation. Bees rotate between the cold edge and "
    "the warm core, so no single bee stays outside for too long, and the whole cluster "
    "drifts slowly across the combs as it eats its stores.</p>"
    "<h2>Feeding the colony</h2>"
    "<p>A strong colony needs about twenty kilograms of honey to last until spring. If the "
    "stores run short, beekeepers can add fondant or thick sugar syrup, though syrup should "
    "only be given while it is still warm enough for the bees to process it.</p>"
    "<p><a href=\"/a\">our feeding guide</a>, <a href=\"/b\">fondant recipes</a> and "
    "<a href=\"/c\">winter checklists</a></p>"
    "<h2>Hive gallery</h2>"
    "<h2>Further reading</h2>"
    "<ul class=\"related-links\">"
    "<li><a href=\"/r1\">How bees make honey in the summer months</a></li>"
    "<li><a href=\"/r2\">Ten plants that bees love in your garden</a></li>"
    "<li><a href=\"/r3\">Why the queen bee matters so much to a hive</a></li></ul>"
    "</article></main>"
    "<aside class=\"sidebar\"><h3>Popular</h3><ul><li><a href=\"/p1\">Growing tomatoes</a></li>"
    "<li><a href=\"/p2\">Pruning roses</a></li></ul>"
    "<p>Sign up for our newsletter today, it is free.</p></aside>"
    "</div>"
    "<footer><p>Copyright 2024 Garden Weekly. All rights reserved.</p>"
    "<ul><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms\">Terms</a></li></ul>"
    "</footer>"
    "<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to improve your "
    "experience. By continuing to browse, you agree to our use of cookies.</p>"
    "<button>Accept</button></div>"
    "</body></html>";

static void test_article_keeps_only_article_blocks(void **state) {
  wn_page *page = classify(state, ARTICLE_PAGE);
  assert_kept(page, "Honey bees do not hibernate");
  assert_kept(page, "The outer layer of bees");
  assert_kept(page, "Feeding the colony");
  assert_kept(page, "A strong colony needs");
  assert_int_equal(kept_count(page), 4);

  assert_dropped_for(page, "News", REASONS("navigation", "outside-main", "header"));
  assert_dropped_for(page, "About us", REASONS("navigation", "outside-main", "header"));
  assert_dropped_for(page, "Growing tomatoes",
                     REASONS("sidebar", "outside-main", "link-dense", "boilerplate-name", "chrome-section"));
  assert_dropped_for(page, "Sign up for our newsletter",
                     REASONS("sidebar", "outside-main", "boilerplate-name", "chrome-line", "chrome-section"));
  assert_dropped_for(page, "Copyright 2024", REASONS("footer", "outside-main", "chrome-line"));
  assert_dropped_for(page, "Privacy", REASONS("footer", "outside-main", "link-dense"));
  assert_dropped_for(page, "We use cookies", REASONS("dialog", "outside-main", "chrome-line", "consent-manager", "consent-text"));
  assert_dropped_for(page, "How bees make honey",
                     REASONS("boilerplate-name", "link-dense", "outside-main",
                             "chrome-section"));
}

static void test_article_link_dense_block_inside_region(void **state) {
  wn_page *page = classify(state, ARTICLE_PAGE);
  const wn_block *b = find_block(page, "fondant recipes");
  assert_true(b->link_chars * 2 > b->chars);
  assert_dropped_for(page, "fondant recipes", REASONS("link-dense"));
}

static void test_article_heading_without_content_is_dropped(void **state) {
  wn_page *page = classify(state, ARTICLE_PAGE);
  /* Followed at once by another h2: its section holds nothing. */
  assert_dropped_for(page, "Hive gallery", REASONS("empty-section"));
  /* Its section is only the dropped related list. */
  assert_dropped_for(page, "Further reading", REASONS("empty-section", "chrome-section",
                                                      "chrome-line"));
}

/* An old page's headline set as a bold paragraph, or as a line over the
 * text of its layout cell: the title printed over the text says it once. */
static const char *const OLD_STORY =
    "The harbour board voted on Tuesday to close the north quay to cargo ships "
    "from next spring, after an inspection found the piles under it rotten.";
static const char *const OLD_STORY_MORE =
    "Fishing boats may still tie up there, and the board will ask for bids to "
    "rebuild the quay once the cost of the work is known, said its chairman.";

static void test_bold_paragraph_headline_is_not_repeated(void **state) {
  char html[2048];
  snprintf(html, sizeof html,
           "<html><head><title>North quay to close | Harbour Gazette</title></head><body>"
           "<p><b>North quay to close</b></p><p>%s</p><p>%s</p></body></html>",
           OLD_STORY, OLD_STORY_MORE);
  classify(state, html);
  const char *text = rendered(state);
  assert_int_equal(occurrences(text, "North quay to close"), 1);
  assert_non_null(strstr(text, "rotten."));
}

static void test_title_line_over_a_cell_is_not_repeated(void **state) {
  char html[2048];
  snprintf(html, sizeof html,
           "<html><head><title>North quay to close | Harbour Gazette</title></head><body>"
           "<table><tr><td><b>North quay to close</b><br><br>%s<br><br>%s</td></tr></table>"
           "</body></html>", OLD_STORY, OLD_STORY_MORE);
  classify(state, html);
  const char *text = rendered(state);
  assert_int_equal(occurrences(text, "North quay to close"), 1);
  assert_int_equal(strncmp(text, "North quay to close\n\nThe harbour board", 38), 0);
}

/* The headline set twice, as an <h1> and again over the story as an <h3>
 * (a print layout's and the story's): the title is printed once. */
static void test_headline_set_twice_is_printed_once(void **state) {
  char html[2048];
  snprintf(html, sizeof html,
           "<html><head><title>North quay to close</title></head><body>"
           "<h1>North quay to close</h1><div class=\"story\"><h3>North quay to close</h3>"
           "<p>%s</p><p>%s</p></div></body></html>", OLD_STORY, OLD_STORY_MORE);
  classify(state, html);
  const char *text = rendered(state);
  assert_int_equal(occurrences(text, "North quay to close"), 1);
  assert_non_null(strstr(text, "rotten."));
}

static void test_article_h1_is_title_and_not_repeated(void **state) {
  wn_page *page = classify(state, ARTICLE_PAGE);
  assert_string_equal(page->title, "Bees in Winter");
  assert_dropped_for(page, "Bees in Winter", REASONS("title-repeat"));
  const char *text = rendered(state);
  assert_int_equal(occurrences(text, "Bees in Winter"), 1);
  assert_int_equal(strncmp(text, "Bees in Winter\n\n", 16), 0);
  assert_null(strstr(text, "cookies"));
  assert_null(strstr(text, "Copyright"));
  assert_null(strstr(text, "Growing tomatoes"));
}

/* ---- titles -------------------------------------------------------------- */

static const char BODY_WITHOUT_H1[] =
    "<p>Honey bees do not hibernate. Through the cold months the colony forms a tight "
    "cluster around the queen, and the workers shiver to keep the centre warm.</p>"
    "<p>The outer layer of bees acts as insulation, and bees rotate between the cold "
    "edge and the warm core of the cluster.</p>";

static wn_page *page_with_head(void **state, const char *head) {
  char html[4096];
  snprintf(html, sizeof html, "<html><head>%s</head><body>%s</body></html>", head,
           BODY_WITHOUT_H1);
  return classify(state, html);
}

static void test_og_title_used_when_no_h1(void **state) {
  wn_page *page = page_with_head(state, "<title>Something else | Garden Weekly</title>"
                                        "<meta property=\"og:title\" content=\"Bees in winter\">");
  assert_string_equal(page->title, "Bees in winter");
}

static void test_html_title_loses_site_name(void **state) {
  wn_page *page = page_with_head(state, "<title>Bees in winter | Garden Weekly</title>");
  assert_string_equal(page->title, "Bees in winter");
}

static void test_site_name_decides_which_side_goes(void **state) {
  /* The site side is the longer one here: only og:site_name can tell. */
  wn_page *page = page_with_head(state,
                                 "<title>Bees | The Garden Weekly Magazine</title>"
                                 "<meta property=\"og:site_name\" content=\"The Garden Weekly Magazine\">");
  assert_string_equal(page->title, "Bees");
}

static void test_site_name_first_in_title(void **state) {
  wn_page *page = page_with_head(state,
                                 "<title>Garden Weekly - Bees in winter</title>"
                                 "<meta property=\"og:site_name\" content=\"Garden Weekly\">");
  assert_string_equal(page->title, "Bees in winter");
}

/* A site name that itself contains a separator is still one site name. */
static void test_site_name_containing_a_separator(void **state) {
  wn_page *page = page_with_head(state,
                                 "<title>Bees in winter | Garden - Weekly</title>"
                                 "<meta property=\"og:site_name\" content=\"Garden - Weekly\">");
  assert_string_equal(page->title, "Bees in winter");
}

static void test_h1_beats_og_title(void **state) {
  char html[4096];
  snprintf(html, sizeof html,
           "<html><head><title>T | S</title><meta property=\"og:title\" content=\"OG\"></head>"
           "<body><article><h1>The real headline</h1>%s</article></body></html>",
           BODY_WITHOUT_H1);
  wn_page *page = classify(state, html);
  assert_string_equal(page->title, "The real headline");
}

static void test_logo_h1_in_site_header_is_not_the_title(void **state) {
  char html[4096];
  snprintf(html, sizeof html,
           "<html><head><title>Bees in winter | Garden Weekly</title></head><body>"
           "<header><h1><a href=\"/\">Garden Weekly</a></h1></header>"
           "<article>%s</article></body></html>",
           BODY_WITHOUT_H1);
  wn_page *page = classify(state, html);
  assert_string_equal(page->title, "Bees in winter");
}

static void test_no_title_anywhere_is_empty(void **state) {
  wn_page *page = classify(state, BODY_WITHOUT_H1);
  assert_string_equal(page->title, "");
}

/* ---- pages with nothing to keep -------------------------------------- */

/* A <nav> by its tag stays navigation even when its menu blurbs outweigh
 * the article; only a name ("has-nav") is taken for a mislabelled wrapper. */
static void test_nav_tag_holding_much_text_stays_navigation(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Ferry timetable changes</title></head><body>"
      "<nav><ul>"
      "<li><a href=\"/travel\">Travel</a><p>Timetables, fares and live departures for every "
      "ferry, bus and train route on the islands, updated through the day.</p></li>"
      "<li><a href=\"/stay\">Stay</a><p>Hotels, guest houses and campsites across the islands, "
      "with reviews from visitors and offers for early bookings in the spring.</p></li>"
      "<li><a href=\"/eat\">Eat</a><p>Restaurants, cafes and markets, from harbour fish "
      "kitchens to the farm shops inland, with opening hours for every season.</p></li>"
      "<li><a href=\"/do\">Do</a><p>Walks, beaches, museums and boat trips, with maps and "
      "suggestions for rainy days and for families with small children.</p></li>"
      "</ul></nav>"
      "<main><h1>Ferry timetable changes</h1>"
      "<p>From the first of May the morning ferry leaves the north harbour at seven instead "
      "of half past six, and the last evening sailing moves to nine o'clock.</p>"
      "<p>The operator says the change follows a survey of commuters, most of whom asked for "
      "a later return in summer.</p></main>"
      "</body></html>");
  assert_kept(page, "From the first of May");
  assert_dropped_for(page, "Hotels, guest houses", REASONS("navigation", "outside-main"));
}

static void test_login_form_keeps_nothing(void **state) {
  wn_page *page = classify(state,
                           "<html><head><title>Sign in</title></head><body>"
                           "<form action=\"/login\"><h2>Sign in</h2>"
                           "<label>Email</label><input name=\"e\">"
                           "<label>Password</label><input type=\"password\">"
                           "<button>Sign in</button>"
                           "<p><a href=\"/forgot\">Forgot your password?</a></p></form>"
                           "</body></html>");
  assert_int_equal(kept_count(page), 0);
  assert_string_equal(rendered(state), "");
}

/* A pitch closing a story: a short paragraph that opens by asking the
 * reader and links to the offer. A question inside the story, with the
 * story's text after it, stays. */
static const char PITCH_PAGE[] =
    "<html><head><meta property=\"og:type\" content=\"article\"></head><body><article>"
    "<h1>Ferry service resumes after the storm</h1>"
    "<p>The harbour authority reopened the northern ferry route on Tuesday morning after "
    "engineers inspected the damaged pier and declared the landing safe for passengers.</p>"
    "<p>Why did it take so long? The storm moved two of the pier's concrete blocks, and "
    "divers had to <a href=\"/divers\">survey the foundations</a> before any vessel could "
    "dock there again.</p>"
    "<p>Ferries will run every forty minutes until the end of the month, when the winter "
    "timetable with hourly crossings takes over on weekdays and weekends alike.</p>"
    "<p>The authority said repairs to the southern pier would start next spring and take "
    "about six weeks, during which the southern route will stop at the old quay.</p>"
    "<p>Local businesses on the island welcomed the news, saying the week without "
    "crossings had cost them most of their autumn trade and several bookings.</p>"
    "<p>Enjoying our harbour news? Join our channel and get every update on your phone "
    "<a href=\"https://t.me/harbour\">with this invitation link</a>.</p>"
    "</article></body></html>";

static void test_closing_pitch_is_dropped(void **state) {
  wn_page *page = classify(state, PITCH_PAGE);
  assert_kept(page, "Why did it take so long?");
  assert_kept(page, "old quay");
  assert_dropped_for(page, "Enjoying our harbour news?", REASONS("pitch"));
}

static void test_few_words_keep_nothing(void **state) {
  wn_page *page = classify(state, "<html><head><title>Hello</title></head>"
                                  "<body><p>Hello world.</p></body></html>");
  assert_int_equal(kept_count(page), 0);
  assert_string_equal(rendered(state), "");
}

static void test_empty_page(void **state) {
  wn_page *page = classify(state, "");
  assert_int_equal(page->block_count, 0);
  assert_string_equal(page->title, "");
  assert_string_equal(rendered(state), "");
}

/* ---- comments ------------------------------------------------------------ */

static void test_forum_posts_named_comment_are_kept(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Thread: winter feeding</title></head><body>"
      "<nav><a href=\"/\">Forum home</a> <a href=\"/new\">New posts</a></nav>"
      "<div id=\"thread\">"
      "<div class=\"comment\"><p class=\"author\">alice</p><p>Has anyone tried feeding "
      "fondant in January? My hives feel light and I am worried the colonies will starve "
      "before the first spring flowers open.</p></div>"
      "<div class=\"comment\"><p class=\"author\">bob</p><p>Yes, I put a block of fondant "
      "directly above the cluster every winter. The bees take it slowly and it does not add "
      "moisture to the hive the way syrup does.</p></div>"
      "<div class=\"comment\"><p class=\"author\">carol</p><p>Heft the hive from the back "
      "first. If it still feels heavy you may not need to feed at all, and opening the hive "
      "in the cold costs the bees heat.</p></div>"
      "</div><footer><p>Powered by forum software.</p></footer></body></html>");
  assert_kept(page, "Has anyone tried feeding fondant");
  assert_kept(page, "Yes, I put a block of fondant");
  assert_kept(page, "Heft the hive from the back");
  assert_dropped_for(page, "Forum home", REASONS("navigation", "outside-main", "link-dense"));
  assert_dropped_for(page, "Powered by", REASONS("footer", "outside-main", "chrome-line"));
}

static void test_comment_section_after_article_is_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Pruning roses</title></head><body>"
      "<article><h1>Pruning roses</h1>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first, then shorten the "
      "remaining canes.</p>"
      "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
      "and the new shoot grows away from the centre of the bush, keeping it open.</p>"
      "</article>"
      "<section class=\"comments\"><h2>Two comments</h2>"
      "<div class=\"comment\"><p>Great tips, thanks! I always wondered why my roses got so "
      "crowded in the middle every summer.</p></div>"
      "<div class=\"comment\"><p>I prune mine in autumn instead and it seems to work fine "
      "for the climbing varieties in my garden.</p></div>"
      "</section></body></html>");
  assert_kept(page, "Prune roses in late winter");
  assert_kept(page, "Always cut just above");
  assert_dropped_for(page, "Great tips", REASONS("comments", "outside-main"));
  assert_dropped_for(page, "I prune mine in autumn", REASONS("comments", "outside-main"));
  assert_dropped_for(page, "Two comments",
                     REASONS("comments", "outside-main", "empty-section", "chrome-section"));
}

/* Posts no name marks, each under a stamp of its author, date and time. */
#define STAMPED_POST(who, when, text) \
  "<div><p class=\"who\"><b>" who "</b> " when "</p><div><p>" text "</p></div></div>"

static const char UNNAMED_THREAD_PAGE[] =
    "<html><head><title>Pruning roses</title></head><body>"
    "<div class=\"main\"><h1>Pruning roses</h1>"
    "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
    "begin to swell. Cut out dead, damaged and crossing stems first, then shorten the "
    "remaining canes by about a third.</p>"
    "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
    "and the new shoot grows away from the centre of the bush, keeping it open.</p>"
    "<div>"
    STAMPED_POST("Anna", "6 January 2012 14:05", "Great tips, thanks! I always wondered why "
                 "my roses got so crowded in the middle every summer.")
    STAMPED_POST("Piotr", "7 January 2012 01:48", "I prune mine in autumn instead and it "
                 "seems to work fine for the climbing varieties in my garden.")
    STAMPED_POST("Maria", "7 January 2012 22:22", "Does the same advice hold for the old "
                 "shrub roses, or do they need a lighter cut each year?")
    "</div></div></body></html>";

static void test_unnamed_comment_thread_after_article_is_dropped(void **state) {
  wn_page *page = classify(state, UNNAMED_THREAD_PAGE);
  assert_kept(page, "Prune roses in late winter");
  assert_kept(page, "Always cut just above");
  assert_dropped_for(page, "Great tips", REASONS("comments"));
  assert_dropped_for(page, "Does the same advice hold", REASONS("comments"));
  assert_dropped_for(page, "Piotr 7 January", REASONS("comments"));
}

/* Posts under their writers' names set as linked headings (a handle, a
 * first and last name), each with its stamp: a thread, not a list of
 * stories under linked headlines. */
#define NAMED_POST(who, when, text) \
  "<li><h5><a href=\"/u/" who "\">" who "</a></h5><p>Posted on " when "</p><p>" text "</p>" \
  "<p><a href=\"/r\">Report Post</a></p></li>"

static void test_posts_under_linked_names_are_a_thread(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Pruning roses</title></head><body>"
      "<div class=\"x1\"><h1>Pruning roses</h1>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first, then shorten the "
      "remaining canes by about a third.</p>"
      "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
      "and the new shoot grows away from the centre of the bush, keeping it open.</p></div>"
      "<ul class=\"x2\">"
      NAMED_POST("broper", "August 9, 2012 at 11:40am", "Great tips, thanks! I always wondered "
                 "why my roses got so crowded in the middle every summer, and now I know.")
      NAMED_POST("Mary Ellis", "August 9, 2012 at 12:10pm", "I prune mine in autumn instead and "
                 "it seems to work fine for the climbing varieties in my garden.")
      NAMED_POST("seeker9", "August 9, 2012 at 12:31pm", "Does the same advice hold for the old "
                 "shrub roses, or do they need a lighter cut each year?")
      "</ul></body></html>");
  assert_kept(page, "Always cut just above");
  assert_true(page->elements[find_block(page, "Great tips")->owner].inherited & WN_EL_COMMENTS);
  assert_false(find_block(page, "Does the same advice hold")->keep);
}

/* A heading that quotes the page's title speaks of the page (its comments'
 * title, "45 Comments to \u201cTitle\u201d"): the post's own title, set as
 * its permalink, is the headline. */
static void test_heading_quoting_the_title_is_no_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Make movies from your photos</title></head><body>"
      "<h1><a href=\"/\">Gadget Notes</a></h1><h1>Become a partner</h1>"
      "<div class=\"x1\"><h2><a href=\"/movies\">Make movies from your photos</a></h2>"
      "<p>Making a slideshow with music has become popular, and this program turns a folder of "
      "holiday pictures into a film in a few minutes, with transitions and titles of its own.</p>"
      "<p>The wizard asks for the photos and a song, and the result can be exported to most "
      "formats, or burned to a disc to play on a television in the living room.</p></div>"
      "<div class=\"x2\"><h3>45 Comments to \xe2\x80\x9cMake movies from your photos\xe2\x80\x9d"
      " | Leave a Comment!</h3><p>Nice review, I will try it on my own pictures this weekend.</p>"
      "</div></body></html>");
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text, "Make movies from your photos");
}

/* Stamps whose name and time are links of their own (the writer's site,
 * the post's permalink) still stamp posts: a thread under a short story. */
#define LINKED_STAMP_POST(who, when, text) \
  "<div><p><a href=\"http://example.org/" who "\">" who "</a> <a href=\"#c\">" when "</a></p>" \
  "<p>" text "</p></div>"

static void test_posts_under_linked_stamps_are_a_thread(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Pruning roses</title></head><body>"
      "<div class=\"x1\"><h1>Pruning roses</h1><p>October 30, 2012</p>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first, then shorten the "
      "remaining canes by about a third.</p>"
      "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
      "and the new shoot grows away from the centre of the bush, keeping it open.</p>"
      "<div class=\"x2\">"
      LINKED_STAMP_POST("Joel", "October 31, 2012 at 9:43 am", "Great tips, thanks! I always "
                        "wondered why my roses got so crowded in the middle every summer.")
      LINKED_STAMP_POST("Lisa", "October 31, 2012 at 10:00 am", "I prune mine in autumn instead "
                        "and it seems to work fine for the climbing varieties in my garden.")
      LINKED_STAMP_POST("Andy", "October 31, 2012 at 10:12 am", "Does the same advice hold for "
                        "the old shrub roses, or do they need a lighter cut each year?")
      "</div></div></body></html>");
  assert_kept(page, "Always cut just above");
  assert_true(page->elements[find_block(page, "Great tips")->owner].inherited & WN_EL_COMMENTS);
  assert_false(find_block(page, "Does the same advice hold")->keep);
}

/* A post's permalink alone, a date and a time in one link under the
 * writer's name on a line of its own, still stamps the post. */
#define PERMALINK_POST(who, when, text) \
  "<div><p>" who "</p><p><a href=\"#c\">" when "</a></p><p>" text "</p></div>"

static void test_posts_under_permalink_stamps_are_a_thread(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Pruning roses</title></head><body>"
      "<div class=\"x1\"><h1>Pruning roses</h1>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first, then shorten the "
      "remaining canes by about a third.</p>"
      "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
      "and the new shoot grows away from the centre of the bush, keeping it open.</p>"
      "<div class=\"x2\">"
      PERMALINK_POST("Joel", "September 27th, 2012 at 11:01 pm", "Great tips, thanks! I always "
                     "wondered why my roses got so crowded in the middle every summer.")
      PERMALINK_POST("Lisa", "September 28th, 2012 at 10:00 am", "I prune mine in autumn instead "
                     "and it seems to work fine for the climbing varieties in my garden.")
      PERMALINK_POST("Andy", "September 28th, 2012 at 10:12 am", "Does the same advice hold for "
                     "the old shrub roses, or do they need a lighter cut each year?")
      "</div></div></body></html>");
  assert_true(page->elements[find_block(page, "Great tips")->owner].inherited & WN_EL_COMMENTS);
  assert_false(page->elements[find_block(page, "Always cut just above")->owner].inherited &
               WN_EL_COMMENTS);
}

/* Two paragraphs of one short story, shared by the pages below. */
#define COUNCIL_MET \
  "<p>The council met on Tuesday to discuss the new bridge over the river, which has been " \
  "closed for repairs since the spring floods damaged its supports.</p>"
#define ENGINEERS_TOLD \
  "<p>Engineers told the council that the work would take another year, and that the cost " \
  "had risen by a third because steel prices went up over the winter.</p>"

/* A sidebar floated beside the story's start, between the headline and
 * the first paragraph (related links and a note under them), is no part
 * of the story and does not end it. */
static void test_sidebar_beside_the_start_is_passed_over(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Council discusses the bridge repairs</title></head><body><main>"
      "<h1>Council discusses the bridge repairs</h1><p>Posted: Jan 16, 2012 12:00 PM</p>"
      "<aside><h3>Related</h3><ul><li><a href=\"/a\">Bridge closed after spring floods damage supports</a></li>"
      "<li><a href=\"/b\">Ferry to run a winter timetable across the estuary</a></li>"
      "<li><a href=\"/c\">County plans a cycle path along the old railway</a></li></ul>"
      "<p>(Note: we are not responsible for the content of other sites.)</p></aside>"
      COUNCIL_MET
      ENGINEERS_TOLD
      "<p>Some members asked whether a ferry could run in the meantime; the mayor promised a "
      "report on the idea before the summer.</p></main></body></html>");
  assert_true(page->article_headline >= 0);
  assert_kept(page, "Engineers told the council");
  assert_false(find_block(page, "Ferry to run a winter")->keep);
}

/* Posts under their writers' names and dates set as headings, no time of
 * day ("Jermaine 07 Nov 12"): a thread, whatever the markup's names. */
#define HEADED_POST(stamp, text) "<div><h3>" stamp "</h3><p>" text "</p></div>"

static void test_posts_under_heading_stamps_are_a_thread(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Pruning roses</title></head><body>"
      "<div><h1>Pruning roses</h1>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first, then shorten the "
      "remaining canes by about a third.</p>"
      "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
      "and the new shoot grows away from the centre of the bush, keeping it open.</p>"
      "<div>"
      HEADED_POST("Anna 06 Jan 12", "Great tips, thanks! I always wondered why my roses got "
                  "so crowded in the middle every summer.")
      HEADED_POST("Piotr 07 Jan 12", "I prune mine in autumn instead and it seems to work "
                  "fine for the climbing varieties in my garden.")
      HEADED_POST("Maria 07 Jan 12", "Does the same advice hold for the old shrub roses, or "
                  "do they need a lighter cut each year?")
      "</div></div></body></html>");
  assert_kept(page, "Always cut just above");
  assert_false(find_block(page, "Great tips")->keep);
  assert_false(find_block(page, "Does the same advice hold")->keep);
}

/* A blog's days, each a date heading over titled posts (Blogger's date
 * header), are its posts, not a thread of signatures. */
static void test_date_headings_over_titled_posts_are_not_a_thread(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Garden diary</title></head><body><div>"
      HEADED_POST("Saturday, July 31, 2004", "") "<h2>Pruning roses</h2>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first.</p>"
      HEADED_POST("Monday, July 26, 2004", "") "<h2>Bees in the orchard</h2>"
      "<p>Beekeepers across the north report strong colonies after a long and bitter "
      "winter, and the apple blossom was busy with them all week.</p>"
      HEADED_POST("Friday, July 23, 2004", "") "<h2>A new pear tree</h2>"
      "<p>Volunteers planted three hundred apple and pear trees over the weekend, and we "
      "took one home for the corner of the garden by the shed.</p>"
      "</div></body></html>");
  for (size_t i = 0; i < page->block_count; i++)
    assert_false(page->elements[page->blocks[i].owner].inherited & WN_EL_COMMENTS);
  assert_kept(page, "Beekeepers across the north");
}

/* Under a post of a picture and a line, one reader's comment longer than
 * all the rest of the page is still a comment: its siblings are named for
 * comments too. */
static void test_long_comment_among_named_comments_stays_one(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Photos from the launch</title></head><body>"
      "<div class=\"post\"><h1>Photos from the launch</h1>"
      "<p>By Paulo on July 21, 2012</p><img src=\"launch.jpg\" alt=\"\">"
      "<p>Readers sent us these.</p></div>"
      "<h3>3 Comments</h3><dl id=\"replies\">"
      "<dt class=\"comment\">Anna July 26, 2012 at 8:42 am</dt>"
      "<dd class=\"comment\"><p>Lovely pictures, thank you for sharing them.</p></dd>"
      "<dt class=\"comment\">Marie July 24, 2012 at 7:59 pm</dt>"
      "<dd class=\"comment\"><div class=\"text\"><p>I was at the launch too and these "
      "pictures bring the whole evening back: the queue round the corner, the rain that "
      "stopped just before the doors opened, the reading in the back room where nobody could "
      "find a chair. My daughter is in the third photo, in the yellow coat, and she has asked "
      "for a print of it for her wall, so thank you for taking so many.</p>"
      "<p>Next time, could you post the list of the books that were read from? I wrote down "
      "two of the titles on the back of the ticket and lost it on the train home that night, "
      "and the bookshop could not tell me which ones they were.</p></div></dd>"
      "<dt class=\"comment\">Elena July 23, 2012 at 1:42 pm</dt>"
      "<dd class=\"comment\"><p>Can't wait for the book to come out in Italy.</p></dd>"
      "</dl></body></html>");
  assert_false(find_block(page, "I was at the launch too")->keep);
  assert_false(find_block(page, "Next time, could you post")->keep);
}

/* Dated stories, each under a linked headline, are a list, not a thread:
 * the comments cue is not what drops or keeps them. */
static void test_dated_headlines_are_not_a_thread(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Garden news</title></head><body>"
      "<div class=\"main\"><h1>Garden news</h1>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first.</p>"
      "<div>"
      "<div><h3><a href=\"/a\">Bees survive the coldest winter in decades</a></h3>"
      "<p>6 January 2012 14:05</p><p>Beekeepers across the north report strong colonies "
      "after a long and bitter winter.</p></div>"
      "<div><h3><a href=\"/b\">New rose varieties shown at the spring fair</a></h3>"
      "<p>7 January 2012 01:48</p><p>Twelve breeders competed for the gold medal at the "
      "fair this year.</p></div>"
      "<div><h3><a href=\"/c\">Community orchards planted across the region</a></h3>"
      "<p>7 January 2012 22:22</p><p>Volunteers planted three hundred apple and pear trees "
      "over the weekend.</p></div>"
      "</div></div></body></html>");
  for (size_t i = 0; i < page->block_count; i++)
    assert_false(page->elements[page->blocks[i].owner].inherited & WN_EL_COMMENTS);
}

/* A page whose only <h1> is its section's name is anchored on the heading
 * that names the page: the linked headlines after the article are not it. */
static void test_short_h1_leaves_the_headline_to_a_lesser_heading(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Gold particles stop cancer cells in lab tests | Health News</title>"
      "</head><body><div class=\"main\"><h1>Health</h1><div class=\"story\">"
      "<h2>Gold particles stop cancer cells in lab tests</h2>"
      "<p>Scientists in Cairo said on Tuesday that tiny particles of gold stopped the growth of "
      "cancer cells in laboratory tests, and that trials in animals had shown no harm to "
      "healthy tissue. The particles are heated with light once they reach a tumour, and the "
      "team hopes to begin trials in patients within two years if funding allows.</p></div>"
      "<div class=\"more\">"
    "<h2><a href=\"/n0\">Hospital opens a new wing for heart patients</a></h2><p><a href=\"/n0\">The new wing holds forty beds and two operating theatres for heart surgery.</a></p>"
    "<h2><a href=\"/n1\">Flu season arrives early in the north this year</a></h2><p><a href=\"/n1\">Doctors report twice the usual number of cases for the first week of the year.</a></p>"
    "<h2><a href=\"/n2\">Researchers link sleep to memory in older adults</a></h2><p><a href=\"/n2\">A ten-year study followed thousands of civil servants and their sleep habits.</a></p>"
    "<h2><a href=\"/n3\">Clinic waiting times fall for the third month</a></h2><p><a href=\"/n3\">Patients waited eleven days on average for a first appointment in December.</a></p>"
    "<h2><a href=\"/n4\">New rules for food labels take effect in spring</a></h2><p><a href=\"/n4\">Labels must show sugar and salt per portion in large print from April.</a></p>"
    "<h2><a href=\"/n5\">Vaccine trial enters its final stage in the south</a></h2><p><a href=\"/n5\">Five thousand volunteers will receive the vaccine or a placebo by March.</a></p>"
      "</div></div></body></html>");
  assert_kept(page, "Scientists in Cairo said");
  assert_false(find_block(page, "Flu season arrives early")->keep);
  assert_false(find_block(page, "Vaccine trial enters")->keep);
}

/* A title written for search engines names no heading; the page's address
 * ("/2012/10/29/roundup-best-hurricane-gear/") names the post's <h2> under
 * the site's name as <h1>, and the teasers after it go. A list's address
 * ("/list/show/1.Best_Books_Ever") is no slug. */
static const char SLUG_PAGE[] =
    "<html><head><title>Best Hurricane Survival Gear</title>"
    "<link rel=\"canonical\" href=\"http://example.com/2012/10/29/%s/\"></head><body>"
    "<h1>Gear Notes</h1><div class=\"x1\"><h2>Roundup: Hurricane Gear</h2>"
    "<p>Before the storm reached the coast, we packed the kit that kept us dry and lit for "
    "three days without power: a lantern, a radio that charges by hand, and a stove.</p>"
    "<p>None of it is expensive, and all of it fits in one bag by the door, ready for the "
    "next warning from the weather service.</p></div><div class=\"x2\">"
    "<h3><a href=\"/a\">Twelve knives for the kitchen drawer</a></h3>"
    "<h3><a href=\"/b\">The best boots for wet winters this year</a></h3>"
    "<h3><a href=\"/c\">A field guide to camp stoves and their fuels</a></h3></div>"
    "</body></html>";

static void test_address_names_the_headline(void **state) {
  char html[sizeof SLUG_PAGE + 64];
  snprintf(html, sizeof html, SLUG_PAGE, "roundup-best-hurricane-gear");
  wn_page *page = classify(state, html);
  assert_int_equal(page->article_end >= 0, 1);
  assert_kept(page, "Before the storm reached");
  assert_false(find_block(page, "Twelve knives for the kitchen")->keep);
}

static void test_list_address_is_no_slug(void **state) {
  char html[sizeof SLUG_PAGE + 64];
  snprintf(html, sizeof html, SLUG_PAGE, "1.Roundup_Hurricane_Gear");
  wn_page *page = classify(state, html);
  assert_int_equal(page->article_end, -1);
}

/* A blog's name is its only <h1>; a box's "Graphic designer" names the
 * end of a title that closes on the site's name; the post's title is a
 * permalink <h2> over the post. The permalink is the headline, whether the
 * box's name says sidebar (%s: its class) or not. */
static const char PERMALINK_PAGE[] =
    "<html><head><title>New work: Harbour Trust of Northport | Ana Lopes, graphic designer</title></head>"
    "<body><div><h1><a href=\"/\">Ana Lopes, graphic designer</a></h1></div>"
    "<div class=\"%s\"><h2>Graphic designer</h2><ul><li><a href=\"/hire\">Hire me</a></li>"
    "<li><a href=\"/work\">My portfolio</a></li></ul></div>"
    "<div class=\"c1\"><h2><a href=\"/new-work-harbour-trust-of-northport\">New work: Harbour Trust of Northport</a></h2>"
    "<p>Published on November 7th, 2012 <a href=\"#c\">Read the 3 comments</a></p>"
    "<p>Since its founding in 1921, the Harbour Trust has kept the old docks open to walkers, "
    "boats and the markets that gather on the quay every weekend of the year.</p>"
    "<p>The trust asked for a mark that could sit on a flag, a ticket and a boat's hull, and "
    "that the host towns could colour as their own for the yearly meeting.</p></div>"
    "</body></html>";

static void assert_permalink_headline(void **state, const char *box_class) {
  char html[sizeof PERMALINK_PAGE + 64];
  snprintf(html, sizeof html, PERMALINK_PAGE, box_class);
  wn_page *page = classify(state, html);
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text, "New work: Harbour Trust of Northport");
  assert_kept(page, "Since its founding in 1921");
}

static void test_sidebar_heading_leaves_the_headline_to_the_permalink(void **state) {
  assert_permalink_headline(state, "sidebar");
}

/* With no name saying sidebar, "Graphic designer" lies within the <h1>'s
 * words: the site's name again. */
static void test_site_name_part_leaves_the_headline_to_the_permalink(void **state) {
  assert_permalink_headline(state, "k9");
}

/* The blog's name is its only <h1> and comes back as an <h2> over the
 * blogroll: a name, not the headline; the post's <h3> is. */
static void test_site_name_again_is_no_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Field Notes Daily: The problem of late frost</title></head>"
      "<body><h1><a href=\"/\">Field Notes Daily</a></h1><div class=\"c1\">"
      "<h2>Field Notes Daily</h2><ul><li><a href=\"/a\">The orchard diary</a></li>"
      "<li><a href=\"/b\">Notes from the allotment</a></li></ul></div><div class=\"c2\">"
      "<h3>The problem of late frost</h3>"
      "<p>A frost in the last week of April took most of the plum blossom in the valley, and "
      "the growers who had covered their trees with fleece lost far less of it.</p>"
      "<p>The cold air sinks and gathers in the low corners of an orchard, so the trees on the "
      "slope above the stream kept their flowers while those by the water did not.</p></div>"
      "</body></html>");
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text, "The problem of late frost");
}

/* A photo post is its title, its date and a caption: too little text for
 * a page, but a dated headline over a line of words is a post. An error
 * page's heading over a sentence, undated, still prints nothing. */
static void test_short_dated_post_is_kept(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Velvet and rain</title></head><body>"
      "<ul><li><a href=\"/\">Home</a></li></ul><div class=\"c1\">"
      "<h2><a href=\"/velvet-and-rain\">Velvet and rain</a></h2>"
      "<p>Posted July 8th, 2011</p><p>Photos by Eirik in Paris</p></div></body></html>");
  assert_kept(page, "Photos by Eirik in Paris");
}

static void test_error_page_prints_nothing(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Page not found | Example News</title></head><body>"
      "<h1>Page not found</h1><p>Sorry, the page you were looking for does not exist.</p>"
      "</body></html>");
  for (size_t i = 0; i < page->block_count; i++) assert_false(page->blocks[i].keep);
}

/* Inside the article, a sentence that links most of its words is still
 * the article's ("... that <a>the feature most asked for</a> is here.");
 * a labelled pointer ("Read more: <a>...</a>.") is not. */
static void test_linked_sentence_of_the_article_is_kept(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Kindle delivery for the monthly</title></head><body><div class=\"c1\">"
      "<h2>Kindle delivery for the monthly</h2>"
      "<p>Well, I am happy to say that <a href=\"/kindle\">the feature our readers asked for "
      "most this year</a> is here.</p>"
      "<p>From this issue on, every subscriber can have the magazine sent to a Kindle on the "
      "day it comes out, with the pictures and the tables laid out for the small screen.</p>"
      "<p>Read more: <a href=\"/faq\">how delivery works for readers abroad and at work</a>.</p>"
      "<p>Set it up once in the subscriber area and each new issue arrives on its own, with "
      "nothing to download and no cable to plug in.</p></div></body></html>");
  assert_kept(page, "Well, I am happy to say");
  assert_false(find_block(page, "Read more:")->keep);
}

/* A photo post of one line under its headline, then "4 Comments" over
 * the readers' list: the list is its discussion, though it holds more text
 * than the post. The post is one when a date line stands under its
 * headline (%s: the line), and, undated, when the page's title names it. */
static const char TITLED_COMMENTS_PAGE[] =
    "<html><head><title>At the autumn show - Studio notes</title></head><body>"
    "<div class=\"c1\"><h2>At the autumn show</h2>%s"
    "<p>Lee looks like she walked out of an old fashion magazine in her red dress.</p></div>"
    "<div class=\"c2\"><h3>4 Comments</h3><ol><li><p>Eva</p><p>September 29, 2012 at 10:15 pm</p><p>What a dress, and what a colour for an autumn evening in the city.</p></li><li><p>Maria</p><p>September 29, 2012 at 10:31 pm</p><p>She looks like a photograph from an old magazine, I love it so much.</p></li><li><p>Tine</p><p>September 29, 2012 at 11:02 pm</p><p>Is she a real person? The belt is perfect with that red trench coat.</p></li><li><p>Chuck</p><p>September 29, 2012 at 11:40 pm</p><p>Beautiful and different, as always; thank you for sharing this one.</p></li></ol></div></body></html>";

static void assert_comments_are_its_discussion(void **state, const char *date_line) {
  char html[sizeof TITLED_COMMENTS_PAGE + 64];
  snprintf(html, sizeof html, TITLED_COMMENTS_PAGE, date_line);
  wn_page *page = classify(state, html);
  assert_kept(page, "Lee looks like she walked out");
  assert_false(find_block(page, "What a dress, and what a colour")->keep);
}

static void test_titled_comments_under_a_short_post_are_no_content(void **state) {
  assert_comments_are_its_discussion(state, "<p>September 29, 2012</p>");
}

static void test_titled_comments_under_an_undated_post_named_by_the_title(void **state) {
  assert_comments_are_its_discussion(state, "");
}

/* A one-paragraph story closed by its gallery's credit links, then
 * columns of menus and headline lists, then readers' comments named by
 * nothing and longer than the story: past so many menus the comments are
 * the page's other text, not the story going on. */
static void test_comments_past_the_sidebars_are_not_the_story(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Ten front pages on the morning after the vote - The Press Desk</title></head><body>"
      "<div class=\"k1\"><h1>Ten front pages on the morning after the vote</h1>"
      "<p>By Anne Berg, published 7 November 2012</p>"
      "<p>Pictures ruled this morning's front pages, with very few words about the result of the vote. Several of the papers below show what a single word can do, and a few chose to set the two candidates side by side. All pages are shown courtesy of the newspapers; some were cropped to take out the ads.</p>"
      "<ul>"
      "<li><a href=\"/g/1\">Page shown courtesy of the paper</a></li><li><a href=\"/g/2\">Page shown courtesy of the paper</a></li>"
      "<li><a href=\"/g/3\">Page shown courtesy of the paper</a></li><li><a href=\"/g/4\">Page shown courtesy of the paper</a></li>"
      "<li><a href=\"/g/5\">Page shown courtesy of the paper</a></li><li><a href=\"/g/6\">Page shown courtesy of the paper</a></li>"
      "</ul></div><div class=\"k2\">"
      "<h4>Most read</h4><ul><li><a href=\"/mos/0\">Rail strike called off after late-night talks</a></li>"
      "<li><a href=\"/mos/1\">Council approves the new harbour plan</a></li>"
      "<li><a href=\"/mos/2\">Storm closes mountain passes for a second day</a></li>"
      "<li><a href=\"/mos/3\">Museum returns stolen painting to its owner</a></li>"
      "<li><a href=\"/mos/4\">Schools to open an hour later in winter</a></li></ul><h4>Latest</h4><ul>"
      "<li><a href=\"/lat/0\">Ferry timetable changes from Monday</a></li>"
      "<li><a href=\"/lat/1\">Fishermen protest new quotas at the port</a></li>"
      "<li><a href=\"/lat/2\">City library extends its opening hours</a></li>"
      "<li><a href=\"/lat/3\">Two new cycle lanes open in the centre</a></li>"
      "<li><a href=\"/lat/4\">Airport expects record number of passengers</a></li></ul>"
      "<h4>From our partners</h4><ul><li><a href=\"/fro/0\">Ten walks along the northern coast</a></li>"
      "<li><a href=\"/fro/1\">How to save on heating this winter</a></li>"
      "<li><a href=\"/fro/2\">The best markets in the region</a></li>"
      "<li><a href=\"/fro/3\">Where to eat near the old station</a></li>"
      "<li><a href=\"/fro/4\">A guide to the island ferries</a></li></ul><h4>Sections</h4><ul>"
      "<li><a href=\"/sec/0\">News</a></li><li><a href=\"/sec/1\">Business</a></li>"
      "<li><a href=\"/sec/2\">Sport</a></li><li><a href=\"/sec/3\">Culture</a></li>"
      "<li><a href=\"/sec/4\">Opinion</a></li><li><a href=\"/sec/5\">Weather</a></li>"
      "<li><a href=\"/sec/6\">Travel</a></li><li><a href=\"/sec/7\">Science</a></li>"
      "<li><a href=\"/sec/8\">Health</a></li><li><a href=\"/sec/9\">Letters</a></li></ul>"
      "<h4>Topics</h4><ul>"
      "<li><a href=\"/topic/elections\">Elections</a></li>"
      "<li><a href=\"/topic/transport\">Transport</a></li>"
      "<li><a href=\"/topic/housing\">Housing</a></li>"
      "<li><a href=\"/topic/energy\">Energy</a></li>"
      "<li><a href=\"/topic/fishing\">Fishing</a></li>"
      "<li><a href=\"/topic/tourism\">Tourism</a></li>"
      "<li><a href=\"/topic/schools\">Schools</a></li>"
      "<li><a href=\"/topic/courts\">Courts</a></li>"
      "</ul></div><div class=\"k3\">"
      "<p>We want comments to be a conversation: please use your full name and read the guidelines before you write.</p>"
      "<p>Martin Holm</p><p>As always the papers abroad do more with their front pages than ours, which never seem to come close to them for all their designers' talk. I am sure they blame the writers for it, rather than their own lack of ideas, and the result is the same dull page every election.</p>"
      "<p>Anonymous</p><p>Good work, and I mean it. The only thing I would ask, if you do this again, is larger pictures: on a phone the headlines cannot be read at all.</p>"
      "<p>Karin Lund</p><p>I worked on a night desk for twenty years, and the morning after an election was always the hardest page to make: you have the picture hours before you have the words, and the words are what the readers remember.</p>"
      "</div></body></html>");
  assert_kept(page, "Pictures ruled this morning's front pages");
  assert_false(find_block(page, "As always the papers abroad")->keep);
  assert_false(find_block(page, "Good work, and I mean it")->keep);
}

/* A designer's post on a logo, a related list, then readers' replies
 * dated to the day and named by nothing, under `title`. */
#define FESTIVAL_POST(title) \
  "<html><head><title>New work: a logo for the river festival - Studio journal</title></head><body>" \
  "<div class=\"k1\"><div class=\"k2\"><h2>New work: a logo for the river festival</h2>" \
  "<p>The river festival asked for a mark that could sit on a flag, a ticket and a boat's sail, and still read from the far bank.</p>" \
  "<p>We began with the bridges, which every visitor photographs, and ended with a single wave drawn in one line, open at one end so that the festival can grow into it.</p>" \
  "<p>The colours come from the festival's first poster, printed in 1974, which the organisers still keep framed in their office by the harbour.</p>" \
  "<h3>Related work</h3><ul><li><a href=\"/w/1\">New work: a bakery</a></li><li><a href=\"/w/2\">New work: a choir</a></li></ul>" \
  "<h3>" title "</h3>" \
  "<p><a href=\"http://a.example/\">Jamie</a>, on March 3rd, 2013</p>" \
  "<p>Well done on this one. The open end of the wave is a lovely idea, and it will work at every size, which is rare for a mark with so much movement in it.</p>" \
  "<p><a href=\"http://b.example/\">Luke</a>, on March 4th, 2013</p>" \
  "<p>Did you try the wordmark in other weights, or was it fixed from the start by the festival's old poster?</p>" \
  "<p><a href=\"http://c.example/\">Meena</a>, on March 4th, 2013</p>" \
  "<p>Simple and timeless. I would love to see it on the sails, please post pictures when the boats are out in the summer.</p>" \
  "<p><a href=\"http://d.example/\">Iain</a>, on March 6th, 2013</p>" \
  "<p>I would be interested to know how many sketches it took to get there, and whether the client saw more than one direction before they chose the wave.</p>" \
  "</div></div></body></html>"

static void assert_replies_titled_out(void **state, const char *html) {
  wn_page *page = classify(state, html);
  assert_kept(page, "The colours come from the festival's first poster");
  assert_false(find_block(page, "Well done on this one")->keep);
  assert_false(find_block(page, "I would be interested to know how many sketches")->keep);
}

/* Under a story, a heading that counts something and quotes the story's
 * headline whole ("4 kind words on “...”", in no lexicon) titles its
 * comments: the replies under it, dated to the day and named by nothing,
 * are no more of the story. */
static void test_heading_counting_on_the_quoted_headline_titles_comments(void **state) {
  assert_replies_titled_out(state, FESTIVAL_POST("4 kind words on \xe2\x80\x9cNew work: a logo for the river festival\xe2\x80\x9d"));
}

/* ... and so does one that counts them and names the headline unquoted
 * at its end ("26 comments to Headline"): a count and two words before
 * the headline, not a listicle's "10 Best" over it. */
static void test_heading_counting_on_the_headline_unquoted_titles_comments(void **state) {
  assert_replies_titled_out(state, FESTIVAL_POST("4 comments to New work: a logo for the river festival"));
}

/* A title that counts comments in a language whose counted form no row
 * holds ("Σχόλια (2)": the catalog's "Comments" and a count, set as a
 * line) opens the readers' comments under an undated story in one flat
 * box, and says they are its discussion. */
static void test_counted_comments_line_in_greek_closes_the_story(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"el\"><head>"
      "<title>\xce\x97 \xcf\x80\xce\xb1\xce\xbb\xce\xb9\xce\xac \xce\xb1\xcf\x80\xce\xbf\xce\xb8\xce\xae\xce\xba\xce\xb7 \xcf\x84\xce\xbf\xcf\x85 \xce\xbb\xce\xb9\xce\xbc\xce\xb1\xce\xbd\xce\xb9\xce\xbf\xcf\x8d \xce\xad\xce\xb3\xce\xb9\xce\xbd\xce\xb5 \xce\xb2\xce\xb9\xce\xb2\xce\xbb\xce\xb9\xce\xbf\xce\xb8\xce\xae\xce\xba\xce\xb7</title>"
      "</head><body><div class=\"k1\">"
      "<h1>\xce\x97 \xcf\x80\xce\xb1\xce\xbb\xce\xb9\xce\xac \xce\xb1\xcf\x80\xce\xbf\xce\xb8\xce\xae\xce\xba\xce\xb7 \xcf\x84\xce\xbf\xcf\x85 \xce\xbb\xce\xb9\xce\xbc\xce\xb1\xce\xbd\xce\xb9\xce\xbf\xcf\x8d \xce\xad\xce\xb3\xce\xb9\xce\xbd\xce\xb5 \xce\xb2\xce\xb9\xce\xb2\xce\xbb\xce\xb9\xce\xbf\xce\xb8\xce\xae\xce\xba\xce\xb7</h1>"
      "<p>\xce\x97 \xcf\x80\xce\xb1\xce\xbb\xce\xb9\xce\xac \xce\xb1\xcf\x80\xce\xbf\xce\xb8\xce\xae\xce\xba\xce\xb7 \xcf\x84\xce\xbf\xcf\x85 \xce\xbb\xce\xb9\xce\xbc\xce\xb1\xce\xbd\xce\xb9\xce\xbf\xcf\x8d \xce\xac\xce\xbd\xce\xbf\xce\xb9\xce\xbe\xce\xb5 \xcf\x84\xce\xbf \xce\xa3\xce\xac\xce\xb2\xce\xb2\xce\xb1\xcf\x84\xce\xbf \xcf\x89\xcf\x82 \xce\xb4\xce\xb7\xce\xbc\xce\xbf\xcf\x84\xce\xb9\xce\xba\xce\xae \xce\xb2\xce\xb9\xce\xb2\xce\xbb\xce\xb9\xce\xbf\xce\xb8\xce\xae\xce\xba\xce\xb7, \xcf\x8d\xcf\x83\xcf\x84\xce\xb5\xcf\x81\xce\xb1 \xce\xb1\xcf\x80\xcf\x8c \xce\xb4\xcf\x8d\xce\xbf \xcf\x87\xcf\x81\xcf\x8c\xce\xbd\xce\xb9\xce\xb1 \xce\xb5\xcf\x81\xce\xb3\xce\xb1\xcf\x83\xce\xb9\xcf\x8e\xce\xbd \xcf\x83\xcf\x84\xce\xb7 \xcf\x83\xcf\x84\xce\xad\xce\xb3\xce\xb7 \xce\xba\xce\xb1\xce\xb9 \xcf\x83\xcf\x84\xce\xbf\xcf\x85\xcf\x82 \xcf\x84\xce\xbf\xce\xaf\xcf\x87\xce\xbf\xcf\x85\xcf\x82 \xcf\x84\xce\xb7\xcf\x82.</p>"
      "<p>\xce\x97 \xce\xb2\xce\xb9\xce\xb2\xce\xbb\xce\xb9\xce\xbf\xce\xb8\xce\xae\xce\xba\xce\xb7 \xce\xad\xcf\x87\xce\xb5\xce\xb9 \xcf\x80\xce\xb5\xcf\x81\xce\xaf\xcf\x80\xce\xbf\xcf\x85 \xce\xb4\xce\xad\xce\xba\xce\xb1 \xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xac\xce\xb4\xce\xb5\xcf\x82 \xce\xb2\xce\xb9\xce\xb2\xce\xbb\xce\xaf\xce\xb1 \xce\xba\xce\xb1\xce\xb9 \xce\xb8\xce\xb1 \xce\xb5\xce\xaf\xce\xbd\xce\xb1\xce\xb9 \xce\xb1\xce\xbd\xce\xbf\xce\xb9\xcf\x87\xcf\x84\xce\xae \xce\xb1\xcf\x80\xcf\x8c \xcf\x84\xce\xb7\xce\xbd \xce\xa4\xcf\x81\xce\xaf\xcf\x84\xce\xb7 \xce\xad\xcf\x89\xcf\x82 \xcf\x84\xce\xbf \xce\xa3\xce\xac\xce\xb2\xce\xb2\xce\xb1\xcf\x84\xce\xbf, \xce\xb5\xce\xbd\xcf\x8e \xce\xb7 \xcf\x80\xce\xb1\xce\xbb\xce\xb9\xce\xac \xce\xb1\xce\xaf\xce\xb8\xce\xbf\xcf\x85\xcf\x83\xce\xb1 \xce\xb1\xce\xbd\xce\xb1\xce\xbc\xce\xbf\xce\xbd\xce\xae\xcf\x82 \xce\xad\xce\xb3\xce\xb9\xce\xbd\xce\xb5 \xcf\x87\xcf\x8e\xcf\x81\xce\xbf\xcf\x82 \xce\xb3\xce\xb9\xce\xb1 \xcf\x84\xce\xb1 \xcf\x80\xce\xb1\xce\xb9\xce\xb4\xce\xb9\xce\xac.</p>"
      "<p>\xce\x9f \xce\xb4\xce\xae\xce\xbc\xce\xbf\xcf\x82 \xce\xb1\xce\xb3\xcf\x8c\xcf\x81\xce\xb1\xcf\x83\xce\xb5 \xcf\x84\xce\xbf \xce\xba\xcf\x84\xce\xaf\xcf\x81\xce\xb9\xce\xbf \xcf\x80\xcf\x81\xce\xb9\xce\xbd \xce\xb1\xcf\x80\xcf\x8c \xcf\x80\xce\xad\xce\xbd\xcf\x84\xce\xb5 \xcf\x87\xcf\x81\xcf\x8c\xce\xbd\xce\xb9\xce\xb1, \xcf\x8c\xcf\x84\xce\xb1\xce\xbd \xcf\x84\xce\xbf \xce\xbb\xce\xb9\xce\xbc\xce\xac\xce\xbd\xce\xb9 \xce\xbc\xce\xb5\xcf\x84\xce\xb1\xcf\x86\xce\xad\xcf\x81\xce\xb8\xce\xb7\xce\xba\xce\xb5 \xcf\x83\xcf\x84\xce\xb7 \xce\xbd\xce\xad\xce\xb1 \xcf\x84\xce\xbf\xcf\x85 \xce\xb8\xce\xad\xcf\x83\xce\xb7 \xce\xad\xce\xbe\xcf\x89 \xce\xb1\xcf\x80\xcf\x8c \xcf\x84\xce\xb7\xce\xbd \xcf\x80\xcf\x8c\xce\xbb\xce\xb7.</p>"
      "<p>\xce\xa3\xcf\x87\xcf\x8c\xce\xbb\xce\xb9\xce\xb1 (2)</p><p>\xce\x9c\xce\xb1\xcf\x81\xce\xaf\xce\xb1 | 20/12/2011</p>"
      "<p>\xce\x95\xcf\x80\xce\xb9\xcf\x84\xce\xad\xce\xbb\xce\xbf\xcf\x85\xcf\x82! \xce\xa0\xce\xb5\xcf\x81\xce\xbd\xce\xac\xcf\x89 \xce\xba\xce\xac\xce\xb8\xce\xb5 \xce\xbc\xce\xad\xcf\x81\xce\xb1 \xce\xb1\xcf\x80\xcf\x8c \xce\xb5\xce\xba\xce\xb5\xce\xaf \xce\xba\xce\xb1\xce\xb9 \xcf\x80\xce\xb5\xcf\x81\xce\xaf\xce\xbc\xce\xb5\xce\xbd\xce\xb1 \xcf\x87\xcf\x81\xcf\x8c\xce\xbd\xce\xb9\xce\xb1 \xce\xbd\xce\xb1 \xce\xb1\xce\xbd\xce\xbf\xce\xaf\xce\xbe\xce\xb5\xce\xb9 \xce\xbe\xce\xb1\xce\xbd\xce\xac \xce\xb1\xcf\x85\xcf\x84\xcf\x8c \xcf\x84\xce\xbf \xcf\x8c\xce\xbc\xce\xbf\xcf\x81\xcf\x86\xce\xbf \xce\xba\xcf\x84\xce\xaf\xcf\x81\xce\xb9\xce\xbf \xce\xb3\xce\xb9\xce\xb1 \xcf\x84\xce\xbf\xce\xbd \xce\xba\xcf\x8c\xcf\x83\xce\xbc\xce\xbf.</p>"
      "<p>\xce\x9d\xce\xaf\xce\xba\xce\xbf\xcf\x82 | 21/12/2011</p>"
      "<p>\xce\xa9\xcf\x81\xce\xb1\xce\xaf\xce\xb1 \xce\xb9\xce\xb4\xce\xad\xce\xb1, \xce\xb1\xce\xbb\xce\xbb\xce\xac \xce\xb8\xce\xb1 \xce\xae\xce\xb8\xce\xb5\xce\xbb\xce\xb1 \xce\xbd\xce\xb1 \xce\xb5\xce\xaf\xce\xbd\xce\xb1\xce\xb9 \xce\xb1\xce\xbd\xce\xbf\xce\xb9\xcf\x87\xcf\x84\xce\xae \xce\xba\xce\xb1\xce\xb9 \xcf\x84\xce\xb7\xce\xbd \xce\x9a\xcf\x85\xcf\x81\xce\xb9\xce\xb1\xce\xba\xce\xae, \xcf\x8c\xcf\x84\xce\xb1\xce\xbd \xce\xad\xcf\x87\xce\xbf\xcf\x85\xce\xbd \xcf\x87\xcf\x81\xcf\x8c\xce\xbd\xce\xbf \xce\xbf\xce\xb9 \xce\xbf\xce\xb9\xce\xba\xce\xbf\xce\xb3\xce\xad\xce\xbd\xce\xb5\xce\xb9\xce\xb5\xcf\x82 \xce\xbc\xce\xb5 \xcf\x84\xce\xb1 \xcf\x80\xce\xb1\xce\xb9\xce\xb4\xce\xb9\xce\xac \xcf\x84\xce\xbf\xcf\x85\xcf\x82.</p>"
      "</div></body></html>");
  assert_kept(page, "\xce\x9f \xce\xb4\xce\xae\xce\xbc\xce\xbf\xcf\x82");
  assert_false(find_block(page, "\xce\x95\xcf\x80\xce\xb9\xcf\x84\xce\xad\xce\xbb\xce\xbf\xcf\x85\xcf\x82")->keep);
  assert_false(find_block(page, "\xce\xa9\xcf\x81\xce\xb1\xce\xaf\xce\xb1")->keep);
}

/* Readers' posts, each a title over a line or two and a stamp under it
 * (date, time and name): short posts are posts all the same, and the
 * first one, a title and its text before the first stamp, is one of them,
 * not a story before the thread. */
static void test_titled_short_posts_over_their_stamps_are_a_thread(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"pl\"><head><title>Nowa biblioteka w starym dworcu</title></head><body><div class=\"k1\">"
      "<div class=\"k2\"><h1>Nowa biblioteka w starym dworcu</h1>"
      "<p>Stary dworzec kolejowy zosta\xc5\x82 w sobot\xc4\x99 otwarty jako biblioteka miejska, po dw\xc3\xb3""ch latach prac przy dachu i \xc5\x9b""cianach budynku.</p>"
      "<p>W bibliotece jest oko\xc5\x82o dziesi\xc4\x99""ciu tysi\xc4\x99""cy ksi\xc4\x85\xc5\xbc""ek, a dawna poczekalnia z zegarem sta\xc5\x82""a si\xc4\x99 sal\xc4\x85 dla dzieci.</p>"
      "<p>Miasto kupi\xc5\x82o dworzec od kolei za symboliczn\xc4\x85 kwot\xc4\x99, kiedy lini\xc4\x99 zamkni\xc4\x99to, a mieszka\xc5\x84""cy wybrali bibliotek\xc4\x99 zamiast parkingu.</p>"
      "</div><div class=\"k3\"><h5>Wreszcie</h5>"
      "<p>Czeka\xc5\x82""am na to od lat, codziennie przechodz\xc4\x99 obok tego budynku.</p><p>03.03.2012 18:46 ania</p>"
      "<p><a href=\"/report/1\">Zg\xc5\x82o\xc5\x9b</a></p><h5>a parking?</h5><p>gdzie teraz zaparkowa\xc4\x87</p>"
      "<p>21.02.2012 08:44 marek</p><p><a href=\"/report/2\">Zg\xc5\x82o\xc5\x9b</a></p><h5>super</h5>"
      "<p>brawo dla miasta</p><p>19.01.2012 16:32 ola</p><p><a href=\"/report/3\">Zg\xc5\x82o\xc5\x9b</a></p><h5>ok</h5>"
      "<p>zobaczymy w niedziel\xc4\x99</p><p>18.01.2012 10:05 jan</p><p><a href=\"/report/4\">Zg\xc5\x82o\xc5\x9b</a></p></div>"
      "</div></body></html>");
  assert_kept(page, "Miasto kupi\xc5\x82o dworzec");
  assert_false(find_block(page, "Czeka\xc5\x82" "am na to od lat")->keep);
  assert_false(find_block(page, "brawo dla miasta")->keep);
}

/* Under a headline set as a heading, the story's tags and share buttons,
 * one link per list item, are its furniture however many: the story
 * below them is the article, not too far from its headline. */
static void test_tags_one_per_item_under_the_headline_keep_the_story(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Court hears fishermen's case over new quotas - The Harbour Times</title></head>"
      "<body><div class=\"k1\"><h1>Court hears fishermen's case over new quotas</h1>"
      "<h2>Boat owners say the cuts came without warning</h2><p><a href=\"/by/anne-berg\">By Anne Berg</a>"
      "</p><p>Tuesday, January 10, 2012</p><h5>Story topics</h5><ul><li><a href=\"/t/courts\">Courts</a></li>"
      "<li><a href=\"/t/fishing\">Fishing</a></li><li><a href=\"/t/harbour\">Harbour</a></li><li>"
      "<a href=\"/t/quotas\">Quotas</a></li><li><a href=\"/t/ministry\">Ministry of Fisheries</a></li><li><a href=\"/t/boats\">Boats</a></li><li><a href=\"/t/law\">Law</a></li><li><a href=\"/t/economy\">Economy</a></li></ul><h6>"
      "<a href=\"/follow\">Follow us</a></h6><ul><li><a href=\"/c\">Comments</a></li><li>"
      "<a href=\"/r\">Recommend</a></li><li><a href=\"/tw\">Twitter</a></li><li><a href=\"/li\">LinkedIn</a></li>"
      "<li><a href=\"/later\">Read later</a></li><li><a href=\"/rd\">Reddit</a></li><li><a href=\"/dg\">Digg</a></li><li><a href=\"/e\">Email</a></li><li><a href=\"/p\">Print</a>"
      "</li><li><a href=\"/s\">Share</a></li></ul>"
      "<p>Twelve boat owners asked the district court on Monday to suspend the new fishing quotas, which cut their catch by a third from the first of January.</p>"
      "<p>Their lawyer told the court that the ministry had published the cuts two weeks before they came into force, too late for the owners to change their plans or sell their boats.</p>"
      "<p>The ministry said the quotas followed scientific advice and that the owners had been consulted in the autumn. The court is expected to rule next month.</p>"
      "</div><div class=\"k2\"><h3>Most read</h3><ul><li>"
      "<a href=\"/a/1\">Ferry timetable changes from Monday</a></li><li>"
      "<a href=\"/a/2\">City library extends its opening hours</a></li><li>"
      "<a href=\"/a/3\">Two new cycle lanes open in the centre</a></li></ul></div></body></html>");
  assert_int_equal(page->article_paragraphs, 3);
  assert_kept(page, "The ministry said the quotas followed");
  assert_false(find_block(page, "Ferry timetable changes from Monday")->keep);
}

/* A Finnish story's related list under its title as help desks and
 * documentation write it ("Liittyvät artikkelit"): its teasers go, in the
 * story's own language. */
static void test_finnish_related_articles_title_drops_its_teasers(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"fi\"><head><title>Kirjasto avattiin uudelleen lauantaina</title></head><body>"
      "<h1>Kirjasto avattiin uudelleen lauantaina</h1>"
      "<p>Kaupungin vanha asemarakennus avattiin lauantaina kirjastona kahden vuoden korjaust\xc3\xb6iden j\xc3\xa4lkeen, ja ensimm\xc3\xa4isen\xc3\xa4 p\xc3\xa4iv\xc3\xa4n\xc3\xa4 siell\xc3\xa4 k\xc3\xa4vi yli tuhat ihmist\xc3\xa4.</p>"
      "<p>Kirjastossa on noin kymmenentuhatta kirjaa, ja se on auki tiistaista lauantaihin.</p>"
      "<h2>Liittyv\xc3\xa4t artikkelit</h2><div><p>Uusi py\xc3\xb6r\xc3\xa4tie avataan kes\xc3\xa4ll\xc3\xa4 satamaan</p>"
      "<p>Kaupunki rakentaa uuden py\xc3\xb6r\xc3\xa4tien sataman ja keskustan v\xc3\xa4lille, ja ty\xc3\xb6t valmistuvat kes\xc3\xa4kuussa.</p>"
      "</div></body></html>");
  assert_kept(page, "Kirjastossa on noin");
  assert_false(find_block(page, "Kaupunki rakentaa uuden")->keep);
}

/* A line of two or three words ending with the lexicon's term for AI in
 * capitals, at the story's end, is its "reported by AI" label in any
 * wording ("Raportoinut AI"), as it is under the headline; so is the
 * picture's "AI:n luoma kuva". */
static void test_ai_byline_at_the_storys_end_in_finnish(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"fi\"><head><title>Kirjasto avattiin uudelleen lauantaina</title></head><body><article>"
      "<h1>Kirjasto avattiin uudelleen lauantaina</h1>"
      "<p>Kaupungin vanha asemarakennus avattiin lauantaina kirjastona kahden vuoden korjaust\xc3\xb6iden j\xc3\xa4lkeen, ja ensimm\xc3\xa4isen\xc3\xa4 p\xc3\xa4iv\xc3\xa4n\xc3\xa4 siell\xc3\xa4 k\xc3\xa4vi yli tuhat ihmist\xc3\xa4.</p>"
      "<figure><img src=\"/a.jpg\"><figcaption>AI:n luoma kuva</figcaption></figure>"
      "<p>Kirjastossa on noin kymmenentuhatta kirjaa, ja se on auki tiistaista lauantaihin. Vanha odotussali kelloineen on nyt lasten lukusali.</p>"
      "<p>Kaupunki osti rakennuksen rautatielt\xc3\xa4 symbolisella summalla, kun rata suljettiin.</p>"
      "<p>Raportoinut AI</p></article></body></html>");
  assert_kept(page, "Kaupunki osti rakennuksen");
  assert_false(find_block(page, "Raportoinut AI")->keep);
  assert_false(find_block(page, "AI:n luoma kuva")->keep);
}

/* A photo post with a line under its headline, neither dated nor named by
 * the page's title (the blog's name; its address names it), and a longer
 * thread under a title that counts its comments, dated to the day and
 * named by nothing: the thread, chosen as the region, is the post's
 * discussion, and the post is the page's text, short as it is. */
static void test_counted_comments_under_an_undated_photo_post(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Harbour sketches</title>"
      "<link rel='canonical' href='http://harbour.example/fog-over-the-swing-bridge/'></head><body><ul>"
      "<li><a href=\"/\">Home</a></li><li><a href=\"/about\">About</a></li><li>"
      "<a href=\"/archive\">Archive</a></li><li><a href=\"/contact\">Contact</a></li></ul><div class=\"k1\">"
      "<h2>Fog over the swing bridge</h2><p><img src=\"/p/bridge.jpg\" alt=\"\"></p>"
      "<p>The old swing bridge at six in the morning, before the first ferry came in and the fog lifted.</p>"
      "</div><div class=\"k2\"><h3>5 Comments</h3><ol><li><p><a href=\"http://a.example/\">Ruth</a></p>"
      "<p>March 3, 2013 | <a href=\"#c-101\">Permalink</a></p>"
      "<p>That light is unreal; I walk past the bridge every day and never saw it like this, even in winter.</p>"
      "</li><li><p><a href=\"http://b.example/\">Olav</a></p>"
      "<p>March 3, 2013 | <a href=\"#c-102\">Permalink</a></p>"
      "<p>Which camera do you use for these? The grain in the fog looks like film.</p></li><li><p>"
      "<a href=\"http://c.example/\">Mina</a></p><p>March 4, 2013 | <a href=\"#c-103\">Permalink</a></p>"
      "<p>My grandfather used to open that bridge by hand, it took two men and half an hour to turn it.</p>"
      "</li><li><p><a href=\"http://d.example/\">Jon</a></p>"
      "<p>March 4, 2013 | <a href=\"#c-104\">Permalink</a></p>"
      "<p>Beautiful, as always. Please post more of the harbour at dawn, and the fish market too.</p>"
      "</li><li><p><a href=\"http://e.example/\">Ida</a></p>"
      "<p>March 5, 2013 | <a href=\"#c-105\">Permalink</a></p>"
      "<p>I printed this one and put it on my wall at work, it calms me down on long days.</p></li>"
      "</ol></div><div class=\"k4\"><h4>Archive</h4><ul><li><a href=\"/2012/01/\">January 2012</a></li><li>"
      "<a href=\"/2012/02/\">February 2012</a></li><li><a href=\"/2012/03/\">March 2012</a></li><li>"
      "<a href=\"/2012/04/\">April 2012</a></li><li><a href=\"/2012/05/\">May 2012</a></li><li>"
      "<a href=\"/2012/06/\">June 2012</a></li><li><a href=\"/2012/07/\">July 2012</a></li><li>"
      "<a href=\"/2012/08/\">August 2012</a></li><li><a href=\"/2012/09/\">September 2012</a></li><li>"
      "<a href=\"/2012/10/\">October 2012</a></li><li><a href=\"/2012/11/\">November 2012</a></li><li>"
      "<a href=\"/2012/12/\">December 2012</a></li><li><a href=\"/2013/01/\">January 2013</a></li><li>"
      "<a href=\"/2013/02/\">February 2013</a></li><li><a href=\"/2013/03/\">March 2013</a></li><li>"
      "<a href=\"/2013/04/\">April 2013</a></li><li><a href=\"/2013/05/\">May 2013</a></li><li>"
      "<a href=\"/2013/06/\">June 2013</a></li><li><a href=\"/2013/07/\">July 2013</a></li><li>"
      "<a href=\"/2013/08/\">August 2013</a></li><li><a href=\"/2013/09/\">September 2013</a></li><li>"
      "<a href=\"/2013/10/\">October 2013</a></li><li><a href=\"/2013/11/\">November 2013</a></li><li>"
      "<a href=\"/2013/12/\">December 2013</a></li></ul></div><div class=\"k3\">"
      "<a href=\"/tags/fog\">fog</a> <a href=\"/tags/bridges\">bridges</a> <a href=\"/tags/harbour\">harbour</a> <a href=\"/tags/mornings\">mornings</a> <a href=\"/tags/ferries\">ferries</a>"
      "</div></body></html>");
  assert_kept(page, "The old swing bridge at six in the morning");
  assert_kept(page, "Fog over the swing bridge");
  assert_false(find_block(page, "That light is unreal")->keep);
  assert_false(find_block(page, "My grandfather used to open that bridge")->keep);
}

/* A gallery under the lead: its pictures' credits are linked lines ("©
 * Agency. Name | Buy the picture"), not teasers closing the article; the
 * story goes on under them. */
static void test_linked_picture_credits_do_not_close_the_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Activist released from custody</title></head><body><div class=\"c1\">"
      "<h1>Activist released from custody</h1>"
      "<p>The leader of the movement was released on Wednesday after serving a ten-day term.</p>"
      "<div class=\"c2\"><p><a href=\"/p1\">\xc2\xa9 News Agency. Anna Stenina | Buy the picture</a></p>"
      "<p><a href=\"/p2\">\xc2\xa9 News Agency. Anton Denisov | Buy the picture</a></p></div>"
      "<p>His lawyer said that the court had dropped the second charge, and that he would be "
      "at home with his family by the evening if the traffic allowed.</p>"
      "<p>Supporters gathered outside the station in the cold, and several of them were "
      "briefly held by the police before being let go without a fine.</p></div></body></html>");
  assert_true(page->article_paragraphs >= 3);
  assert_kept(page, "Supporters gathered outside");
}

/* Under a story of several paragraphs, a plain line that titles comments
 * ("{ 8 comments }") ends the article; the thread under it, no name
 * marking it and longer than the story, is no more of it. */
static void test_comments_label_line_ends_the_story(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Three problems the new release solves</title></head><body>"
      "<div class=\"k1\"><div class=\"k2\"><h1>Three problems the new release solves</h1>"
      "<p>The first problem was the upgrade itself: every site had to be copied by hand before the "
      "new files could go in, and a mistake meant a broken site for hours.</p>"
      "<p>The second was design work, which had to happen on the live site because there was no "
      "place to try a change out first and no way to undo it afterwards.</p>"
      "<p>The third was handing a design to a client, which meant sending files by mail and "
      "hoping that they were put in the right folders on the other end.</p></div>"
      "<p>{ 8 comments }</p><ol><li><div class=\"k3\"><span class=\"k4\">Gibbo</span></div><div class=\"k5\"><p>Brilliant, I only had a few doubts about the upgrade path, and this answers every one of them for me.</p></div></li><li><div class=\"k3\"><span class=\"k4\">Robert</span></div><div class=\"k5\"><p>The update has not shown up in my dashboard yet, though I followed each of the steps in this post twice.</p></div></li><li><div class=\"k3\"><span class=\"k4\">Chris</span></div><div class=\"k5\"><p>It will show up within the next day or so; the servers send it out to everyone in turns over the week.</p></div></li><li><div class=\"k3\"><span class=\"k4\">Thomas</span></div><div class=\"k5\"><p>These updates are great, and I only wish I could keep my old settings when I move a site to a new host.</p></div></li><li><div class=\"k3\"><span class=\"k4\">Michael</span></div><div class=\"k5\"><p>You can install the whole thing on your own computer and work on your sites there before you publish them.</p></div></li><li><div class=\"k3\"><span class=\"k4\">Mars</span></div><div class=\"k5\"><p>I am using the new version on my second site already, and the editor is far quicker than it used to be.</p></div></li><li><div class=\"k3\"><span class=\"k4\">Jace</span></div><div class=\"k5\"><p>A question for clarity: when it is time to update, do we still need to back up the whole folder first?</p></div></li><li><div class=\"k3\"><span class=\"k4\">Anna</span></div><div class=\"k5\"><p>Thank you for the clear write-up; I had put off the upgrade for months and it took me ten minutes today.</p></div></li></ol></div></body></html>");
  assert_kept(page, "The third was handing a design");
  assert_false(find_block(page, "Brilliant, I only had a few doubts")->keep);
}

/* "40 Responses to <title>" names the page at greater length than the
 * headline, and no name marks it as the comments' title: the lexicon does. */
static void test_comments_title_is_no_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>A revolver for the glovebox</title></head><body><div class=\"k1\">"
      "<h2>A revolver for the glovebox</h2>"
      "<p>The maker calls it a public defender, and it fires both shotgun shells and ordinary "
      "cartridges from a cylinder that holds five of either kind.</p>"
      "<p>It weighs a little under a kilogram unloaded, which is light enough to carry all day "
      "and heavy enough to keep the recoil of a shell in check.</p></div><div class=\"k2\">"
      "<h2>40 Responses to \u201cA revolver for the glovebox\u201d</h2>"
      "<p>Mine has been reliable for two years now, and I have put several hundred rounds through "
      "it without a single failure of any kind.</p></div></body></html>");
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text, "A revolver for the glovebox");
}

/* A short dated story, then a box of other stories' linked titles (lines,
 * no heading, no picture) with their blurbs, which together outweigh it:
 * the box is no part of the article, and the region does not move to it. */
static void test_linked_title_lines_with_blurbs_after_a_short_story(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Ferry service to the island resumes - City News</title></head><body>"
      "<div class=\"k7\"><h1>Ferry service to the island resumes</h1><p>12 January 2012 14:05</p>"
      "<p>The ferry to the island sailed again on Thursday after three weeks in dry dock, and the "
      "first crossing of the morning was full of commuters and their bicycles.</p></div>"
      "<div class=\"k2\"><div class=\"x0\"><a href=\"/s/0\"><span>Council votes to close the old harbour bridge</span></a><p>The bridge will stay shut to cars from March while engineers decide whether it can be saved at all.</p></div><div class=\"x1\"><a href=\"/s/1\"><span>New school term starts with fewer teachers</span></a><p>Parents say classes of thirty-five are too large, and the union wants the council to hire more staff.</p></div><div class=\"x2\"><a href=\"/s/2\"><span>Summer festival moves to the market square</span></a><p>Organisers hope the move will bring more visitors to the shops that line the square in the old town.</p></div><div class=\"x0\"><a href=\"/s/3\"><span>Hospital nurses vote on a new pay offer</span></a><p>The offer would raise pay by four per cent over two years, with more for those who work at night.</p></div><div class=\"x1\"><a href=\"/s/4\"><span>Football club signs a striker from the league</span></a><p>The twenty-four-year-old scored eleven goals last season and has signed a contract for three years.</p></div><div class=\"x2\"><a href=\"/s/5\"><span>Storm warning for the coast on Friday night</span></a><p>Winds of up to ninety kilometres an hour are expected, and ferries may not sail until Saturday noon.</p></div><div class=\"x0\"><a href=\"/s/6\"><span>Library opens its doors on Sunday mornings</span></a><p>The trial will run for six months, and the council will decide in autumn whether to keep the hours.</p></div><div class=\"x1\"><a href=\"/s/7\"><span>Farmers say prices for milk are falling</span></a><p>Dairy farmers in the valley say they now sell milk for less than it costs them to produce it.</p></div></div></body></html>");
  assert_kept(page, "The ferry to the island sailed again");
  assert_false(find_block(page, "The bridge will stay shut")->keep);
  assert_false(find_block(page, "Dairy farmers in the valley")->keep);
}

/* A dated brief of two short paragraphs, then boxes of a picture, a title
 * that is no link and a blurb (a script opens the card): teasers. */
static void test_unlinked_cards_after_a_two_paragraph_brief(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Ferry service to the island resumes - City News</title></head><body>"
      "<div class=\"k7\"><h1>Ferry service to the island resumes</h1><p>12 January 2012 14:05</p>"
      "<p>The ferry to the island sailed again on Thursday after three weeks in dry dock.</p>"
      "<p>The first crossing of the morning was full of commuters and their bicycles.</p></div>"
      "<div class=\"k2\"><div class=\"x0\"><img src=\"/i/0.jpg\"><div class=\"t\">Council votes to close the old harbour bridge</div><p>The bridge will stay shut to cars from March while engineers decide whether it can be saved at all.</p></div><div class=\"x1\"><img src=\"/i/1.jpg\"><div class=\"t\">New school term starts with fewer teachers</div><p>Parents say classes of thirty-five are too large, and the union wants the council to hire more staff.</p></div><div class=\"x2\"><img src=\"/i/2.jpg\"><div class=\"t\">Summer festival moves to the market square</div><p>Organisers hope the move will bring more visitors to the shops that line the square in the old town.</p></div><div class=\"x0\"><img src=\"/i/3.jpg\"><div class=\"t\">Hospital nurses vote on a new pay offer</div><p>The offer would raise pay by four per cent over two years, with more for those who work at night.</p></div></div></body></html>");
  assert_kept(page, "The first crossing of the morning");
  assert_false(find_block(page, "The bridge will stay shut")->keep);
  assert_false(find_block(page, "The offer would raise pay")->keep);
}

/* An old layout sets the headline in a cell of the page's table: the row
 * that names the page anchors the article, and the page of headlines
 * around it is not read as a listing. */
static void test_headline_in_a_table_cell_anchors_the_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Seven signs your teeth need a dentist</title></head><body>"
      "<table><tr><td><table>"
      "<tr><td>Seven signs your teeth need a dentist</td></tr>"
      "<tr><td><p>Healthy teeth make for a good appetite and a bright smile, and the habits "
      "that keep them healthy are simple ones, though not all of the usual advice holds.</p>"
      "<p>Brush morning and evening, rinse after sweet drinks, and see a dentist twice a year; "
      "sticky food left on the teeth for hours does more harm than the sugar in a drink.</p>"
      "</td></tr></table></td></tr>"
      "<tr><td><table>"
      "<tr><td><a href=\"/s0\">Hospital opens a new wing for heart patients</a></td></tr>"
      "<tr><td><a href=\"/s1\">Flu season arrives early in the north this year</a></td></tr>"
      "<tr><td><a href=\"/s2\">Researchers link sleep to memory in older adults</a></td></tr>"
      "<tr><td><a href=\"/s3\">Clinic waiting times fall for the third month</a></td></tr>"
      "<tr><td><a href=\"/s4\">New rules for food labels take effect in spring</a></td></tr>"
      "<tr><td><a href=\"/s5\">Vaccine trial enters its final stage in the south</a></td></tr>"
      "<tr><td><a href=\"/s6\">City council votes to plant a thousand new trees</a></td></tr>"
      "<tr><td><a href=\"/s7\">Library extends its opening hours over winter</a></td></tr>"
      "<tr><td><a href=\"/s8\">Rail line reopens after a week of repairs</a></td></tr>"
      "<tr><td><a href=\"/s9\">Farmers market moves indoors for the cold months</a></td></tr>"
      "<tr><td><a href=\"/s10\">School meals to include more fresh vegetables</a></td></tr>"
      "<tr><td><a href=\"/s11\">Swimming pool closes for a month of repairs</a></td></tr>"
      "<tr><td><a href=\"/s12\">Cyclists ask for safer lanes on the ring road</a></td></tr>"
      "<tr><td><a href=\"/s13\">Museum shows old maps of the harbour town</a></td></tr>"
      "<tr><td><a href=\"/s14\">Storm brings down trees along the coast road</a></td></tr>"
      "<tr><td><a href=\"/s15\">Bakery wins a prize for its rye bread</a></td></tr>"
      "<tr><td><a href=\"/s16\">Choir raises money for the children's ward</a></td></tr>"
      "<tr><td><a href=\"/s17\">New bridge opens to walkers and cyclists</a></td></tr>"
      "<tr><td><a href=\"/s18\">Bus fares stay the same for another year</a></td></tr>"
      "<tr><td><a href=\"/s19\">Volunteers clean the river banks on Sunday</a></td></tr>"
      "</table></td></tr></table></body></html>");
  assert_false(page->listing);
  assert_kept(page, "Brush morning and evening");
  assert_false(find_block(page, "Rail line reopens")->keep);
}

/* Headed sections of teasers past an article's last paragraph, inside the
 * story's wrapper, are not the article. */
static void test_headed_teasers_past_the_last_paragraph_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Food inspectors warn of budget cuts</title></head><body>"
      "<div class=\"story\"><h1>Food inspectors warn of budget cuts</h1><div class=\"text\">"
      "<p>Canada's food inspectors say they fear budget cuts could put food safety at risk, "
      "as the agency prepares to trim its spending by up to ten per cent over three years.</p>"
      "<p>The head of the inspectors' union said documents show the programme that hired "
      "seventy new inspectors after the last outbreak will end in March unless renewed.</p>"
      "<p>A spokeswoman for the minister said the cuts would not touch front-line inspection "
      "and that the safety of the food supply remains the government's first concern.</p>"
      "</div><h3>Top headlines</h3><ul>"
      "<li><a href=\"/t0\">Storm closes coast road</a> Trees fell along the coast road overnight and crews expect to clear it by the evening, police said.</li>"
      "<li><a href=\"/t1\">Rail line reopens</a> Trains run again on the valley line after a week of repairs to the bridge over the river.</li>"
      "<li><a href=\"/t2\">Museum shows old maps</a> The harbour museum opens a show of old sea charts and town plans drawn over three centuries.</li>"
      "<li><a href=\"/t3\">Bakery wins a prize</a> A family bakery in the old town won the national prize for its dark rye bread this year.</li>"
      "</ul></div></body></html>");
  assert_kept(page, "A spokeswoman for the minister");
  assert_false(find_block(page, "Trees fell along the coast road")->keep);
  assert_false(find_block(page, "A family bakery")->keep);
}

/* A poll beside the article is a form's questions; an article inside the
 * form that wraps the whole page is the article. */
static void test_small_form_beside_the_text_is_dropped(void **state) {
  static const char ARTICLE[] =
      "<h1>Pruning roses in late winter</h1>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first, then shorten the "
      "remaining canes by about a third.</p>"
      "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
      "and the new shoot grows away from the centre of the bush, keeping it open.</p>"
      "<p>Feed the bushes after pruning with a rose fertiliser and a mulch of compost, and "
      "water them well in the first dry spell of spring.</p>";
  static const char POLL[] =
      "<form action=\"#\"><p>Rate this article, please. Your opinion matters to us.</p>"
      "<p>The article is easy to read</p><label><input type=\"radio\" name=\"q1\"> Agree</label>"
      "<p>The topic is fully covered</p><label><input type=\"radio\" name=\"q2\"> Agree</label>"
      "</form>";
  char html[4096];
  snprintf(html, sizeof html, "<html><head><title>Pruning roses in late winter</title></head>"
           "<body><div class=\"story\">%s%s</div></body></html>", ARTICLE, POLL);
  wn_page *page = classify(state, html);
  assert_kept(page, "Feed the bushes after pruning");
  assert_dropped_for(page, "Rate this article", REASONS("form"));
  assert_dropped_for(page, "The topic is fully covered", REASONS("form"));
}

/* A forum's moderation form around its replies: posts of a sentence or two
 * each are a thread, not a poll's questions. */
static void test_replies_inside_a_form_are_kept(void **state) {
  static const char QUESTION[] =
      "<h1>Roses dying back after pruning</h1>"
      "<p>I pruned my climbing roses in late February, cutting every cane back by about a "
      "third just above an outward-facing bud, as the books say. Three weeks later the tips "
      "of most canes have turned brown and the die-back is creeping down towards the base.</p>"
      "<p>The bushes are six years old and have always flowered well. They get full sun in "
      "the afternoon, the soil is heavy clay that I improved with compost last autumn, and "
      "I fed them with a rose fertiliser right after pruning, then watered it in well.</p>"
      "<p>We had a hard frost a few days after I pruned, down to minus six at night, and a "
      "lot of cold wind. Could that be the cause, or is this canker? Should I cut the brown "
      "parts out now or wait until the weather has settled and new shoots appear?</p>"
      "<p>I have attached photos of the worst cane and of the base of the plant. Any advice "
      "would be welcome, as I would hate to lose them after all these years of care.</p>"
      "<p>Last year the same bushes were pruned in March instead, after the frosts, and they "
      "came through without any die-back at all. The year before that I barely pruned them "
      "and they grew leggy, with most of the flowers high up out of sight.</p>"
      "<p>Next door the roses were pruned on the same day as mine and look perfectly healthy, "
      "though they are a different variety and sit against a warm south-facing wall that "
      "shelters them from the wind.</p>";
  static const char REPLIES[] =
      "<form action=\"/moderate\" method=\"post\">"
      "<div><p>That frost right after pruning is the likely cause: the fresh "
      "cuts let the cold into the canes. It happens to mine most years.</p></div>"
      "<div><p>Cut back into green, healthy wood with a clean sloping cut and "
      "the plants should recover well by the end of spring.</p></div>"
      "<div><p>Canker shows as sunken dark patches on the cane; frost damage "
      "is brown from the tip down and stops at a bud.</p></div>"
      "</form>";
  char html[4096];
  snprintf(html, sizeof html, "<html><head><title>Roses dying back after pruning</title></head>"
           "<body><div class=\"thread\">%s%s</div></body></html>", QUESTION, REPLIES);
  wn_page *page = classify(state, html);
  assert_kept(page, "We had a hard frost");
  assert_kept(page, "That frost right after pruning");
  assert_kept(page, "Canker shows as sunken");
}

static void test_page_inside_one_form_keeps_its_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Pruning roses in late winter</title></head><body>"
      "<form id=\"page\" action=\"/default.aspx\"><div class=\"story\">"
      "<h1>Pruning roses in late winter</h1>"
      "<p>Prune roses in late winter, when the worst frosts have passed but before the buds "
      "begin to swell. Cut out dead, damaged and crossing stems first.</p>"
      "<p>Always cut just above an outward-facing bud with a sloping cut, so rain runs off "
      "and the new shoot grows away from the centre of the bush.</p>"
      "<p>Short note.</p>"
      "</div><input type=\"hidden\" name=\"state\" value=\"x\"></form></body></html>");
  assert_kept(page, "Always cut just above");
  assert_kept(page, "Short note.");
}

/* A headline broken with <br> in a plain line names the page by its
 * <title> when the og:title carries markup as text. */
static void test_broken_headline_line_names_the_page(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Flu vaccine linked to sleep disorder in twelve countries - Science</title>"
      "<meta property=\"og:title\" content=\"site - &lt;b&gt;Flu&lt;/b&gt;&lt;br&gt;vaccine\">"
      "</head><body><div class=\"page\"><div class=\"story\">"
      "<p><b>Flu vaccine</b><br>linked to sleep disorder in twelve countries</p>"
      "<p>At least twelve countries have reported a possible link between a vaccine against "
      "the new flu and narcolepsy, the health agency said on Tuesday in Geneva.</p>"
      "<p>Experts studied the cases of twenty-two people who showed the disorder after "
      "vaccination and found in all of them one gene linked to the condition.</p></div>"
      "<div class=\"list\"><p><a href=\"/s0\">Hospital opens a new wing for heart patients</a></p>"
      "<p><a href=\"/s1\">Flu season arrives early in the north this year</a></p>"
      "<p><a href=\"/s2\">Researchers link sleep to memory in older adults</a></p>"
      "<p><a href=\"/s3\">Clinic waiting times fall for the third month</a></p>"
      "<p><a href=\"/s4\">New rules for food labels take effect in spring</a></p>"
      "<p><a href=\"/s5\">Vaccine trial enters its final stage in the south</a></p>"
      "<p><a href=\"/s6\">City council votes to plant a thousand new trees</a></p>"
      "<p><a href=\"/s7\">Library extends its opening hours over winter</a></p>"
      "<p><a href=\"/s8\">Rail line reopens after a week of repairs</a></p>"
      "<p><a href=\"/s9\">Farmers market moves indoors for the cold months</a></p>"
      "<p><a href=\"/s10\">School meals to include more fresh vegetables</a></p>"
      "<p><a href=\"/s11\">Swimming pool closes for a month of repairs</a></p>"
      "<p><a href=\"/s12\">Cyclists ask for safer lanes on the ring road</a></p>"
      "<p><a href=\"/s13\">Museum shows old maps of the harbour town</a></p>"
      "<p><a href=\"/s14\">Storm brings down trees along the coast road</a></p>"
      "<p><a href=\"/s15\">Bakery wins a prize for its rye bread</a></p>"
      "<p><a href=\"/s16\">Choir raises money for the children's ward</a></p>"
      "<p><a href=\"/s17\">New bridge opens to walkers and cyclists</a></p>"
      "<p><a href=\"/s18\">Bus fares stay the same for another year</a></p>"
      "<p><a href=\"/s19\">Volunteers clean the river banks on Sunday</a></p>"
      "</div></div></body></html>");
  assert_false(page->listing);
  assert_kept(page, "Experts studied the cases");
  assert_false(find_block(page, "Rail line reopens")->keep);
}

/* ---- listings ------------------------------------------------------------ */

static const char LISTING_PAGE[] =
    "<html><head><title>Garden news</title></head><body>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>"
    "<div class=\"grid\">"
    "<a href=\"/s1\"><div class=\"card\"><h3>Bees survive the coldest winter in decades</h3>"
    "<p>Beekeepers across the north report strong colonies</p></div></a>"
    "<a href=\"/s2\"><div class=\"card\"><h3>New rose varieties shown at the spring fair</h3>"
    "<p>Twelve breeders competed for the gold medal this year</p></div></a>"
    "<a href=\"/s3\"><div class=\"card\"><h3>How to plan a vegetable garden for small spaces</h3>"
    "<p>Raised beds, vertical growing and clever companion planting</p></div></a>"
    "<a href=\"/s4\"><div class=\"card\"><h3>Community orchards planted across the region</h3>"
    "<p>Volunteers planted three hundred apple and pear trees</p></div></a>"
    "<a href=\"/s5\"><div class=\"card\"><h3>Why hedgehogs need gaps in garden fences</h3>"
    "<p>A small hole lets them roam between gardens at night</p></div></a>"
    "<a href=\"/s6\"><div class=\"card\"><h3>The best early flowers for hungry spring bees</h3>"
    "<p>Crocus, hellebore and willow feed the first foragers</p></div></a>"
    "</div>"
    "<footer><p><a href=\"/privacy\">Privacy</a></p></footer>"
    "</body></html>";

static void test_listing_is_detected(void **state) {
  wn_page *page = classify(state, LISTING_PAGE);
  assert_true(page->listing);
}

static void test_listing_keeps_the_cards(void **state) {
  wn_page *page = classify(state, LISTING_PAGE);
  assert_kept(page, "Bees survive the coldest winter");
  assert_kept(page, "Beekeepers across the north");
  assert_kept(page, "New rose varieties");
  assert_kept(page, "Twelve breeders");
  assert_kept(page, "How to plan a vegetable garden");
  assert_kept(page, "Community orchards");
  assert_kept(page, "Volunteers planted");
  assert_kept(page, "Why hedgehogs need gaps");
  assert_kept(page, "A small hole lets them roam");
  assert_kept(page, "The best early flowers");
  assert_kept(page, "Crocus, hellebore and willow");
  assert_dropped_for(page, "Home", REASONS("navigation", "outside-main", "chrome-line"));
  assert_dropped_for(page, "Privacy", REASONS("footer", "outside-main"));
}

static void test_article_is_not_a_listing(void **state) {
  wn_page *page = classify(state, ARTICLE_PAGE);
  assert_false(page->listing);
}

/* ---- short blocks that belong to the content ---------------------------- */

/*
 * A recipe with no h1: its section headings and ingredient list are content.
 * (Dropping "labels above the headline" must not, when there is no headline,
 * drop every short block of the page.)
 */
static void test_page_without_h1_keeps_lists_and_headings(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Fondant recipe</title></head><body><div class=\"recipe\">"
      "<p>This simple fondant keeps a colony fed through the coldest weeks of the year, and "
      "it takes only a few minutes to make in an ordinary kitchen.</p>"
      "<h2>Ingredients</h2>"
      "<ul><li>2 kg white sugar</li><li>500 ml water</li><li>1 teaspoon vinegar</li></ul>"
      "<h2>Method</h2>"
      "<p>Heat the sugar and water slowly, stirring until every crystal has dissolved, then "
      "boil until the syrup reaches the soft ball stage and pour it into moulds to set.</p>"
      "</div></body></html>");
  assert_kept(page, "This simple fondant");
  assert_kept(page, "Heat the sugar");
  assert_kept(page, "Ingredients");
  assert_kept(page, "2 kg white sugar");
  assert_kept(page, "500 ml water");
  assert_kept(page, "1 teaspoon vinegar");
  assert_kept(page, "Method");
}

static void test_list_inside_article_with_h1_is_kept(void **state) {
  wn_page *page = classify(state,
      "<html><body><article><h1>Fondant</h1>"
      "<p>This simple fondant keeps a colony fed through the coldest weeks of the year, and "
      "it takes only a few minutes to make in an ordinary kitchen.</p>"
      "<ul><li>2 kg white sugar</li><li>500 ml water</li></ul>"
      "<p>Heat the sugar and water slowly, stirring until every crystal has dissolved.</p>"
      "</article></body></html>");
  assert_kept(page, "2 kg white sugar");
  assert_kept(page, "500 ml water");
  assert_string_equal(page->title, "Fondant");
}

/* ---- teasers --------------------------------------------------------------- */

#define TEASER_BODY                                                                        \
  "<h1>River levels fall</h1>"                                                             \
  "<p>The river dropped by almost a metre over the weekend, and the town lifted its flood " \
  "warning on Monday morning after three days of sandbags and closed roads.</p>"            \
  "<p>Engineers say the embankments held well, although two fields north of the bridge "   \
  "were flooded when a drainage channel overflowed during the night.</p>"                   \
  "<p>The council will review the warning system next month, with residents invited to "   \
  "speak at an open meeting in the library about what worked and what did not.</p>"

static void test_linked_headline_with_blurb_is_a_teaser(void **state) {
  wn_page *page = classify(state,
      "<html><body><article>" TEASER_BODY
      "<h2><a href=\"/weather/storm\">Storm expected on Friday</a></h2>"
      "<p>Forecasters warn of strong winds along the coast.</p>"
      "</article></body></html>");
  assert_kept(page, "The river dropped");
  assert_dropped_for(page, "Storm expected", REASONS("teaser"));
  assert_dropped_for(page, "Forecasters warn", REASONS("teaser"));
}

static void test_self_anchored_heading_is_not_a_teaser(void **state) {
  wn_page *page = classify(state,
      "<html><body><article>" TEASER_BODY
      "<h2 id=\"next\"><a href=\"#next\">What happens next</a></h2>"
      "<p>Repairs to the channel start in spring.</p>"
      "</article></body></html>");
  assert_kept(page, "What happens next");
  assert_kept(page, "Repairs to the channel");
}

static void test_page_of_teasers_keeps_them(void **state) {
  wn_page *page = classify(state,
      "<html><body><main><h1>Science</h1>"
      "<h3><a href=\"/a\">Left-handed people are more competitive</a></h3>"
      "<p>A recent study suggests that left-handed players have an edge in sports where "
      "reaction time matters more than anything else.</p>"
      "<h3><a href=\"/b\">Sleep apnea often goes undetected in women</a></h3>"
      "<p>Doctors are starting to look for different symptoms, and new guidelines aim to "
      "close a gap that has lasted for decades.</p>"
      "<h3><a href=\"/c\">A right whale baby boom is on</a></h3>"
      "<p>Researchers have documented the births of nearly two dozen calves this season, "
      "but the species remains at risk.</p>"
      "</main></body></html>");
  assert_kept(page, "A recent study suggests");
  assert_kept(page, "Researchers have documented");
}

/* Cards of a linked title over a blurb that links to the same story again
 * ("more »"), with no picture, after the article: a "Latest headlines" list. */
#define TEXT_TEASER(url, title, blurb)                                                      \
  "<dt><a href=\"" url "\">" title "</a></dt><dd>" blurb " <a href=\"" url "\">more &raquo;</a></dd>"
#define TEXT_TEASERS(a, b, c)                                                               \
  "<dl>" TEXT_TEASER(a, "Storm closes the coast road",                                     \
                     "Trees fell along the coast road overnight and crews expect to clear it by evening.") \
  TEXT_TEASER(b, "Rail line reopens after repairs",                                         \
              "Trains run again on the valley line after a week of repairs to the old bridge.")  \
  TEXT_TEASER(c, "Harbour museum shows old maps",                                           \
              "The museum opens a show of sea charts and town plans drawn over three centuries.") \
  "</dl>"

static void test_text_teasers_linked_twice_after_the_article_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><body><div class=\"story\">" TEASER_BODY "</div>"
      "<div class=\"more\"><h3>Latest headlines</h3>" TEXT_TEASERS("/s/1", "/s/2", "/s/3")
      "</div></body></html>");
  assert_kept(page, "The council will review");
  assert_false(find_block(page, "Trees fell along")->keep);
  assert_false(find_block(page, "The museum opens")->keep);
}

/* The same cards, each in one block: a title at its start, "Full story"
 * at its end. */
static void test_one_block_text_teasers_after_the_article_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><body><div class=\"story\">" TEASER_BODY "</div><table>"
      "<tr><td><a href=\"/s/1\">Storm closes the coast road</a><br>Trees fell along the coast "
      "road overnight and crews expect to clear it by evening. <a href=\"/s/1\">(Full story)</a></td></tr>"
      "<tr><td><a href=\"/s/2\">Rail line reopens after repairs</a><br>Trains run again on the "
      "valley line after a week of repairs to the old bridge. <a href=\"/s/2\">(Full story)</a></td></tr>"
      "</table></body></html>");
  assert_kept(page, "The council will review");
  assert_false(find_block(page, "Trees fell along")->keep);
  assert_false(find_block(page, "Trains run again")->keep);
}

/* Cards whose "Read more" link is a line of its own under the blurb. */
static void test_text_teasers_with_a_read_more_line_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><body><div class=\"story\">" TEASER_BODY "</div><div class=\"latest\">"
      "<div><h3><a href=\"/s/1\">Storm closes the coast road</a></h3><p>Trees fell along the "
      "coast road overnight and crews expect to clear it by evening.</p><p><a href=\"/s/1\">Read "
      "more</a></p></div>"
      "<div><h3><a href=\"/s/2\">Rail line reopens after repairs</a></h3><p>Trains run again on "
      "the valley line after a week of repairs to the old bridge.</p><p><a href=\"/s/2\">Read "
      "more</a></p></div></div></body></html>");
  assert_kept(page, "The council will review");
  assert_false(find_block(page, "Trees fell along")->keep);
  assert_false(find_block(page, "Trains run again")->keep);
}

/* Questions that open their answers on the page link within it: an FAQ
 * after the article is no list of teasers. */
static void test_questions_linked_within_the_page_are_not_text_teasers(void **state) {
  wn_page *page = classify(state,
      "<html><body><div class=\"story\">" TEASER_BODY
      "<dl>" TEXT_TEASER("#q1", "Who pays for the sandbags?",
                         "The council pays for sandbags handed out at the depot during a flood warning.")
      TEXT_TEASER("#q2", "Where can I report a blocked drain?",
                  "Call the council's roads line or use the form on its website, day or night.")
      "</dl></div></body></html>");
  assert_kept(page, "The council pays for sandbags");
  assert_kept(page, "Call the council's roads line");
}

/* A listing's cards under its headline and a line of intro are its content. */
static void test_listing_of_text_teasers_keeps_them(void **state) {
  wn_page *page = classify(state,
      "<html><body><main><h1>Regional news</h1>"
      "<p>The latest stories from the river valley and the coast, updated through the day by "
      "our newsroom.</p>" TEXT_TEASERS("/s/1", "/s/2", "/s/3") "</main></body></html>");
  assert_kept(page, "Trees fell along");
  assert_kept(page, "The museum opens");
}

static void test_bio_box_after_article_is_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><body><article>" TEASER_BODY
      "<p>Residents who lost property can claim support from the regional fund until the "
      "end of the year, and the council has opened a help desk in the town hall.</p>"
      "<div class=\"author-bio\"><p>Jane Doe has covered the river valley for the paper since "
      "2009. Before that she reported on farming and local politics for a radio station, and "
      "she still keeps bees in her garden near the old mill.</p></div>"
      "</article></body></html>");
  assert_kept(page, "The river dropped");
  assert_dropped_for(page, "Jane Doe has covered", REASONS("boilerplate-name"));
}

/* The article's date in a box named for its comments ("comments_datetime",
 * beside a link to them) is a stamp under the headline, not the first
 * comment: the article runs on below it. */
static void test_dated_line_in_comments_box_does_not_end_the_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Sprinter defends his title in the final</title></head><body>"
      "<div class=\"entry\"><h1>Sprinter defends his title in the final</h1>"
      "<div class=\"comments_datetime\"><p>Posted: 08/09/2012 9:21 am Updated: 08/09/2012 "
      "10:53 am</p></div>"
      "<div class=\"entry_body_text\">"
      "<p>The champion did not let anyone spoil his party on Thursday night, winning the final "
      "by a clear margin in front of a full stadium.</p>"
      "<p>His training partner gave it his best shot but faded over the last thirty metres, "
      "finishing second in a personal best time.</p>"
      "</div></div></body></html>");
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text,
                      "Sprinter defends his title in the final");
  assert_true(page->article_paragraphs >= 2);
}

/* A dated line after the post ("Posted by ... on October 17, 2012 |
 * Permalink") is its stamp, not one of its paragraphs: the article's body
 * is the text above it. */
static void test_post_stamp_is_not_a_paragraph_of_the_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Loyal customers talk about you</title></head><body>"
      "<div class=\"entry\"><h1>Loyal customers talk about you</h1>"
      "<div class=\"entry-body\">"
      "<p>Your most loyal customers are the ones who tell their friends about you, and they "
      "do it without being asked or paid for it.</p>"
      "<p>We asked two hundred shop owners what made their regulars come back, and most of "
      "them said it was being known by name.</p></div>"
      "<p class=\"posted\">Posted by Jackie Huba on October 17, 2012 | Permalink</p>"
      "</div></body></html>");
  assert_true(page->article_headline >= 0);
  assert_int_equal(page->article_paragraphs, 2);
}

/* A comment of a blog's classic template: its text, then who wrote it when. */
#define SIGNED_COMMENT(text, who, when) "<p>" text "</p><p class=\"posted\">Posted by: " who " | " when "</p>"
#define LONG_COMMENT(n) \
  "Thank you for this post, number " n ". I have run a user group for six years and the people who " \
  "kept it alive were never the experts but the ones who answered newcomers' questions at night, " \
  "for free, because they remembered how it felt to be lost in the first weeks with the tool."

/* Under a "Comments" heading, posts each signed with a stamp are readers'
 * comments, however much they outweigh the post above them, on a page that
 * does not say it is an article. */
static void test_signed_comments_outweighing_the_post_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Creating Passionate Users</title></head><body>"
      "<h1>Creating Passionate Users</h1><div class=\"content\">"
      "<h3>User community and ROI</h3>"
      "<p>Every time I give a talk, someone asks who is going to do all that extra work of helping "
      "users learn, when the support budget is already cut to the bone and the team is tired.</p>"
      "<p>The answer is the users themselves. A community that teaches its newcomers pays for "
      "itself many times over, as long as you treat the people who do the teaching well.</p>"
      "<p>That means giving them early access, listening to what they say about the product, and "
      "never, ever turning their goodwill into a marketing campaign that they did not ask for.</p>"
      "<p>It also means measuring the right things: not the number of posts in the forum, but how "
      "many newcomers stay after their first month, and how many of them start to help others.</p>"
      "<p>None of this shows up in a quarterly report, which is why so few companies do it. But "
      "the ones that do have users who defend them in public, write the tutorials the company "
      "never had time for, and forgive the occasional bad release because they feel heard.</p>"
      "<p>So the next time someone asks who will do the work, ask them in turn who is doing it "
      "now, unpaid and unthanked, in the forums and the mailing lists your company never reads.</p>"
      "<p>Start by reading those lists for a week. Then thank the five people who answered the "
      "most questions, by name, in public, and ask them what would make their evenings easier.</p>"
      "<p>Posted by Kathy on March 21, 2007 | Permalink</p>"
      "<h2>Comments</h2>"
      SIGNED_COMMENT(LONG_COMMENT("one"), "omni", "Mar 22, 2007 12:56:24 AM")
      SIGNED_COMMENT(LONG_COMMENT("two"), "nik", "Mar 22, 2007 4:36:25 AM")
      SIGNED_COMMENT(LONG_COMMENT("three"), "Peter", "Mar 22, 2007 3:53:55 AM")
      SIGNED_COMMENT(LONG_COMMENT("four"), "Paul", "Mar 30, 2007 5:38:01 PM")
      SIGNED_COMMENT(LONG_COMMENT("five"), "Desu", "Mar 29, 2007 8:47:10 AM")
      "</div></body></html>");
  assert_kept(page, "The answer is the users themselves");
  assert_kept(page, "It also means measuring");
  assert_dropped_for(page, "post, number one", REASONS("chrome-section", "comments"));
  assert_dropped_for(page, "post, number five", REASONS("chrome-section", "comments"));
}

/* A blog's name in its <h1> over its tagline, then the post under a title
 * of its own: the tagline is the site's header, not the post's standfirst. */
static void test_blog_tagline_above_the_post_title_is_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Free Range Librarian</title></head><body>"
      "<div class=\"header\"><h1>Free Range Librarian</h1>"
      "<p>A blog on librarianship, writing, and everything else</p>"
      "<ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About</a></li>"
      "<li><a href=\"/archive\">Archive</a></li></ul></div>"
      "<div class=\"main\"><div class=\"post\"><h2>The fall funnel of fun in the library</h2>"
      "<div class=\"entry-content\">"
      "<p>I took gobs of photos in New Zealand with both my phone and my unwieldy camera, and "
      "I am still sorting through them on the long evenings at home this week.</p>"
      "<p>New Zealand was wonderful, and everyone there was amazing. I was treated to a tour "
      "of three libraries and a long walk along the harbour on my last day.</p>"
      "</div></div></div>"
      "<div class=\"sidebar\"><h3>Recent posts</h3><ul>"
      "<li><a href=\"/a\">A walk in the park with the dogs</a></li>"
      "<li><a href=\"/b\">Notes from the conference in Chicago</a></li></ul></div>"
      "</body></html>");
  assert_kept(page, "I took gobs of photos");
  assert_kept(page, "The fall funnel of fun");
  assert_dropped_for(page, "A blog on librarianship",
                     REASONS("outside-main", "boilerplate-name", "header"));
}

static void test_caption_names_and_figures(void **state) {
  wn_page *page = classify(state,
      "<html><body><article>" TEASER_BODY
      "<div class=\"media\"><img src=\"a.jpg\"><p class=\"media__caption\">Sandbags on the "
      "bridge, Monday morning.</p></div>"
      "<figure><img src=\"b.jpg\"><h3>The flooded fields north of the bridge</h3></figure>"
      "<p>Insurance assessors will visit the farms this week to look at the damage.</p>"
      "</article></body></html>");
  assert_kept(page, "Insurance assessors");
  assert_dropped_for(page, "Sandbags on the bridge", REASONS("caption"));
  assert_dropped_for(page, "The flooded fields", REASONS("caption"));
}

static void test_consent_line_cut_from_line_broken_block(void **state) {
  wn_page *page = classify(state,
      "<html><body><article>" TEASER_BODY
      "<p>The flood group meets every Tuesday in the library and welcomes new members from "
      "all parts of the valley.<br>We use cookies on this website.</p>"
      "</article></body></html>");
  const wn_block *b = find_block(page, "The flood group meets");
  assert_true(b->keep);
  assert_null(strstr(b->text, "cookies"));
}

/* A banner's sentence in a box of meaningless class names, with the
 * banner's buttons: the buttons' consent labels make the box a banner. */
static const char CONSENT_BOX_PAGE[] =
    "<html><body><div class=\"x1\"><div class=\"x2\">Cookies</div>"
    "<p class=\"x3\">This site uses cookies to improve your browsing experience and to "
    "analyse the traffic of the site. <a href=\"/privacy\">Cookie policy</a></p>"
    "<button class=\"x4\">%s</button><button class=\"x4\">%s</button></div>"
    "<div class=\"x5\">" TEASER_BODY "</div></body></html>";

static void test_consent_buttons_make_a_banner(void **state) {
  char html[sizeof CONSENT_BOX_PAGE + 64];
  snprintf(html, sizeof html, CONSENT_BOX_PAGE, "Accept all", "Reject all");
  wn_page *page = classify(state, html);
  assert_dropped_for(page, "This site uses cookies", REASONS("consent-text"));
}

static void test_other_buttons_make_no_banner(void **state) {
  char html[sizeof CONSENT_BOX_PAGE + 64];
  snprintf(html, sizeof html, CONSENT_BOX_PAGE, "Play", "Pause");
  wn_page *page = classify(state, html);
  const wn_block *b = find_block(page, "This site uses cookies");
  assert_true(b->keep || strcmp(wn_reason_name(b->reason), "consent-text") != 0);
}

/* Bare labels ("Agree", "Save" in Japanese) are consent wording only as a
 * button's label: on buttons beside a banner's sentence they make a banner;
 * as a line of a page they are no chrome. */
static void test_bare_consent_labels_count_on_buttons_only(void **state) {
  char html[sizeof CONSENT_BOX_PAGE + 64];
  snprintf(html, sizeof html, CONSENT_BOX_PAGE, "\xe5\x90\x8c\xe6\x84\x8f",
           "\xe4\xbf\x9d\xe5\xad\x98");
  wn_page *page = classify(state, html);
  assert_dropped_for(page, "This site uses cookies", REASONS("consent-text"));
}

static void test_bare_consent_label_is_no_chrome_line(void **state) {
  wn_page *page = classify(state, "<html><body><article>" TEASER_BODY
                                  "<p>\xe4\xbf\x9d\xe5\xad\x98</p></article></body></html>");
  const wn_block *b = find_block(page, "\xe4\xbf\x9d\xe5\xad\x98");
  assert_true(b->lexicon == NULL);
}

/* A banner's buttons set as links run together in one line ("AcceptReject
 * all") are no phrase of the lexicon's, but each link's label is. */
static void test_consent_links_in_one_line_make_a_banner(void **state) {
  wn_page *page = classify(state,
      "<html><body><div class=\"x5\">" TEASER_BODY "</div><div class=\"x1\">"
      "<p class=\"x3\">We use our own cookies and third-party cookies so that we can show "
      "you this website.</p><div class=\"x4\"><a href=\"#\">Deny</a><a href=\"#\">"
      "Accept all</a><a href=\"#\">Personalize</a></div></div></body></html>");
  assert_dropped_for(page, "We use our own cookies", REASONS("consent-text"));
}

/* A banner's sentence in Chinese or Japanese runs to many characters:
 * counted one word each, it was too long to be looked up. */
static void test_long_cjk_banner_sentence_is_looked_up(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"en\"><body><div class=\"x5\">" TEASER_BODY "</div><div class=\"x1\">"
      "<p>当サイトでは、サービス改善を目的として当サイト及び第三者が提供するCookieを使用する"
      "ことにより、利用者に当サイトを表示させるとともに、利用者がどのようにサイトを利用して"
      "いるかをより十分に把握することが可能となっています。このまま閲覧を続けると、Cookieの"
      "利用について同意したとみなされます。</p>"
      "<button>全て同意</button><button>全て拒否</button></div></body></html>");
  assert_dropped_for(page, "当サイトでは", REASONS("consent-text"));
}

/* Tab panels are hidden but one: the region that settles on the longest
 * panel takes in its sibling panels (a product's specifications). */
static void test_tab_panels_are_one_text(void **state) {
  wn_page *page = classify(state,
      "<html><body><div class=\"a1\"><h1>Halden M54 Flat Burr Grinder</h1>"
      "<div role=\"tablist\"><button role=\"tab\">Description</button>"
      "<button role=\"tab\">Specifications</button></div><div class=\"a2\">"
      "<div role=\"tabpanel\"><h2>Description</h2><div class=\"a3\">"
      "<p>The M54 is a compact flat-burr grinder built for people who make one or two "
      "espressos in the morning and want each of them to taste the same every day.</p>"
      "<p>Single-dosing is at the heart of the design. Weigh your beans, pour them into the "
      "small hopper, and the steep chute clears almost everything out of the chamber.</p>"
      "<p>Grind size is set with a stepless collar marked in fine increments, which makes it "
      "easy to move between espresso and filter and back again.</p></div></div>"
      "<div role=\"tabpanel\"><h2>Specifications</h2><table>"
      "<tr><th>Burrs</th><td>54 mm flat, hardened steel</td></tr>"
      "<tr><th>Motor</th><td>250 W, direct drive</td></tr>"
      "<tr><th>Weight</th><td>4.1 kg</td></tr></table></div></div>"
      "<div class=\"a4\"><p>Join our newsletter for brew guides and new coffees.</p></div>"
      "</div></body></html>");
  assert_kept(page, "The M54 is a compact");
  assert_kept(page, "Specifications");
  assert_kept(page, "54 mm flat");
  assert_kept(page, "4.1 kg");
}

/* A chrome line cut from between paragraphs written with <br><br> leaves
 * one paragraph break, and none at the block's end. */
static void test_cut_line_leaves_no_blank_lines(void **state) {
  wn_page *page = classify(state,
      "<html><body><article>" TEASER_BODY
      "<p>The flood group meets every Tuesday in the library and welcomes new members from "
      "all parts of the valley.<br><br>We use cookies on this website.<br><br>Members bring "
      "their own sandbags.<br><br>We use cookies on this website.</p>"
      "</article></body></html>");
  const wn_block *b = find_block(page, "The flood group meets");
  assert_true(b->keep);
  assert_string_equal(b->text, "The flood group meets every Tuesday in the library and welcomes "
                               "new members from all parts of the valley.\n\nMembers bring "
                               "their own sandbags.");
}

/* An old page's <address>: the webmaster's contact and a way back, under
 * the text they are not part of. */
static void test_address_is_the_pages_footer(void **state) {
  wn_page *page = classify(state,
      "<html><body>" TEASER_BODY
      "<hr><address>Questions about this page? Write to the parish office, "
      "<a href=\"mailto:office@example.org\">office@example.org</a>, or "
      "<a href=\"/index.html\">go back to the home page</a>.</address></body></html>");
  assert_kept(page, "The river dropped");
  assert_dropped_for(page, "Write to the parish office", REASONS("outside-main", "footer"));
}

/* The site's name in an <h1> linking home is no headline: the tagline
 * under it is the site's, not the article's standfirst. */
static void test_tagline_under_the_sites_name_is_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Spring planting tips | Greenfinger Club</title></head><body>"
      "<div id=\"top\"><h1><a href=\"/\">Greenfinger Gardening Club</a></h1>"
      "<p>Growing together since 1987</p></div>"
      "<div id=\"menu\"><a href=\"/events\">Events</a> <a href=\"/join\">Join</a></div>"
      "<div id=\"main\"><h2>Spring planting tips</h2>"
      "<p>Wait until the soil has warmed up before sowing beans and courgettes; a cold, wet "
      "bed will simply rot the seeds.</p><p>Harden off seedlings grown indoors by putting "
      "them outside for a few hours each day over a week or two.</p></div></body></html>");
  assert_kept(page, "Wait until the soil");
  /* The post's heading is the page's title (printed once, as the title),
   * not the club's name in the logo. */
  assert_string_equal(page->title, "Spring planting tips");
  assert_false(find_block(page, "Growing together")->keep);
}

/* ---- the pass that decided ----------------------------------------------- */

/* The block is decided as `reason` by `pass` (names as --explain prints them). */
static void assert_decided(const wn_page *page, const char *needle, const char *reason,
                           const char *pass) {
  const wn_block *b = find_block(page, needle);
  if (strcmp(wn_reason_name(b->reason), reason) != 0 || strcmp(wn_pass_name(b->decided_by), pass) != 0)
    fail_msg("\"%s\": %s by %s, expected %s by %s", needle, wn_reason_name(b->reason),
             wn_pass_name(b->decided_by), reason, pass);
}

static void test_decided_by_names_the_deciding_pass(void **state) {
  wn_page *page = classify(state, ARTICLE_PAGE);
  assert_decided(page, "Honey bees do not hibernate", "content", "judge");
  assert_decided(page, "fondant recipes", "link-dense", "judge");
  assert_decided(page, "Hive gallery", "empty-section", "orphan-headings");
  assert_decided(page, "Bees in Winter", "title-repeat", "title");
}

static void test_decided_by_teasers(void **state) {
  wn_page *page = classify(state,
      "<html><body><article>" TEASER_BODY
      "<h2><a href=\"/weather/storm\">Storm expected on Friday</a></h2>"
      "<p>Forecasters warn of strong winds along the coast.</p>"
      "</article></body></html>");
  assert_decided(page, "Storm expected", "teaser", "teasers");
  assert_decided(page, "Forecasters warn", "teaser", "teasers");
}

static void test_decided_by_too_little(void **state) {
  wn_page *page = classify(state, "<html><head><title>Hello</title></head>"
                                  "<body><p>Hello world.</p></body></html>");
  assert_decided(page, "Hello world", "too-little-content", "too-little");
}

/* A fixture page through the same stages: every block names its pass, and
 * chrome in another language is the language stage's. */
static void test_decided_by_on_a_fixture(void **state) {
  FILE *f = fopen(WINNOW_FIXTURES_DIR "/lang-en-article-fi-chrome.html", "rb");
  assert_non_null(f);
  static char html[1 << 16];
  size_t n = fread(html, 1, sizeof html - 1, f);
  fclose(f);
  assert_true(n > 0 && n < sizeof html - 1);
  html[n] = '\0';
  wn_page *page = classify(state, html);
  assert_true(page->block_count > 20);
  assert_decided(page, "Kuuntele juttu", "foreign-language", "foreign-chrome");
  assert_decided(page, "When the first autumn rains", "content", "judge");
  /* Kept between the headline and the region the judge chose. */
  assert_decided(page, "A herding cooperative", "content", "headline-context");
  assert_decided(page, "Reindeer grazing on a fell", "chrome-line", "judge");
}

/* --explain names the deciding pass on every block's line, after the reason. */
static void test_explain_names_the_pass_of_every_block(void **state) {
  wn_page *page = classify(state, ARTICLE_PAGE);
  doc *d = *state;
  wn_buf_clear(&d->text);
  wn_render_explain(page, &d->text);
  size_t block = 0;
  for (const char *line = d->text.data; *line; line = strchr(line, '\n') + 1) {
    if (line[0] == '#') continue;
    assert_true(block < page->block_count);
    const wn_block *b = &page->blocks[block++];
    char reason[64], pass[64];
    assert_int_equal(sscanf(line + 5, "%63s %63s", reason, pass), 2);
    assert_string_equal(pass, wn_pass_name(b->decided_by));
    assert_string_not_equal(pass, "none");
  }
  assert_int_equal(block, page->block_count);
}

static void test_decide_keeps_the_first_pass_of_a_verdict(void **state) {
  (void)state;
  wn_block b;
  memset(&b, 0, sizeof b);
  wn_decide(&b, WN_DROP_LINK_DENSE, WN_PASS_JUDGE);
  assert_int_equal(b.keep, 0);
  assert_int_equal(b.decided_by, WN_PASS_JUDGE);
  /* Judged again to the same verdict: the first pass still decided it. */
  wn_decide(&b, WN_DROP_LINK_DENSE, WN_PASS_HEADLINE_CONTEXT);
  assert_int_equal(b.decided_by, WN_PASS_JUDGE);
  wn_decide(&b, WN_KEEP_CONTENT, WN_PASS_ANNOUNCED_LISTS);
  assert_int_equal(b.keep, 1);
  assert_int_equal(b.reason, WN_KEEP_CONTENT);
  assert_int_equal(b.decided_by, WN_PASS_ANNOUNCED_LISTS);
}

static void test_pass_names(void **state) {
  (void)state;
  assert_string_equal(wn_pass_name(WN_PASS_NONE), "none");
  assert_string_equal(wn_pass_name(WN_PASS_JUDGE), "judge");
  assert_string_equal(wn_pass_name(WN_PASS_COUNT), "?");
  for (int i = 1; i < WN_PASS_COUNT; i++) {
    assert_string_not_equal(wn_pass_name(i), "?");
    for (int j = 1; j < i; j++) assert_string_not_equal(wn_pass_name(i), wn_pass_name(j));
  }
}

/* ---- reason names -------------------------------------------------------- */

static void test_reason_names(void **state) {
  (void)state;
  assert_string_equal(wn_reason_name(WN_KEEP_CONTENT), "content");
  assert_string_equal(wn_reason_name(WN_DROP_OUTSIDE_MAIN), "outside-main");
  assert_string_equal(wn_reason_name(WN_DROP_NAVIGATION), "navigation");
  assert_string_equal(wn_reason_name(WN_DROP_LINK_DENSE), "link-dense");
  assert_string_equal(wn_reason_name(-1), "?");
  assert_string_equal(wn_reason_name(WN_REASON_COUNT), "?");
  /* Every reason has its own name. */
  for (int i = 0; i < WN_REASON_COUNT; i++) {
    assert_string_not_equal(wn_reason_name(i), "?");
    for (int j = 0; j < i; j++) assert_string_not_equal(wn_reason_name(i), wn_reason_name(j));
  }
}

/* A CJK sentence of a lexicon row is looked up as the short line it is,
 * its characters weighed as a third of a word each, and a short dated line
 * under the headline is metadata whatever it opens with. */
static void test_cjk_rows_and_metadata_lines(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Kladka nad rzeka</title></head><body><h1>Kladka nad rzeka</h1>"
      "<p>Av Jan de Vries \xc2\xb7 2024-08-12 06:23</p>"
      "<p>W sobote otwarto nowa kladke pieszo-rowerowa nad rzeka, ktora laczy osiedle na "
      "prawym brzegu z parkiem i centrum miasta. Juz w pierwszych godzinach przeszlo po "
      "niej kilka tysiecy osob, wsrod nich wiele rodzin z dziecmi.</p>"
      "<p>\xe3\x81\x93\xe3\x81\xae\xe4\xbb\xa3\xe6\x9b\xbf\xe3\x83\x86\xe3\x82\xad"
      "\xe3\x82\xb9\xe3\x83\x88\xe3\x81\xaf\xe8\x87\xaa\xe5\x8b\x95\xe7\x9a\x84"
      "\xe3\x81\xab\xe7\x94\x9f\xe6\x88\x90\xe3\x81\x95\xe3\x82\x8c\xe3\x81\x9f"
      "\xe3\x81\x9f\xe3\x82\x81\xe6\xad\xa3\xe7\xa2\xba\xe3\x81\xa7\xe3\x81\xaa"
      "\xe3\x81\x84\xe5\x8f\xaf\xe8\x83\xbd\xe6\x80\xa7\xe3\x81\x8c\xe3\x81\x82"
      "\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82</p></body></html>");
  assert_kept(page, "W sobote otwarto");
  assert_dropped_for(page, "Av Jan de Vries", REASONS("metadata", "chrome-line"));
  assert_dropped_for(page, "\xe3\x81\x93\xe3\x81\xae\xe4\xbb\xa3", REASONS("ai-label"));
}

/* An AI term opening a compound ("KI-generiertes Bild") in a badge's place
 * is a label; the same words inside a sentence of the article are not. */
static void test_ai_compound_badge(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Markthalle wieder offen</title></head><body>"
      "<h1>Markthalle wieder offen</h1><span>KI-generiertes Bild</span>"
      "<p>Die alte Markthalle am Hafen ist nach zwei Jahren Bauzeit wieder offen, und am "
      "Samstag kamen Hunderte Besucher, um sich die Arbeit anzusehen.</p>"
      "<p>Ein KI-generiertes Bild der Halle hatte vorab im Netz die Runde gemacht, doch die "
      "Stadt stellte klar, dass es nicht echt war und die Halle anders aussieht.</p>"
      "</body></html>");
  assert_dropped_for(page, "KI-generiertes Bild", REASONS("ai-label"));
  assert_kept(page, "Ein KI-generiertes Bild der Halle");
}

/* Finnish and Swedish inflect an abbreviation after a colon: "AI:n luoma
 * kuva" is a label like "KI-generiertes Bild". */
static void test_ai_inflected_badge(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Kirjasto jatkaa aukioloaikoja</title></head><body>"
      "<h1>Kirjasto jatkaa aukioloaikoja</h1><span>AI:n luoma kuva</span>"
      "<p>Kaupunginkirjasto on ensi kuusta alkaen auki arkisin iltayhdeksaan asti, kun se "
      "on tähän asti sulkenut ovensa jo seitsemältä illalla.</p>"
      "<p>Muutos perustuu lukijoille tehtyyn kyselyyn, jossa moni toivoi pidempiä "
      "aukioloaikoja erityisesti työpäivien jälkeen.</p></body></html>");
  assert_dropped_for(page, "AI:n luoma kuva", REASONS("ai-label"));
  assert_kept(page, "Kaupunginkirjasto on ensi kuusta");
}

/* A label's first word may stand before a colon ("Illustration: AI-
 * generated"): a label still, not a sentence. */
static void test_ai_badge_after_label_word(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Harbour market reopens</title></head><body>"
      "<h1>Harbour market reopens</h1><img src=\"m.jpg\" alt=\"\"><div>Illustration: AI-generated</div>"
      "<p>The old harbour market reopened on Saturday after two years of work, and hundreds "
      "of visitors came to see the restored roof and the stone arches.</p>"
      "<p>Most of the traders returned to their old stalls, and a few places went to young "
      "growers from the villages around the town.</p></body></html>");
  assert_dropped_for(page, "Illustration: AI-generated", REASONS("ai-label"));
  assert_kept(page, "The old harbour market reopened");
}

/* A flat post and its comments in one box of meaningless names, the
 * commenters' names linked in their stamps: the comments go. */
static void test_flat_comments_with_linked_names(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Ferry timetable changes | Harbour Notes</title></head><body>"
      "<div class=\"x1\"><h1>Harbour Notes</h1><div class=\"x2\">"
      "<h3><a href=\"/ferry\">Ferry timetable changes</a></h3>"
      "<p>From Monday the morning ferry leaves ten minutes earlier, at 6:50, so that it meets "
      "the first train into the city, the harbour office said on Friday afternoon.</p>"
      "<p>The evening crossings stay as they are, and the weekend timetable will be reviewed "
      "in the spring after the office has counted how many passengers use each boat.</p>"
      "<h3>Comments</h3>"
      "<p>Finally. I have missed that train every morning for a year now, and my employer has stopped believing that the ferry is late, so this change could not come soon enough for me.</p>"
      "<p>Posted by: <a href=\"http://a.example\">Anna</a> | October 29, 2012 at 01:40 PM</p>"
      "<p>Will the bus from the station wait for the later boat as well? Last winter it left before the boat had even tied up, and twenty of us stood in the rain for forty minutes.</p>"
      "<p>Posted by: <a href=\"http://b.example\">Bram</a> | October 29, 2012 at 02:12 PM</p>"
      "<p>Good news for the school children on the island, thank you. They have been arriving late to the first lesson all year, and the teachers had started to mark them absent.</p>"
      "<p>Posted by: <a href=\"http://c.example\">Chris</a> | October 30, 2012 at 08:03 AM</p>"
      "</div></div></body></html>");
  assert_kept(page, "From Monday the morning ferry");
  assert_kept(page, "The evening crossings");
  assert_dropped_for(page, "I have missed that train", REASONS("comments", "chrome-section"));
  assert_dropped_for(page, "Will the bus from the station", REASONS("comments", "chrome-section"));
  assert_dropped_for(page, "Good news for the school children", REASONS("comments", "chrome-section"));
}

/* A theme's comment count and form link run together in one heading
 * ("4 Comments Leave a comment") title the comments under it. */
static void test_count_and_title_head_comments(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>River levels after the storm | Waterlog</title></head><body>"
      "<div class=\"x1\"><h1>Waterlog</h1><div class=\"x2\">"
      "<h2>River levels after the storm</h2>"
      "<p>The river rose by almost two metres overnight, and the gauges below the weir "
      "recorded their highest level since the floods of the winter before last.</p>"
      "<p>By Monday afternoon the water had fallen again, leaving a line of debris along the "
      "meadows that the council will clear before the footpath reopens.</p>"
      "</div><div class=\"x3\">"
      "<h3><a href=\"#comments\">4 Comments</a> <a href=\"#respond\">Leave a comment</a></h3>"
      "<p>Miles 12 days ago</p>"
      "<p>Pity the report did not say how much rain fell upstream, because that is what "
      "decides how fast the water comes down to the town after a storm like this one.</p>"
      "<p>Ana 11 days ago</p>"
      "<p>We walked along the meadows on Tuesday and the debris line was higher than the "
      "fence posts, which none of us had ever seen before in twenty years of walking there.</p>"
      "</div></div></body></html>");
  assert_kept(page, "The river rose by almost two metres");
  assert_dropped_for(page, "Pity the report did not say",
                     REASONS("chrome-section", "comments", "outside-main"));
}

/* A blog's classic template: the post's title is a permalink, the blog's
 * name is the <h1>, and the comments follow in the same box as the post,
 * each under a stamp. The post is the page; its comments are not. */
static void test_flat_comments_under_a_permalinked_post_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Notes &raquo; Why the old bridge was closed</title></head><body>"
      "<h1><a href=\"/\">Notes</a></h1><div class=\"content\">"
      "<h2><a href=\"/2012/10/bridge\" rel=\"bookmark\">Why the old bridge was closed</a></h2>"
      "<p>The old bridge over the canal was closed on Monday after inspectors found cracks in "
      "two of its supporting beams, the city's engineering office said.</p>"
      "<p>Repairs will take at least six weeks. Until then, pedestrians are asked to use the "
      "footbridge by the station, and buses will run a longer route around the harbour.</p>"
      "<h2>Comments</h2>"
      "<p>I walk over it every day and had noticed the railings shaking for months now.</p>"
      "<p>Posted by: Anna | October 28, 2012 02:30 PM</p>"
      "<p>Six weeks sounds optimistic to me, given how long the last repairs took.</p>"
      "<p>Posted by: Mark | October 28, 2012 04:59 PM</p>"
      "<p>Good that they closed it before anything worse happened to anyone.</p>"
      "<p>Posted by: Lena | October 29, 2012 09:12 AM</p>"
      "</div></body></html>");
  assert_kept(page, "The old bridge over the canal");
  assert_kept(page, "Repairs will take at least six weeks");
  assert_false(find_block(page, "I walk over it every day")->keep);
  assert_false(find_block(page, "Six weeks sounds optimistic")->keep);
}

/* A one-paragraph story under a three-word headline, dated beside it, on a
 * page of menus, is an article: the menus are not its content. */
static void test_dated_short_headline_is_not_a_listing(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Everybody Loves Pie</title></head><body>"
      "<ul><li><a href=\"/a\">Boston</a></li><li><a href=\"/b\">Chicago</a></li>"
      "<li><a href=\"/c\">Denver</a></li><li><a href=\"/d\">Houston</a></li>"
      "<li><a href=\"/e\">Los Angeles</a></li><li><a href=\"/f\">Miami</a></li>"
      "<li><a href=\"/g\">New York</a></li><li><a href=\"/h\">Portland</a></li>"
      "<li><a href=\"/i\">Seattle</a></li><li><a href=\"/j\">Washington</a></li></ul>"
      "<p>Monday, November 12, 2012, by Ann Lee</p><h1><a href=\"/pie\">Everybody Loves Pie</a></h1>"
      "<p>A bakery in the old market sold out of its apple pies before nine on Saturday, and "
      "the owner says she will bake twice as many next weekend to keep up with the queue.</p>"
      "<ul><li><a href=\"/k\">Best pizza in Boston</a></li><li><a href=\"/l\">Best tacos in Austin</a></li>"
      "<li><a href=\"/m\">Best ramen in Seattle</a></li><li><a href=\"/n\">Best bagels in New York</a></li>"
      "<li><a href=\"/o\">Best burgers in Denver</a></li><li><a href=\"/p\">Best noodles in Houston</a></li>"
      "<li><a href=\"/q\">Best brunch in Miami</a></li><li><a href=\"/r\">Best coffee in Portland</a></li>"
      "<li><a href=\"/s\">Best dumplings in Chicago</a></li><li><a href=\"/t\">Best oysters in Washington</a></li></ul>"
      "<ul><li><a href=\"/u\">Where to eat near the stadium tonight</a></li><li><a href=\"/v\">Ten new openings worth a visit this month</a></li>"
      "<li><a href=\"/w\">The city's most expensive tasting menus</a></li><li><a href=\"/x\">Food trucks that moved into restaurants</a></li></ul>"
      "</body></html>");
  assert_false(page->listing);
  assert_kept(page, "A bakery in the old market");
  assert_false(find_block(page, "Best ramen in Seattle")->keep);
}

/* A story's linked headline carries its comment count ("... 12"); the
 * title does not. It is still the headline, and the thread under the
 * story, whose posts are named comments, is not the page's content. */
static void test_headline_with_a_comment_count_anchors_the_story(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Town votes to keep its night trains - Railnews</title></head><body>"
      "<div class=\"main\"><h2><a href=\"/story/1\">Town votes to keep its night trains</a> "
      "<span>12</span></h2><p>Posted by editor on Tuesday July 24, @10:46AM</p>"
      "<p>Residents voted on Sunday to keep paying for the night trains to the coast, after the "
      "regional operator said it would cut the service unless the town shared the cost. Almost "
      "two thirds of voters backed the plan, which adds a small sum to every household's yearly "
      "bill, and the first of the new timetables will run from the spring. The mayor said the "
      "result showed how much the service mattered to shift workers and students.</p>"
      "<div class=\"comments\">"
      "<div class=\"comment\"><p>Good news for everyone who works late at the hospital and "
      "needs a way home after the last bus has gone.</p></div>"
      "<div class=\"comment\"><p>I would rather they ran fewer trains in winter and more in "
      "summer, when the coast is full of visitors.</p></div>"
      "<div class=\"comment\"><p>The cost per household is less than one return ticket, "
      "which seems a fair price for keeping the line open.</p></div>"
      "<div class=\"comment\"><p>Let us see whether the operator keeps its side of the "
      "bargain this time; it did not last year.</p></div>"
      "<div class=\"comment\"><p>My daughter takes the late train home from college twice a "
      "week, so this vote matters a great deal to our family.</p></div>"
      "<div class=\"comment\"><p>Nobody asked the villages along the line whether they want "
      "to pay as well; the operator will come to them next.</p></div>"
      "<div class=\"comment\"><p>The turnout was higher than at the last council election, "
      "which says something about how people feel about the trains.</p></div>"
      "<div class=\"comment\"><p>Night trains are slow and noisy, but they are still better "
      "than driving home tired after a long shift on the wards.</p></div>"
      "</div></div></body></html>");
  assert_kept(page, "Residents voted on Sunday");
  assert_false(find_block(page, "Good news for everyone")->keep);
  assert_false(find_block(page, "The cost per household")->keep);
}

/* A data table's rows are kept with the text that explains them, even when
 * a row reads like a date ("January | 52": a month and its figure). */
static void test_table_rows_naming_months_are_data(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Rainfall by month</title></head><body><div class=\"content\">"
      "<h1>Rainfall by month</h1><p>The table below lists the average rainfall for each month "
      "in the city, measured over thirty years at the airport station.</p>"
      "<table><tr><th>Month</th><th>Rainfall (mm)</th></tr><tr><td>January</td><td>52</td></tr>"
      "<tr><td>February</td><td>41</td></tr><tr><td>March</td><td>38</td></tr></table>"
      "<p>As the table shows, winter months are the wettest, while the driest period falls in "
      "late spring and early summer.</p></div></body></html>");
  assert_kept(page, "January | 52");
  assert_kept(page, "March | 38");
}

/* On an article's page, boxes of a picture, a linked title and its time
 * after the story are a news list's items, blurb or no blurb. */
static void test_dated_title_cards_after_the_story_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Opposition leader released</title>"
      "<meta property=\"og:type\" content=\"article\"></head><body><div class=\"story\">"
      "<h1>Opposition leader released</h1>"
      "<p>The leader of the opposition movement was released on Wednesday evening after serving "
      "his sentence, his lawyer told reporters outside the detention centre in the capital.</p>"
      "<p>He had been arrested in December for disobeying the police during a protest, and spent "
      "most of his sentence in a prison hospital after going on hunger strike.</p>"
      "<p>His supporters plan another rally next month, and say they expect more people than at "
      "the last one, which drew tens of thousands despite the cold.</p></div>"
      "<div class=\"list\">"
      "<div class=\"item\"><a href=\"/v/1\"><img src=\"/i/1.jpg\" alt=\"\"></a><h3><a href=\"/v/1\">Court puts off the hearing because the defendant is ill</a></h3><div>12:00 27.12.2011</div></div>"
      "<div class=\"item\"><a href=\"/v/2\"><img src=\"/i/2.jpg\" alt=\"\"></a><h3><a href=\"/v/2\">Two hundred words on the verdict and what follows</a></h3><div>14:20 26.12.2011</div><div>A police officer was given a suspended sentence for beating protesters with a baton, while the opposition leader was jailed for ten days for disobeying the police. A lawyer explains how the courts apply the law.</div></div>"
      "<div class=\"item\"><a href=\"/v/3\"><img src=\"/i/3.jpg\" alt=\"\"></a><h3><a href=\"/v/3\">Opposition leader detained for ten more days</a></h3><div>20:55 25.12.2011</div></div>"
      "</div></body></html>");
  assert_kept(page, "His supporters plan another rally");
  assert_false(find_block(page, "Court puts off the hearing")->keep);
  assert_false(find_block(page, "Opposition leader detained")->keep);
  assert_false(find_block(page, "A police officer was given")->keep);
}

/* A label's line of dates under the headline ("Added: ... Updated: ...")
 * is metadata, not the article's first paragraph: the "Add a comment"
 * link under it is a jump to the comments, not the article's end. */
static void test_dated_label_line_is_metadata_not_prose(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Club shareholder charged with bribery</title></head><body>"
      "<div class=\"menu\"><a href=\"/\">News</a> <a href=\"/sport\">Sport</a></div>"
      "<article><h1>Club shareholder charged with bribery</h1>"
      "<p>Date added: 2012-01-03 16:10:06 Last updated: 2012-01-04 00:28:49</p>"
      "<p><a href=\"#comments\">Add a comment</a></p>"
      "<p>Prosecutors have charged a former player and shareholder of the football club with "
      "paying bribes to customs officers over four years, the regional prosecutor said.</p>"
      "<p>The officers have already been convicted of taking the money, and the shareholder has "
      "admitted to paying it, according to the indictment sent to the court on Monday.</p>"
      "</article></body></html>");
  assert_kept(page, "Prosecutors have charged");
  assert_false(find_block(page, "Date added: 2012-01-03")->keep);
}

/* When the best region is the whole page, an article whose end was found
 * is its headline and the element around its paragraphs: past the end,
 * the page's prose is other stories. */
static void test_page_wide_region_narrows_to_a_closed_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Council closes old bridge to cars</title></head><body><a href=\"/\">Home<"
      "/a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a><h1>Council closes old bridge to ca"
      "rs</h1><div class=\"main\"><div class=\"t\"><p>The city council voted on Tuesday to close the "
      "old bridge to cars from next spring, after engineers found that its supports had weakened "
      "far faster than expected.</p><p>Buses and bicycles will still be allowed to cross, but dri"
      "vers will have to take the ring road, which adds about ten minutes to a journey into the c"
      "entre at rush hour.</p><p>The council said repairs would take two years and cost more than"
      " the bridge's original construction, and that it would ask the national government to pay "
      "half.</p></div></div><div class=\"r\"><a href=\"/a1\">Ring road works to start in March across"
      " the city</a></div><div class=\"r\"><a href=\"/a2\">Engineers warn about the state of the city"
      "'s other bridges</a></div><div class=\"o\"><b><a href=\"/o0\">Story number 0</a></b> Schools i"
      "n the northern district will open an hour later from January, the education board said, af"
      "ter parents asked for more time for children who travel far to class. Teachers' unions wel"
      "comed the change but asked for extra pay for the later afternoon hours.</div><div class=\"o"
      "\"><b><a href=\"/o1\">Story number 1</a></b> The regional orchestra has found a new conductor"
      " after a search that lasted almost two years, and she will lead her first concert in the s"
      "pring. She has worked with orchestras in three countries and said she wants to bring more "
      "new music to the city's audiences.</div><div class=\"o\"><b><a href=\"/o2\">Story number 2</a>"
      "</b> Farmers in the valley expect a smaller harvest this year after a dry summer, and some"
      " say they will have to sell part of their herds before the winter. The ministry has promis"
      "ed help, but farmers say the money comes too late for many of them.</div><div class=\"o\"><b"
      "><a href=\"/o3\">Story number 3</a></b> A new library opened in the old railway station on S"
      "aturday, with a reading room in the former waiting hall and a children's corner where the "
      "ticket office used to be. More than two thousand people visited on the first day, the city"
      " said.</div></body></html>");
  assert_kept(page, "The council said repairs would take two years");
  assert_false(find_block(page, "Schools in the northern district")->keep);
  assert_false(find_block(page, "A new library opened")->keep);
}

/* After the article's paragraphs, a list of linked headlines (each with
 * its source beside the link) ends the article even when the list is not
 * all links: the boxes of other texts below are not the story's. */
static void test_links_after_the_paragraphs_close_the_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Gauze left in a boy's nose after surgery</title></head><body>"
      "<div id=\"middle\"><div class=\"story\"><h1>Gauze left in a boy's nose after surgery</h1>"
      "<div class=\"text\"><p>A hospital left a piece of gauze in the nose of a nine-year-old boy "
      "after an operation last spring, and the family found it only when the boy fell ill again "
      "this winter, his father told the newspaper.</p>"
      "<p>The hospital has apologised and offered to pay for the boy's treatment, but the family "
      "says it wants the doctors who operated on him to be named and disciplined.</p></div>"
      "<h5>Other news</h5><ul><li><a href=\"/n/0\">Police catch a fugitive who loved online dating</a> [City News]</li><li><a href=\"/n/1\">Old man kills his wife in a family quarrel</a> [City News]</li><li><a href=\"/n/2\">City to limit trucks that carry building waste</a> [City News]</li><li><a href=\"/n/3\">Rubbish heap collapses on a man collecting scrap</a> [City News]</li><li><a href=\"/n/4\">Son kills his father after an argument over money</a> [City News]</li></ul></div>"
      "<div class=\"mag\"><h3><a href=\"/m/1\">My sisters, myself</a></h3><p>They write about the small "
      "details of everyday life, one after another, and what they find there is a world of its own "
      "that readers have taken to their hearts in the months since the first issue.</p></div>"
      "<div class=\"mag\"><h3><a href=\"/m/2\">Psychology at work</a></h3><p>A practical guide to "
      "getting on with colleagues and bosses, with advice for every situation that a working life "
      "can bring, from the first interview to the last day before retirement.</p></div>"
      "</div></body></html>");
  assert_kept(page, "The hospital has apologised");
  assert_false(find_block(page, "They write about the small")->keep);
  assert_false(find_block(page, "A practical guide")->keep);
}

/* "3 replies to <title>" names the page but heads the comments: the
 * post's own headline, a link to itself, anchors the article. */
static void test_comments_heading_naming_the_page_is_not_the_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>A project on human dignity | Class blog</title>"
      "<meta property=\"og:title\" content=\"A project on human dignity\"></head><body>"
      "<div id=\"content\"><div class=\"post\"><h2><a href=\"/dignity\">A project on human dignity</a></h2>"
      "<p>This topic suits individual learning and blogging well. Each of you will research one "
      "question of your own about human dignity and publish a draft here before the holidays.</p>"
      "<p>Comment on at least three drafts of your classmates, and say what convinced you and what "
      "did not; be fair and specific, and quote the passage you mean.</p></div>"
      "<div id=\"comments\"><h3>3 replies to A project on human dignity</h3>"
      "<div class=\"comment\"><p>Is the dignity of refugees guaranteed in this country?</p></div>"
      "<div class=\"comment\"><p>My question is whether prisoners keep their dignity.</p></div>"
      "<div class=\"comment\"><p>I wrote about care homes for the old.</p></div>"
      "</div></div></body></html>");
  assert_kept(page, "Comment on at least three drafts");
  assert_false(find_block(page, "Is the dignity of refugees")->keep);
  assert_true(page->article_headline >= 0);
  assert_int_equal(page->blocks[page->article_headline].heading_level, 2);
}

/* Tabs over the story ("Article", "Comments") are labels of a list, not
 * the title of a comment section: the story under them is kept. */
static void test_comments_tab_over_the_story_titles_nothing(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>New fertility clinic opens</title></head><body><div class=\"story\">"
      "<h1>New fertility clinic opens</h1>"
      "<p>A new private fertility clinic has opened in the capital which it says will help "
      "couples who now travel abroad for treatment.</p>"
      "<div class=\"box\"><ul class=\"tabs\"><li>Article</li><li>Comments</li></ul><div class=\"slides\">"
      "<p>The clinic hopes to treat hundreds of couples a year, many of whom currently go to "
      "clinics in other countries for tests that are not offered here.</p></div></div>"
      "<p>Its director said that the new test allows doctors to choose embryos free of the "
      "disease that runs in a family, and that the first patients start next month.</p>"
      "<p>There are around nine clinics of this kind in the country, and the health service "
      "pays for none of their treatments, a spokeswoman said.</p>"
      "<p>Campaigners for couples without children welcomed the clinic but said the cost of "
      "treatment keeps it out of reach for most families.</p>"
      "</div></body></html>");
  assert_kept(page, "The clinic hopes to treat hundreds");
  assert_kept(page, "Its director said");
}

/* A section's short name inside a story's headline ("Science" in
 * "...Biosciences...") does not make the headline name the page, nor does
 * a paragraph that mentions the site's name: the section's page has no
 * article's headline. */
static void test_short_title_inside_a_headline_names_nothing(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Science</title></head><body><div class=\"section\"><h1>Science</h1>"
      "<div class=\"card\"><h2><a href=\"/a1\">Colossal Biosciences breeds controversy while trying to revive mammoths</a></h2><p>A Texas company says it can bring back extinct animals, and scientists argue about whether it should try at all.</p></div>"
      "<div class=\"card\"><h2><a href=\"/a2\">Teen sleep is getting wrecked by more than just phones</a></h2><p>A new study finds that school start times and homework matter as much as screens for how long teenagers sleep.</p></div>"
      "<div class=\"card\"><h2><a href=\"/a3\">Why the oldest trees in the forest matter most for birds</a></h2><p>Ecologists counted nests for ten years and found that a few old trees hold most of them in every forest they studied.</p></div>"
      "</div><div class=\"about\"><p>Science news from our reporters, with stories on health, space and the environment "
      "that science readers tell us they want more of, every weekday.</p>"
      "<p>Our science desk has six reporters and two editors, who cover research from universities and "
      "laboratories across the country and abroad, and who answer readers' questions every Friday.</p>"
      "<p>Write to the desk with your questions and ideas for stories; we read every letter, and we "
      "answer as many as we can in the weekly newsletter.</p></div></body></html>");
  assert_true(page->article_headline < 0 || page->blocks[page->article_headline].heading_level == 1);
}

/* "Raportoinut AI" (Finnish: reported by AI) under an English headline:
 * the lexicon knows the term, not the verb; its language and place make it
 * a label. A product named "... AI" in a heading stays. */
static void test_foreign_reported_by_ai_byline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Council discusses the bridge repairs</title></head><body><article>"
      "<h1>Council discusses the bridge repairs</h1><div class=\"x1\">Raportoinut AI</div>"
      COUNCIL_MET
      "<h2>Meet Freddy AI</h2>"
      ENGINEERS_TOLD
      "<p>Some members asked whether a ferry could run in the meantime; the mayor promised a "
      "report on the idea before the summer.</p></article></body></html>");
  assert_dropped_for(page, "Raportoinut AI", REASONS("ai-label"));
  assert_kept(page, "Meet Freddy AI");
  assert_kept(page, "Engineers told the council");
}

/* An English story on a site whose interface speaks Finnish (<html
 * lang="fi">): under a Finnish section heading past the story ("Liittyvät
 * artikkelit", related articles) stand the site's teasers, English blurbs
 * longer than the story itself. A Finnish heading above the story's prose
 * (the site's section name) closes nothing. */
static void test_site_language_heading_closes_the_story(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"fi\"><head><title>Council discusses the bridge repairs</title></head><body><main>"
      "<h2>Uutiset</h2>"
      "<h1>Council discusses the bridge repairs</h1>"
      COUNCIL_MET
      ENGINEERS_TOLD
      "<h2>Liittyvät artikkelit</h2>"
      "<p>The ferry across the estuary will run a winter timetable from next month, with two "
      "crossings fewer each day, after the operator said that passenger numbers had fallen by "
      "a fifth since the toll went up. <a href=\"/ferry\">Lue lisää</a></p>"
      "<p>A new cycle path along the old railway line opened on Saturday, linking three villages "
      "to the market town, and the county hopes to extend it to the coast within five years "
      "if the money can be found. <a href=\"/path\">Lue lisää</a></p>"
      "</main></body></html>");
  assert_kept(page, "The council met on Tuesday");
  assert_kept(page, "Engineers told the council");
  assert_false(find_block(page, "Liittyvät artikkelit")->keep);
  assert_dropped_for(page, "The ferry across the estuary", REASONS("chrome-section"));
  assert_dropped_for(page, "A new cycle path", REASONS("chrome-section"));
}

/* The site's language known, a two-word heading in it is the site's by a
 * smaller margin ("Leggi anche", read also, over an English story on an
 * Italian site); a section title the lexicon knows in the site's language
 * ("Читайте также") closes the story however long its teasers; a heading
 * of names in the story stays whatever language its letters suggest. */
#define SITE_STORY(lang, names, heading) \
  "<html lang=\"" lang "\"><head><title>Council discusses the bridge repairs</title></head><body>" \
  "<main><h1>Council discusses the bridge repairs</h1>" \
  COUNCIL_MET "<h2>" names "</h2>" \
  ENGINEERS_TOLD \
  "<h2>" heading "</h2>" \
  "<p>The ferry across the estuary will run a winter timetable from next month, with two " \
  "crossings fewer each day, after the operator said that passenger numbers had fallen by " \
  "a fifth since the toll went up, and the council will ask for a review of the fares. " \
  "<a href=\"/ferry\">&#8594;</a></p>" \
  "<p>A new cycle path along the old railway line opened on Saturday, linking three villages " \
  "to the market town, and the county hopes to extend it to the coast within five years " \
  "if the money can be found, its engineers said at the opening. <a href=\"/path\">&#8594;</a></p>" \
  "</main></body></html>"

static void test_site_language_short_heading_closes_the_story(void **state) {
  wn_page *page = classify(state, SITE_STORY("it", "Marco Rossi", "Leggi anche"));
  assert_kept(page, "Engineers told the council");
  assert_kept(page, "Marco Rossi");
  assert_dropped_for(page, "The ferry across the estuary", REASONS("chrome-section"));
  assert_dropped_for(page, "A new cycle path", REASONS("chrome-section"));
}

/* "Lees ook" (Dutch: read also) reads best as Afrikaans, and better as
 * Dutch than as English: on a Dutch site it is the site's heading. */
static void test_site_language_fits_better_than_the_article(void **state) {
  wn_page *page = classify(state, SITE_STORY("nl", "Marco Rossi", "Lees ook"));
  assert_kept(page, "Engineers told the council");
  assert_dropped_for(page, "The ferry across the estuary", REASONS("chrome-section"));
}

static void test_site_language_lexicon_heading_closes_the_story(void **state) {
  wn_page *page = classify(state, SITE_STORY("ru", "Marco Rossi",
                                             "\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
                                             "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5"));
  assert_kept(page, "Engineers told the council");
  assert_false(find_block(page, "The ferry across the estuary")->keep);
  assert_false(find_block(page, "A new cycle path")->keep);
}

/* A heading in the site's language set in the story's flow (a "read also"
 * line mid-story): its linked line goes, and the story goes on under it. */
static void test_site_language_heading_inside_the_story(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"fi\"><head><title>Council discusses the bridge repairs</title></head><body>"
      "<main><h1>Council discusses the bridge repairs</h1>"
      COUNCIL_MET
      "<h4>Lue my\xc3\xb6s</h4><p><a href=\"/x\">Toinen juttu t\xc3\xa4n\xc3\xa4\xc3\xa4n</a></p>"
      ENGINEERS_TOLD
      "<p>Some members asked whether a ferry could run in the meantime; the mayor promised a "
      "report on the idea before the summer.</p></main></body></html>");
  assert_kept(page, "Engineers told the council");
  assert_kept(page, "Some members asked");
  assert_false(find_block(page, "Toinen juttu")->keep);
}

/* A label in the site's language that is no heading ("Lue myös" in a
 * <div>) over a list of cards, each a headline over a blurb with no link
 * and no picture: the box it opens holds the site's teasers, whose blurbs
 * read as prose. The same label set in the story's flow ("Mainos", an
 * advertisement's slot) opens no box of cards: the story goes on. */
static void test_site_label_over_unlinked_cards(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"fi\"><head><title>Council discusses the bridge repairs</title></head><body>"
      "<div class=\"c1\"><h1>Council discusses the bridge repairs</h1>"
      COUNCIL_MET
      "<div class=\"c2\">Mainos</div>"
      ENGINEERS_TOLD
      "</div><div class=\"c3\"><div class=\"c4\">Lue my\xc3\xb6s</div><ul class=\"c5\">"
      "<li><div role=\"heading\" aria-level=\"3\">Ferry timetable cut for the winter</div>"
      "<div>The ferry across the estuary will run a winter timetable from next month, with two "
      "crossings fewer each day, after the operator said that passenger numbers had fallen.</div></li>"
      "<li><div role=\"heading\" aria-level=\"3\">Cycle path opens on the old railway</div>"
      "<div>A new cycle path along the old railway line opened on Saturday, linking three villages "
      "to the market town, and the county hopes to extend it to the coast.</div></li>"
      "<li><div role=\"heading\" aria-level=\"3\">Library to open on Sundays</div>"
      "<div>The town library will open on Sunday afternoons from March, the council said, after "
      "a survey found that most readers could not visit it during the working week.</div></li>"
      "</ul></div></body></html>");
  assert_kept(page, "The council met on Tuesday");
  assert_kept(page, "Engineers told the council");
  assert_dropped_for(page, "The ferry across the estuary", REASONS("chrome-section"));
  assert_dropped_for(page, "Library to open on Sundays", REASONS("chrome-section"));
  assert_dropped_for(page, "The town library will open", REASONS("chrome-section"));
}

/* Flat markup, every block a sibling: under the site's "Liittyvät
 * artikkelit" (related articles) line, a label line in the site's
 * language over each teaser's blurb ("Raportoinut AI") makes them items;
 * the blurbs go, and the story's paragraphs, with one "Mainos" line among
 * them, stay. */
#define FLAT_TEASERS(label) \
  "<div>" label "</div><div>The ferry across the estuary will run a winter timetable " \
  "from next month, with two crossings fewer each day, after the operator said that passenger " \
  "numbers had fallen by a fifth since the toll went up.</div>" \
  "<div>" label "</div><div>A new cycle path along the old railway line opened on " \
  "Saturday, linking three villages to the market town, and the county hopes to extend it to " \
  "the coast within five years.</div>" \
  "<div>" label "</div><div>The town library will open on Sunday afternoons from March, " \
  "the council said, after a survey found that most readers could not visit it during the " \
  "working week.</div>"
static void test_site_label_over_each_flat_teaser(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"fi\"><head><title>Council discusses the bridge repairs</title></head><body>"
      "<div class=\"c1\"><div>Council discusses the bridge repairs</div>"
      COUNCIL_MET "<div>Mainos</div>" ENGINEERS_TOLD
      "<div>Some members asked whether a ferry could run in the meantime; the mayor promised a "
      "report on the idea before the summer, and the council will meet again in March.</div>"
      "<div>Liittyv\xc3\xa4t artikkelit</div>" FLAT_TEASERS("Raportoinut AI")
      "</div></body></html>");
  assert_kept(page, "The council met on Tuesday");
  assert_kept(page, "Engineers told the council");
  assert_kept(page, "Some members asked");
  assert_dropped_for(page, "The ferry across the estuary", REASONS("chrome-section"));
  assert_dropped_for(page, "A new cycle path", REASONS("chrome-section"));
  assert_dropped_for(page, "The town library will open", REASONS("chrome-section"));
}

/* Flat markup again, the teasers' blurbs links and a picture's caption
 * among them: under the site's label the section runs on past the caption,
 * which the site's AI-image label follows ("AI:n luoma kuva"), to the end
 * of the box. */
static void test_site_label_past_an_ai_pictures_caption(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"fi\"><head><title>Council discusses the bridge repairs</title></head><body>"
      "<div class=\"c1\"><p>Council discusses the bridge repairs</p>"
      COUNCIL_MET ENGINEERS_TOLD
      "<p>Liittyv\xc3\xa4t artikkelit</p>"
      "<p>Drawing of a ferry crossing a wide estuary under a winter sky, its deck full of "
      "passengers and bicycles.</p><p>AI:n luoma kuva</p>"
      "<p><a href=\"/ferry\">The ferry across the estuary will run a winter timetable from next "
      "month, with two crossings fewer each day.</a></p>"
      "<p><a href=\"/path\">A new cycle path along the old railway line opened on Saturday, "
      "linking three villages to the market town.</a></p>"
      "</div></body></html>");
  assert_kept(page, "The council met on Tuesday");
  assert_kept(page, "Engineers told the council");
  assert_false(find_block(page, "Drawing of a ferry")->keep);
  assert_false(find_block(page, "AI:n luoma kuva")->keep);
}

/* Under "Related articles" past a story, teasers whose blurbs are links
 * to their stories outweigh it, and a picture's short caption over its
 * "AI-generated image" line and "Reported by AI" lines stand among them:
 * the section is the teasers', caption and all; the blurbs do not count as
 * prose against it. */
#define LINKED_TEASER(n) \
  "<p><a href=\"/story" #n "\">The ferry across the estuary will run a winter timetable from " \
  "next month, with two crossings fewer each day, after the operator said that passenger numbers " \
  "had fallen by a fifth since the toll went up; story " #n " of the week.</a></p>"
static void test_related_label_over_linked_teasers(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Council discusses the bridge repairs</title></head><body>"
      "<div class=\"c1\"><p>Council discusses the bridge repairs</p>"
      COUNCIL_MET ENGINEERS_TOLD
      "<p>A temporary footbridge will open in May for people on foot and on bicycles, the "
      "council said, and buses will keep their detour through the industrial estate, which "
      "adds a quarter of an hour to the journey into town at the busiest times of the day.</p>"
      "<p>The opposition leader said that the council had known about the cracks in the "
      "supports for two years before the floods, and called for an inquiry into why the "
      "repairs planned in those years were put off; the mayor said the inspections had found "
      "nothing urgent.</p>"
      "<p>Some members asked whether a ferry could run in the meantime; the mayor promised a "
      "report on the idea before the summer, and the council will meet again in March to hear "
      "it, with the engineers and the ferry's operator invited to answer questions.</p>"
      "<p>The bridge carried eleven thousand vehicles a day before it closed, and shops on both "
      "banks say that trade has fallen since, some by half; the council has offered them a "
      "rebate on their rates until the work is done, which the traders called too little.</p>"
      "<p>Related articles</p>"
      "<p>Drawing of a ferry crossing a wide estuary under a winter sky, its deck full of "
      "passengers and bicycles, the town's church tower behind it.</p>"
      "<p>AI-generated image</p>"
      LINKED_TEASER(1) "<p>Reported by AI</p>" LINKED_TEASER(2) LINKED_TEASER(3)
      "<p>Reported by AI</p>" LINKED_TEASER(4) LINKED_TEASER(5) "<p>Reported by AI</p>"
      LINKED_TEASER(6) "<p>Reported by AI</p>" LINKED_TEASER(7)
      "</div></body></html>");
  assert_kept(page, "The council met on Tuesday");
  assert_kept(page, "The bridge carried eleven thousand");
  assert_false(find_block(page, "Drawing of a ferry")->keep);
  assert_false(find_block(page, "AI-generated image")->keep);
}

/* The same in the story's own language: under "Related articles", the
 * same line over each blurb makes the blurbs the section's items, though
 * together they outweigh the story. */
static void test_related_label_over_each_flat_teaser(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Council discusses the bridge repairs</title></head><body>"
      "<div class=\"c1\"><div>Council discusses the bridge repairs</div>"
      COUNCIL_MET ENGINEERS_TOLD
      "<p>Some members asked whether a ferry could run in the meantime; the mayor promised a "
      "report on the idea before the summer.</p>"
      "<div>Related articles</div>" FLAT_TEASERS("Reported by AI")
      "</div></body></html>");
  assert_kept(page, "The council met on Tuesday");
  assert_kept(page, "Engineers told the council");
  assert_false(find_block(page, "The ferry across the estuary")->keep);
  assert_false(find_block(page, "A new cycle path")->keep);
  assert_false(find_block(page, "The town library will open")->keep);
}

/* The prompt of a typo-report widget under a story ("Нашли опечатку?
 * Выделите ее и нажмите Ctrl+Enter": found a typo? select it and press
 * Ctrl+Enter) is the site's, in whatever words it is put. */
static void test_typo_report_prompt_is_chrome(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"ru\"><head><title>Council discusses the bridge repairs</title></head><body>"
      "<main><h1>Council discusses the bridge repairs</h1>" COUNCIL_MET ENGINEERS_TOLD
      "<p>\xd0\x9d\xd0\xb0\xd1\x88\xd0\xbb\xd0\xb8 \xd0\xbe\xd1\x88\xd0\xb8\xd0\xb1\xd0\xba\xd1\x83? "
      "Ctrl+Enter</p></main></body></html>");
  assert_kept(page, "Engineers told the council");
  assert_dropped_for(page, "Ctrl+Enter", REASONS("chrome-line"));
}

/* "Disclaimer" in Chinese (MediaWiki's "disclaimers", 免责声明) at the
 * end of a label past a story's prose ("...版权与免责声明：", a site's
 * copyright and disclaimer) heads the disclaimer, prose as it is; on a
 * legal page, where no story's worth of prose comes before it, it heads
 * a part of the text. */
#define ZH_STORY \
  "<p>\xe5\xb8\x82\xe8\xae\xae\xe4\xbc\x9a\xe5\x91\xa8\xe4\xba\x8c\xe5\xbc\x80\xe4\xbc\x9a\xe8\xae\xa8\xe8\xae\xba\xe6\xb2\xb3\xe4\xb8\x8a\xe9\x82\xa3\xe5\xba\xa7\xe6\x96\xb0\xe6\xa1\xa5\xe7\x9a\x84\xe9\x97\xae\xe9\xa2\x98\xe3\x80\x82\xe8\xbf\x99\xe5\xba\xa7\xe6\xa1\xa5\xe8\x87\xaa\xe4\xbb\x8e\xe6\x98\xa5\xe5\xad\xa3\xe6\xb4\xaa\xe6\xb0\xb4\xe6\x8d\x9f\xe5\x9d\x8f\xe4\xba\x86\xe6\xa1\xa5\xe5\xa2\xa9\xe4\xbb\xa5\xe5\x90\x8e\xe4\xb8\x80\xe7\x9b\xb4\xe5\x85\xb3\xe9\x97\xad\xe7\xbb\xb4\xe4\xbf\xae\xef\xbc\x8c\xe9\x99\x84\xe8\xbf\x91\xe7\x9a\x84\xe5\xb1\x85\xe6\xb0\x91\xe6\xaf\x8f\xe5\xa4\xa9\xe9\x83\xbd\xe8\xa6\x81\xe7\xbb\x95\xe8\xa1\x8c\xe5\xbe\x88\xe8\xbf\x9c\xe7\x9a\x84\xe8\xb7\xaf\xe6\x89\x8d\xe8\x83\xbd\xe8\xbf\x9b\xe5\x9f\x8e\xe4\xb8\x8a\xe7\x8f\xad\xe5\x92\x8c\xe4\xb8\x8a\xe5\xad\xa6\xe3\x80\x82</p>" \
  "<p>\xe5\xb7\xa5\xe7\xa8\x8b\xe5\xb8\x88\xe5\x91\x8a\xe8\xaf\x89\xe8\xae\xae\xe4\xbc\x9a\xef\xbc\x8c\xe7\xbb\xb4\xe4\xbf\xae\xe5\xb7\xa5\xe4\xbd\x9c\xe8\xbf\x98\xe9\x9c\x80\xe8\xa6\x81\xe4\xb8\x80\xe5\xb9\xb4\xe6\x97\xb6\xe9\x97\xb4\xef\xbc\x8c\xe8\x80\x8c\xe4\xb8\x94\xe7\x94\xb1\xe4\xba\x8e\xe5\x86\xac\xe5\xa4\xa9\xe9\x92\xa2\xe6\x9d\x90\xe4\xbb\xb7\xe6\xa0\xbc\xe4\xb8\x8a\xe6\xb6\xa8\xef\xbc\x8c\xe8\xb4\xb9\xe7\x94\xa8\xe5\xb7\xb2\xe7\xbb\x8f\xe5\xa2\x9e\xe5\x8a\xa0\xe4\xba\x86\xe4\xb8\x89\xe5\x88\x86\xe4\xb9\x8b\xe4\xb8\x80\xe3\x80\x82\xe4\xb8\x80\xe4\xba\x9b\xe8\xae\xae\xe5\x91\x98\xe8\xaf\xa2\xe9\x97\xae\xe5\x9c\xa8\xe6\xad\xa4\xe6\x9c\x9f\xe9\x97\xb4\xe8\x83\xbd\xe5\x90\xa6\xe5\xbc\x80\xe9\x80\x9a\xe6\xb8\xa1\xe8\xbd\xae\xef\xbc\x8c\xe5\xb8\x82\xe9\x95\xbf\xe6\x89\xbf\xe8\xaf\xba\xe5\x9c\xa8\xe5\xa4\x8f\xe5\xa4\xa9\xe4\xb9\x8b\xe5\x89\x8d\xe6\x8f\x90\xe4\xba\xa4\xe4\xb8\x80\xe4\xbb\xbd\xe6\x8a\xa5\xe5\x91\x8a\xe3\x80\x82</p>" \
  "<p>\xe6\xa1\xa5\xe4\xb8\xa4\xe5\xb2\xb8\xe7\x9a\x84\xe5\x95\x86\xe5\xba\x97\xe8\xaf\xb4\xef\xbc\x8c\xe8\x87\xaa\xe4\xbb\x8e\xe6\xa1\xa5\xe5\x85\xb3\xe9\x97\xad\xe4\xbb\xa5\xe6\x9d\xa5\xe7\x94\x9f\xe6\x84\x8f\xe6\x98\x8e\xe6\x98\xbe\xe4\xb8\x8b\xe9\x99\x8d\xef\xbc\x8c\xe6\x9c\x89\xe7\x9a\x84\xe7\x94\x9a\xe8\x87\xb3\xe5\x87\x8f\xe5\xb0\x91\xe4\xba\x86\xe4\xb8\x80\xe5\x8d\x8a\xe3\x80\x82\xe8\xae\xae\xe4\xbc\x9a\xe5\xb7\xb2\xe7\xbb\x8f\xe6\x8f\x90\xe5\x87\xba\xe5\x9c\xa8\xe5\xb7\xa5\xe7\xa8\x8b\xe5\xae\x8c\xe6\x88\x90\xe4\xb9\x8b\xe5\x89\x8d\xe5\x87\x8f\xe5\x85\x8d\xe4\xbb\x96\xe4\xbb\xac\xe7\x9a\x84\xe9\x83\xa8\xe5\x88\x86\xe7\xa8\x8e\xe8\xb4\xb9\xef\xbc\x8c\xe4\xbd\x86\xe5\x95\x86\xe6\x88\xb7\xe4\xbb\xac\xe8\xae\xa4\xe4\xb8\xba\xe8\xbf\x99\xe8\xbf\x9c\xe8\xbf\x9c\xe4\xb8\x8d\xe5\xa4\x9f\xef\xbc\x8c\xe5\xb8\x8c\xe6\x9c\x9b\xe5\xbe\x97\xe5\x88\xb0\xe6\x9b\xb4\xe5\xa4\x9a\xe7\x9a\x84\xe5\xb8\xae\xe5\x8a\xa9\xe3\x80\x82</p>" \
  "<p>\xe4\xb8\x80\xe4\xbd\x8d\xe8\x80\x81\xe4\xba\xba\xe8\xaf\xb4\xef\xbc\x8c\xe4\xbb\x96\xe5\xb9\xb4\xe8\xbd\xbb\xe7\x9a\x84\xe6\x97\xb6\xe5\x80\x99\xe6\xaf\x8f\xe5\xa4\xa9\xe9\x83\xbd\xe8\xb5\xb0\xe8\xbf\x99\xe5\xba\xa7\xe6\xa1\xa5\xe5\x8e\xbb\xe5\xb7\xa5\xe5\x8e\x82\xe4\xb8\x8a\xe7\x8f\xad\xef\xbc\x8c\xe7\x8e\xb0\xe5\x9c\xa8\xe5\x8f\xaa\xe8\x83\xbd\xe5\x9d\x90\xe5\x85\xac\xe5\x85\xb1\xe6\xb1\xbd\xe8\xbd\xa6\xe7\xbb\x95\xe9\x81\x93\xef\xbc\x8c\xe6\xaf\x8f\xe6\xac\xa1\xe8\xa6\x81\xe5\xa4\x9a\xe8\x8a\xb1\xe5\x8d\x8a\xe4\xb8\xaa\xe5\xb0\x8f\xe6\x97\xb6\xef\xbc\x8c\xe4\xbb\x96\xe5\xb8\x8c\xe6\x9c\x9b\xe6\xa1\xa5\xe8\x83\xbd\xe6\x97\xa9\xe6\x97\xa5\xe9\x87\x8d\xe6\x96\xb0\xe5\xbc\x80\xe6\x94\xbe\xe3\x80\x82</p>" \
  "<p>\xe5\xb8\x82\xe9\x95\xbf\xe5\x9c\xa8\xe4\xbc\x9a\xe4\xb8\x8a\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x8c\xe5\xb8\x82\xe6\x94\xbf\xe5\xba\x9c\xe5\xb0\x86\xe9\x82\x80\xe8\xaf\xb7\xe7\x8b\xac\xe7\xab\x8b\xe7\x9a\x84\xe4\xb8\x93\xe5\xae\xb6\xe5\xaf\xb9\xe7\xbb\xb4\xe4\xbf\xae\xe6\x96\xb9\xe6\xa1\x88\xe8\xbf\x9b\xe8\xa1\x8c\xe8\xaf\x84\xe4\xbc\xb0\xef\xbc\x8c\xe5\xb9\xb6\xe5\x9c\xa8\xe4\xb8\x8b\xe4\xb8\xaa\xe6\x9c\x88\xe5\x8f\xac\xe5\xbc\x80\xe5\x90\xac\xe8\xaf\x81\xe4\xbc\x9a\xef\xbc\x8c\xe5\x90\xac\xe5\x8f\x96\xe5\xb1\x85\xe6\xb0\x91\xe5\x92\x8c\xe5\x95\x86\xe6\x88\xb7\xe7\x9a\x84\xe6\x84\x8f\xe8\xa7\x81\xef\xbc\x8c\xe7\x84\xb6\xe5\x90\x8e\xe5\x86\x8d\xe4\xbd\x9c\xe5\x87\xba\xe6\x9c\x80\xe5\x90\x8e\xe7\x9a\x84\xe5\x86\xb3\xe5\xae\x9a\xe3\x80\x82</p>" \
  "<p>\xe5\x8f\x8d\xe5\xaf\xb9\xe5\x85\x9a\xe9\xa2\x86\xe8\xa2\x96\xe6\x89\xb9\xe8\xaf\x84\xe8\xaf\xb4\xef\xbc\x8c\xe8\xae\xae\xe4\xbc\x9a\xe6\x97\xa9\xe5\x9c\xa8\xe4\xb8\xa4\xe5\xb9\xb4\xe5\x89\x8d\xe5\xb0\xb1\xe7\x9f\xa5\xe9\x81\x93\xe6\xa1\xa5\xe5\xa2\xa9\xe5\x87\xba\xe7\x8e\xb0\xe4\xba\x86\xe8\xa3\x82\xe7\xbc\x9d\xef\xbc\x8c\xe5\x8d\xb4\xe4\xb8\x80\xe5\x86\x8d\xe6\x8e\xa8\xe8\xbf\x9f\xe7\xbb\xb4\xe4\xbf\xae\xe8\xae\xa1\xe5\x88\x92\xef\xbc\x8c\xe4\xbb\x96\xe8\xa6\x81\xe6\xb1\x82\xe5\xaf\xb9\xe6\xad\xa4\xe4\xba\x8b\xe5\xb1\x95\xe5\xbc\x80\xe8\xb0\x83\xe6\x9f\xa5\xef\xbc\x8c\xe6\x9f\xa5\xe6\x98\x8e\xe8\xb4\xa3\xe4\xbb\xbb\xe3\x80\x82</p>"
#define ZH_DISCLAIMER "<p>\xe5\x87\xa1\xe6\x9c\xac\xe7\xbd\x91\xe6\xb3\xa8\xe6\x98\x8e\xe6\x9d\xa5\xe6\xba\x90\xe7\x9a\x84\xe6\x89\x80\xe6\x9c\x89\xe4\xbd\x9c\xe5\x93\x81\xef\xbc\x8c\xe7\x89\x88\xe6\x9d\x83\xe5\x9d\x87\xe5\xb1\x9e\xe4\xba\x8e\xe6\x9c\xac\xe7\xbd\x91\xef\xbc\x8c\xe6\x9c\xaa\xe7\xbb\x8f\xe6\x8e\x88\xe6\x9d\x83\xe4\xb8\x8d\xe5\xbe\x97\xe8\xbd\xac\xe8\xbd\xbd\xe3\x80\x81\xe6\x91\x98\xe7\xbc\x96\xe6\x88\x96\xe5\x88\xa9\xe7\x94\xa8\xe5\x85\xb6\xe5\xae\x83\xe6\x96\xb9\xe5\xbc\x8f\xe4\xbd\xbf\xe7\x94\xa8\xe4\xb8\x8a\xe8\xbf\xb0\xe4\xbd\x9c\xe5\x93\x81\xef\xbc\x8c\xe8\xbf\x9d\xe8\x80\x85\xe5\xb0\x86\xe4\xbe\x9d\xe6\xb3\x95\xe8\xbf\xbd\xe7\xa9\xb6\xe8\xb4\xa3\xe4\xbb\xbb\xe3\x80\x82</p>"
static void test_disclaimer_closes_a_story(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Bridge</title></head><body><div class=\"c1\"><h1>Bridge</h1>" ZH_STORY
      "<table><tr><td>\xe6\x9c\xac\xe7\xbd\x91\xe7\x89\x88\xe6\x9d\x83\xe4\xb8\x8e\xe5\x85\x8d\xe8\xb4\xa3\xe5\xa3\xb0\xe6\x98\x8e\xef\xbc\x9a</td></tr></table>"
      ZH_DISCLAIMER "</div></body></html>");
  assert_kept(page, "\xe5\xb7\xa5\xe7\xa8\x8b\xe5\xb8\x88\xe5\x91\x8a\xe8\xaf\x89\xe8\xae\xae\xe4\xbc\x9a\xef\xbc\x8c\xe7\xbb\xb4\xe4\xbf\xae\xe5\xb7\xa5\xe4\xbd\x9c");
  assert_false(find_block(page, "\xe5\x87\xa1\xe6\x9c\xac\xe7\xbd\x91\xe6\xb3\xa8\xe6\x98\x8e\xe6\x9d\xa5\xe6\xba\x90\xe7\x9a\x84\xe6\x89\x80\xe6\x9c\x89\xe4\xbd\x9c\xe5\x93\x81")->keep);
}

static void test_disclaimer_on_a_legal_page_is_its_text(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Legal</title></head><body><div class=\"c1\"><h1>Legal notice</h1>"
      "<p>\xe6\x9c\xac\xe7\xbd\x91\xe7\xab\x99\xe7\x94\xb1\xe6\x9c\xac\xe5\xb8\x82\xe6\x8a\xa5\xe7\xa4\xbe\xe4\xb8\xbb\xe5\x8a\x9e\xef\xbc\x8c\xe6\x89\x80\xe6\x9c\x89\xe5\x86\x85\xe5\xae\xb9\xe5\x9d\x87\xe7\x94\xb1\xe6\x9c\xac\xe7\xa4\xbe\xe7\xbc\x96\xe8\xbe\x91\xe9\x83\xa8\xe8\xb4\x9f\xe8\xb4\xa3\xe5\xae\xa1\xe6\xa0\xb8\xe3\x80\x82\xe8\xaf\xbb\xe8\x80\x85\xe5\xa6\x82\xe5\xaf\xb9\xe6\x9c\xac\xe7\xbd\x91\xe7\xab\x99\xe7\x9a\x84\xe5\x86\x85\xe5\xae\xb9\xe6\x9c\x89\xe4\xbb\xbb\xe4\xbd\x95\xe6\x84\x8f\xe8\xa7\x81\xe6\x88\x96\xe5\xbb\xba\xe8\xae\xae\xef\xbc\x8c\xe6\xac\xa2\xe8\xbf\x8e\xe9\x80\x9a\xe8\xbf\x87\xe7\x94\xb5\xe5\xad\x90\xe9\x82\xae\xe4\xbb\xb6\xe4\xb8\x8e\xe6\x88\x91\xe4\xbb\xac\xe8\x81\x94\xe7\xb3\xbb\xe3\x80\x82</p>"
      "<p>\xe6\x9c\xac\xe7\xbd\x91\xe7\xab\x99\xe5\xb0\x8a\xe9\x87\x8d\xe5\xb9\xb6\xe4\xbf\x9d\xe6\x8a\xa4\xe6\x89\x80\xe6\x9c\x89\xe7\x94\xa8\xe6\x88\xb7\xe7\x9a\x84\xe4\xb8\xaa\xe4\xba\xba\xe9\x9a\x90\xe7\xa7\x81\xe3\x80\x82\xe6\x9c\xaa\xe7\xbb\x8f\xe7\x94\xa8\xe6\x88\xb7\xe8\xae\xb8\xe5\x8f\xaf\xef\xbc\x8c\xe6\x9c\xac\xe7\xbd\x91\xe7\xab\x99\xe4\xb8\x8d\xe4\xbc\x9a\xe5\x90\x91\xe4\xbb\xbb\xe4\xbd\x95\xe7\xac\xac\xe4\xb8\x89\xe6\x96\xb9\xe5\x85\xac\xe5\xbc\x80\xe6\x88\x96\xe9\x80\x8f\xe9\x9c\xb2\xe7\x94\xa8\xe6\x88\xb7\xe7\x9a\x84\xe6\xb3\xa8\xe5\x86\x8c\xe8\xb5\x84\xe6\x96\x99\xe5\x92\x8c\xe5\x85\xb6\xe4\xbb\x96\xe4\xb8\xaa\xe4\xba\xba\xe4\xbf\xa1\xe6\x81\xaf\xe3\x80\x82</p>"
      "<h2>\xe5\x85\x8d\xe8\xb4\xa3\xe5\xa3\xb0\xe6\x98\x8e</h2>" ZH_DISCLAIMER
      "</div></body></html>");
  assert_kept(page, "\xe5\x87\xa1\xe6\x9c\xac\xe7\xbd\x91\xe6\xb3\xa8\xe6\x98\x8e\xe6\x9d\xa5\xe6\xba\x90\xe7\x9a\x84\xe6\x89\x80\xe6\x9c\x89\xe4\xbd\x9c\xe5\x93\x81");
}

/* The label may follow each blurb instead ("Reported by AI" under it), and
 * the blurbs may sit in the story's own box under a "Related" heading. */
static void test_related_heading_over_blurbs_each_labelled_after(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"tr\"><head><title>Council discusses the bridge repairs</title></head><body>"
      "<main><h1>Council discusses the bridge repairs</h1>"
      COUNCIL_MET ENGINEERS_TOLD
      "<p>Some members asked whether a ferry could run in the meantime; the mayor promised a "
      "report on the idea before the summer.</p>"
      "<h4>Related</h4>"
      "<p>The ferry across the estuary will run a winter timetable from next month, with two "
      "crossings fewer each day, after the operator said that passenger numbers had fallen by a "
      "fifth since the toll went up. <a href=\"/a\">&#8594;</a></p><p>Reported by AI</p>"
      "<p>A new cycle path along the old railway line opened on Saturday, linking three villages "
      "to the market town, and the county hopes to extend it to the coast within five years. "
      "<a href=\"/b\">&#8594;</a></p><p>Reported by AI</p>"
      "<p>The town library will open on Sunday afternoons from March, the council said, after a "
      "survey found that most readers could not visit it during the working week. "
      "<a href=\"/c\">&#8594;</a></p><p>Reported by AI</p>"
      "</main></body></html>");
  assert_kept(page, "Engineers told the council");
  assert_kept(page, "Some members asked");
  assert_false(find_block(page, "The ferry across the estuary")->keep);
  assert_false(find_block(page, "A new cycle path")->keep);
  assert_false(find_block(page, "The town library will open")->keep);
}

/* An English story under Finnish menus and notices, opened by `html`. */
#define FINNISH_INTERFACE_STORY(html) \
  html "<head><title>Council discusses the bridge repairs</title></head><body>" \
  "<nav><a href=\"/\">Etusivu</a> <a href=\"/u\">Uutiset</a> <a href=\"/t\">Talous</a> " \
  "<a href=\"/m\">Maailma</a> <a href=\"/k\">Kotimaa</a> <a href=\"/h\">Hae sivustolta</a></nav>" \
  "<main><h1>Council discusses the bridge repairs</h1>" COUNCIL_MET ENGINEERS_TOLD \
  "<h2>Liittyvät artikkelit</h2>" \
  "<p>The ferry across the estuary will run a winter timetable from next month, with two " \
  "crossings fewer each day, after the operator said that passenger numbers had fallen by " \
  "a fifth since the toll went up. <a href=\"/ferry\">Lue lisää</a></p>" \
  "</main><footer><p>Tämä verkkosivusto käyttää evästeitä. Lue tietosuojakäytäntömme.</p>" \
  "</footer></body></html>"

static void assert_finnish_interface_closes_the_story(const wn_page *page) {
  assert_int_equal(page->site_lang, wn_lang_find("fi"));
  assert_kept(page, "Engineers told the council");
  assert_dropped_for(page, "The ferry across the estuary", REASONS("chrome-section"));
}

/* Without <html lang>, the site's interface tells its language: Finnish
 * menus and notices around an English story make a Finnish heading past
 * the story the site's. */
static void test_interface_language_closes_the_story(void **state) {
  wn_page *page = classify(state, FINNISH_INTERFACE_STORY("<html>"));
  assert_finnish_interface_closes_the_story(page);
}

/* A <html lang> that names the story's own language may be a template's
 * default ("en" left as it came): the Finnish interface still tells the
 * site's language. */
static void test_interface_language_under_a_default_html_lang(void **state) {
  wn_page *page = classify(state, FINNISH_INTERFACE_STORY("<html lang=\"en\">"));
  assert_finnish_interface_closes_the_story(page);
}

/* Far from the headline, a line naming AI in the site's language is still
 * a label: the site's interface writes it, not the story's author. */
static void test_site_language_ai_label_anywhere(void **state) {
  char html[4096];
  const char *para = "<p>The council met again to discuss the bridge over the river, which has "
                     "been closed for repairs since the spring floods damaged its supports.</p>";
  snprintf(html, sizeof html,
           "<html lang=\"fi\"><head><title>Council discusses the bridge repairs</title></head>"
           "<body><main><h1>Council discusses the bridge repairs</h1>%s%s%s%s%s%s%s"
           "<p>Raportoinut AI</p>%s</main></body></html>",
           para, para, para, para, para, para, para, para);
  wn_page *page = classify(state, html);
  assert_dropped_for(page, "Raportoinut AI", REASONS("ai-label"));
}

/* A story closed inside its <article> (a list of other stories under it)
 * and, past the element, a long discussion under class names that say
 * nothing: the page says where its article ends, and the replies are no
 * more of it however much they outweigh it. */
static void test_discussion_past_the_article_element(void **state) {
  char html[16384];
  const char *reply = "<li class=\"q81\"><h4 class=\"q82\">Re: connectors (Score:%d)</h4>"
                      "<div class=\"q83\">I have a drawer full of cables for devices I no longer "
                      "own, and every new model seems to need another one. A standard plug (my %dth) would "
                      "have saved me a small fortune over the years, and a lot of landfill too.</div></li>";
  int n = snprintf(html, sizeof html,
      "<html><head><title>Maker shrinks its charging plug</title></head><body>"
      "<article class=\"q1\"><h2 class=\"q2\">Maker shrinks its charging plug</h2>"
      "<p class=\"q3\">Posted by an editor on Tuesday</p>"
      "<p class=\"q4\">Two sources said that the next phone will drop the wide plug the maker has "
      "used for a decade in favour of a smaller one with nineteen pins, which frees room inside the "
      "case for a larger battery. Adapters for older accessories are expected to be sold "
      "separately, and the company declined to comment on the reports.</p>"
      "<div class=\"q5\"><h3 class=\"q6\">You may like to read:</h3><ul>"
      "<li><a href=\"/a\">Report on another attack on a power plant</a></li>"
      "<li><a href=\"/b\">The first printed gun is fired in a field</a></li>"
      "<li><a href=\"/c\">A tablet is announced with a keyboard cover</a></li>"
      "<li><a href=\"/d\">Preparing for life after the desktop computer</a></li></ul>"
      "</div></article><ul class=\"q7\">");
  for (int i = 0; i < 20; i++) n += snprintf(html + n, sizeof html - (size_t)n, reply, i + 1, i + 1);
  snprintf(html + n, sizeof html - (size_t)n, "</ul></body></html>");
  wn_page *page = classify(state, html);
  assert_kept(page, "Two sources said");
  assert_false(find_block(page, "I have a drawer full")->keep);
}

/* The same discussion beside the <article> in one wider section: the
 * region that takes in both narrows to the article element. */
static void test_discussion_beside_the_article_element(void **state) {
  char html[8192];
  const char *reply = "<li class=\"q81\"><h4 class=\"q82\">Re: connectors (Score:%d)</h4>"
                      "<div class=\"q83\">I have a drawer full of cables for devices I no longer "
                      "own, and every new model seems to need another one. A standard plug (my %dth) "
                      "would have saved me a small fortune over the years, and a lot of landfill "
                      "too.</div></li>";
  int n = snprintf(html, sizeof html,
      "<html><head><title>Maker shrinks its charging plug</title></head><body><section class=\"q0\">"
      "<article class=\"q1\"><h2 class=\"q2\">Maker shrinks its charging plug</h2>"
      "<p class=\"q3\">Posted by an editor on Tuesday</p>"
      "<p class=\"q4\">Two sources said that the next phone will drop the wide plug the maker has "
      "used for a decade in favour of a smaller one with nineteen pins, which frees room inside the "
      "case for a larger battery. Adapters for older accessories are expected to be sold "
      "separately, and the company declined to comment on the reports.</p>"
      "<div class=\"q5\"><h3 class=\"q6\">You may like to read:</h3><ul>"
      "<li><a href=\"/a\">Report on another attack on a power plant</a></li>"
      "<li><a href=\"/b\">The first printed gun is fired in a field</a></li>"
      "<li><a href=\"/c\">A tablet is announced with a keyboard cover</a></li>"
      "<li><a href=\"/d\">Preparing for life after the desktop computer</a></li></ul>"
      "</div></article><ul class=\"q7\">");
  for (int i = 0; i < 5; i++) n += snprintf(html + n, sizeof html - (size_t)n, reply, i + 1, i + 1);
  snprintf(html + n, sizeof html - (size_t)n,
           "</ul></section><div class=\"q9\"><a href=\"/x\">About</a> <a href=\"/y\">Jobs</a>"
           "</div></body></html>");
  wn_page *page = classify(state, html);
  assert_kept(page, "Two sources said");
  assert_false(find_block(page, "I have a drawer full")->keep);
}

/* A German compound whose head is a comments heading ("Leserkommentare":
 * readers' comments) opens the comments as "Kommentare" does. */
static void test_compound_comments_heading_opens_the_comments(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"de\"><head><title>Die Brücke bleibt gesperrt</title></head><body><main>"
      "<h1>Die Brücke bleibt gesperrt</h1>"
      "<p>Die alte Brücke über den Kanal wurde am Montag gesperrt, nachdem Prüfer Risse "
      "in zwei ihrer tragenden Balken gefunden hatten, teilte das Bauamt der Stadt mit.</p>"
      "<p>Die Reparatur wird mindestens sechs Wochen dauern. Bis dahin sollen Fußgänger den "
      "Steg am Bahnhof nutzen, und die Busse fahren eine längere Strecke um den Hafen.</p>"
      "<h2>Leserkommentare</h2>"
      "<h4>Martin</h4><ul><li>14. 01. 2020, 13:47</li></ul>"
      "<p>Ich gehe jeden Tag darüber und habe schon seit Monaten bemerkt, dass das Geländer "
      "wackelt, wenn ein Lastwagen vorbeifährt, und niemand hat etwas getan.</p>"
      "<h4>Lena</h4><ul><li>14. 01. 2020, 20:29</li></ul>"
      "<p>Sechs Wochen klingt für mich sehr optimistisch, wenn man bedenkt, wie lange die "
      "letzte Reparatur am Hafen gedauert hat.</p>"
      "</main></body></html>");
  assert_kept(page, "Die Reparatur wird mindestens");
  assert_false(find_block(page, "Leserkommentare")->keep);
  assert_false(find_block(page, "Ich gehe jeden Tag")->keep);
  assert_false(find_block(page, "Sechs Wochen klingt")->keep);
}

/* A table of contents' title line is the page's navigation, not its text. */
static void test_table_of_contents_heading_is_dropped(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"en\"><head><title>Addressing guidelines</title></head><body><main>"
      "<h1>Addressing guidelines</h1>"
      "<p>Table of Contents</p>"
      "<ul><li><a href=\"#a\">Civic addresses</a></li><li><a href=\"#b\">Postal boxes</a></li></ul>"
      "<h2 id=\"a\">Civic addresses</h2>"
      "<p>Sorting machines read a wide range of addressing styles, from handwritten notes to "
      "printed labels, but a consistent layout lets mail be handled faster and at lower cost.</p>"
      "<h2 id=\"b\">Postal boxes</h2>"
      "<p>Write the box number on the line above the town, and leave out the street address, "
      "so that the letter is sorted to the post office that holds the box.</p>"
      "</main></body></html>");
  assert_kept(page, "Sorting machines read");
  assert_kept(page, "Write the box number");
  assert_false(find_block(page, "Table of Contents")->keep);
}

/* "Beitragsbild: ..." (WordPress's "Featured Image" in German) credits the
 * post's picture: a credit line, not the post's text. */
static void test_featured_image_credit_is_dropped(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"de\"><head><title>Die Maus wird sechzig</title></head><body><article>"
      "<h1>Die Maus wird sechzig</h1>"
      "<p>Als das erste Gerät dieser Art vorgestellt wurde, ahnte kaum jemand, dass es einmal auf "
      "jedem Schreibtisch liegen würde. Die Vorführung dauerte neunzig Minuten.</p>"
      "<p>Heute gilt sie als eine der einflussreichsten Präsentationen der Computergeschichte, "
      "weil sie Fenster, Verweise und gemeinsames Arbeiten an einem Text zeigte.</p>"
      "<p>Beitragsbild: Titelseite der Zeitung vom 2.4.2019, Ausriss.</p>"
      "</article></body></html>");
  assert_kept(page, "Heute gilt sie");
  assert_false(find_block(page, "Titelseite der Zeitung")->keep);
}

/* A caption is a sentence over its credit; a short post that ends with its
 * credit tells more than one sentence first, and stays. */
static void test_post_ending_with_credit_is_kept(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Not a photograph</title></head><body><article>"
      "<h1>Not a photograph</h1><img src=\"/d.jpg\" alt=\"\">"
      "<p>No matter how long I look at it, I cannot believe this is a pencil drawing. Every "
      "reflection is drawn by hand. Artwork and photos \xc2\xa9 Jane Doe</p>"
      "<p>The harbour at dawn. Photo: John Roe</p>"
      "</article></body></html>");
  assert_kept(page, "No matter how long");
  assert_false(find_block(page, "The harbour at dawn")->keep);
}

/* A panel of form messages after the page's footer is no continuation of
 * a short story that closed before the footer, however much it says. */
static void test_panel_past_the_footer_is_not_the_story(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"de\"><head><title>Sport in Zeiten der Pandemie</title></head><body>"
      "<nav><ul><li><a href=\"/0\">Nachrichten aus aller Welt</a></li><li><a href=\"/1\">Sport und Bundesliga</a></li><li><a href=\"/2\">Politik und Gesellschaft</a></li><li><a href=\"/3\">Wirtschaft und Finanzen</a></li><li><a href=\"/4\">Kultur und Wissen</a></li><li><a href=\"/5\">Dokum"
      "entationen</a></li><li><a href=\"/6\">Serien und Filme</a></li><li><a href=\"/7\">Kinderprogramm</a></li><li><a href=\"/8\">Mediathek</a></li><li><a href=\"/9\">Livestreams</a></li><li><a href=\"/10\">Sendungen von A bis Z</a></li><li><a href=\"/11\">Programm heute</a></li></ul></nav>"
      "<article><h1>Sport in Zeiten der Pandemie</h1><p>von Andreas Kurz</p>"
      "<p>New York ist das Zentrum der Pandemie im Land. Auch der Sport ist zum Stillstand "
      "gekommen. Die Anteilnahme in den großen Ligen ist groß. Wie es sportlich "
      "weitergeht, ist unklar.</p><p>04.04.2020</p></article>"
      "<h2>Auch interessant</h2><ul><li><a href=\"/a\">Liga pausiert</a></li>"
      "<li><a href=\"/b\">Spiele abgesagt</a></li></ul>"
      "<footer><ul><li><a href=\"/f0\">Impressum</a></li><li><a href=\"/f1\">Datenschutz</a></li><li><a href=\"/f2\">Barrierefreiheit</a></li><li><a href=\"/f3\">Kontakt und Zuschauerservice</a></li><li><a href="
      "\"/f4\">Nutzungsbedingungen</a></li><li><a href=\"/f5\">Einstellungen zum Datenschutz</a></li><li><a href=\"/f6\">Jobs und Karriere</a></li><li><a href=\"/f7\">Presse und Kommunikation</a></li></ul></footer>"
      "<div class=\"panel\"><div>"
      "<p>Bitte fülle alle Pflichtfelder mit einem Stern aus, bevor du dein Konto anlegst.</p>"
      "<p>Diese E-Mail-Adresse scheint nicht korrekt zu sein, sie muss ein At-Zeichen und einen Punkt enthalten.</p>"
      "<p>Zu dieser E-Mail-Adresse ist kein Konto vorhanden oder das angegebene Passwort ist falsch.</p>"
      "<p>Diese E-Mail-Adresse ist bereits bei uns registriert. Bist du vielleicht schon angemeldet?</p>"
      "<p>Das Passwort muss mindestens acht Zeichen lang sein und einen Großbuchstaben enthalten.</p>"
      "<p>Wir haben dir eine E-Mail geschickt. Bitte bestätige deine Adresse über den Link darin.</p>"
      "<p>Dein Konto wurde gelöscht. Wir bedauern, dass du gehst, und freuen uns, wenn du wiederkommst.</p>"
      "</div></div></body></html>");
  assert_kept(page, "New York ist das Zentrum");
  assert_false(find_block(page, "Das Passwort muss")->keep);
  assert_false(find_block(page, "Dein Konto wurde")->keep);
}

/* A story on an old station's library in its box, then a column of cards
 * beside it (a picture, a short linked title, a blurb): BRIDGE_CARD's
 * blurb is the caller's, EARBUDS_AND_GARDEN_CARDS close the column and the
 * page. */
#define REOPENED_STATION_STORY \
  "<html><head><title>Old station reopens as a public library</title></head><body>" \
  "<div class=\"g\"><div class=\"b\"><h1>Old station reopens as a public library</h1>" \
  "<p>The town's railway station, closed for thirty years, opened again on Monday as a " \
  "public library after two years of restoration work by local builders.</p>" \
  "<p>Hundreds of people toured the building on its first day, and many borrowed their " \
  "first books from shelves set along the old platform.</p>" \
  "<p>The stone walls and the wooden ceiling were kept, while the platform became a " \
  "covered reading room with a view of the tracks.</p></div>" \
  "<div class=\"c\">"
#define BRIDGE_CARD(blurb) \
  "<div class=\"t\"><img src=\"/t/1.jpg\" alt=\"\"><div><a href=\"/a/1\">Bridge open</a></div>" \
  "<div>" blurb "</div></div>"
#define EARBUDS_AND_GARDEN_CARDS \
  "<div class=\"t\"><img src=\"/t/2.jpg\" alt=\"\"><div><a href=\"/a/2\">Budget earbuds</a></div>" \
  "<div>Cheap wireless earbuds are getting better, and we tested a dozen pairs that cost " \
  "less than fifty euros each.</div></div>" \
  "<div class=\"t\"><img src=\"/t/3.jpg\" alt=\"\"><div><a href=\"/a/3\">Garden colours</a></div>" \
  "<div>Five years after leaving a desk job, a gardener tells what grew in a small patch " \
  "and what never did.</div></div>" \
  "</div></div></body></html>"

/* A card's blurb runs long (1,000 characters and more) among picture
 * cards with linked titles beside the article: it is another story's
 * teaser all the same, however long. */
static void test_long_blurb_of_a_picture_card_beside_the_article_is_dropped(void **state) {
  wn_page *page = classify(state,
      REOPENED_STATION_STORY
      BRIDGE_CARD(
          "The bridge joining the two old quarters of the city reopened to traffic on Monday morning,"
          " after three years of works that closed it to cars, then to bicycles, and for one long win"
          "ter to people on foot as well. The engineers replaced the deck, which had rusted through i"
          "n places, strengthened the piers against the spring floods that had undermined them twice "
          "in a decade, and widened the pavements so that two prams can now pass each other without o"
          "ne of them stepping into the road. The lamps are copies of the ones that stood there a cen"
          "tury ago, made in a foundry that still had the old moulds. Shopkeepers on both banks, who "
          "had complained that the closure cost them a third of their trade, held a small party at ea"
          "ch end, and the mayor walked across with the children of the two nearest schools. Buses wi"
          "ll return to the bridge next week, once the new timetable is printed, and the temporary fe"
          "rry that carried people across during the works will keep running on Sundays through the s"
          "ummer, because so many people came to like it. The council has promised a plaque for the wor"
          "kers who rebuilt the piers in the cold water of the first winter, and the local history so"
          "ciety will show photographs of the works in the town hall from the first of next month, with"
          " a talk by the engineer who led them.")
      EARBUDS_AND_GARDEN_CARDS);
  assert_kept(page, "The stone walls");
  assert_false(find_block(page, "The bridge joining")->keep);
  assert_false(find_block(page, "Cheap wireless earbuds")->keep);
}

/* Beside the article, a column of cards (a picture, a short linked title,
 * a blurb) is other stories: their blurbs are not the article's, however
 * close to it they stand and however short their titles. */
static void test_blurbs_of_picture_cards_beside_the_article_are_dropped(void **state) {
  wn_page *page = classify(state,
      REOPENED_STATION_STORY
      BRIDGE_CARD("The bridge joining the two old quarters of the city reopened to traffic on Monday "
                  "morning, after three years of works.")
      EARBUDS_AND_GARDEN_CARDS);
  assert_kept(page, "Hundreds of people toured");
  assert_kept(page, "The stone walls");
  assert_false(find_block(page, "The bridge joining")->keep);
  assert_false(find_block(page, "Cheap wireless earbuds")->keep);
  assert_false(find_block(page, "Five years after")->keep);
}

/* A blog's name, linked home, is its only <h1>; the post's title, a lesser
 * heading, names more of the page's title: the post hangs from it. */
static void test_post_title_under_the_blogs_name_is_the_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Notes from the Valley: Why the river floods in spring</title></head><body>"
      "<div id=\"head\"><h1><a href=\"/\">Notes from the Valley</a></h1><p>Notes on rivers, weather and the land around them</p></div>"
      "<div id=\"main\"><div class=\"post\"><h2>Why the river floods in spring</h2><p>Posted on 2012-03-02 by Ann</p>"
      "<p>Every spring the river rises over its banks when the snow in the hills melts faster than the ground can take the water in.</p>"
      "<p>The meadows along the lower reach flood first, because the valley narrows there and the water has nowhere else to go.</p>"
      "<p>Farmers have long planted late on those fields, and the silt the flood leaves behind makes them the richest in the valley.</p>"
      "</div>"
      "<div class=\"more\"><p>Other posts from this winter, about the ice on the lake and the birds that stay, are listed in the archive of the site.</p>"
      "<p>The archive also holds the notes of past years, sorted by month, with the pictures taken on each walk along the river.</p>"
      "<p>Readers may write to the author with their own observations, which are often quoted in later posts about the valley.</p></div>"
      "</div></body></html>");
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text, "Why the river floods in spring");
}

/* The only <h1> is the site's name linked home, and it names the page's
 * title too ("Post - Site"), at greater length than the post's own title,
 * an unlinked lesser heading: the post hangs from the latter. */
static void test_post_title_beside_a_linked_site_name_is_the_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Leaves for the winter table - Things to make and do with children at home</title></head><body>"
      "<div class=\"k1\"><h1><a href=\"/\">Things to make and do with children at home</a></h1></div>"
      "<div class=\"k2\"><h3>Leaves for the winter table</h3>"
      "<p>Pressed autumn leaves keep their colour for months between two sheets of paper under a heavy book.</p>"
      "<p>Glued on card, they make place names for the table that the children can write themselves.</p></div>"
      "</body></html>");
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text, "Leaves for the winter table");
}

/* A post too short for the article anchor (a headline that names the page
 * and two lines), closed by its comments' heading, beside a list of other
 * posts' titles: a post, not a listing, so the list is not its content. */
static void test_short_post_closed_by_its_comments_is_not_a_listing(void **state) {
  static const char *categories[] = {"What can you make from a cardboard box?",
      "Twenty four advent calendars to make", "Thanksgiving crafts for kids of all ages",
      "What can I do today, mom? Ideas for rainy days", "Recycled crafts for a spring afternoon",
      "Book and activity advent for the long evenings", "Win a copy of our new craft book",
      "Printing with potatoes and corn cobs", "Clay animals for the nursery shelf"};
  char html[8192];
  size_t n = (size_t)snprintf(html, sizeof html,
      "<html><head><title>Paper leaves for crafting - The Crafty Owl</title></head><body>"
      "<div class=\"k1\"><div class=\"k2\"><h3>Paper leaves for crafting</h3>"
      "<p>I love the idea of keeping these punched paper leaves for other craft projects!</p>"
      "<p>Get the details at the studio's page.</p>"
      "<h3>Comments</h3></div><div class=\"k3\"><h2>Most popular posts</h2><ul>");
  for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
    n += (size_t)snprintf(html + n, sizeof html - n, "<li><a href=\"/c/%zu\">%s</a></li>", i,
                          categories[i]);
  snprintf(html + n, sizeof html - n, "</ul></div></div></body></html>");
  wn_page *page = classify(state, html);
  assert_false(page->listing);
  assert_kept(page, "I love the idea of keeping");
  assert_false(find_block(page, "Recycled crafts for a spring")->keep);
}

/* Past an undated story, boxes of a picture, a title, its author's line
 * and a paragraph: other stories' cards, the title however long. */
static void test_signed_picture_cards_after_an_undated_story_are_teasers(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>The market hall opens again</title></head><body><div class=\"k1\">"
      "<div class=\"k2\"><h1>The market hall opens again</h1>"
      "<div class=\"k3\">The market hall reopened on Saturday after eighteen months of work on its roof, its floor and its stalls, and hundreds of people came through in the first morning.</div>"
      "<div class=\"k3\">Forty-five of the sixty stalls went back to their old traders; the rest went to small farms of the region, among them a fishermen's cooperative.</div>"
      "<div class=\"k3\">The hall now opens from Tuesday to Sunday, from seven in the morning to seven in the evening, so that people who work away can shop after work.</div>"
      "<div class=\"k3\">The works cost about three million euros, most of it from European funds, and the council says the roof alone should last another hundred years.</div>"
      "<div class=\"k3\">On the first Saturday the cafe at the back of the hall ran out of bread by noon, and the baker promised twice as much for the next weekend.</div></div>"
      "<div class=\"k4\">"
      "<div class=\"k5\"><img src=\"/t/1.jpg\" alt=\"\"><div class=\"k6\">A band adds a benefit concert to its release party, and its first album is out in January with a track to hear now</div>"
      "<span class=\"k7\">By Claire Dubois</span><div class=\"k8\">We mentioned before that there was a relief benefit at the club on Tuesday, and it now doubles as the party for the band's new record.</div></div>"
      "<div class=\"k5\"><img src=\"/t/2.jpg\" alt=\"\"><div class=\"k6\">A browser add-on now sends long articles to an e-reader in two clicks, with pictures and tables kept</div>"
      "<span class=\"k7\">By Jan de Vries</span><div class=\"k8\">The shop's people have kept giving readers ways to send what they find on the web to their reading devices for later.</div></div>"
      "</div></div></body></html>");
  assert_kept(page, "The hall now opens from Tuesday");
  assert_false(find_block(page, "We mentioned before that there was")->keep);
  assert_false(find_block(page, "The shop's people have kept")->keep);
}

/* A headline of two words is no sentence, yet a story told in paragraphs
 * that teaser cards close ends there: the region around both narrows to
 * the story. */
static void test_cards_close_a_story_under_a_short_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Family outings</title></head><body><div class=\"k1\">"
      "<div class=\"k2\"><h1>Family outings</h1>"
      "<div class=\"k3\">Time spent together away from the big cities and their crowded streets is the best way for a family to rest, and a weekend in the country costs less than most people think.</div>"
      "<div class=\"k3\">Games in the open air, visits to the villages nearby and walks in the woods or the hills wake the children's interest in the world around them and in the history of the place.</div>"
      "<div class=\"k3\">Safety comes first: a first-aid kit, water for everyone and a charged telephone belong in every rucksack, and the children should know what to do if they get lost on the way.</div>"
      "<div class=\"k3\">Keep a few of these rules in mind and such trips will always be a pleasure for the children and for the grown-ups, whatever the weather does on the day.</div>"
      "<div class=\"k3\">Families who go out often say the planning is half the fun: the children choose the route on the map and pack their own food the evening before.</div></div>"
      "<div class=\"k4\">"
      "<div class=\"k5\"><img src=\"/t/1.jpg\" alt=\"\"><div class=\"k6\">Pensions will rise in March</div>"
      "<div class=\"k8\">The government agreed on Tuesday to raise pensions by a fixed amount next March, and the bill now goes to parliament, where it is expected to pass within weeks.</div></div>"
      "<div class=\"k5\"><img src=\"/t/2.jpg\" alt=\"\"><div class=\"k6\">A vote on the health minister</div>"
      "<div class=\"k8\">The opposition will table a motion of no confidence in the health minister, blaming him for the queues at hospitals and the shortage of nurses in the smaller towns.</div></div>"
      "<div class=\"k5\"><img src=\"/t/3.jpg\" alt=\"\"><div class=\"k6\">Experts warn about meningitis again</div>"
      "<div class=\"k8\">The bacteria that cause meningitis and sepsis threaten not only small children, experts say, and they urge teenagers and older people to ask their doctors about the vaccine.</div></div>"
      "</div></div></body></html>");
  assert_kept(page, "Keep a few of these rules");
  assert_false(find_block(page, "The government agreed on Tuesday")->keep);
  assert_false(find_block(page, "The opposition will table")->keep);
}

/* Under a headline written in Kana and Han, or in Cyrillic, paragraphs
 * without a letter of that script are no more of the story (other stories'
 * cards, their blurbs in English and longer than a card's); a quote in
 * English between the story's paragraphs is still the story's. The page:
 * the headline (%1$s), three paragraphs of the story with the quote after
 * the first, then three cards. */
#define LONG_BLURB_TAIL \
  " Analysts had expected a stronger figure after three months of rising orders, and several " \
  "of them now say that the recovery will take most of next year, not the few months that the " \
  "government promised in the spring, when it cut taxes for small firms and raised its spending " \
  "on roads, rail and housing across the country. Others point to the weak currency, which has " \
  "made imports dearer for families and firms alike, and to the banks, which still lend less " \
  "than they did before the crisis, above all to the smaller firms that employ most people. The " \
  "central bank meets again next month, and few of the economists asked by this newspaper expect " \
  "it to change its course before the summer, whatever the next figures say."
#define LONG_BLURB_TAIL_TWICE LONG_BLURB_TAIL LONG_BLURB_TAIL "</div></div>"
static const char OTHER_SCRIPT_CARDS_PAGE[] =
    "<html><head><title>%1$s</title></head><body><div class=\"k1\">"
    "<div class=\"k2\"><h1>%1$s</h1><p>%2$s</p>"
    "<p>\"Knowledge is the only treasure that grows when it is shared with others, and a library is where a town shares it: open it late, and the town reads more,\" the head librarian told the council at its meeting on Monday evening.</p>"
    "<p>%3$s</p><p>%4$s</p></div>"
    "<div class=\"k3\">"
    "<div class=\"k4\"><div class=\"k5\"><a href=\"/a/1\">Why the fate of the global equity rally may rest in a few hands</a></div>"
    "<div class=\"k6\">In last night's disappointing data release from the central bank, the markets found a reason to doubt the recovery." LONG_BLURB_TAIL_TWICE
    "<div class=\"k4\"><div class=\"k5\"><a href=\"/a/2\">Physical activity cuts the rise of heart attacks around the globe</a></div>"
    "<div class=\"k6\">Physical activity during both work and leisure time lowers the risk of a heart attack, a study has found." LONG_BLURB_TAIL_TWICE
    "<div class=\"k4\"><div class=\"k5\"><a href=\"/a/3\">Britain deploys more troops for the games in the capital</a></div>"
    "<div class=\"k6\">The government opted on Tuesday to deploy more troops to help with security at the games." LONG_BLURB_TAIL_TWICE
    "</div></div></body></html>";
#undef LONG_BLURB_TAIL_TWICE
#undef LONG_BLURB_TAIL

static void assert_blurbs_in_another_script_go(void **state, const char *headline, const char *first,
                                               const char *second, const char *third) {
  char html[sizeof OTHER_SCRIPT_CARDS_PAGE + 2048];
  snprintf(html, sizeof html, OTHER_SCRIPT_CARDS_PAGE, headline, first, second, third);
  wn_page *page = classify(state, html);
  assert_kept(page, "\"Knowledge is the only treasure");
  assert_kept(page, third);
  assert_false(find_block(page, "In last night's disappointing")->keep);
  assert_false(find_block(page, "Physical activity during both")->keep);
}

static void test_blurbs_in_another_script_are_no_paragraphs_of_the_story(void **state) {
  assert_blurbs_in_another_script_go(state, "駅前の図書館が夜九時まで開館へ",
      "市立中央図書館は来月から、平日の開館時間を午後九時まで延長すると発表した。仕事帰りの利用者からの要望に応えたという。",
      "図書館によると、昨年秋に行った試行期間中、夜間の利用者は一日平均で二百人を超えた。学生や会社員の利用が多かった。",
      "延長する時間帯は貸し出しと返却の窓口のほか、自習室も利用できる。館内のカフェも営業時間を延ばす予定だ。");
}

static void test_blurbs_in_latin_script_under_a_cyrillic_story_go(void **state) {
  assert_blurbs_in_another_script_go(state, "Библиотека у вокзала будет открыта до девяти вечера",
      "Центральная городская библиотека у вокзала с будущего месяца будет работать по будням до девяти часов вечера, сообщили в мэрии.",
      "Во время пробного периода прошлой осенью вечером библиотеку посещали более двухсот человек в день, в основном студенты и служащие.",
      "В вечерние часы выдачу и приём книг возьмут на себя автоматы, а читальные залы и кафе на первом этаже тоже будут открыты.");
}

/* Above an undated story, in the region with it (a card below widens
 * it), a box of two cards of other stories (a picture, a linked title, a
 * byline and a blurb each) and no prose: a column of teasers, short as it
 * is beside the story, not its lead. */
static void test_teaser_cards_above_a_story_are_no_lead(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>The station library stays open until nine</title></head><body>"
      "<div class=\"k0\"><a href=\"/\">The Courier</a></div><div class=\"k1\">"
      "<div class=\"k2\">"
      "<div class=\"k3\"><img src=\"/t/1.jpg\" alt=\"\"><div class=\"k4\"><a href=\"/a/1\">Market hall opens again after the works</a></div>"
      "<span class=\"k5\">By Jan de Vries</span><div class=\"k6\">The market hall reopened on Saturday after eighteen months of work on its roof and its stalls.</div></div>"
      "<div class=\"k3\"><img src=\"/t/2.jpg\" alt=\"\"><div class=\"k4\"><a href=\"/a/2\">Court sets the damages in the patent case</a></div>"
      "<span class=\"k5\">By Lena Hoffmann</span><div class=\"k6\">The court said the maker owes its rival a little over two billion for the copied designs.</div></div></div>"
      "<div class=\"k7\"><div class=\"k8\"><h1>The station library stays open until nine</h1></div><div class=\"k10\">"
      "<div class=\"k11\">The central library by the station will stay open until nine on weekdays from next month, the city said, after readers coming home from work asked for longer hours.</div>"
      "<div class=\"k11\">During a trial last autumn more than two hundred people a night used the library after seven, most of them students and office workers on their way home.</div>"
      "<div class=\"k11\">The loan desks will be replaced by machines in the late hours, and the reading rooms and the cafe on the ground floor will stay open as well.</div>"
      "<div class=\"k11\">The head librarian said the library was a place to borrow books and also a quiet place to think, and that the town needed such a place in the evening.</div>"
      "</div></div><div class=\"k2\">"
      "<div class=\"k3\"><img src=\"/t/3.jpg\" alt=\"\"><div class=\"k4\"><a href=\"/a/3\">Polls show a close race in the state</a></div>"
      "<span class=\"k5\">Published 25/03/2023 00:11</span><div class=\"k6\">We end our series on the map of the election with the state where the race is closest of all, and where both campaigns spent the last week.</div></div>"
      "</div></div></body></html>");
  assert_kept(page, "The central library by the station");
  assert_false(find_block(page, "The market hall reopened")->keep);
  assert_false(find_block(page, "The court said the maker")->keep);
}

/* A short story on a library that opened in an old station, and the
 * cards that may follow it: each a picture box, a title, the title's
 * signature if any (SIGNED) and a blurb. */
#define STATION_HEADLINE \
  "<html><head><title>The old station is a library now</title></head><body><div class=\"k1\">" \
  "<div class=\"k2\"><h1>The old station is a library now</h1>"
#define STATION_SHORT_STORY \
  STATION_HEADLINE \
  "<div class=\"k3\">The town's old railway station reopened on Saturday as a public library, after two years of work.</div>" \
  "<div class=\"k3\">It holds about ten thousand books and opens from Tuesday to Saturday.</div></div>"
#define SIGNED(line) "<span class=\"k7\">" line "</span>"
#define HEALTH_CARD(signature) \
  "<div class=\"k5\"><img src=\"/t/1.jpg\" alt=\"\"><div class=\"k6\">Health gap widens in rich countries</div>" signature \
  "<div class=\"k8\">The gap between the rich and the poor in the richest countries is the widest in twenty-five years, the health agency's head said on Friday in Geneva.</div></div>"
#define MOON_CARD(signature) \
  "<div class=\"k5\"><img src=\"/t/2.jpg\" alt=\"\"><div class=\"k6\">A red moon tomorrow night</div>" signature \
  "<div class=\"k8\">A total eclipse of the moon will be seen tomorrow night, with fifty-one minutes of totality, the best conditions for watching one in a decade.</div></div>"
#define SHOP_CARD(signature) \
  "<div class=\"k5\"><img src=\"/t/3.jpg\" alt=\"\"><div class=\"k6\">Shop opens pick-up points in the metro</div>" signature \
  "<div class=\"k8\">An online shop said last night that its customers can now collect their parcels at pick-up points in twenty stations of the city's metro.</div></div>"

/* Under a short undated story (two paragraphs), boxes that sign or date
 * their blurb under a picture are other stories' cards, told story or not
 * (a landing page's feature boxes carry no byline and no date). */
static void test_signed_cards_under_a_short_story_are_teasers(void **state) {
  wn_page *page = classify(state,
      STATION_SHORT_STORY "<div class=\"k4\">"
      HEALTH_CARD(SIGNED("By Hana Yamada")) MOON_CARD(SIGNED("Published 06/08/2023 03:38"))
      SHOP_CARD(SIGNED("By Wang Hai"))
      "</div></div></body></html>");
  assert_kept(page, "It holds about ten thousand books");
  assert_false(find_block(page, "The gap between the rich and the poor")->keep);
  assert_false(find_block(page, "A total eclipse of the moon")->keep);
  assert_false(find_block(page, "An online shop said last night")->keep);
}

/* A row of picture cards under a short story signs only some of them:
 * the first card, with no byline, is a teaser as much as the signed one
 * beside it (taken as a paragraph it would draw the row into the story). */
static void test_unsigned_card_in_a_signed_row_is_a_teaser(void **state) {
  wn_page *page = classify(state,
      STATION_SHORT_STORY "<div class=\"k4\">"
      HEALTH_CARD("") MOON_CARD(SIGNED("By Hana Yamada")) SHOP_CARD("")
      "</div></div></body></html>");
  assert_kept(page, "It holds about ten thousand books");
  assert_false(find_block(page, "The gap between the rich and the poor")->keep);
  assert_false(find_block(page, "A total eclipse of the moon")->keep);
  assert_false(find_block(page, "An online shop said last night")->keep);
}

/* A teaser's title may run past a title line's length when its date line
 * stands under it: the card holds one paragraph, its blurb. */
static void test_long_card_title_over_its_date_line(void **state) {
  wn_page *page = classify(state,
      STATION_HEADLINE
      "<div class=\"k3\">The town's old railway station reopened on Saturday as a public library, after two years of work on its roof, its walls and the platforms, which are now a reading garden.</div>"
      "<div class=\"k3\">It holds about ten thousand books and opens from Tuesday to Saturday; the waiting room, with its tiled floor and its clock, has become the children's room, and the ticket office a café.</div>"
      "<div class=\"k3\">The town bought the station from the railway for a symbolic sum when the line closed, and residents voted for the library over a car park in a consultation held the year after.</div></div>"
      "<div class=\"k4\">"
      "<div class=\"k5\"><img src=\"/t/1.jpg\" alt=\"\"><div class=\"k6\">After three years of talks, the council and the bus company agree on new night lines through the old town and the harbour</div><span class=\"k7\">Published 06/08/2023 03:38</span>"
      "<div class=\"k8\">Night buses will run every half hour from the harbour to the station from next month, the council said on Friday after the deal was signed.</div></div>"
      MOON_CARD(SIGNED("By Hana Yamada")) SHOP_CARD(SIGNED("By Wang Hai"))
      "</div></div></body></html>");
  assert_kept(page, "The town bought the station");
  assert_false(find_block(page, "Night buses will run every half hour")->keep);
  assert_false(find_block(page, "A total eclipse of the moon")->keep);
  assert_false(find_block(page, "An online shop said last night")->keep);
}

/* A dated photo post: a headline that names the page over one line, too
 * little for an article, under a sidebar whose blurb about the author is
 * longer (and beside a list of tags): the post is the page's text, not the
 * sidebar above its headline. */
static void test_short_post_under_a_longer_sidebar_blurb(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>The Human Bowling Ball - Notes on creativity</title></head><body>"
      "<div class=\"k1\"><h1><a href=\"/\">Notes on creativity</a></h1>"
      "<p>I live. I learn. I teach. And a hundred and forty characters are limiting, so here I share and celebrate the creativity of others: the ads, the pictures and the inventions that made me stop and look twice, from every corner of the web and from the street outside my window.</p></div>"
      "<div class=\"k2\"><div class=\"k3\"><p>July 12, 2012, 4:01pm</p>"
      "<h2><a href=\"/post/human-bowling-ball\">The Human Bowling Ball</a></h2>"
      "<p><a href=\"http://example.com/\">via example.com</a></p>"
      "<p>This plays with your right brain in a big way, and with your left one too.</p>"
      "<p>Posted by Denny</p></div>"
      "<ul><li><a href=\"/t/1\">aha lessons (140)</a></li><li><a href=\"/t/2\">wow that's different (96)</a></li>"
      "<li><a href=\"/t/3\">creativity gone viral (78)</a></li><li><a href=\"/t/4\">creative ads of the year (48)</a></li>"
      "<li><a href=\"/t/5\">if only it were my idea (46)</a></li><li><a href=\"/t/6\">tricks of the eye (40)</a></li></ul>"
      "</div></body></html>");
  assert_kept(page, "This plays with your right brain");
  assert_false(find_block(page, "I live. I learn. I teach.")->keep);
}

/* A Chinese author line writes its name right after a full-width colon
 * ("作者：王海"): it is the byline under the headline, as "By Wang Hai" is. */
static void test_chinese_author_line_after_a_colon(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"zh\"><head><title>北京地铁开通自提服务</title></head><body>"
      "<h1>北京地铁开通自提服务</h1><p>作者：王海</p>"
      "<p>一家网上商城昨日晚间宣布，其在北京地铁的自提服务已经开通，用户可以在地铁站领取包裹。</p>"
      "<p>该公司表示，首批自提点设在十个地铁站，今后还将陆续增加。</p></body></html>");
  assert_kept(page, "一家网上商城昨日晚间宣布");
  assert_false(find_block(page, "作者：王海")->keep);
  assert_true(page->author_line >= 0);
}

/* A line that opens with another language's "By" and names someone
 * ("Oleh Olga Nowak" under a Romanian story) is chrome in that language,
 * though names alone say nothing of a language; an English "By" over
 * names that read as Polish is the page's own credit line. */
static void test_foreign_author_line_is_chrome(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"ro\"><head><title>Vechea gară a devenit bibliotecă</title></head><body>"
      "<div class=\"k1\"><h1>Vechea gară a devenit bibliotecă</h1>"
      "<p>Clădirea vechii gări, închisă de peste treizeci de ani, a fost redeschisă sâmbătă ca bibliotecă publică, iar sute de localnici au venit în prima zi.</p>"
      "<p>Lucrările de restaurare au durat doi ani și au păstrat sala de bilete, ceasul și băncile de lemn, care stau acum între rafturile sălii de lectură.</p>"
      "<p>Biblioteca are aproximativ zece mii de volume și va fi deschisă de marți până sâmbătă, cu un colț pentru copii în fosta sală de așteptare.</p>"
      "<p>Primarul a spus că gara a fost inima orașului timp de un secol și că va fi din nou, de data aceasta pentru cititori, nu pentru călători.</p>"
      "<p>În primul weekend, cafeneaua din spatele clădirii a rămas fără pâine până la prânz, iar brutarul a promis de două ori mai mult pentru sâmbăta viitoare.</p>"
      "<p>Oleh Olga Nowak</p></div></body></html>");
  assert_kept(page, "Biblioteca are aproximativ zece mii");
  assert_false(find_block(page, "Oleh Olga Nowak")->keep);
}

static void test_own_author_line_over_foreign_names_stays(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"en\"><head><title>Readings from the library</title></head><body>"
      "<div class=\"k1\"><h1>Readings from the library</h1>"
      "<p>Every month the library chooses a few poems that its readers have brought in, and prints them on the back of the programme.</p>"
      "<p>This month's choice is a short poem about the sea and the people who wait for the boats to come home in the evening.</p>"
      "<p>It was read aloud at the opening of the new reading room, and several readers asked for copies to take home afterwards.</p>"
      "<p>The poet lives in the town and teaches at the school by the harbour, where she runs a writing club on Thursdays.</p>"
      "<p>Next month the library will print a poem chosen by the children of that club, read by one of them at the evening meeting.</p>"
      "<p>By Wanda Zyborska</p></div></body></html>");
  assert_kept(page, "By Wanda Zyborska");
}

/* Microdata names one element the article's body (itemprop=articleBody):
 * the region is that element, however much prose the boxes beside it hold
 * and whatever their names; two such elements are a listing's entries,
 * and the region is chosen as before. */
static const char STATED_BODY_PAGE[] =
    "<html><head><title>Sanctions on the table</title></head><body><div class=\"a1\">"
    "<h1>Sanctions on the table</h1><div class=\"a2\" itemprop=\"%s\">"
    "<p>The leader of the liberal group in the parliament called on Wednesday for legal and political sanctions against the government, over reforms he called a step back.</p>"
    "<p>The commission said it would send its view on the new laws within weeks, and that it would not hesitate to act if they broke the treaties.</p>"
    "<p>The government said the laws had been passed by a large majority and that it was ready to explain them to anyone who asked.</p></div>"
    "<div class=\"a3\"><div itemprop=\"%s\">"
    "<p>Talks with the fund on a loan could start in January, officials said, though no date has been set and both sides are still far apart on the terms.</p>"
    "<p>The currency fell to a record low against the euro on Thursday, and the yield on ten-year bonds rose above ten percent for the first time in years.</p>"
    "<p>The central bank raised its main rate by half a point in December, its second rise in a month, to hold off inflation and calm the markets.</p>"
    "<p>Economists expect the economy to shrink next year, with exports to the rest of the union slowing and investment held back by the uncertainty.</p></div></div>"
    "</div></body></html>";

static wn_page *classify_stated(void **state, const char *first, const char *second) {
  char html[sizeof STATED_BODY_PAGE + 64];
  snprintf(html, sizeof html, STATED_BODY_PAGE, first, second);
  return classify(state, html);
}

static void test_stated_article_body_is_the_region(void **state) {
  wn_page *page = classify_stated(state, "articleBody", "description");
  assert_kept(page, "The commission said it would send");
  assert_false(find_block(page, "The central bank raised its main rate")->keep);
}

static void test_two_stated_article_bodies_leave_the_region(void **state) {
  wn_page *page = classify_stated(state, "articleBody", "articleBody");
  assert_kept(page, "The central bank raised its main rate");
}

/* Past a story, boxes of a picture, a title and its byline or its date,
 * with no blurb: other stories' cards, each a teaser, however long and
 * sentence-like the titles (%s: the three titles), or however short
 * (titles too short to read as prose count too). */
static const char SIGNED_CARDS_PAGE[] =
    "<html><head><title>The old station is a library now</title></head><body><div class=\"k1\">"
    "<div class=\"k2\"><h1>The old station is a library now</h1>"
    "<div class=\"k3\">The town's old railway station, closed for thirty years, reopened on Saturday as a public library, and hundreds of people came on the first day to see the building and borrow their first books. Some of them had last been inside it as children, when trains still stopped there twice a day on the way to the coast.</div>"
    "<div class=\"k3\">The restoration took two years and kept the ticket hall, its clock and its wooden benches, which now stand between the shelves of the reading room.</div>"
    "<div class=\"k3\">The library holds about ten thousand books and will open from Tuesday to Saturday, with a children's corner in the old waiting room.</div>"
    "<div class=\"k3\">The mayor said the station had been the heart of the town for a century, and that it would be again, this time for readers rather than for travellers waiting for the last train home.</div></div>"
    "<div class=\"k4\">"
    "<div class=\"k5\"><img src=\"/t/1.jpg\" alt=\"\"><div class=\"k6\">%s</div><span class=\"k7\">By Olga Nowak</span></div>"
    "<div class=\"k5\"><img src=\"/t/2.jpg\" alt=\"\"><div class=\"k6\">%s</div><span class=\"k7\">Published 28/12/2026 02:32</span></div>"
    "<div class=\"k5\"><img src=\"/t/3.jpg\" alt=\"\"><div class=\"k6\">%s</div><span class=\"k7\">By Jan de Vries</span></div>"
    "</div></div></body></html>";

static void assert_signed_cards_go(void **state, const char *first, const char *second, const char *third) {
  char html[sizeof SIGNED_CARDS_PAGE + 512];
  snprintf(html, sizeof html, SIGNED_CARDS_PAGE, first, second, third);
  wn_page *page = classify(state, html);
  assert_kept(page, "The library holds about ten thousand");
  assert_false(find_block(page, first)->keep);
  assert_false(find_block(page, second)->keep);
  assert_false(find_block(page, third)->keep);
}

static void test_cards_of_a_title_and_a_byline_are_teasers(void **state) {
  assert_signed_cards_go(state,
      "What does it mean to learn on the web, and how should a school go about it?",
      "Friends of the river say the new dam will harm the fish that spawn upstream every spring.",
      "The council will decide in March whether the old market hall becomes a school or a museum.");
}

static void test_cards_of_a_short_title_and_a_byline_are_teasers(void **state) {
  assert_signed_cards_go(state, "A brief intro to git", "Ten walks by the river",
      "The council will decide in March whether the old market hall becomes a school or a museum.");
}

/* A headline of three or four long words is a sentence too (Russian has no
 * articles): past the article's close, the page's other stories go. */
static void test_short_russian_headline_closes_its_article(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"ru\"><head><title>Реконструированный мост открыт снова</title></head><body>"
      "<div class=\"page\"><div class=\"story\"><h1>Реконструированный мост открыт снова</h1><p>5 января 2012 года</p>"
      "<p>Мост через реку в центре города снова открыт для движения после трёх лет ремонта, сообщили в мэрии в четверг.</p>"
      "<p>На церемонии присутствовали мэр города и строители, которые восстановили старые опоры и заменили покрытие моста.</p>"
      "<p>По новому мосту уже проехали первые автобусы, а пешеходы получили широкие тротуары по обе стороны дороги.</p></div>"
      "<div class=\"others\"><h3><a href=\"/a/1\">Новые автобусы вышли на линии города</a></h3><h3><a href=\"/a/2\">Зимой в парках откроют катки</a></h3>"
      "<div class=\"cards\">"
      "<div class=\"c\"><img src=\"/i/1.jpg\"><div><a href=\"/b/1\">Школы после каникул</a></div><div>После зимних каникул школы города откроются в понедельник, занятия начнутся по обычному расписанию.</div></div>"
      "<div class=\"c\"><img src=\"/i/2.jpg\"><div><a href=\"/b/2\">Снег в выходные</a></div><div>Синоптики обещают снег и небольшой мороз в выходные, дороги будут посыпать песком каждую ночь.</div></div>"
      "<div class=\"c\"><img src=\"/i/3.jpg\"><div><a href=\"/b/3\">Музей продлил выставку</a></div><div>Городской музей продлил выставку старых фотографий до конца февраля из-за большого числа посетителей.</div></div>"
      "</div></div></div></body></html>");
  assert_kept(page, "По новому мосту");
  assert_false(find_block(page, "Синоптики обещают")->keep);
  assert_false(find_block(page, "Городской музей")->keep);
}

/* Cards of a table, each a picture's cell beside one of a linked title, a
 * break and a blurb (one block each): a run of teasers under the article,
 * though no heading the lexicon knows names it. */
static void test_table_cards_of_title_and_blurb_in_one_block_are_dropped(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"pl\"><head><title>Nowy most otwarty po trzech latach remontu</title><meta property=\"og:type\" content=\"article\"></head><body>"
      "<div class=\"txt\"><h1>Nowy most otwarty po trzech latach remontu</h1>"
      "<p>Most łączący dwie dzielnice starego miasta został w poniedziałek rano ponownie otwarty dla ruchu po trzech latach prac.</p>"
      "<p>W uroczystości wzięli udział prezydent miasta, inżynierowie i mieszkańcy, którzy od lat czekali na zakończenie remontu.</p>"
      "<p>Nowa nawierzchnia i szersze chodniki mają poprawić bezpieczeństwo pieszych, a autobusy wrócą na dawną trasę w przyszłym tygodniu.</p>"
      "<table><tr><td>Z naszego serwisu</td></tr>"
      "<tr><td><a href=\"/a/1\"><img src=\"/i/1.jpg\"></a></td><td><b><a href=\"/a/1\">Tramwaje wracają na ulice</a></b><br><i>Po przerwie zimowej tramwaje linii czwartej i siódmej znów kursują według rozkładu</i> - podaje przewoźnik.</td></tr>"
      "<tr><td><a href=\"/a/2\"><img src=\"/i/2.jpg\"></a></td><td><b><a href=\"/a/2\">Ceny biletów bez zmian</a></b><br><i>Rada miasta nie zgodziła się na podwyżkę cen biletów komunikacji miejskiej w tym roku</i> - informuje urząd.</td></tr>"
      "<tr><td><a href=\"/a/3\"><img src=\"/i/3.jpg\"></a></td><td><b><a href=\"/a/3\">Nowe parkingi przy dworcu</a></b><br><i>Przy dworcu głównym powstaną dwa parkingi dla samochodów i rowerów, budowa ruszy wiosną</i> - zapowiada spółka.</td></tr>"
      "</table><p>Tagi: most, remont</p></div></body></html>");
  assert_kept(page, "Nowa nawierzchnia");
  assert_false(find_block(page, "Tramwaje wracają")->keep);
  assert_false(find_block(page, "Ceny biletów")->keep);
  assert_false(find_block(page, "Nowe parkingi")->keep);
}

/* One paragraph long enough to tell the story is the article: a list of
 * links as long as a menu under it closes it, as after two paragraphs. */
static void test_menu_after_one_long_paragraph_closes_the_article(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Old pier to reopen in May</title></head><body><div id=\"middle\">"
      "<div class=\"story\"><h1>Old pier to reopen in May</h1>"
      "<p>The harbour authority said on Tuesday that the old pier, closed since the storm two winters ago, will open again in May after repairs to its wooden deck and iron railings. Engineers found that most of the piles were sound, so the work cost less than feared, and fishermen will be able to tie up their boats there again before the summer season. The town council voted to keep the small museum at the end of the pier, which tells the story of the herring fleet, and volunteers have offered to run it on weekends. Shops along the promenade hope the reopening will bring back visitors who stayed away while the pier was fenced off. The ferry company said it would add an evening crossing on weekends from June if the numbers of visitors rise as expected.</p>"
      "</div><h5>Other local news</h5><ul><li>"
      "<a href=\"/n/0\">Council approves new budget for schools</a> 2012-01-17 14:00</li><li>"
      "<a href=\"/n/1\">Ferry timetable changes next month</a> 2012-01-17 14:01</li><li>"
      "<a href=\"/n/2\">Library extends its opening hours</a> 2012-01-17 14:02</li><li>"
      "<a href=\"/n/3\">Storm warning issued for the coast</a> 2012-01-17 14:03</li><li>"
      "<a href=\"/n/4\">Market square to get new lighting</a> 2012-01-17 14:04</li><li>"
      "<a href=\"/m/0\">Fishermen protest new quotas in the bay</a> 2012-01-17 13:40</li><li>"
      "<a href=\"/m/1\">Bus drivers agree pay deal with the city</a> 2012-01-17 13:41</li><li>"
      "<a href=\"/m/2\">New school opens on the hill road</a> 2012-01-17 13:42</li></ul>"
      "<div class=\"promo\">"
      "<p>Subscribe to our weekly print edition and get the crossword, the tide tables and the classifieds delivered to your door every Friday morning.</p>"
      "<p>Our offices on the high street are open from nine to five on weekdays for advertising and for readers with news to share.</p>"
      "</div></div></body></html>");
  const wn_block *sub = find_block(page, "Subscribe to our weekly");
  assert_true(page->article_end >= 0);
  assert_true(page->article_end < (int)(sub - page->blocks));
}

/* A "Related Topics" heading over a column of short linked headings: those
 * are its section, not a title bar to skip, so the section ends with the
 * column and the story beside it is no part of it. */
static void test_related_topics_column_does_not_take_the_story_beside_it(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Port and rail company agree to share depots</title></head><body>"
      "<div class=\"wrap\"><h2>Port and rail company agree to share depots</h2><div class=\"left\">"
      "<h3>Related Topics</h3><h4><a href=\"/t/1\">Logistics</a></h4><h4><a href=\"/t/2\">Rail</a>"
      "</h4><h4><a href=\"/t/3\">Shipping</a></h4><h4><a href=\"/t/4\">Energy use</a></h4><h4>"
      "<a href=\"/t/5\">Supply chains</a></h4></div><div class=\"story\">"
      "<p>The port authority and the national rail company have agreed to share three inland depots, cutting the distance that containers travel by road.</p>"
      "<p>Both say the deal will lower fuel use and let trains leave the port more often, since wagons can be loaded at the depots during the night.</p>"
      "<p>The first depot opens in the spring; the other two follow next year, once their sidings have been extended to take longer trains.</p>"
      "</div></div><div class=\"about\"><h2>About the Harbour Weekly</h2>"
      "<p>The Harbour Weekly has covered shipping, fishing and the life of the port towns along this coast since 1921, from its offices on the quay.</p>"
      "<p>Our reporters work from four towns, and our photographers have documented every ship launched at the old yard since the nineteen fifties.</p>"
      "<p>Readers can find the printed edition in every newsagent along the coast on Thursday mornings, and the archive in the town library.</p>"
      "<p>Paragraph 0 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "<p>Paragraph 1 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "<p>Paragraph 2 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "<p>Paragraph 3 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "<p>Paragraph 4 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "<p>Paragraph 5 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "<p>Paragraph 6 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "<p>Paragraph 7 of the history of the paper: the presses moved twice, once after the fire of 1934 and once when the old warehouse on the quay was sold to the harbour board.</p>"
      "</div></body></html>");
  assert_false(find_block(page, "Supply chains")->keep);
  assert_kept(page, "The port authority and the national rail");
  assert_kept(page, "The first depot opens");
}

/* Buttons or metadata each set in brackets, in a row of their own ("【打印】
 * 【关闭】", "[稿源：红网] [编辑：杨洁]"), are a toolbar, not the article's
 * text; a sentence with a bracket in it is text. */
static void test_row_of_bracketed_items_is_a_toolbar(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"zh\"><head><title>城市图书馆延长开放时间</title></head><body>"
      "<h1>城市图书馆延长开放时间</h1>"
      "<p>[稿源：城市日报] [编辑：王明]</p>"
      "<p>市立图书馆宣布，从下个月起，工作日的开放时间将延长到晚上九点，方便下班后的读者借书和自习。</p>"
      "<p>图书馆负责人表示，[注] 延长开放后，阅览室和自习区都会增加座位，周末的开放时间保持不变。</p>"
      "<p>【收藏】【推荐】【打印】【关闭】</p>"
      "</body></html>");
  assert_kept(page, "市立图书馆宣布");
  assert_kept(page, "图书馆负责人表示");
  assert_false(find_block(page, "[稿源：城市日报]")->keep);
  assert_false(find_block(page, "【收藏】")->keep);
}

/* A line under a picture that repeats its alt text, in a box of their own
 * between paragraphs, is the picture's caption whatever the box is called;
 * a grid's product names repeat their pictures' alt texts too, and stay. */
static void test_line_repeating_a_pictures_alt_text_is_its_caption(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>The station becomes a library</title></head><body><div class=\"a\">"
      "<h1>The station becomes a library</h1>"
      "<p>The town's railway station, closed for thirty years, opened again on Monday as a "
      "public library after two years of restoration work.</p>"
      "<div class=\"m\"><img src=\"/i/1.jpg\" alt=\"The old waiting room, now the reading room\">"
      "<div class=\"c\">The old waiting room, now the reading room</div></div>"
      "<p>Hundreds of people toured the building on its first day, and many borrowed their "
      "first books from shelves set along the old platform.</p></div>"
      "<div class=\"shop\"><h2>Books about railways</h2>"
      "<div class=\"p\"><img src=\"/b/1.jpg\" alt=\"Stations of the North\"><div>Stations of the North</div></div>"
      "<div class=\"p\"><img src=\"/b/2.jpg\" alt=\"The Last Steam Trains\"><div>The Last Steam Trains</div></div>"
      "<div class=\"p\"><img src=\"/b/3.jpg\" alt=\"Timetables of 1950\"><div>Timetables of 1950</div></div>"
      "</div></body></html>");
  assert_kept(page, "Hundreds of people toured");
  const wn_block *caption = find_block(page, "The old waiting room, now");
  assert_true(caption->repeats_alt);
  assert_false(caption->keep);
  assert_false(find_block(page, "Stations of the North")->repeats_alt);
}

/* A dated story told in a box of its own: past a heading, prose in
 * another box is another text ("From the archive"), unless the page's
 * <article> holds both. */
static void test_headed_prose_outside_a_dated_storys_box_is_another_text(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Harbour crane returns after repairs</title></head><body>"
      "<div class=\"page\"><div class=\"story\"><h1>Harbour crane returns after repairs</h1>"
      "<p>12 March 2012</p>"
      "<p>The old steam crane on the north quay lifted its first load in six years on Monday, after volunteers rebuilt its boiler.</p>"
      "<p>The crane, built in 1911, will work on weekends through the summer, loading timber onto the museum's sailing barge.</p>"
      "<p>The volunteers plan to train six new drivers this spring, so that the crane can also run on public holidays.</p>"
      "</div><div class=\"more\"><h2>From the archive</h2>"
      "<p>Fifty years ago this week, the harbour board voted to fill in the old dry dock and build a car park on the site.</p>"
      "</div></div></body></html>");
  assert_kept(page, "The volunteers plan");
  assert_false(find_block(page, "Fifty years ago")->keep);
}

/* ...and the page's <article> around both says the second box is the
 * story's too. */
static void test_headed_prose_in_the_storys_article_element_is_the_story(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Harbour crane returns after repairs</title></head><body>"
      "<div class=\"page\"><article><div class=\"story\"><h1>Harbour crane returns after repairs</h1>"
      "<p>12 March 2012</p>"
      "<p>The old steam crane on the north quay lifted its first load in six years on Monday, after volunteers rebuilt its boiler.</p>"
      "<p>The crane, built in 1911, will work on weekends through the summer, loading timber onto the museum's sailing barge.</p>"
      "<p>The volunteers plan to train six new drivers this spring, so that the crane can also run on public holidays.</p>"
      "</div><div class=\"more\"><h2>From the archive</h2>"
      "<p>Fifty years ago this week, the harbour board voted to fill in the old dry dock and build a car park on the site.</p>"
      "</div></article></div></body></html>");
  assert_kept(page, "Fifty years ago");
}

/* A tracking pixel's <noscript><img> in <head> ends the head early, and the
 * og:type after it is parsed into <body>: the page still says it is an
 * article, and the channel pitch closing it goes. */
static void test_article_type_after_a_pixel_in_the_head(void **state) {
  (void)state;
  const char *html =
      "<html lang=\"es\"><head><title>La ciclista comienza la temporada</title>"
      "<noscript><img src=\"https://px.example.net/t.gif\" alt=\"\"></noscript>"
      "<meta property=\"og:type\" content=\"article\"></head><body><div class=\"content\">"
      "<h1>La ciclista comienza la temporada</h1>"
      "<p>La ciclista comenzará la temporada con la Copa de Naciones en Glasgow, donde competirá "
      "en la prueba de puntuación y en la carrera por eliminación junto a otras veinte atletas.</p>"
      "<p>Esta competencia formará parte del difícil camino hacia los Juegos, en el que cada "
      "resultado suma puntos para la clasificación olímpica de su país y de su equipo.</p>"
      "<p>Por lo tanto, este evento y los que disputará en el resto del año serán de vital "
      "importancia para asegurar un lugar en la pista, según explicó su entrenador.</p>"
      "<p>La atleta viajará a Escocia la próxima semana con el resto de la delegación, y después "
      "seguirá hacia Canadá y Colombia, donde se disputarán las siguientes fechas del circuito.</p>"
      "<p>Su federación confía en que el calendario le permita llegar en plena forma a las pruebas "
      "decisivas del verano, tras una pretemporada sin lesiones en el velódromo de la capital.</p>"
      "<p>¿Ya sabías que en Ejemplo.com tenemos canal de Telegram? Únete desde tu celular "
      "en este <a href=\"https://t.me/ejemplo\">enlace de invitación</a>.</p>"
      "</div></body></html>";
  winnow_options o;
  winnow_options_init(&o);
  winnow_result r;
  assert_int_equal(winnow_extract(html, strlen(html), &o, &r), WINNOW_OK);
  bool story = strstr(r.text, "Por lo tanto") != NULL;
  bool pitch = strstr(r.text, "Telegram") != NULL;
  winnow_result_free(&r);
  assert_true(story);
  assert_false(pitch);
}

/* The site's name after such a pixel still comes off the page's title. */
static void test_site_name_after_a_pixel_in_the_head(void **state) {
  (void)state;
  const char *html =
      "<html><head><title>Winter bees - Harbour Gardens Weekly Magazine</title>"
      "<noscript><img src=\"https://px.example.net/t.gif\" alt=\"\"></noscript>"
      "<meta property=\"og:site_name\" content=\"Harbour Gardens Weekly Magazine\"></head><body>"
      "<p>A strong colony needs about twenty kilograms of honey to last until spring. If the "
      "stores run short, beekeepers can add fondant or thick sugar syrup.</p>"
      "<p>Syrup should only be given while it is still warm enough for the bees to take it down "
      "and store it, which in most years means before the middle of October.</p>"
      "</body></html>";
  winnow_options o;
  winnow_options_init(&o);
  winnow_result r;
  assert_int_equal(winnow_extract(html, strlen(html), &o, &r), WINNOW_OK);
  bool stripped = r.title && strcmp(r.title, "Winter bees") == 0;
  if (!stripped) fprintf(stderr, "title: %s\n", r.title ? r.title : "(none)");
  winnow_result_free(&r);
  assert_true(stripped);
}

/* So does the <title> after such a pixel; an SVG drawing's <title> is the
 * drawing's, not the page's. */
static const char *title_of(const char *html, char *out, size_t size) {
  winnow_options o;
  winnow_options_init(&o);
  winnow_result r;
  assert_int_equal(winnow_extract(html, strlen(html), &o, &r), WINNOW_OK);
  snprintf(out, size, "%s", r.title ? r.title : "");
  winnow_result_free(&r);
  return out;
}

static void test_title_after_a_pixel_in_the_head(void **state) {
  (void)state;
  char title[128];
  assert_string_equal(title_of(
      "<html><head><noscript><img src=\"https://px.example.net/t.gif\" alt=\"\"></noscript>"
      "<title>Winter bees - Harbour Gardens Weekly Magazine</title>"
      "<meta property=\"og:site_name\" content=\"Harbour Gardens Weekly Magazine\"></head><body>"
      "<p>A strong colony needs about twenty kilograms of honey to last until spring. If the "
      "stores run short, beekeepers can add fondant or thick sugar syrup.</p></body></html>",
      title, sizeof title), "Winter bees");
  assert_string_equal(title_of(
      "<html><body><svg><title>Harbour Gardens logo</title></svg>"
      "<p>A strong colony needs about twenty kilograms of honey to last until spring. If the "
      "stores run short, beekeepers can add fondant or thick sugar syrup.</p></body></html>",
      title, sizeof title), "");
}

/* "Relacionado" (HugoBlox's "Related" in Spanish) heads a list of other
 * posts, like "Related" does. */
static void test_spanish_related_heading_takes_its_list(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"es\"><head><title>La ciclista comienza la temporada</title></head><body><article>"
      "<h1>La ciclista comienza la temporada</h1>"
      "<p>La ciclista comenzará la temporada con la Copa de Naciones en Glasgow, donde competirá "
      "en la prueba de puntuación y en la carrera por eliminación junto a otras veinte atletas.</p>"
      "<p>Esta competencia formará parte del difícil camino hacia los Juegos, en el que cada "
      "resultado suma puntos para la clasificación olímpica de su país y de su equipo.</p>"
      "<h3>Relacionado</h3>"
      "<p>El equipo nacional de ciclismo presenta a sus nuevos patrocinadores para la temporada</p>"
      "</article></body></html>");
  assert_kept(page, "Esta competencia formará");
  assert_false(find_block(page, "Relacionado")->keep);
  assert_false(find_block(page, "presenta a sus nuevos patrocinadores")->keep);
}

/* A short story of an old layout: its title printed as a plain line over
 * the site's menu and again over the story, a tab bar of linked "Story"
 * and "9 Comments" under its first paragraph, more stories after it and
 * promotions in table rows of the same box. */
static const char *TWICE_TITLED_STORY =
    "<html><head><title>Ferry service resumes after winter break</title></head><body>"
    "<div class=\"top\"><p>Ferry service resumes after winter break</p>"
    "<ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/weather\">Weather</a></li><li><a href=\"/sports\">Sports</a></li></ul></div>"
    "<div id=\"content\"><div><p>Ferry service resumes after winter break</p>"
    "<p>The harbour company said its first boat of the season crossed on Friday.</p>"
    "<ul><li><a href=\"/s\">Story</a></li><li><a href=\"#c\">9 Comments</a></li></ul>"
    "<p>Monday, January 16, 2012</p>"
    "<p>Boats leave every two hours from the old quay, the first at seven.</p>"
    "<p>Fares are the same as last year, and children under five travel free.</p>"
    "<p>The company asks cyclists to book a place for their bikes a day ahead.</p></div>"
    "<p><a href=\"#c\">Click here to post or read all 9 comments.</a></p><p>More Stories</p>"
    "<ul><li><a href=\"/n/1\">Road works close the bridge for a week</a></li>"
    "<li><a href=\"/n/2\">School board approves the new bus routes</a></li></ul>"
    "<table><tr><td><a href=\"/w\">Winter Guide</a> Cool ideas to keep you warm this winter!</td></tr>"
    "<tr><td><a href=\"/h\">Warm Hearts</a> Donate used winter clothing to families in need.</td></tr>"
    "<tr><td><a href=\"/g\">Health Connect</a> Click here for health resources near you.</td></tr>"
    "</table></div></body></html>";

/* Of two lines that print the title, the one over the story heads it. */
static void test_title_line_over_the_story_is_the_headline(void **state) {
  wn_page *page = classify(state, TWICE_TITLED_STORY);
  const wn_block *lead = find_block(page, "The harbour company said");
  assert_int_equal(page->anchor_headline, (int)(lead - page->blocks) - 1);
}

/* A linked comment count in the story's tab bar is no end of the story,
 * which goes on under it; the promotions after it are no part of it. */
static void test_linked_comment_count_does_not_end_the_story(void **state) {
  wn_page *page = classify(state, TWICE_TITLED_STORY);
  assert_true(page->article_headline >= 0);
  assert_kept(page, "The company asks cyclists");
  assert_false(find_block(page, "Cool ideas to keep you warm")->keep);
  assert_false(find_block(page, "Click here for health resources")->keep);
}

/* The toolbar under the headline ("Print", "E-mail", "Report Error") set
 * again under the story closes it: the comment policy after it is no
 * paragraph of the story, whatever the markup's names. */
static void test_toolbar_repeated_under_the_story_closes_it(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Libraries see record number of visitors</title></head><body>"
      "<div class=\"c1\"><div class=\"c2\"><h1>Libraries see record number of visitors</h1>"
      "<p>By: City Desk</p>"
      "<ul><li><a href=\"/p\">Print</a></li><li><a href=\"/m\">E-mail</a></li>"
      "<li><a href=\"/e\">Report Error</a></li></ul>"
      "<div class=\"c3\"><p>The city's four public libraries counted more visitors last month than in "
      "any month since they opened, the council said on Wednesday.</p>"
      "<p>Librarians say the rush began with the new evening hours in the autumn and has not "
      "slowed since, with loans up by a fifth on last year.</p>"
      "<p>Officials say they have added reading tables and two study rooms to each of the "
      "branches.</p></div>"
      "<ul><li><a href=\"/p\">Print</a></li><li><a href=\"/m\">E-mail</a></li>"
      "<li><a href=\"/e\">Report Error</a></li></ul>"
      "<p>Readers may respond to our stories once signed in. Please stay on topic, be civil to "
      "one another and keep personal details out of what you post for everyone to read.</p>"
      "<p>Views posted here are those of their writers and not of this paper. Posts that break "
      "these rules are removed, and repeat offenders lose the right to take part at all.</p>"
      "</div></div></body></html>");
  assert_kept(page, "Officials say they have added");
  assert_false(find_block(page, "Readers may respond to our stories")->keep);
  assert_false(find_block(page, "Views posted here are those")->keep);
}

/* A brief on a portal: a headline that is the page's title over one short
 * paragraph, between columns of headlines and teaser cards. It is the
 * article, not a listing of the portal's links. */
#define PORTAL_HEADLINE(n) "<li><a href=\"/n/" #n "\">Mayor opens the new bridge over the river number " #n " today</a></li>"
#define PORTAL_CARD(n)                                                                          \
  "<div><a href=\"/c/" #n "\"><img src=\"/i/" #n ".jpg\"></a><h3><a href=\"/c/" #n "\">Storm "  \
  "warning issued for the coast as winds pick up " #n "</a></h3><p>Forecasters expect gusts of " \
  "up to a hundred kilometres an hour along the northern coast tonight " #n ".</p></div>"
#define PORTAL_HEADLINES                                                                        \
  "<ul>" PORTAL_HEADLINE(1) PORTAL_HEADLINE(2) PORTAL_HEADLINE(3) PORTAL_HEADLINE(4)            \
  PORTAL_HEADLINE(5) PORTAL_HEADLINE(6) PORTAL_HEADLINE(7) PORTAL_HEADLINE(8) PORTAL_HEADLINE(9) \
  PORTAL_HEADLINE(10) PORTAL_HEADLINE(11) PORTAL_HEADLINE(12) "</ul>"

static void test_brief_under_the_pages_title_on_a_portal(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Council approves budget for new library | City Portal</title></head>"
      "<body><div>" PORTAL_HEADLINES "</div><div><div>"
      "<h1>Council approves budget for new library</h1>"
      "<p>The city council approved on Tuesday a budget of two million euros for a new public "
      "library in the northern district. It will open in 2014.</p></div>"
      "<div>" PORTAL_CARD(1) PORTAL_CARD(2) PORTAL_CARD(3) PORTAL_CARD(4) PORTAL_CARD(5)
      PORTAL_CARD(6) "</div></div><div><h2>Latest</h2>" PORTAL_HEADLINES "</div></body></html>");
  assert_true(page->article_headline >= 0);
  assert_false(page->listing);
  assert_kept(page, "The city council approved on Tuesday");
  assert_false(find_block(page, "Mayor opens the new bridge over the river number 1 today")->keep);
  assert_false(find_block(page, "Forecasters expect gusts")->keep);
}

/* A short post dated under its headline, then "4 responses" over comments
 * signed with a name and a day (no time, no names in the markup): the
 * heading titles the post's discussion, which goes. */
#define SIGNED_REPLY(who, day, text) "<div><p><b>" who "</b> &middot; " day "</p><p>" text "</p></div>"

static void test_responses_under_a_dated_short_post_are_its_discussion(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Our new garden bench | Anna's garden</title></head><body><div><div>"
      "<a href=\"/\">Anna's garden</a></div><div><h1>Our new garden bench</h1>"
      "<p>Posted on March 3, 2012 by Anna</p>"
      "<p>We finally finished the garden bench we started last autumn. It is made of oak from "
      "the old barn and sits under the apple tree.</p>"
      "<p>Thanks to everyone who helped carry the planks!</p><h3>4 responses</h3>"
      SIGNED_REPLY("Piotr", "March 3, 2012", "Looks great! How long did the oak take to dry "
                   "before you could work it?")
      SIGNED_REPLY("Maria", "March 4, 2012", "Beautiful work. The curve of the backrest is "
                   "lovely, did you steam the wood?")
      SIGNED_REPLY("Tom", "March 5, 2012", "I want one too. Would you share the plans or the "
                   "measurements somewhere?")
      "</div></div></body></html>");
  assert_kept(page, "Thanks to everyone who helped");
  assert_false(find_block(page, "Looks great!")->keep);
  assert_false(find_block(page, "Beautiful work.")->keep);
  assert_false(find_block(page, "I want one too.")->keep);
}

/* A counted title over readers' comments heads them in Russian as "3
 * comments" does in English (WordPress's plural forms). */
static void test_counted_russian_comments_title_heads_the_comments(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"ru\"><head><title>Буря закрыла школы по всему региону</title></head><body>"
      "<div><h1>Буря закрыла школы по всему региону</h1>"
      "<p>Более четырёхсот школ региона были закрыты в четверг, когда буря принесла сильный "
      "снегопад и штормовой ветер, сообщило управление образования.</p>"
      "<p>Родителям посоветовали оставить детей дома как минимум до пятницы, когда инженеры "
      "проверят отопление и крыши, повреждённые ветром.</p>"
      "<h3>3 комментария</h3>"
      "<div><p><b>Tom</b></p><p>Мои дети рады выходному, а я не очень, честно говоря.</p></div>"
      "<div><p><b>Ann</b></p><p>Дороги утром были ужасны, правильное решение властей.</p></div>"
      "<div><p><b>Bill</b></p><p>Каждый год одно и то же, никто не готовится к снегу.</p></div>"
      "</div></body></html>");
  assert_kept(page, "Родителям посоветовали");
  assert_false(find_block(page, "3 комментария")->keep);
  assert_false(find_block(page, "Мои дети рады выходному")->keep);
  assert_false(find_block(page, "Каждый год одно и то же")->keep);
}

/* A headline of three words set as a plain line is the page's when the
 * title is it and the site's name and section, parted by dashes; a line
 * that is the other part, beside a heading that is the headline, is the
 * site's. */
#define HARBOUR_STORY_BODY                                                                  \
  "<div><p>Fishing boats were kept in harbour for a third day on Tuesday as gales swept "  \
  "the coast, and the port authority said the ban would stay until the wind eased.</p>"    \
  "<p>Skippers said the lost week would cost them most of the month's catch, with prices " \
  "at the market already rising as the fish counters ran short.</p></div>"

static void test_short_headline_line_is_the_titles_part(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Courier - Boats Stay Ashore - Local news</title></head>"
      "<body><div><div>Boats Stay Ashore</div>"
      "<div>Gales keep the fleet in port for a third day.</div>"
      "<div>PUBLISHED: 07/12/2011, 07:09</div>" HARBOUR_STORY_BODY "</div></body></html>");
  assert_true(page->article_headline >= 0);
  assert_string_equal(page->blocks[page->article_headline].text, "Boats Stay Ashore");
}

static void test_titles_other_part_beside_the_headline_heading_is_no_headline(void **state) {
  wn_page *page = classify(state,
      "<html><head><title>Adrift - The Weekly 52/2018</title></head><body>"
      "<div><p>The Weekly 52/2018</p><p>This week's issue looks at the fleet, the "
      "harbour works and the new ferry timetable, with letters from readers.</p>"
      "<p>Subscribers read every issue online a day before it reaches the shops, and the "
      "archive holds all the issues since the first one came out in 1998.</p></div>"
      "<div><h1>Adrift</h1>" HARBOUR_STORY_BODY "</div></body></html>");
  assert_true(page->article_headline < 0 ||
              strcmp(page->blocks[page->article_headline].text, "The Weekly 52/2018") != 0);
}

/* Past the story's close, the site's legal notice is no more of the story
 * however long it runs: the region narrows to the story's body without it. */
static void test_legal_notice_past_the_close_does_not_continue_the_story(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"en\"><head><title>Harbour ban keeps fishing fleet ashore for a third day"
      "</title></head><body><div><div><h1>Harbour ban keeps fishing fleet ashore for a third "
      "day</h1>" HARBOUR_STORY_BODY
      "<p>The coastguard said two yachts that ignored the warning had to be towed back on "
      "Monday evening, and asked sailors to stay in port.</p>"
      "<ul><li><a href=\"/a\">Ferry timetable cut back for the winter months</a></li>"
      "<li><a href=\"/b\">New lifeboat station opens on the north quay</a></li>"
      "<li><a href=\"/c\">Council votes to repair the old sea wall at last</a></li>"
      "<li><a href=\"/d\">Record crowds at the harbour festival this summer</a></li></ul></div>"
      "<div><p>Coast Courier Online is the web site of the Coast Courier newspaper group. Coast "
      "Courier, the Courier lighthouse logo, Harbour Live, Tide Tables Today and Courier Weekend "
      "are trademarks of Coast Courier Media Ltd. \xc2\xa9 Coast Courier Media 2012. All Rights "
      "Reserved. Articles, photographs and graphics on this site may not be reproduced, "
      "republished or redistributed without the prior written consent of Coast Courier Media "
      "Ltd. Weather data is supplied under licence and remains the property of its owner, and "
      "listings are provided by third parties who are responsible for their accuracy.</p></div>"
      "</div></body></html>");
  assert_kept(page, "Skippers said the lost week");
  assert_false(find_block(page, "Coast Courier Online is the web site")->keep);
}

/* A blog post's title of two words, dated and named in the page's title,
 * anchors the post as a sentence-long headline does: past its close, the
 * sidebar's boxes are no more of it, and neither is the blog's "About" box
 * above it. */
static void test_dated_named_short_post_title_closes_the_post(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"en\"><head><title>Harbour Notes: Please advise</title></head><body><div>"
      "<div><div><h2>About</h2><p>Harbour Notes collects the letters, logs and notices of a "
      "small fishing port, with scans where the owners allow them, updated most weekdays.</p>"
      "</div><div><div><h2>Wednesday, 7 November 2012</h2><div><h3><a href=\"/2012/11/"
      "please-advise.html\">Please advise</a></h3>" HARBOUR_STORY_BODY "</div>"
      "<p><a href=\"/newer\">Newer Post</a> <a href=\"/older\">Older Post</a> "
      "<a href=\"/\">Home</a></p></div></div>"
      "<div><h2>The Book</h2><p>A printed collection of the harbour's logs comes out in the "
      "spring, with the ledgers of three boats and maps drawn by the old harbour master.</p></div>"
      "</div></div></body></html>");
  assert_kept(page, "Skippers said the lost week");
  assert_false(find_block(page, "Harbour Notes collects the letters")->keep);
  assert_false(find_block(page, "A printed collection of the harbour")->keep);
}

/* A story told in the page's <main>, closed by the sidebar's first list,
 * ends with the <main>: the sidebar's prose past it is no more of it. */
static void test_story_told_in_main_ends_with_it(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"en\"><head><title>Harbour ban keeps fishing fleet ashore for a third day"
      "</title></head><body><div><div><main><h1>Harbour ban keeps fishing fleet ashore for a "
      "third day</h1>" HARBOUR_STORY_BODY "</main></div><div><h2>Must-reads</h2>"
      "<h2><a href=\"/a\">Ferry timetable cut back for the winter months</a></h2>"
      "<p>Anna Berg, Reporter, Coast Post</p>"
      "<h2><a href=\"/b\">New lifeboat station opens on the north quay</a></h2>"
      "<p>Tom Hale, Editor, Quay News</p><h2>About this column</h2>"
      "<p>Every weekday the desk picks the best of the coast's other papers and links to them, "
      "a headline and a line each, so that readers can follow the harbour beyond our pages.</p>"
      "<p>Readers may send in their own pieces as well; the desk answers each one within a "
      "fortnight and prints a few of them in the Saturday edition.</p>"
      "<p>The column is put together by two reporters at the quay office, who also keep the "
      "tide tables and the diary of events along the front.</p></div></div></body></html>");
  assert_kept(page, "Skippers said the lost week");
  assert_false(find_block(page, "The column is put together by two")->keep);
  assert_false(find_block(page, "Tom Hale, Editor, Quay News")->keep);
}

/* The harbour story's page up to its headline, in English. */
#define HARBOUR_PAGE_HEAD                                                                   \
  "<html lang=\"en\"><head><title>Harbour ban keeps fishing fleet ashore</title></head>"    \
  "<body><div><h1>Harbour ban keeps fishing fleet ashore</h1>"

/* A breadcrumb trail introduced as "You are here:" is the site's
 * navigation, not the story's first line. */
static void test_you_are_here_trail_is_navigation(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"en\"><head><title>Harbour ban keeps fishing fleet ashore</title></head>"
      "<body><div><p>You are here: <a href=\"/\">Home</a> / <a href=\"/news\">News</a> / "
      "Harbour ban keeps fishing fleet ashore</p><h1>Harbour ban keeps fishing fleet ashore</h1>"
      HARBOUR_STORY_BODY "</div></body></html>");
  assert_kept(page, "Skippers said the lost week");
  assert_false(find_block(page, "You are here:")->keep);
}

/* WordPress's titles of a post's discussion: "One Comment" over a reply,
 * and "Comments are closed." in the site's language, are the post's
 * chrome, not its text. */
static void test_wordpress_comment_titles_close_the_post(void **state) {
  wn_page *page = classify(state,
      HARBOUR_PAGE_HEAD HARBOUR_STORY_BODY
      "<h4>One Comment</h4>"
      "<p>LB says:</p><p>Agree that this is a worry for the whole coast, but the ban is the only "
      "sensible thing the port could do with gales like these.</p></div></body></html>");
  assert_kept(page, "Skippers said the lost week");
  assert_false(find_block(page, "Agree that this is a worry")->keep);
}

static void test_wordpress_comments_closed_line_is_chrome(void **state) {
  wn_page *page = classify(state,
      "<html lang=\"de\"><head><title>Fischer bleiben im Hafen</title></head><body><div>"
      "<h1>Fischer bleiben im Hafen</h1><p>Die Fischerboote blieben am Dienstag den dritten Tag "
      "im Hafen, weil Sturmb\xc3\xb6" "en \xc3\xbc" "ber die K\xc3\xbc" "ste zogen.</p><p>Die "
      "Hafenbeh\xc3\xb6rde sagte, das Verbot bleibe, bis der Wind nachlasse, und die Fischer "
      "f\xc3\xbc" "rchten um den Fang des ganzen Monats.</p><p>Kommentare sind geschlossen.</p>"
      "</div></body></html>");
  assert_kept(page, "Die Hafenbeh");
  assert_false(find_block(page, "Kommentare sind geschlossen.")->keep);
}

/* Under a story told, a form readers write in (a <textarea>) is the
 * comment form: its rules and notices go however long they run; a form to
 * write to the reporter under the lead leaves the story whole. */
static void test_comment_form_notices_past_the_story_are_dropped(void **state) {
  wn_page *page = classify(state,
      HARBOUR_PAGE_HEAD HARBOUR_STORY_BODY
      "<h2>Submit a Comment</h2><form method=\"post\"><p>Posts appear once a moderator has read "
      "them, usually within the hour; anything off the harbour's news, or written to wound "
      "another reader, is taken down without notice.</p><p>Your address is kept to reply to "
      "you and is never shown beside your post, and the Courier reads every report a reader "
      "files about a post before the day is out.</p>"
      "<textarea name=\"comment\"></textarea></form></div></body></html>");
  assert_kept(page, "Skippers said the lost week");
  assert_false(find_block(page, "Posts appear once a moderator")->keep);
  assert_false(find_block(page, "Your address is kept to reply")->keep);
}

static void test_author_form_under_a_lead_does_not_end_the_story(void **state) {
  wn_page *page = classify(state,
      HARBOUR_PAGE_HEAD "<p>Fishing boats were kept in "
      "harbour for a third day on Tuesday as gales swept the coast, and the coastguard asked "
      "every skipper to keep the crews ashore until the warning is lifted.</p>"
      "<form method=\"post\">"
      "<h4>Write to the reporter</h4><textarea name=\"message\"></textarea></form>"
      "<p>The port authority said the ban would stay until the wind eased, and skippers said "
      "the lost week would cost them most of the month's catch.</p><p>Prices at the market "
      "were already rising on Tuesday as the fish counters ran short of cod and plaice.</p>"
      "</div></body></html>");
  assert_kept(page, "The port authority said the ban");
  assert_kept(page, "Prices at the market were already rising");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_article_keeps_only_article_blocks),
      T(test_cjk_rows_and_metadata_lines),
      T(test_ai_compound_badge),
      T(test_ai_inflected_badge),
      T(test_ai_badge_after_label_word),
      T(test_flat_comments_with_linked_names),
      T(test_count_and_title_head_comments),
      T(test_foreign_reported_by_ai_byline),
      T(test_flat_comments_under_a_permalinked_post_are_dropped),
      T(test_dated_short_headline_is_not_a_listing),
      T(test_headline_with_a_comment_count_anchors_the_story),
      T(test_table_rows_naming_months_are_data),
      T(test_dated_title_cards_after_the_story_are_dropped),
      T(test_dated_label_line_is_metadata_not_prose),
      T(test_page_wide_region_narrows_to_a_closed_article),
      T(test_links_after_the_paragraphs_close_the_article),
      T(test_comments_heading_naming_the_page_is_not_the_headline),
      T(test_comments_tab_over_the_story_titles_nothing),
      T(test_short_title_inside_a_headline_names_nothing),
      T(test_site_language_heading_closes_the_story),
      T(test_site_language_short_heading_closes_the_story),
      T(test_site_language_fits_better_than_the_article),
      T(test_site_language_lexicon_heading_closes_the_story),
      T(test_site_language_heading_inside_the_story),
      T(test_site_label_over_unlinked_cards),
      T(test_site_label_over_each_flat_teaser),
      T(test_related_label_over_each_flat_teaser),
      T(test_site_label_past_an_ai_pictures_caption),
      T(test_related_label_over_linked_teasers),
      T(test_typo_report_prompt_is_chrome),
      T(test_disclaimer_closes_a_story),
      T(test_disclaimer_on_a_legal_page_is_its_text),
      T(test_related_heading_over_blurbs_each_labelled_after),
      T(test_interface_language_closes_the_story),
      T(test_interface_language_under_a_default_html_lang),
      T(test_site_language_ai_label_anywhere),
      T(test_discussion_past_the_article_element),
      T(test_discussion_beside_the_article_element),
      T(test_compound_comments_heading_opens_the_comments),
      T(test_table_of_contents_heading_is_dropped),
      T(test_featured_image_credit_is_dropped),
      T(test_post_ending_with_credit_is_kept),
      T(test_panel_past_the_footer_is_not_the_story),
      T(test_article_type_after_a_pixel_in_the_head),
      T(test_site_name_after_a_pixel_in_the_head),
      T(test_title_after_a_pixel_in_the_head),
      T(test_spanish_related_heading_takes_its_list),
      T(test_title_line_over_the_story_is_the_headline),
      T(test_linked_comment_count_does_not_end_the_story),
      T(test_toolbar_repeated_under_the_story_closes_it),
      T(test_brief_under_the_pages_title_on_a_portal),
      T(test_counted_russian_comments_title_heads_the_comments),
      T(test_short_headline_line_is_the_titles_part),
      T(test_titles_other_part_beside_the_headline_heading_is_no_headline),
      T(test_legal_notice_past_the_close_does_not_continue_the_story),
      T(test_dated_named_short_post_title_closes_the_post),
      T(test_story_told_in_main_ends_with_it),
      T(test_you_are_here_trail_is_navigation),
      T(test_wordpress_comment_titles_close_the_post),
      T(test_wordpress_comments_closed_line_is_chrome),
      T(test_comment_form_notices_past_the_story_are_dropped),
      T(test_author_form_under_a_lead_does_not_end_the_story),
      T(test_responses_under_a_dated_short_post_are_its_discussion),
      T(test_article_link_dense_block_inside_region),
      T(test_article_heading_without_content_is_dropped),
      T(test_bold_paragraph_headline_is_not_repeated),
      T(test_title_line_over_a_cell_is_not_repeated),
      T(test_headline_set_twice_is_printed_once),
      T(test_article_h1_is_title_and_not_repeated),
      T(test_og_title_used_when_no_h1),
      T(test_html_title_loses_site_name),
      T(test_site_name_decides_which_side_goes),
      T(test_site_name_first_in_title),
      T(test_site_name_containing_a_separator),
      T(test_h1_beats_og_title),
      T(test_logo_h1_in_site_header_is_not_the_title),
      T(test_no_title_anywhere_is_empty),
      T(test_nav_tag_holding_much_text_stays_navigation),
      T(test_login_form_keeps_nothing),
      T(test_closing_pitch_is_dropped),
      T(test_few_words_keep_nothing),
      T(test_empty_page),
      T(test_forum_posts_named_comment_are_kept),
      T(test_comment_section_after_article_is_dropped),
      T(test_unnamed_comment_thread_after_article_is_dropped),
      T(test_posts_under_linked_names_are_a_thread),
      T(test_heading_quoting_the_title_is_no_headline),
      T(test_posts_under_linked_stamps_are_a_thread),
      T(test_posts_under_permalink_stamps_are_a_thread),
      T(test_sidebar_beside_the_start_is_passed_over),
      T(test_dated_headlines_are_not_a_thread),
      T(test_posts_under_heading_stamps_are_a_thread),
      T(test_date_headings_over_titled_posts_are_not_a_thread),
      T(test_long_comment_among_named_comments_stays_one),
      T(test_short_h1_leaves_the_headline_to_a_lesser_heading),
      T(test_address_names_the_headline),
      T(test_list_address_is_no_slug),
      T(test_sidebar_heading_leaves_the_headline_to_the_permalink),
      T(test_site_name_part_leaves_the_headline_to_the_permalink),
      T(test_site_name_again_is_no_headline),
      T(test_short_dated_post_is_kept),
      T(test_error_page_prints_nothing),
      T(test_linked_sentence_of_the_article_is_kept),
      T(test_titled_comments_under_a_short_post_are_no_content),
      T(test_titled_comments_under_an_undated_post_named_by_the_title),
      T(test_counted_comments_under_an_undated_photo_post),
      T(test_comments_past_the_sidebars_are_not_the_story),
      T(test_heading_counting_on_the_quoted_headline_titles_comments),
      T(test_heading_counting_on_the_headline_unquoted_titles_comments),
      T(test_counted_comments_line_in_greek_closes_the_story),
      T(test_titled_short_posts_over_their_stamps_are_a_thread),
      T(test_tags_one_per_item_under_the_headline_keep_the_story),
      T(test_finnish_related_articles_title_drops_its_teasers),
      T(test_ai_byline_at_the_storys_end_in_finnish),
      T(test_linked_picture_credits_do_not_close_the_article),
      T(test_comments_label_line_ends_the_story),
      T(test_comments_title_is_no_headline),
      T(test_linked_title_lines_with_blurbs_after_a_short_story),
      T(test_unlinked_cards_after_a_two_paragraph_brief),
      T(test_headline_in_a_table_cell_anchors_the_article),
      T(test_headed_teasers_past_the_last_paragraph_are_dropped),
      T(test_small_form_beside_the_text_is_dropped),
      T(test_replies_inside_a_form_are_kept),
      T(test_page_inside_one_form_keeps_its_article),
      T(test_broken_headline_line_names_the_page),
      T(test_listing_is_detected),
      T(test_listing_keeps_the_cards),
      T(test_article_is_not_a_listing),
      T(test_page_without_h1_keeps_lists_and_headings),
      T(test_list_inside_article_with_h1_is_kept),
      T(test_linked_headline_with_blurb_is_a_teaser),
      T(test_self_anchored_heading_is_not_a_teaser),
      T(test_page_of_teasers_keeps_them),
      T(test_text_teasers_linked_twice_after_the_article_are_dropped),
      T(test_one_block_text_teasers_after_the_article_are_dropped),
      T(test_blurbs_of_picture_cards_beside_the_article_are_dropped),
      T(test_long_blurb_of_a_picture_card_beside_the_article_is_dropped),
      T(test_post_title_under_the_blogs_name_is_the_headline),
      T(test_post_title_beside_a_linked_site_name_is_the_headline),
      T(test_short_post_closed_by_its_comments_is_not_a_listing),
      T(test_signed_picture_cards_after_an_undated_story_are_teasers),
      T(test_cards_close_a_story_under_a_short_headline),
      T(test_blurbs_in_another_script_are_no_paragraphs_of_the_story),
      T(test_blurbs_in_latin_script_under_a_cyrillic_story_go),
      T(test_teaser_cards_above_a_story_are_no_lead),
      T(test_cards_of_a_title_and_a_byline_are_teasers),
      T(test_cards_of_a_short_title_and_a_byline_are_teasers),
      T(test_signed_cards_under_a_short_story_are_teasers),
      T(test_unsigned_card_in_a_signed_row_is_a_teaser),
      T(test_long_card_title_over_its_date_line),
      T(test_short_post_under_a_longer_sidebar_blurb),
      T(test_chinese_author_line_after_a_colon),
      T(test_foreign_author_line_is_chrome),
      T(test_own_author_line_over_foreign_names_stays),
      T(test_stated_article_body_is_the_region),
      T(test_two_stated_article_bodies_leave_the_region),
      T(test_short_russian_headline_closes_its_article),
      T(test_table_cards_of_title_and_blurb_in_one_block_are_dropped),
      T(test_menu_after_one_long_paragraph_closes_the_article),
      T(test_related_topics_column_does_not_take_the_story_beside_it),
      T(test_row_of_bracketed_items_is_a_toolbar),
      T(test_line_repeating_a_pictures_alt_text_is_its_caption),
      T(test_headed_prose_outside_a_dated_storys_box_is_another_text),
      T(test_headed_prose_in_the_storys_article_element_is_the_story),
      T(test_text_teasers_with_a_read_more_line_are_dropped),
      T(test_questions_linked_within_the_page_are_not_text_teasers),
      T(test_listing_of_text_teasers_keeps_them),
      T(test_bio_box_after_article_is_dropped),
      T(test_dated_line_in_comments_box_does_not_end_the_article),
      T(test_blog_tagline_above_the_post_title_is_dropped),
      T(test_post_stamp_is_not_a_paragraph_of_the_article),
      T(test_signed_comments_outweighing_the_post_are_dropped),
      T(test_caption_names_and_figures),
      T(test_consent_line_cut_from_line_broken_block),
      T(test_consent_buttons_make_a_banner),
      T(test_tab_panels_are_one_text),
      T(test_other_buttons_make_no_banner),
      T(test_bare_consent_labels_count_on_buttons_only),
      T(test_bare_consent_label_is_no_chrome_line),
      T(test_consent_links_in_one_line_make_a_banner),
      T(test_long_cjk_banner_sentence_is_looked_up),
      T(test_cut_line_leaves_no_blank_lines),
      T(test_address_is_the_pages_footer),
      T(test_tagline_under_the_sites_name_is_dropped),
      T(test_decided_by_names_the_deciding_pass),
      T(test_decided_by_teasers),
      T(test_decided_by_too_little),
      T(test_decided_by_on_a_fixture),
      T(test_explain_names_the_pass_of_every_block),
      T(test_decide_keeps_the_first_pass_of_a_verdict),
      T(test_pass_names),
      T(test_reason_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
