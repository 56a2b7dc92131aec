/*
 * Replays inputs through a fuzz harness without libFuzzer: every file in
 * the directories given (the crashes and hangs fuzzing found, kept under
 * tests/fuzz_regress/) must run to the end, each within a time bound. A
 * directory without inputs fails, since its replay could not.
 *
 *   regress_HARNESS DIR...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fuzzing "hang" is an input over 10 s under the sanitizers. */
static const double SECONDS_PER_INPUT = 10.0;

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  unsigned char *data = malloc(cap);
  size_t got;
  while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) data = realloc(data, cap *= 2);
  }
  fclose(f);
  *len = n;
  return data;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int inputs = 0, slow = 0, empty = 0;
  for (int i = 1; i < argc; i++) {
    int before = inputs;
    DIR *dir = opendir(argv[i]);
    if (!dir) {
      perror(argv[i]);
      return 1;
    }
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
      if (e->d_name[0] == '.') continue;
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
      size_t len;
      unsigned char *data = read_file(path, &len);
      if (!data) continue;
      double start = now();
      LLVMFuzzerTestOneInput(data, len);
      double seconds = now() - start;
      free(data);
      inputs++;
      printf("%s: %.3f s\n", path, seconds);
      if (seconds > SECONDS_PER_INPUT) {
        printf("  too slow (over %.0f s)\n", SECONDS_PER_INPUT);
        slow++;
      }
    }
    closedir(dir);
    /* A replay of nothing would pass whatever the harness does. */
    if (inputs == before) {
      printf("%s: no inputs\n", argv[i]);
      empty++;
    }
  }
  printf("%d inputs, %d too slow\n", inputs, slow);
  return slow || empty || argc < 2 ? 1 : 0;
}
