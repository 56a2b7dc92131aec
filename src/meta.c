#include "meta.h"

#include <string.h>

void wn_meta_read(const GumboOutput *tree, wn_meta *out) {
  (void)tree;
  memset(out, 0, sizeof *out);
}
