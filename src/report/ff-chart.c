/* ff-chart.c — charts drawn with cairo and Pango, shared by the PDF reports and the app. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <math.h>
#include <pango/pangocairo.h>

#include "ff-chart.h"

const FfChartStyle *
ff_chart_style_default (void)
{
  static const FfChartStyle style = {
    { 0.21, 0.52, 0.89 },   /* blue 3 of the GNOME palette */
    { 0.24, 0.24, 0.27 },
    { 0.88, 0.11, 0.14 },   /* red 3 */
  };
  return &style;
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align,  /* 0 left, 0.5 centre, 1 right of x */
           double      valign) /* 0 top, 0.5 middle, 1 bottom at y */
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y - valign * h);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

void
ff_chart_draw_line (cairo_t            *cr,
                    double              width,
                    double              height,
                    const FfSeries     *series,
                    const FfChartStyle *style)
{
  const double left = 44, right = 8, top = 8, bottom = 18;
  double plot_w = width - left - right, plot_h = height - top - bottom;
  double lo = INFINITY, hi = -INFINITY;
  guint n = series->values->len;
  char buf[64];

  g_return_if_fail (cr != NULL && series != NULL);
  if (style == NULL)
    style = ff_chart_style_default ();
  if (n == 0 || plot_w <= 0 || plot_h <= 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (series->values, double, i);
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  if (series->has_lower)
    lo = MIN (lo, series->lower);
  if (series->has_upper)
    hi = MAX (hi, series->upper);
  if (hi - lo < 1e-9)
    {
      hi += 1;
      lo -= 1;
    }
  /* A little air above and below. */
  lo -= (hi - lo) * 0.05;
  hi += (hi - lo) * 0.05;

#define X(i) (left + (n > 1 ? plot_w * (double) (i) / (n - 1) : plot_w / 2))
#define Y(v) (top + plot_h * (1 - ((v) - lo) / (hi - lo)))

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, style->text_rgb[0], style->text_rgb[1], style->text_rgb[2], 0.25);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, top + plot_h);
  cairo_line_to (cr, left + plot_w, top + plot_h);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, style->text_rgb[0], style->text_rgb[1], style->text_rgb[2]);
  g_snprintf (buf, sizeof buf, "%.4g", hi);
  draw_text (cr, buf, left - 4, top, 1, 0);
  g_snprintf (buf, sizeof buf, "%.4g", lo);
  draw_text (cr, buf, left - 4, top + plot_h, 1, 1);
  draw_text (cr, g_ptr_array_index (series->labels, 0), left, top + plot_h + 2, 0, 0);
  if (n > 1)
    draw_text (cr, g_ptr_array_index (series->labels, n - 1), left + plot_w, top + plot_h + 2, 1,
               0);

  /* Limits, dashed. */
  cairo_set_source_rgb (cr, style->limit_rgb[0], style->limit_rgb[1], style->limit_rgb[2]);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  if (series->has_lower)
    {
      cairo_move_to (cr, left, Y (series->lower));
      cairo_line_to (cr, left + plot_w, Y (series->lower));
    }
  if (series->has_upper)
    {
      cairo_move_to (cr, left, Y (series->upper));
      cairo_line_to (cr, left + plot_w, Y (series->upper));
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The area, then the line over it. */
  cairo_move_to (cr, X (0), top + plot_h);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, X (i), Y (g_array_index (series->values, double, i)));
  cairo_line_to (cr, X (n - 1), top + plot_h);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, style->line_rgb[0], style->line_rgb[1], style->line_rgb[2], 0.15);
  cairo_fill (cr);
  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (series->values, double, i);
      if (i == 0)
        cairo_move_to (cr, X (i), Y (v));
      else
        cairo_line_to (cr, X (i), Y (v));
    }
  cairo_set_source_rgb (cr, style->line_rgb[0], style->line_rgb[1], style->line_rgb[2]);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* Points beyond a limit. */
  cairo_set_source_rgb (cr, style->limit_rgb[0], style->limit_rgb[1], style->limit_rgb[2]);
  for (guint i = 0; i < n; i++)
    {
      double v = g_array_index (series->values, double, i);
      if ((series->has_lower && v < series->lower) || (series->has_upper && v > series->upper))
        {
          cairo_arc (cr, X (i), Y (v), 2.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
#undef X
#undef Y
}
