/* ff-trend-chart.h — a trend (a record's in its detail view, an overview's), drawn by the report
 * module's chart. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtk/gtk.h>

#include "ff-kind.h"
#include "ff-series.h"
#include "ff-session.h"

G_BEGIN_DECLS

#define FF_TYPE_TREND_CHART (ff_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (FfTrendChart, ff_trend_chart, FF, TREND_CHART, GtkWidget)

/* Loads the trend of record @id in a worker; the widget stays hidden when there is none. */
FfTrendChart   *ff_trend_chart_new        (FfSession    *session,
                                           const FfKind *kind,
                                           const char   *id);
/* Shows @series (taken). */
FfTrendChart   *ff_trend_chart_new_for_series (FfSeries *series);
/* The series shown, NULL until loaded or when there is none. */
const FfSeries *ff_trend_chart_get_series (FfTrendChart *self);

G_END_DECLS
