#include "cmp.h"

#include <string.h>

/* Binary search of a sorted name table for the `len` bytes at `s`. */
static bool in_sorted(const char *const *names, size_t count, const char *s, size_t len) {
  char key[128];
  if (len >= sizeof key) return false; /* no consent manager uses names this long */
  memcpy(key, s, len);
  key[len] = '\0';
  size_t low = 0, high = count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    int cmp = strcmp(names[mid], key);
    if (cmp == 0) return true;
    if (cmp < 0) low = mid + 1;
    else high = mid;
  }
  return false;
}

static bool id_matches(const char *id) {
  if (in_sorted(wn_cmp_ids, wn_cmp_ids_count, id, strlen(id))) return true;
  for (size_t i = 0; i < wn_cmp_id_prefixes_count; i++)
    if (strncmp(id, wn_cmp_id_prefixes[i], strlen(wn_cmp_id_prefixes[i])) == 0) return true;
  return false;
}

static bool class_matches(const char *classes) {
  const char *p = classes;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
    size_t len = strcspn(p, " \t\n\r\f");
    if (len && in_sorted(wn_cmp_classes, wn_cmp_classes_count, p, len)) return true;
    p += len;
  }
  return false;
}

static bool attribute_matches(const GumboAttribute *a) {
  size_t name = strlen(a->name);
  for (size_t i = 0; i < wn_cmp_attributes_count; i++) {
    const char *pair = wn_cmp_attributes[i];
    if (strncmp(pair, a->name, name) == 0 && pair[name] == '=' && strcmp(pair + name + 1, a->value) == 0)
      return true;
  }
  return false;
}

bool wn_cmp_matches(const GumboNode *element) {
  const GumboVector *attributes = &element->v.element.attributes;
  for (unsigned i = 0; i < attributes->length; i++) {
    const GumboAttribute *a = attributes->data[i];
    if (strcmp(a->name, "id") == 0 && id_matches(a->value)) return true;
    if (strcmp(a->name, "class") == 0 && class_matches(a->value)) return true;
    if (wn_cmp_attributes_count && attribute_matches(a)) return true;
  }
  return false;
}
