/*
 * Stage decode: bytes -> UTF-8.
 *
 * Order of evidence, as browsers do: a byte-order mark, then the transport's
 * label (an HTTP charset, when the caller has one), then a <meta charset> or
 * <meta http-equiv="Content-Type"> in the first 1,024 bytes or later in the
 * <head> (as Gecko honours it), then UTF-8 if the bytes are valid UTF-8,
 * then a statistical detector (uchardet) for unlabelled legacy encodings,
 * else windows-1252. Only WHATWG encoding labels are honoured. Departures, for
 * files browsers would show garbled: UTF-16 without a byte-order mark is
 * recognised by its NUL bytes, and a meta label that the bytes contradict
 * (valid multi-byte UTF-8 under another label; mostly invalid UTF-8 under
 * a UTF-8 label) gives way to the bytes. A forced encoding (the
 * --encoding option) overrides all of it. Conversion goes through iconv;
 * invalid sequences become U+FFFD, so no input is ever truncated. Unless
 * forced, text that was encoded twice (UTF-8 read as windows-1252 and
 * written out as UTF-8 again) is decoded once more.
 */
#ifndef WN_DECODE_H
#define WN_DECODE_H

#include <stddef.h>

typedef struct wn_decoded {
  char *utf8;        /* NUL-terminated, valid UTF-8, no BOM */
  size_t len;
  char encoding[32]; /* canonical name of the encoding used, e.g. "windows-1252" */
} wn_decoded;

/*
 * Decode `len` bytes. `forced` may be NULL. Returns 0 on success, -1 if
 * `forced` is not a WHATWG encoding label (out is then empty).
 */
int wn_decode(const char *bytes, size_t len, const char *forced, wn_decoded *out);

/*
 * The same with the transport's label (an HTTP charset) as `hint`: it
 * ranks below a BOM and above <meta>, as in browsers; an unknown label is
 * ignored, since headers are often wrong. `hint` may be NULL.
 */
int wn_decode_hinted(const char *bytes, size_t len, const char *forced, const char *hint,
                     wn_decoded *out);
void wn_decoded_free(wn_decoded *decoded);

/*
 * The encoding the sniffing steps pick for these bytes (BOM, meta prescan,
 * UTF-8 validity, windows-1252 fallback), as a canonical name in `name`.
 */
void wn_sniff_encoding(const char *bytes, size_t len, char *name, size_t cap);

/* 1 if the first 4 KiB look like binary data (an image, an archive) rather
 * than text in any encoding: many control bytes, or NULs that are not
 * UTF-16's. */
int wn_looks_binary(const char *data, size_t len);

/* 1 if the bytes are entirely valid UTF-8. */
int wn_utf8_valid(const char *bytes, size_t len);

#endif
