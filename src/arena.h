/*
 * The parse tree's memory. Gumbo allocates every node, attribute and string
 * on its own, and the tree lives exactly as long as one extraction, so its
 * allocations come from an arena released at once. Small blocks are carved
 * from 64 KiB chunks and recycled by size when Gumbo frees them (its string
 * buffers grow by copying); large ones (growing text buffers) are real
 * allocations, returned as soon as Gumbo lets go of them, so a huge text
 * node does not pile up copies.
 *
 * The arena also enforces a byte budget: when an allocation would take the
 * live total past `limit`, it jumps to `on_exhausted` (set with setjmp by
 * the caller around the parse). Nothing but arena memory is held across
 * the parser's frames, so abandoning the parse this way loses nothing.
 */
#ifndef WN_ARENA_H
#define WN_ARENA_H

#include <setjmp.h>
#include <stddef.h>

enum { WN_ARENA_CHUNK = 64 * 1024, WN_ARENA_LARGE = 8 * 1024, WN_ARENA_ALIGN = 16 };

typedef struct wn_arena_block wn_arena_block;
typedef struct wn_arena_chunk wn_arena_chunk;

struct wn_arena_block { /* the header before every allocation */
  wn_arena_block *next; /* large: ring; small: NULL in use, free-list link once freed */
  union {
    wn_arena_block *prev; /* large: ring */
    size_t size;          /* small: rounded size */
  } u;
};

typedef struct wn_arena {
  wn_arena_chunk *chunks;
  wn_arena_block large; /* ring head */
  wn_arena_block *free_small[WN_ARENA_LARGE / WN_ARENA_ALIGN];
  size_t live;           /* bytes held: chunks plus large blocks */
  size_t limit;          /* 0 = no budget */
  jmp_buf *on_exhausted; /* where to go when the budget is spent */
} wn_arena;

void wn_arena_init(wn_arena *a, size_t limit);
void wn_arena_release(wn_arena *a);

/* Gumbo's allocator and deallocator; userdata is the arena. */
void *wn_arena_alloc(void *userdata, size_t size);
void wn_arena_free(void *userdata, void *ptr);

#endif
