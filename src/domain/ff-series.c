/* ff-series.c — a named series of values over time. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-series.h"

FfSeries *
ff_series_new (const char *title,
               const char *unit)
{
  FfSeries *series = g_new0 (FfSeries, 1);

  series->title = g_strdup (title);
  series->unit = g_strdup (unit);
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  series->labels = g_ptr_array_new_with_free_func (g_free);
  return series;
}

void
ff_series_add (FfSeries   *series,
               const char *label,
               double      value)
{
  g_array_append_val (series->values, value);
  g_ptr_array_add (series->labels, g_strdup (label));
}

void
ff_series_free (FfSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->title);
  g_free (series->unit);
  g_array_unref (series->values);
  g_ptr_array_unref (series->labels);
  g_free (series);
}
