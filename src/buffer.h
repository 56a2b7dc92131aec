/* Growable byte buffer, and allocation helpers that abort on exhaustion. */
#ifndef WN_BUFFER_H
#define WN_BUFFER_H

#include <stddef.h>

typedef struct wn_buf {
  char *data; /* always NUL-terminated once anything was appended */
  size_t len;
  size_t cap;
} wn_buf;

void *wn_xmalloc(size_t size);
void *wn_xcalloc(size_t count, size_t size);
void *wn_xrealloc(void *ptr, size_t size);
char *wn_xstrndup(const char *s, size_t len);

void wn_buf_init(wn_buf *buf);
void wn_buf_free(wn_buf *buf);
void wn_buf_reserve(wn_buf *buf, size_t extra);
void wn_buf_append(wn_buf *buf, const char *s, size_t len);
void wn_buf_puts(wn_buf *buf, const char *s);
void wn_buf_putc(wn_buf *buf, char c);
void wn_buf_printf(wn_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void wn_buf_clear(wn_buf *buf);
/* Hand the bytes to the caller (never NULL) and reset the buffer. */
char *wn_buf_detach(wn_buf *buf, size_t *len);

#endif
