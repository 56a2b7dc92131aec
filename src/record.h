/*
 * JSON records for extracted pages, shared by the JSON output format, the
 * JSON Lines record mode and the WARC reader (jansson).
 */
#ifndef WN_RECORD_H
#define WN_RECORD_H

#include <jansson.h>

#include "winnow.h"

/* Sets "title", "lang", "text", "author"/"date" when the page states them,
 * and "warnings" (an array of sentences) when it reached a budget. */
void wn_record_add_result(json_t *obj, const winnow_result *res);

/* One compact line of UTF-8 JSON (no newline); the caller frees it. */
char *wn_record_dump(const json_t *obj);

#endif
