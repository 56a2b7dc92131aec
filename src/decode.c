#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include <uchardet/uchardet.h>
#include <utf8proc.h>

#include "buffer.h"

/* The prescan looks no further than this, like browsers. */
#define PRESCAN_LIMIT 1024
/* A <meta charset> past the prescan still counts while the page is in its
 * <head>, as Gecko honours it (by reloading the page); this bounds the look. */
#define LATE_META_LIMIT (64 * 1024)
/* Unlabelled bytes that are not UTF-8 go to a statistical detector; it sees
 * at most this much, and needs this many non-ASCII bytes to be trusted
 * (below that windows-1252, the web's default, is as good a guess). */
#define DETECT_LIMIT (256 * 1024)
#define DETECT_MIN_NON_ASCII 64
/* Unicode's stream-safe limit (UAX #15): no text needs more combining marks
 * on one letter, and normalising a longer run costs time quadratic in it. */
#define MAX_COMBINING_RUN 30
/* iconv writes into a scratch buffer this large before we copy out. */
#define CHUNK_SIZE (64 * 1024)

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* ------------------------------------------------------------------ */
/* Encodings and labels                                                */

enum enc_id {
  E_UTF8, E_UTF16LE, E_UTF16BE, E_WIN1252, E_IBM866,
  E_ISO8859_2, E_ISO8859_3, E_ISO8859_4, E_ISO8859_5, E_ISO8859_6,
  E_ISO8859_7, E_ISO8859_8, E_ISO8859_8I, E_ISO8859_10, E_ISO8859_13,
  E_ISO8859_14, E_ISO8859_15, E_ISO8859_16, E_KOI8R, E_KOI8U,
  E_MACINTOSH, E_MACCYRILLIC, E_WIN874, E_WIN1250, E_WIN1251,
  E_WIN1253, E_WIN1254, E_WIN1255, E_WIN1256, E_WIN1257, E_WIN1258,
  E_GBK, E_GB18030, E_BIG5, E_EUCJP, E_ISO2022JP, E_SHIFTJIS, E_EUCKR
};

typedef struct encoding {
  const char *name;  /* WHATWG canonical name, reported to the caller */
  const char *iconv; /* what glibc calls it; NULL when decoded natively */
} encoding;

/*
 * Several iconv names differ from the label on purpose: browsers decode
 * these labels with the vendor supersets (CP932, CP949, GB18030, HKSCS),
 * and WHATWG's KOI8-U and x-mac-cyrillic are glibc's KOI8-RU and
 * MACUKRAINIAN.
 */
static const encoding ENCODINGS[] = {
    [E_UTF8] = {"UTF-8", NULL},
    [E_UTF16LE] = {"UTF-16LE", "UTF-16LE"},
    [E_UTF16BE] = {"UTF-16BE", "UTF-16BE"},
    [E_WIN1252] = {"windows-1252", NULL},
    [E_IBM866] = {"IBM866", "IBM866"},
    [E_ISO8859_2] = {"ISO-8859-2", "ISO-8859-2"},
    [E_ISO8859_3] = {"ISO-8859-3", "ISO-8859-3"},
    [E_ISO8859_4] = {"ISO-8859-4", "ISO-8859-4"},
    [E_ISO8859_5] = {"ISO-8859-5", "ISO-8859-5"},
    [E_ISO8859_6] = {"ISO-8859-6", "ISO-8859-6"},
    [E_ISO8859_7] = {"ISO-8859-7", "ISO-8859-7"},
    [E_ISO8859_8] = {"ISO-8859-8", "ISO-8859-8"},
    [E_ISO8859_8I] = {"ISO-8859-8-I", "ISO-8859-8"},
    [E_ISO8859_10] = {"ISO-8859-10", "ISO-8859-10"},
    [E_ISO8859_13] = {"ISO-8859-13", "ISO-8859-13"},
    [E_ISO8859_14] = {"ISO-8859-14", "ISO-8859-14"},
    [E_ISO8859_15] = {"ISO-8859-15", "ISO-8859-15"},
    [E_ISO8859_16] = {"ISO-8859-16", "ISO-8859-16"},
    [E_KOI8R] = {"KOI8-R", "KOI8-R"},
    [E_KOI8U] = {"KOI8-U", "KOI8-RU"},
    [E_MACINTOSH] = {"macintosh", "MACINTOSH"},
    [E_MACCYRILLIC] = {"x-mac-cyrillic", "MACUKRAINIAN"},
    [E_WIN874] = {"windows-874", "CP874"},
    [E_WIN1250] = {"windows-1250", "CP1250"},
    [E_WIN1251] = {"windows-1251", "CP1251"},
    [E_WIN1253] = {"windows-1253", "CP1253"},
    [E_WIN1254] = {"windows-1254", "CP1254"},
    [E_WIN1255] = {"windows-1255", "CP1255"},
    [E_WIN1256] = {"windows-1256", "CP1256"},
    [E_WIN1257] = {"windows-1257", "CP1257"},
    [E_WIN1258] = {"windows-1258", "CP1258"},
    [E_GBK] = {"GBK", "GB18030"},
    [E_GB18030] = {"gb18030", "GB18030"},
    [E_BIG5] = {"Big5", "BIG5-HKSCS"},
    [E_EUCJP] = {"EUC-JP", "EUC-JP"},
    [E_ISO2022JP] = {"ISO-2022-JP", "ISO-2022-JP"},
    [E_SHIFTJIS] = {"Shift_JIS", "CP932"},
    [E_EUCKR] = {"EUC-KR", "CP949"},
};

typedef struct label {
  const char *label;
  enum enc_id id;
} label;

/*
 * The WHATWG label table, minus "replacement" and x-user-defined, which
 * have no useful decoding here; those labels are treated as unknown.
 */
static const label LABELS[] = {
    {"unicode-1-1-utf-8", E_UTF8}, {"unicode11utf8", E_UTF8},
    {"unicode20utf8", E_UTF8}, {"utf-8", E_UTF8}, {"utf8", E_UTF8},
    {"x-unicode20utf8", E_UTF8},
    {"866", E_IBM866}, {"cp866", E_IBM866}, {"csibm866", E_IBM866},
    {"ibm866", E_IBM866},
    {"csisolatin2", E_ISO8859_2}, {"iso-8859-2", E_ISO8859_2},
    {"iso-ir-101", E_ISO8859_2}, {"iso8859-2", E_ISO8859_2},
    {"iso88592", E_ISO8859_2}, {"iso_8859-2", E_ISO8859_2},
    {"iso_8859-2:1987", E_ISO8859_2}, {"l2", E_ISO8859_2},
    {"latin2", E_ISO8859_2},
    {"csisolatin3", E_ISO8859_3}, {"iso-8859-3", E_ISO8859_3},
    {"iso-ir-109", E_ISO8859_3}, {"iso8859-3", E_ISO8859_3},
    {"iso88593", E_ISO8859_3}, {"iso_8859-3", E_ISO8859_3},
    {"iso_8859-3:1988", E_ISO8859_3}, {"l3", E_ISO8859_3},
    {"latin3", E_ISO8859_3},
    {"csisolatin4", E_ISO8859_4}, {"iso-8859-4", E_ISO8859_4},
    {"iso-ir-110", E_ISO8859_4}, {"iso8859-4", E_ISO8859_4},
    {"iso88594", E_ISO8859_4}, {"iso_8859-4", E_ISO8859_4},
    {"iso_8859-4:1988", E_ISO8859_4}, {"l4", E_ISO8859_4},
    {"latin4", E_ISO8859_4},
    {"csisolatincyrillic", E_ISO8859_5}, {"cyrillic", E_ISO8859_5},
    {"iso-8859-5", E_ISO8859_5}, {"iso-ir-144", E_ISO8859_5},
    {"iso8859-5", E_ISO8859_5}, {"iso88595", E_ISO8859_5},
    {"iso_8859-5", E_ISO8859_5}, {"iso_8859-5:1988", E_ISO8859_5},
    {"arabic", E_ISO8859_6}, {"asmo-708", E_ISO8859_6},
    {"csiso88596e", E_ISO8859_6}, {"csiso88596i", E_ISO8859_6},
    {"csisolatinarabic", E_ISO8859_6}, {"ecma-114", E_ISO8859_6},
    {"iso-8859-6", E_ISO8859_6}, {"iso-8859-6-e", E_ISO8859_6},
    {"iso-8859-6-i", E_ISO8859_6}, {"iso-ir-127", E_ISO8859_6},
    {"iso8859-6", E_ISO8859_6}, {"iso88596", E_ISO8859_6},
    {"iso_8859-6", E_ISO8859_6}, {"iso_8859-6:1987", E_ISO8859_6},
    {"csisolatingreek", E_ISO8859_7}, {"ecma-118", E_ISO8859_7},
    {"elot_928", E_ISO8859_7}, {"greek", E_ISO8859_7},
    {"greek8", E_ISO8859_7}, {"iso-8859-7", E_ISO8859_7},
    {"iso-ir-126", E_ISO8859_7}, {"iso8859-7", E_ISO8859_7},
    {"iso88597", E_ISO8859_7}, {"iso_8859-7", E_ISO8859_7},
    {"iso_8859-7:1987", E_ISO8859_7}, {"sun_eu_greek", E_ISO8859_7},
    {"csiso88598e", E_ISO8859_8}, {"csisolatinhebrew", E_ISO8859_8},
    {"hebrew", E_ISO8859_8}, {"iso-8859-8", E_ISO8859_8},
    {"iso-8859-8-e", E_ISO8859_8}, {"iso-ir-138", E_ISO8859_8},
    {"iso8859-8", E_ISO8859_8}, {"iso88598", E_ISO8859_8},
    {"iso_8859-8", E_ISO8859_8}, {"iso_8859-8:1988", E_ISO8859_8},
    {"visual", E_ISO8859_8},
    {"csiso88598i", E_ISO8859_8I}, {"iso-8859-8-i", E_ISO8859_8I},
    {"logical", E_ISO8859_8I},
    {"csisolatin6", E_ISO8859_10}, {"iso-8859-10", E_ISO8859_10},
    {"iso-ir-157", E_ISO8859_10}, {"iso8859-10", E_ISO8859_10},
    {"iso885910", E_ISO8859_10}, {"l6", E_ISO8859_10},
    {"latin6", E_ISO8859_10},
    {"iso-8859-13", E_ISO8859_13}, {"iso8859-13", E_ISO8859_13},
    {"iso885913", E_ISO8859_13},
    {"iso-8859-14", E_ISO8859_14}, {"iso8859-14", E_ISO8859_14},
    {"iso885914", E_ISO8859_14},
    {"csisolatin9", E_ISO8859_15}, {"iso-8859-15", E_ISO8859_15},
    {"iso8859-15", E_ISO8859_15}, {"iso885915", E_ISO8859_15},
    {"iso_8859-15", E_ISO8859_15}, {"l9", E_ISO8859_15},
    {"iso-8859-16", E_ISO8859_16},
    {"cskoi8r", E_KOI8R}, {"koi", E_KOI8R}, {"koi8", E_KOI8R},
    {"koi8-r", E_KOI8R}, {"koi8_r", E_KOI8R},
    {"koi8-ru", E_KOI8U}, {"koi8-u", E_KOI8U},
    {"csmacintosh", E_MACINTOSH}, {"mac", E_MACINTOSH},
    {"macintosh", E_MACINTOSH}, {"x-mac-roman", E_MACINTOSH},
    {"x-mac-cyrillic", E_MACCYRILLIC}, {"x-mac-ukrainian", E_MACCYRILLIC},
    {"dos-874", E_WIN874}, {"iso-8859-11", E_WIN874},
    {"iso8859-11", E_WIN874}, {"iso885911", E_WIN874},
    {"tis-620", E_WIN874}, {"windows-874", E_WIN874},
    {"cp1250", E_WIN1250}, {"windows-1250", E_WIN1250},
    {"x-cp1250", E_WIN1250},
    {"cp1251", E_WIN1251}, {"windows-1251", E_WIN1251},
    {"x-cp1251", E_WIN1251},
    {"ansi_x3.4-1968", E_WIN1252}, {"ascii", E_WIN1252},
    {"cp1252", E_WIN1252}, {"cp819", E_WIN1252},
    {"csisolatin1", E_WIN1252}, {"ibm819", E_WIN1252},
    {"iso-8859-1", E_WIN1252}, {"iso-ir-100", E_WIN1252},
    {"iso8859-1", E_WIN1252}, {"iso88591", E_WIN1252},
    {"iso_8859-1", E_WIN1252}, {"iso_8859-1:1987", E_WIN1252},
    {"l1", E_WIN1252}, {"latin1", E_WIN1252}, {"us-ascii", E_WIN1252},
    {"windows-1252", E_WIN1252}, {"x-cp1252", E_WIN1252},
    {"cp1253", E_WIN1253}, {"windows-1253", E_WIN1253},
    {"x-cp1253", E_WIN1253},
    {"cp1254", E_WIN1254}, {"csisolatin5", E_WIN1254},
    {"iso-8859-9", E_WIN1254}, {"iso-ir-148", E_WIN1254},
    {"iso8859-9", E_WIN1254}, {"iso88599", E_WIN1254},
    {"iso_8859-9", E_WIN1254}, {"iso_8859-9:1989", E_WIN1254},
    {"l5", E_WIN1254}, {"latin5", E_WIN1254},
    {"windows-1254", E_WIN1254}, {"x-cp1254", E_WIN1254},
    {"cp1255", E_WIN1255}, {"windows-1255", E_WIN1255},
    {"x-cp1255", E_WIN1255},
    {"cp1256", E_WIN1256}, {"windows-1256", E_WIN1256},
    {"x-cp1256", E_WIN1256},
    {"cp1257", E_WIN1257}, {"windows-1257", E_WIN1257},
    {"x-cp1257", E_WIN1257},
    {"cp1258", E_WIN1258}, {"windows-1258", E_WIN1258},
    {"x-cp1258", E_WIN1258},
    {"chinese", E_GBK}, {"csgb2312", E_GBK}, {"csiso58gb231280", E_GBK},
    {"gb2312", E_GBK}, {"gb_2312", E_GBK}, {"gb_2312-80", E_GBK},
    {"gbk", E_GBK}, {"iso-ir-58", E_GBK}, {"x-gbk", E_GBK},
    {"gb18030", E_GB18030},
    {"big5", E_BIG5}, {"big5-hkscs", E_BIG5}, {"cn-big5", E_BIG5},
    {"csbig5", E_BIG5}, {"x-x-big5", E_BIG5},
    {"cseucpkdfmtjapanese", E_EUCJP}, {"euc-jp", E_EUCJP},
    {"x-euc-jp", E_EUCJP},
    {"csiso2022jp", E_ISO2022JP}, {"iso-2022-jp", E_ISO2022JP},
    {"csshiftjis", E_SHIFTJIS}, {"ms932", E_SHIFTJIS},
    {"ms_kanji", E_SHIFTJIS}, {"shift-jis", E_SHIFTJIS},
    {"shift_jis", E_SHIFTJIS}, {"sjis", E_SHIFTJIS},
    {"windows-31j", E_SHIFTJIS}, {"x-sjis", E_SHIFTJIS},
    {"cseuckr", E_EUCKR}, {"csksc56011987", E_EUCKR}, {"euc-kr", E_EUCKR},
    {"iso-ir-149", E_EUCKR}, {"korean", E_EUCKR},
    {"ks_c_5601-1987", E_EUCKR}, {"ks_c_5601-1989", E_EUCKR},
    {"ksc5601", E_EUCKR}, {"ksc_5601", E_EUCKR}, {"windows-949", E_EUCKR},
    {"csunicode", E_UTF16LE}, {"iso-10646-ucs-2", E_UTF16LE},
    {"ucs-2", E_UTF16LE}, {"unicode", E_UTF16LE},
    {"unicodefeff", E_UTF16LE}, {"utf-16", E_UTF16LE},
    {"utf-16le", E_UTF16LE},
    {"unicodefffe", E_UTF16BE}, {"utf-16be", E_UTF16BE},
};

static int is_space(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

static unsigned char ascii_lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/*
 * WHATWG "get an encoding": trim, ASCII-lowercase, look up. Returns NULL
 * for unknown labels. Case folding is ASCII-only on purpose, so the
 * locale cannot change which labels match.
 */
static const encoding *lookup_label(const char *s, size_t n) {
  char key[32];
  while (n && is_space((unsigned char)*s)) s++, n--;
  while (n && is_space((unsigned char)s[n - 1])) n--;
  if (n == 0 || n >= sizeof key) return NULL;
  for (size_t i = 0; i < n; i++) key[i] = (char)ascii_lower((unsigned char)s[i]);
  key[n] = '\0';
  for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
    if (strcmp(LABELS[i].label, key) == 0) return &ENCODINGS[LABELS[i].id];
  return NULL;
}

/* ------------------------------------------------------------------ */
/* UTF-8 validation                                                    */

/*
 * Checks one sequence starting at a non-ASCII lead byte. On success *n is
 * its length; on failure *n is the length of the maximal valid prefix
 * (at least 1), which is what one U+FFFD replaces, as in WHATWG's decoder.
 * The second-byte bounds are what exclude overlongs, surrogates and
 * code points above U+10FFFF.
 */
static int utf8_sequence(const unsigned char *s, size_t avail, size_t *n) {
  unsigned char c = s[0], lo = 0x80, hi = 0xBF;
  size_t need;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *n = 1;
    return 0;
  }
  for (size_t i = 1; i <= need; i++) {
    if (i >= avail || s[i] < lo || s[i] > hi) {
      *n = i;
      return 0;
    }
    lo = 0x80, hi = 0xBF;
  }
  *n = need + 1;
  return 1;
}

/* Most HTML is ASCII, so skip it eight bytes at a time. */
static const unsigned char *skip_ascii(const unsigned char *s, const unsigned char *end) {
  while ((size_t)(end - s) >= 8) {
    uint64_t w;
    memcpy(&w, s, 8);
    if (w & 0x8080808080808080ULL) break;
    s += 8;
  }
  while (s < end && *s < 0x80) s++;
  return s;
}

/* Length of the longest valid UTF-8 prefix of [s, end). */
static size_t utf8_valid_prefix(const unsigned char *s, const unsigned char *end) {
  const unsigned char *start = s;
  for (;;) {
    s = skip_ascii(s, end);
    if (s == end) break;
    size_t n;
    if (!utf8_sequence(s, (size_t)(end - s), &n)) break;
    s += n;
  }
  return (size_t)(s - start);
}

static const encoding *bom_encoding(const unsigned char *b, size_t len, size_t *bom_len);

/* Bytes looked at to tell a binary file from HTML. */
static const size_t BINARY_SNIFF_BYTES = 4096;
/* UTF-16 has NULs in more than one byte in this many (its markup's ASCII),
 * nearly all on one side of each byte pair. */
static const size_t UTF16_NUL_SHARE = 8;

/*
 * Binary data (an image, an archive) is not a page: control bytes that text
 * never has, or NULs. UTF-16 text has NULs too, but nearly all on one side
 * of each byte pair.
 */
int wn_looks_binary(const char *data, size_t len) {
  size_t n = len < BINARY_SNIFF_BYTES ? len : BINARY_SNIFF_BYTES, control = 0, nul[2] = {0, 0};
  size_t bom_len;
  if (bom_encoding((const unsigned char *)data, len, &bom_len)) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)data[i];
    if (c == 0) nul[i & 1]++;
    else if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) control++;
  }
  if (n == 0) return 0;
  /* UTF-16 before control bytes: the high byte of a Cyrillic, Greek or
   * Arabic letter (0x04, 0x03, 0x06) is one. */
  size_t nuls = nul[0] + nul[1];
  int utf16 = nuls * UTF16_NUL_SHARE > n && (nul[0] * 20 < nuls || nul[1] * 20 < nuls);
  if (utf16) return 0;
  if (control * 20 > n) return 1;
  return nuls * 100 > n;
}

int wn_utf8_valid(const char *bytes, size_t len) {
  if (len == 0) return 1;
  const unsigned char *s = (const unsigned char *)bytes;
  return utf8_valid_prefix(s, s + len) == len;
}

/* ------------------------------------------------------------------ */
/* Meta prescan (WHATWG "prescan a byte stream")                       */

typedef struct scanner {
  const unsigned char *p, *end;
} scanner;

/* Within the 1,024-byte window no token can be longer than the window. */
typedef struct attr {
  char name[PRESCAN_LIMIT + 1];
  size_t name_len;
  char value[PRESCAN_LIMIT + 1];
  size_t value_len;
} attr;

enum { ATTR_END = -1, ATTR_NONE = 0, ATTR_FOUND = 1 };

static int at_end(const scanner *sc) { return sc->p >= sc->end; }

static void skip_spaces(scanner *sc) {
  while (!at_end(sc) && is_space(*sc->p)) sc->p++;
}

static void attr_push(char *dst, size_t *len, unsigned char c) {
  dst[(*len)++] = (char)ascii_lower(c);
  dst[*len] = '\0';
}

/* The value part of "get an attribute", after the '='. */
static int attr_value(scanner *sc, attr *a) {
  skip_spaces(sc);
  if (at_end(sc)) return ATTR_END;
  unsigned char quote = *sc->p;
  if (quote == '"' || quote == '\'') {
    for (sc->p++; !at_end(sc); sc->p++) {
      if (*sc->p == quote) {
        sc->p++;
        return ATTR_FOUND;
      }
      attr_push(a->value, &a->value_len, *sc->p);
    }
    return ATTR_END;
  }
  if (quote == '>') return ATTR_FOUND;
  for (; !at_end(sc); sc->p++) {
    if (is_space(*sc->p) || *sc->p == '>') return ATTR_FOUND;
    attr_push(a->value, &a->value_len, *sc->p);
  }
  return ATTR_END;
}

/* WHATWG "get an attribute"; names and values come back lowercased. */
static int get_attribute(scanner *sc, attr *a) {
  a->name_len = a->value_len = 0;
  a->name[0] = a->value[0] = '\0';
  while (!at_end(sc) && (is_space(*sc->p) || *sc->p == '/')) sc->p++;
  if (at_end(sc)) return ATTR_END;
  if (*sc->p == '>') return ATTR_NONE;
  for (; !at_end(sc); sc->p++) {
    unsigned char c = *sc->p;
    if (c == '=' && a->name_len > 0) {
      sc->p++;
      return attr_value(sc, a);
    }
    if (is_space(c)) break;
    if (c == '/' || c == '>') return ATTR_FOUND;
    attr_push(a->name, &a->name_len, c);
  }
  skip_spaces(sc);
  if (at_end(sc)) return ATTR_END;
  if (*sc->p != '=') return ATTR_FOUND;
  sc->p++;
  return attr_value(sc, a);
}

/* WHATWG "extract a character encoding from a meta element" (content=). */
static const encoding *charset_from_content(const char *s, size_t n) {
  const char *end = s + n;
  for (;;) {
    const char *hit = NULL;
    for (const char *q = s; end - q >= 7; q++)
      if (memcmp(q, "charset", 7) == 0) {
        hit = q;
        break;
      }
    if (!hit) return NULL;
    s = hit + 7;
    while (s < end && is_space((unsigned char)*s)) s++;
    if (s < end && *s == '=') break;
  }
  s++;
  while (s < end && is_space((unsigned char)*s)) s++;
  if (s < end && (*s == '"' || *s == '\'')) {
    const char *close = memchr(s + 1, *s, (size_t)(end - s - 1));
    return close ? lookup_label(s + 1, (size_t)(close - s - 1)) : NULL;
  }
  const char *stop = s;
  while (stop < end && !is_space((unsigned char)*stop) && *stop != ';') stop++;
  return lookup_label(s, (size_t)(stop - s));
}

typedef struct meta_state {
  int seen_http_equiv, seen_content, seen_charset;
  int got_pragma, need_pragma; /* need_pragma: -1 unset, 0 no, 1 yes */
  int charset_set;              /* set even when the label was unknown */
  const encoding *charset;
} meta_state;

/* One attribute of a <meta>; repeated names count only the first time. */
static void meta_attribute(meta_state *m, const attr *a) {
  if (strcmp(a->name, "http-equiv") == 0 && !m->seen_http_equiv) {
    m->seen_http_equiv = 1;
    if (strcmp(a->value, "content-type") == 0) m->got_pragma = 1;
  } else if (strcmp(a->name, "content") == 0 && !m->seen_content) {
    m->seen_content = 1;
    if (!m->charset_set) {
      m->charset = charset_from_content(a->value, a->value_len);
      if (m->charset) m->charset_set = 1, m->need_pragma = 1;
    }
  } else if (strcmp(a->name, "charset") == 0 && !m->seen_charset) {
    m->seen_charset = 1;
    m->charset_set = 1;
    m->charset = lookup_label(a->value, a->value_len);
    m->need_pragma = 0;
  }
}

/*
 * Parses a <meta> whose "<meta" and separator are already consumed.
 * Returns ATTR_END if the window ran out, else ATTR_FOUND with *result
 * set (NULL when this meta gives no usable charset).
 */
static int prescan_meta(scanner *sc, const encoding **result) {
  meta_state m = {0, 0, 0, 0, -1, 0, NULL};
  attr a;
  int r;
  while ((r = get_attribute(sc, &a)) == ATTR_FOUND) meta_attribute(&m, &a);
  if (r == ATTR_END) return ATTR_END;
  *result = NULL;
  if (m.need_pragma == -1 || (m.need_pragma == 1 && !m.got_pragma)) return ATTR_FOUND;
  if (!m.charset) return ATTR_FOUND;
  /* A page we could read as ASCII to find this meta cannot be UTF-16. */
  if (m.charset == &ENCODINGS[E_UTF16LE] || m.charset == &ENCODINGS[E_UTF16BE])
    m.charset = &ENCODINGS[E_UTF8];
  *result = m.charset;
  return ATTR_FOUND;
}

static int starts_with_ci(const scanner *sc, const char *lit) {
  size_t n = strlen(lit);
  if ((size_t)(sc->end - sc->p) < n) return 0;
  for (size_t i = 0; i < n; i++)
    if (ascii_lower(sc->p[i]) != (unsigned char)lit[i]) return 0;
  return 1;
}

static int is_alpha(unsigned char c) {
  c = ascii_lower(c);
  return c >= 'a' && c <= 'z';
}

/* Skips an ordinary tag's attributes so their values cannot fake a meta. */
static int skip_tag(scanner *sc) {
  while (!at_end(sc) && !is_space(*sc->p) && *sc->p != '>') sc->p++;
  attr a;
  int r;
  while ((r = get_attribute(sc, &a)) == ATTR_FOUND) continue;
  return r;
}

/* Moves past the first `needle` found `from` bytes on; 0 if there is none. */
static int skip_past(scanner *sc, const char *needle, size_t from) {
  size_t n = strlen(needle);
  for (const unsigned char *q = sc->p + from; (size_t)(sc->end - q) >= n; q++)
    if (memcmp(q, needle, n) == 0) {
      sc->p = q + n;
      return 1;
    }
  return 0;
}

/* One step of the prescan at '<'. Returns ATTR_END to abort the prescan. */
static int prescan_markup(scanner *sc, const encoding **found) {
  if (starts_with_ci(sc, "<!--"))
    /* The dashes of "<!--" may close it too, so "<!-->" is a comment. */
    return skip_past(sc, "-->", 2) ? ATTR_NONE : ATTR_END;
  if (starts_with_ci(sc, "<meta") && sc->end - sc->p > 5 &&
      (is_space(sc->p[5]) || sc->p[5] == '/')) {
    sc->p += 6;
    return prescan_meta(sc, found) == ATTR_END ? ATTR_END : ATTR_NONE;
  }
  size_t rest = (size_t)(sc->end - sc->p);
  if ((rest > 1 && is_alpha(sc->p[1])) ||
      (rest > 2 && sc->p[1] == '/' && is_alpha(sc->p[2]))) {
    sc->p += sc->p[1] == '/' ? 2 : 1;
    return skip_tag(sc) == ATTR_END ? ATTR_END : ATTR_NONE;
  }
  if (rest > 1 && (sc->p[1] == '!' || sc->p[1] == '/' || sc->p[1] == '?'))
    return skip_past(sc, ">", 1) ? ATTR_NONE : ATTR_END;
  sc->p++;
  return ATTR_NONE;
}

/* The prescan over the first `limit` bytes; with `head_only`, it also stops
 * at the first <body> or <p>, where a late declaration no longer counts. */
static const encoding *prescan_upto(const unsigned char *bytes, size_t len, size_t limit,
                                    bool head_only) {
  scanner sc = {bytes, bytes + (len < limit ? len : limit)};
  while (!at_end(&sc)) {
    const unsigned char *lt = memchr(sc.p, '<', (size_t)(sc.end - sc.p));
    if (!lt) return NULL;
    sc.p = lt;
    if (head_only && (starts_with_ci(&sc, "<body") || starts_with_ci(&sc, "<p>") ||
                      starts_with_ci(&sc, "<p ")))
      return NULL;
    const encoding *found = NULL;
    if (prescan_markup(&sc, &found) == ATTR_END) return NULL;
    if (found) return found;
  }
  return NULL;
}

static const encoding *prescan(const unsigned char *bytes, size_t len) {
  return prescan_upto(bytes, len, PRESCAN_LIMIT, false);
}

static const encoding *late_meta(const unsigned char *bytes, size_t len) {
  return len > PRESCAN_LIMIT ? prescan_upto(bytes, len, LATE_META_LIMIT, true) : NULL;
}

/* ------------------------------------------------------------------ */
/* Sniffing                                                            */

static const encoding *bom_encoding(const unsigned char *b, size_t len, size_t *bom_len) {
  if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    *bom_len = 3;
    return &ENCODINGS[E_UTF8];
  }
  if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
    *bom_len = 2;
    return &ENCODINGS[E_UTF16BE];
  }
  if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
    *bom_len = 2;
    return &ENCODINGS[E_UTF16LE];
  }
  *bom_len = 0;
  return NULL;
}

/*
 * The sniffing order. *valid_utf8 is set to 1 when the UTF-8 check ran and
 * passed, so decoding need not validate the same bytes twice.
 */
/*
 * UTF-16 without a byte-order mark. Browsers do not guess it, but such
 * files exist (saved by old Windows tools) and read as one U+FFFD per
 * character otherwise. Markup is mostly ASCII, so in UTF-16 nearly every
 * other byte is NUL, on one side of the pairs only; no 8-bit encoding of
 * a web page looks like that.
 */
static const size_t UTF16_SNIFF_BYTES = 1024;

static const encoding *utf16_by_nuls(const unsigned char *b, size_t len) {
  size_t n = (len < UTF16_SNIFF_BYTES ? len : UTF16_SNIFF_BYTES) & ~(size_t)1;
  if (n < 16) return NULL;
  size_t nul[2] = {0, 0};
  for (size_t i = 0; i < n; i++)
    if (b[i] == 0) nul[i & 1]++;
  size_t pairs = n / 2;
  /* At least a quarter of pairs with a NUL on one side (the markup; a page
   * in Cyrillic or Greek has letters without one), at most 2% on the other. */
  if (nul[1] * 4 >= pairs && nul[0] * 50 <= pairs) return &ENCODINGS[E_UTF16LE];
  if (nul[0] * 4 >= pairs && nul[1] * 50 <= pairs) return &ENCODINGS[E_UTF16BE];
  return NULL;
}

/* Valid multi-byte UTF-8 sequences and invalid ones, over the whole input. */
static void utf8_evidence(const unsigned char *s, size_t len, size_t *multibyte, size_t *invalid) {
  const unsigned char *end = s + len;
  *multibyte = *invalid = 0;
  for (;;) {
    s = skip_ascii(s, end);
    if (s == end) return;
    size_t n;
    if (utf8_sequence(s, (size_t)(end - s), &n)) (*multibyte)++;
    else (*invalid)++;
    s += n;
  }
}

/*
 * A label that lies. Text in an 8-bit encoding or in Shift_JIS, EUC or GBK
 * practically never forms valid multi-byte UTF-8, so bytes that are valid
 * UTF-8 with some non-ASCII in them are UTF-8 whatever the meta tag says;
 * and a page labelled UTF-8 whose non-ASCII bytes are mostly invalid as
 * UTF-8 was written in windows-1252 (the usual mislabelling).
 */
static const encoding *check_label(const encoding *declared, size_t multibyte, size_t invalid,
                                   int *valid_utf8) {
  bool declared_utf8 = declared == &ENCODINGS[E_UTF8];
  bool wide = declared == &ENCODINGS[E_UTF16LE] || declared == &ENCODINGS[E_UTF16BE];
  if (!declared_utf8 && !wide && invalid == 0 && multibyte > 0) {
    *valid_utf8 = 1;
    return &ENCODINGS[E_UTF8];
  }
  if (declared_utf8 && invalid > multibyte) return &ENCODINGS[E_WIN1252];
  if (declared_utf8 && invalid == 0) *valid_utf8 = 1;
  return declared;
}

/*
 * Detector names that are not the WHATWG label of what a browser would
 * decode. uchardet reports KOI8-U text as KOI8-R; KOI8-U decodes both the
 * same but for Ukrainian letters, which KOI8-R turns into box drawing (so
 * Firefox's detector always answers KOI8-U). "UHC" is EUC-KR as browsers
 * decode it (Windows' superset).
 */
static const struct {
  const char *detected;
  enum enc_id id;
} DETECTED_ALIASES[] = {{"UHC", E_EUCKR}, {"KOI8-R", E_KOI8U}, {"MAC-CYRILLIC", E_MACCYRILLIC}};

/* Greek detected as ISO-8859-7 may be windows-1253, which moves capital
 * alpha with tonos from 0xB6 (a pilcrow in windows-1253) to 0xA2. */
static const encoding *greek_variant(const unsigned char *b, size_t n) {
  size_t a2 = 0, b6 = 0;
  for (size_t i = 0; i < n; i++) a2 += b[i] == 0xA2, b6 += b[i] == 0xB6;
  return &ENCODINGS[a2 > b6 ? E_WIN1253 : E_ISO8859_7];
}

/* Bytes 0x80-0x9F are controls in ISO-8859 and punctuation (quotes,
 * dashes, bullets) in the Windows code page of the same script: text that
 * has them was written in the code page, as browsers assume for Latin-1. */
static bool has_c1_bytes(const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (b[i] >= 0x80 && b[i] <= 0x9F) return true;
  return false;
}

static const struct {
  enum enc_id iso, windows;
} WINDOWS_VARIANTS[] = {{E_ISO8859_2, E_WIN1250}, {E_ISO8859_5, E_WIN1251},
                        {E_ISO8859_7, E_WIN1253}, {E_ISO8859_6, E_WIN1256},
                        {E_ISO8859_8, E_WIN1255}, {E_ISO8859_13, E_WIN1257}};

static const encoding *windows_variant(const encoding *enc, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < sizeof WINDOWS_VARIANTS / sizeof WINDOWS_VARIANTS[0]; i++)
    if (enc == &ENCODINGS[WINDOWS_VARIANTS[i].iso])
      return has_c1_bytes(b, n) ? &ENCODINGS[WINDOWS_VARIANTS[i].windows] : enc;
  return enc;
}

static const encoding *from_detector_name(const char *name, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < sizeof DETECTED_ALIASES / sizeof DETECTED_ALIASES[0]; i++)
    if (strcmp(name, DETECTED_ALIASES[i].detected) == 0) return &ENCODINGS[DETECTED_ALIASES[i].id];
  const encoding *enc = windows_variant(lookup_label(name, strlen(name)), b, n);
  if (enc == &ENCODINGS[E_ISO8859_7]) return greek_variant(b, n);
  /* The detector cannot tell these from ASCII-heavy markup reliably, and
   * they were excluded before it ran. */
  if (enc == &ENCODINGS[E_UTF8] || enc == &ENCODINGS[E_UTF16LE] || enc == &ENCODINGS[E_UTF16BE])
    return NULL;
  return enc;
}

/*
 * Unlabelled bytes that are not UTF-8: Debian's uchardet (Mozilla's
 * universal detector) names the encoding from letter and byte-pair
 * statistics. NULL when there is too little non-ASCII text to judge or the
 * answer is no encoding a browser knows.
 */
static const encoding *detect_encoding(const unsigned char *b, size_t len) {
  size_t n = len < DETECT_LIMIT ? len : DETECT_LIMIT, non_ascii = 0;
  for (size_t i = 0; i < n; i++) non_ascii += b[i] >= 0x80;
  if (non_ascii < DETECT_MIN_NON_ASCII) return NULL;
  uchardet_t detector = uchardet_new();
  if (!detector) return NULL;
  const encoding *enc = NULL;
  if (uchardet_handle_data(detector, (const char *)b, n) == 0) {
    uchardet_data_end(detector);
    const char *name = uchardet_get_charset(detector);
    if (name && *name) enc = from_detector_name(name, b, n);
  }
  uchardet_delete(detector);
  return enc;
}

/*
 * The sniffing order: BOM, UTF-16 by its NULs, the transport's label (an
 * HTTP charset, `hint`), <meta> in the first 1,024 bytes, a late <meta> in
 * the <head>, UTF-8 if valid, the statistical detector, windows-1252.
 */
static const encoding *sniff(const unsigned char *b, size_t len, const encoding *hint,
                             size_t *bom_len, int *valid_utf8) {
  *valid_utf8 = 0;
  const encoding *enc = bom_encoding(b, len, bom_len);
  if (enc) return enc;
  if ((enc = utf16_by_nuls(b, len)) != NULL) return enc;
  size_t multibyte, invalid;
  utf8_evidence(b, len, &multibyte, &invalid);
  if (hint) return check_label(hint, multibyte, invalid, valid_utf8);
  /* A late <meta> can only matter for bytes that are not UTF-8: valid
   * UTF-8 wins over any other label anyway (check_label), and ASCII reads
   * the same in all of them. */
  if ((enc = prescan(b, len)) != NULL || (invalid && (enc = late_meta(b, len)) != NULL))
    return check_label(enc, multibyte, invalid, valid_utf8);
  if (invalid == 0) {
    *valid_utf8 = 1;
    return &ENCODINGS[E_UTF8];
  }
  if ((enc = detect_encoding(b, len)) != NULL) return enc;
  return &ENCODINGS[E_WIN1252];
}

void wn_sniff_encoding(const char *bytes, size_t len, char *name, size_t cap) {
  size_t bom_len;
  int valid;
  const encoding *enc = len ? sniff((const unsigned char *)bytes, len, NULL, &bom_len, &valid)
                            : &ENCODINGS[E_UTF8];
  if (name && cap) snprintf(name, cap, "%s", enc->name);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

/* Appends decoded UTF-8, turning U+0000 into U+FFFD so C strings work. */
static void emit(wn_buf *out, const char *s, size_t n) {
  while (n) {
    const char *nul = memchr(s, '\0', n);
    size_t run = nul ? (size_t)(nul - s) : n;
    wn_buf_append(out, s, run);
    if (!nul) return;
    wn_buf_append(out, REPLACEMENT, 3);
    s += run + 1;
    n -= run + 1;
  }
}

static void decode_utf8(const unsigned char *s, size_t len, int known_valid, wn_buf *out) {
  const unsigned char *end = s + len;
  if (known_valid) {
    emit(out, (const char *)s, len);
    return;
  }
  while (s < end) {
    size_t run = utf8_valid_prefix(s, end);
    emit(out, (const char *)s, run);
    s += run;
    if (s == end) break;
    size_t skip;
    utf8_sequence(s, (size_t)(end - s), &skip);
    wn_buf_append(out, REPLACEMENT, 3);
    s += skip;
  }
}

/* windows-1252 bytes 0x80..0x9F; the rest of the range is Latin-1. */
static const uint16_t CP1252_C1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static char *put_codepoint(char *p, unsigned cp) {
  if (cp < 0x80) {
    *p++ = (char)cp;
  } else if (cp < 0x800) {
    *p++ = (char)(0xC0 | (cp >> 6));
    *p++ = (char)(0x80 | (cp & 0x3F));
  } else {
    *p++ = (char)(0xE0 | (cp >> 12));
    *p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    *p++ = (char)(0x80 | (cp & 0x3F));
  }
  return p;
}

/*
 * Decoded natively rather than with glibc's CP1252, which rejects the five
 * bytes WHATWG maps to C1 controls. Works in slices so the worst-case 3x
 * reservation stays small on huge inputs.
 */
static void decode_windows_1252(const unsigned char *s, size_t len, wn_buf *out) {
  while (len) {
    size_t n = len < CHUNK_SIZE ? len : CHUNK_SIZE;
    wn_buf_reserve(out, 3 * n);
    char *p = out->data + out->len;
    for (size_t i = 0; i < n; i++) {
      unsigned c = s[i];
      if (c == 0) c = 0xFFFD;
      else if (c >= 0x80 && c < 0xA0) c = CP1252_C1[c - 0x80];
      p = put_codepoint(p, c);
    }
    out->len = (size_t)(p - out->data);
    out->data[out->len] = '\0';
    s += n;
    len -= n;
  }
}

/* How many bytes to drop after an invalid sequence without losing sync. */
static size_t code_unit_size(const char *iconv_name) {
  char key[8];
  size_t i = 0;
  for (; iconv_name[i] && i < sizeof key - 1; i++)
    key[i] = (char)ascii_lower((unsigned char)iconv_name[i]);
  key[i] = '\0';
  if (strncmp(key, "utf-16", 6) == 0 || strncmp(key, "utf16", 5) == 0 ||
      strncmp(key, "ucs-2", 5) == 0 || strncmp(key, "ucs2", 4) == 0)
    return 2;
  if (strncmp(key, "utf-32", 6) == 0 || strncmp(key, "utf32", 5) == 0 ||
      strncmp(key, "ucs-4", 5) == 0 || strncmp(key, "ucs4", 4) == 0)
    return 4;
  return 1;
}

/*
 * Input goes to iconv a window at a time, output a chunk at a time, so the
 * work stays linear however large the input (a call given all the rest of
 * a large input is linear in it under sanitizers, which check the whole
 * range on every call). Every error path consumes input, so the loop
 * always terminates.
 */
enum { ICONV_WINDOW = 64 * 1024 };

static void decode_iconv(iconv_t cd, size_t unit, const char *s, size_t len, wn_buf *out) {
  char *scratch = wn_xmalloc(CHUNK_SIZE);
  char *in = (char *)s;
  size_t left = len;
  while (left) {
    char *o = scratch;
    size_t room = CHUNK_SIZE;
    size_t window = left < ICONV_WINDOW ? left : ICONV_WINDOW;
    size_t window_left = window;
    size_t r = iconv(cd, &in, &window_left, &o, &room);
    int err = errno;
    left -= window - window_left;
    emit(out, scratch, (size_t)(o - scratch));
    if (r != (size_t)-1) continue; /* the window is done */
    if (err == E2BIG && o != scratch) continue;
    /* A sequence cut by the window's end, not by the input's: read on
     * (the next window starts with it). */
    if (err == EINVAL && left > window_left && window_left < window) continue;
    wn_buf_append(out, REPLACEMENT, 3);
    if (err == EINVAL) break; /* truncated final sequence: one U+FFFD */
    size_t skip = unit < left ? unit : left;
    in += skip;
    left -= skip;
  }
  char *o = scratch;
  size_t room = CHUNK_SIZE;
  iconv(cd, NULL, NULL, &o, &room); /* flush a stateful decoder's tail */
  emit(out, scratch, (size_t)(o - scratch));
  free(scratch);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */

/* What to decode with: a table entry, or a raw iconv name for --encoding. */
typedef struct choice {
  const encoding *enc;
  const char *iconv_name;
  char name[32];
} choice;

static iconv_t open_decoder(const choice *c) {
  return c->iconv_name ? iconv_open("UTF-8", c->iconv_name) : (iconv_t)-1;
}

/* The BOM is not text; drop it when the chosen encoding is the BOM's. */
static size_t matching_bom(const unsigned char *b, size_t len, const encoding *enc) {
  size_t bom_len;
  return enc && bom_encoding(b, len, &bom_len) == enc ? bom_len : 0;
}

/* Only WHATWG labels are accepted: iconv also knows UTF-7, EBCDIC and its
 * own internal forms, which no browser decodes a page with. */
static int resolve_forced(const char *forced, choice *c) {
  c->enc = lookup_label(forced, strlen(forced));
  if (!c->enc) return -1;
  c->iconv_name = c->enc->iconv;
  snprintf(c->name, sizeof c->name, "%s", c->enc->name);
  if (!c->iconv_name) return 0;
  iconv_t cd = open_decoder(c);
  if (cd == (iconv_t)-1) return -1;
  iconv_close(cd);
  return 0;
}

static void decode_with(const choice *c, const unsigned char *b, size_t len,
                        int known_valid, wn_buf *out) {
  if (c->enc == &ENCODINGS[E_UTF8]) {
    decode_utf8(b, len, known_valid, out);
    return;
  }
  iconv_t cd = open_decoder(c);
  if (cd == (iconv_t)-1) {
    /* Only reachable if gconv modules are missing at run time. */
    decode_windows_1252(b, len, out);
    return;
  }
  decode_iconv(cd, code_unit_size(c->iconv_name), (const char *)b, len, out);
  iconv_close(cd);
}

/*
 * Combining marks past MAX_COMBINING_RUN on one letter are dropped, in place;
 * returns the new length. Every later normalisation (NFC for output, NFKC
 * for the lexicons) sorts a run of marks by class, which is quadratic in
 * the run: 100,000 marks after one letter took a minute. `s` is valid UTF-8.
 */
/* The end of the run of ASCII bytes from `r`, eight bytes at a time. */
static size_t ascii_run_end(const char *s, size_t r, size_t len) {
  while (r + 8 <= len) {
    uint64_t word;
    memcpy(&word, s + r, 8);
    if (word & UINT64_C(0x8080808080808080)) break;
    r += 8;
  }
  while (r < len && (unsigned char)s[r] < 0x80) r++;
  return r;
}

static size_t limit_combining_runs(char *s, size_t len) {
  size_t r = 0, w = 0, run = 0;
  while (r < len) {
    if ((unsigned char)s[r] < 0x80) {
      /* A run of ASCII: moved (if anything was dropped before it) in one go. */
      size_t start = r;
      r = ascii_run_end(s, r, len);
      if (w != start) memmove(s + w, s + start, r - start);
      w += r - start;
      run = 0;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + r, (utf8proc_ssize_t)(len - r), &cp);
    if (n <= 0) n = 1, cp = 0;
    /* Blocks that hold no combining marks and no ignorable characters need
     * no table lookup: Latin-1, Greek and Cyrillic letters, typographic
     * punctuation, currency signs, CJK ideographs, kana and Hangul. */
    if (cp < 0x300 || (cp >= 0x370 && cp <= 0x482) || (cp >= 0x48A && cp <= 0x52F) ||
        (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205F) ||
        (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x30A0 && cp <= 0x30FF) ||
        (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3)) {
      run = 0;
      if (w != r) memmove(s + w, s + r, (size_t)n);
      w += (size_t)n;
      r += (size_t)n;
      continue;
    }
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    /* Default-ignorable characters (U+034F, the grapheme joiner Unicode
     * itself inserts to break such runs) vanish when the lexicons fold the
     * text, joining the runs around them: they neither count nor break. */
    if (prop->combining_class != 0) run++;
    else if (!prop->ignorable) run = 0;
    if (run <= MAX_COMBINING_RUN) {
      if (w != r) memmove(s + w, s + r, (size_t)n);
      w += (size_t)n;
    }
    r += (size_t)n;
  }
  if (w < len) s[w] = '\0';
  return w;
}

/* ------------------------------------------------------------------ */
/* Text encoded twice                                                  */

/*
 * A CMS that reads its UTF-8 as windows-1252 (or Latin-1) and writes it out
 * as UTF-8 again turns every "ł" into "Å‚" (or "Å" and a C1 control): two
 * or three characters of U+0080-U+00FF (or windows-1252's punctuation) whose
 * bytes, taken back, are one valid UTF-8 sequence. A capital letter before
 * a symbol ("É»") is such a pair too, but a C1 control or windows-1252's
 * punctuation inside one ("â€™", "Å‚") is not text: a page with a few pairs,
 * one of them such, is taken to be encoded twice, and each pair is decoded
 * once more.
 */
#define MOJIBAKE_MIN_SEQUENCES 3

/* The windows-1252 or Latin-1 byte that decodes to `cp`, or -1. */
static int single_byte_of(utf8proc_int32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return (int)cp;
  if (cp > 0x2122) return -1; /* past the last of windows-1252's (U+2122) */
  for (int i = 0; i < 32; i++)
    if (CP1252_C1[i] == (uint16_t)cp && cp >= 0x100) return 0x80 + i;
  return -1;
}

/* The character at `s` (of `avail` valid bytes) as a byte, with its length in *n. */
static int byte_at(const char *s, size_t avail, size_t *n) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)avail, &cp);
  *n = k > 0 ? (size_t)k : 1;
  return k > 0 ? single_byte_of(cp) : -1;
}

/* Whether the characters at `s` spell one UTF-8 sequence of two to four
 * bytes; then its bytes go to `seq`, their count to *bytes, and the
 * length of the characters to *used. */
static bool twice_encoded_at(const char *s, size_t avail, unsigned char seq[4], size_t *bytes,
                             size_t *used, bool *c1) {
  size_t n;
  int lead = byte_at(s, avail, &n);
  if (lead < 0xC2 || lead > 0xF4) return false;
  size_t need = lead <= 0xDF ? 2 : lead <= 0xEF ? 3 : 4, pos = n;
  bool control = false;
  seq[0] = (unsigned char)lead;
  for (size_t i = 1; i < need; i++) {
    if (pos >= avail) return false;
    int c = byte_at(s + pos, avail - pos, &n);
    if (c < 0x80 || c > 0xBF) return false;
    seq[i] = (unsigned char)c;
    if (c <= 0x9F) control = true;
    pos += n;
  }
  size_t valid;
  if (!utf8_sequence(seq, need, &valid)) return false;
  if (control) *c1 = true;
  *bytes = need;
  *used = pos;
  return true;
}

/* Counts the twice-encoded sequences, up to `enough` with one holding a
 * byte of 0x80-0x9F (*c1); with `fix`, decodes them in place. Returns the
 * count; *len is updated when fixing. */
static size_t undo_double_encoding(char *s, size_t *len, size_t enough, bool fix, bool *c1) {
  size_t r = 0, w = 0, found = 0;
  while (r < *len && (fix || found < enough || !*c1)) {
    size_t ascii_end = ascii_run_end(s, r, *len);
    if (fix && w != r) memmove(s + w, s + r, ascii_end - r);
    w += ascii_end - r;
    r = ascii_end;
    if (r >= *len) break;
    unsigned char seq[4];
    size_t bytes, used;
    if (twice_encoded_at(s + r, *len - r, seq, &bytes, &used, c1)) {
      found++;
      if (fix) memcpy(s + w, seq, bytes);
      w += fix ? bytes : used;
      r += used;
      continue;
    }
    size_t n;
    byte_at(s + r, *len - r, &n);
    if (fix && w != r) memmove(s + w, s + r, n);
    w += n;
    r += n;
  }
  if (fix) {
    *len = w;
    s[w] = '\0';
  }
  return found;
}

static size_t repair_double_encoding(char *s, size_t len) {
  size_t n = len;
  bool c1 = false;
  if (undo_double_encoding(s, &n, MOJIBAKE_MIN_SEQUENCES, false, &c1) < MOJIBAKE_MIN_SEQUENCES ||
      !c1)
    return len;
  undo_double_encoding(s, &n, 0, true, &c1);
  return n;
}

static void set_empty(wn_decoded *out) {
  out->utf8 = NULL;
  out->len = 0;
  out->encoding[0] = '\0';
}

int wn_decode(const char *bytes, size_t len, const char *forced, wn_decoded *out) {
  return wn_decode_hinted(bytes, len, forced, NULL, out);
}

int wn_decode_hinted(const char *bytes, size_t len, const char *forced, const char *hint,
                     wn_decoded *out) {
  const unsigned char *b = (const unsigned char *)bytes;
  choice c = {&ENCODINGS[E_UTF8], NULL, "UTF-8"};
  size_t skip = 0;
  int known_valid = 0;
  set_empty(out);
  if (forced) {
    if (resolve_forced(forced, &c) != 0) return -1;
    skip = matching_bom(b, len, c.enc);
  } else if (len) {
    const encoding *hinted = hint ? lookup_label(hint, strlen(hint)) : NULL;
    c.enc = sniff(b, len, hinted, &skip, &known_valid);
    c.iconv_name = c.enc->iconv;
    snprintf(c.name, sizeof c.name, "%s", c.enc->name);
  }
  wn_buf buf;
  wn_buf_init(&buf);
  if (len > skip) {
    /* Mostly-ASCII text plus the windows-1252 decoder's per-slice slack
     * fits, so the common case never doubles the buffer. */
    size_t n = len - skip;
    wn_buf_reserve(&buf, n + 2 * (n < CHUNK_SIZE ? n : CHUNK_SIZE));
    if (c.enc == &ENCODINGS[E_WIN1252])
      decode_windows_1252(b + skip, len - skip, &buf);
    else
      decode_with(&c, b + skip, len - skip, known_valid, &buf);
  }
  out->utf8 = wn_buf_detach(&buf, &out->len);
  if (!forced) out->len = repair_double_encoding(out->utf8, out->len);
  out->len = limit_combining_runs(out->utf8, out->len);
  /* Growth may have doubled the buffer; give back the slack on big inputs. */
  out->utf8 = wn_xrealloc(out->utf8, out->len + 1);
  memcpy(out->encoding, c.name, sizeof out->encoding);
  return 0;
}

void wn_decoded_free(wn_decoded *decoded) {
  if (!decoded) return;
  free(decoded->utf8);
  set_empty(decoded);
}
