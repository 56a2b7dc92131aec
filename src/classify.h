/*
 * Stages classify, language, review and title: decide which blocks are the
 * page's main content. Input: a segmented page (blocks and elements with
 * their cues). Output: the same page with every block kept or dropped, the
 * reason, and the pass that decided it; the region, the article's language
 * and the title.
 *
 * Two views are combined. Container scoring (as Readability does) finds the
 * element whose text looks most like prose; block classification (as
 * boilerpipe and jusText do) judges each block by its own features and by its
 * neighbours, so content spread over several sections, several forum posts or
 * a documentation page's body survives while navigation, sidebars and footers
 * go. Every dropped block gets a reason.
 *
 * The work is a fixed sequence of named passes over the page; the table in
 * classify.c lists them in order with what each reads and writes.
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
  WN_DROP_METADATA,       /* a line of author and date under the headline */
  WN_DROP_FORM,           /* the labels of a small form: a poll, a comment form */
  WN_DROP_PITCH,          /* a subscribe, support or follow box closing the article */
  WN_DROP_UNSTATED,       /* kept text the body the page states (articleBody) replaces */
  WN_REASON_COUNT
} wn_reason;

/* The passes, in the order they run (the table in classify.c). */
typedef enum wn_pass {
  WN_PASS_NONE = 0,           /* no pass has decided the block yet */
  /* stage classify */
  WN_PASS_MEASURE,            /* sum block text up the element tree */
  WN_PASS_LANDMARKS,          /* elements that hold an article, main or h1 */
  WN_PASS_WRAPPER_NAMES,      /* clear chrome names from layout wrappers */
  WN_PASS_CARD_NAMES,         /* clear boilerplate names from grids of cards */
  WN_PASS_LEXICON,            /* chrome lines, sections, consent, AI labels */
  WN_PASS_RELATED_SECTIONS,   /* a related heading over a run of teaser cards */
  WN_PASS_CONSENT_BANNERS,    /* containers made of consent wording */
  WN_PASS_COMMENT_THREADS,    /* runs of dated posts no name marks as comments */
  WN_PASS_ARTICLE_ANCHOR,     /* the headline and the prose under it */
  WN_PASS_REGION,             /* the element with the most net content */
  WN_PASS_WIDEN_REGION,       /* an ancestor with much more prose */
  WN_PASS_TIGHTEN_REGION,     /* the descendant that holds nearly all prose */
  WN_PASS_ANCHORED_REGION,    /* the region bounded by the article's body */
  WN_PASS_TAB_PANELS,         /* a tab panel's region widened to its tab set */
  WN_PASS_QUESTION_REGION,    /* a typed question around its answers */
  WN_PASS_STATED_BODY_REGION, /* the one element microdata names the article's body */
  WN_PASS_COMMENTS,           /* whether comments are the content */
  WN_PASS_JUDGE,              /* every block by its cues, inside the region or not */
  WN_PASS_GALLERY_CAPTIONS,   /* a slideshow's captions are its text */
  WN_PASS_HEADLINE_CONTEXT,   /* byline and standfirst between h1 and body */
  WN_PASS_ADJACENT_PROSE,     /* prose that runs on from kept text */
  WN_PASS_ANNOUNCED_LISTS,    /* a list a kept sentence announces */
  WN_PASS_PRICE_GRIDS,        /* a shop's grid of priced cards */
  WN_PASS_KICKERS,            /* labels just above the headline, dates and counts under it */
  WN_PASS_BYLINES,            /* bylines and datelines: page metadata */
  WN_PASS_AI_LABELS,          /* AI labels in any position */
  WN_PASS_DUPLICATES,         /* repeated blocks and pull quotes */
  WN_PASS_PITCHES,            /* subscribe and follow boxes closing the article */
  WN_PASS_COMMENTS_TAIL,      /* what follows a comments heading after the article */
  WN_PASS_READERS_COMMENTS,   /* readers' comments after the article, when asked for */
  /* stage language */
  WN_PASS_LANGUAGE,           /* the article's language */
  WN_PASS_FOREIGN_CHROME,     /* chrome in another language */
  /* stage review */
  WN_PASS_TEASERS,            /* linked headlines with short blurbs */
  WN_PASS_ORPHAN_HEADINGS,    /* headings whose section kept nothing, lead-ins over dropped links */
  WN_PASS_TOO_LITTLE,         /* pages with too little text keep nothing */
  WN_PASS_STATED_BODY,        /* a script-rendered page's stated articleBody */
  /* stage title */
  WN_PASS_TITLE,              /* the title, and a heading that repeats it */
  WN_PASS_COUNT
} wn_pass;

/* The pipeline stages the passes make up, in order. */
typedef enum wn_classify_stage {
  WN_STAGE_CLASSIFY = 0, /* segmented page -> blocks kept or dropped, the region */
  WN_STAGE_LANGUAGE,     /* judged page -> the article's language, foreign chrome dropped */
  WN_STAGE_REVIEW,       /* judged page -> teasers, orphan headings, near-empty pages dropped */
  WN_STAGE_TITLE         /* judged page -> its title; a heading that repeats it dropped */
} wn_classify_stage;

/* Run the passes of one stage, in table order. */
void wn_classify_stage_run(wn_page *page, wn_classify_stage stage);

/* All four stages in order: what winnow_extract does between segment and
 * render. */
void wn_classify(wn_page *page);

/* The one way a block's verdict is set: keep follows from the reason, and
 * the block records the pass that decided it. A pass that confirms the
 * verdict a block already has leaves the earlier pass recorded. */
void wn_decide(wn_block *b, wn_reason reason, wn_pass pass);

/* Stable machine-readable name, e.g. "link-dense". */
const char *wn_reason_name(int reason);

/* Stable name of a pass, e.g. "judge"; "none" for WN_PASS_NONE. */
const char *wn_pass_name(int pass);

#endif
