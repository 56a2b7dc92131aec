#define _GNU_SOURCE /* memmem */
#include "prepass.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

/*
 * A light scan that knows just enough of the HTML tokenizer to find where
 * script and style bodies start and end: comments, tags with quoted
 * attribute values, and the elements whose text is raw (their bodies are
 * copied unread, so a "<script" in a <textarea> stays text).
 */

typedef struct scan {
  char *s;
  size_t len;
  size_t r, w; /* read and write positions; w <= r always */
} scan;

static void copy(scan *c, size_t n) {
  if (c->r + n > c->len) n = c->len - c->r;
  if (c->w != c->r) memmove(c->s + c->w, c->s + c->r, n);
  c->r += n;
  c->w += n;
}

static bool is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

static bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

/* Where "</NAME" followed by a space, "/" or ">" starts at or after `from`
 * (ASCII case-insensitive), or len. */
static size_t find_end_tag(const scan *c, size_t from, const char *name, size_t name_len) {
  for (size_t i = from; i + 2 + name_len <= c->len; i++) {
    const char *lt = memchr(c->s + i, '<', c->len - i);
    if (!lt) break;
    i = (size_t)(lt - c->s);
    if (i + 2 + name_len > c->len) break;
    if (c->s[i + 1] != '/') continue;
    if (strncasecmp(c->s + i + 2, name, name_len) != 0) continue;
    size_t after = i + 2 + name_len;
    if (after == c->len || is_space(c->s[after]) || c->s[after] == '/' || c->s[after] == '>')
      return i;
  }
  return c->len;
}

/* The end of a start tag that begins at c->r: one past its ">", or len. */
static size_t tag_end(const scan *c) {
  size_t i = c->r + 1;
  while (i < c->len) {
    char ch = c->s[i];
    if (ch == '>') return i + 1;
    if (ch == '=') {
      i++;
      while (i < c->len && is_space(c->s[i])) i++;
      if (i < c->len && (c->s[i] == '"' || c->s[i] == '\'')) {
        const char *close = memchr(c->s + i + 1, c->s[i], c->len - i - 1);
        i = close ? (size_t)(close - c->s) + 1 : c->len;
        continue;
      }
      continue;
    }
    i++;
  }
  return c->len;
}

/* ASCII case-insensitive search; `needle` is lower case. */
static bool has_text(const char *s, size_t len, const char *needle) {
  size_t n = strlen(needle);
  char first = needle[0], upper = (char)(first >= 'a' && first <= 'z' ? first - 32 : first);
  for (size_t i = 0; i + n <= len; i++) {
    const char *hit = memchr(s + i, first, len - i);
    const char *hit_upper = upper != first ? memchr(s + i, upper, len - i) : NULL;
    if (!hit || (hit_upper && hit_upper < hit)) hit = hit_upper;
    if (!hit) return false;
    i = (size_t)(hit - s);
    if (i + n <= len && strncasecmp(s + i, needle, n) == 0) return true;
  }
  return false;
}

typedef enum { BODY_NORMAL, BODY_ELIDE, BODY_RAW, BODY_REST, BODY_SVG } body_kind;

/* HTML start tags that end foreign content when met inside <svg> (the
 * parser's "breakout" list), so that what follows is HTML again. */
static bool breaks_out_of_svg(const scan *c, size_t from, size_t to) {
  static const char *const BREAKOUT[] = {
      "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
      "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
      "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
      "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font"};
  for (size_t i = from; i + 1 < to; i++) {
    if (c->s[i] != '<' || !is_alpha(c->s[i + 1])) continue;
    size_t n = 0;
    while (i + 1 + n < to && (is_alpha(c->s[i + 1 + n]) || (c->s[i + 1 + n] >= '0' && c->s[i + 1 + n] <= '9')))
      n++;
    for (size_t k = 0; k < sizeof BREAKOUT / sizeof BREAKOUT[0]; k++)
      if (strlen(BREAKOUT[k]) == n && strncasecmp(c->s + i + 1, BREAKOUT[k], n) == 0) return true;
  }
  return false;
}

/* Where the <svg> whose body starts at `from` ends: its matching "</svg",
 * counting nested <svg> elements, or len. */
static size_t find_svg_end(const scan *c, size_t from) {
  int depth = 1;
  for (size_t i = from; i + 5 <= c->len; i++) {
    if (c->s[i] != '<') continue;
    bool close = c->s[i + 1] == '/';
    size_t at = i + 1 + (close ? 1 : 0);
    if (at + 3 > c->len || strncasecmp(c->s + at, "svg", 3) != 0) continue;
    char after = at + 3 < c->len ? c->s[at + 3] : '>';
    if (!is_space(after) && after != '/' && after != '>') continue;
    if (!close) {
      depth++;
    } else if (--depth == 0) {
      return i;
    }
  }
  return c->len;
}

/* What to do with the body of the element whose start tag is [start, end). */
static body_kind classify_tag(const scan *c, size_t name_len, size_t end, const char **name) {
  const char *tag = c->s + c->r + 1;
  static const char *const RAW[] = {"textarea", "title", "xmp", "iframe", "noembed",
                                     "noframes"};
  *name = NULL;
  if (name_len == 6 && strncasecmp(tag, "script", 6) == 0) {
    *name = "script";
    /* JSON-LD is read for the author and date: it stays. */
    return has_text(tag, end - c->r - 1, "ld+json") ? BODY_RAW : BODY_ELIDE;
  }
  if (name_len == 5 && strncasecmp(tag, "style", 5) == 0) {
    *name = "style";
    return BODY_ELIDE;
  }
  if (name_len == 9 && strncasecmp(tag, "plaintext", 9) == 0) return BODY_REST;
  /* Inline SVG (icons, charts) is drawing, not text; the cleaning stage
   * skips it whole. */
  if (name_len == 3 && strncasecmp(tag, "svg", 3) == 0) return BODY_SVG;
  for (size_t i = 0; i < sizeof RAW / sizeof RAW[0]; i++)
    if (strlen(RAW[i]) == name_len && strncasecmp(tag, RAW[i], name_len) == 0) {
      *name = RAW[i];
      return BODY_RAW;
    }
  return BODY_NORMAL;
}

static void start_tag(scan *c) {
  size_t name_len = 0;
  while (c->r + 1 + name_len < c->len &&
         (is_alpha(c->s[c->r + 1 + name_len]) || c->s[c->r + 1 + name_len] == '-' ||
          (c->s[c->r + 1 + name_len] >= '0' && c->s[c->r + 1 + name_len] <= '9')))
    name_len++;
  size_t end = tag_end(c);
  const char *name;
  body_kind kind = classify_tag(c, name_len, end, &name);
  bool self_closing = end >= 2 && end <= c->len && c->s[end - 1] == '>' && c->s[end - 2] == '/';
  copy(c, end - c->r);
  if (kind == BODY_NORMAL || (self_closing && kind != BODY_REST)) return;
  if (kind == BODY_REST) {
    copy(c, c->len - c->r);
    return;
  }
  if (kind == BODY_SVG) {
    size_t svg_end = find_svg_end(c, c->r);
    /* Unclosed, or holding HTML that would break out of it: parse as is. */
    if (svg_end < c->len && !breaks_out_of_svg(c, c->r, svg_end)) c->r = svg_end;
    return;
  }
  size_t body_end = find_end_tag(c, c->r, name, strlen(name));
  /* Escaped script text ("<!--" ... "<script>") follows other rules: keep it. */
  if (kind == BODY_ELIDE && !has_text(c->s + c->r, body_end - c->r, "<!--")) c->r = body_end;
  else copy(c, body_end - c->r);
}

size_t wn_elide_raw_text(char *html, size_t len) {
  scan c = {html, len, 0, 0};
  while (c.r < c.len) {
    const char *lt = memchr(c.s + c.r, '<', c.len - c.r);
    if (!lt) {
      copy(&c, c.len - c.r);
      break;
    }
    copy(&c, (size_t)(lt - (c.s + c.r)));
    if (c.r + 4 <= c.len && memcmp(c.s + c.r, "<!--", 4) == 0) {
      const char *close = memmem(c.s + c.r + 4, c.len - c.r - 4, "-->", 3);
      copy(&c, close ? (size_t)(close - (c.s + c.r)) + 3 : c.len - c.r);
    } else if (c.r + 1 < c.len && is_alpha(c.s[c.r + 1])) {
      start_tag(&c);
    } else {
      copy(&c, 1);
    }
  }
  if (c.w < c.len) html[c.w] = '\0';
  return c.w;
}
