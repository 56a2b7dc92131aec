#include "warc.h"

#include <errno.h>
#include <string.h>

int wn_warc_process(const char *path, FILE *out, FILE *err, const winnow_options *opts,
                    wn_warc_stats *stats) {
  (void)path;
  (void)out;
  (void)err;
  (void)opts;
  memset(stats, 0, sizeof *stats);
  errno = ENOSYS;
  return -1;
}
