#include "meta.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "buffer.h"
#include "dates.h"

/* Each value is cut to this many bytes (at a character boundary). */
enum { META_MAX_BYTES = 200 };
/* A stated article body is kept up to this many bytes. */
static const size_t ARTICLE_BODY_MAX_BYTES = (size_t)1 << 20;
/* JSON-LD blocks larger than this are not parsed. */
static const size_t JSONLD_MAX_BYTES = (size_t)1 << 20;
/* How far into arrays, @graph and mainEntity the JSON-LD objects are looked for. */
enum { JSONLD_MAX_DEPTH = 16 };
/* Members of an "author" list read at most (real pages list a handful). */
enum { MAX_AUTHORS_READ = 64 };

/* ---- values ------------------------------------------------------------ */

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Cut `len` bytes of UTF-8 back to a character boundary at most `max` long. */
static size_t utf8_cut(const char *s, size_t len, size_t max) {
  if (len <= max) return len;
  size_t n = max;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  return n;
}

/*
 * A new string: whitespace trimmed and runs of it made one space, at most
 * META_MAX_BYTES; NULL when nothing is left.
 */
static char *clean_value(const char *s, size_t len) {
  wn_buf out;
  wn_buf_init(&out);
  bool space = false;
  for (size_t i = 0; i < len && out.len <= META_MAX_BYTES; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (c == '\0') break;
    if (space && out.len) wn_buf_putc(&out, ' ');
    space = false;
    wn_buf_putc(&out, (char)c);
  }
  if (!out.len) {
    wn_buf_free(&out);
    return NULL;
  }
  out.len = utf8_cut(out.data, out.len, META_MAX_BYTES);
  while (out.len && out.data[out.len - 1] == ' ') out.len--;
  out.data[out.len] = '\0';
  return wn_buf_detach(&out, NULL);
}

static bool is_url(const char *s) {
  return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0 ||
         strncmp(s, "//", 2) == 0 || strncmp(s, "www.", 4) == 0;
}

/* Keep `value` in *slot unless something is there already; frees it otherwise. */
static void keep_first(char **slot, char *value) {
  if (!*slot) *slot = value;
  else free(value);
}

static const char *attr(const GumboNode *element, const char *name) {
  const GumboAttribute *a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a ? a->value : NULL;
}

/* ---- JSON-LD ----------------------------------------------------------- */

typedef struct reader {
  /* JSON-LD: the best object's values so far, and how good that object was. */
  char *ld_author;
  int ld_author_rank;
  char *ld_date;
  int ld_date_rank;
  /* <meta> tags, one slot per key in order of preference. */
  char *meta_author[5];
  char *meta_date[6];
  char *itemprop_date; /* itemprop="datePublished" on another element */
  char *article_time;  /* the first <time datetime> inside <article> */
  int articles_open;
  int comments_open;   /* comment sections: their dates are the comments' */
  bool ld_article, ld_product;
  bool forum_thread; /* JSON-LD or microdata types the page a forum thread */
  char *ld_type;     /* @type of the best-ranked JSON-LD object */
  char *ld_body;     /* the longest articleBody of an article-typed object */
  int ld_type_rank;
  /* What the page says of itself in <meta> and <link>, one slot per key in
   * order of preference (see FACT_KEYS). */
  char *facts[WN_FACT_COUNT][3];
  wn_buf keywords; /* article:tag values, one tag each, joined with ", " */
} reader;

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The schema.org type name without its prefix ("https://schema.org/", "schema:"). */
static const char *bare_type(const char *type) {
  const char *slash = strrchr(type, '/');
  if (slash) type = slash + 1;
  const char *colon = strrchr(type, ':');
  return colon ? colon + 1 : type;
}

/* 2 for articles and posts, 1 for web pages, 0 for anything else. */
static int type_name_rank(const char *type) {
  type = bare_type(type);
  if (ends_with(type, "Article") || ends_with(type, "Posting") || strcmp(type, "Report") == 0)
    return 2;
  if (ends_with(type, "Page")) return 1;
  return 0;
}

/* A single text and its discussion: an article or a blog post, not a forum
 * thread (DiscussionForumPosting) or a social media post. */
static bool is_article_type(const char *type) {
  type = bare_type(type);
  return ends_with(type, "Article") || strcmp(type, "BlogPosting") == 0 ||
         strcmp(type, "Report") == 0;
}

static bool is_product_type(const char *type) { return strcmp(bare_type(type), "Product") == 0; }

/* A forum thread: its replies are the page. (A QAPage's answers are too,
 * but the comments under each answer are not.) */
static bool is_forum_thread_type(const char *type) {
  return strcmp(bare_type(type), "DiscussionForumPosting") == 0;
}

static void note_type(reader *r, json_t *type) {
  if (!json_is_string(type)) return;
  if (is_article_type(json_string_value(type))) r->ld_article = true;
  if (is_product_type(json_string_value(type))) r->ld_product = true;
  if (is_forum_thread_type(json_string_value(type))) r->forum_thread = true;
}

/* What the object's @type (a name or an array of names) says the page is. */
static void note_kind(reader *r, json_t *object) {
  json_t *type = json_object_get(object, "@type");
  json_t *one;
  size_t i;
  note_type(r, type);
  if (json_is_array(type)) json_array_foreach(type, i, one) note_type(r, one);
}

static int type_rank(json_t *object) {
  json_t *type = json_object_get(object, "@type");
  if (json_is_string(type)) return type_name_rank(json_string_value(type));
  int best = 0;
  if (json_is_array(type)) {
    size_t i;
    json_t *t;
    json_array_foreach(type, i, t) {
      if (!json_is_string(t)) continue;
      int rank = type_name_rank(json_string_value(t));
      if (rank > best) best = rank;
    }
  }
  return best;
}

typedef struct ld_objects {
  json_t **items;
  size_t count, cap;
} ld_objects;

/* The objects of a JSON-LD document: itself, array members, @graph, mainEntity. */
static void collect_objects(json_t *value, int depth, ld_objects *out) {
  if (depth > JSONLD_MAX_DEPTH) return;
  if (json_is_array(value)) {
    size_t i;
    json_t *member;
    json_array_foreach(value, i, member) collect_objects(member, depth + 1, out);
    return;
  }
  if (!json_is_object(value)) return;
  if (out->count == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 16;
    out->items = wn_xrealloc(out->items, out->cap * sizeof *out->items);
  }
  out->items[out->count++] = value;
  collect_objects(json_object_get(value, "@graph"), depth + 1, out);
  collect_objects(json_object_get(value, "mainEntity"), depth + 1, out);
}

/* The "name" of the object with this @id ({"@id": "#author"} points there). */
static json_t *name_by_id(const ld_objects *objects, const char *id) {
  for (size_t i = 0; i < objects->count; i++) {
    json_t *other_id = json_object_get(objects->items[i], "@id");
    json_t *name = json_object_get(objects->items[i], "name");
    if (json_is_string(other_id) && json_is_string(name) &&
        strcmp(json_string_value(other_id), id) == 0)
      return name;
  }
  return NULL;
}

/* Append one author's name to the ", "-joined list, unless it is there already. */
static void add_name(wn_buf *names, json_t *name) {
  if (!json_is_string(name) || names->len >= META_MAX_BYTES) return;
  char *value = clean_value(json_string_value(name), json_string_length(name));
  if (!value) return;
  if (is_url(value)) {
    free(value);
    return;
  }
  size_t len = strlen(value);
  /* Whole names only: one that would not fit is left out, unless it is the first. */
  if (names->len && names->len + 2 + len > META_MAX_BYTES) {
    free(value);
    return;
  }
  for (size_t at = 0; at < names->len;) {
    const char *end = strstr(names->data + at, ", ");
    size_t item_len = end ? (size_t)(end - names->data) - at : names->len - at;
    if (item_len == len && memcmp(names->data + at, value, len) == 0) {
      free(value);
      return;
    }
    at += item_len + 2;
  }
  if (names->len) wn_buf_puts(names, ", ");
  wn_buf_append(names, value, len);
  free(value);
}

static void add_author(wn_buf *names, json_t *author, const ld_objects *objects) {
  if (json_is_string(author)) {
    add_name(names, author);
  } else if (json_is_object(author)) {
    json_t *name = json_object_get(author, "name");
    json_t *id = json_object_get(author, "@id");
    if (!name && json_is_string(id)) name = name_by_id(objects, json_string_value(id));
    add_name(names, name);
  }
}

/* The author(s) an object names, joined with ", ", or NULL. */
static char *object_author(json_t *object, const ld_objects *objects) {
  json_t *author = json_object_get(object, "author");
  if (!author) return NULL;
  wn_buf names;
  wn_buf_init(&names);
  if (json_is_array(author)) {
    size_t i;
    json_t *member;
    /* A name given by @id is looked up among all objects: a list of
     * thousands of them made that authors x objects. The names field holds
     * a few names at most (META_MAX_BYTES), so the list is read no further. */
    json_array_foreach(author, i, member) {
      if (i >= MAX_AUTHORS_READ || names.len >= META_MAX_BYTES) break;
      add_author(&names, member, objects);
    }
  } else {
    add_author(&names, author, objects);
  }
  if (!names.len) {
    wn_buf_free(&names);
    return NULL;
  }
  char *joined = clean_value(names.data, names.len);
  wn_buf_free(&names);
  /* A list cut short loses a dangling separator. */
  size_t len = joined ? strlen(joined) : 0;
  while (len && joined[len - 1] == ',') joined[--len] = '\0';
  if (joined && !len) {
    free(joined);
    joined = NULL;
  }
  return joined;
}

static char *string_member(json_t *object, const char *key) {
  json_t *value = json_object_get(object, key);
  return json_is_string(value) ? clean_value(json_string_value(value), json_string_length(value))
                               : NULL;
}

/* Whether the object's @type (or one of its types) is an article's. */
static bool is_article_object(json_t *object) {
  json_t *type = json_object_get(object, "@type"), *one;
  if (json_is_string(type)) return is_article_type(json_string_value(type));
  size_t i;
  if (json_is_array(type))
    json_array_foreach(type, i, one) if (json_is_string(one) && is_article_type(json_string_value(one))) return true;
  return false;
}

/* articleBody as written, its line breaks kept as paragraph ends, cut to
 * ARTICLE_BODY_MAX_BYTES; the longest stated body wins. */
static void keep_longest_body(reader *r, json_t *body) {
  if (!json_is_string(body)) return;
  size_t len = utf8_cut(json_string_value(body), json_string_length(body), ARTICLE_BODY_MAX_BYTES);
  if (r->ld_body && strlen(r->ld_body) >= len) return;
  char *copy = malloc(len + 1);
  if (!copy) return;
  memcpy(copy, json_string_value(body), len);
  copy[len] = '\0';
  free(r->ld_body);
  r->ld_body = copy;
}

static void read_jsonld_document(reader *r, json_t *root) {
  ld_objects objects = {0};
  collect_objects(root, 0, &objects);
  for (size_t i = 0; i < objects.count; i++) {
    json_t *object = objects.items[i];
    note_kind(r, object);
    int rank = type_rank(object);
    if (rank == 0) continue;
    if (rank > r->ld_type_rank) {
      json_t *type = json_object_get(object, "@type");
      if (json_is_array(type)) type = json_array_get(type, 0);
      if (json_is_string(type)) {
        free(r->ld_type);
        r->ld_type = clean_value(json_string_value(type), json_string_length(type));
        r->ld_type_rank = rank;
      }
    }
    if (rank > r->ld_author_rank) {
      char *author = object_author(object, &objects);
      if (author) {
        free(r->ld_author);
        r->ld_author = author;
        r->ld_author_rank = rank;
      }
    }
    if (is_article_object(object)) keep_longest_body(r, json_object_get(object, "articleBody"));
    /* datePublished beats dateCreated within one rank of object. */
    if (rank * 2 + 1 > r->ld_date_rank) {
      int date_rank = rank * 2 + 1;
      char *date = string_member(object, "datePublished");
      if (!date && rank * 2 > r->ld_date_rank) {
        date = string_member(object, "dateCreated");
        date_rank = rank * 2;
      }
      if (date) {
        free(r->ld_date);
        r->ld_date = date;
        r->ld_date_rank = date_rank;
      }
    }
  }
  free(objects.items);
}

static bool starts_with(const char *s, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  return len >= n && memcmp(s, prefix, n) == 0;
}

static bool ends_with_n(const char *s, size_t len, const char *suffix) {
  size_t n = strlen(suffix);
  return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/*
 * Make a script's text parseable where pages commonly break it: comment and
 * CDATA wrappers, a trailing semicolon, raw line breaks and tabs inside
 * strings (JSON wants them escaped).
 */
static void tidy_jsonld(wn_buf *json) {
  if (!json->data) return;
  char *s = json->data;
  size_t len = json->len;
  for (bool changed = true; changed;) {
    changed = false;
    while (len && is_space((unsigned char)*s)) s++, len--;
    while (len && (is_space((unsigned char)s[len - 1]) || s[len - 1] == ';')) len--;
    static const char *const PREFIXES[] = {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["};
    static const char *const SUFFIXES[] = {"-->", "//]]>", "/*]]>*/", "]]>"};
    for (size_t i = 0; i < sizeof PREFIXES / sizeof PREFIXES[0]; i++) {
      if (starts_with(s, len, PREFIXES[i])) {
        s += strlen(PREFIXES[i]);
        len -= strlen(PREFIXES[i]);
        changed = true;
      }
      if (ends_with_n(s, len, SUFFIXES[i])) {
        len -= strlen(SUFFIXES[i]);
        changed = true;
      }
    }
  }
  bool in_string = false, escaped = false;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!in_string) {
      if (c == '"') in_string = true;
    } else if (escaped) {
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c == '"') {
      in_string = false;
    } else if (c < 0x20) {
      s[i] = ' ';
    }
  }
  memmove(json->data, s, len);
  json->len = len;
  json->data[len] = '\0';
}

static void read_jsonld_script(reader *r, const GumboNode *script) {
  const char *type = attr(script, "type");
  if (!type) return;
  while (is_space((unsigned char)*type)) type++;
  if (strncasecmp(type, "application/ld+json", 19) != 0) return;
  const char *rest = type + 19;
  while (is_space((unsigned char)*rest)) rest++;
  if (*rest && *rest != ';') return;

  const GumboVector *children = &script->v.element.children;
  size_t total = 0;
  for (unsigned i = 0; i < children->length; i++) {
    const GumboNode *child = children->data[i];
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA)
      total += strlen(child->v.text.text);
    if (total > JSONLD_MAX_BYTES) return;
  }
  if (total == 0) return;
  wn_buf json;
  wn_buf_init(&json);
  wn_buf_reserve(&json, total + 1);
  for (unsigned i = 0; i < children->length; i++) {
    const GumboNode *child = children->data[i];
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA)
      wn_buf_puts(&json, child->v.text.text);
  }
  tidy_jsonld(&json);
  json_error_t error;
  json_t *root = json.len ? json_loadb(json.data, json.len, 0, &error) : NULL;
  wn_buf_free(&json);
  if (!root) return; /* malformed: ignored */
  read_jsonld_document(r, root);
  json_decref(root);
}

/* ---- meta tags and elements -------------------------------------------- */

static const char *const AUTHOR_KEYS[] = {"author", "article:author", "parsely-author",
                                          "sailthru.author", "dc.creator"};
static const char *const DATE_KEYS[] = {"article:published_time", "date", "pubdate",
                                        "publishdate", "dc.date", "datepublished"};

/* Per fact, the <meta> keys that state it, best first. */
static const char *const FACT_KEYS[WN_FACT_COUNT][3] = {
    [WN_FACT_SITE_NAME] = {"og:site_name", "application-name", NULL},
    [WN_FACT_DESCRIPTION] = {"og:description", "description", "twitter:description"},
    [WN_FACT_IMAGE] = {"og:image", "twitter:image", "og:image:url"},
    [WN_FACT_KEYWORDS] = {"keywords", "news_keywords", NULL},
    [WN_FACT_PAGE_TYPE] = {"og:type", NULL, NULL},
    /* The first slot is <link rel="canonical">'s (a <meta> never has that key). */
    [WN_FACT_CANONICAL] = {"link:canonical", "og:url", NULL},
};

static void read_fact(reader *r, const char *key, const char *content) {
  for (int f = 0; f < WN_FACT_COUNT; f++)
    for (int k = 0; k < 3 && FACT_KEYS[f][k]; k++)
      if (strcasecmp(key, FACT_KEYS[f][k]) == 0 && !r->facts[f][k])
        r->facts[f][k] = clean_value(content, strlen(content));
  if (strcasecmp(key, "article:tag") == 0 && r->keywords.len < META_MAX_BYTES) {
    char *tag = clean_value(content, strlen(content));
    if (tag && r->keywords.len) wn_buf_puts(&r->keywords, ", ");
    if (tag) wn_buf_puts(&r->keywords, tag);
    free(tag);
  }
}

static int key_index(const char *key, const char *const *keys, size_t count) {
  if (!key) return -1;
  for (size_t i = 0; i < count; i++)
    if (strcasecmp(key, keys[i]) == 0) return (int)i;
  return -1;
}

static void read_meta_tag(reader *r, const GumboNode *meta) {
  const char *content = attr(meta, "content");
  if (!content) return;
  /* The key may be in name=, property= (Open Graph style) or itemprop=. */
  const char *keys[3] = {attr(meta, "name"), attr(meta, "property"), attr(meta, "itemprop")};
  for (int k = 0; k < 3; k++) {
    if (keys[k]) read_fact(r, keys[k], content);
    int a = key_index(keys[k], AUTHOR_KEYS, sizeof AUTHOR_KEYS / sizeof AUTHOR_KEYS[0]);
    if (a >= 0 && !r->meta_author[a]) {
      char *value = clean_value(content, strlen(content));
      /* article:author is often the author's profile page. */
      if (value && is_url(value)) {
        free(value);
        value = NULL;
      }
      keep_first(&r->meta_author[a], value);
    }
    int d = key_index(keys[k], DATE_KEYS, sizeof DATE_KEYS / sizeof DATE_KEYS[0]);
    if (d >= 0 && !r->meta_date[d]) keep_first(&r->meta_date[d], clean_value(content, strlen(content)));
  }
}

/* `needle` is lower case and starts with a letter. */
static bool contains_ascii_ci(const char *haystack, const char *needle) {
  size_t n = strlen(needle);
  char lower = needle[0], upper = (char)(lower - 32);
  for (const char *p = haystack; *p; p++)
    if ((*p == lower || *p == upper) && strncasecmp(p, needle, n) == 0) return true;
  return false;
}

/*
 * A comment, or the section holding them: class or id says so (as the
 * segmenter's cues do: "comment", "disqus"), or microdata types it Comment.
 * WordPress writes each comment as an <article> with its own <time>.
 */
static bool is_comment_area(const GumboNode *node) {
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_SCRIPT ||
      tag == GUMBO_TAG_META)
    return false;
  const char *names[] = {attr(node, "class"), attr(node, "id")};
  for (int i = 0; i < 2; i++)
    if (names[i] && (contains_ascii_ci(names[i], "comment") || contains_ascii_ci(names[i], "disqus")))
      return true;
  const char *itemtype = attr(node, "itemtype");
  return itemtype && contains_ascii_ci(itemtype, "schema.org/Comment");
}

/* Returns whether the element opened a comment area (for leave_element). */
static bool enter_element(reader *r, const GumboNode *node) {
  GumboTag tag = node->v.element.tag;
  switch (tag) {
  case GUMBO_TAG_SCRIPT:
    read_jsonld_script(r, node);
    return false;
  case GUMBO_TAG_META:
    read_meta_tag(r, node);
    return false;
  case GUMBO_TAG_LINK: {
    /* <link rel="canonical"> ranks above og:url. */
    const char *rel = attr(node, "rel"), *href = attr(node, "href");
    if (rel && href && strcasecmp(rel, "canonical") == 0 && !r->facts[WN_FACT_CANONICAL][0])
      r->facts[WN_FACT_CANONICAL][0] = clean_value(href, strlen(href));
    return false;
  }
  case GUMBO_TAG_ARTICLE:
    r->articles_open++;
    break;
  default:
    break;
  }
  const char *itemtype = attr(node, "itemtype");
  if (itemtype && is_forum_thread_type(itemtype)) r->forum_thread = true;
  bool comment = node->v.element.attributes.length && is_comment_area(node);
  if (comment) r->comments_open++;
  if (r->comments_open) return comment;
  const char *itemprop = attr(node, "itemprop");
  if (itemprop && strcasecmp(itemprop, "datePublished") == 0 && !r->itemprop_date) {
    const char *value = attr(node, "datetime");
    if (!value) value = attr(node, "content");
    if (value) r->itemprop_date = clean_value(value, strlen(value));
  }
  if (tag == GUMBO_TAG_TIME && r->articles_open > 0 && !r->article_time) {
    const char *datetime = attr(node, "datetime");
    if (datetime) r->article_time = clean_value(datetime, strlen(datetime));
  }
  return comment;
}

static void leave_element(reader *r, const GumboNode *node, bool comment) {
  if (node->v.element.tag == GUMBO_TAG_ARTICLE) r->articles_open--;
  if (comment) r->comments_open--;
}

typedef struct frame {
  const GumboNode *node;
  unsigned next_child;
  bool comment; /* opened a comment area */
} frame;

/* Depth-first over the whole tree with an explicit stack: pages nest deeply. */
static void walk(reader *r, const GumboNode *root) {
  size_t depth = 0, cap = 64;
  frame *stack = wn_xmalloc(cap * sizeof *stack);
  stack[depth++] = (frame){root, 0, enter_element(r, root)};
  while (depth) {
    frame *top = &stack[depth - 1];
    const GumboVector *children = &top->node->v.element.children;
    if (top->next_child >= children->length) {
      leave_element(r, top->node, top->comment);
      depth--;
      continue;
    }
    const GumboNode *child = children->data[top->next_child++];
    if (child->type != GUMBO_NODE_ELEMENT && child->type != GUMBO_NODE_TEMPLATE) continue;
    bool comment = enter_element(r, child);
    if (depth == cap) {
      cap *= 2;
      stack = wn_xrealloc(stack, cap * sizeof *stack);
    }
    stack[depth++] = (frame){child, 0, comment};
  }
  free(stack);
}

/* The ISO form of the first of `count` stated dates that reads as one; all
 * are freed. */
static char *first_iso_date(char **dates, size_t count) {
  char *iso = NULL;
  for (size_t i = 0; i < count; i++) {
    if (!iso && dates[i]) iso = wn_date_iso(dates[i], 0);
    free(dates[i]);
  }
  return iso;
}

/* The entities that JSON-LD and <meta> values carry escaped once more. */
static const struct {
  const char *name, *text;
} ENTITIES[] = {{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
                {"&lt;", "<"},  {"&gt;", ">"},    {"&nbsp;", " "}};

static char *decode_entities(char *s) {
  char *w = s;
  for (const char *p = s; *p;) {
    size_t k = 0, n = sizeof ENTITIES / sizeof ENTITIES[0];
    while (k < n && strncmp(p, ENTITIES[k].name, strlen(ENTITIES[k].name)) != 0) k++;
    if (k == n) {
      *w++ = *p++;
      continue;
    }
    size_t len = strlen(ENTITIES[k].text);
    memcpy(w, ENTITIES[k].text, len);
    w += len;
    p += strlen(ENTITIES[k].name);
  }
  *w = '\0';
  return s;
}

/* Upper-case letters and spaces only, with at least two letters: an outlet
 * ("USA TODAY", "AP", "CNN") rather than a person. */
static bool outlet_like(const char *s) {
  int letters = 0;
  for (; *s; s++) {
    if (*s >= 'A' && *s <= 'Z') letters++;
    else if (*s != ' ' && *s != '.') return false;
  }
  return letters >= 2;
}

/* "Maria &amp; Katerina, USA TODAY" -> "Maria & Katerina": entities decoded,
 * a last ", X" / " | X" / " - X" dropped where X is the site's name or an
 * outlet written in capitals after a name that is not. */
static char *tidy_author(char *author, const char *site_name) {
  if (!author) return NULL;
  decode_entities(author);
  static const char *const SEPARATORS[] = {", ", " | ", " - ", " / "};
  for (size_t k = 0; k < sizeof SEPARATORS / sizeof SEPARATORS[0]; k++) {
    char *cut = NULL;
    for (char *p = strstr(author, SEPARATORS[k]); p; p = strstr(p + 1, SEPARATORS[k])) cut = p;
    if (!cut || cut == author) continue;
    const char *tail = cut + strlen(SEPARATORS[k]);
    char saved = *cut;
    *cut = '\0';
    bool outlet = (site_name && strcasecmp(tail, site_name) == 0) ||
                  (outlet_like(tail) && !outlet_like(author));
    *cut = saved;
    if (outlet) {
      *cut = '\0';
      break;
    }
  }
  return author;
}

void wn_meta_free(wn_meta *meta) {
  if (!meta) return;
  free(meta->author);
  free(meta->date);
  free(meta->article_body);
  for (int f = 0; f < WN_FACT_COUNT; f++) free(meta->facts[f]);
  memset(meta, 0, sizeof *meta);
}

/* The first non-NULL of `count` slots, taken out; the rest are freed. */
static char *take_first(char **slots, size_t count) {
  char *chosen = NULL;
  for (size_t i = 0; i < count; i++) {
    if (!chosen) chosen = slots[i];
    else free(slots[i]);
    slots[i] = NULL;
  }
  return chosen;
}

void wn_meta_read(const GumboOutput *tree, wn_meta *out) {
  memset(out, 0, sizeof *out);
  if (!tree || !tree->root || tree->root->type != GUMBO_NODE_ELEMENT) return;
  reader r;
  memset(&r, 0, sizeof r);
  walk(&r, tree->root);

  char *meta_author = take_first(r.meta_author, sizeof r.meta_author / sizeof r.meta_author[0]);
  if (r.ld_author) {
    out->author = r.ld_author;
    free(meta_author);
  } else {
    out->author = meta_author;
  }

  for (int f = 0; f < WN_FACT_COUNT; f++) out->facts[f] = take_first(r.facts[f], 3);
  if (!out->facts[WN_FACT_KEYWORDS] && r.keywords.len)
    out->facts[WN_FACT_KEYWORDS] = clean_value(r.keywords.data, r.keywords.len);
  wn_buf_free(&r.keywords);
  if (!out->facts[WN_FACT_PAGE_TYPE]) out->facts[WN_FACT_PAGE_TYPE] = r.ld_type;
  else free(r.ld_type);
  out->author = tidy_author(out->author, out->facts[WN_FACT_SITE_NAME]);

  char *dates[] = {r.ld_date, NULL, r.itemprop_date, r.article_time};
  dates[1] = take_first(r.meta_date, sizeof r.meta_date / sizeof r.meta_date[0]);
  out->date = first_iso_date(dates, sizeof dates / sizeof dates[0]);
  out->describes_article = r.ld_article;
  out->describes_product = r.ld_product;
  out->describes_forum_thread = r.forum_thread;
  out->article_body = r.ld_body;
}
