/* ff-chart.h — charts drawn with cairo and Pango, shared by the PDF reports and the app. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ff-series.h"

G_BEGIN_DECLS

typedef struct
{
  double line_rgb[3];   /* the series */
  double text_rgb[3];   /* labels and axes */
  double limit_rgb[3];  /* limit lines and points beyond them */
} FfChartStyle;

/* The default colours, for light backgrounds. */
const FfChartStyle *ff_chart_style_default (void);

/* Draws @series as a line over a filled area in the rectangle (0, 0, @width, @height): y axis
 * with the minimum and maximum, first and last x labels, limit lines, and points beyond the
 * limits marked. */
void      ff_chart_draw_line (cairo_t            *cr,
                              double              width,
                              double              height,
                              const FfSeries     *series,
                              const FfChartStyle *style);


G_END_DECLS
