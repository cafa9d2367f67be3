/* ff-kpi.h — one key figure of a workspace overview, computed from the tenant's records, and
 * the list of records it leads to. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

#include "ff-record-query.h"

G_BEGIN_DECLS

typedef enum {
  FF_KPI_NEUTRAL,
  FF_KPI_GOOD,
  FF_KPI_WARNING,   /* needs attention */
  FF_KPI_CRITICAL,  /* act now */
} FfKpiState;

typedef struct
{
  char          *id;           /* stable, e.g. "fsq.open-deviations" */
  char          *label;        /* translated: "Open deviations" */
  char          *value;        /* formatted in the user's locale: "12", "87.5 %" */
  double         number;       /* the raw figure (tests compare it) */
  char          *detail;       /* translated context: "3 critical", "of 12 lines" */
  char          *method;       /* translated: how it was computed, from which records */
  FfKpiState     state;
  char          *kind;         /* the record kind a click opens, or NULL */
  FfRecordQuery *query;        /* with @kind: the records it opens, newest first */
  gboolean       counts_query; /* @number is how many records @query selects */
} FfKpi;

FfKpi *ff_kpi_new  (const char *id,
                    const char *label,
                    double      number,
                    const char *value);
void   ff_kpi_free (FfKpi *kpi);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfKpi, ff_kpi_free)

G_END_DECLS
