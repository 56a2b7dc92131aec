#include "segment.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <threads.h>

#include "buffer.h"
#include "clean.h"
#include "cmp.h"
#include "lexicon.h"
#include "name_cues.h"
#include "normalize.h"

/*
 * Class and id names are one cue among several: many sites use meaningless
 * generated names, and the classifier never drops long prose for a name alone.
 * The names and what each says are data (data/name-cues.tsv, name_cues.h).
 */

/* The level ARIA gives a role="heading" without aria-level. */
static const int ARIA_DEFAULT_HEADING_LEVEL = 2;

/* An image with at most this many sibling elements makes its div a figure. */
static const int FIGURE_MAX_CHILDREN = 3;

/* What an element's role="..." says about it. */
typedef struct role_cue {
  const char *role;
  uint32_t flag;
} role_cue;

static const role_cue ROLE_CUES[] = {
    {"navigation", WN_EL_NAV}, {"menu", WN_EL_NAV}, {"menubar", WN_EL_NAV},
    {"contentinfo", WN_EL_FOOTER}, {"banner", WN_EL_HEADER},
    {"complementary", WN_EL_ASIDE}, {"main", WN_EL_MAIN},
    {"article", WN_EL_ARTICLE}, {"dialog", WN_EL_DIALOG},
    {"alertdialog", WN_EL_DIALOG}, {"search", WN_EL_NAV}, {"tabpanel", WN_EL_TAB_PANEL},
};

/* ---- element cues ---------------------------------------------------- */

static const char *attr(const GumboNode *element, const char *name) {
  const GumboAttribute *a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a ? a->value : NULL;
}

static uint32_t tag_flags(GumboTag tag) {
  switch (tag) {
  case GUMBO_TAG_NAV: case GUMBO_TAG_MENU: return WN_EL_NAV;
  /* Contact details of the page's owner or author, where old pages also
   * put "last modified" and the webmaster's address: a footer's business. */
  case GUMBO_TAG_FOOTER: case GUMBO_TAG_ADDRESS: return WN_EL_FOOTER;
  case GUMBO_TAG_HEADER: return WN_EL_HEADER;
  case GUMBO_TAG_ASIDE: return WN_EL_ASIDE;
  case GUMBO_TAG_ARTICLE: return WN_EL_ARTICLE;
  case GUMBO_TAG_MAIN: return WN_EL_MAIN;
  case GUMBO_TAG_FORM: return WN_EL_FORM;
  case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: return WN_EL_FIGURE;
  case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: return WN_EL_LIST;
  case GUMBO_TAG_TABLE: return WN_EL_TABLE;
  case GUMBO_TAG_BLOCKQUOTE: return WN_EL_BLOCKQUOTE;
  case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
  case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: return WN_EL_HEADING;
  default: return 0;
  }
}

/*
 * Lowercase class and id into one string of tokens separated by spaces, with
 * camelCase split ("postShareBar" -> "post-share-bar") so that patterns match
 * one spelling.
 */
static size_t normalise_names(const GumboNode *element, char *out, size_t cap) {
  const char *sources[2] = {attr(element, "class"), attr(element, "id")};
  /* Each step writes at most two characters; the end needs a space and
   * the NUL: long names are cut, and the output always fits. */
  size_t n = 0, limit = cap - 4;
  out[n++] = ' ';
  for (int s = 0; s < 2; s++) {
    const char *p = sources[s];
    if (!p) continue;
    for (; *p && n < limit; p++) {
      unsigned char c = (unsigned char)*p;
      if (isupper(c) && p > sources[s] && islower((unsigned char)p[-1])) out[n++] = '-';
      if (isspace(c)) out[n++] = ' ';
      else out[n++] = (char)tolower(c);
    }
    if (n < cap - 2) out[n++] = ' ';
  }
  out[n] = '\0';
  return n;
}

/*
 * A blog engine names a post's box after its categories and tags
 * (WordPress's post_class(): "hentry category-social-media tag-share";
 * Typepad's "entry-type-post entry-category-brand"): words the writer
 * chose for the post, which say nothing of what the box is. On a box that
 * such an engine names as a post, those names are blanked.
 */
static const char *const POST_MARKERS[] = {" hentry ", " type-post ", " entry-type-post "};
static const char *const TAXONOMY_PREFIXES[] = {" category-", " tag-", " entry-category-",
                                                " entry-author-"};

static void blank_taxonomy_names(char *names) {
  bool post = false;
  for (size_t i = 0; i < sizeof POST_MARKERS / sizeof POST_MARKERS[0] && !post; i++)
    post = strstr(names, POST_MARKERS[i]) != NULL;
  if (!post) return;
  for (size_t i = 0; i < sizeof TAXONOMY_PREFIXES / sizeof TAXONOMY_PREFIXES[0]; i++)
    for (char *p = strstr(names, TAXONOMY_PREFIXES[i]); p; p = strstr(p, TAXONOMY_PREFIXES[i]))
      for (p++; *p && *p != ' '; p++) *p = ' ';
}

/* Whole-name match: one class or id equals the pattern ("ad", not "lead-ad"). */
static bool contains_token(const char *names, const char *token) {
  size_t len = strlen(token);
  for (const char *p = names; (p = strstr(p, token)) != NULL; p++) {
    if (p > names && p[-1] == ' ' && p[len] == ' ') return true;
  }
  return false;
}

/*
 * Pages repeat the same class names on many elements ("menu-item", "card"),
 * so each thread remembers the cues of the names it has matched: a cache of
 * 64-bit hashes of the normalised names.
 */
enum { NAME_CACHE_SIZE = 1024 };
typedef struct name_cache_entry {
  uint64_t hash; /* 0 = empty */
  uint32_t flags;
} name_cache_entry;
static _Thread_local name_cache_entry name_cache[NAME_CACHE_SIZE];

static uint64_t names_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h | 1;
}

static uint32_t match_name_cues(const char *names);

static uint32_t name_flags(const GumboNode *element) {
  if (!attr(element, "class") && !attr(element, "id")) return 0;
  char names[512];
  normalise_names(element, names, sizeof names);
  uint64_t hash = names_hash(names);
  name_cache_entry *slot = &name_cache[hash % NAME_CACHE_SIZE];
  if (slot->hash == hash) return slot->flags;
  slot->hash = hash;
  /* The same names always blank the same way: only a miss needs it. */
  blank_taxonomy_names(names);
  slot->flags = match_name_cues(names);
  return slot->flags;
}

/*
 * A shop's category text is named for search engines ("seo-text",
 * "field-seofootercopy", "plp-seo-copy"): it is the page's own prose, even
 * where the name also says footer.
 */
static const char *const SEO_TEXT_WORDS[] = {"text", "content", "copy", "footer",
                                             "description", "block"};

static bool names_seo_text(const char *names) {
  for (const char *p = strstr(names, "seo"); p; p = strstr(p + 1, "seo")) {
    const char *after = p + 3;
    if (*after == '-' || *after == '_') after++;
    for (size_t i = 0; i < sizeof SEO_TEXT_WORDS / sizeof SEO_TEXT_WORDS[0]; i++)
      if (strncmp(after, SEO_TEXT_WORDS[i], strlen(SEO_TEXT_WORDS[i])) == 0) return true;
  }
  return false;
}

/*
 * "comment" names a reader discussion ("comments", "comment-list"), but a
 * news site's "commentary" or "commentator" is an opinion piece and its
 * writer: the article itself.
 */
static bool names_comments(const char *names) {
  for (const char *p = strstr(names, "comment"); p; p = strstr(p + 1, "comment")) {
    const char *after = p + strlen("comment");
    if (strncmp(after, "ar", 2) != 0 && strncmp(after, "at", 2) != 0) return true;
  }
  return false;
}

/*
 * The cues indexed by the first byte they match (a whole-name cue's after
 * its '='), so that each position of the names is compared with the few
 * cues that can start there instead of every cue searching all the names.
 * Built once per process.
 */
enum { CUE_INDEX_MAX = 1024 };
typedef struct indexed_cue {
  const char *text; /* the pattern without its '=' */
  unsigned short len;
  bool whole;       /* must be a whole name */
  uint32_t flag;
} indexed_cue;
static indexed_cue cue_index[CUE_INDEX_MAX];
static unsigned short cue_start[257];
static size_t cue_indexed;
static once_flag cue_index_once = ONCE_FLAG_INIT;

static unsigned char cue_key(const wn_name_cue *cue) {
  return (unsigned char)(cue->pattern[0] == '=' ? cue->pattern[1] : cue->pattern[0]);
}

static void build_cue_index(void) {
  size_t n = wn_name_cues_count < CUE_INDEX_MAX ? wn_name_cues_count : CUE_INDEX_MAX;
  unsigned short count[256] = {0};
  for (size_t i = 0; i < n; i++) count[cue_key(&wn_name_cues[i])]++;
  for (int c = 0; c < 256; c++) cue_start[c + 1] = (unsigned short)(cue_start[c] + count[c]);
  unsigned short fill[256];
  memcpy(fill, cue_start, sizeof fill);
  for (size_t i = 0; i < n; i++) {
    const wn_name_cue *cue = &wn_name_cues[i];
    bool whole = cue->pattern[0] == '=';
    const char *text = cue->pattern + whole;
    cue_index[fill[cue_key(cue)]++] = (indexed_cue){text, (unsigned short)strlen(text), whole, cue->flag};
  }
  cue_indexed = n;
}

/* Whether the cue matches at `p` in the names: anywhere for a part of a
 * name, between spaces for a whole one. Its first byte matches already. */
static bool cue_at(const char *names, const char *p, const indexed_cue *cue) {
  if (cue->len > 1 && p[1] != cue->text[1]) return false;
  if (strncmp(p, cue->text, cue->len) != 0) return false;
  return !cue->whole || (p > names && p[-1] == ' ' && p[cue->len] == ' ');
}

static uint32_t match_name_cues(const char *names) {
  call_once(&cue_index_once, build_cue_index);
  uint32_t flags = names_comments(names) ? WN_EL_COMMENTS : 0;
  for (const char *p = names; *p; p++) {
    unsigned char c = (unsigned char)*p;
    for (unsigned k = cue_start[c]; k < cue_start[c + 1]; k++) {
      const indexed_cue *cue = &cue_index[k];
      if (!(flags & cue->flag) && cue_at(names, p, cue)) flags |= cue->flag;
    }
  }
  /* Cues past the index (none while the table is this small) the old way. */
  for (size_t i = cue_indexed; i < wn_name_cues_count; i++) {
    const char *pattern = wn_name_cues[i].pattern;
    bool hit = pattern[0] == '=' ? contains_token(names, pattern + 1) : strstr(names, pattern) != NULL;
    if (hit) flags |= wn_name_cues[i].flag;
  }
  if (flags & WN_EL_REVIEWS) flags |= WN_EL_COMMENTS;
  if (names_seo_text(names)) {
    flags &= ~(uint32_t)(WN_EL_FOOTER | WN_EL_ASIDE | WN_EL_NEGATIVE_NAME);
    flags |= WN_EL_POSITIVE_NAME;
  }
  return flags;
}

static uint32_t role_flags(const GumboNode *element) {
  uint32_t flags = 0;
  const char *role = attr(element, "role");
  if (role)
    for (size_t i = 0; i < sizeof ROLE_CUES / sizeof ROLE_CUES[0]; i++)
      if (strcasecmp(role, ROLE_CUES[i].role) == 0) flags |= ROLE_CUES[i].flag;
  const char *modal = attr(element, "aria-modal");
  if (modal && strcasecmp(modal, "true") == 0) flags |= WN_EL_DIALOG;
  if (flags & WN_EL_DIALOG) flags |= WN_EL_MODAL;
  return flags;
}

/* Gumbo 0.10 has no tag id for <dialog>; read the tag's own spelling. */
static bool is_dialog_tag(const GumboNode *element) {
  if (element->v.element.tag != GUMBO_TAG_UNKNOWN) return false;
  GumboStringPiece name = element->v.element.original_tag;
  return name.length >= 7 && strncasecmp(name.data, "<dialog", 7) == 0;
}

/* An SVG image is an icon (a tick, an arrow, a logo), not a picture that
 * text beside it would caption. */
static bool is_icon(const GumboNode *img) {
  const char *src = attr(img, "src");
  if (!src) return false;
  size_t n = strlen(src);
  const char *q = strchr(src, '?');
  if (q) n = (size_t)(q - src);
  return n >= 4 && strncasecmp(src + n - 4, ".svg", 4) == 0;
}

/* Whether one of the element's children is an <img> that is not an icon. */
static bool has_image_child(const GumboNode *element) {
  const GumboVector *children = &element->v.element.children;
  for (unsigned i = 0; i < children->length; i++) {
    const GumboNode *child = children->data[i];
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_IMG &&
        !is_icon(child))
      return true;
  }
  return false;
}

/* The hash of the alt text of the element's first <img> child that has
 * one (and is no icon), or 0. */
static uint64_t image_alt_hash(const GumboNode *element) {
  const GumboVector *children = &element->v.element.children;
  for (unsigned i = 0; i < children->length; i++) {
    const GumboNode *child = children->data[i];
    if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_IMG || is_icon(child))
      continue;
    const char *alt = attr(child, "alt");
    if (alt && *alt) return wn_text_hash(alt, strlen(alt));
  }
  return 0;
}

/*
 * A div that holds an image and little else is a figure whatever its name:
 * the text beside the image is its caption.
 */
static bool holds_little_else(const GumboNode *element) {
  const GumboVector *children = &element->v.element.children;
  int elements = 0;
  for (unsigned i = 0; i < children->length; i++)
    if (((const GumboNode *)children->data[i])->type == GUMBO_NODE_ELEMENT) elements++;
  return elements <= FIGURE_MAX_CHILDREN;
}

/* A question page's microdata (schema.org/QAPage) types one element as the
 * Question, and nests the answers in it. */
static bool is_typed_question(const GumboNode *element) {
  const char *type = attr(element, "itemtype");
  if (!type) return false;
  size_t len = strlen(type), suffix = strlen("schema.org/Question");
  return len >= suffix && strcasecmp(type + len - suffix, "schema.org/Question") == 0;
}

/* The element microdata names the article's body (schema.org's
 * itemprop="articleBody"): an article's text, as an <article> is. */
static bool is_stated_article_body(const GumboNode *element) {
  const char *prop = attr(element, "itemprop");
  if (!prop) return false;
  static const char NAME[] = "articlebody";
  size_t n = sizeof NAME - 1;
  for (const char *p = prop; *p;) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    size_t len = strcspn(p, " \t\n");
    if (len == n && strncasecmp(p, NAME, n) == 0) return true;
    p += len;
  }
  return false;
}

/* Whether a <textarea> lies under the form (forms do not nest, so each
 * element is looked at once; walked without recursion, as a page may nest
 * as deep as its depth budget allows). */
static bool holds_textarea(const GumboNode *form) {
  const GumboNode *node = form;
  size_t next = 0; /* the child of `node` to look at next */
  for (;;) {
    const GumboVector *children = &node->v.element.children;
    if (next < children->length) {
      const GumboNode *child = children->data[next++];
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      if (child->v.element.tag == GUMBO_TAG_TEXTAREA) return true;
      if (child->v.element.children.length) {
        node = child;
        next = 0;
      }
      continue;
    }
    if (node == form) return false;
    next = node->index_within_parent + 1;
    node = node->parent;
  }
}

static uint32_t element_flags(const GumboNode *element) {
  uint32_t flags = tag_flags(element->v.element.tag);
  if (element->v.element.tag == GUMBO_TAG_FORM && holds_textarea(element))
    flags |= WN_EL_WRITING_FORM;
  uint32_t named = 0;
  if (has_image_child(element)) flags |= WN_EL_IMAGE | (holds_little_else(element) ? WN_EL_PICTURE : 0);
  if (element->v.element.tag == GUMBO_TAG_DIV && (flags & WN_EL_PICTURE)) flags |= WN_EL_FIGURE;
  if (element->v.element.attributes.length) {
    flags |= role_flags(element);
    named = name_flags(element);
    if (is_typed_question(element)) flags |= WN_EL_QUESTION;
    if (is_stated_article_body(element)) flags |= WN_EL_ARTICLE | WN_EL_STATED_BODY;
  }
  /* An <article> or <main> is content whatever its classes say
   * ("node--promoted", "has-share-bar"). */
  if (flags & (WN_EL_ARTICLE | WN_EL_MAIN)) named &= WN_EL_POSITIVE_NAME | WN_EL_COMMENTS;
  flags |= named;
  if (is_dialog_tag(element)) flags |= WN_EL_DIALOG | WN_EL_MODAL;
  if (element->v.element.attributes.length && wn_cmp_matches(element)) flags |= WN_EL_CONSENT;
  if (element->v.element.tag != GUMBO_TAG_HTML && attr(element, "lang")) flags |= WN_EL_LANG;
  return flags;
}

/* ---- block boundaries -------------------------------------------------- */

static bool is_block_tag(GumboTag tag) {
  switch (tag) {
  case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_DD:
  case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
  case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
  case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
  case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
  case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
  case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
  case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE:
  case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
  case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL:
  case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_MENU:
  case GUMBO_TAG_LEGEND: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_HTML:
  case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
  case GUMBO_TAG_DIR: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES:
    return true;
  default:
    return false;
  }
}

/* h1-h6, or an element with role="heading" at its aria-level (2 when the
 * level is missing, as ARIA says): 0 for anything else. */
static int heading_level_of(const GumboNode *node) {
  GumboTag tag = node->v.element.tag;
  if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) return (int)(tag - GUMBO_TAG_H1) + 1;
  const char *role = attr(node, "role");
  if (!role || strcasecmp(role, "heading") != 0) return 0;
  const char *level = attr(node, "aria-level");
  int n = level ? atoi(level) : 0;
  return n >= 1 && n <= 6 ? n : ARIA_DEFAULT_HEADING_LEVEL;
}

/* How deep inside a cell its markup is looked at for a layout cell's signs. */
enum { CELL_LOOK_DEPTH = 8 };

/* A cell holding this much text (characters, not spaces) may be a page's
 * column rather than a datum: a table's cells hold names, figures, a
 * sentence. */
static const size_t LAYOUT_CELL_CHARS = 300;
/* A shorter cell with this many links beside it is the page's menu. */
static const size_t LAYOUT_MENU_LINKS = 3;

/* Whether block-level markup (paragraphs, divs, lists, another table) is
 * under `element`, even inside inline wrappers (<font><p>...). */
static bool holds_blocks(const GumboNode *element, int depth) {
  const GumboVector *children = &element->v.element.children;
  for (unsigned i = 0; i < children->length; i++) {
    const GumboNode *child = children->data[i];
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    if (is_block_tag(child->v.element.tag)) return true;
    if (depth < CELL_LOOK_DEPTH && holds_blocks(child, depth + 1)) return true;
  }
  return false;
}

/* Characters (not spaces) of text under `element`, counted up to `limit`. */
static size_t cell_chars(const GumboNode *element, int depth, size_t limit) {
  size_t n = 0;
  const GumboVector *children = &element->v.element.children;
  for (unsigned i = 0; i < children->length && n < limit; i++) {
    const GumboNode *child = children->data[i];
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
      for (const unsigned char *p = (const unsigned char *)child->v.text.text; *p; p++)
        if (!isspace(*p) && (*p & 0xC0) != 0x80) n++;
    } else if (child->type == GUMBO_NODE_ELEMENT && depth < CELL_LOOK_DEPTH) {
      n += cell_chars(child, depth + 1, limit - n);
    }
  }
  return n;
}

/* Links (<a href>) under `element`, counted up to `limit`. */
static size_t cell_links(const GumboNode *element, int depth, size_t limit) {
  size_t n = 0;
  const GumboVector *children = &element->v.element.children;
  for (unsigned i = 0; i < children->length && n < limit; i++) {
    const GumboNode *child = children->data[i];
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    if (child->v.element.tag == GUMBO_TAG_A && attr(child, "href")) n++;
    else if (depth < CELL_LOOK_DEPTH) n += cell_links(child, depth + 1, limit - n);
  }
  return n;
}

/*
 * A row is a data row when none of its cells holds block-level markup and
 * it is not a long text beside a menu or beside another long text: its
 * cells are then joined on one line. Layout tables (a cell of paragraphs,
 * one long text beside a menu of links, two columns of text) are walked
 * like any other container.
 */
static bool is_data_row(const GumboNode *row) {
  const GumboVector *cells = &row->v.element.children;
  bool long_cell = false, menu_cell = false;
  for (unsigned i = 0; i < cells->length; i++) {
    const GumboNode *cell = cells->data[i];
    if (cell->type != GUMBO_NODE_ELEMENT) continue;
    if (holds_blocks(cell, 0)) return false;
    if (cell_chars(cell, 0, LAYOUT_CELL_CHARS) >= LAYOUT_CELL_CHARS) {
      if (long_cell) return false;
      long_cell = true;
    } else if (cell_links(cell, 0, LAYOUT_MENU_LINKS) >= LAYOUT_MENU_LINKS) menu_cell = true;
  }
  return !(long_cell && menu_cell);
}

/* A cell's width attribute in pixels or percent (*percent says which);
 * false when it has none or it does not read as a number. */
static bool cell_width(const GumboNode *cell, long *width, bool *percent) {
  const char *w = attr(cell, "width");
  if (!w) return false;
  char *end;
  *width = strtol(w, &end, 10);
  if (end == w || *width <= 0) return false;
  while (*end == ' ') end++;
  *percent = *end == '%';
  return true;
}

/* A narrow side column of an old page's layout row: a cell this wide at
 * most (pixels, or percent of the table) beside a wider cell. */
static const long SIDE_COLUMN_PIXELS = 200;
static const long SIDE_COLUMN_PERCENT = 25;
static const int SIDE_COLUMN_ROW_CELLS = 3;

/* Lines under `element`: its line breaks and block-level elements, up to
 * a few. */
static int cell_lines(const GumboNode *element, int depth) {
  int n = 0;
  const GumboVector *children = &element->v.element.children;
  for (unsigned i = 0; i < children->length && n < 8; i++) {
    const GumboNode *child = children->data[i];
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = child->v.element.tag;
    if (tag == GUMBO_TAG_BR || is_block_tag(tag)) n++;
    if (depth < CELL_LOOK_DEPTH) n += cell_lines(child, depth + 1);
  }
  return n;
}

/*
 * Old pages lay out their menu and notice columns as cells of a fixed
 * narrow width beside the content's cell, which takes the rest of the row
 * (no width) or a larger one: such a cell is the page's side column.
 */
static bool side_column(const GumboNode *cell) {
  long width, other;
  bool percent, other_percent;
  if (!cell_width(cell, &width, &percent)) return false;
  if (width > (percent ? SIDE_COLUMN_PERCENT : SIDE_COLUMN_PIXELS)) return false;
  /* A column runs down the page: a menu's links, or lines of notices; a
   * narrow cell of one line is a datum (a price, a weight). */
  if (cell_links(cell, 0, LAYOUT_MENU_LINKS) < LAYOUT_MENU_LINKS && cell_lines(cell, 0) < 3)
    return false;
  const GumboVector *cells = &cell->parent->v.element.children;
  bool wider = false;
  int count = 0;
  for (unsigned i = 0; i < cells->length; i++) {
    const GumboNode *c = cells->data[i];
    if (c->type != GUMBO_NODE_ELEMENT || c->v.element.tag != GUMBO_TAG_TD) continue;
    count++;
    if (c == cell || attr(c, "colspan")) continue;
    if (!cell_width(c, &other, &other_percent)) wider = true;
    else if (other_percent == percent && other >= 2 * width) wider = true;
  }
  /* A page's layout has two or three columns; more are a table's. */
  return wider && count <= SIDE_COLUMN_ROW_CELLS;
}

/* ---- the walk ---------------------------------------------------------- */

typedef struct frame {
  const GumboNode *node;
  unsigned next_child;
  int element;      /* index in the element table */
  int owner;        /* innermost block-level element at or above */
  bool block;       /* this element starts and ends a block */
  bool link;
  int outer_link;   /* the link element open before this one */
  bool pre;
  bool data_row;
  bool lang;        /* has a lang attribute */
  bool span;        /* opened an inline span (links, emphasis, code) */
} frame;

/* An inline element being walked; its span starts at its first character. */
typedef struct open_span {
  wn_span_kind kind;
  const char *target; /* in the parse tree */
  long start;         /* -1 until text comes */
} open_span;

/* Spans of the block being built, and images waiting for text to follow. */
typedef struct span_list {
  wn_span *items;
  size_t count, cap;
} span_list;

typedef struct segmenter {
  wn_page *page;
  frame *stack;
  size_t depth, cap;
  wn_buf text;            /* the block being built */
  int text_owner;
  int link_chars;
  int card_link_chars;
  int links;              /* links with text in the block being built */
  bool link_counted;      /* the innermost open link is among them */
  int lead_link_chars;
  bool unlinked_seen;     /* the block being built has a character outside links */
  int first_link, last_link;
  int link_element;       /* innermost open <a href>, -1 if none */
  bool pending_space;
  int cells_in_row;
  int in_pre;
  int in_link;
  int in_lang;          /* open elements with a lang attribute */
  bool lang_tagged;     /* the pending block holds lang-tagged text */
  int data_row_depth;
  const wn_cleaned *cleaned; /* the elements not to enter (clean stage) */
  size_t body_text_chars;
  /* Inline markup, when asked for: */
  bool spans;
  open_span *open;
  size_t open_count, open_cap;
  size_t unstarted;       /* open spans still waiting for their first character */
  span_list done;         /* spans of the block being built */
  span_list images;       /* images before any text of the next block */
  const char *code_lang;  /* class of the code block being built (in the tree) */
} segmenter;

/* An <ol>'s first number, from its start attribute (1 when absent or odd). */
static long ordered_list_start(const GumboNode *node) {
  const GumboAttribute *start = gumbo_get_attribute(&node->v.element.attributes, "start");
  if (!start) return 1;
  char *end;
  long n = strtol(start->value, &end, 10);
  if (end == start->value || n < 0 || n > 999999999) return 1;
  return n;
}

/* FNV-1a of the href of a link to another page; 0 for a link within the
 * page ("#top") or a script's. Two links of one card to one story share
 * it. */
static uint64_t href_hash(const GumboNode *node) {
  if (node->v.element.tag != GUMBO_TAG_A) return 0;
  const char *href = attr(node, "href");
  if (!href) return 0;
  while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r') href++;
  if (!*href || *href == '#' || strncasecmp(href, "javascript:", 11) == 0) return 0;
  uint64_t h = 14695981039346656037ull;
  for (const unsigned char *p = (const unsigned char *)href; *p; p++) h = (h ^ *p) * 1099511628211ull;
  return h ? h : 1;
}

/* Whether an href leads to a site's home page: "/", "index.html", a
 * domain with no path. */
static bool is_home_href(const char *href) {
  while (*href == ' ' || *href == '\t' || *href == '\n') href++;
  if (!*href || *href == '#' || *href == '?') return false; /* this page itself */
  const char *path = href;
  const char *scheme = strstr(href, "//");
  if (scheme && (scheme == href || scheme[-1] == ':')) {
    path = strchr(scheme + 2, '/');
    if (!path) return true;
  }
  if (*path == '/') path++;
  else if (path[0] == '.' && path[1] == '/') path += 2;
  size_t n = strcspn(path, "?#");
  return n == 0 || (strncasecmp(path, "index.htm", 9) == 0 && n <= 10);
}

static int add_element(segmenter *s, const GumboNode *node, int parent) {
  wn_page *page = s->page;
  if (page->element_count == page->element_cap) {
    page->element_cap = page->element_cap ? page->element_cap * 2 : 256;
    page->elements = wn_xrealloc(page->elements, page->element_cap * sizeof *page->elements);
  }
  wn_element *e = &page->elements[page->element_count];
  memset(e, 0, sizeof *e);
  e->node = node;
  e->parent = parent;
  e->tag = node->v.element.tag;
  e->flags = element_flags(node);
  e->depth = parent >= 0 ? page->elements[parent].depth + 1 : 0;
  if (parent >= 0) page->elements[parent].children++;
  uint32_t above = parent >= 0 ? page->elements[parent].inherited : 0;
  /* An article's own header holds its headline and byline, not site chrome. */
  if (above & (WN_EL_ARTICLE | WN_EL_MAIN)) e->flags &= ~(uint32_t)WN_EL_HEADER;
  /* The page's main region is not inside a sidebar or menu, whatever its
   * wrappers are called ("content-has-sidebar", "layout-with-nav"). */
  if (e->flags & WN_EL_MAIN) above &= ~(uint32_t)(WN_EL_ASIDE | WN_EL_NAV | WN_EL_NEGATIVE_NAME);
  /* Page builders call every content block a "widget" (SiteOrigin's
   * "so-panel widget"); outside the main region the word means a sidebar box,
   * unless the element's other names say content (Blogger's posts are the
   * "widget Blog"). */
  if (e->flags & WN_EL_WIDGET_NAME) {
    e->flags &= ~(uint32_t)WN_EL_WIDGET_NAME;
    if (!(above & (WN_EL_MAIN | WN_EL_ARTICLE)) && !(e->flags & WN_EL_POSITIVE_NAME))
      e->flags |= WN_EL_ASIDE;
  }
  e->inherited = e->flags | above;
  e->list_start = e->tag == GUMBO_TAG_OL ? ordered_list_start(node) : 1;
  e->href_hash = href_hash(node);
  e->alt_hash = (e->flags & WN_EL_IMAGE) ? image_alt_hash(node) : 0;
  e->links_home = e->tag == GUMBO_TAG_A && attr(node, "href") && is_home_href(attr(node, "href"));
  e->heading_level = heading_level_of(node);
  if (e->heading_level) {
    e->flags |= WN_EL_HEADING;
    e->inherited |= WN_EL_HEADING;
  }
  return (int)page->element_count++;
}

static wn_block_kind kind_of(const wn_element *owner, bool pre) {
  if (pre) return WN_BLOCK_CODE;
  if (owner->heading_level) return WN_BLOCK_HEADING;
  switch (owner->tag) {
  case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    return WN_BLOCK_LIST_ITEM;
  case GUMBO_TAG_TR: return WN_BLOCK_TABLE_ROW;
  case GUMBO_TAG_PRE: return WN_BLOCK_CODE;
  case GUMBO_TAG_BLOCKQUOTE: return WN_BLOCK_QUOTE;
  default: return WN_BLOCK_PARAGRAPH;
  }
}


static bool is_sentence_punctuation(uint32_t cp) {
  switch (cp) {
  case '.': case ',': case ';': case ':': case '!': case '?':
  case 0x3002: case 0x3001: case 0xFF0C: case 0xFF01: case 0xFF1F: case 0xFF1B:
  case 0x060C: case 0x061F: case 0x0964:
    return true;
  default:
    return false;
  }
}

/* Decode one UTF-8 sequence (input is valid UTF-8); advance *p. */
static uint32_t next_code_point(const unsigned char **p) {
  const unsigned char *s = *p;
  uint32_t cp;
  int extra;
  if (s[0] < 0x80) { cp = s[0]; extra = 0; }
  else if (s[0] < 0xE0) { cp = s[0] & 0x1F; extra = 1; }
  else if (s[0] < 0xF0) { cp = s[0] & 0x0F; extra = 2; }
  else { cp = s[0] & 0x07; extra = 3; }
  s++;
  for (int i = 0; i < extra && (*s & 0xC0) == 0x80; i++) cp = (cp << 6) | (*s++ & 0x3F);
  *p = s;
  return cp;
}

/* Count characters, words, CJK characters and punctuation of a block's text. */
/* A token this long that mixes ASCII letters and digits is an identifier,
 * a hash or a URL, not a word. */
static const int CODE_TOKEN_CHARS = 16;

typedef struct token_shape {
  int chars;
  bool letter, digit, non_ascii;
} token_shape;

static bool is_code_token(const token_shape *t) {
  return t->chars >= CODE_TOKEN_CHARS && t->letter && t->digit && !t->non_ascii;
}

static void note_token_char(token_shape *t, uint32_t cp) {
  t->chars++;
  if (cp >= 0x80) t->non_ascii = true;
  else if (isdigit((int)cp)) t->digit = true;
  else if (isalpha((int)cp)) t->letter = true;
}

double wn_block_weighted_words(const wn_block *b) {
  size_t cjk = b->cjk_chars <= b->words ? b->cjk_chars : b->words;
  return (double)(b->words - cjk) + (double)cjk / 3.0;
}

bool wn_block_ends_sentence(const wn_block *b) {
  static const char *const ENDS[] = {".", "!", "?", "\xe2\x80\xa6", "\xe3\x80\x82", "\xef\xbc\x81",
                                     "\xef\xbc\x9f", NULL};
  size_t n = b->text_len;
  while (n && (b->text[n - 1] == ' ' || b->text[n - 1] == '\n' || b->text[n - 1] == '"' ||
               b->text[n - 1] == ')'))
    n--;
  for (int k = 0; ENDS[k]; k++) {
    size_t e = strlen(ENDS[k]);
    if (n >= e && memcmp(b->text + n - e, ENDS[k], e) == 0) return true;
  }
  return false;
}

size_t wn_block_lettered_words(const wn_block *b, size_t most) {
  size_t words = 0;
  bool lettered = false;
  for (size_t i = 0; i <= b->text_len && words <= most; i++) {
    unsigned char c = i < b->text_len ? (unsigned char)b->text[i] : ' ';
    if (c == ' ' || c == '\n') {
      words += lettered;
      lettered = false;
    } else {
      lettered = lettered || c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u;
    }
  }
  return words;
}

void wn_block_measure(wn_block *b) {
  b->chars = b->words = b->cjk_chars = b->punctuation = b->code_chars = 0;
  const unsigned char *p = (const unsigned char *)b->text;
  const unsigned char *end = p + b->text_len;
  bool in_word = false;
  token_shape token = {0};
  while (p < end) {
    uint32_t cp = next_code_point(&p);
    bool space = cp == ' ' || cp == '\n' || cp == '\t';
    if (space) {
      if (is_code_token(&token)) b->code_chars += token.chars;
      memset(&token, 0, sizeof token);
      in_word = false;
      continue;
    }
    note_token_char(&token, cp);
    b->chars++;
    if (wn_is_cjk(cp)) { b->cjk_chars++; b->words++; in_word = false; continue; }
    if (is_sentence_punctuation(cp)) b->punctuation++;
    bool word_char = cp >= 0x80 || isalnum((int)cp);
    if (word_char && !in_word) b->words++;
    in_word = word_char;
  }
  if (is_code_token(&token)) b->code_chars += token.chars;
}

/* ---- inline spans ------------------------------------------------------ */

static char *collapsed_value(const char *value);

static void span_list_add(span_list *l, wn_span span) {
  if (l->count == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 8;
    l->items = wn_xrealloc(l->items, l->cap * sizeof *l->items);
  }
  l->items[l->count++] = span;
}

static void span_list_clear(span_list *l) {
  for (size_t i = 0; i < l->count; i++) {
    free(l->items[i].target);
    free(l->items[i].alt);
  }
  l->count = 0;
}

static char *dup_or_null(const char *s) { return s ? wn_xstrndup(s, strlen(s)) : NULL; }

/* Open spans start at the character about to be appended. */
static void start_spans(segmenter *s) {
  if (!s->unstarted) return;
  for (size_t i = 0; i < s->open_count; i++)
    if (s->open[i].start < 0) s->open[i].start = (long)s->text.len;
  s->unstarted = 0;
}

static void open_inline(segmenter *s, wn_span_kind kind, const char *target) {
  if (s->open_count == s->open_cap) {
    s->open_cap = s->open_cap ? s->open_cap * 2 : 16;
    s->open = wn_xrealloc(s->open, s->open_cap * sizeof *s->open);
  }
  s->open[s->open_count++] = (open_span){kind, target, -1};
  s->unstarted++;
}

/* The part of an open span in the block so far becomes a span of it. */
static void end_part(segmenter *s, open_span *o, size_t end) {
  if (o->start < 0) return;
  if (end > (size_t)o->start)
    span_list_add(&s->done, (wn_span){(size_t)o->start, end, o->kind,
                                      dup_or_null(o->target), NULL});
  o->start = -1;
  s->unstarted++;
}

static void close_inline(segmenter *s) {
  open_span *o = &s->open[--s->open_count];
  if (o->start < 0) s->unstarted--;
  else end_part(s, o, s->text.len), s->unstarted--;
}

/* Images first where spans start together, then the outer span first. */
static int span_order(const void *pa, const void *pb) {
  const wn_span *a = pa, *b = pb;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  bool ia = a->kind == WN_SPAN_IMAGE, ib = b->kind == WN_SPAN_IMAGE;
  if (ia != ib) return ia ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return 0;
}

/* Sorting must keep nested spans of one range in their nesting order:
 * an insertion sort is stable, and blocks hold few spans. */
static void sort_spans(wn_span *items, size_t n) {
  for (size_t i = 1; i < n; i++) {
    wn_span x = items[i];
    size_t j = i;
    while (j > 0 && span_order(&items[j - 1], &x) > 0) {
      items[j] = items[j - 1];
      j--;
    }
    items[j] = x;
  }
}

/* A code block's language from its class: "language-python", "lang-js". */
static const char *class_language(const GumboNode *node) {
  const char *cls = attr(node, "class");
  if (!cls) return NULL;
  for (const char *p = cls; *p;) {
    while (*p == ' ' || *p == '\t') p++;
    if (strncmp(p, "language-", 9) == 0 && p[9] && p[9] != ' ') return p + 9;
    if (strncmp(p, "lang-", 5) == 0 && p[5] && p[5] != ' ') return p + 5;
    while (*p && *p != ' ' && *p != '\t') p++;
  }
  return NULL;
}

/* The language name as an info string may hold it: letters, digits, +#._- */
static char *language_name(const char *lang) {
  size_t n = 0;
  while (n < 32 && (isalnum((unsigned char)lang[n]) || strchr("+#._-", lang[n]) != NULL) && lang[n])
    n++;
  return n ? wn_xstrndup(lang, n) : NULL;
}

/* Hand the block's spans to it (the text is final and not empty). */
static void attach_spans(segmenter *s, wn_block *b) {
  for (size_t i = 0; i < s->open_count; i++) end_part(s, &s->open[i], b->text_len);
  for (size_t i = 0; i < s->images.count; i++) span_list_add(&s->done, s->images.items[i]);
  s->images.count = 0;
  size_t kept = 0;
  for (size_t i = 0; i < s->done.count; i++) {
    wn_span *sp = &s->done.items[i];
    if (sp->end > b->text_len) sp->end = b->text_len;
    if (sp->start > sp->end || (sp->start == sp->end && sp->kind != WN_SPAN_IMAGE)) {
      free(sp->target);
      free(sp->alt);
      continue;
    }
    s->done.items[kept++] = *sp;
  }
  if (kept) {
    b->spans = wn_xmalloc(kept * sizeof *b->spans);
    memcpy(b->spans, s->done.items, kept * sizeof *b->spans);
    sort_spans(b->spans, kept);
  }
  b->span_count = kept;
  b->spans_text_len = b->text_len;
  s->done.count = 0;
  if (b->kind == WN_BLOCK_CODE && s->code_lang) b->code_lang = language_name(s->code_lang);
}

/* An image with alt text, where it stands in the text (before the next
 * block's text when none precedes it). */
static void note_image(segmenter *s, const GumboNode *img) {
  const char *src = attr(img, "src");
  if (!src || !*src || strncasecmp(src, "data:", 5) == 0) src = attr(img, "data-src");
  char *alt = attr(img, "alt") ? collapsed_value(attr(img, "alt")) : NULL;
  if (!src || !alt || !*alt) {
    free(alt);
    return;
  }
  size_t at = s->text.len;
  wn_span image = {at, at, WN_SPAN_IMAGE, wn_xstrndup(src, strlen(src)), alt};
  span_list_add(at ? &s->done : &s->images, image);
}

/* Trim trailing spaces and newlines from the block text. */
static void trim_end(wn_buf *text) {
  while (text->len && (text->data[text->len - 1] == ' ' || text->data[text->len - 1] == '\n'))
    text->data[--text->len] = '\0';
}

static void reset_links(segmenter *s) {
  s->link_chars = 0;
  s->card_link_chars = 0;
  s->links = 0;
  s->link_counted = false;
  s->lead_link_chars = 0;
  s->unlinked_seen = false;
  s->first_link = s->last_link = -1;
}

/* A zeroed block at the end of the page's blocks (not yet counted), its
 * position set. */
static wn_block *new_block(wn_page *page) {
  if (page->block_count == page->block_cap) {
    page->block_cap = page->block_cap ? page->block_cap * 2 : 128;
    page->blocks = wn_xrealloc(page->blocks, page->block_cap * sizeof *page->blocks);
  }
  wn_block *b = &page->blocks[page->block_count];
  memset(b, 0, sizeof *b);
  b->position = page->block_count;
  return b;
}

static void flush_block(segmenter *s) {
  trim_end(&s->text);
  if (s->text.len == 0) {
    if (s->spans) {
      span_list_clear(&s->done);
      for (size_t i = 0; i < s->open_count; i++)
        if (s->open[i].start >= 0) s->open[i].start = -1, s->unstarted++;
    }
    reset_links(s);
    s->pending_space = false;
    return;
  }
  wn_page *page = s->page;
  wn_block *b = new_block(page);
  const wn_element *owner = &page->elements[s->text_owner];
  b->owner = s->text_owner;
  b->kind = kind_of(owner, s->in_pre > 0);
  if (b->kind == WN_BLOCK_HEADING) b->heading_level = owner->heading_level;
  b->text = wn_buf_detach(&s->text, &b->text_len);
  b->link_chars = s->link_chars;
  b->card_link_chars = s->card_link_chars;
  b->links = (size_t)s->links;
  b->lead_link_chars = (size_t)s->lead_link_chars;
  b->first_link = s->first_link;
  b->last_link = s->last_link;
  b->lang_tagged = s->lang_tagged;
  b->lang = -1;
  s->lang_tagged = false;
  if (s->spans) attach_spans(s, b);
  wn_block_measure(b);
  if (b->link_chars > b->chars) b->link_chars = b->chars;
  s->body_text_chars += (size_t)b->chars;
  page->block_count++;
  reset_links(s);
  s->pending_space = false;
}

/*
 * Count one character of link text. A link opened outside the block's own
 * element wraps whole blocks: a card in a grid or a listing, not a link
 * inside a sentence.
 */
static void count_link_char(segmenter *s) {
  s->link_chars++;
  if (!s->link_counted) s->links++;
  s->link_counted = true;
  if (s->link_element >= 0 && s->link_element < s->text_owner) s->card_link_chars++;
  if (!s->unlinked_seen) s->lead_link_chars++;
  if (s->first_link < 0) s->first_link = s->link_element;
  s->last_link = s->link_element;
}

/* One character of the block, linked or not. */
static void count_char(segmenter *s) {
  if (s->in_link) count_link_char(s);
  else s->unlinked_seen = true;
}

static void append_char(segmenter *s, int owner, const char *bytes, size_t len) {
  if (s->text.len == 0) s->text_owner = owner;
  if (s->pending_space && s->text.len && s->text.data[s->text.len - 1] != '\n' &&
      s->text.data[s->text.len - 1] != ' ')
    wn_buf_putc(&s->text, ' ');
  s->pending_space = false;
  start_spans(s);
  wn_buf_append(&s->text, bytes, len);
  if (((unsigned char)bytes[0] & 0xC0) != 0x80) count_char(s);
}

static void append_text(segmenter *s, int owner, const char *text) {
  const unsigned char *p = (const unsigned char *)text;
  if (s->in_lang) s->lang_tagged = true;
  if (s->in_pre) {
    if (s->text.len == 0) s->text_owner = owner;
    for (; *p; p++) {
      if (*p == '\r') continue;
      start_spans(s);
      wn_buf_putc(&s->text, (char)*p);
      if (!isspace(*p) && (*p & 0xC0) != 0x80) count_char(s);
    }
    return;
  }
  while (*p) {
    if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f') {
      s->pending_space = true;
      p++;
    } else if (p[0] == 0xC2 && p[1] == 0xA0) { /* no-break space */
      s->pending_space = true;
      p += 2;
    } else {
      size_t len = 1;
      while ((p[len] & 0xC0) == 0x80) len++;
      append_char(s, owner, (const char *)p, len);
      p += len;
    }
  }
}

/*
 * Two line breaks in a row, with nothing but space between, are how pages
 * without <p> write a paragraph break ("text<br><br>text"): the block keeps
 * it as a blank line. Not inside a heading, a list item, a table row or
 * code, whose lines stay lines.
 */
static bool breaks_paragraph(const segmenter *s) {
  if (s->in_pre || s->data_row_depth > 0 || !s->text.len) return false;
  if (s->text.data[s->text.len - 1] != '\n') return false;
  wn_block_kind kind = kind_of(&s->page->elements[s->text_owner], false);
  return kind == WN_BLOCK_PARAGRAPH || kind == WN_BLOCK_QUOTE;
}

static void line_break(segmenter *s) {
  s->pending_space = false;
  bool paragraph = breaks_paragraph(s);
  trim_end(&s->text);
  if (!s->text.len) return;
  /* Markup does not reach across paragraphs: a span open over the break
   * ends before it and goes on after it. */
  if (paragraph)
    for (size_t i = 0; i < s->open_count; i++) end_part(s, &s->open[i], s->text.len);
  wn_buf_puts(&s->text, paragraph ? "\n\n" : "\n");
}

/* ---- head: title and metadata ------------------------------------------ */

static char *collapsed_text(const GumboNode *element) {
  wn_buf out;
  wn_buf_init(&out);
  bool space = false;
  for (unsigned i = 0; i < element->v.element.children.length; i++) {
    const GumboNode *child = element->v.element.children.data[i];
    if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE) continue;
    for (const char *p = child->v.text.text; *p; p++) {
      if (isspace((unsigned char)*p)) { space = true; continue; }
      if (space && out.len) wn_buf_putc(&out, ' ');
      space = false;
      wn_buf_putc(&out, *p);
    }
  }
  return wn_buf_detach(&out, NULL);
}

/* An attribute's value with whitespace collapsed and trimmed. */
static char *collapsed_value(const char *value) {
  wn_buf out;
  wn_buf_init(&out);
  bool space = false;
  for (const char *p = value; *p; p++) {
    if (isspace((unsigned char)*p)) { space = true; continue; }
    if (space && out.len) wn_buf_putc(&out, ' ');
    space = false;
    wn_buf_putc(&out, *p);
  }
  if (!out.data) wn_buf_append(&out, "", 0);
  return wn_buf_detach(&out, NULL);
}

static void set_once(char **slot, const char *value) {
  if (*slot || !value) return;
  while (isspace((unsigned char)*value)) value++;
  if (!*value) return;
  *slot = wn_xstrndup(value, strlen(value));
}

static void read_meta(wn_page *page, const GumboNode *meta) {
  const char *key = attr(meta, "property");
  if (!key) key = attr(meta, "name");
  const char *content = attr(meta, "content");
  if (!key || !content) return;
  if (strcasecmp(key, "og:title") == 0 || strcasecmp(key, "twitter:title") == 0)
    set_once(&page->og_title, content);
  else if (strcasecmp(key, "og:url") == 0)
    set_once(&page->og_url, content);
  else if (strcasecmp(key, "og:site_name") == 0 || strcasecmp(key, "application-name") == 0)
    set_once(&page->og_site_name, content);
  else if (strcasecmp(key, "og:type") == 0 && strcasecmp(content, "article") == 0)
    page->says_article = true;
  else if (strcasecmp(key, "og:type") == 0 && strncasecmp(content, "product", 7) == 0)
    page->says_product = true;
}

static void read_head_element(wn_page *page, const GumboNode *child) {
  if (child->v.element.tag == GUMBO_TAG_TITLE && !page->html_title)
    page->html_title = collapsed_text(child);
  else if (child->v.element.tag == GUMBO_TAG_META)
    read_meta(page, child);
  else if (child->v.element.tag == GUMBO_TAG_BASE)
    set_once(&page->base_href, attr(child, "href"));
  else if (child->v.element.tag == GUMBO_TAG_LINK && attr(child, "rel") &&
           strcasecmp(attr(child, "rel"), "canonical") == 0)
    set_once(&page->canonical, attr(child, "href"));
}

static void read_head(wn_page *page, const GumboNode *head) {
  const GumboVector *children = &head->v.element.children;
  for (unsigned i = 0; i < children->length; i++) {
    const GumboNode *child = children->data[i];
    if (child->type == GUMBO_NODE_ELEMENT) read_head_element(page, child);
  }
}

/* A <title> or <meta> of the page that the parser put into <body>: a
 * tracking pixel's <noscript><img> in <head> ends the head there. An SVG
 * drawing's <title> is its own. */
static bool displaced_from_head(const GumboNode *node) {
  GumboTag tag = node->v.element.tag;
  return (tag == GUMBO_TAG_TITLE || tag == GUMBO_TAG_META) &&
         node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

/* ---- traversal --------------------------------------------------------- */

static void push(segmenter *s, frame f) {
  if (s->depth == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 64;
    s->stack = wn_xrealloc(s->stack, s->cap * sizeof *s->stack);
  }
  s->stack[s->depth++] = f;
}

/*
 * A heading that links to itself ("#section") is an anchor for sharing the
 * section, not a way out of the page: its text is the heading's own. A link
 * to a part of the page that opens a panel there (aria-controls,
 * aria-expanded: accordions, tabs) is a button, and the question on it text.
 */
static bool leads_elsewhere(const segmenter *s, const GumboNode *node, int owner) {
  const char *href = attr(node, "href");
  if (!href) return false;
  if (href[0] != '#') return true;
  if (attr(node, "aria-controls") || attr(node, "aria-expanded")) return false;
  return s->page->elements[owner].heading_level == 0;
}

static bool span_kind_of(GumboTag tag, bool in_pre, wn_span_kind *kind) {
  switch (tag) {
  case GUMBO_TAG_EM: case GUMBO_TAG_I: *kind = WN_SPAN_EMPHASIS; return true;
  case GUMBO_TAG_STRONG: case GUMBO_TAG_B: *kind = WN_SPAN_STRONG; return true;
  case GUMBO_TAG_CODE: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_TT:
    *kind = WN_SPAN_CODE;
    return !in_pre;
  default: return false;
  }
}

/* The inline markup an element opens, and a code block's language. */
static void note_inline(segmenter *s, frame *f, const GumboNode *node) {
  wn_span_kind kind;
  if (f->link) {
    open_inline(s, WN_SPAN_LINK, attr(node, "href"));
    f->span = true;
  } else if (span_kind_of(node->v.element.tag, s->in_pre > 0, &kind)) {
    open_inline(s, kind, NULL);
    f->span = true;
  }
  if (s->in_pre && !s->code_lang) s->code_lang = class_language(node);
}

/* A button's label is a few words in a few nested elements at most
 * (<button><span>Accept</span> <span>all</span></button>); longer text,
 * or text nested deeper, is no label. */
enum { BUTTON_LABEL_BYTES = 96, BUTTON_LABEL_DEPTH = 3 };

/* Appends the text under `node` to `out`; false when it does not fit. */
static bool button_label(const GumboNode *node, char *out, size_t *len, int depth) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    const char *text = node->type == GUMBO_NODE_TEXT ? node->v.text.text : " ";
    size_t n = strlen(text);
    if (*len + n >= BUTTON_LABEL_BYTES) return false;
    memcpy(out + *len, text, n + 1);
    *len += n;
    return true;
  }
  if (node->type != GUMBO_NODE_ELEMENT || depth > BUTTON_LABEL_DEPTH) return true;
  const GumboVector *children = &node->v.element.children;
  for (unsigned i = 0; i < children->length; i++)
    if (!button_label(children->data[i], out, len, depth + 1)) return false;
  return true;
}

/* Whether a <button>, or a link set as one, is labelled with a consent
 * banner's button ("OK, accept all", "Reject all"): evidence of the banner
 * around it. */
static bool consent_button(const GumboNode *node) {
  char label[BUTTON_LABEL_BYTES] = "";
  size_t len = 0;
  if (!button_label(node, label, &len, 0) || !len) return false;
  return wn_lexicon_match_button(label, len) != NULL;
}

/* A link that goes nowhere but runs a script (no href, "#", "javascript:",
 * role=button): a button in a link's markup. */
static bool acts_as_button(const GumboNode *node) {
  const char *href = attr(node, "href");
  const char *role = attr(node, "role");
  return !href || href[0] == '#' || strncasecmp(href, "javascript:", 11) == 0 ||
         (role && strcasecmp(role, "button") == 0);
}

/* Whether the frame's block is a heading or a paragraph: what opens inside
 * is inline ("<h1><nyt_headline>...</nyt_headline></h1>"). */
static bool in_text_block(const segmenter *s, const frame *parent) {
  if (!parent) return false;
  const wn_element *owner = &s->page->elements[parent->owner];
  return owner->heading_level > 0 || owner->tag == GUMBO_TAG_P;
}

static void enter_element(segmenter *s, const GumboNode *node) {
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_HEAD) {
    read_head(s->page, node);
    return;
  }
  if (displaced_from_head(node)) read_head_element(s->page, node);
  wn_skip_reason skip = wn_cleaned_reason(s->cleaned, node);
  /* "Email<input>Password" are two words; a ruby reading (<rt>, <rp>) sits
   * inside one: 子<rt>こ</rt>ども is the word 子ども. */
  if (skip == WN_SKIP_TAG && tag != GUMBO_TAG_RT && tag != GUMBO_TAG_RP) s->pending_space = true;
  if (skip == WN_SKIP_TAG && tag == GUMBO_TAG_IMG && s->spans && s->depth) note_image(s, node);
  if (skip == WN_SKIP_TAG && tag == GUMBO_TAG_BUTTON && s->depth && consent_button(node))
    s->page->elements[s->stack[s->depth - 1].element].consent_buttons++;
  if (skip != WN_SKIP_NONE) return;
  frame *parent = s->depth ? &s->stack[s->depth - 1] : NULL;
  if (tag == GUMBO_TAG_BR) {
    if (parent) line_break(s);
    return;
  }
  frame f = {0};
  f.node = node;
  f.element = add_element(s, node, parent ? parent->element : -1);
  f.owner = parent ? parent->owner : f.element;
  bool in_data_row = s->data_row_depth > 0 && parent && parent->data_row;
  if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && in_data_row) {
    if (s->cells_in_row++ > 0 && s->text.len) {
      s->pending_space = false;
      wn_buf_append(&s->text, " | ", 3);
    }
  } else if (is_block_tag(tag) || (tag == GUMBO_TAG_UNKNOWN && !in_text_block(s, parent)) ||
             s->page->elements[f.element].heading_level) {
    /* Unknown (custom) elements are usually layout wrappers: treat as blocks;
     * inside a heading or a paragraph they wrap its words. */
    f.block = true;
    flush_block(s);
    f.owner = f.element;
    if (tag == GUMBO_TAG_TR && is_data_row(node)) {
      f.data_row = true;
      s->data_row_depth++;
      s->cells_in_row = 0;
    }
    if (tag == GUMBO_TAG_HR) return; /* a thematic break only ends a block */
    if (tag == GUMBO_TAG_TD && parent && parent->node->v.element.tag == GUMBO_TAG_TR &&
        side_column(node)) {
      wn_element *e = &s->page->elements[f.element];
      e->flags |= WN_EL_ASIDE;
      e->inherited |= WN_EL_ASIDE;
    }
  }
  if (tag == GUMBO_TAG_A && acts_as_button(node) && consent_button(node))
    s->page->elements[f.owner].consent_links++;
  if (tag == GUMBO_TAG_A && leads_elsewhere(s, node, f.owner)) {
    f.link = true;
    f.outer_link = s->link_element;
    s->link_element = f.element;
    s->link_counted = false;
    s->in_link++;
  }
  if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP) {
    f.pre = true;
    s->in_pre++;
  }
  if (s->page->elements[f.element].flags & WN_EL_LANG) {
    f.lang = true;
    s->in_lang++;
  }
  if (s->spans) note_inline(s, &f, node);
  push(s, f);
}

static void leave_element(segmenter *s) {
  frame f = s->stack[--s->depth];
  if (f.link) {
    s->in_link--;
    s->link_element = f.outer_link;
  }
  if (f.span) close_inline(s);
  if (f.block) flush_block(s);
  if (f.pre) {
    s->in_pre--;
    s->code_lang = NULL; /* after its block took it */
  }
  if (f.lang) s->in_lang--;
  if (f.data_row) s->data_row_depth--;
}

static void visit_text(segmenter *s, const GumboNode *node) {
  if (!s->depth) return;
  frame *top = &s->stack[s->depth - 1];
  if (node->type == GUMBO_NODE_WHITESPACE) {
    if (s->in_pre) append_text(s, top->owner, node->v.text.text);
    else s->pending_space = true;
    return;
  }
  append_text(s, top->owner, node->v.text.text);
}

static void walk(segmenter *s, const GumboNode *root) {
  enter_element(s, root);
  while (s->depth) {
    frame *top = &s->stack[s->depth - 1];
    const GumboVector *children = &top->node->v.element.children;
    if (top->next_child >= children->length) {
      leave_element(s);
      continue;
    }
    const GumboNode *child = children->data[top->next_child++];
    switch (child->type) {
    case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE:
      enter_element(s, child);
      break;
    case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE:
      visit_text(s, child);
      break;
    default:
      break;
    }
  }
  flush_block(s);
}

void wn_segment_cleaned(const GumboOutput *output, const wn_cleaned *cleaned, wn_page *page) {
  wn_segment_marked(output, cleaned, false, page);
}

void wn_segment_marked(const GumboOutput *output, const wn_cleaned *cleaned, bool spans,
                       wn_page *page) {
  memset(page, 0, sizeof *page);
  page->stated_lang = -1;
  page->doc_lang = -1;
  page->site_lang = -1;
  /* On the heap, so that its buffers are still known after a jump out of
   * the walk (memory, time limit, cancel): they are freed, then the jump
   * goes on. */
  segmenter *s = wn_xcalloc(1, sizeof *s);
  s->page = page;
  wn_buf_init(&s->text);
  s->cleaned = cleaned;
  s->link_element = -1;
  s->first_link = s->last_link = -1;
  s->spans = spans;
  wn_recovery recovery;
  wn_recovery_push(&recovery);
  int jumped = setjmp(recovery.jump);
  if (!jumped) {
    const GumboNode *root = output->root;
    const char *lang = attr(root, "lang");
    if (lang) set_once(&page->lang, lang);
    walk(s, root);
    page->body_text_chars = s->body_text_chars;
    wn_recovery_pop(&recovery);
  }
  wn_buf_free(&s->text);
  free(s->stack);
  free(s->open);
  span_list_clear(&s->done);
  span_list_clear(&s->images);
  free(s->done.items);
  free(s->images.items);
  free(s);
  if (jumped) wn_jump_outward(jumped);
}

void wn_segment(const GumboOutput *output, wn_page *page) {
  wn_cleaned cleaned;
  wn_clean(output->root, &cleaned);
  wn_segment_cleaned(output, &cleaned, page);
  wn_cleaned_free(&cleaned);
}

void wn_page_free(wn_page *page) {
  for (size_t i = 0; i < page->block_count; i++) {
    wn_block *b = &page->blocks[i];
    free(b->text);
    for (size_t k = 0; k < b->span_count; k++) {
      free(b->spans[k].target);
      free(b->spans[k].alt);
    }
    free(b->spans);
    free(b->code_lang);
  }
  free(page->blocks);
  free(page->elements);
  free(page->title);
  free(page->html_title);
  free(page->og_title);
  free(page->canonical);
  free(page->og_url);
  free(page->og_site_name);
  free(page->lang);
  free(page->base_href);
  memset(page, 0, sizeof *page);
}

uint64_t wn_text_hash(const char *text, size_t len) {
  uint64_t h = 14695981039346656037ull;
  bool space = false, any = false;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = any;
      continue;
    }
    if (space) h = (h ^ ' ') * 1099511628211ull;
    space = false;
    any = true;
    h = (h ^ c) * 1099511628211ull;
  }
  return h ? h : 1;
}

const char *wn_block_kind_name(wn_block_kind kind) {
  static const char *const names[] = {"p", "heading", "li", "tr", "pre", "quote"};
  return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

void wn_page_append_paragraph(wn_page *page, int owner, const char *text, size_t len) {
  wn_buf collapsed;
  wn_buf_init(&collapsed);
  bool space = false;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = collapsed.len > 0;
      continue;
    }
    if (space) wn_buf_putc(&collapsed, ' ');
    space = false;
    wn_buf_putc(&collapsed, (char)c);
  }
  if (!collapsed.len) {
    wn_buf_free(&collapsed);
    return;
  }
  wn_block *b = new_block(page);
  b->owner = owner;
  b->kind = WN_BLOCK_PARAGRAPH;
  b->text = wn_buf_detach(&collapsed, &b->text_len);
  b->first_link = b->last_link = -1;
  b->lang = -1;
  wn_block_measure(b);
  page->block_count++;
}
