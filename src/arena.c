#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"

struct wn_arena_chunk {
  wn_arena_chunk *next;
  size_t used;
  _Alignas(16) char data[WN_ARENA_CHUNK];
};

void wn_arena_init(wn_arena *a, size_t limit) {
  memset(a, 0, sizeof *a);
  a->large.next = a->large.u.prev = &a->large;
  a->limit = limit;
}

static void charge(wn_arena *a, size_t bytes) {
  if (a->limit && (a->live + bytes > a->limit || a->live + bytes < a->live) && a->on_exhausted)
    longjmp(*a->on_exhausted, 1);
  a->live += bytes;
}

/* A large block is preceded by its size, for the budget's accounting. */
typedef struct large_prefix {
  _Alignas(16) size_t bytes;
} large_prefix;

static wn_arena_block *alloc_large(wn_arena *a, size_t rounded) {
  size_t bytes = sizeof(large_prefix) + sizeof(wn_arena_block) + rounded;
  charge(a, bytes);
  large_prefix *p = wn_xmalloc(bytes);
  p->bytes = bytes;
  wn_arena_block *b = (wn_arena_block *)(p + 1);
  b->next = a->large.next;
  b->u.prev = &a->large;
  a->large.next->u.prev = b;
  a->large.next = b;
  return b;
}

static wn_arena_block *alloc_small(wn_arena *a, size_t rounded) {
  size_t size_class = rounded / WN_ARENA_ALIGN - 1;
  wn_arena_block *b = a->free_small[size_class];
  if (b) {
    a->free_small[size_class] = b->next;
  } else {
    size_t need = sizeof(wn_arena_block) + rounded;
    if (!a->chunks || a->chunks->used + need > WN_ARENA_CHUNK) {
      charge(a, sizeof(wn_arena_chunk));
      wn_arena_chunk *c = wn_xmalloc(sizeof *c);
      c->next = a->chunks;
      c->used = 0;
      a->chunks = c;
    }
    b = (wn_arena_block *)(a->chunks->data + a->chunks->used);
    a->chunks->used += need;
  }
  b->next = NULL;
  b->u.size = rounded;
  return b;
}

void *wn_arena_alloc(void *userdata, size_t size) {
  wn_arena *a = userdata;
  wn_deadline_tick(); /* the parser allocates for every node it makes */
  if (size > SIZE_MAX / 2) wn_out_of_memory(); /* no request is ever near this */
  size_t rounded = size ? (size + WN_ARENA_ALIGN - 1) & ~(size_t)(WN_ARENA_ALIGN - 1)
                        : WN_ARENA_ALIGN;
  wn_arena_block *b = rounded >= WN_ARENA_LARGE
                          ? alloc_large(a, rounded)
                          : alloc_small(a, rounded);
  return b + 1;
}

void wn_arena_free(void *userdata, void *ptr) {
  wn_arena *a = userdata;
  if (!ptr) return;
  wn_arena_block *b = (wn_arena_block *)ptr - 1;
  if (!b->next) { /* small: back on its size's list, for the next request */
    size_t size_class = b->u.size / WN_ARENA_ALIGN - 1;
    b->next = a->free_small[size_class];
    a->free_small[size_class] = b;
    return;
  }
  b->u.prev->next = b->next;
  b->next->u.prev = b->u.prev;
  large_prefix *p = (large_prefix *)b - 1;
  a->live -= p->bytes;
  free(p);
}

void wn_arena_release(wn_arena *a) {
  while (a->chunks) {
    wn_arena_chunk *next = a->chunks->next;
    free(a->chunks);
    a->chunks = next;
  }
  while (a->large.next != &a->large) {
    wn_arena_block *b = a->large.next;
    a->large.next = b->next;
    free((large_prefix *)b - 1);
  }
  wn_arena_init(a, a->limit);
}
