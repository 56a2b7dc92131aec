/*
 * Stage language: the article's language, and interface chrome written in
 * another one (an English article on a site with a Finnish interface: the
 * Finnish labels, buttons and banners go; an English quote in a German
 * article stays).
 *
 * Language alone never drops a block: it must also look like chrome
 * (short, link-heavy, a heading, or inside navigation, a header, footer,
 * aside, dialog, form or figure), and text the page marks as another
 * language (lang attributes, blockquotes, quotations) is left alone.
 */
#ifndef WN_FOREIGN_H
#define WN_FOREIGN_H

#include "segment.h"

/* The article's language from the kept text, the caller's statement and
 * the <html lang> hint; sets page->doc_lang (-1 if there is no telling). */
void wn_identify_document_language(wn_page *page);

/* Drops kept blocks that are chrome in another language (reason foreign). */
void wn_drop_foreign_chrome(wn_page *page);

#endif
