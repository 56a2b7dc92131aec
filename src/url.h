/*
 * Link targets for Markdown: references resolved against the page's base
 * (RFC 3986, section 5.2), and only those that lead to a web page or a mail
 * address kept.
 */
#ifndef WN_URL_H
#define WN_URL_H

#include <stdbool.h>

/* Whether `url` is absolute with the scheme http or https. */
bool wn_url_is_web(const char *url);

/*
 * `ref` resolved against `base` (an absolute http(s) URL, or NULL: then
 * relative references stay as they are), in a new string; NULL when the
 * reference has a scheme other than http, https or mailto (javascript:,
 * data:, tel:...) or is empty.
 */
char *wn_url_resolve(const char *base, const char *ref);

#endif
