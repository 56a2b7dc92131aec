#define _GNU_SOURCE /* strdup, strcasecmp, fnmatch, nanosleep under -std=c11 */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>
#include <zlib.h>

#include "decode.h"
#include "record.h"

static const char *const DEFAULT_EXTENSIONS = "html,htm,xhtml";
/* Directory trees deeper than this are a loop or a trap. */
static const int MAX_DIR_DEPTH = 256;
static const double PROGRESS_SECONDS = 0.25;

const char *wn_output_extension(wn_output_format format) {
  switch (format) {
  case WN_OUTPUT_MARKDOWN: return "md";
  case WN_OUTPUT_JSON: return "json";
  default: return "txt";
  }
}

/* ---- one page ------------------------------------------------------------ */

/* A file name as a JSON string. Names need not be UTF-8 and JSON strings
 * must, so in a name that is not, each byte outside valid UTF-8 is written
 * as \xNN and a backslash as \\ (the escape can be undone); UTF-8 names are
 * taken as they are. NULL when memory ran out. */
static json_t *json_name(const char *name) {
  size_t n = strlen(name);
  json_t *j = json_stringn(name, n);
  if (j) return j;
  char *esc = malloc(4 * n + 1);
  if (!esc) return NULL;
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)name + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      o += (size_t)snprintf(esc + o, 5, "\\x%02X", (unsigned char)name[i]);
      i++;
    } else if (name[i] == '\\') {
      esc[o++] = '\\';
      esc[o++] = '\\';
      i++;
    } else {
      memcpy(esc + o, name + i, (size_t)k);
      o += (size_t)k;
      i += (size_t)k;
    }
  }
  j = json_stringn(esc, o);
  free(esc);
  return j;
}

winnow_status wn_render_page(const char *html, size_t len, const winnow_options *opts,
                             wn_output_format format, const char *source_key,
                             const char *source, char **text, size_t *text_len,
                             unsigned *limits) {
  winnow_options o = *opts;
  o.format = format == WN_OUTPUT_MARKDOWN ? WINNOW_FORMAT_MARKDOWN : WINNOW_FORMAT_TEXT;
  if (format == WN_OUTPUT_JSON) o.include_title = 0; /* the record has a title field */
  winnow_result res;
  winnow_status st = winnow_extract(html, len, &o, &res);
  if (st != WINNOW_OK) return st;
  if (limits) *limits = res.limits;
  if (format != WN_OUTPUT_JSON) {
    *text = res.text;
    *text_len = res.text_len;
    res.text = NULL;
  } else {
    json_t *obj = json_object();
    if (obj && source_key && source) json_object_set_new(obj, source_key, json_name(source));
    if (obj) wn_record_add_result(obj, &res);
    char *line = obj ? wn_record_dump(obj) : NULL;
    json_decref(obj);
    size_t n = line ? strlen(line) : 0;
    *text = line ? malloc(n + 2) : NULL;
    if (!*text) {
      free(line);
      winnow_result_free(&res);
      return WINNOW_ERR_MEMORY;
    }
    memcpy(*text, line, n);
    (*text)[n] = '\n';
    (*text)[n + 1] = '\0';
    *text_len = n + 1;
    free(line);
  }
  winnow_result_free(&res);
  return WINNOW_OK;
}

/* ---- finding the inputs ---------------------------------------------------- */

typedef struct job {
  char *path; /* to open: as found, or a link's resolved target */
  char *rel;  /* relative to its input, for the output tree */
  char *out;  /* the output file */
  bool named; /* named on the command line: links in it are followed */
  dev_t dev;  /* the source file, to never write over it */
  ino_t ino;
} job;

typedef struct job_list {
  job *items;
  size_t count, cap;
  size_t failed;   /* entries refused while collecting */
  bool no_memory;
} job_list;

/* Reports a problem with one entry of the tree; the batch goes on. */
static void refuse_entry(job_list *l, const char *path, const char *why) {
  fprintf(stderr, "winnow: %s: %s\n", path, why);
  l->failed++;
}

static char *output_path(const wn_batch_options *o, const char *rel);

static void add_job(const wn_batch_options *o, job_list *l, const char *path, const char *rel,
                    bool named, const struct stat *st) {
  if (l->count == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 256;
    job *more = realloc(l->items, cap * sizeof *more);
    if (!more) {
      l->no_memory = true;
      return;
    }
    l->items = more;
    l->cap = cap;
  }
  job j = {strdup(path), strdup(rel), output_path(o, rel), named, st->st_dev, st->st_ino};
  if (!j.path || !j.rel || !j.out) {
    free(j.path);
    free(j.rel);
    free(j.out);
    l->no_memory = true;
    return;
  }
  l->items[l->count++] = j;
}

/* "a.html.gz" -> "html"; "a.HTM" -> "HTM"; no extension -> "". */
static const char *page_extension(const char *name, size_t *len) {
  size_t n = strlen(name);
  if (n > 3 && strcasecmp(name + n - 3, ".gz") == 0) n -= 3;
  size_t dot = n;
  while (dot > 0 && name[dot - 1] != '.' && name[dot - 1] != '/') dot--;
  if (dot == 0 || name[dot - 1] != '.') {
    *len = 0;
    return name + n;
  }
  *len = n - dot;
  return name + dot;
}

static bool wanted(const wn_batch_options *o, const char *name) {
  if (o->glob) return fnmatch(o->glob, name, 0) == 0;
  size_t elen;
  const char *ext = page_extension(name, &elen);
  if (!elen) return false;
  const char *list = o->extensions ? o->extensions : DEFAULT_EXTENSIONS;
  while (*list) {
    const char *comma = strchr(list, ',');
    size_t n = comma ? (size_t)(comma - list) : strlen(list);
    if (n && *list == '.') list++, n--;
    if (n == elen && strncasecmp(list, ext, n) == 0) return true;
    list += n + (comma ? 1 : 0);
    if (!comma) break;
  }
  return false;
}

/* a/b, or NULL when memory ran out. */
static char *join(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 2;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s%s%s", a, (*a && a[strlen(a) - 1] != '/' && *b) ? "/" : "", b);
  return p;
}

/* Whether the canonical path `path` is `dir` or lies under it. */
static bool is_within(const char *path, const char *dir) {
  size_t n = strlen(dir);
  if (n == 1 && dir[0] == '/') return true;
  return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* A symbolic link to a page: taken when it resolves to a regular file inside
 * the input tree `root` (canonical), or anywhere with --follow. Devices,
 * FIFOs and directories are never read (a FIFO would block the batch). */
static void take_link(const wn_batch_options *o, const char *root, const char *path,
                      const char *rel, job_list *jobs) {
  char *target = realpath(path, NULL);
  struct stat st;
  if (!target) {
    refuse_entry(jobs, path, strerror(errno));
  } else if (!o->follow && !is_within(target, root)) {
    fprintf(stderr, "winnow: %s: warning: a link out of the input tree, not followed "
                    "(--follow takes it)\n", path);
  } else if (stat(target, &st) != 0) {
    refuse_entry(jobs, path, strerror(errno));
  } else if (!S_ISREG(st.st_mode)) {
    refuse_entry(jobs, path, "a link to something other than a regular file");
  } else {
    add_job(o, jobs, target, rel, false, &st);
  }
  free(target);
}

static void walk_dir(const wn_batch_options *o, const char *root, const char *dir,
                     const char *rel, int depth, job_list *jobs) {
  if (depth > MAX_DIR_DEPTH) {
    fprintf(stderr, "winnow: %s: directories nested too deep, skipped\n", dir);
    return;
  }
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "winnow: %s: %s\n", dir, strerror(errno));
    return;
  }
  struct dirent *e;
  while (!jobs->no_memory && (e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char *path = join(dir, e->d_name);
    char *sub = join(rel, e->d_name);
    struct stat st;
    if (!path || !sub) jobs->no_memory = true;
    else if (lstat(path, &st) != 0) refuse_entry(jobs, path, strerror(errno));
    else if (S_ISDIR(st.st_mode)) walk_dir(o, root, path, sub, depth + 1, jobs);
    /* Links to directories are not followed: a tree stays a tree. */
    else if (S_ISLNK(st.st_mode) && wanted(o, e->d_name)) take_link(o, root, path, sub, jobs);
    else if (S_ISREG(st.st_mode) && wanted(o, e->d_name)) add_job(o, jobs, path, sub, false, &st);
    free(path);
    free(sub);
  }
  closedir(d);
}

static int by_rel(const void *a, const void *b) {
  return strcmp(((const job *)a)->rel, ((const job *)b)->rel);
}

static int by_out(const void *a, const void *b) {
  return strcmp(((const job *)a)->out, ((const job *)b)->out);
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* Two inputs whose outputs would be the same file: refused before any work. */
static int check_clashes(job_list *jobs) {
  if (jobs->count < 2) return 0; /* and qsort may not be given NULL */
  qsort(jobs->items, jobs->count, sizeof *jobs->items, by_out);
  int clashes = 0;
  for (size_t i = 1; i < jobs->count; i++) {
    const job *a = &jobs->items[i - 1], *b = &jobs->items[i];
    if (strcmp(a->out, b->out) != 0) continue;
    fprintf(stderr, "winnow: %s and %s would both be written to %s\n", a->path, b->path,
            a->out);
    clashes++;
  }
  if (clashes)
    fputs("winnow: nothing written; clean the inputs in separate runs (one -o each), "
          "or choose the files with --ext or --glob\n", stderr);
  qsort(jobs->items, jobs->count, sizeof *jobs->items, by_rel);
  return clashes ? 2 : 0;
}

/* Returns 0, or 2 if an input does not exist or two outputs clash. */
static int collect(const wn_batch_options *o, job_list *jobs) {
  for (size_t i = 0; i < o->input_count && !jobs->no_memory; i++) {
    const char *in = o->inputs[i];
    struct stat st;
    if (stat(in, &st) != 0) {
      fprintf(stderr, "winnow: %s: %s\n", in, strerror(errno));
      return 2;
    }
    if (S_ISDIR(st.st_mode)) {
      char *root = realpath(in, NULL);
      if (!root) {
        fprintf(stderr, "winnow: %s: %s\n", in, strerror(errno));
        return 2;
      }
      walk_dir(o, root, in, "", 0, jobs);
      free(root);
    } else {
      add_job(o, jobs, in, base_name(in), true, &st); /* named on the command line: taken as is */
    }
  }
  if (jobs->no_memory) {
    fputs("winnow: out of memory while listing the inputs\n", stderr);
    return 2;
  }
  return check_clashes(jobs);
}

/* The output directory, made if missing (`made` says so), must not lie
 * inside an input directory: a rerun would take its own outputs as inputs,
 * or write over the pages. Returns 0 or 2. */
static int check_output_dir(const wn_batch_options *o, bool *made) {
  *made = mkdir(o->out_dir, 0777) == 0;
  if (!*made && errno != EEXIST) {
    fprintf(stderr, "winnow: %s: %s\n", o->out_dir, strerror(errno));
    return 2;
  }
  char *out = realpath(o->out_dir, NULL);
  if (!out) {
    fprintf(stderr, "winnow: %s: %s\n", o->out_dir, strerror(errno));
    return 2;
  }
  int rc = 0;
  for (size_t i = 0; i < o->input_count && rc == 0; i++) {
    struct stat st;
    char *in = realpath(o->inputs[i], NULL);
    if (in && stat(in, &st) == 0 && S_ISDIR(st.st_mode) && is_within(out, in)) {
      fprintf(stderr, "winnow: %s: the output directory is inside the input %s; "
                      "choose one outside it\n", o->out_dir, o->inputs[i]);
      rc = 2;
    }
    free(in);
  }
  free(out);
  return rc;
}

/* No output may be one of the sources (-o DIR --ext=txt DIR/a.txt). */
static int check_sources_kept(const job_list *jobs) {
  for (size_t i = 0; i < jobs->count; i++) {
    struct stat st;
    const job *j = &jobs->items[i];
    if (stat(j->out, &st) == 0 && st.st_dev == j->dev && st.st_ino == j->ino) {
      fprintf(stderr, "winnow: %s: the output would overwrite this source; "
                      "choose another output directory or --format\n", j->path);
      return 2;
    }
  }
  return 0;
}

/* ---- reading and writing ----------------------------------------------------- */

/* Opens a page for reading: regular files only, and never blocking on a
 * FIFO or device; within the tree, no link is followed at the last step
 * (links were resolved while listing). Returns a descriptor or -1. */
static int open_page(const job *j, const char **why) {
  int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (j->named ? 0 : O_NOFOLLOW);
  int fd = open(j->path, flags);
  if (fd < 0) {
    *why = strerror(errno);
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *why = S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file";
    close(fd);
    return -1;
  }
  return fd;
}

/* Reads a plain or gzipped file whole, failing above max_bytes. `why` is
 * a static string: zlib's own messages live only as long as the stream. */
static int read_page(const job *j, size_t max_bytes, char **data, size_t *len,
                     const char **why) {
  int fd = open_page(j, why);
  if (fd < 0) return -1;
  gzFile f = gzdopen(fd, "rb");
  if (!f) {
    close(fd);
    *why = "out of memory";
    return -1;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  int got = 0;
  while (buf) {
    if (n == cap) {
      if (cap > max_bytes) break;
      char *more = realloc(buf, cap *= 2);
      if (!more) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = more;
    }
    size_t want = cap - n;
    got = gzread(f, buf + n, want > (1u << 30) ? (1u << 30) : (unsigned)want);
    if (got <= 0) break;
    n += (size_t)got;
    if (n > max_bytes) break;
  }
  int gz_err = 0;
  gzerror(f, &gz_err);
  /* zlib reports a gzip stream cut short as Z_BUF_ERROR, with or without -1. */
  bool truncated = gz_err == Z_BUF_ERROR;
  if (truncated || gz_err < 0) got = -1;
  gzclose(f);
  if (!buf) {
    *why = "out of memory";
    return -1;
  }
  if (n > max_bytes) {
    free(buf);
    *why = "larger than the --max-bytes limit";
    return -1;
  }
  if (got < 0) {
    free(buf);
    *why = truncated ? "truncated gzip data"
           : gz_err == Z_DATA_ERROR ? "corrupt gzip data"
           : gz_err == Z_MEM_ERROR  ? "out of memory"
                                    : "read error";
    return -1;
  }
  *data = buf;
  *len = n;
  return 0;
}

static int make_parents(const char *path) {
  char *copy = strdup(path);
  if (!copy) return -1;
  for (char *p = copy + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
      free(copy);
      return -1;
    }
    *p = '/';
  }
  free(copy);
  return 0;
}

/* Writes to a temporary name in the same directory, then renames. */
static int write_atomically(const char *path, const char *text, size_t len) {
  if (make_parents(path) != 0) return -1;
  size_t n = strlen(path) + 16;
  char *tmp = malloc(n);
  if (!tmp) return -1;
  snprintf(tmp, n, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    free(tmp);
    return -1;
  }
  size_t off = 0;
  while (off < len) {
    ssize_t w = write(fd, text + off, len - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      break;
    }
    off += (size_t)w;
  }
  int saved = errno;
  bool ok = off == len && fchmod(fd, 0644) == 0;
  if (close(fd) != 0) ok = false;
  if (ok && rename(tmp, path) == 0) {
    free(tmp);
    return 0;
  }
  unlink(tmp);
  free(tmp);
  errno = saved ? saved : EIO;
  return -1;
}

/* OUT/rel with the page extension (and .gz) replaced by the format's, or
 * NULL when memory ran out. */
static char *output_path(const wn_batch_options *o, const char *rel) {
  size_t elen;
  const char *ext = page_extension(rel, &elen);
  size_t stem = elen ? (size_t)(ext - rel) - 1 : strlen(rel);
  if (!elen && stem > 3 && strcasecmp(rel + stem - 3, ".gz") == 0) stem -= 3;
  const char *new_ext = wn_output_extension(o->format);
  size_t n = strlen(o->out_dir) + stem + strlen(new_ext) + 3;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/%.*s.%s", o->out_dir, (int)stem, rel, new_ext);
  return p;
}

/* ---- the workers ------------------------------------------------------------- */

typedef struct shared {
  const wn_batch_options *o;
  job_list *jobs;
  pthread_mutex_t lock;
  size_t next;
  bool progress; /* a progress line is on the terminal */
  wn_batch_stats stats;
} shared;

/* A path on stderr with control bytes and DEL as \xNN: a file name cannot
 * drive the terminal of whoever reads the messages. */
static void put_path(FILE *f, const char *path) {
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if (*p < 0x20 || *p == 0x7F) fprintf(f, "\\x%02X", *p);
    else putc(*p, f);
  }
}

static void report(shared *s, const char *path, const char *why) {
  pthread_mutex_lock(&s->lock);
  /* Over a progress line, clear it first; it is redrawn below. */
  fprintf(stderr, "%swinnow: ", s->progress ? "\r\033[K" : "");
  put_path(stderr, path);
  fprintf(stderr, ": %s\n", why);
  s->stats.failed++;
  pthread_mutex_unlock(&s->lock);
}

/* A page that was cleaned, but past one of the budgets: said, not failed. */
static void warn_limits(shared *s, const char *path, unsigned limits) {
  for (unsigned bit = 1; bit <= limits; bit <<= 1) {
    if (!(limits & bit)) continue;
    pthread_mutex_lock(&s->lock);
    fprintf(stderr, "%swinnow: %s: warning: %s\n", s->progress ? "\r\033[K" : "", path,
            winnow_limit_string(bit));
    pthread_mutex_unlock(&s->lock);
  }
}

/* An output with no main content: empty text, or a JSON record whose text is. */
static bool no_content(const char *text, size_t len, wn_output_format format) {
  if (format != WN_OUTPUT_JSON) return len == 0;
  return len == 0 || (text && strstr(text, "\"text\":\"\"") != NULL);
}

/* Set by SIGINT or SIGTERM: the page in hand stops too (its output is not
 * written) and workers take no more. It is also the extractions' cancel
 * flag, which is an int. */
static volatile sig_atomic_t stop_requested = 0;
_Static_assert(_Generic(stop_requested, int: 1, default: 0), "sig_atomic_t is an int");

static void process_job(shared *s, const job *j) {
  const wn_batch_options *o = s->o;
  const char *out = j->out;
  struct stat st;
  if (o->skip_existing && stat(out, &st) == 0) {
    pthread_mutex_lock(&s->lock);
    s->stats.skipped++;
    pthread_mutex_unlock(&s->lock);
    return;
  }
  char *data = NULL, *text = NULL;
  size_t len = 0, text_len = 0;
  unsigned limits = 0;
  const char *why = NULL;
  if (read_page(j, o->max_bytes, &data, &len, &why) != 0) {
    report(s, j->path, why);
  } else if (wn_looks_binary(data, len)) {
    report(s, j->path, "binary data, not an HTML page");
  } else {
    winnow_options extract = o->extract;
    if (!extract.cancel) extract.cancel = &stop_requested;
    winnow_status status = wn_render_page(data, len, &extract, o->format, "path", j->rel,
                                      &text, &text_len, &limits);
    if (limits) warn_limits(s, j->path, limits);
    if (status == WINNOW_ERR_CANCELLED) { /* counted among the pages not written */
    } else if (status != WINNOW_OK) report(s, j->path, winnow_status_string(status));
    else if (write_atomically(out, text, text_len) != 0) report(s, out, strerror(errno));
    else {
      pthread_mutex_lock(&s->lock);
      s->stats.done++;
      if (no_content(text, text_len, o->format)) s->stats.empty++;
      s->stats.in_bytes += (double)len;
      s->stats.out_bytes += (double)text_len;
      pthread_mutex_unlock(&s->lock);
    }
  }
  free(data);
  free(text);
}


static void request_stop(int sig) {
  (void)sig;
  stop_requested = 1;
}

static void *worker(void *arg) {
  shared *s = arg;
  while (!stop_requested) {
    pthread_mutex_lock(&s->lock);
    size_t i = s->next < s->jobs->count ? s->next++ : s->jobs->count;
    pthread_mutex_unlock(&s->lock);
    if (i >= s->jobs->count) return NULL;
    process_job(s, &s->jobs->items[i]);
  }
  return NULL;
}

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void show_progress(shared *s, double start) {
  pthread_mutex_lock(&s->lock);
  wn_batch_stats st = s->stats;
  pthread_mutex_unlock(&s->lock);
  double elapsed = now_seconds() - start;
  size_t finished = st.done + st.skipped + st.failed;
  double rate = elapsed > 0 ? (double)st.done / elapsed : 0;
  double eta = rate > 0 ? (double)(st.files - finished) / rate : 0;
  fprintf(stderr, "\r%zu/%zu files, %.1f pages/s, %.1f MB/s, ETA %d:%02d, %zu failed\033[K",
          finished, st.files, rate, elapsed > 0 ? st.in_bytes / 1e6 / elapsed : 0,
          (int)(eta / 60), (int)eta % 60, st.failed);
}

static void free_jobs(job_list *jobs) {
  for (size_t i = 0; i < jobs->count; i++) {
    free(jobs->items[i].path);
    free(jobs->items[i].rel);
    free(jobs->items[i].out);
  }
  free(jobs->items);
}

int wn_batch_run(const wn_batch_options *o, wn_batch_stats *stats) {
  double start = now_seconds();
  job_list jobs = {0};
  memset(stats, 0, sizeof *stats);
  bool made = false;
  int usage = check_output_dir(o, &made);
  if (usage == 0) usage = collect(o, &jobs);
  if (usage == 0) usage = check_sources_kept(&jobs);
  if (usage != 0) {
    if (made) rmdir(o->out_dir);
    free_jobs(&jobs);
    return usage;
  }
  struct sigaction stop = {0}, old_int, old_term;
  stop.sa_handler = request_stop;
  sigemptyset(&stop.sa_mask);
  stop_requested = 0;
  sigaction(SIGINT, &stop, &old_int);
  sigaction(SIGTERM, &stop, &old_term);
  bool progress = !o->quiet && isatty(STDERR_FILENO);
  shared s = {.o = o, .jobs = &jobs, .next = 0, .progress = progress};
  pthread_mutex_init(&s.lock, NULL);
  s.stats.files = jobs.count + jobs.failed;
  s.stats.failed = jobs.failed;
  int n = o->jobs < 1 ? 1 : o->jobs;
  pthread_t *threads = calloc((size_t)n, sizeof *threads);
  int started = 0;
  for (int i = 0; threads && i < n; i++)
    if (pthread_create(&threads[i], NULL, worker, &s) == 0) started++;
  if (started == 0) worker(&s); /* no threads to be had: do the work here */
  while (progress) {
    pthread_mutex_lock(&s.lock);
    bool all_taken = s.next >= jobs.count;
    size_t finished = s.stats.done + s.stats.skipped + s.stats.failed;
    pthread_mutex_unlock(&s.lock);
    show_progress(&s, start);
    if ((all_taken && finished >= s.stats.files) || stop_requested) break;
    struct timespec pause = {0, (long)(PROGRESS_SECONDS * 1e9)};
    nanosleep(&pause, NULL);
  }
  for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
  free(threads);
  *stats = s.stats;
  stats->seconds = now_seconds() - start;
  if (progress) {
    fprintf(stderr, "\r%zu pages written (%zu empty), %zu skipped, %zu failed; %.1f MB in, "
                    "%.1f MB kept; %.1f s\033[K\n",
            stats->done, stats->empty, stats->skipped, stats->failed, stats->in_bytes / 1e6,
            stats->out_bytes / 1e6, stats->seconds);
  }
  pthread_mutex_destroy(&s.lock);
  sigaction(SIGINT, &old_int, NULL);
  sigaction(SIGTERM, &old_term, NULL);
  if (stop_requested) {
    size_t left = stats->files - stats->done - stats->skipped - stats->failed;
    fprintf(stderr, "winnow: interrupted, %zu pages not written; run again with "
                    "--skip-existing to finish\n", left);
    stats->failed += left;
  }
  free_jobs(&jobs);
  /* As a shell reports a command that SIGINT ended: 128 + 2. */
  if (stop_requested) return 130;
  return stats->failed ? 1 : 0;
}
