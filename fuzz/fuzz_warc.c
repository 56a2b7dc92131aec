/*
 * libFuzzer harness for the WARC reader. The reader takes a path (it opens
 * plain and gzipped files alike through zlib), so each input is written to
 * a file in memory-backed storage first.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char warc_path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!warc_path[0]) {
    const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(warc_path, sizeof warc_path, "%s/winnow-fuzz-%ld.warc", dir, (long)getpid());
  }
  FILE *f = fopen(warc_path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  char *records = NULL, *messages = NULL;
  size_t records_len = 0, messages_len = 0;
  FILE *out = open_memstream(&records, &records_len);
  FILE *err = open_memstream(&messages, &messages_len);
  if (out && err) {
    winnow_options opts;
    winnow_options_init(&opts);
    wn_warc_stats stats = {0, 0, 0};
    wn_warc_process(warc_path, out, err, &opts, 0, &stats);
  }
  unlink(warc_path); /* gone even if the next input crashes the process */
  if (out) fclose(out);
  if (err) fclose(err);
  free(records);
  free(messages);
  return 0;
}
