/* ff-record-query.c — what a record list shows: search text, filters, a range, sort order. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-record-query.h"

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
  copy->search = g_strdup (query->search);
  copy->filter_field = g_strdup (query->filter_field);
  copy->filter_value = g_strdup (query->filter_value);
  copy->facet_field = g_strdup (query->facet_field);
  copy->facet_value = g_strdup (query->facet_value);
  copy->sort_field = g_strdup (query->sort_field);
  copy->descending = query->descending;
  copy->range_field = g_strdup (query->range_field);
  copy->range_from = g_strdup (query->range_from);
  copy->range_to = g_strdup (query->range_to);
  copy->condition = g_strdup (query->condition);
  copy->condition_arg = g_strdup (query->condition_arg);
  return copy;
}

void
ff_record_query_free (FfRecordQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->search);
  g_free (query->filter_field);
  g_free (query->filter_value);
  g_free (query->facet_field);
  g_free (query->facet_value);
  g_free (query->sort_field);
  g_free (query->range_field);
  g_free (query->range_from);
  g_free (query->range_to);
  g_free (query->condition);
  g_free (query->condition_arg);
  g_free (query);
}

gboolean
ff_record_query_equal (const FfRecordQuery *a,
                       const FfRecordQuery *b)
{
  return g_strcmp0 (a->search, b->search) == 0
         && g_strcmp0 (a->filter_field, b->filter_field) == 0
         && g_strcmp0 (a->filter_value, b->filter_value) == 0
         && g_strcmp0 (a->facet_field, b->facet_field) == 0
         && g_strcmp0 (a->facet_value, b->facet_value) == 0
         && g_strcmp0 (a->sort_field, b->sort_field) == 0
         && a->descending == b->descending
         && g_strcmp0 (a->range_field, b->range_field) == 0
         && g_strcmp0 (a->range_from, b->range_from) == 0
         && g_strcmp0 (a->range_to, b->range_to) == 0
         && g_strcmp0 (a->condition, b->condition) == 0
         && g_strcmp0 (a->condition_arg, b->condition_arg) == 0;
}
