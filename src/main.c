/*
 * winnow: command-line front end. Parses options and moves bytes; every
 * decision about the page is made by winnow_extract().
 */
#include <errno.h>
#include <getopt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "batch.h"
#include "buffer.h"
#include "decode.h"
#include "jsonl.h"
#include "render.h"
#include "warc.h"
#include "winnow.h"

/* EXIT_INTERRUPTED: as a shell reports a command that SIGINT ended. */
enum exit_code { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_INTERRUPTED = 130 };

/* Set by SIGINT or SIGTERM outside batch mode (which keeps its own): the
 * page in hand stops (it is the extractions' cancel flag) and no other
 * starts. */
static volatile sig_atomic_t interrupted = 0;
_Static_assert(_Generic(interrupted, int: 1, default: 0), "sig_atomic_t is an int");

static void interrupt(int sig) {
  (void)sig;
  interrupted = 1;
}

/* Without SA_RESTART, so that a read waiting on stdin returns too. */
static void catch_interrupts(void) {
  struct sigaction sa = {0};
  sa.sa_handler = interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
}

/* Long-only options get values outside the char range. */
enum {
  OPT_VERSION = 256, OPT_ENCODING, OPT_ENCODING_HINT, OPT_NO_TITLE, OPT_EXPLAIN, OPT_LANG, OPT_KEEP_FOREIGN,
  OPT_FORMAT, OPT_SKIP_EXISTING, OPT_GLOB, OPT_EXT, OPT_JSONL, OPT_WARC, OPT_MAX_BYTES,
  OPT_MAX_DEPTH, OPT_MAX_NODES, OPT_MAX_TREE_MEMORY, OPT_FOLLOW, OPT_TIMEOUT, OPT_COMMENTS,
  OPT_URL, OPT_LINKS, OPT_NO_LINKS, OPT_IMAGES
};

/* Inputs larger than this are refused unless --max-bytes says otherwise. */
static const size_t DEFAULT_MAX_BYTES = (size_t)64 << 20;

/* Everything the command line asks for. */
typedef struct cli {
  winnow_options opts;
  wn_output_format format;
  bool explain;
  const char *out_dir;   /* batch mode when set */
  int jobs;
  bool quiet, skip_existing, follow, jsonl, warc;
  const char *markdown_only; /* the last option given that only Markdown uses */
  const char *glob, *extensions;
  size_t max_bytes;
} cli;

static const char *const usage_text =
    "Usage: winnow [OPTION]... [FILE]...\n"
    "Print the main text of an HTML page: the article, post or product\n"
    "description, without navigation, footers, cookie and consent banners,\n"
    "\"AI-generated image\" labels, share buttons, newsletter boxes or\n"
    "related-article teasers, in any of some 40 languages, and without\n"
    "interface labels written in another language than the article's.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. With several\n"
    "files, each text follows a line \"==> FILE <==\", a blank line between\n"
    "pages (JSON records carry their path instead). FILE may be gzipped.\n"
    "The input may be in any common encoding; it is detected from the BOM,\n"
    "<meta charset> or the bytes themselves (a statistical detector for\n"
    "unlabelled Cyrillic, Greek, Central European, Chinese, Japanese, Korean\n"
    "and other legacy encodings). The output is always UTF-8:\n"
    "the page title first, then the content blocks separated by blank lines.\n"
    "\n"
    "Options:\n"
    "      --encoding=NAME  treat the input as NAME (e.g. UTF-8, ISO-8859-1,\n"
    "                       windows-1252, Shift_JIS) instead of detecting it\n"
    "      --encoding-hint=NAME  the charset the server sent (curl -w\n"
    "                       '%{content_type}'): it wins over <meta>, not over\n"
    "                       a byte-order mark; an unknown name is ignored\n"
    "      --no-title       do not print the page title\n"
    "      --lang=CODE      the article is in language CODE (ISO 639-1: en, de,\n"
    "                       fi, ja...); by default it is identified from the\n"
    "                       page's main text, with <html lang> as a hint\n"
    "      --keep-foreign   keep short blocks in other languages than the\n"
    "                       article's (by default, interface chrome in another\n"
    "                       language is dropped; quotes and lang-tagged text stay)\n"
    "      --comments       keep readers' comments that follow the article, after\n"
    "                       it (in Markdown under a '## Comments' heading); comment\n"
    "                       forms, share rows and counters are still dropped\n"
    "      --explain        instead of the text, print one line per block:\n"
    "                       kept or dropped, the reason (outside-main,\n"
    "                       navigation, link-dense, consent-manager,\n"
    "                       consent-text, ai-label, chrome-section(related),\n"
    "                       chrome-line(advertisement), caption, duplicate,\n"
    "                       foreign-language, ...), its length, link density,\n"
    "                       value and language; and the page's language\n"
    "      --format=FMT     txt (default), md (Markdown: headings, lists, tables,\n"
    "                       code fences) or json (one object: path or url,\n"
    "                       title, lang, text, and author/date when stated;\n"
    "                       bytes of a path that are not UTF-8 as \\xNN);\n"
    "                       with --jsonl or --warc, txt or md: the records'\n"
    "                       \"text\" is then plain text or Markdown\n"
    "      --links          Markdown: links as [text](url) (the default); links\n"
    "                       to other schemes than http, https and mailto keep\n"
    "                       only their text\n"
    "      --no-links       Markdown: only the links' text\n"
    "      --images         Markdown: images with alt text as ![alt](src)\n"
    "      --url=URL        Markdown: the page's URL, against which relative\n"
    "                       links resolve (below <base href>); --jsonl and\n"
    "                       --warc take each record's url instead\n"
    "      --max-bytes=N    refuse pages over N bytes (K, M, G suffixes;\n"
    "                       default 64M); with --jsonl, lines over N bytes,\n"
    "                       and with --warc, response records over N bytes,\n"
    "                       are skipped with an error\n"
    "      --max-depth=N    flatten elements nested deeper than N levels into\n"
    "                       their ancestor, keeping their text (default 512)\n"
    "      --max-nodes=N    past N tags and comments, drop the tags and keep\n"
    "                       the text (default 500000)\n"
    "      --max-tree-memory=N  refuse a page whose parse tree needs more than\n"
    "                       N bytes (K, M, G suffixes; default 1G)\n"
    "                       Pages past a budget are cleaned with a warning on\n"
    "                       stderr (and a \"warnings\" field in JSON records);\n"
    "                       real pages come nowhere near these\n"
    "      --timeout=SECONDS  give up on a page that takes more than SECONDS of\n"
    "                       processor time (default 5 + 5 per MB of input;\n"
    "                       \"none\": no limit); with -o, --jsonl or --warc\n"
    "                       the page is reported and the run goes on\n"
    "\n"
    "Batch (a whole tree of pages):\n"
    "  -o, --output=DIR     clean every page under the inputs (files or\n"
    "                       directories, searched recursively) into DIR, with\n"
    "                       the same relative paths and a .txt/.md/.json name;\n"
    "                       DIR may not be inside an input directory, and two\n"
    "                       pages that would write the same output (dir1/a.html\n"
    "                       and dir2/a.html, a.html and a.htm) stop the run\n"
    "                       before anything is written\n"
    "      --ext=LIST       file name extensions to take, comma-separated\n"
    "                       (default html,htm,xhtml; each also gzipped, .gz)\n"
    "      --glob=PATTERN   take files whose name matches PATTERN instead\n"
    "  -j, --jobs=N         worker threads (default: the number of CPUs);\n"
    "                       the output does not depend on N\n"
    "      --skip-existing  leave outputs that are already there (resume)\n"
    "      --follow         also take links to pages outside the input\n"
    "                       directories (links inside them are always taken;\n"
    "                       links to directories, FIFOs or devices never)\n"
    "  -q, --quiet          no progress or summary on stderr, only errors\n"
    "\n"
    "Record streams (one JSON object per line on stdout, in input order):\n"
    "      --jsonl          read JSON Lines on stdin, one page per line:\n"
    "                       {\"id\" or \"url\": ..., \"html\": ...}; other fields\n"
    "                       are passed through; a bad line gives an error\n"
    "                       record for that line and the stream goes on;\n"
    "                       --format=md makes \"text\" Markdown\n"
    "      --warc           the FILEs are WARC files (.warc, .warc.gz): every\n"
    "                       HTML response becomes {url, warc_record_id, date,\n"
    "                       title, lang, text}; --format=md as with --jsonl\n"
    "\n"
    "  -h, --help           show this help and exit\n"
    "  -V, --version        show the version and exit\n"
    "\n"
    "Examples:\n"
    "  curl -s https://example.com/post | winnow\n"
    "  winnow saved-page.html > article.txt\n"
    "  winnow --encoding=windows-1252 old-page.html\n"
    "  winnow --explain page.html | grep drop   # why was a paragraph lost?\n"
    "  winnow --lang=en page.html               # English article, foreign UI\n"
    "  winnow -o clean/ crawl/                  # a directory tree, all CPUs\n"
    "  winnow --format=json -o out/ -j4 --skip-existing crawl/\n"
    "  winnow --jsonl < pages.jsonl > texts.jsonl\n"
    "  winnow --warc crawl.warc.gz > texts.jsonl\n"
    "\n"
    "Exit status:\n"
    "  0  success (also when a page has no main text and nothing is printed)\n"
    "  1  an input could not be read or was refused (batch: any page failed),\n"
    "     or the output could not be written\n"
    "  2  usage error: unknown option, missing argument, unknown encoding,\n"
    "     unknown language code; batch outputs that would clash, lie inside\n"
    "     an input directory or replace a source\n"
    "  130  interrupted (SIGINT or SIGTERM): the page in hand is abandoned\n"
    "     and no other is started\n";

typedef struct bytes {
  char *data;
  size_t len;
} bytes;

/*
 * A file name or argument as it may be shown on a terminal: control bytes,
 * DEL and bytes that are not UTF-8 written as \xNN, so that a name cannot
 * retitle or clear the terminal of whoever reads the message.
 */
static const char *shown(const char *s) {
  static char buf[4][1024];
  static int next;
  char *out = buf[next++ & 3];
  size_t o = 0;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; u[i] && o + 5 < sizeof buf[0]; i++) {
    bool plain = u[i] >= 0x20 && u[i] != 0x7F && u[i] != '\\';
    if (u[i] >= 0x80) {
      size_t n = (u[i] & 0xE0) == 0xC0 ? 2 : (u[i] & 0xF0) == 0xE0 ? 3 : (u[i] & 0xF8) == 0xF0 ? 4 : 0;
      size_t k = 1;
      while (n && k < n && (u[i + k] & 0xC0) == 0x80) k++;
      /* Whole UTF-8 sequences pass, but not C1 controls (U+0080-U+009F) or
       * bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069). */
      if (n && k == n && !wn_terminal_control(u + i, n) && o + n < sizeof buf[0]) {
        memcpy(out + o, s + i, n);
        o += n;
        i += n - 1;
        continue;
      }
      plain = false;
    }
    if (plain) out[o++] = (char)u[i];
    else o += (size_t)snprintf(out + o, sizeof buf[0] - o, u[i] == '\\' ? "\\\\" : "\\x%02X", u[i]);
  }
  out[o] = '\0';
  return out;
}

static void usage_error(const char *what, const char *arg) {
  if (arg && *arg) fprintf(stderr, "winnow: %s: %s\nTry 'winnow --help'.\n", what, shown(arg));
  else fprintf(stderr, "winnow: %s\nTry 'winnow --help'.\n", what);
}

/*
 * Read a whole stream. A size hint (from fstat) avoids repeated copying of
 * large regular files; the loop still handles pipes and files that grow.
 * Returns 0, or an errno value.
 */
static size_t max_input_bytes = (size_t)64 << 20;

static int read_stream(FILE *fp, size_t hint, bytes *out) {
  if (hint > max_input_bytes) return EFBIG;
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
    if (len > max_input_bytes) {
      free(data);
      return EFBIG;
    }
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

/* A gzip-compressed page (page.html.gz, curl without --compressed),
 * inflated in place within --max-bytes. 0, EFBIG, or EINVAL for bad data. */
static int gunzip(bytes *in) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return ENOMEM;
  size_t cap = in->len * 4 + 4096, len = 0;
  char *out = malloc(cap);
  int ret = out ? Z_OK : Z_MEM_ERROR;
  zs.next_in = (Bytef *)in->data;
  zs.avail_in = (uInt)(in->len < UINT32_MAX ? in->len : UINT32_MAX);
  while (ret == Z_OK) {
    if (len == cap) {
      char *grown = cap > max_input_bytes ? NULL : realloc(out, cap * 2);
      if (!grown) {
        ret = cap > max_input_bytes ? Z_BUF_ERROR : Z_MEM_ERROR;
        break;
      }
      out = grown;
      cap *= 2;
    }
    zs.next_out = (Bytef *)out + len;
    zs.avail_out = (uInt)(cap - len < UINT32_MAX ? cap - len : UINT32_MAX);
    size_t before = zs.avail_out;
    ret = inflate(&zs, Z_NO_FLUSH);
    len += before - zs.avail_out;
    if (len > max_input_bytes) ret = Z_BUF_ERROR;
    /* More members follow (a file written by several gzip runs). */
    if (ret == Z_STREAM_END && zs.avail_in) ret = inflateReset(&zs);
  }
  inflateEnd(&zs);
  if (ret != Z_STREAM_END) {
    free(out);
    if (ret == Z_MEM_ERROR) return ENOMEM;
    return len >= max_input_bytes ? EFBIG : EINVAL;
  }
  free(in->data);
  in->data = out;
  in->len = len;
  return 0;
}

typedef enum { PAGE_OK, PAGE_FAILED, PAGE_USAGE, PAGE_WRITE } page_outcome;

static page_outcome process(const char *path, const cli *c) {
  const char *name = strcmp(path, "-") == 0 ? "<stdin>" : shown(path);
  bytes in = {0};
  int err = read_input(path, &in);
  if (err != 0) {
    fprintf(stderr, "winnow: %s: %s\n", name,
            err == EFBIG ? "larger than the --max-bytes limit" : strerror(err));
    return PAGE_FAILED;
  }
  if (in.len >= 2 && (unsigned char)in.data[0] == 0x1f && (unsigned char)in.data[1] == 0x8b) {
    int gz = gunzip(&in);
    if (gz != 0) {
      fprintf(stderr, "winnow: %s: %s\n", name,
              gz == EFBIG ? "decompresses to more than the --max-bytes limit"
                          : "corrupt or truncated gzip data");
      free(in.data);
      return PAGE_FAILED;
    }
  }
  if (!c->opts.encoding && wn_looks_binary(in.data, in.len)) {
    fprintf(stderr, "winnow: %s: binary data, not an HTML page\n", name);
    free(in.data);
    return PAGE_FAILED;
  }
  char *text = NULL;
  size_t text_len = 0;
  unsigned limits = 0;
  winnow_status st;
  if (c->explain) {
    winnow_result res;
    st = winnow_extract(in.data, in.len, &c->opts, &res);
    if (st == WINNOW_OK) {
      text = res.text;
      text_len = res.text_len;
      limits = res.limits;
      res.text = NULL;
      winnow_result_free(&res);
    }
  } else {
    st = wn_render_page(in.data, in.len, &c->opts, c->format, "path", path, &text, &text_len,
                        &limits);
  }
  for (unsigned bit = 1; bit <= limits; bit <<= 1)
    if (limits & bit) fprintf(stderr, "winnow: %s: warning: %s\n", name, winnow_limit_string(bit));
  free(in.data);
  if (st == WINNOW_ERR_ENCODING) {
    usage_error("unknown encoding", c->opts.encoding ? c->opts.encoding : "");
    return PAGE_USAGE;
  }
  if (st == WINNOW_ERR_LANGUAGE) {
    usage_error("unknown language code (want ISO 639-1, e.g. en, de, ja)",
                c->opts.lang ? c->opts.lang : "");
    return PAGE_USAGE;
  }
  if (st != WINNOW_OK) {
    fprintf(stderr, "winnow: %s: %s\n", name, winnow_status_string(st));
    return PAGE_FAILED;
  }
  int wrote = write_all(text, text_len);
  free(text);
  return wrote == 0 ? PAGE_OK : PAGE_WRITE;
}

/* "64M", "1G", "500000" -> bytes; 0 when not a size. */
static size_t parse_size(const char *text) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  if (errno || end == text || text[0] == '-') return 0;
  unsigned shift = 0;
  switch (*end) {
  case 'k': case 'K': shift = 10; end++; break;
  case 'm': case 'M': shift = 20; end++; break;
  case 'g': case 'G': shift = 30; end++; break;
  default: break;
  }
  if (*end && strcmp(end, "B") != 0 && strcmp(end, "iB") != 0) return 0;
  if (v > (SIZE_MAX >> shift)) return 0;
  return (size_t)(v << shift);
}

/* "2.5" -> 2.5 seconds, "none" -> no limit; 0 when neither. */
static double parse_seconds(const char *text) {
  if (strcmp(text, "none") == 0) return WINNOW_NO_TIMEOUT;
  char *end;
  errno = 0;
  double v = strtod(text, &end);
  return !errno && end != text && !*end && v > 0 && v <= 1e9 ? v : 0;
}

static int parse_jobs(const char *text) {
  char *end;
  long v = strtol(text, &end, 10);
  return *end == '\0' && v >= 1 && v <= 1024 ? (int)v : 0;
}

static bool parse_format(const char *text, wn_output_format *format) {
  if (strcmp(text, "txt") == 0 || strcmp(text, "text") == 0) *format = WN_OUTPUT_TEXT;
  else if (strcmp(text, "md") == 0 || strcmp(text, "markdown") == 0) *format = WN_OUTPUT_MARKDOWN;
  else if (strcmp(text, "json") == 0) *format = WN_OUTPUT_JSON;
  else return false;
  return true;
}

/* --help and --version: a text that did not reach its reader is an error
 * (fputs reports a failed write; the flush after it may then succeed). */
static int print_all(const char *text) {
  if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
    if (errno != EPIPE) fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
    return EXIT_INPUT;
  }
  return EXIT_OK;
}

/* Returns -1 to continue, or the exit code when parsing ends the run. */
static int parse_options(int argc, char **argv, cli *c) {
  static const struct option longopts[] = {
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, OPT_VERSION},
      {"encoding", required_argument, NULL, OPT_ENCODING},
      {"encoding-hint", required_argument, NULL, OPT_ENCODING_HINT},
      {"no-title", no_argument, NULL, OPT_NO_TITLE},
      {"explain", no_argument, NULL, OPT_EXPLAIN},
      {"lang", required_argument, NULL, OPT_LANG},
      {"keep-foreign", no_argument, NULL, OPT_KEEP_FOREIGN},
      {"comments", no_argument, NULL, OPT_COMMENTS},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
      {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
      {"max-nodes", required_argument, NULL, OPT_MAX_NODES},
      {"max-tree-memory", required_argument, NULL, OPT_MAX_TREE_MEMORY},
      {"timeout", required_argument, NULL, OPT_TIMEOUT},
      {"output", required_argument, NULL, 'o'},
      {"jobs", required_argument, NULL, 'j'},
      {"quiet", no_argument, NULL, 'q'},
      {"skip-existing", no_argument, NULL, OPT_SKIP_EXISTING},
      {"follow", no_argument, NULL, OPT_FOLLOW},
      {"glob", required_argument, NULL, OPT_GLOB},
      {"ext", required_argument, NULL, OPT_EXT},
      {"jsonl", no_argument, NULL, OPT_JSONL},
      {"warc", no_argument, NULL, OPT_WARC},
      {"url", required_argument, NULL, OPT_URL},
      {"links", no_argument, NULL, OPT_LINKS},
      {"no-links", no_argument, NULL, OPT_NO_LINKS},
      {"images", no_argument, NULL, OPT_IMAGES},
      {NULL, 0, NULL, 0}};
  int ch;
  opterr = 0; /* our own messages: getopt's would print the full argv[0] */
  while ((ch = getopt_long(argc, argv, ":hVo:j:q", longopts, NULL)) != -1) {
    switch (ch) {
    case 'h': return print_all(usage_text);
    case 'V':
    case OPT_VERSION: return print_all("winnow " WINNOW_VERSION "\n");
    case OPT_ENCODING: c->opts.encoding = optarg; break;
    case OPT_ENCODING_HINT: c->opts.encoding_hint = optarg; break;
    case OPT_NO_TITLE: c->opts.include_title = 0; break;
    case OPT_EXPLAIN:
      c->explain = true;
      c->opts.format = WINNOW_FORMAT_EXPLAIN;
      break;
    case OPT_LANG: c->opts.lang = optarg; break;
    case OPT_KEEP_FOREIGN: c->opts.keep_foreign = 1; break;
    case OPT_COMMENTS: c->opts.keep_comments = 1; break;
    case OPT_FORMAT:
      if (!parse_format(optarg, &c->format)) {
        usage_error("unknown format (want txt, md or json)", optarg);
        return EXIT_USAGE;
      }
      break;
    case OPT_MAX_BYTES:
      if ((c->max_bytes = parse_size(optarg)) == 0) {
        usage_error("not a size (e.g. 500000, 64M, 1G)", optarg);
        return EXIT_USAGE;
      }
      break;
    case OPT_MAX_DEPTH:
    case OPT_MAX_NODES:
    case OPT_MAX_TREE_MEMORY: {
      size_t v = parse_size(optarg);
      if (v == 0) {
        usage_error(ch == OPT_MAX_TREE_MEMORY ? "not a size (e.g. 256M, 2G)"
                                              : "not a positive number",
                    optarg);
        return EXIT_USAGE;
      }
      if (ch == OPT_MAX_DEPTH) c->opts.max_depth = v;
      else if (ch == OPT_MAX_NODES) c->opts.max_nodes = v;
      else c->opts.max_tree_bytes = v;
      break;
    }
    case OPT_TIMEOUT:
      if ((c->opts.timeout_seconds = parse_seconds(optarg)) == 0) {
        usage_error("not a number of seconds (e.g. 10, 0.5, none)", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'o': c->out_dir = optarg; break;
    case 'j':
      if ((c->jobs = parse_jobs(optarg)) == 0) {
        usage_error("not a number of jobs (1-1024)", optarg);
        return EXIT_USAGE;
      }
      break;
    case 'q': c->quiet = true; break;
    case OPT_SKIP_EXISTING: c->skip_existing = true; break;
    case OPT_FOLLOW: c->follow = true; break;
    case OPT_GLOB: c->glob = optarg; break;
    case OPT_EXT: c->extensions = optarg; break;
    case OPT_JSONL: c->jsonl = true; break;
    case OPT_WARC: c->warc = true; break;
    case OPT_URL:
      c->opts.url = optarg;
      c->markdown_only = "--url";
      break;
    case OPT_LINKS:
    case OPT_NO_LINKS:
      c->opts.links = ch == OPT_LINKS;
      c->markdown_only = ch == OPT_LINKS ? "--links" : "--no-links";
      break;
    case OPT_IMAGES:
      c->opts.images = 1;
      c->markdown_only = "--images";
      break;
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

static int check_modes(const cli *c, int operands, const char *first_operand) {
  int modes = (c->out_dir != NULL) + c->jsonl + c->warc;
  if (modes > 1) {
    usage_error("choose one of", "-o, --jsonl, --warc");
    return EXIT_USAGE;
  }
  if (c->jsonl && operands > 0) {
    usage_error("--jsonl reads standard input; unexpected operand", first_operand);
    return EXIT_USAGE;
  }
  if ((c->warc || c->out_dir) && operands == 0) {
    usage_error(c->warc ? "--warc needs WARC files (or - for standard input)"
                        : "-o needs input files or directories",
                "");
    return EXIT_USAGE;
  }
  /* Options of batch mode are errors elsewhere, not silently ignored. */
  if (!c->out_dir) {
    const char *batch_only = c->jobs ? "-j" : c->quiet ? "-q" : c->skip_existing ? "--skip-existing"
                           : c->follow ? "--follow" : c->extensions ? "--ext" : c->glob ? "--glob" : NULL;
    if (batch_only) {
      usage_error("this option needs -o DIR (batch mode)", batch_only);
      return EXIT_USAGE;
    }
  }
  if (c->extensions && c->glob) {
    usage_error("--ext and --glob both choose the files: give one", "");
    return EXIT_USAGE;
  }
  /* Records are JSON already: their "text" is plain text or Markdown. */
  if ((c->jsonl || c->warc) && c->format == WN_OUTPUT_JSON) {
    usage_error("--jsonl and --warc write JSON records; --format chooses their text (txt or md)",
                "--format=json");
    return EXIT_USAGE;
  }
  if (c->markdown_only && c->format != WN_OUTPUT_MARKDOWN) {
    usage_error("this option needs --format=md", c->markdown_only);
    return EXIT_USAGE;
  }
  if (c->opts.url && (modes > 0 || operands > 1)) {
    usage_error("--url names one page's URL: not with -o, --jsonl, --warc or several files",
                c->opts.url);
    return EXIT_USAGE;
  }
  if (c->explain && (modes > 0 || c->format != WN_OUTPUT_TEXT)) {
    usage_error("--explain works on single pages in text format", "--explain");
    return EXIT_USAGE;
  }
  return -1;
}

static int finish_stdout(int code) {
  errno = 0;
  if (fflush(stdout) != 0 || ferror(stdout)) {
    if (errno != EPIPE) fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
    return EXIT_INPUT;
  }
  return code;
}

static int stop_interrupted(void) {
  fflush(stdout);
  fputs("winnow: interrupted\n", stderr);
  return EXIT_INTERRUPTED;
}

/* The extraction options of a record stream: --format=md makes "text" Markdown. */
static winnow_options record_options(const cli *c) {
  winnow_options o = c->opts;
  o.format = c->format == WN_OUTPUT_MARKDOWN ? WINNOW_FORMAT_MARKDOWN : WINNOW_FORMAT_TEXT;
  return o;
}

static int run_jsonl(const cli *c) {
  wn_jsonl_stats stats;
  winnow_options o = record_options(c);
  int failed = wn_jsonl_process(stdin, stdout, &o, c->max_bytes, &stats);
  if (interrupted) return stop_interrupted();
  if (failed != 0) {
    if (errno != EPIPE) fprintf(stderr, "winnow: --jsonl: %s\n", strerror(errno));
    return EXIT_INPUT;
  }
  /* Each bad line has its error record in the output; say so here too. */
  if (stats.failed) {
    fprintf(stderr, "winnow: --jsonl: %lu of %lu records failed (see their \"error\" fields)\n",
            (unsigned long)stats.failed, (unsigned long)stats.records);
    return finish_stdout(EXIT_INPUT);
  }
  return finish_stdout(EXIT_OK);
}

static int run_warc(const cli *c, int argc, char **argv) {
  int code = EXIT_OK;
  winnow_options o = record_options(c);
  for (int i = optind; i < argc; i++) {
    wn_warc_stats stats;
    int failed = wn_warc_process(argv[i], stdout, stderr, &o, c->max_bytes, &stats);
    if (interrupted) return stop_interrupted();
    if (failed != 0) {
      if (errno == EPIPE) return EXIT_INPUT;
      fprintf(stderr, "winnow: %s: %s\n", argv[i], strerror(errno));
      code = EXIT_INPUT;
    } else if (stats.skipped) {
      code = EXIT_INPUT;
    }
  }
  return finish_stdout(code);
}

static int run_batch(const cli *c, int argc, char **argv) {
  wn_batch_options b = {0};
  b.out_dir = c->out_dir;
  b.inputs = argv + optind;
  b.input_count = (size_t)(argc - optind);
  b.extensions = c->extensions;
  b.glob = c->glob;
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  b.jobs = c->jobs ? c->jobs : (cpus > 0 ? (int)cpus : 1);
  b.skip_existing = c->skip_existing;
  b.follow = c->follow;
  b.quiet = c->quiet;
  b.max_bytes = c->max_bytes;
  b.format = c->format;
  b.extract = c->opts;
  wn_batch_stats stats;
  return wn_batch_run(&b, &stats);
}

int main(int argc, char **argv) {
  cli c = {0};
  winnow_options_init(&c.opts);
  c.max_bytes = DEFAULT_MAX_BYTES;
  /* Without this a closed pipe kills us silently mid-write; ignoring it
   * turns the condition into an EPIPE that we can handle like any error. */
  signal(SIGPIPE, SIG_IGN);

  int code = parse_options(argc, argv, &c);
  if (code >= 0) return code;
  if ((code = check_modes(&c, argc - optind, optind < argc ? argv[optind] : "")) >= 0) return code;
  max_input_bytes = c.max_bytes;
  if (c.opts.lang) { /* refuse a bad code before any work, in every mode */
    winnow_result probe;
    winnow_status st = winnow_extract("", 0, &c.opts, &probe);
    if (st == WINNOW_OK) winnow_result_free(&probe);
    if (st == WINNOW_ERR_LANGUAGE) {
      usage_error("unknown language code (want ISO 639-1, e.g. en, de, ja)", c.opts.lang);
      return EXIT_USAGE;
    }
  }
  /* The record readers allocate between pages: out of memory there ends
   * the run (inside a page it fails only that page). */
  wn_recovery recovery;
  wn_recovery_push(&recovery);
  if (setjmp(recovery.jump)) {
    fputs("winnow: out of memory\n", stderr);
    return EXIT_INPUT;
  }
  if (c.out_dir) return run_batch(&c, argc, argv);
  c.opts.cancel = &interrupted;
  catch_interrupts();
  if (c.jsonl) return run_jsonl(&c);
  if (c.warc) return run_warc(&c, argc, argv);

  code = EXIT_OK;
  /* No operands means one pass over stdin, as if "-" had been given. */
  /* Several pages as text or Markdown: each under a "==> FILE <==" line (as
   * head and tail print them), the pages apart by a blank line. JSON
   * records name their path themselves. */
  bool headed = argc - optind > 1 && c.format != WN_OUTPUT_JSON;
  for (int i = optind; i < argc || i == optind; i++) {
    if (headed && printf("%s==> %s <==\n", i > optind ? "\n" : "", shown(argv[i])) < 0)
      return finish_stdout(EXIT_INPUT);
    page_outcome o = process(i < argc ? argv[i] : "-", &c);
    if (interrupted) { /* the page in hand said so itself */
      fflush(stdout);
      return EXIT_INTERRUPTED;
    }
    if (o == PAGE_USAGE) return EXIT_USAGE;
    if (o == PAGE_WRITE) return EXIT_INPUT;
    if (o == PAGE_FAILED) code = EXIT_INPUT;
  }
  return finish_stdout(code);
}
