#include "url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buffer.h"

/* Length of the scheme and its ":" at the start of `s`, or 0 when none. */
static size_t scheme_length(const char *s) {
  if (!isalpha((unsigned char)s[0])) return 0;
  size_t i = 1;
  while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.') i++;
  return s[i] == ':' ? i + 1 : 0;
}

static bool has_scheme(const char *s, const char *scheme) {
  size_t n = strlen(scheme);
  return strncasecmp(s, scheme, n) == 0 && s[n] == ':';
}

bool wn_url_is_web(const char *url) {
  return url && (has_scheme(url, "http") || has_scheme(url, "https")) && url[scheme_length(url)];
}

/* As browsers read an href: without surrounding spaces and controls, and
 * without the tabs and line breaks inside it. */
static char *tidy(const char *ref) {
  while (*ref && (unsigned char)*ref <= 0x20) ref++;
  size_t n = strlen(ref);
  while (n && (unsigned char)ref[n - 1] <= 0x20) n--;
  char *out = wn_xmalloc(n + 1);
  size_t o = 0;
  for (size_t i = 0; i < n; i++)
    if (ref[i] != '\t' && ref[i] != '\n' && ref[i] != '\r') out[o++] = ref[i];
  out[o] = '\0';
  return out;
}

/* Append `path` (up to `len`) to `out` without "." and ".." segments. */
static void append_path(wn_buf *out, const char *path, size_t len) {
  size_t root = out->len;
  size_t i = 0;
  while (i < len) {
    size_t end = i + 1;
    while (end < len && path[end] != '/') end++;
    /* path[i] is '/', the segment is path[i+1..end) */
    size_t seg = end - i - 1;
    const char *s = path + i + 1;
    if (seg == 1 && s[0] == '.') {
      if (end == len) wn_buf_putc(out, '/');
    } else if (seg == 2 && s[0] == '.' && s[1] == '.') {
      while (out->len > root && out->data[out->len - 1] != '/') out->len--;
      if (out->len > root) out->len--;
      if (end == len) wn_buf_putc(out, '/');
    } else {
      wn_buf_append(out, path + i, end - i);
    }
    i = end;
  }
  if (out->data) out->data[out->len] = '\0';
}

/* Where the authority of an absolute hierarchical URL ends. */
static size_t authority_end(const char *base, size_t scheme) {
  size_t i = scheme;
  if (base[i] == '/' && base[i + 1] == '/') {
    i += 2;
    while (base[i] && base[i] != '/' && base[i] != '?' && base[i] != '#') i++;
  }
  return i;
}

static char *resolve_relative(const char *base, const char *ref) {
  size_t scheme = scheme_length(base);
  size_t auth = authority_end(base, scheme);
  size_t path_end = auth + strcspn(base + auth, "?#");
  size_t query_end = path_end + strcspn(base + path_end, "#");
  wn_buf out;
  wn_buf_init(&out);
  if (ref[0] == '/' && ref[1] == '/') {
    wn_buf_append(&out, base, scheme);
    wn_buf_puts(&out, ref);
  } else if (ref[0] == '#') {
    wn_buf_append(&out, base, query_end);
    wn_buf_puts(&out, ref);
  } else if (ref[0] == '?') {
    wn_buf_append(&out, base, path_end);
    wn_buf_puts(&out, ref);
  } else {
    wn_buf_append(&out, base, auth);
    size_t ref_path = strcspn(ref, "?#");
    if (ref[0] == '/') {
      append_path(&out, ref, ref_path);
    } else {
      /* The base's directory, then the reference. */
      wn_buf merged;
      wn_buf_init(&merged);
      size_t dir = path_end;
      while (dir > auth && base[dir - 1] != '/') dir--;
      if (dir == auth) wn_buf_putc(&merged, '/');
      else wn_buf_append(&merged, base + auth, dir - auth);
      wn_buf_append(&merged, ref, ref_path);
      append_path(&out, merged.data, merged.len);
      wn_buf_free(&merged);
    }
    wn_buf_puts(&out, ref + ref_path);
  }
  if (!out.data) wn_buf_append(&out, "", 0);
  return wn_buf_detach(&out, NULL);
}

char *wn_url_resolve(const char *base, const char *ref) {
  if (!ref) return NULL;
  char *r = tidy(ref);
  if (!r[0]) {
    free(r);
    return NULL;
  }
  if (scheme_length(r)) {
    if (has_scheme(r, "http") || has_scheme(r, "https") || has_scheme(r, "mailto")) return r;
    free(r);
    return NULL;
  }
  if (!wn_url_is_web(base)) return r;
  char *resolved = resolve_relative(base, r);
  free(r);
  return resolved;
}
