/*
 * libFuzzer harness for batch mode: one page, its file name and the run's
 * options from the input, written to a directory in memory-backed storage
 * and cleaned into another. Reaches the input listing (extensions, globs,
 * clashing outputs), the zlib reader (names ending in .gz; plain bytes
 * read through as well), the JSON record with an arbitrary file name, and
 * the atomic writer.
 *
 * Input: a knobs byte, then the file name up to the first NUL ('/' becomes
 * '_'; none or empty: "page.html"), then the file's bytes. Knobs: bits 0-1
 * the format (txt, md, json), bit 2 a second copy named with .htm (the two
 * outputs clash), bit 3 --skip-existing, bit 4 --glob='*' instead of the
 * default extensions.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { NAME_MAX_BYTES = 200 };

static char root[64], in_dir[80], out_dir[80];

static void write_file(const char *dir, const char *name, const uint8_t *data, size_t size) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fwrite(data, 1, size, f);
  fclose(f);
}

/* Empties a directory of files (the batch makes no subdirectories here). */
static void empty_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char path[512];
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    unlink(path);
  }
  closedir(d);
}

/* The name part of the input, made a single path component. */
static size_t take_name(const uint8_t *data, size_t size, char *name) {
  const uint8_t *nul = memchr(data, 0, size);
  size_t n = nul ? (size_t)(nul - data) : 0;
  size_t used = nul ? n + 1 : 0;
  if (n > NAME_MAX_BYTES) n = NAME_MAX_BYTES;
  for (size_t i = 0; i < n; i++) name[i] = data[i] == '/' ? '_' : (char)data[i];
  name[n] = '\0';
  if (n == 0 || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) strcpy(name, "page.html");
  return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!root[0]) {
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(root, sizeof root, "%s/winnow-fuzz-batch-%ld", base, (long)getpid());
    snprintf(in_dir, sizeof in_dir, "%s/in", root);
    snprintf(out_dir, sizeof out_dir, "%s/out", root);
  }
  /* Made and removed for every input, so that nothing outlives the run. */
  mkdir(root, 0700);
  mkdir(in_dir, 0700);
  uint8_t knobs = size ? data[0] : 0;
  if (size) data++, size--;
  char name[NAME_MAX_BYTES + 8];
  size_t used = take_name(data, size, name);
  data += used;
  size -= used;
  write_file(in_dir, name, data, size);
  if (knobs & 4) {
    char twin[NAME_MAX_BYTES + 8];
    char *dot = strrchr(name, '.');
    snprintf(twin, sizeof twin, "%.*s.htm", (int)(dot ? dot - name : (ptrdiff_t)strlen(name)), name);
    if (strcmp(twin, name) != 0) write_file(in_dir, twin, data, size);
  }

  char *inputs[] = {in_dir};
  wn_batch_options o;
  memset(&o, 0, sizeof o);
  o.out_dir = out_dir;
  o.inputs = inputs;
  o.input_count = 1;
  o.glob = (knobs & 16) ? "*" : NULL;
  o.jobs = 1;
  o.quiet = true;
  o.skip_existing = (knobs & 8) != 0;
  o.max_bytes = (size_t)1 << 20;
  o.format = (wn_output_format)((knobs & 3) % 3);
  winnow_options_init(&o.extract);
  wn_batch_stats stats;
  wn_batch_run(&o, &stats);

  empty_dir(in_dir);
  empty_dir(out_dir);
  rmdir(in_dir);
  rmdir(out_dir);
  rmdir(root);
  return 0;
}
