/*
 * Stage metadata: what the page states about itself, author and publication
 * date, site name, description, lead image, keywords, page type, canonical
 * URL, from <meta> tags (author, article:author, article:published_time, date,
 * DC.date...) and JSON-LD (schema.org Article/NewsArticle/BlogPosting:
 * author.name, datePublished), through jansson.
 */
#ifndef WN_META_H
#define WN_META_H

#include <gumbo.h>
#include <stdbool.h>

/* What else a page states about itself, each from its <meta> or <link> tags. */
enum {
  WN_FACT_SITE_NAME,   /* og:site_name, application-name */
  WN_FACT_DESCRIPTION, /* og:description, description, twitter:description */
  WN_FACT_IMAGE,       /* og:image, twitter:image: the lead image */
  WN_FACT_KEYWORDS,    /* keywords, news_keywords, article:tag */
  WN_FACT_PAGE_TYPE,   /* og:type, else the JSON-LD @type it is described by */
  WN_FACT_CANONICAL,   /* <link rel=canonical>, og:url */
  WN_FACT_COUNT
};

/* Newly allocated strings, or NULL where the page states nothing. */
typedef struct wn_meta {
  /* Author names with entities decoded and without a trailing outlet name
   * ("Maria &amp; Katerina, USA TODAY" is "Maria & Katerina"). */
  char *author;
  /* ISO 8601 ("2025-12-19", "2025-12-19T20:00:00+01:00"): the first stated
   * date that reads as one; NULL if none does. */
  char *date;
  char *facts[WN_FACT_COUNT];
  /* JSON-LD describes the page as an article or post (Article, NewsArticle,
   * BlogPosting, Report...) or as a product (Product). */
  bool describes_article;
  bool describes_product;
  /* JSON-LD or microdata types the page a forum thread (DiscussionForumPosting). */
  bool describes_forum_thread;
  /* The articleBody an article-typed JSON-LD object states: the text a
   * page rendered by script holds nowhere else. Paragraphs end with '\n';
   * at most 1 MB. NULL when none is stated. */
  char *article_body;
} wn_meta;

void wn_meta_read(const GumboOutput *tree, wn_meta *out);
void wn_meta_free(wn_meta *meta);

#endif
