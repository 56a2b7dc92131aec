/*
 * Page metadata: author and publication date from JSON-LD, <meta> tags,
 * itemprop and <time> elements, and through winnow_extract().
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
#include "meta.h"
#include "winnow.h"

/* ---- fixture ------------------------------------------------------------- */

typedef struct fixture {
  GumboOutput *tree;
  wn_meta meta;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  if (f->tree) gumbo_destroy_output(&kGumboDefaultOptions, f->tree);
  wn_meta_free(&f->meta);
  free(f);
  return 0;
}

/* Parse `html` and read its metadata; both live until the teardown. */
static const wn_meta *read_meta(void **state, const char *html) {
  fixture *f = *state;
  if (f->tree) gumbo_destroy_output(&kGumboDefaultOptions, f->tree);
  wn_meta_free(&f->meta);
  f->tree = gumbo_parse(html);
  assert_non_null(f->tree);
  wn_meta_read(f->tree, &f->meta);
  return &f->meta;
}

#define LD(json) "<script type=\"application/ld+json\">" json "</script>"

static void assert_meta(const wn_meta *m, const char *author, const char *date) {
  if (author) {
    assert_non_null(m->author);
    assert_string_equal(m->author, author);
  } else {
    assert_null(m->author);
  }
  if (date) {
    assert_non_null(m->date);
    assert_string_equal(m->date, date);
  } else {
    assert_null(m->date);
  }
}

/* ---- JSON-LD ------------------------------------------------------------- */

static void test_jsonld_object(void **state) {
  const wn_meta *m = read_meta(state,
      "<html><head>" LD("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                        "\"headline\":\"Bees\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
                        "\"datePublished\":\"2024-01-15T08:00:00Z\",\"dateModified\":\"2024-02-01\"}")
      "</head><body><p>Text</p></body></html>");
  assert_meta(m, "Jane Doe", "2024-01-15T08:00:00Z");
}

static void test_jsonld_page_kinds(void **state) {
  const wn_meta *m = read_meta(state, LD("{\"@type\":\"NewsArticle\",\"headline\":\"x\"}"));
  assert_true(m->describes_article);
  assert_false(m->describes_product);
  m = read_meta(state, LD("{\"@graph\":[{\"@type\":[\"schema:Product\"]},{\"@type\":\"WebPage\"}]}"));
  assert_false(m->describes_article);
  assert_true(m->describes_product);
  /* A forum post is a thread's post, not an article with its comments. */
  m = read_meta(state, LD("{\"@type\":\"DiscussionForumPosting\",\"headline\":\"x\"}"));
  assert_false(m->describes_article);
  assert_true(m->describes_forum_thread);
  /* Microdata says so too; a Q&A page is not a forum thread. */
  m = read_meta(state, "<div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">x</div>");
  assert_true(m->describes_forum_thread);
  m = read_meta(state, LD("{\"@type\":\"QAPage\"}"));
  assert_false(m->describes_forum_thread);
}

static void test_jsonld_author_as_string(void **state) {
  const wn_meta *m = read_meta(state, LD("{\"@type\":\"BlogPosting\",\"author\":\"  Sam   Smith \","
                                         "\"datePublished\":\" 2023-05-01 \"}"));
  assert_meta(m, "Sam Smith", "2023-05-01");
}

static void test_jsonld_array_of_authors(void **state) {
  const wn_meta *m = read_meta(state,
      LD("{\"@type\":\"Article\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
         "\"Bob Stone\",{\"name\":\"\"},{\"name\":\"Ann Lee\"},{\"@type\":\"Person\",\"name\":\"Cy Ho\"}],"
         "\"datePublished\":\"2022-12-31\"}"));
  assert_meta(m, "Ann Lee, Bob Stone, Cy Ho", "2022-12-31");
}

static void test_jsonld_graph(void **state) {
  const wn_meta *m = read_meta(state,
      LD("{\"@context\":\"https://schema.org\",\"@graph\":["
         "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"Garden Weekly\"},"
         "{\"@type\":\"WebPage\",\"@id\":\"#page\",\"datePublished\":\"2020-01-01\"},"
         "{\"@type\":[\"Article\",\"NewsArticle\"],\"author\":{\"@id\":\"#person\"},"
         "\"datePublished\":\"2021-06-30T10:00:00+02:00\"},"
         "{\"@type\":\"Person\",\"@id\":\"#person\",\"name\":\"Pat Kim\"}]}"));
  /* The article beats the web page; the author is found through its @id. */
  assert_meta(m, "Pat Kim", "2021-06-30T10:00:00+02:00");
}

static void test_jsonld_top_level_array(void **state) {
  const wn_meta *m = read_meta(state,
      LD("[{\"@type\":\"BreadcrumbList\",\"itemListElement\":[]},"
         "{\"@type\":\"Report\",\"author\":{\"name\":\"Dana Ray\"},\"dateCreated\":\"2019-03-03\"}]"));
  assert_meta(m, "Dana Ray", "2019-03-03");
}

static void test_jsonld_date_published_before_created(void **state) {
  const wn_meta *m = read_meta(state, LD("{\"@type\":\"Article\",\"dateCreated\":\"2001-01-01\","
                                         "\"datePublished\":\"2002-02-02\"}"));
  assert_meta(m, NULL, "2002-02-02");
}

static void test_jsonld_web_page_alone(void **state) {
  const wn_meta *m = read_meta(state, LD("{\"@type\":\"WebPage\",\"author\":\"Web Master\","
                                         "\"datePublished\":\"2018-08-08\"}"));
  assert_meta(m, "Web Master", "2018-08-08");
}

/* Comments, people and organisations state no article's author or date. */
static void test_jsonld_other_types_ignored(void **state) {
  const wn_meta *m = read_meta(state,
      LD("[{\"@type\":\"Comment\",\"author\":\"A Commenter\",\"datePublished\":\"2017-07-07\"},"
         "{\"@type\":\"Person\",\"name\":\"Someone\"},{\"author\":\"No Type\"}]"));
  assert_meta(m, NULL, NULL);
}

static void test_jsonld_preferred_over_meta(void **state) {
  const wn_meta *m = read_meta(state,
      "<head><meta name=\"author\" content=\"Meta Author\">"
      "<meta property=\"article:published_time\" content=\"2000-01-01\">"
      LD("{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"LD Author\"},\"datePublished\":\"2024-04-04\"}")
      "</head>");
  assert_meta(m, "LD Author", "2024-04-04");
}

/* JSON-LD in the body is read too (the cleaner skips scripts, this does not). */
static void test_jsonld_in_body(void **state) {
  const wn_meta *m = read_meta(state, "<body><div><p>Story</p>"
      LD("{\"@type\":\"Article\",\"author\":\"Body Author\",\"datePublished\":\"2016-06-06\"}")
      "</div></body>");
  assert_meta(m, "Body Author", "2016-06-06");
}

/* What pages get wrong: comment wrappers, raw line breaks in strings, a semicolon. */
static void test_jsonld_common_breakage_tolerated(void **state) {
  const wn_meta *m = read_meta(state,
      "<script type=\"application/ld+json\"><!--\n{\"@type\":\"Article\",\"author\":\"Line\nBreak\","
      "\"datePublished\":\"2015-05-05\"};\n--></script>");
  assert_meta(m, "Line Break", "2015-05-05");
}

static void test_malformed_jsonld_ignored(void **state) {
  static const char *const BAD[] = {
      LD("{\"@type\":\"Article\",\"author\":\"Trunc"),
      LD("{\"@type\":\"Article\" \"author\":\"No Comma\"}"),
      LD("not json at all"),
      LD(""),
      LD("42"),
      LD("{\"@type\":\"Article\",\"author\":42,\"datePublished\":{\"x\":1}}"),
      LD("{\"@type\":\"Article\",\"author\":{\"name\":[\"x\"]},\"datePublished\":null}"),
      LD("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
  };
  for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
    char html[512];
    snprintf(html, sizeof html, "<head><meta name=\"author\" content=\"Fallback\">%s</head>", BAD[i]);
    const wn_meta *m = read_meta(state, html);
    assert_meta(m, "Fallback", NULL);
  }
}

static void test_deeply_nested_json_ignored(void **state) {
  /* Deeper than jansson's parser allows, and deeper than the object search goes. */
  static const int LEVELS[] = {50, 3000};
  for (size_t l = 0; l < sizeof LEVELS / sizeof LEVELS[0]; l++) {
    int levels = LEVELS[l];
    wn_buf html;
    wn_buf_init(&html);
    wn_buf_puts(&html, "<script type=\"application/ld+json\">");
    for (int i = 0; i < levels; i++) wn_buf_puts(&html, "{\"@graph\":");
    wn_buf_puts(&html, "{\"@type\":\"Article\",\"author\":\"Deep\"}");
    for (int i = 0; i < levels; i++) wn_buf_putc(&html, '}');
    wn_buf_puts(&html, "</script>");
    const wn_meta *m = read_meta(state, html.data);
    wn_buf_free(&html);
    assert_meta(m, NULL, NULL);
  }
}

static void test_jsonld_over_one_megabyte_ignored(void **state) {
  wn_buf html;
  wn_buf_init(&html);
  wn_buf_puts(&html, LD("{\"@type\":\"Article\",\"author\":\"Small\"}")
                     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                     "\"datePublished\":\"2014-04-04\",\"padding\":\"");
  for (int i = 0; i < (1 << 20); i++) wn_buf_putc(&html, 'x');
  wn_buf_puts(&html, "\"}</script>");
  const wn_meta *m = read_meta(state, html.data);
  wn_buf_free(&html);
  assert_meta(m, "Small", NULL);
}

/* ---- meta tags ----------------------------------------------------------- */

static void test_meta_author_and_date(void **state) {
  const wn_meta *m = read_meta(state, "<head><meta name=\"author\" content=\" Kim  Park \">"
                                      "<meta property=\"article:published_time\" "
                                      "content=\"2013-03-13T13:13:13Z\"></head>");
  assert_meta(m, "Kim Park", "2013-03-13T13:13:13Z");
}

static void test_meta_author_preference(void **state) {
  const wn_meta *m = read_meta(state,
      "<head><meta name=\"DC.creator\" content=\"DC Person\">"
      "<meta name=\"sailthru.author\" content=\"Sailthru Person\">"
      "<meta name=\"parsely-author\" content=\"Parsely Person\">"
      "<meta property=\"article:author\" content=\"Article Person\">"
      "<meta name=\"author\" content=\"Named Person\"></head>");
  assert_meta(m, "Named Person", NULL);
  m = read_meta(state, "<head><meta name=\"DC.creator\" content=\"DC Person\">"
                       "<meta name=\"sailthru.author\" content=\"Sailthru Person\">"
                       "<meta name=\"parsely-author\" content=\"Parsely Person\"></head>");
  assert_meta(m, "Parsely Person", NULL);
  m = read_meta(state, "<head><meta name=\"DC.creator\" content=\"DC Person\">"
                       "<meta name=\"sailthru.author\" content=\"Sailthru Person\"></head>");
  assert_meta(m, "Sailthru Person", NULL);
  m = read_meta(state, "<head><meta name=\"dc.creator\" content=\"dc person\"></head>");
  assert_meta(m, "dc person", NULL);
}

static void test_article_author_url_ignored(void **state) {
  const wn_meta *m = read_meta(state,
      "<head><meta property=\"article:author\" content=\"https://www.facebook.com/someone\">"
      "<meta name=\"parsely-author\" content=\"Real Name\"></head>");
  assert_meta(m, "Real Name", NULL);
  m = read_meta(state, "<head><meta property=\"article:author\" content=\"http://example.com/a\">"
                       "</head>");
  assert_meta(m, NULL, NULL);
  m = read_meta(state, "<head><meta property=\"article:author\" content=\"Not A Url\"></head>");
  assert_meta(m, "Not A Url", NULL);
}

static void test_meta_date_preference(void **state) {
  const wn_meta *m = read_meta(state,
      "<head><meta name=\"DC.date\" content=\"2005-05-05\">"
      "<meta name=\"publishdate\" content=\"2004-04-04\">"
      "<meta name=\"pubdate\" content=\"2003-03-03\">"
      "<meta name=\"date\" content=\"2002-02-02\">"
      "<meta property=\"article:published_time\" content=\"2001-01-01\"></head>");
  assert_meta(m, NULL, "2001-01-01");
  m = read_meta(state, "<head><meta name=\"DC.date\" content=\"2005-05-05\">"
                       "<meta name=\"publishdate\" content=\"2004-04-04\">"
                       "<meta name=\"pubdate\" content=\"2003-03-03\">"
                       "<meta name=\"date\" content=\"2002-02-02\"></head>");
  assert_meta(m, NULL, "2002-02-02");
  m = read_meta(state, "<head><meta name=\"dc.date\" content=\"2005-05-05\">"
                       "<meta name=\"publishdate\" content=\"2004-04-04\"></head>");
  assert_meta(m, NULL, "2004-04-04");
  m = read_meta(state, "<head><meta name=\"dc.date\" content=\"2005-05-05\"></head>");
  assert_meta(m, NULL, "2005-05-05");
}

static void test_empty_values_skipped(void **state) {
  const wn_meta *m = read_meta(state, "<head><meta name=\"author\" content=\"   \">"
                                      "<meta name=\"parsely-author\" content=\"Second\">"
                                      "<meta name=\"date\" content=\"\">"
                                      "<meta name=\"pubdate\" content=\" 1999-09-09 \"></head>");
  assert_meta(m, "Second", "1999-09-09");
}

static void test_values_capped_at_200_bytes(void **state) {
  wn_buf html;
  wn_buf_init(&html);
  wn_buf_puts(&html, "<meta name=\"author\" content=\"");
  for (int i = 0; i < 150; i++) wn_buf_puts(&html, "\xc3\xa9"); /* 300 bytes of é */
  wn_buf_puts(&html, "\"><meta name=\"date\" content=\"");
  for (int i = 0; i < 500; i++) wn_buf_putc(&html, '9');
  wn_buf_puts(&html, "\">");
  const wn_meta *m = read_meta(state, html.data);
  wn_buf_free(&html);
  assert_non_null(m->author);
  assert_int_equal(strlen(m->author), 200); /* 100 whole characters */
  assert_int_equal((unsigned char)m->author[198], 0xc3);
  /* 500 nines are no date: the date field holds dates only. */
  assert_null(m->date);
}

/* Dates as pages write them come out in ISO 8601. */
static void test_dates_normalised(void **state) {
  const wn_meta *m = read_meta(state, "<meta name=\"date\" content=\"on Friday December 19, 2025 "
                                      "@08:00PM\">");
  assert_string_equal(m->date, "2025-12-19T20:00");
  m = read_meta(state, "<meta property=\"article:published_time\" "
                       "content=\"2025-12-19T20:00:00+01:00\">");
  assert_string_equal(m->date, "2025-12-19T20:00:00+01:00");
  /* An unreadable first candidate gives way to the next one. */
  m = read_meta(state, "<meta property=\"article:published_time\" content=\"soon\">"
                       "<article><time datetime=\"19.12.2025\">x</time></article>");
  assert_string_equal(m->date, "2025-12-19");
}

static void test_author_tidied(void **state) {
  const wn_meta *m = read_meta(state, "<meta name=\"author\" content=\"Maria &amp;amp; Katerina, "
                                      "USA TODAY\">");
  assert_string_equal(m->author, "Maria & Katerina");
  m = read_meta(state, "<meta property=\"og:site_name\" content=\"The Daily Bugle\">"
                       "<meta name=\"author\" content=\"Jane Roe | The Daily Bugle\">");
  assert_string_equal(m->author, "Jane Roe");
  m = read_meta(state, "<meta name=\"author\" content=\"Jane Roe, John Doe\">");
  assert_string_equal(m->author, "Jane Roe, John Doe");
}

static void test_page_facts(void **state) {
  const wn_meta *m = read_meta(
      state, "<link rel=\"canonical\" href=\"https://example.org/a\">"
             "<meta property=\"og:url\" content=\"https://example.org/b\">"
             "<meta property=\"og:site_name\" content=\"Example\">"
             "<meta name=\"description\" content=\"Plain\">"
             "<meta property=\"og:description\" content=\"Open Graph\">"
             "<meta property=\"og:image\" content=\"https://example.org/i.jpg\">"
             "<meta property=\"article:tag\" content=\"bees\">"
             "<meta property=\"article:tag\" content=\"honey\">"
             "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>");
  assert_string_equal(m->facts[WN_FACT_CANONICAL], "https://example.org/a");
  assert_string_equal(m->facts[WN_FACT_SITE_NAME], "Example");
  assert_string_equal(m->facts[WN_FACT_DESCRIPTION], "Open Graph");
  assert_string_equal(m->facts[WN_FACT_IMAGE], "https://example.org/i.jpg");
  assert_string_equal(m->facts[WN_FACT_KEYWORDS], "bees, honey");
  assert_string_equal(m->facts[WN_FACT_PAGE_TYPE], "NewsArticle");
}

static void test_many_jsonld_authors_capped_at_whole_names(void **state) {
  wn_buf html;
  wn_buf_init(&html);
  wn_buf_puts(&html, "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":[");
  for (int i = 0; i < 100; i++) wn_buf_printf(&html, "%s\"Author Number %d\"", i ? "," : "", i);
  wn_buf_puts(&html, "]}</script>");
  const wn_meta *m = read_meta(state, html.data);
  wn_buf_free(&html);
  assert_non_null(m->author);
  size_t len = strlen(m->author);
  assert_true(len <= 200 && len > 150);
  assert_int_equal(strncmp(m->author, "Author Number 0, Author Number 1, ", 34), 0);
  /* Ends with a whole name. */
  const char *last = strrchr(m->author, ',');
  assert_non_null(last);
  assert_int_equal(strncmp(last, ", Author Number ", 16), 0);
  assert_true(m->author[len - 1] >= '0' && m->author[len - 1] <= '9');
}

/* ---- elements ------------------------------------------------------------ */

static void test_itemprop_date_published(void **state) {
  const wn_meta *m = read_meta(state, "<body><article><time itemprop=\"datePublished\" "
                                      "datetime=\"2012-12-12\">Dec 12</time></article></body>");
  assert_meta(m, NULL, "2012-12-12");
  m = read_meta(state, "<body><meta itemprop=\"datePublished\" content=\"2011-11-11\"></body>");
  assert_meta(m, NULL, "2011-11-11");
  m = read_meta(state, "<body><span itemprop=\"datePublished\" content=\"2010-10-10\">x</span>"
                       "</body>");
  assert_meta(m, NULL, "2010-10-10");
}

static void test_meta_date_before_itemprop_and_time(void **state) {
  const wn_meta *m = read_meta(state,
      "<head><meta name=\"date\" content=\"2009-09-09\"></head><body><article>"
      "<time datetime=\"2008-08-08\">then</time>"
      "<span itemprop=\"datePublished\" content=\"2007-07-07\"></span></article></body>");
  assert_meta(m, NULL, "2009-09-09");
  m = read_meta(state, "<body><article><time datetime=\"2008-08-08\">then</time>"
                       "<span itemprop=\"datePublished\" content=\"2007-07-07\"></span></article>"
                       "</body>");
  assert_meta(m, NULL, "2007-07-07");
}

static void test_time_datetime_fallback(void **state) {
  const wn_meta *m = read_meta(state,
      "<body><header><time datetime=\"1990-01-01\">site clock</time></header>"
      "<article><h1>Story</h1><p>By someone <time>no datetime</time></p>"
      "<p><time datetime=\" 2006-06-06T06:06 \">June 6</time></p>"
      "<time datetime=\"2006-07-07\">later</time></article></body>");
  assert_meta(m, NULL, "2006-06-06T06:06");
}

static void test_time_outside_article_ignored(void **state) {
  const wn_meta *m = read_meta(state, "<body><div><time datetime=\"2005-05-05\">May</time></div>"
                                      "<article><p>No date here.</p></article>"
                                      "<time datetime=\"2005-06-06\">June</time></body>");
  assert_meta(m, NULL, NULL);
}

/* WordPress writes each comment as an <article> with a <time> of its own. */
static void test_comment_dates_ignored(void **state) {
  const wn_meta *m = read_meta(state,
      "<body><article class=\"post\"><p>The post, undated.</p></article>"
      "<div id=\"comments\"><ol><li><article class=\"comment-body\">"
      "<time datetime=\"2025-01-22T20:14:00\">Jan 22</time><p>Nice.</p></article></li></ol></div>"
      "<div class=\"disqus-thread\"><article><time datetime=\"2025-01-23\">x</time></article></div>"
      "<div itemscope itemtype=\"https://schema.org/Comment\">"
      "<span itemprop=\"datePublished\" content=\"2025-01-24\"></span></div></body>");
  assert_meta(m, NULL, NULL);
  /* After the comments, an article's own date counts again. */
  m = read_meta(state, "<body><div class=\"comments\"><article><time datetime=\"2001-01-01\">"
                       "</time></article></div><article><time datetime=\"2002-02-02\"></time>"
                       "</article></body>");
  assert_meta(m, NULL, "2002-02-02");
}

static void test_no_metadata(void **state) {
  const wn_meta *m = read_meta(state, "<html><head><title>T</title>"
                                      "<meta name=\"description\" content=\"About bees\">"
                                      "<script>var author = 'x';</script></head>"
                                      "<body><article><p>Text.</p></article></body></html>");
  assert_meta(m, NULL, NULL);
  m = read_meta(state, "");
  assert_meta(m, NULL, NULL);
}

/* ---- a very deep tree ---------------------------------------------------- */

/*
 * 100,000 nested elements built by hand (Gumbo itself takes minutes on such
 * input): <article> at the top, a <time> and JSON-LD at the bottom. The walk
 * must not recurse.
 */
static void test_very_deep_tree(void **state) {
  (void)state;
  enum { DEPTH = 100000 };
  GumboNode *nodes = calloc(DEPTH + 2, sizeof *nodes);
  void **links = calloc(DEPTH + 2, sizeof *links);
  assert_non_null(nodes);
  assert_non_null(links);
  GumboAttribute datetime = {.name = "datetime", .value = "2003-03-03"};
  GumboAttribute type = {.name = "type", .value = "application/ld+json"};
  void *time_attrs[] = {&datetime};
  void *script_attrs[] = {&type};
  for (int i = 0; i < DEPTH; i++) {
    GumboNode *n = &nodes[i];
    n->type = GUMBO_NODE_ELEMENT;
    n->v.element.tag = i == 0 ? GUMBO_TAG_ARTICLE : i == DEPTH - 2 ? GUMBO_TAG_TIME
                     : i == DEPTH - 1 ? GUMBO_TAG_SCRIPT : GUMBO_TAG_DIV;
    if (i == DEPTH - 2) n->v.element.attributes = (GumboVector){time_attrs, 1, 1};
    if (i == DEPTH - 1) n->v.element.attributes = (GumboVector){script_attrs, 1, 1};
    GumboNode *child = &nodes[i + 1];
    links[i] = child;
    n->v.element.children = (GumboVector){&links[i], 1, 1};
  }
  GumboNode *text = &nodes[DEPTH];
  text->type = GUMBO_NODE_TEXT;
  text->v.text.text = "{\"@type\":\"Article\",\"author\":\"Deep Author\"}";
  GumboOutput out = {.document = &nodes[0], .root = &nodes[0]};
  wn_meta meta;
  wn_meta_read(&out, &meta);
  free(links);
  free(nodes);
  assert_non_null(meta.author);
  assert_non_null(meta.date);
  assert_string_equal(meta.author, "Deep Author");
  assert_string_equal(meta.date, "2003-03-03");
  wn_meta_free(&meta);
}

/* ---- through winnow_extract() -------------------------------------------- */

static const char ARTICLE[] =
    "<html><head><title>Bees | Garden Weekly</title>"
    "<meta name=\"author\" content=\"Meta Name\">"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"@type\":\"Person\",\"name\":\"Bo Chen\"}],"
    "\"datePublished\":\"2024-01-15\"}</script></head><body>"
    "<article><h1>Bees in Winter</h1>"
    "<p>Honey bees do not hibernate. Through the cold months the colony forms a tight "
    "cluster around the queen, and the workers shiver to keep the centre warm.</p>"
    "<p>The outer layer of bees acts as insulation. Bees rotate between the cold edge and "
    "the warm core, so no single bee stays outside for too long.</p></article></body></html>";

static void test_extract_sets_author_and_date(void **state) {
  (void)state;
  winnow_result result;
  assert_int_equal(winnow_extract(ARTICLE, strlen(ARTICLE), NULL, &result), WINNOW_OK);
  assert_non_null(result.author);
  assert_non_null(result.date);
  assert_string_equal(result.author, "Ann Lee, Bo Chen");
  assert_string_equal(result.date, "2024-01-15");
  /* The JSON-LD is not part of the text. */
  assert_null(strstr(result.text, "schema.org"));
  assert_null(strstr(result.text, "Ann Lee"));
  winnow_result_free(&result);
  assert_null(result.author);
  assert_null(result.date);
}

static void test_extract_without_metadata(void **state) {
  (void)state;
  static const char HTML[] = "<html><body><p>Just a paragraph of text.</p></body></html>";
  winnow_result result;
  assert_int_equal(winnow_extract(HTML, strlen(HTML), NULL, &result), WINNOW_OK);
  assert_null(result.author);
  assert_null(result.date);
  winnow_result_free(&result);
}

static void test_extract_markdown_and_explain_keep_metadata(void **state) {
  (void)state;
  winnow_options opts;
  winnow_options_init(&opts);
  winnow_format formats[] = {WINNOW_FORMAT_TEXT, WINNOW_FORMAT_MARKDOWN, WINNOW_FORMAT_EXPLAIN};
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
    opts.format = formats[i];
    winnow_result result;
    assert_int_equal(winnow_extract(ARTICLE, strlen(ARTICLE), &opts, &result), WINNOW_OK);
    assert_non_null(result.author);
    assert_string_equal(result.date, "2024-01-15");
    winnow_result_free(&result);
  }
}

/* On an error nothing is allocated, metadata included. */
static void test_extract_error_leaves_nothing(void **state) {
  (void)state;
  winnow_options opts;
  winnow_options_init(&opts);
  opts.encoding = "no-such-encoding";
  winnow_result result;
  assert_int_not_equal(winnow_extract(ARTICLE, strlen(ARTICLE), &opts, &result), WINNOW_OK);
  assert_null(result.author);
  assert_null(result.date);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_jsonld_object),
      T(test_jsonld_page_kinds),
      T(test_jsonld_author_as_string),
      T(test_jsonld_array_of_authors),
      T(test_jsonld_graph),
      T(test_jsonld_top_level_array),
      T(test_jsonld_date_published_before_created),
      T(test_jsonld_web_page_alone),
      T(test_jsonld_other_types_ignored),
      T(test_jsonld_preferred_over_meta),
      T(test_jsonld_in_body),
      T(test_jsonld_common_breakage_tolerated),
      T(test_malformed_jsonld_ignored),
      T(test_deeply_nested_json_ignored),
      T(test_jsonld_over_one_megabyte_ignored),
      T(test_meta_author_and_date),
      T(test_dates_normalised),
      T(test_author_tidied),
      T(test_page_facts),
      T(test_meta_author_preference),
      T(test_article_author_url_ignored),
      T(test_meta_date_preference),
      T(test_empty_values_skipped),
      T(test_values_capped_at_200_bytes),
      T(test_many_jsonld_authors_capped_at_whole_names),
      T(test_itemprop_date_published),
      T(test_meta_date_before_itemprop_and_time),
      T(test_time_datetime_fallback),
      T(test_time_outside_article_ignored),
      T(test_comment_dates_ignored),
      T(test_no_metadata),
      T(test_very_deep_tree),
      T(test_extract_sets_author_and_date),
      T(test_extract_without_metadata),
      T(test_extract_markdown_and_explain_keep_metadata),
      T(test_extract_error_leaves_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
