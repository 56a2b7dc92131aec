#include "title.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "buffer.h"
#include "classify.h"
#include "classify_passes.h"

static bool strncasecmp_ascii(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return false;
  return true;
}

static const char *const TITLE_SEPARATORS[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
                                               " \xc2\xb7 ", " :: ", " // ", " \xc2\xbb ", NULL};

static bool same_text(const char *a, const char *b) {
  while (*a && *b) {
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    a++, b++;
  }
  return *a == *b;
}

static void separator_bounds(const char *title, const char **first, const char **last,
                             size_t *first_len, size_t *last_len) {
  *first = *last = NULL;
  for (int i = 0; TITLE_SEPARATORS[i]; i++) {
    size_t len = strlen(TITLE_SEPARATORS[i]);
    for (const char *p = title; (p = strstr(p, TITLE_SEPARATORS[i])) != NULL; p += len) {
      if (!*first || p < *first) *first = p, *first_len = len;
      if (!*last || p > *last) *last = p, *last_len = len;
    }
  }
}

/*
 * "Headline | Site" -> "Headline". The side that names the site goes; without
 * og:site_name, the longer side is taken to be the headline.
 */
/* "Headline | Site - Name" with og:site_name "Site - Name": cut the site off whole. */
static char *cut_known_site_name(const char *title, const char *site_name) {
  size_t total = strlen(title), site = strlen(site_name);
  for (int i = 0; TITLE_SEPARATORS[i] && site < total; i++) {
    size_t sep = strlen(TITLE_SEPARATORS[i]);
    if (site + sep >= total) continue;
    const char *tail = title + total - site;
    if (same_text(tail, site_name) && strncmp(tail - sep, TITLE_SEPARATORS[i], sep) == 0)
      return wn_xstrndup(title, total - site - sep);
    if (strncasecmp_ascii(title, site_name, site) &&
        strncmp(title + site, TITLE_SEPARATORS[i], sep) == 0)
      return wn_xstrndup(title + site + sep, total - site - sep);
  }
  return NULL;
}

static char *strip_site_name(const char *title, const char *site_name) {
  if (site_name) {
    char *cut = cut_known_site_name(title, site_name);
    if (cut) return cut;
  }
  const char *first, *last;
  size_t first_len = 0, last_len = 0;
  separator_bounds(title, &first, &last, &first_len, &last_len);
  size_t total = strlen(title);
  if (!first) return wn_xstrndup(title, total);
  const char *tail = last + last_len;
  const char *head_end = first;
  bool tail_is_site = site_name && same_text(tail, site_name);
  bool head_is_site = site_name && (size_t)(head_end - title) == strlen(site_name) &&
                      strncasecmp_ascii(title, site_name, strlen(site_name));
  if (tail_is_site || (!head_is_site && (size_t)(last - title) >= strlen(tail)))
    return wn_xstrndup(title, (size_t)(last - title));
  const char *start = first + first_len;
  return wn_xstrndup(start, total - (size_t)(start - title));
}

static bool heading_outside_chrome(const wn_page *page, const wn_block *b) {
  return !(page->elements[b->owner].inherited &
           (WN_EL_NAV | WN_EL_FOOTER | WN_EL_ASIDE | WN_EL_DIALOG | WN_EL_HEADER));
}

static const wn_block *title_heading(const wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->heading_level == 1 && b->keep && !wn_links_home_only(page, b)) return b;
  }
  for (size_t i = 0; i < page->block_count; i++) {
    const wn_block *b = &page->blocks[i];
    if (b->heading_level == 1 && heading_outside_chrome(page, b) && !wn_links_home_only(page, b)) return b;
  }
  /* Under a logo <h1>, the article's headline is the title. */
  int headline = page->article_headline;
  if (headline >= 0 && (size_t)headline < page->block_count &&
      page->blocks[headline].kind == WN_BLOCK_HEADING && !wn_links_home_only(page, &page->blocks[headline]))
    return &page->blocks[headline];
  return NULL;
}

/* The first kept block, or NULL. */
static wn_block *first_kept(wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++)
    if (page->blocks[i].keep) return &page->blocks[i];
  return NULL;
}

/* Drops every kept heading that repeats the title (the headline may be set
 * twice, a print layout's <h1> and the story's <h3>); false when none did. */
static bool drop_title_headings(wn_page *page) {
  bool dropped = false;
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    if (b->keep && b->kind == WN_BLOCK_HEADING && same_text(b->text, page->title)) {
      wn_decide(b, WN_DROP_TITLE_REPEAT, WN_PASS_TITLE);
      dropped = true;
    }
  }
  return dropped;
}

/*
 * A first block that opens with the title on a line of its own ("<b>Title
 * </b><br><br>First paragraph...", one cell of an old page's layout) loses
 * that line: the title printed over the text says it once. Its markup
 * spans no longer fit the text and go unused.
 */
static void cut_title_line(wn_block *b, const char *title) {
  size_t title_len = strlen(title);
  if (!title_len || b->text_len <= title_len || b->text[title_len] != '\n' ||
      !strncasecmp_ascii(b->text, title, title_len))
    return;
  size_t cut = title_len;
  while (cut < b->text_len && b->text[cut] == '\n') cut++;
  memmove(b->text, b->text + cut, b->text_len - cut + 1);
  b->text_len -= cut;
}

void wn_choose_title(wn_page *page) {
  const wn_block *h1 = title_heading(page);
  if (h1) {
    page->title = wn_xstrndup(h1->text, h1->text_len);
    for (char *p = page->title; *p; p++) /* a <br> in the headline is still one line */
      if (*p == '\n') *p = ' ';
  }
  else if (page->og_title) page->title = strip_site_name(page->og_title, page->og_site_name);
  else if (page->html_title) page->title = strip_site_name(page->html_title, page->og_site_name);
  else page->title = wn_xstrndup("", 0);
  /* The title is printed over the text once: headings that repeat it go,
   * or else the text's first block when it does, whatever its markup (an
   * old page sets its headline as a bold paragraph), or the line it opens
   * with. */
  if (drop_title_headings(page)) return;
  wn_block *first = first_kept(page);
  if (!first) return;
  if (*page->title && same_text(first->text, page->title))
    wn_decide(first, WN_DROP_TITLE_REPEAT, WN_PASS_TITLE);
  else
    cut_title_line(first, page->title);
}

