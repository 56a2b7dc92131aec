#include "buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Running out of memory is not recoverable for a filter: say so and stop. */
static void out_of_memory(size_t size) {
  fprintf(stderr, "winnow: out of memory (asked for %zu bytes)\n", size);
  abort();
}

void *wn_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) out_of_memory(size);
  return p;
}

void *wn_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) out_of_memory(count * size);
  return p;
}

void *wn_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) out_of_memory(size);
  return p;
}

char *wn_xstrndup(const char *s, size_t len) {
  char *p = wn_xmalloc(len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

void wn_buf_init(wn_buf *buf) {
  buf->data = NULL;
  buf->len = 0;
  buf->cap = 0;
}

void wn_buf_free(wn_buf *buf) {
  free(buf->data);
  wn_buf_init(buf);
}

void wn_buf_reserve(wn_buf *buf, size_t extra) {
  size_t need = buf->len + extra + 1;
  if (need <= buf->cap) return;
  size_t cap = buf->cap ? buf->cap : 64;
  while (cap < need) cap *= 2;
  buf->data = wn_xrealloc(buf->data, cap);
  buf->cap = cap;
}

void wn_buf_append(wn_buf *buf, const char *s, size_t len) {
  wn_buf_reserve(buf, len);
  memcpy(buf->data + buf->len, s, len);
  buf->len += len;
  buf->data[buf->len] = '\0';
}

void wn_buf_puts(wn_buf *buf, const char *s) { wn_buf_append(buf, s, strlen(s)); }

void wn_buf_putc(wn_buf *buf, char c) { wn_buf_append(buf, &c, 1); }

void wn_buf_printf(wn_buf *buf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n <= 0) return;
  wn_buf_reserve(buf, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  buf->len += (size_t)n;
}

void wn_buf_clear(wn_buf *buf) {
  buf->len = 0;
  if (buf->data) buf->data[0] = '\0';
}

char *wn_buf_detach(wn_buf *buf, size_t *len) {
  if (!buf->data) wn_buf_reserve(buf, 0), buf->data[0] = '\0';
  char *data = buf->data;
  if (len) *len = buf->len;
  wn_buf_init(buf);
  return data;
}
