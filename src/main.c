/*
 * winnow: command-line front end. Parses options and moves bytes; every
 * decision about the page is made by winnow_extract().
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "winnow.h"

enum exit_code { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* Long-only options get values outside the char range. */
enum { OPT_VERSION = 256, OPT_ENCODING, OPT_NO_TITLE, OPT_EXPLAIN, OPT_LANG, OPT_KEEP_FOREIGN };

static const char *const usage_text =
    "Usage: winnow [OPTION]... [FILE]...\n"
    "Print the main text of an HTML page: the article, post or product\n"
    "description, without navigation, footers, cookie and consent banners,\n"
    "\"AI-generated image\" labels, share buttons, newsletter boxes or\n"
    "related-article teasers, in any of some 40 languages, and without\n"
    "interface labels written in another language than the article's.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. With several\n"
    "files, their extracted texts are printed one after another, in order.\n"
    "The input may be in any common encoding; it is detected from the BOM,\n"
    "<meta charset> or the bytes themselves. The output is always UTF-8:\n"
    "the page title first, then the content blocks separated by blank lines.\n"
    "\n"
    "Options:\n"
    "      --encoding=NAME  treat the input as NAME (e.g. UTF-8, ISO-8859-1,\n"
    "                       windows-1252, Shift_JIS) instead of detecting it\n"
    "      --no-title       do not print the page title\n"
    "      --lang=CODE      the article is in language CODE (ISO 639-1: en, de,\n"
    "                       fi, ja...); by default it is identified from the\n"
    "                       page's main text, with <html lang> as a hint\n"
    "      --keep-foreign   keep short blocks in other languages than the\n"
    "                       article's (by default, interface chrome in another\n"
    "                       language is dropped; quotes and lang-tagged text stay)\n"
    "      --explain        instead of the text, print one line per block:\n"
    "                       kept or dropped, the reason (outside-main,\n"
    "                       navigation, link-dense, consent-manager,\n"
    "                       consent-text, ai-label, chrome-section(related),\n"
    "                       chrome-line(advertisement), caption, duplicate,\n"
    "                       foreign-language, ...), its length, link density,\n"
    "                       value and language; and the page's language\n"
    "  -h, --help           show this help and exit\n"
    "      --version        show the version and exit\n"
    "\n"
    "Examples:\n"
    "  curl -s https://example.com/post | winnow\n"
    "  winnow saved-page.html > article.txt\n"
    "  winnow --encoding=windows-1252 old-page.html\n"
    "  winnow --explain page.html | grep drop   # why was a paragraph lost?\n"
    "  winnow --lang=en page.html               # English article, foreign UI\n"
    "\n"
    "Exit status:\n"
    "  0  success (also when a page has no main text and nothing is printed)\n"
    "  1  an input could not be read, or the output could not be written\n"
    "  2  usage error: unknown option, missing argument, unknown encoding,\n"
    "     unknown language code\n";

typedef struct bytes {
  char *data;
  size_t len;
} bytes;

static void usage_error(const char *what, const char *arg) {
  fprintf(stderr, "winnow: %s '%s'\nTry 'winnow --help'.\n", what, arg);
}

/*
 * Read a whole stream. A size hint (from fstat) avoids repeated copying of
 * large regular files; the loop still handles pipes and files that grow.
 * Returns 0, or an errno value.
 */
static int read_stream(FILE *fp, size_t hint, bytes *out) {
  size_t cap = hint > 0 ? hint + 1 : 64 * 1024;
  char *data = malloc(cap);
  size_t len = 0;
  if (data == NULL) return ENOMEM;
  for (;;) {
    if (len == cap) {
      if (cap > SIZE_MAX / 2) {
        free(data);
        return ENOMEM;
      }
      char *grown = realloc(data, cap * 2);
      if (grown == NULL) {
        free(data);
        return ENOMEM;
      }
      data = grown;
      cap *= 2;
    }
    size_t n = fread(data + len, 1, cap - len, fp);
    len += n;
    if (n == 0) break;
  }
  if (ferror(fp)) {
    int err = errno ? errno : EIO;
    free(data);
    return err;
  }
  out->data = data;
  out->len = len;
  return 0;
}

/* Size hint for a stream; fails with EISDIR for directories, which fopen
 * happily opens on Linux and which would otherwise read as an odd error. */
static int stream_hint(FILE *fp, size_t *hint) {
  struct stat st;
  *hint = 0;
  if (fstat(fileno(fp), &st) != 0) return 0;
  if (S_ISDIR(st.st_mode)) return EISDIR;
  if (S_ISREG(st.st_mode) && st.st_size > 0) *hint = (size_t)st.st_size;
  return 0;
}

static int read_input(const char *path, bytes *out) {
  int is_stdin = strcmp(path, "-") == 0;
  FILE *fp = is_stdin ? stdin : fopen(path, "rb");
  size_t hint;
  int err;
  if (fp == NULL) return errno;
  errno = 0;
  err = stream_hint(fp, &hint);
  if (err == 0) err = read_stream(fp, hint, out);
  if (is_stdin)
    clearerr(stdin); /* a later "-" then reads as empty, not as an error */
  else
    fclose(fp);
  return err;
}

/* 0 on success; a broken pipe stays quiet since the reader chose to stop. */
static int write_all(const char *data, size_t len) {
  if (len > 0 && fwrite(data, 1, len, stdout) != len) {
    if (errno != EPIPE) fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
    return -1;
  }
  return 0;
}

typedef enum { PAGE_OK, PAGE_FAILED, PAGE_USAGE, PAGE_WRITE } page_outcome;

static page_outcome process(const char *path, const winnow_options *opts) {
  const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
  bytes in = {0};
  int err = read_input(path, &in);
  if (err != 0) {
    fprintf(stderr, "winnow: %s: %s\n", name, strerror(err));
    return PAGE_FAILED;
  }
  winnow_result res;
  winnow_status st = winnow_extract(in.data, in.len, opts, &res);
  free(in.data);
  if (st == WINNOW_ERR_ENCODING) {
    usage_error("unknown encoding", opts->encoding ? opts->encoding : "");
    return PAGE_USAGE;
  }
  if (st == WINNOW_ERR_LANGUAGE) {
    usage_error("unknown language code (want ISO 639-1, e.g. en, de, ja)",
                opts->lang ? opts->lang : "");
    return PAGE_USAGE;
  }
  if (st != WINNOW_OK) {
    fprintf(stderr, "winnow: %s: %s\n", name, winnow_status_string(st));
    return PAGE_FAILED;
  }
  int wrote = write_all(res.text, res.text_len);
  winnow_result_free(&res);
  return wrote == 0 ? PAGE_OK : PAGE_WRITE;
}

/* Returns -1 to continue, or the exit code when parsing ends the run. */
static int parse_options(int argc, char **argv, winnow_options *opts) {
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, OPT_VERSION},
      {"encoding", required_argument, NULL, OPT_ENCODING},
      {"no-title", no_argument, NULL, OPT_NO_TITLE},
      {"explain", no_argument, NULL, OPT_EXPLAIN},
      {"lang", required_argument, NULL, OPT_LANG},
      {"keep-foreign", no_argument, NULL, OPT_KEEP_FOREIGN},
      {NULL, 0, NULL, 0}};
  int c;
  opterr = 0; /* our own messages: getopt's would print the full argv[0] */
  while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
    switch (c) {
    case 'h':
      fputs(usage_text, stdout);
      return fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
    case OPT_VERSION:
      printf("winnow %s\n", WINNOW_VERSION);
      return fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
    case OPT_ENCODING: opts->encoding = optarg; break;
    case OPT_NO_TITLE: opts->include_title = 0; break;
    case OPT_EXPLAIN: opts->format = WINNOW_FORMAT_EXPLAIN; break;
    case OPT_LANG: opts->lang = optarg; break;
    case OPT_KEEP_FOREIGN: opts->keep_foreign = 1; break;
    case ':':
      usage_error("option requires an argument", argv[optind - 1]);
      return EXIT_USAGE;
    default:
      /* optopt is set for short options; long ones leave the text in argv */
      if (optopt > 0 && optopt < OPT_VERSION) {
        char opt[3] = {'-', (char)optopt, '\0'};
        usage_error("unknown option", opt);
      } else {
        usage_error("unknown option", argv[optind - 1]);
      }
      return EXIT_USAGE;
    }
  }
  return -1;
}

int main(int argc, char **argv) {
  winnow_options opts;
  winnow_options_init(&opts);
  /* Without this a closed pipe kills us silently mid-write; ignoring it
   * turns the condition into an EPIPE that we can handle like any error. */
  signal(SIGPIPE, SIG_IGN);

  int code = parse_options(argc, argv, &opts);
  if (code >= 0) return code;

  code = EXIT_OK;
  /* No operands means one pass over stdin, as if "-" had been given. */
  for (int i = optind; i < argc || i == optind; i++) {
    page_outcome o = process(i < argc ? argv[i] : "-", &opts);
    if (o == PAGE_USAGE) return EXIT_USAGE;
    if (o == PAGE_WRITE) return EXIT_INPUT;
    if (o == PAGE_FAILED) code = EXIT_INPUT;
  }
  errno = 0;
  if (fflush(stdout) != 0 || ferror(stdout)) {
    if (errno != EPIPE) fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
    return EXIT_INPUT;
  }
  return code;
}
