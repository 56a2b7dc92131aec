/*
 * libFuzzer harness for record mode: the input is a JSON Lines stream read
 * through a memory FILE, and the records go to a memory FILE too, so the
 * writer's paths are exercised as well as the reader's.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0; /* fmemopen refuses an empty buffer */
  FILE *in = fmemopen((void *)data, size, "r");
  if (!in) return 0;
  char *records = NULL;
  size_t records_len = 0;
  FILE *out = open_memstream(&records, &records_len);
  if (out) {
    winnow_options opts;
    winnow_options_init(&opts);
    wn_jsonl_stats stats = {0, 0};
    wn_jsonl_process(in, out, &opts, 0, &stats);
    fclose(out);
  }
  free(records);
  fclose(in);
  return 0;
}
