/*
 * Stage title: the title printed first: the page's h1 (the kept one, else one outside
 * navigation and page chrome), else og:title, else <title> with the site
 * name cut off. A kept heading that repeats it is dropped.
 */
#ifndef WN_TITLE_H
#define WN_TITLE_H

#include "segment.h"

/* Set page->title (never NULL afterwards); run after the blocks are judged. */
void wn_choose_title(wn_page *page);

#endif
