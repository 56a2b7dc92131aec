#include "buffer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static _Thread_local wn_recovery *innermost;
static _Thread_local long allocations_left = -1;
static _Thread_local const wn_deadline *deadline;
static _Thread_local unsigned ticks;

void wn_recovery_push(wn_recovery *r) {
  r->outer = innermost;
  innermost = r;
}

void wn_recovery_pop(wn_recovery *r) { innermost = r->outer; }

_Noreturn void wn_jump_outward(int why) {
  wn_recovery *r = innermost;
  if (!r) __builtin_trap(); /* as in wn_out_of_memory */
  innermost = r->outer;
  longjmp(r->jump, why);
}

_Noreturn void wn_out_of_memory(void) {
  wn_recovery *r = innermost;
  /* Every allocation of the library happens under winnow_extract's
   * recovery point, and the programs hold their own: reaching here
   * without one is a bug in the caller, not a state to report. */
  if (!r) __builtin_trap();
  innermost = r->outer;
  longjmp(r->jump, WN_JUMP_MEMORY);
}

double wn_clock_seconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

void wn_deadline_set(const wn_deadline *d) {
  deadline = d;
  ticks = 0;
}

void wn_deadline_check(void) {
  const wn_deadline *d = deadline;
  if (!d) return;
  int why = d->cancel && *d->cancel                     ? WN_JUMP_CANCEL
            : d->end > 0 && wn_clock_seconds() > d->end ? WN_JUMP_TIMEOUT
                                                        : 0;
  if (!why) return;
  wn_recovery *r = innermost;
  if (!r) __builtin_trap(); /* as in wn_out_of_memory */
  innermost = r->outer;
  longjmp(r->jump, why);
}

/* 4096 allocations take well under a millisecond. */
void wn_deadline_tick(void) {
  if (deadline && (++ticks & 4095) == 0) wn_deadline_check();
}

void wn_fail_allocations_after(long count) { allocations_left = count; }

/* Whether the allocation about to be made is one a test asked to fail. */
static int injected_failure(void) {
  if (allocations_left < 0) return 0;
  if (allocations_left == 0) return 1;
  allocations_left--;
  return 0;
}

void *wn_xmalloc(size_t size) {
  wn_deadline_tick();
  void *p = injected_failure() ? NULL : malloc(size ? size : 1);
  if (!p) wn_out_of_memory();
  return p;
}

void *wn_xcalloc(size_t count, size_t size) {
  wn_deadline_tick();
  void *p = injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1);
  if (!p) wn_out_of_memory();
  return p;
}

void *wn_xrealloc(void *ptr, size_t size) {
  wn_deadline_tick();
  void *p = injected_failure() ? NULL : realloc(ptr, size ? size : 1);
  if (!p) wn_out_of_memory();
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
  if (extra > SIZE_MAX - 1 - buf->len) wn_out_of_memory();
  size_t need = buf->len + extra + 1;
  if (need <= buf->cap) return;
  size_t cap = buf->cap ? buf->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
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
