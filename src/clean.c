#include "clean.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buffer.h"

/*
 * Hiding is honoured only while the subtree holds less than this share of the
 * page's text: some sites hide the whole article from assistive technology
 * while a modal is open, and streaming renderers park the whole page in a
 * hidden element until a script moves it. The article must survive that.
 */
static const double HIDDEN_MAX_SHARE = 0.5;

/*
 * noscript usually holds "enable JavaScript" notes and tracking pixels, but
 * some applications (forums above all) put the whole page there for clients
 * without scripts. It is read when it holds at least this share of the text.
 */
static const double NOSCRIPT_MIN_SHARE = 0.5;

/* How deep in the element before a collapsed panel its toggle may sit
 * (<h2><button aria-expanded>...</button></h2><div hidden>). */
static const int TOGGLE_DEPTH = 2;

/* Class tokens that mean "text for screen readers only" (skip links, labels). */
static const char *const SCREEN_READER_CLASSES[] = {
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
    "screen-reader-only", "sr-text", "a11y-hidden", "element-invisible",
    "u-visually-hidden", NULL};

static bool tag_has_no_text(GumboTag tag) {
  switch (tag) {
  case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
  case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
  case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
  case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
  case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP: case GUMBO_TAG_INPUT:
  case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_DATALIST:
  case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA:
  case GUMBO_TAG_LABEL:
  case GUMBO_TAG_KEYGEN: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
  case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_PROGRESS:
  case GUMBO_TAG_METER: case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE:
  case GUMBO_TAG_RP: case GUMBO_TAG_RT:
    return true;
  default:
    return false;
  }
}

/* Whether a walk goes into `node`: an element with children that can hold text. */
static bool has_readable_children(const GumboNode *node) {
  return (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) &&
         !tag_has_no_text(node->v.element.tag) && node->v.element.children.length > 0;
}

/* The node after `node` in document order within `root`'s subtree, going into
 * readable children, or NULL at the end. Iterative walks built on it cannot
 * overflow the stack however deep the page nests. */
static const GumboNode *next_in_subtree(const GumboNode *node, const GumboNode *root) {
  if (has_readable_children(node)) return node->v.element.children.data[0];
  /* Next sibling, climbing until one exists, stopping at the root. */
  while (node != root) {
    const GumboNode *parent = node->parent;
    size_t next = node->index_within_parent + 1;
    if (next < parent->v.element.children.length) return parent->v.element.children.data[next];
    node = parent;
  }
  return NULL;
}

static const char *attr(const GumboNode *element, const char *name) {
  const GumboAttribute *a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a ? a->value : NULL;
}

/* True if an inline style says display:none or visibility:hidden. */
static bool style_hides(const char *style) {
  char squeezed[256];
  size_t n = 0;
  for (const char *p = style; *p && n + 1 < sizeof squeezed; p++)
    if (!isspace((unsigned char)*p)) squeezed[n++] = (char)tolower((unsigned char)*p);
  squeezed[n] = '\0';
  return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static bool has_class_token(const char *classes, const char *token) {
  size_t len = strlen(token);
  for (const char *p = classes; (p = strstr(p, token)) != NULL; p += len) {
    bool starts = p == classes || isspace((unsigned char)p[-1]);
    bool ends = p[len] == '\0' || isspace((unsigned char)p[len]);
    if (starts && ends) return true;
  }
  return false;
}

/* Class tokens of the "[edit]" links a wiki engine prints beside each
 * section's heading (MediaWiki's, old and new): controls, not text. */
static const char *const EDIT_CONTROL_CLASSES[] = {"mw-editsection", "editsection", NULL};

static bool is_edit_control(const char *classes) {
  for (int i = 0; EDIT_CONTROL_CLASSES[i]; i++)
    if (has_class_token(classes, EDIT_CONTROL_CLASSES[i])) return true;
  return false;
}

static bool screen_reader_only(const char *classes) {
  for (int i = 0; SCREEN_READER_CLASSES[i]; i++)
    if (has_class_token(classes, SCREEN_READER_CLASSES[i])) return true;
  return false;
}

void wn_clean_sizes_init(wn_clean_sizes *sizes) {
  sizes->page_chars = WN_CLEAN_UNMEASURED;
  sizes->main = NULL;
  sizes->main_chars = 0;
  sizes->page_titles = WN_CLEAN_UNMEASURED;
}

/* `chars` of text as a share of the page's. */
static double share_of_page(size_t chars, const GumboNode *root, wn_clean_sizes *sizes) {
  if (sizes->page_chars == WN_CLEAN_UNMEASURED) sizes->page_chars = wn_clean_text_size(root);
  if (sizes->page_chars == 0) return 0.0;
  return (double)chars / (double)sizes->page_chars;
}

/* The nearest <main> or role=main above `element`, or NULL. */
static const GumboNode *main_region(const GumboNode *element) {
  for (const GumboNode *n = element->parent; n && n->type == GUMBO_NODE_ELEMENT; n = n->parent) {
    if (n->v.element.tag == GUMBO_TAG_MAIN) return n;
    const char *role = attr(n, "role");
    if (role && strcasecmp(role, "main") == 0) return n;
  }
  return NULL;
}

/*
 * Shops and paywalls wrap the whole product or article in a display:none
 * box inside <main> that a script reveals on load; menus and dialogs
 * hidden there hold a small part of it, and a hidden copy of the visible
 * text (raw Markdown, print versions) at most about half.
 */
static const double HIDDEN_MAIN_SHARE = 0.75;

static bool hides_main_region(const GumboNode *element, size_t chars, wn_clean_sizes *sizes) {
  const GumboNode *region = main_region(element);
  if (!region) return false;
  if (region != sizes->main) {
    sizes->main = region;
    sizes->main_chars = wn_clean_text_size(region);
  }
  return sizes->main_chars > 0 && (double)chars >= HIDDEN_MAIN_SHARE * (double)sizes->main_chars;
}

/*
 * Pages without a <main> hide their whole content the same way (a product
 * wrapped in <div style="display:none"> until a script has priced it): the
 * hidden box then holds every <h1> of the page, while the text it competes
 * with is mostly other hidden boxes (mega menus, dialogs), so its share of
 * the page's text is well below half. Menus and dialogs hold no page title.
 */
static const double HIDDEN_TITLED_SHARE = 0.25;

/* <h1> elements under `root`, not counting those under text-less tags. */
static size_t count_titles(const GumboNode *root) {
  size_t titles = 0;
  for (const GumboNode *node = root; node; node = next_in_subtree(node, root))
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_H1) titles++;
  return titles;
}

static bool hides_page_title(const GumboNode *element, size_t chars, const GumboNode *root,
                             wn_clean_sizes *sizes) {
  if (share_of_page(chars, root, sizes) < HIDDEN_TITLED_SHARE) return false;
  size_t titles = count_titles(element);
  if (titles == 0) return false;
  if (sizes->page_titles == WN_CLEAN_UNMEASURED) sizes->page_titles = count_titles(root);
  return titles == sizes->page_titles;
}

/*
 * A heading's permalink ("¶", "#", "§", a link icon) is a control, not text:
 * an in-page link whose text is one or two symbols.
 */
static bool is_permalink_anchor(const GumboNode *element) {
  if (element->v.element.tag != GUMBO_TAG_A) return false;
  const char *href = attr(element, "href");
  if (!href || href[0] != '#') return false;
  const GumboVector *children = &element->v.element.children;
  size_t symbols = 0;
  for (unsigned i = 0; i < children->length; i++) {
    const GumboNode *child = children->data[i];
    if (child->type == GUMBO_NODE_ELEMENT) return false;
    if (child->type != GUMBO_NODE_TEXT) continue;
    for (const unsigned char *p = (const unsigned char *)child->v.text.text; *p; p++) {
      if (isalnum(*p)) return false;
      if (!isspace(*p) && (*p & 0xC0) != 0x80) symbols++;
    }
  }
  return symbols >= 1 && symbols <= 2;
}

/*
 * React's streaming renderer sends each part of the page that was still
 * loading as <div hidden id="S:n"> at the end of the document, with a script
 * that moves it into its place: the part is shown, not hidden.
 */
static bool is_streamed_segment(const GumboNode *element) {
  const char *id = attr(element, "id");
  if (!id || id[0] != 'S' || id[1] != ':' || !isdigit((unsigned char)id[2])) return false;
  for (const char *p = id + 2; *p; p++)
    if (!isdigit((unsigned char)*p)) return false;
  return true;
}

/* The panels of a tab set are hidden but one: each is the page's text, the
 * reader picks which to see (install steps per system, code per language). */
static bool is_tab_panel(const GumboNode *element) {
  const char *role = attr(element, "role");
  return role && strcasecmp(role, "tabpanel") == 0;
}

/* The element before `element` among its parent's element children. */
static const GumboNode *previous_element(const GumboNode *element) {
  const GumboNode *parent = element->parent;
  if (!parent || parent->type != GUMBO_NODE_ELEMENT) return NULL;
  size_t i = element->index_within_parent;
  const GumboVector *siblings = &parent->v.element.children;
  while (i-- > 0) {
    const GumboNode *sibling = siblings->data[i];
    if (sibling->type == GUMBO_NODE_ELEMENT) return sibling;
  }
  return NULL;
}

static bool is_toggle(const GumboNode *node) {
  return node->type == GUMBO_NODE_ELEMENT && attr(node, "aria-expanded") &&
         attr(node, "aria-controls");
}

/* A toggle, or a heading or bar whose child or grandchild is one. */
static bool holds_toggle(const GumboNode *node, int depth) {
  if (is_toggle(node)) return true;
  if (depth == 0 || node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector *children = &node->v.element.children;
  for (unsigned i = 0; i < children->length; i++)
    if (holds_toggle(children->data[i], depth - 1)) return true;
  return false;
}

/* The collapsed panel of an accordion or a "show more" toggle, right after
 * the button that opens it: text the reader opens with one click. */
static bool is_collapsed_panel(const GumboNode *element) {
  const GumboNode *bar = previous_element(element);
  return bar && holds_toggle(bar, TOGGLE_DEPTH);
}

static wn_skip_reason hiding_markup(const GumboNode *element) {
  if (attr(element, "hidden") && !is_streamed_segment(element)) return WN_SKIP_HIDDEN;
  /* A popover is not shown until something opens it (the HTML popover API). */
  if (attr(element, "popover")) return WN_SKIP_HIDDEN;
  const char *style = attr(element, "style");
  if (style && style_hides(style)) return WN_SKIP_HIDDEN;
  const char *classes = attr(element, "class");
  if (classes && screen_reader_only(classes)) return WN_SKIP_HIDDEN;
  const char *aria = attr(element, "aria-hidden");
  if (aria && strcasecmp(aria, "true") == 0) return WN_SKIP_ARIA_HIDDEN;
  return WN_SKIP_NONE;
}

/* Hidden by its markup, unless it is one of the panels a reader opens. */
static wn_skip_reason hidden_by_markup(const GumboNode *element) {
  wn_skip_reason hidden = hiding_markup(element);
  if (hidden != WN_SKIP_NONE && (is_tab_panel(element) || is_collapsed_panel(element)))
    return WN_SKIP_NONE;
  return hidden;
}

wn_skip_reason wn_clean_skip(const GumboNode *element, const GumboNode *root,
                             wn_clean_sizes *sizes) {
  if (element->type != GUMBO_NODE_ELEMENT && element->type != GUMBO_NODE_TEMPLATE)
    return WN_SKIP_NONE;
  if (tag_has_no_text(element->v.element.tag)) return WN_SKIP_TAG;
  if (element->v.element.tag == GUMBO_TAG_NOSCRIPT &&
      share_of_page(wn_clean_text_size(element), root, sizes) < NOSCRIPT_MIN_SHARE)
    return WN_SKIP_TAG;
  if (element->v.element.attributes.length == 0) return WN_SKIP_NONE;
  if (is_permalink_anchor(element)) return WN_SKIP_TAG;
  const char *classes = attr(element, "class");
  if (classes && is_edit_control(classes)) return WN_SKIP_TAG;
  wn_skip_reason hidden = hidden_by_markup(element);
  if (hidden == WN_SKIP_NONE) return WN_SKIP_NONE;
  size_t chars = wn_clean_text_size(element); /* measured once for both shares */
  if (share_of_page(chars, root, sizes) < HIDDEN_MAX_SHARE &&
      !hides_main_region(element, chars, sizes) &&
      !hides_page_title(element, chars, root, sizes))
    return hidden;
  return WN_SKIP_NONE;
}

/* Iterative, so a page nested a million levels deep cannot overflow the stack. */
size_t wn_clean_text_size(const GumboNode *root) {
  size_t total = 0;
  for (const GumboNode *node = root; node; node = next_in_subtree(node, root)) {
    if (node->type != GUMBO_NODE_TEXT && node->type != GUMBO_NODE_CDATA) continue;
    for (const char *p = node->v.text.text; *p; p++)
      if (!isspace((unsigned char)*p)) total++;
  }
  return total;
}

/* ---- the whole tree ------------------------------------------------------ */

static size_t slot_of(const wn_cleaned *cleaned, const GumboNode *node) {
  uint64_t h = (uint64_t)(uintptr_t)node * 0x9E3779B97F4A7C15u; /* Fibonacci hashing */
  size_t slot = (size_t)(h >> 32) & (cleaned->cap - 1);
  while (cleaned->nodes[slot] && cleaned->nodes[slot] != node) slot = (slot + 1) & (cleaned->cap - 1);
  return slot;
}

static void grow(wn_cleaned *cleaned) {
  wn_cleaned bigger = {NULL, NULL, cleaned->cap ? cleaned->cap * 2 : 64, 0};
  bigger.nodes = wn_xcalloc(bigger.cap, sizeof *bigger.nodes);
  bigger.reasons = wn_xcalloc(bigger.cap, sizeof *bigger.reasons);
  for (size_t i = 0; i < cleaned->cap; i++) {
    if (!cleaned->nodes[i]) continue;
    size_t slot = slot_of(&bigger, cleaned->nodes[i]);
    bigger.nodes[slot] = cleaned->nodes[i];
    bigger.reasons[slot] = cleaned->reasons[i];
  }
  bigger.count = cleaned->count;
  wn_cleaned_free(cleaned);
  *cleaned = bigger;
}

static void record(wn_cleaned *cleaned, const GumboNode *node, wn_skip_reason reason) {
  if (2 * (cleaned->count + 1) > cleaned->cap) grow(cleaned);
  size_t slot = slot_of(cleaned, node);
  cleaned->nodes[slot] = node;
  cleaned->reasons[slot] = (unsigned char)reason;
  cleaned->count++;
}

static bool is_element(const GumboNode *node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

/* Whether the walk goes into `node`'s children; records it if skipped. */
static bool enter(const GumboNode *node, const GumboNode *root, wn_clean_sizes *sizes,
                  wn_cleaned *out) {
  if (!is_element(node) || node->v.element.tag == GUMBO_TAG_HEAD) return false;
  wn_skip_reason skip = wn_clean_skip(node, root, sizes);
  if (skip != WN_SKIP_NONE) record(out, node, skip);
  return skip == WN_SKIP_NONE && node->v.element.children.length > 0;
}

/* Iterative, with a stack of child positions: pages nest thousands deep. */
void wn_clean(const GumboNode *root, wn_cleaned *out) {
  memset(out, 0, sizeof *out);
  wn_clean_sizes sizes;
  wn_clean_sizes_init(&sizes);
  if (!enter(root, root, &sizes, out)) return;
  size_t depth = 0, cap = 64;
  const GumboNode **parents = wn_xcalloc(cap, sizeof *parents);
  unsigned *next = wn_xcalloc(cap, sizeof *next);
  parents[0] = root;
  next[0] = 0;
  depth = 1;
  while (depth) {
    const GumboNode *parent = parents[depth - 1];
    if (next[depth - 1] >= parent->v.element.children.length) {
      depth--;
      continue;
    }
    const GumboNode *child = parent->v.element.children.data[next[depth - 1]++];
    if (!enter(child, root, &sizes, out)) continue;
    if (depth == cap) {
      cap *= 2;
      parents = wn_xrealloc(parents, cap * sizeof *parents);
      next = wn_xrealloc(next, cap * sizeof *next);
    }
    parents[depth] = child;
    next[depth] = 0;
    depth++;
  }
  free(parents);
  free(next);
}

wn_skip_reason wn_cleaned_reason(const wn_cleaned *cleaned, const GumboNode *element) {
  if (!cleaned->count) return WN_SKIP_NONE;
  size_t slot = slot_of(cleaned, element);
  return cleaned->nodes[slot] ? (wn_skip_reason)cleaned->reasons[slot] : WN_SKIP_NONE;
}

void wn_cleaned_free(wn_cleaned *cleaned) {
  free(cleaned->nodes);
  free(cleaned->reasons);
  memset(cleaned, 0, sizeof *cleaned);
}
