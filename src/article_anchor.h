/*
 * An article's page is anchored on its headline: the heading that names the
 * page (its <title> or og:title, or the page's one <h1>) and the paragraphs
 * of prose that follow it. Whatever outweighs them elsewhere on the page (a
 * long list of headlines, a hidden policy text, teasers with blurbs, a
 * thread of comments) is not the article.
 *
 * These functions only read the page and return decisions; the classifier
 * applies them.
 */
#ifndef WN_ARTICLE_ANCHOR_H
#define WN_ARTICLE_ANCHOR_H

#include <stdbool.h>
#include <stddef.h>

#include "segment.h"

typedef struct wn_article_anchor {
  int headline;   /* block index of the headline, -1 when none */
  int body;       /* lowest element holding the prose after it, -1 when none */
  double prose;   /* weighted length of that prose */
  int paragraphs; /* paragraphs of it */
  size_t end;     /* the first block past the article */
  size_t told;    /* one past the article's last paragraph (the gap that
                     closed it, a list of teasers, begins there) */
  size_t headed_tail; /* the first heading past the last paragraph, where
                         sections without a paragraph of their own (lists of
                         headlines, boxes of links) begin; else end */
  size_t comments; /* the first block of the readers' comments past it */
  bool closed;    /* what follows is not the article: another headline, a list
                     of teasers, comments, or the end of the page */
  bool commented; /* closed by readers' comments: nothing after is the article */
  bool counted;   /* their title counts them ("57 Comments", "8 responses
                     to “Headline”"): the story's own discussion, which a
                     manual's section on comments in code is not */
  bool carded;    /* closed by a list of teasers (linked headlines, cards) */
  bool post;      /* the headline and its prose, outside any comment section,
                     make a post that readers' comments discuss, not a reply */
  bool sentence;  /* the headline reads as an article's: a sentence, not a
                     category's or a product's name */
  bool dated;     /* a short line beside the headline holds a full date: a
                     post's or a story's, which a category's name lacks */
  bool named;     /* the headline is the page's title (<title> or og:title),
                     whole or as most of it */
  int script;     /* the alphabet most of the headline's letters are in,
                     when not Latin (article_anchor.c's headline_script),
                     else 0 */
  int cards;      /* the element around the first teaser cards found past
                     the story (unlinked ones), -1 when none */
} wn_article_anchor;

/*
 * Finds the headline and the prose that follows it, up to what ends the
 * article (the next headline, a list of linked headlines, a comments or
 * related section). Returns true when the page reads as an article: a
 * headline with enough prose of its own under it. Needs the lexicon hits
 * and the element flags the classifier has settled.
 */
bool wn_find_article_anchor(const wn_page *page, wn_article_anchor *anchor);

/*
 * The region to use on an article's page given the region the scores chose:
 * the anchor's body when the chosen region lies wholly past the article's
 * close (or before its headline), or holds the body together with text past
 * that close; otherwise the chosen region.
 */
int wn_anchored_region(const wn_page *page, const wn_article_anchor *anchor, int region);

#endif
