/*
 * Record mode: JSON Lines in, JSON Lines out (see jsonl.h).
 *
 * Lines are read with getline(), so a line may be of any length; the one
 * line buffer is reused, and each line's JSON tree and extraction result are
 * freed before the next line is read, so memory is bounded by the longest
 * line. Output line N always answers input line N.
 */
#include "jsonl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>

#include <jansson.h>

#include "buffer.h"
#include "decode.h"
#include "record.h"

/* The fields every result record gets; input values of these are replaced. */
static const char *const result_keys[] = {"title", "lang", "text"};

static const char *type_name(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER:
  case JSON_REAL: return "a number";
  case JSON_TRUE:
  case JSON_FALSE: return "a boolean";
  case JSON_NULL: return "null";
  }
  return "an unknown value";
}

static int is_identity(const json_t *v) { return v && (json_is_string(v) || json_is_number(v)); }

/* Write one JSON object and a newline. Returns 0, or -1 (errno set). */
static int write_record(FILE *out, const json_t *obj) {
  char *s = wn_record_dump(obj);
  if (!s) {
    errno = ENOMEM;
    return -1;
  }
  /* Flushed record by record: a program that writes one page and waits for
   * its line (a coprocess) gets it at once. */
  int rc = (fputs(s, out) == EOF || putc('\n', out) == EOF || fflush(out) == EOF) ? -1 : 0;
  free(s);
  if (rc != 0 && errno == 0) errno = EIO;
  return rc;
}

/*
 * Write {"line": N, "error": "..."} plus the input's "id"/"url" when `in_obj`
 * (the parsed line, or NULL) has them as strings or numbers.
 */
static int write_error(FILE *out, unsigned long line, const json_t *in_obj, const char *fmt,
                       ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);

  json_t *rec = json_object();
  if (!rec) {
    errno = ENOMEM;
    return -1;
  }
  json_object_set_new(rec, "line", json_integer((json_int_t)line));
  if (in_obj) {
    json_t *id = json_object_get(in_obj, "id");
    json_t *url = json_object_get(in_obj, "url");
    if (is_identity(id)) json_object_set(rec, "id", id);
    if (is_identity(url)) json_object_set(rec, "url", url);
  }
  /* The message comes from us or jansson; never let it break the record. */
  json_t *m = json_string(msg);
  json_object_set_new(rec, "error", m ? m : json_string("error message is not valid UTF-8"));
  int rc = write_record(out, rec);
  json_decref(rec);
  return rc;
}

/* Arrays and objects one record may hold: a page's record holds a few; a
 * line of millions of empty arrays would take 50 times its size once parsed. */
enum { MAX_CONTAINERS = 100000 };

/* Counts "[" and "{" outside strings, without parsing. */
static bool too_many_values(const char *s, size_t n) {
  size_t containers = 0;
  bool in_string = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') i++;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if ((c == '[' || c == '{') && ++containers > MAX_CONTAINERS) {
      return true;
    }
  }
  return false;
}

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
  return 1;
}

/*
 * Extract the page in `html` (a string member of `obj`) and write the
 * result record. Returns 0, 1 if an error record was written instead, or -1
 * if writing failed.
 */
static int extract_record(json_t *obj, json_t *html, unsigned long lineno, FILE *out,
                          const winnow_options *opts) {
  /* The record has a title field: the text does not repeat it. */
  winnow_options text_only;
  if (opts) text_only = *opts;
  else winnow_options_init(&text_only);
  text_only.include_title = 0;
  /* Markdown when asked for; anything else (--explain) is text. */
  if (text_only.format != WINNOW_FORMAT_MARKDOWN) text_only.format = WINNOW_FORMAT_TEXT;
  /* The HTTP charset the crawler saw, ranked as browsers rank it. */
  json_t *charset = json_object_get(obj, "charset");
  if (json_is_string(charset)) text_only.encoding_hint = json_string_value(charset);
  /* Markdown's relative links resolve against the record's URL. */
  json_t *url = json_object_get(obj, "url");
  if (json_is_string(url) && !text_only.url) text_only.url = json_string_value(url);
  if (wn_looks_binary(json_string_value(html), json_string_length(html)))
    return write_error(out, lineno, obj, "binary data, not an HTML page") ? -1 : 1;
  winnow_result res;
  winnow_status st = winnow_extract(json_string_value(html), json_string_length(html),
                                    &text_only, &res);
  if (st == WINNOW_ERR_CANCELLED) return 1; /* the stream stops: no record for it */
  if (st != WINNOW_OK)
    return write_error(out, lineno, obj, "extraction failed: %s", winnow_status_string(st)) ? -1 : 1;

  /* Drop the HTML first: the page may be large and is not passed on. */
  json_object_del(obj, "html");
  /* Extracted fields come after the passthrough ones, replacing any the
   * input had (author/date only when the page states them). */
  for (size_t i = 0; i < sizeof result_keys / sizeof *result_keys; i++)
    json_object_del(obj, result_keys[i]);
  if (res.author) json_object_del(obj, "author");
  if (res.date) json_object_del(obj, "date");
  wn_record_add_result(obj, &res);
  winnow_result_free(&res);

  /* wn_record_add_result() cannot report failure (invalid UTF-8, memory). */
  for (size_t i = 0; i < sizeof result_keys / sizeof *result_keys; i++)
    if (!json_object_get(obj, result_keys[i]))
      return write_error(out, lineno, obj, "could not build the result record (\"%s\")",
                         result_keys[i]) ? -1 : 1;
  return write_record(out, obj) ? -1 : 0;
}

/*
 * Handle one input line (without its line ending). Returns 1 if an error
 * record was written, 0 if a result record was, -1 if writing failed.
 */
static int process_line(const char *line, size_t len, unsigned long lineno, FILE *out,
                        const winnow_options *opts) {
  if (is_blank(line, len)) return write_error(out, lineno, NULL, "empty line") ? -1 : 1;

  if (too_many_values(line, len))
    return write_error(out, lineno, NULL,
                       "more than %d arrays and objects in one record, skipped",
                       MAX_CONTAINERS) ? -1 : 1;
  json_error_t err;
  /* Any value, so that "not an object" is its own message; \u0000 is allowed
   * because an HTML string may contain NUL and is passed on with its length. */
  json_t *obj = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
  if (!obj) {
    int rc;
    if (json_error_code(&err) == json_error_out_of_memory)
      rc = write_error(out, lineno, NULL, "out of memory while parsing JSON");
    else
      rc = write_error(out, lineno, NULL, "invalid JSON at column %d: %s", err.column, err.text);
    return rc ? -1 : 1;
  }

  int rc;
  if (!json_is_object(obj)) {
    rc = write_error(out, lineno, NULL, "not a JSON object but %s", type_name(obj)) ? -1 : 1;
    json_decref(obj);
    return rc;
  }

  json_t *html = json_object_get(obj, "html");
  json_t *id = json_object_get(obj, "id");
  json_t *url = json_object_get(obj, "url");
  if (!html) {
    rc = write_error(out, lineno, obj, "no \"html\" string field") ? -1 : 1;
  } else if (!json_is_string(html)) {
    rc = write_error(out, lineno, obj, "\"html\" is %s, not a string", type_name(html)) ? -1 : 1;
  } else if (!is_identity(id) && !is_identity(url)) {
    if (!id && !url)
      rc = write_error(out, lineno, obj, "no \"id\" or \"url\" field") ? -1 : 1;
    else
      rc = write_error(out, lineno, obj, "\"%s\" is %s, not a string or number",
                       id ? "id" : "url", type_name(id ? id : url)) ? -1 : 1;
  } else {
    rc = extract_record(obj, html, lineno, out, opts);
  }
  json_decref(obj);
  return rc;
}

/* Input read ahead in chunks, so a line is found with memchr and a line
 * too long to keep is skipped without being held. */
typedef struct line_reader {
  FILE *in;
  char chunk[64 * 1024];
  size_t pos, len;
} line_reader;

/* Reads what is there: on a pipe, read() returns as soon as a record has
 * come, where fread() would wait for a whole chunk. Streams without a file
 * descriptor (in memory) are read with fread(). 0 at the end, -1 on error. */
static int refill(line_reader *r) {
  r->pos = 0;
  int fd = fileno(r->in);
  if (fd < 0) {
    r->len = fread(r->chunk, 1, sizeof r->chunk, r->in);
    return ferror(r->in) ? -1 : 0;
  }
  for (;;) {
    ssize_t n = read(fd, r->chunk, sizeof r->chunk);
    if (n >= 0) {
      r->len = (size_t)n;
      return 0;
    }
    if (errno != EINTR) {
      r->len = 0;
      return -1;
    }
  }
}

/*
 * The next line, without its "\n", in `line`. Returns 1, 0 at the end of
 * input, -1 on a read error. Past `max` bytes (0 = no limit) the rest of
 * the line is read and dropped, and *overlong is set.
 */
static int read_line(line_reader *r, wn_buf *line, size_t max, bool *overlong) {
  wn_buf_clear(line);
  *overlong = false;
  bool any = false;
  for (;;) {
    if (r->pos == r->len) {
      if (refill(r) < 0) return -1;
      if (r->len == 0) return any;
    }
    any = true;
    const char *start = r->chunk + r->pos;
    const char *newline = memchr(start, '\n', r->len - r->pos);
    size_t n = newline ? (size_t)(newline - start) : r->len - r->pos;
    if (max && line->len + n > max) *overlong = true;
    if (!*overlong) wn_buf_append(line, start, n);
    r->pos += n + (newline ? 1 : 0);
    if (newline) return 1;
  }
}

int wn_jsonl_process(FILE *in, FILE *out, const winnow_options *opts, size_t max_line,
                     wn_jsonl_stats *stats) {
  wn_jsonl_stats local;
  if (!stats) stats = &local;
  memset(stats, 0, sizeof *stats);
  if (!in || !out) {
    errno = EINVAL;
    return -1;
  }

  line_reader *reader = wn_xmalloc(sizeof *reader);
  reader->in = in;
  reader->pos = reader->len = 0;
  wn_buf buf;
  wn_buf_init(&buf);
  int result = 0;
  for (;;) {
    if (opts && opts->cancel && *opts->cancel) break;
    errno = 0;
    bool overlong;
    int got = read_line(reader, &buf, max_line, &overlong);
    if (got <= 0) {
      if (got < 0) {
        if (errno == 0) errno = EIO;
        result = -1;
      }
      break;
    }
    stats->records++;
    int rc;
    if (overlong) {
      rc = write_error(out, stats->records, NULL,
                       "line longer than the --max-bytes limit (%zu bytes), skipped", max_line)
               ? -1
               : 1;
    } else {
      const char *line = buf.data ? buf.data : "";
      size_t len = buf.len;
      if (len > 0 && line[len - 1] == '\r') len--;
      if (stats->records == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3; /* a UTF-8 byte order mark before the first record */
        len -= 3;
      }
      rc = process_line(line, len, stats->records, out, opts);
    }
    if (rc < 0) {
      result = -1;
      break;
    }
    if (rc > 0) stats->failed++;
  }
  wn_buf_free(&buf);
  free(reader);

  int saved = errno;
  if (fflush(out) == EOF || ferror(out)) {
    if (result == 0) {
      if (errno == 0) errno = EIO;
      return -1;
    }
  }
  if (result < 0) errno = saved;
  return result;
}
