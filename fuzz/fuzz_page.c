/*
 * libFuzzer harness for the library's page entry point. The first byte
 * picks the options (format, title, foreign chrome, a forced encoding,
 * a stated language), so one corpus reaches every renderer and the
 * decoder's forced path; 0 means the defaults.
 */
#include <stddef.h>
#include <stdint.h>

#include "winnow.h"

static const char *const forced_encodings[] = {NULL, "windows-1252", "UTF-16LE", "Shift_JIS"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  winnow_options opts;
  winnow_options_init(&opts);
  if (size > 0) {
    uint8_t knobs = data[0];
    opts.format = (winnow_format)((knobs & 3) % 3);
    opts.include_title = !((knobs >> 2) & 1);
    opts.keep_foreign = (knobs >> 3) & 1;
    opts.encoding = forced_encodings[(knobs >> 4) & 3];
    if ((knobs >> 6) & 1) opts.lang = "de";
    data++;
    size--;
  }
  winnow_result result;
  if (winnow_extract((const char *)data, size, &opts, &result) == WINNOW_OK)
    winnow_result_free(&result);
  return 0;
}
