/*
 * Growable byte buffer, and allocation helpers that never return NULL.
 *
 * When memory runs out, the helpers jump to the innermost recovery point
 * of the calling thread (wn_recovery_push + setjmp), which releases what
 * its stage owns and reports the failure: winnow_extract() holds one
 * around every page, so the library returns WINNOW_ERR_MEMORY instead of
 * stopping the program. Code that allocates outside an extraction must
 * hold a recovery point of its own.
 */
#ifndef WN_BUFFER_H
#define WN_BUFFER_H

#include <setjmp.h>
#include <stddef.h>

typedef struct wn_buf {
  char *data; /* always NUL-terminated once anything was appended */
  size_t len;
  size_t cap;
} wn_buf;

typedef struct wn_recovery {
  jmp_buf jump;
  struct wn_recovery *outer;
} wn_recovery;

/* Make `r` the thread's recovery point; then `if (setjmp(r->jump))` marks
 * where a failed allocation lands (with `r` already popped). */
void wn_recovery_push(wn_recovery *r);
/* Leave `r` (the innermost point) on the normal path. */
void wn_recovery_pop(wn_recovery *r);
/* Jump to the innermost recovery point with WN_JUMP_* `why` (a recovery
 * point that frees what it holds passes the jump on this way). */
_Noreturn void wn_jump_outward(int why);
/* Jump to the innermost recovery point: an allocation cannot be had. */
_Noreturn void wn_out_of_memory(void);

/*
 * A time limit on the work of this thread (one extraction). Past it, or
 * once *cancel is nonzero, the next check jumps to the innermost recovery
 * point as a failed allocation does, with WN_JUMP_TIMEOUT (WN_JUMP_CANCEL)
 * instead of WN_JUMP_MEMORY: the checks sit where memory is allocated, so whatever
 * frees the memory of a failed extraction frees a late one too.
 */
enum { WN_JUMP_MEMORY = 1, WN_JUMP_TIMEOUT = 2, WN_JUMP_CANCEL = 3 };

typedef struct wn_deadline {
  double end;                 /* on the thread's CPU clock, in seconds; <= 0 = none */
  const volatile int *cancel; /* NULL = none */
} wn_deadline;

/* Seconds of processor time the calling thread has used: the measure of
 * a page's work that other work on the machine does not inflate. */
double wn_clock_seconds(void);
/* Make `d` the thread's limit (NULL: none) and restart the check count. */
void wn_deadline_set(const wn_deadline *d);
/* Jump now if the thread's limit has passed. */
void wn_deadline_check(void);
/* The same, but reading the clock only every few thousand calls: cheap
 * enough for every allocation. */
void wn_deadline_tick(void);

/* Tests only: the next `count` allocations succeed and all after fail,
 * until called again with a negative count (the default: none fail). */
void wn_fail_allocations_after(long count);

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
