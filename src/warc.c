#define _GNU_SOURCE /* memmem */
/*
 * WARC reader (ISO 28500, WARC/1.0 and WARC/1.1).
 *
 * A plain file is read as it is. A gzip file (one member per record,
 * usually) is inflated member by member: a damaged member is reported with
 * its file offset and costs only the record(s) inside it, and bytes between
 * members that are no gzip member are skipped to the next member header and
 * reported. Record offsets in messages are offsets in the uncompressed
 * stream. "-" reads standard input.
 *
 * A record: version line, header fields up to an empty line, Content-Length
 * bytes of block, then CRLF CRLF. Blank lines between records are skipped,
 * so the trailing CRLFs need no special care, and a record whose
 * Content-Length was too small leaves bytes that the next round reports as
 * garbage and resynchronises past (to the next line starting "WARC/").
 *
 * Only "response" records whose block is an HTTP response with an HTML
 * Content-Type and a 2xx status are extracted. Their block is read into
 * memory (after a bounded peek at the HTTP head decides); every other block
 * is skipped without being stored, so memory stays bounded by the largest
 * HTML record.
 */
#include "warc.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <zlib.h>

#include "buffer.h"
#include "decode.h"
#include "record.h"

#define WN_WARC_CHUNK (64u * 1024u)
/* Longer Content-Lengths are taken for corruption, not data. */
#define WN_WARC_MAX_BLOCK (1024ull * 1024u * 1024u)
/* One header line, and a whole WARC header. */
#define WN_WARC_MAX_LINE (64u * 1024u)
#define WN_WARC_MAX_HEADER (1024u * 1024u)
/* The HTTP status line and headers must fit in this much of the block. */
#define WN_WARC_MAX_HTTP_HEAD (64u * 1024u)
/* An inflated body larger than this is taken for a decompression bomb. */
#define WN_WARC_MAX_INFLATED (256u * 1024u * 1024u)

/* ---- buffered reading, one gzip member at a time ---- */

/* Compressed input is read in pieces this large. */
#define WN_WARC_INPUT (128u * 1024u)

typedef struct reader {
  FILE *file;
  const char *path;
  unsigned char *buf; /* decompressed (or plain) bytes ready to read */
  size_t pos, len;
  int eof;      /* nothing more to give */
  int gz_error; /* the last gzip member was cut short */
  char gz_message[96];
  uint64_t offset; /* bytes consumed from the uncompressed stream */
  /* gzip: each member is inflated on its own, so a damaged one costs only
   * the record(s) inside it; see member_damaged(). */
  int gzip;           /* the file starts with a gzip member */
  int in_member;      /* inflating a member now */
  int boundary;       /* a member broke off: its record ends here, once */
  int after_damage;   /* the bytes up to the next member are the damaged one's */
  z_stream zs;
  unsigned char *in;  /* compressed bytes */
  size_t in_pos, in_len;
  uint64_t in_offset; /* file offset of in[0] */
  uint64_t member_at; /* file offset of the current member */
  unsigned long damaged; /* members (or stretches of garbage) lost */
  FILE *err;
} reader;

static const unsigned char GZIP_MAGIC[3] = {0x1f, 0x8b, 0x08};

/* Makes sure at least `want` compressed bytes are buffered (fewer at the end). */
static size_t input_have(reader *r, size_t want) {
  size_t have = r->in_len - r->in_pos;
  if (have >= want || feof(r->file) || ferror(r->file)) return have;
  memmove(r->in, r->in + r->in_pos, have);
  r->in_offset += r->in_pos;
  r->in_pos = 0;
  r->in_len = have + fread(r->in + have, 1, WN_WARC_INPUT - have, r->file);
  return r->in_len;
}

static uint64_t input_offset(const reader *r) { return r->in_offset + r->in_pos; }

static void damage(reader *r, uint64_t at, const char *what) {
  r->damaged++;
  if (r->err)
    fprintf(r->err, "winnow: %s: file offset %llu: %s\n", r->path, (unsigned long long)at, what);
}

static bool all_zero(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i]) return false;
  return true;
}

/* Moves to the next gzip member header; bytes before it (but zero padding)
 * are reported. */
static int find_member(reader *r) {
  uint64_t start = input_offset(r);
  bool garbage = false;
  for (;;) {
    size_t have = input_have(r, 3);
    const unsigned char *p = r->in + r->in_pos;
    if (have < 3) {
      if ((garbage || !all_zero(p, have)) && !r->after_damage)
        damage(r, start, "trailing bytes that are no gzip member");
      r->in_pos = r->in_len;
      return 0;
    }
    if (!memcmp(p, GZIP_MAGIC, 3)) break;
    const unsigned char *next = memchr(p + 1, 0x1f, have - 1);
    size_t skip = next ? (size_t)(next - p) : have - 2;
    garbage = garbage || !all_zero(p, skip);
    r->in_pos += skip;
  }
  if (garbage && !r->after_damage) {
    char what[96];
    snprintf(what, sizeof what, "%llu bytes that are no gzip member, skipped",
             (unsigned long long)(input_offset(r) - start));
    damage(r, start, what);
  }
  r->after_damage = 0;
  r->member_at = input_offset(r);
  inflateReset2(&r->zs, 15 + 16);
  r->in_member = 1;
  return 1;
}

/* A member that fails to inflate: what it gave so far ends a record, and
 * reading goes on at the next member header after its start. */
static void member_damaged(reader *r, const char *msg) {
  char what[160];
  snprintf(what, sizeof what, "damaged gzip member (%s), its records lost",
           msg ? msg : "invalid data");
  damage(r, r->member_at, what);
  r->in_member = 0;
  r->boundary = 1;
  r->after_damage = 1;
  /* Resume the search just past this member's header. */
  if (input_offset(r) <= r->member_at) r->in_pos = (size_t)(r->member_at + 1 - r->in_offset);
}

/* Inflates into buf; 1 with bytes, 0 at the end or at a damaged member. */
static int gzip_fill(reader *r) {
  for (;;) {
    if (r->boundary) return 0;
    if (!r->in_member && !find_member(r)) return 0;
    size_t have = input_have(r, 1);
    r->zs.next_in = r->in + r->in_pos;
    r->zs.avail_in = (uInt)have;
    r->zs.next_out = r->buf;
    r->zs.avail_out = WN_WARC_CHUNK;
    int ret = have ? inflate(&r->zs, Z_NO_FLUSH) : Z_BUF_ERROR;
    r->in_pos += have - r->zs.avail_in;
    r->len = WN_WARC_CHUNK - r->zs.avail_out;
    r->pos = 0;
    if (ret == Z_STREAM_END) r->in_member = 0;
    else if (ret == Z_BUF_ERROR && !have) {
      /* The file ends inside a member. */
      r->gz_error = 1;
      snprintf(r->gz_message, sizeof r->gz_message, "unexpected end of file");
      r->in_member = 0;
      return r->len > 0;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      member_damaged(r, r->zs.msg);
      /* Its bytes are dropped with it: they would join the next record. */
      r->len = 0;
      return 0;
    }
    if (r->len) return 1;
  }
}

/* Makes sure there are unread bytes; 0 at the end of the stream (or, once,
 * where a damaged gzip member broke a record off: see reader_resume). */
static int reader_fill(reader *r) {
  if (r->pos < r->len) return 1;
  if (r->eof) return 0;
  r->pos = r->len = 0;
  if (r->gzip) {
    if (gzip_fill(r)) return 1;
    if (!r->boundary) r->eof = 1;
    return 0;
  }
  r->len = fread(r->buf, 1, WN_WARC_CHUNK, r->file);
  if (r->len) return 1;
  r->eof = 1;
  if (ferror(r->file)) {
    r->gz_error = 1;
    snprintf(r->gz_message, sizeof r->gz_message, "%s", strerror(errno));
  }
  return 0;
}

/* After a record ended early: 1 if reading goes on (a damaged member was
 * skipped, the next one follows), 0 at the real end of the file. */
static int reader_resume(reader *r) {
  if (!r->boundary) return 0;
  r->boundary = 0;
  return 1;
}

static int reader_open(reader *r, const char *path, FILE *err) {
  memset(r, 0, sizeof *r);
  r->path = path;
  r->err = err;
  r->file = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!r->file) return -1;
  /* As large as the input buffer: a plain file's read-ahead moves here. */
  r->buf = wn_xmalloc(WN_WARC_INPUT);
  r->in = wn_xmalloc(WN_WARC_INPUT);
  r->gzip = input_have(r, 3) >= 3 && !memcmp(r->in, GZIP_MAGIC, 3);
  if (r->gzip && inflateInit2(&r->zs, 15 + 16) != Z_OK) r->gzip = 0;
  if (!r->gzip) {
    /* Plain: what was read ahead is the first chunk. */
    memcpy(r->buf, r->in, r->in_len);
    r->len = r->in_len;
  }
  return 0;
}

static void reader_close(reader *r) {
  if (r->gzip) inflateEnd(&r->zs);
  if (r->file && r->file != stdin) fclose(r->file);
  free(r->buf);
  free(r->in);
}

/*
 * Reads one line (through '\n') into `line` without its line ending (LF or
 * CRLF), keeping at most `max` bytes of it; the rest of an overlong line is
 * consumed and *overlong set. Returns 0 at the end of the stream with
 * nothing read, else 1 (a last line may lack its '\n').
 */
static int reader_line(reader *r, wn_buf *line, size_t max, int *overlong) {
  wn_buf_clear(line);
  *overlong = 0;
  int got = 0;
  while (reader_fill(r)) {
    got = 1;
    const unsigned char *start = r->buf + r->pos;
    size_t avail = r->len - r->pos;
    const unsigned char *nl = memchr(start, '\n', avail);
    size_t take = nl ? (size_t)(nl - start) : avail;
    size_t room = line->len < max ? max - line->len : 0;
    if (take > room) *overlong = 1;
    wn_buf_append(line, (const char *)start, take < room ? take : room);
    size_t used = nl ? take + 1 : take;
    r->pos += used;
    r->offset += used;
    if (nl) break;
  }
  if (line->len && line->data[line->len - 1] == '\r') line->data[--line->len] = '\0';
  if (!line->data) wn_buf_append(line, "", 0);
  return got;
}

/* Appends up to n bytes to dst (or discards them when dst is NULL);
 * returns how many there were. */
static uint64_t reader_take(reader *r, wn_buf *dst, uint64_t n) {
  uint64_t done = 0;
  while (done < n && reader_fill(r)) {
    size_t avail = r->len - r->pos;
    size_t take = (uint64_t)avail < n - done ? avail : (size_t)(n - done);
    if (dst) wn_buf_append(dst, (const char *)r->buf + r->pos, take);
    r->pos += take;
    r->offset += take;
    done += take;
  }
  return done;
}

/* ---- small string helpers ---- */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Case-insensitive: does s (of length n) start with the NUL-terminated p? */
static int has_prefix_ci(const char *s, size_t n, const char *p) {
  size_t i = 0;
  for (; p[i]; i++)
    if (i >= n || lower((unsigned char)s[i]) != lower((unsigned char)p[i])) return 0;
  return 1;
}

static int equal_ci(const char *s, size_t n, const char *p) {
  return strlen(p) == n && has_prefix_ci(s, n, p);
}

static void trim(const char **s, size_t *n) {
  while (*n && is_space((unsigned char)**s)) (*s)++, (*n)--;
  while (*n && is_space((unsigned char)(*s)[*n - 1])) (*n)--;
}

/* At most 40 bytes of s for a message: anything but printable ASCII as '?'. */
static const char *printable(const char *s, char out[48]) {
  size_t i = 0;
  for (; s[i] && i < 40; i++) out[i] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
  if (s[i]) out[i++] = '.', out[i++] = '.', out[i++] = '.';
  out[i] = '\0';
  return out;
}

/* A JSON string of arbitrary bytes: invalid UTF-8 becomes U+FFFD. */
static json_t *json_bytes(const char *s, size_t n) {
  json_t *j = json_stringn(s, n);
  if (j) return j;
  wn_buf fixed;
  wn_buf_init(&fixed);
  size_t i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
      wn_buf_append(&fixed, "\xef\xbf\xbd", 3);
      i++;
    } else {
      wn_buf_append(&fixed, s + i, (size_t)k);
      i += (size_t)k;
    }
  }
  j = json_stringn(fixed.data ? fixed.data : "", fixed.len);
  wn_buf_free(&fixed);
  return j ? j : json_string("");
}

/* ---- WARC header ---- */

enum { F_TYPE, F_LENGTH, F_URI, F_ID, F_DATE, F_COUNT };
static const char *const field_names[F_COUNT] = {"WARC-Type", "Content-Length", "WARC-Target-URI",
                                                 "WARC-Record-ID", "WARC-Date"};

typedef struct warc_header {
  char *field[F_COUNT]; /* the first occurrence of each, trimmed; NULL if absent */
  size_t length[F_COUNT]; /* strlen of each field, kept as continuation lines join it */
} warc_header;

static void header_free(warc_header *h) {
  for (int i = 0; i < F_COUNT; i++) {
    free(h->field[i]);
    h->field[i] = NULL;
  }
}

typedef enum header_status {
  HEADER_OK,
  HEADER_TRUNCATED,
  HEADER_BAD_LINE,
  HEADER_TOO_LONG
} header_status;

/* Reads the fields after the version line, through the empty line. */
static header_status header_read(reader *r, wn_buf *line, warc_header *h) {
  size_t total = 0;
  int last = -1; /* the field a continuation line belongs to, if kept */
  for (;;) {
    int overlong;
    if (!reader_line(r, line, WN_WARC_MAX_LINE, &overlong)) return HEADER_TRUNCATED;
    if (overlong) return HEADER_TOO_LONG;
    total += line->len;
    if (total > WN_WARC_MAX_HEADER) return HEADER_TOO_LONG;
    if (line->len == 0) return HEADER_OK;
    const char *s = line->data;
    size_t n = line->len;
    if (*s == ' ' || *s == '\t') { /* folded continuation of the previous field */
      trim(&s, &n);
      /* A field is kept up to one line's length: joining every one of
       * 250,000 folded lines to the field anew was quadratic. */
      if (last >= 0 && n && h->length[last] + 1 + n <= WN_WARC_MAX_LINE) {
        size_t old = h->length[last];
        /* The field's buffer is kept a power of two long: joins cost their
         * own length, not the field's. */
        size_t cap = 64;
        while (cap < old + 1) cap *= 2;
        if (old + 1 + n + 1 > cap) {
          while (cap < old + 1 + n + 1) cap *= 2;
          h->field[last] = wn_xrealloc(h->field[last], cap);
        }
        char *joined = h->field[last];
        joined[old] = ' ';
        memcpy(joined + old + 1, s, n);
        joined[old + 1 + n] = '\0';
        h->length[last] = old + 1 + n;
      }
      continue;
    }
    const char *colon = memchr(s, ':', n);
    if (!colon || colon == s) return HEADER_BAD_LINE;
    const char *name = s;
    size_t name_len = (size_t)(colon - s);
    trim(&name, &name_len);
    const char *value = colon + 1;
    size_t value_len = n - (size_t)(value - s);
    trim(&value, &value_len);
    last = -1;
    for (int i = 0; i < F_COUNT; i++) {
      if (!h->field[i] && equal_ci(name, name_len, field_names[i])) {
        h->length[i] = strnlen(value, value_len);
        size_t cap = 64;
        while (cap < h->length[i] + 1) cap *= 2;
        h->field[i] = wn_xmalloc(cap);
        memcpy(h->field[i], value, h->length[i]);
        h->field[i][h->length[i]] = '\0';
        last = i;
        break;
      }
    }
  }
}

/* Parses a Content-Length: 0 and *len, or -1 (not a number), or -2 (absurd). */
static int parse_length(const char *s, uint64_t *len) {
  if (!s || !*s) return -1;
  uint64_t v = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') return -1;
    v = v * 10 + (uint64_t)(*p - '0');
    if (v > WN_WARC_MAX_BLOCK) return -2;
  }
  *len = v;
  return 0;
}

/* ---- HTTP response in a block ---- */

typedef struct http_info {
  int status;
  int html;
  int chunked;
  char encoding[32]; /* Content-Encoding, lower case (cut short): "" for none */
  char charset[48];  /* the Content-Type charset parameter, or "" */
  size_t body;       /* offset of the body in the block */
} http_info;

/* Copies one Content-Type parameter value (quoted or not) into out. */
static void param_value(const char *v, size_t n, char *out, size_t cap) {
  trim(&v, &n);
  if (n && *v == '"') {
    v++, n--;
    const char *q = memchr(v, '"', n);
    if (q) n = (size_t)(q - v);
  }
  trim(&v, &n);
  if (n >= cap) n = 0; /* not a charset name anyone uses */
  memcpy(out, v, n);
  out[n] = '\0';
}

static void parse_content_type(const char *v, size_t n, http_info *info) {
  const char *semi = memchr(v, ';', n);
  const char *type = v;
  size_t type_len = semi ? (size_t)(semi - v) : n;
  trim(&type, &type_len);
  info->html =
      equal_ci(type, type_len, "text/html") || equal_ci(type, type_len, "application/xhtml+xml");
  info->charset[0] = '\0';
  while (semi) {
    const char *p = semi + 1;
    size_t rest = n - (size_t)(p - v);
    semi = memchr(p, ';', rest);
    size_t plen = semi ? (size_t)(semi - p) : rest;
    const char *eq = memchr(p, '=', plen);
    if (!eq) continue;
    const char *name = p;
    size_t name_len = (size_t)(eq - p);
    trim(&name, &name_len);
    if (equal_ci(name, name_len, "charset"))
      param_value(eq + 1, plen - (size_t)(eq + 1 - p), info->charset, sizeof info->charset);
  }
}

/*
 * Parses the status line and headers at the start of `block`. Returns 0
 * with *info filled, or -1 when the block is no HTTP response or its head
 * does not end within `len` bytes.
 */
static int http_parse(const char *block, size_t len, http_info *info) {
  memset(info, 0, sizeof *info);
  if (len < 12 || memcmp(block, "HTTP/", 5) != 0) return -1;
  size_t i = 5;
  while (i < len && block[i] != ' ' && block[i] != '\n') i++;
  while (i < len && block[i] == ' ') i++;
  if (i + 3 > len) return -1;
  for (int k = 0; k < 3; k++) {
    char c = block[i + (size_t)k];
    if (c < '0' || c > '9') return -1;
    info->status = info->status * 10 + (c - '0');
  }
  const char *nl = memchr(block + i, '\n', len - i);
  if (!nl) return -1;
  size_t pos = (size_t)(nl - block) + 1;
  int have_type = 0;
  for (;;) {
    if (pos >= len) return -1;
    nl = memchr(block + pos, '\n', len - pos);
    if (!nl) return -1;
    const char *s = block + pos;
    size_t n = (size_t)(nl - s);
    pos += n + 1;
    if (n && s[n - 1] == '\r') n--;
    if (n == 0) break;
    const char *colon = memchr(s, ':', n);
    if (!colon) continue;
    const char *name = s;
    size_t name_len = (size_t)(colon - s);
    trim(&name, &name_len);
    const char *value = colon + 1;
    size_t value_len = n - (size_t)(value - s);
    trim(&value, &value_len);
    if (equal_ci(name, name_len, "Content-Type") && !have_type) {
      have_type = 1;
      parse_content_type(value, value_len, info);
    } else if (equal_ci(name, name_len, "Transfer-Encoding")) {
      /* The last coding listed is the outermost; "chunked" must be it. */
      const char *comma = value + value_len;
      while (comma > value && comma[-1] != ',') comma--;
      const char *last = comma;
      size_t last_len = value_len - (size_t)(comma - value);
      trim(&last, &last_len);
      if (equal_ci(last, last_len, "chunked")) info->chunked = 1;
    } else if (equal_ci(name, name_len, "Content-Encoding")) {
      size_t k = 0;
      for (; k < value_len && k + 1 < sizeof info->encoding; k++)
        info->encoding[k] = (char)lower((unsigned char)value[k]);
      info->encoding[k] = '\0';
    }
  }
  info->body = pos;
  return 0;
}

static int hex_digit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/*
 * Removes chunked transfer coding in place. Lenient as readers are: stops
 * at the last chunk, at a bad size line, or where the data runs out.
 * A body that does not start with a chunk-size line is left as it is (some
 * crawlers store the decoded body with the original header).
 */
static size_t dechunk(char *body, size_t len) {
  size_t in = 0, out = 0;
  int first = 1;
  while (in < len) {
    size_t p = in;
    uint64_t size = 0;
    int digits = 0, d;
    while (p < len && (d = hex_digit((unsigned char)body[p])) >= 0) {
      if (size > (UINT64_MAX >> 4)) return first ? len : out;
      size = size * 16 + (uint64_t)d;
      p++, digits++;
    }
    if (!digits) return first ? len : out;
    const char *nl = memchr(body + p, '\n', len - p);
    if (!nl) return first ? len : out;
    /* Between the digits and the line end only extensions or spaces. */
    if (p < len && body[p] != ';' && body[p] != '\r' && body[p] != '\n' && body[p] != ' ' &&
        body[p] != '\t')
      return first ? len : out;
    first = 0;
    in = (size_t)(nl - body) + 1;
    if (size == 0) break;
    size_t take = size < (uint64_t)(len - in) ? (size_t)size : len - in;
    memmove(body + out, body + in, take);
    out += take;
    in += take;
    if (in < len && body[in] == '\r') in++;
    if (in < len && body[in] == '\n') in++;
  }
  return out;
}

/*
 * Inflates `len` bytes: window_bits as for inflateInit2. Returns 0 with the
 * output in *dst, or -1 when the data is not of that kind at all (nothing
 * came out). A stream cut short yields what it had.
 */
static int inflate_body(const char *src, size_t len, int window_bits, size_t limit, wn_buf *dst) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, window_bits) != Z_OK) return -1;
  wn_buf_clear(dst);
  zs.next_in = (Bytef *)(uintptr_t)src;
  int ret = Z_OK;
  size_t left = len;
  unsigned char out[WN_WARC_CHUNK];
  while (ret == Z_OK) {
    if (zs.avail_in == 0 && left) {
      uInt feed = left > (1u << 30) ? (1u << 30) : (uInt)left;
      zs.avail_in = feed;
      left -= feed;
    }
    zs.next_out = out;
    zs.avail_out = sizeof out;
    ret = inflate(&zs, Z_NO_FLUSH);
    size_t got = sizeof out - zs.avail_out;
    if (got) wn_buf_append(dst, (const char *)out, got);
    if (dst->len > limit) {
      ret = Z_MEM_ERROR;
      break;
    }
    /* Concatenated gzip members: go on with the next one. */
    if (ret == Z_STREAM_END && window_bits > 15 && (zs.avail_in || left)) {
      if (inflateReset(&zs) != Z_OK) break;
      ret = Z_OK;
    }
    if (ret == Z_BUF_ERROR && (zs.avail_in || left)) ret = Z_OK;
  }
  inflateEnd(&zs);
  if (ret == Z_MEM_ERROR) return -2;
  if (dst->len == 0 && ret != Z_STREAM_END) return -1;
  return 0;
}

/* ---- the process ---- */

typedef struct ctx {
  const char *path;
  FILE *out;
  FILE *err;
  const winnow_options *opts;
  wn_warc_stats *stats;
  uint64_t max_record; /* larger response blocks are skipped; 0 = no limit */
  wn_buf block;
  wn_buf inflated;
  int gz_reported; /* a message already named the gzip error */
} ctx;

static void report(ctx *c, uint64_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "winnow: FILE: record at offset N: REASON, skipped", and counts it. */
static void report(ctx *c, uint64_t offset, const char *fmt, ...) {
  c->stats->skipped++;
  if (!c->err) return;
  fprintf(c->err, "winnow: %s: record at offset %llu: ", c->path, (unsigned long long)offset);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(c->err, fmt, ap);
  va_end(ap);
  fputs(", skipped\n", c->err);
}

/* The "; gzip: " before a gzip error message, when there is one. */
static const char *gz_note(ctx *c, const reader *r) {
  if (!r->gz_error) return "";
  c->gz_reported = 1;
  return "; gzip: ";
}

/* Extracts one HTML page and writes its line; -1 when `out` fails. */
static int emit_page(ctx *c, const warc_header *h, const http_info *info, const char *html,
                     size_t len, uint64_t offset) {
  winnow_options o = *c->opts;
  o.include_title = 0; /* the record has a title field */
  if (o.format != WINNOW_FORMAT_MARKDOWN) o.format = WINNOW_FORMAT_TEXT;
  /* The HTTP charset ranks as browsers rank it: above <meta>, below a BOM. */
  if (info->charset[0]) o.encoding_hint = info->charset;
  const char *uri = h->field[F_URI] ? h->field[F_URI] : "";
  size_t uri_len = strlen(uri);
  if (uri_len >= 2 && uri[0] == '<' && uri[uri_len - 1] == '>') uri++, uri_len -= 2;
  /* Markdown's relative links resolve against the record's URL. */
  char *target = wn_xstrndup(uri, uri_len);
  if (!o.url) o.url = target;
  winnow_result res;
  winnow_status st = winnow_extract(html, len, &o, &res);
  free(target);
  if (st == WINNOW_ERR_CANCELLED) return 0; /* the run stops: nothing to say of the page */
  if (st != WINNOW_OK) {
    report(c, offset, "%s", winnow_status_string(st));
    return 0;
  }

  json_t *obj = json_object();
  json_object_set_new(obj, "url", json_bytes(uri, uri_len));
  json_object_set_new(
      obj, "warc_record_id",
      h->field[F_ID] ? json_bytes(h->field[F_ID], strlen(h->field[F_ID])) : json_null());
  /* The crawl's time; "date" is the page's own, as in --format=json and --jsonl. */
  json_object_set_new(
      obj, "warc_date",
      h->field[F_DATE] ? json_bytes(h->field[F_DATE], strlen(h->field[F_DATE])) : json_null());
  wn_record_add_result(obj, &res);
  winnow_result_free(&res);

  char *line = wn_record_dump(obj);
  json_decref(obj);
  if (!line) {
    report(c, offset, "cannot encode the record as JSON");
    return 0;
  }
  int failed = fputs(line, c->out) == EOF || fputc('\n', c->out) == EOF;
  free(line);
  if (failed) return -1;
  c->stats->pages++;
  return 0;
}

/*
 * Handles the block of a response record (`length` bytes, unread). Returns
 * 0, 1 when the file ended inside the block, or -1 when `out` failed.
 */
static int do_response(ctx *c, reader *r, const warc_header *h, uint64_t length, uint64_t offset) {
  wn_buf_clear(&c->block);
  if (c->max_record && length > c->max_record) {
    /* Skipped without being held: memory stays bounded by the limit. */
    uint64_t got = reader_take(r, NULL, length);
    report(c, offset, "block of %llu bytes is larger than the --max-bytes limit",
           (unsigned long long)length);
    return got < length ? 1 : 0;
  }
  uint64_t peek = length < WN_WARC_MAX_HTTP_HEAD ? length : WN_WARC_MAX_HTTP_HEAD;
  uint64_t got = reader_take(r, &c->block, peek);
  http_info info;
  int wanted = got == peek &&
               http_parse(c->block.data ? c->block.data : "", c->block.len, &info) == 0 &&
               info.html && info.status >= 200 && info.status <= 299;
  /* A response whose status line and headers do not end within the bytes
   * looked at is not left unsaid. */
  bool head_too_long = got == peek && !wanted && peek == WN_WARC_MAX_HTTP_HEAD && length > peek &&
                       c->block.len >= 5 && memcmp(c->block.data, "HTTP/", 5) == 0 &&
                       !memmem(c->block.data, c->block.len, "\r\n\r\n", 4) &&
                       !memmem(c->block.data, c->block.len, "\n\n", 2);
  if (got == peek) got += reader_take(r, wanted ? &c->block : NULL, length - peek);
  if (head_too_long && got == length) {
    report(c, offset, "HTTP status line and headers longer than %u KiB",
           WN_WARC_MAX_HTTP_HEAD >> 10);
    return 0;
  }
  if (got < length) {
    report(c, offset, "truncated: Content-Length %llu but only %llu bytes left%s%s",
           (unsigned long long)length, (unsigned long long)got, gz_note(c, r),
           r->gz_error ? r->gz_message : "");
    return 1;
  }
  if (!wanted) return 0;

  char *body = c->block.data + info.body;
  size_t body_len = c->block.len - info.body;
  if (info.chunked) body_len = dechunk(body, body_len);
  const char *ce = info.encoding;
  if (!strcmp(ce, "gzip") || !strcmp(ce, "x-gzip") || !strcmp(ce, "deflate")) {
    int gz = ce[0] != 'd';
    /* gzip, or zlib-wrapped deflate; then raw deflate, which some servers
     * send as "deflate". Data that is not compressed at all is used as is
     * (stored decoded, with the header kept). */
    /* The inflated page is bounded like any page (--max-bytes). */
    size_t limit = c->max_record && c->max_record < WN_WARC_MAX_INFLATED ? (size_t)c->max_record
                                                                          : WN_WARC_MAX_INFLATED;
    int rc = inflate_body(body, body_len, gz ? 15 + 16 : 15, limit, &c->inflated);
    if (rc == -1) rc = inflate_body(body, body_len, -15, limit, &c->inflated);
    if (rc == -2) {
      report(c, offset, "%s body inflates to more than %zu bytes (--max-bytes)", ce, limit);
      return 0;
    }
    if (rc == 0) {
      body = c->inflated.data ? c->inflated.data : "";
      body_len = c->inflated.len;
    }
  } else if (ce[0] && strcmp(ce, "identity") != 0) {
    char shown[48];
    report(c, offset, "unsupported Content-Encoding \"%s\"", printable(ce, shown));
    return 0;
  }
  if (wn_looks_binary(body, body_len)) {
    report(c, offset, "binary data, not an HTML page");
    return 0;
  }
  return emit_page(c, h, &info, body, body_len, offset) < 0 ? -1 : 0;
}

static int starts_warc(const wn_buf *line) {
  return line->len >= 5 && memcmp(line->data, "WARC/", 5) == 0;
}

/*
 * Skips to the next line starting with "WARC/". Returns 1 with that line
 * in `line` (and its offset in *at), or 0 at the end of the file.
 */
static int resync(reader *r, wn_buf *line, uint64_t *at) {
  for (;;) {
    int overlong;
    *at = r->offset;
    if (!reader_line(r, line, 16, &overlong)) {
      if (reader_resume(r)) continue;
      return 0;
    }
    if (starts_warc(line)) return 1;
  }
}

int wn_warc_process(const char *path, FILE *out, FILE *err, const winnow_options *opts,
                    uint64_t max_record, wn_warc_stats *stats) {
  wn_warc_stats local;
  if (!stats) stats = &local;
  memset(stats, 0, sizeof *stats);
  if (!path || !out) {
    errno = EINVAL;
    return -1;
  }
  winnow_options defaults;
  if (!opts) {
    winnow_options_init(&defaults);
    opts = &defaults;
  }
  errno = 0;
  reader r;
  if (reader_open(&r, path, err) != 0) {
    if (!errno) errno = ENOMEM;
    return -1;
  }
  ctx c;
  memset(&c, 0, sizeof c);
  c.path = path;
  c.out = out;
  c.err = err;
  c.opts = opts;
  c.stats = stats;
  c.max_record = max_record;
  wn_buf line;
  wn_buf_init(&line);
  int result = 0;
  int have_line = 0; /* `line` already holds a version line found by resync */
  uint64_t at = 0;

  for (;;) {
    if (opts && opts->cancel && *opts->cancel) break;
    int overlong = 0;
    if (!have_line) {
      at = r.offset;
      if (!reader_line(&r, &line, WN_WARC_MAX_LINE, &overlong)) {
        if (reader_resume(&r)) continue;
        break;
      }
      const char *s = line.data;
      size_t n = line.len;
      trim(&s, &n);
      if (n == 0 && !overlong) continue; /* the CRLFs after a block, or stray ones */
    }
    have_line = 0;
    uint64_t offset = at;
    if (!starts_warc(&line)) {
      report(&c, offset, "no WARC version line (not a WARC record, or corrupt)");
      have_line = resync(&r, &line, &at);
      if (!have_line) break;
      continue;
    }
    stats->records++;
    warc_header h;
    memset(&h, 0, sizeof h);
    header_status hs = header_read(&r, &line, &h);
    if (hs != HEADER_OK) {
      header_free(&h);
      if (hs == HEADER_TRUNCATED) {
        /* A damaged gzip member was reported as such; its record is gone. */
        if (reader_resume(&r)) continue;
        report(&c, offset, "header cut short by the end of the file%s%s", gz_note(&c, &r),
               r.gz_error ? r.gz_message : "");
        break;
      }
      report(&c, offset, hs == HEADER_TOO_LONG ? "header too long" : "malformed header line");
      have_line = resync(&r, &line, &at);
      if (!have_line) break;
      continue;
    }
    uint64_t length = 0;
    int lr = parse_length(h.field[F_LENGTH], &length);
    if (lr != 0) {
      char shown[48];
      if (!h.field[F_LENGTH])
        report(&c, offset, "no Content-Length");
      else if (lr == -2)
        report(&c, offset, "Content-Length %s is larger than 1 GiB",
               printable(h.field[F_LENGTH], shown));
      else
        report(&c, offset, "Content-Length \"%s\" is not a number",
               printable(h.field[F_LENGTH], shown));
      header_free(&h);
      have_line = resync(&r, &line, &at);
      if (!have_line) break;
      continue;
    }
    const char *type = h.field[F_TYPE] ? h.field[F_TYPE] : "";
    int rc;
    if (equal_ci(type, strlen(type), "response")) {
      rc = do_response(&c, &r, &h, length, offset);
    } else {
      uint64_t got = reader_take(&r, NULL, length);
      rc = 0;
      if (got < length) {
        report(&c, offset, "truncated: Content-Length %llu but only %llu bytes left%s%s",
               (unsigned long long)length, (unsigned long long)got, gz_note(&c, &r),
               r.gz_error ? r.gz_message : "");
        rc = 1;
      }
    }
    header_free(&h);
    if (rc < 0) {
      result = -1;
      break;
    }
    /* The file ended inside the block, or a damaged gzip member did. */
    if (rc > 0 && !reader_resume(&r)) break;
  }

  /* A gzip stream that broke between records (or in garbage): say so. */
  if (result == 0 && r.gz_error && !c.gz_reported && err)
    fprintf(err, "winnow: %s: offset %llu: corrupt or truncated gzip data (%s), stopped\n", path,
            (unsigned long long)r.offset, r.gz_message);

  int saved = errno;
  wn_buf_free(&line);
  wn_buf_free(&c.block);
  wn_buf_free(&c.inflated);
  stats->skipped += r.damaged;
  reader_close(&r);
  if (result != 0) {
    errno = saved;
    return -1;
  }
  if (fflush(out) != 0 || ferror(out)) {
    if (!errno) errno = EIO;
    return -1;
  }
  return 0;
}
