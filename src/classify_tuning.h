/*
 * Every number the classifier decides by, in one place. Each says what it
 * measures and what moving it trades: raising or lowering a threshold keeps
 * more of one kind of text at the cost of letting through more of another.
 * Lengths are in block_length() units (a code point; a CJK character counts
 * CJK_CHAR_WEIGHT) unless they say words, blocks or bytes.
 */
#ifndef WN_CLASSIFY_TUNING_H
#define WN_CLASSIFY_TUNING_H

#include <stddef.h>

/* ---- measures ------------------------------------------------------------ */

/* A Han, Kana or Hangul character carries about as much as a short word.
 * Higher: CJK pages outweigh Latin chrome beside them sooner; lower: CJK
 * prose reads as labels. */
static const double CJK_CHAR_WEIGHT = 3.0;
/* Above this share of link text a block reads as navigation. Lower: fewer
 * menus kept, more citing prose lost; higher: the reverse. */
static const double LINK_DENSE = 0.5;
/* Text without sentence punctuation, shorter than this, is label-like, and
 * counts LABEL_WEIGHT of its length towards a region. Longer LABEL_LENGTH:
 * more short prose undervalued; shorter: menus of long labels count as text. */
static const double LABEL_LENGTH = 80.0;
static const double LABEL_WEIGHT = 0.3;
/* A block this long whose characters are mostly in identifier-like tokens is
 * machine text. Lower share or length: more tracking strings dropped, and
 * more code-heavy prose (version lists, hashes in a changelog) with them. */
static const size_t MACHINE_TEXT_MIN_CHARS = 32;
static const double MACHINE_TEXT_SHARE = 0.6;
/* Prose this long is kept under a boilerplate, sidebar or footer name, and
 * counts as a long block of its element. Lower: more bios and promotions
 * kept; higher: articles in misnamed wrappers lose their paragraphs. */
static const double LONG_PROSE = 200.0;
/* ... provided at most this share of it is link text. Higher: link-heavy
 * boxes ("more from the author") kept under those names; lower: long
 * paragraphs that cite sources dropped with them. */
static const double LONG_PROSE_LINK_LIMIT = 0.2;

/* ---- structural cues ----------------------------------------------------- */

/* A boilerplate name on an element holding this share of the page's prose
 * is a layout wrapper ("page-with-sidebar"), not boilerplate. Lower: more
 * real sidebars cleared of their name; higher: more pages sunk by one class. */
static const double WRAPPER_SHARE = 0.4;
/* ...unless it is one of this many siblings named for comments: a comment
 * in a list of them, however long, when the post above is short. */
static const size_t COMMENT_SIBLINGS = 2;
/* A footer or dialog box of at most this many blocks is a notice, not a
 * wrapper of the page's content. Higher: bigger footers kept as chrome
 * even when they hold most prose; lower: one-paragraph notices survive. */
static const size_t NOTICE_MAX_BLOCKS = 3;
/* A dialog by its name starts after this much of the article's prose
 * (characters of paragraphs after the h1): it is no wrapper of it. */
static const double DIALOG_AFTER_PROSE = 500.0;
/* A boilerplate name on an element with more than this share of the page's
 * text, links included, is a misnomer. Lower: more related-link boxes read
 * as the page's listing; higher: misnamed listings lost. */
static const double NAMED_LISTING_SHARE = 0.5;
/* This many boxes under one boilerplate name each, holding this share of
 * their container's text, are a grid of cards whatever the name says.
 * Lower: more related-article strips kept as grids; higher: product grids
 * with utility class names dropped. */
static const size_t MISNAMED_CARDS_MIN = 8;
static const double MISNAMED_CARDS_SHARE = 0.8;

/* ---- lexicon marks ------------------------------------------------------- */

/* Lexicon phrases are short; longer blocks are prose that may quote one.
 * Higher: more long labels caught, and more sentences that mention one. */
static const size_t LEXICON_MAX_WORDS = 20;
/* Consent banners run long: blocks up to this long are searched for consent
 * wording. Higher: longer banner texts found, more privacy-policy prose
 * marked as consent. */
static const size_t CONSENT_MAX_WORDS = 120;
/* A disclosure or pitch formula is looked for in blocks up to this long.
 * Higher: more disclosures caught, more articles that quote one lost. */
static const size_t FORMULA_MAX_WORDS = 45;
/* A container is a consent banner when consent wording is this share of it.
 * Lower: banners with long purpose texts found; articles about cookies at
 * risk. */
static const double CONSENT_SHARE = 0.5;
/* ... and shaped like a banner: a dialog, a consent manager's box, or this
 * many consent phrases. Fewer: single consent sentences take their box. */
static const size_t CONSENT_SHAPED_HITS = 2;
/* A preference centre: this many consent phrases, at this share, between
 * long purpose texts. Fewer hits or a lower share: more preference centres
 * found, more privacy pages taken for one. */
static const size_t CONSENT_MANY_HITS = 4;
static const double CONSENT_MANY_SHARE = 0.25;
/* A line of <br>-separated text this short that holds consent wording is a
 * notice. Higher: longer notice lines cut, and sentences that mention
 * cookies with them. */
static const size_t CONSENT_LINE_WORDS = 15;
/* An AI label appended to text counts in a caption or a line this short.
 * Higher: more labelled lines dropped, more sentences about AI images too. */
static const size_t AI_LABEL_LINE_WORDS = 8;
/* A caption ends with a credit of at most CREDIT_TAIL_WORDS words ("Foto:
 * Jane Doe") in a block of at most CREDIT_MAX_WORDS. Higher: longer credits
 * found, and sentences that end "photo: ..." taken for credits. */
static const size_t CREDIT_MAX_WORDS = 40;
static const int CREDIT_TAIL_WORDS = 6; /* wn_lexicon_ends_with_credit takes an int */
/* A block that ends this many sentences before its credit is prose with a
 * credit at its end, not a caption. Higher: more such paragraphs dropped. */
static const int CREDIT_POST_SENTENCES = 2;
/* A link this short beside a section heading belongs to its title bar
 * ("See all"). Higher: longer bar links skipped when finding the section. */
static const size_t TITLE_BAR_LINK_WORDS = 3;
/* ...and holds at most this many of them ("See all", a count, a tracking
 * string): more short links under a heading are its section's own. */
static const size_t TITLE_BAR_MAX_ITEMS = 2;
/* A bracketed toolbar item ("【打印】", "[编辑：杨洁]") is at most this many
 * characters long. */
static const size_t BRACKETED_ITEM_CHARS = 12;
/* A line repeating a picture's alt text is its caption when at most this
 * many words long and at most this many levels below the box the two share. */
static const size_t ALT_CAPTION_MAX_WORDS = 40;
static const int ALT_CAPTION_LEVELS = 3;
static const size_t ALT_CAPTION_BOX_BLOCKS = 2;
/* ...beside a paragraph of prose this long (weighted). */
static const double ALT_CAPTION_PROSE_BESIDE = 80.0;
/* A section heading and its first block share an ancestor this many levels
 * up (single-child wrappers not counted), and at most this many ancestors in
 * all. Higher: headings in wider widgets take the text after them along. */
static const int SECTION_MAX_CLIMB = 4;
static const int SECTION_MAX_WRAPPERS = 12;
/* Prose this long ends the section of a label that is not a heading.
 * Higher: more teasers after "Read also" go, and more of the article. */
static const double LABEL_SECTION_PROSE = 150.0;
/* A chrome section that would take more than this share of the page's prose
 * is the content itself ("Latest news" on a news index). Higher: more long
 * related sections dropped; lower: more kept. */
static const double SECTION_MAX_SHARE = 0.5;
/* Text outside the comments that makes a page an article with comments
 * rather than a thread whose posts are all called comments. Higher: short
 * articles keep their comments; lower: threads lose their posts. */
static const double ARTICLE_BEFORE_COMMENTS = 1000.0;
/* The same amount of prose before a "related" section makes its teasers
 * the close of an article, however long their linked blurbs. */
static const double ARTICLE_BEFORE_TEASERS = 1000.0;
/* A label's section (a title that is no heading) is read this many blocks
 * far at most. */
static const size_t LABEL_SECTION_MAX_BLOCKS = 500;

/* A post's stamp (who wrote it, the date and the time) is a line of at most
 * this many words; this many stamps of one template, each over a post of
 * its own, make a thread of comments. Longer stamps or fewer posts: more
 * threads found, and more dated lists (events, results) taken for one. The
 * template is the tags of the stamp's element and this many above it. */
static const size_t STAMP_MAX_WORDS = 10;
static const size_t STAMP_MIN_POSTS = 3;
/* Under a "Comments" label at most this many blocks above the first stamp,
 * this many posts are a thread: the label says what they are. */
static const size_t STAMP_TITLED_MIN_POSTS = 2;
static const size_t STAMP_TITLE_DISTANCE = 3;
/* A comments title at most this many blocks into the region titles it. */
static const size_t COMMENTS_TITLE_REACH = 3;
/* A heading this long or longer that the page's title holds names it. */
static const size_t TITLED_MIN_BYTES = 8;
static const int STAMP_TEMPLATE_DEPTH = 4;
/* What a thread may hold before its first stamp (a count, a form's note),
 * or after its last when each stamp signs the post above it. More: an
 * article or a question in the same box as its replies taken for a post. */
static const double STAMP_MAX_LEAD = 150.0;
/* A post's title and its text: at most this many blocks. */
static const size_t TITLED_POST_BLOCKS = 3;
/* A linked heading, or a line of this many words in one link, between
 * stamps is a story's headline: stamps over headlines date a list of
 * stories, not posts. Fewer words: posts with a linked signature read as
 * teasers. */
static const size_t STAMP_GAP_HEADLINE_WORDS = 5;
/* A writer's name in a post's linked heading: a handle or a first and last name. */
static const size_t STAMP_NAME_WORDS = 2;
/* A stamp whose name and time are links of their own has two links or more. */
static const size_t STAMP_LINKED_PARTS = 2;
/* A date and a time of day alone: "September 27th, 2012 at 11:01 pm" (its
 * hours and minutes count as two words). */
static const size_t STAMP_TIME_ONLY_WORDS = 7;

/* ---- region choice ------------------------------------------------------- */

/* Chrome counts against the region that holds it at this rate per char.
 * Higher: regions shrink away from menus, and from content beside them. */
static const double CHROME_PENALTY = 0.5;
/* Comment threads under an article count, but less than the article.
 * Higher: the region drifts into the comments more often. */
static const double COMMENT_WEIGHT = 0.3;
/* Containers the page marks as its content are preferred by this factor.
 * Higher: markup trusted over text; lower: the reverse. */
static const double CONTENT_CONTAINER_BONUS = 1.1;
/* A page is read as a listing when its best prose region holds less than
 * this share of the text that sits in link-dense, non-chrome blocks.
 * Higher: more pages read as listings (links kept as content). */
static const double LISTING_PROSE_SHARE = 0.5;
/* Links of fewer words on average (a Han, Kana or Hangul character counting
 * a third of one) are menu entries, not the headlines of a listing. Higher:
 * fewer pages of short links read as listings. */
static const size_t LISTING_HEADLINE_WORDS = 3;
/* A block of this many links is a run of entries, each link to be that
 * long; fewer are a card's links, the block's words counted together.
 * Lower: cards with a category and an author link read as menus. */
static const size_t LISTING_MENU_LINKS = 5;
/* Under a story's headline, a paragraph of prose worth this much (its
 * length net of links) keeps the page from being read as a listing however
 * many headline links surround it. Lower: more listings with long blurbs
 * read as one story; higher: more short articles among headline lists read
 * as listings, their menus and teasers kept. */
static const double LISTING_STORY_PARAGRAPH = 300.0;
/* ... or this much under a headline of at least this many words, where the
 * article anchor holds. Fewer words or a lower value: more category pages
 * with an intro (a recipe index, a service page) read as one story. */
static const double LISTING_ANCHORED_PARAGRAPH = 200.0;
static const size_t LISTING_STORY_HEADLINE_WORDS = 3;
/* Descend to a descendant that keeps this share of the region's prose.
 * Lower: tighter regions, stray text around the content left out and
 * sometimes the content's edges too. */
static const double TIGHTEN_KEEP = 0.9;
/* An ancestor with WIDEN_MIN_GAIN times the region's prose, at no less than
 * WIDEN_MIN_NET of its net score, is the region instead; or with the second
 * gain, at no less than WIDEN_MIN_JUDGED of the net of what would be kept.
 * Lower gains or shares: landing pages keep all their sections, articles
 * take more of the page around them. */
static const double WIDEN_MIN_GAIN = 1.5;
static const double WIDEN_MIN_NET = 0.3;
static const double WIDEN_MIN_JUDGED_GAIN = 2.0;
static const double WIDEN_MIN_JUDGED = 0.5;
/* On a forum thread, the second gain is this: replies beside heavy author
 * panels widen the region sooner. */
static const double WIDEN_THREAD_MIN_GAIN = 1.4;

/* ---- judging blocks ------------------------------------------------------ */

/* A block this long, with this much punctuation, is writing that cites:
 * link-dense only above the higher limit. Lower length or punctuation:
 * more reference lists kept, more menus run into one block too. */
static const size_t LONG_CITING_CHARS = 100;
static const double LONG_CITING_LINK_LIMIT = 0.8;
static const size_t LONG_CITING_PUNCTUATION = 3;
/* A sentence of the article's own (between its headline and its close) of
 * at least this many words may link up to this share of its text: "Well,
 * I'm happy to say that <the most requested feature> is here." */
static const double LINKED_SENTENCE_WORDS = 8.0;
static const double LINKED_SENTENCE_LINK_LIMIT = 0.8;
/* A colon among a block's first this many words makes it a label's line. */
static const size_t LABEL_MAX_WORDS = 4;
/* A row or item above this share of link text is links whatever its table
 * or list holds. Lower: more linked ingredients and specs dropped. */
static const double ROW_ALL_LINKS = 0.9;
/* How far above a table row its <table> may sit (tr, tbody, table). */
static const int TABLE_ROW_DEPTH = 3;
/* A product page's own text, however short, is what its reviews discuss.
 * Higher: reviews read as the content on more product pages. */
static const double PRODUCT_BEFORE_REVIEWS = 200.0;
/* Below this share of the region's prose, and with at most this many long
 * paragraphs, a misnamed box is not the article. Higher: more misnamed parts
 * of articles dropped; lower: more bios and promotions kept. */
static const double CHROME_BOX_SHARE = 0.25;
static const size_t CHROME_BOX_PARAGRAPHS = 2;
/* A block of this weighted length says something (a reply of a sentence or
 * two); a form holding more than FORM_MAX_SAID of them is a thread of posts
 * (a forum's moderation form around its replies), not a poll or a comment
 * form, whose labels and questions are short. */
static const double SAID_BLOCK = 80.0;
static const size_t FORM_MAX_SAID = 2;
/* A line of at most this many words in a box of at most this many blocks
 * beside a form labels the form. */
static const size_t FORM_LABEL_MAX_WORDS = 6;
static const size_t FORM_LABEL_BOX_BLOCKS = 2;
/* A heading run together from a count and a section's title has at most
 * this many words. */
static const size_t TWO_TITLES_MAX_WORDS = 8;
/* A comments title and its count ("Σχόλια (2)", "Komentarze: 12"): the
 * title of a few words and the number. */
static const size_t COUNTED_TITLE_MAX_WORDS = 4;
/* More elements named caption than this are not captions (a type style or a
 * card grid). Higher: more text in caption-styled grids dropped. */
static const size_t CAPTION_NAMES_MAX = 8;
/* A picture box whose only text is a caption may also hold a label or a
 * credit of this length beside it ("AI-generated image", "Photo: AFP").
 * Higher: boxes of a picture and two lines of text read as captioned too. */
static const double CAPTION_LABEL_ALLOWANCE = 24.0;

/* A figure among this many sibling figures is a card of a grid (products,
 * people, episodes): its short text is the card's content. Lower: captions
 * of stories with a few pictures kept as text. */
static const size_t CARD_GRID_FIGURES = 4;
/* How far above a block its card's figure may be. */
static const int CARD_TEXT_DEPTH = 8;

/* ---- repairs after judging ----------------------------------------------- */

/* Captions are a gallery's text when they hold this much, this many times
 * what the region keeps besides them, at most this many per heading.
 * Lower thresholds: slideshows kept, and photo captions of short stories. */
static const double GALLERY_MIN_CAPTION_TEXT = 500.0;
static const double GALLERY_CAPTION_RATIO = 2.0;
static const size_t GALLERY_CAPTIONS_PER_HEADING = 4;
/* Blocks between the headline and the body that may belong to it. Higher:
 * more bylines and standfirsts kept, and more of what sits above them. */
static const size_t HEADLINE_CONTEXT_BLOCKS = 8;
/* ... and between the headline that names the page and the body (a share
 * bar and a lead picture's credit may sit there too). */
static const size_t ANCHORED_CONTEXT_BLOCKS = 16;
/* A heading of fewer words names a site or a section; one of this many
 * under it, a post (see past_site_header). */
static const size_t POST_TITLE_WORDS = 5;
/* A sentence that announces a list has at least this many words. Lower:
 * labels ("See also:") taken for sentences, their link lists kept. */
static const size_t ANNOUNCING_MIN_WORDS = 5;
/* A price is a line of at most this many words; a grid of products has at
 * least this many cards with at most this many prices each, and they hold
 * this share of the grid's prices. Looser: more shop grids kept, and more
 * price-tagged sidebars with them. */
static const size_t PRICE_LINE_MAX_WORDS = 6;
static const size_t PRICE_GRID_MIN_CARDS = 4;
static const size_t PRICE_CARD_MAX_PRICES = 3;
static const double PRICE_GRID_SHARE = 0.8;
/* Kickers and labels sit right above a headline: this many blocks at most.
 * Higher: more kickers dropped, and short lines of a standfirst. */
static const size_t KICKER_BLOCKS = 4;
/* A line under the headline of at most this many words, this share of them
 * holding a digit, is a date, a time or a count. Lower share: more titles
 * with a year in them go. */
static const size_t METADATA_MAX_WORDS = 10;
static const double METADATA_NUMERIC_SHARE = 0.4;
/* Repeats shorter than this are list bullets and labels, not repeated text.
 * Lower: short repeated lines ("Share") dropped, short refrains too. */
static const size_t DUPLICATE_MIN_CHARS = 20;
/* A pull quote is at most this long and this many kept blocks below its
 * source. Higher: more pull quotes dropped, and summaries that repeat. */
static const size_t PULL_QUOTE_MAX_BYTES = 400;
static const size_t PULL_QUOTE_DISTANCE = 12;

/* ---- final checks -------------------------------------------------------- */

/* A heading that is all link points at another page: with at most this
 * much text under it, it and its blurb are a teaser for that page, unless
 * teasers are more than TEASER_MAX_SHARE of what is kept. Looser: more
 * promoted stories dropped, and entries of round-ups with them. */
static const double TEASER_LINK_SHARE = 0.9;
static const double TEASER_MAX_BLURB = 300.0;
static const double TEASER_MAX_SHARE = 0.25;
/* Kickers above a teaser's headline that go with it, at most. */
static const size_t TEASER_KICKERS = 2;
/* A heading of this many words that ends a sentence is text, kept without
 * text under it. Lower: more headings kept alone, calls to read on too. */
static const size_t SENTENCE_HEADING_WORDS = 10;
/* A lead-in line over dropped links: at most this many words, and the links
 * at least this long (a heading's lone "Back to top" link is not a list). */
static const size_t LEAD_IN_MAX_WORDS = 12;
static const double LEAD_IN_MIN_LINKS = 40.0;
/* Below this much kept text the page has no main content. Higher: more
 * error and login pages print nothing, and more very short articles. */
static const double MIN_CONTENT = 100.0;
/* ... unless all that is kept is the headline and at most this many lines
 * under it, one of at least this many words: a short post. */
static const size_t SHORT_POST_LINES = 4;
static const size_t SHORT_POST_WORDS = 3;

/* A stated body (JSON-LD articleBody) of at least this many characters
 * replaces what was kept when that is under this share of it. */
static const size_t STATED_BODY_MIN_CHARS = 200;
static const double STATED_BODY_SHARE = 0.25;

/* A pitch closing the article (review): a kept paragraph of at most
 * PITCH_MAX_CHARS with a link, opening with a question or exclamation of
 * at most PITCH_OPENING_WORDS words, with at most PITCH_MAX_AFTER kept
 * characters after it and PITCH_ARTICLE_BEFORE before. Longer or later:
 * more pitches go, and more closing paragraphs that ask a question. */
static const double PITCH_MAX_CHARS = 500.0;
static const size_t PITCH_OPENING_WORDS = 10;
static const double PITCH_MAX_AFTER = 80.0;
static const double PITCH_ARTICLE_BEFORE = 600.0;

/* Prose (in block_length() units) the element microdata names the
 * article's body must hold to be taken as the region: less is a teaser's
 * or an empty template's. */
static const double STATED_BODY_MIN_PROSE = 200.0;

#endif
