#include "record.h"

void wn_record_add_result(json_t *obj, const winnow_result *res) {
  json_object_set_new(obj, "title", json_string(res->title ? res->title : ""));
  /* A page with no main content has no language to report. */
  json_object_set_new(obj, "lang", json_string(res->text_len ? res->lang : "und"));
  json_object_set_new(obj, "text", json_stringn(res->text, res->text_len));
  if (res->author) json_object_set_new(obj, "author", json_string(res->author));
  if (res->date) json_object_set_new(obj, "date", json_string(res->date));
  const struct {
    const char *key, *value;
  } facts[] = {{"canonical_url", res->canonical_url}, {"site_name", res->site_name},
               {"description", res->description},     {"image", res->image},
               {"keywords", res->keywords},           {"page_type", res->page_type}};
  for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
    if (facts[i].value) json_object_set_new(obj, facts[i].key, json_string(facts[i].value));
  if (res->limits) {
    json_t *warnings = json_array();
    for (unsigned bit = 1; bit <= res->limits; bit <<= 1)
      if (res->limits & bit) json_array_append_new(warnings, json_string(winnow_limit_string(bit)));
    json_object_set_new(obj, "warnings", warnings);
  }
}

char *wn_record_dump(const json_t *obj) {
  /* Keys in insertion order: identity first, as the caller added it. */
  return json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
}
