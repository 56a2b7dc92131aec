/*
 * Stage 5: decide which blocks are the page's main content.
 *
 * Two views are combined. Container scoring (as Readability does) finds the
 * element whose text looks most like prose; block classification (as
 * boilerpipe and jusText do) judges each block by its own features and by its
 * neighbours, so content spread over several sections, several forum posts or
 * a documentation page's body survives while navigation, sidebars and footers
 * go. Every dropped block gets a reason.
 */
#ifndef WN_CLASSIFY_H
#define WN_CLASSIFY_H

#include "segment.h"

typedef enum wn_reason {
  WN_KEEP_CONTENT = 0,
  WN_KEEP_HEADING,        /* a heading that introduces kept content */
  WN_DROP_OUTSIDE_MAIN,   /* not inside the main content region */
  WN_DROP_NAVIGATION,     /* nav, menus, breadcrumbs */
  WN_DROP_FOOTER,
  WN_DROP_HEADER,
  WN_DROP_SIDEBAR,        /* aside, complementary, sidebar names */
  WN_DROP_BOILERPLATE_NAME, /* class/id names boilerplate (share, related...) */
  WN_DROP_COMMENTS,
  WN_DROP_DIALOG,         /* dialogs, modals, popups */
  WN_DROP_LINK_DENSE,     /* mostly link text */
  WN_DROP_SHORT,          /* too short to stand alone among chrome */
  WN_DROP_TITLE_REPEAT,   /* same as the printed title */
  WN_DROP_EMPTY,          /* a heading whose section kept nothing */
  WN_DROP_LABEL,          /* a kicker or label above the headline */
  WN_DROP_CHROME_LINE,    /* a lexicon line: "Read more", "Advertisement" */
  WN_DROP_CHROME_SECTION, /* under a lexicon heading: "Related articles" */
  WN_DROP_CONSENT_MANAGER,/* inside a known consent platform's container */
  WN_DROP_CONSENT_TEXT,   /* cookie and consent wording, or a banner made of it */
  WN_DROP_AI_LABEL,       /* "AI-generated image", "Reported by AI" */
  WN_DROP_DUPLICATE,      /* the same text as a block printed earlier */
  WN_DROP_CAPTION,        /* a figure caption */
  WN_DROP_TEASER,         /* a linked headline and its blurb: another page's teaser */
  WN_DROP_FOREIGN,        /* chrome in a language other than the article's */
  WN_DROP_MACHINE_TEXT,   /* identifiers, hashes or URLs rather than words */
  WN_REASON_COUNT
} wn_reason;

void wn_classify(wn_page *page);

/* Stable machine-readable name, e.g. "link-dense". */
const char *wn_reason_name(int reason);

#endif
