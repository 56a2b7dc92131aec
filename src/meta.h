/*
 * Stage metadata: what the page states about itself, author and publication
 * date, from <meta> tags (author, article:author, article:published_time, date,
 * DC.date...) and JSON-LD (schema.org Article/NewsArticle/BlogPosting:
 * author.name, datePublished), through jansson.
 */
#ifndef WN_META_H
#define WN_META_H

#include <gumbo.h>
#include <stdbool.h>

/* Newly allocated strings, or NULL where the page states nothing. */
typedef struct wn_meta {
  char *author;
  char *date;
  /* JSON-LD describes the page as an article or post (Article, NewsArticle,
   * BlogPosting, Report...) or as a product (Product). */
  bool describes_article;
  bool describes_product;
  /* JSON-LD or microdata types the page a forum thread (DiscussionForumPosting). */
  bool describes_forum_thread;
} wn_meta;

void wn_meta_read(const GumboOutput *tree, wn_meta *out);

#endif
