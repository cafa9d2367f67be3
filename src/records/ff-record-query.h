/* ff-record-query.h — what a record list shows: search text, filters, a range, a named
 * condition, sort order. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *search;        /* matched (case-insensitive substring) against FF_FIELD_SEARCH fields */
  char     *filter_field;  /* with filter_value: only records whose field equals the value */
  char     *filter_value;  /* (the scope: "the batches of line L3") */
  char     *facet_field;   /* a second such condition, chosen in the list (status "open") */
  char     *facet_value;
  char     *sort_field;    /* NULL: the kind's default sort */
  gboolean  descending;
  char     *range_field;   /* with range_from and/or range_to: only records whose field lies */
  char     *range_from;    /* in [from, to] (dates, times, numbers as stored); either may be */
  char     *range_to;      /* NULL for no bound ("batches since Monday") */
  char     *condition;     /* the id of one of the kind's named conditions ("out-of-limit") */
  char     *condition_arg; /* its argument, when it takes one */
} FfRecordQuery;

FfRecordQuery *ff_record_query_new   (void);
FfRecordQuery *ff_record_query_copy  (const FfRecordQuery *query);
void           ff_record_query_free  (FfRecordQuery *query);
gboolean       ff_record_query_equal (const FfRecordQuery *a,
                                      const FfRecordQuery *b);
/* The query as an a{ss} (for an action's parameter), and back; unknown names are ignored. */
GVariant      *ff_record_query_to_variant       (const FfRecordQuery *query);
FfRecordQuery *ff_record_query_new_from_variant (GVariant            *variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfRecordQuery, ff_record_query_free)

G_END_DECLS
