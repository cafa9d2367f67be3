/* ff-record-query.c — what a record list shows: search text, filters, a range, sort order. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-record-query.h"

/* The text members, by the names a GVariant of the query carries them under. */
static const struct
{
  const char *name;
  gsize       offset;
} text_members[] = {
  { "search", G_STRUCT_OFFSET (FfRecordQuery, search) },
  { "filter-field", G_STRUCT_OFFSET (FfRecordQuery, filter_field) },
  { "filter-value", G_STRUCT_OFFSET (FfRecordQuery, filter_value) },
  { "facet-field", G_STRUCT_OFFSET (FfRecordQuery, facet_field) },
  { "facet-value", G_STRUCT_OFFSET (FfRecordQuery, facet_value) },
  { "sort-field", G_STRUCT_OFFSET (FfRecordQuery, sort_field) },
  { "range-field", G_STRUCT_OFFSET (FfRecordQuery, range_field) },
  { "range-from", G_STRUCT_OFFSET (FfRecordQuery, range_from) },
  { "range-to", G_STRUCT_OFFSET (FfRecordQuery, range_to) },
  { "condition", G_STRUCT_OFFSET (FfRecordQuery, condition) },
  { "condition-arg", G_STRUCT_OFFSET (FfRecordQuery, condition_arg) },
};

#define TEXT(query, i) (*(char **) G_STRUCT_MEMBER_P ((query), text_members[i].offset))
#define CONST_TEXT(query, i) \
  (*(char *const *) G_STRUCT_MEMBER_P ((gpointer) (query), text_members[i].offset))

FfRecordQuery *
ff_record_query_new (void)
{
  return g_new0 (FfRecordQuery, 1);
}

FfRecordQuery *
ff_record_query_copy (const FfRecordQuery *query)
{
  FfRecordQuery *copy = ff_record_query_new ();

  if (query == NULL)
    return copy;
  for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
    TEXT (copy, i) = g_strdup (CONST_TEXT (query, i));
  copy->descending = query->descending;
  return copy;
}

void
ff_record_query_free (FfRecordQuery *query)
{
  if (query == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
    g_free (TEXT (query, i));
  g_free (query);
}

gboolean
ff_record_query_equal (const FfRecordQuery *a,
                       const FfRecordQuery *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
    if (g_strcmp0 (CONST_TEXT (a, i), CONST_TEXT (b, i)) != 0)
      return FALSE;
  return a->descending == b->descending;
}

GVariant *
ff_record_query_to_variant (const FfRecordQuery *query)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; query != NULL && i < G_N_ELEMENTS (text_members); i++)
    if (CONST_TEXT (query, i) != NULL)
      g_variant_builder_add (&builder, "{ss}", text_members[i].name, CONST_TEXT (query, i));
  if (query != NULL && query->descending)
    g_variant_builder_add (&builder, "{ss}", "descending", "true");
  return g_variant_builder_end (&builder);
}

FfRecordQuery *
ff_record_query_new_from_variant (GVariant *variant)
{
  FfRecordQuery *query = ff_record_query_new ();
  GVariantIter iter;
  const char *name, *value;

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE ("a{ss}")), query);

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "{&s&s}", &name, &value))
    {
      if (g_str_equal (name, "descending"))
        query->descending = g_str_equal (value, "true");
      for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
        if (g_str_equal (name, text_members[i].name))
          {
            g_free (TEXT (query, i));
            TEXT (query, i) = g_strdup (value);
          }
    }
  return query;
}
