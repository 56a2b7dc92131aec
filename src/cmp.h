/*
 * Consent-manager containers, recognised by the ids, classes and attributes
 * that the common consent platforms (OneTrust, Cookiebot, Didomi,
 * Usercentrics, Quantcast, Sourcepoint...) give their banners and dialogs.
 * The selectors live in data/cmp-selectors.tsv and are compiled into sorted
 * tables by tools/lexgen.
 */
#ifndef WN_CMP_H
#define WN_CMP_H

#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>

extern const char *const wn_cmp_ids[];
extern const size_t wn_cmp_ids_count;
extern const char *const wn_cmp_classes[];
extern const size_t wn_cmp_classes_count;
extern const char *const wn_cmp_id_prefixes[];
extern const size_t wn_cmp_id_prefixes_count;
extern const char *const wn_cmp_attributes[]; /* "name=value" */
extern const size_t wn_cmp_attributes_count;

/* True if the element is the container of a known consent manager. */
bool wn_cmp_matches(const GumboNode *element);

#endif
