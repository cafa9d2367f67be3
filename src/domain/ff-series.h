/* ff-series.h — a named series of values over time, for trends in detail views and reports. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *title;
  char    *unit;         /* of the values, for the axis ("units", "°C") */
  GArray  *values;       /* double */
  GPtrArray *labels;     /* char*, one per value (dates, times) */
  gboolean has_lower;
  gboolean has_upper;
  double   lower;        /* limits drawn as dashed lines (specification, critical limits) */
  double   upper;
  gboolean from_zero;    /* amounts and counts: the axis starts at zero */
} FfSeries;

FfSeries *ff_series_new  (const char *title,
                          const char *unit);
void      ff_series_add  (FfSeries   *series,
                          const char *label,
                          double      value);
void      ff_series_free (FfSeries *series);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfSeries, ff_series_free)

G_END_DECLS
