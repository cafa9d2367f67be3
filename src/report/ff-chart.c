/* ff-chart.c — charts drawn with cairo and Pango, shared by the PDF reports and the app. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <math.h>
#include <pango/pangocairo.h>

#include "ff-chart.h"
#include "ff-number.h"

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

static int
text_width (cairo_t    *cr,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  pango_font_description_free (font);
  g_object_unref (layout);
  return w;
}

/* A step of 1, 2 or 5 times a power of ten that cuts @range into about @n parts. */
static double
nice_step (double range,
           int    n)
{
  double raw = range / n, power = pow (10, floor (log10 (raw))), f = raw / power;

  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
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
  const double right = 8, top = 8, bottom = 18;
  double left, plot_w, plot_h = height - top - bottom;
  double lo = INFINITY, hi = -INFINITY, step;
  guint n = series->values->len;
  int widest = 0;

  g_return_if_fail (cr != NULL && series != NULL);
  if (style == NULL)
    style = ff_chart_style_default ();
  if (n == 0 || plot_h <= 0)
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
  /* Amounts and counts are read against zero. */
  if (series->from_zero)
    lo = MIN (lo, 0);
  if (hi - lo < 1e-9)
    {
      hi += 1;
      lo -= series->from_zero && lo >= 0 ? 0 : 1;
    }
  /* A little air above and below (none below zero when the axis starts there), then the axis
   * runs from tick to tick: round numbers, in the reader's locale. */
  {
    double air = (hi - lo) * 0.05;

    if (!(series->from_zero && lo == 0))
      lo -= air;
    hi += air;
  }
  step = nice_step (hi - lo, 4);
  lo = floor (lo / step + 1e-9) * step;
  hi = ceil (hi / step - 1e-9) * step;
  for (double t = lo; t <= hi + step / 2; t += step)
    {
      g_autofree char *text = ff_number_format_auto (fabs (t) < step / 1e6 ? 0 : t);
      widest = MAX (widest, text_width (cr, text));
    }
  left = widest + 10;
  plot_w = width - left - right;
  if (plot_w <= 0)
    return;

#define X(i) (left + (n > 1 ? plot_w * (double) (i) / (n - 1) : plot_w / 2))
#define Y(v) (top + plot_h * (1 - ((v) - lo) / (hi - lo)))

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, style->text_rgb[0], style->text_rgb[1], style->text_rgb[2], 0.25);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, top + plot_h);
  cairo_line_to (cr, left + plot_w, top + plot_h);
  cairo_stroke (cr);

  /* Grid lines at the ticks, faint. */
  cairo_set_source_rgba (cr, style->text_rgb[0], style->text_rgb[1], style->text_rgb[2], 0.1);
  for (double t = lo + step; t <= hi + step / 2; t += step)
    {
      cairo_move_to (cr, left, round (Y (t)) + 0.5);
      cairo_line_to (cr, left + plot_w, round (Y (t)) + 0.5);
    }
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, style->text_rgb[0], style->text_rgb[1], style->text_rgb[2]);
  for (double t = lo; t <= hi + step / 2; t += step)
    {
      g_autofree char *text = ff_number_format_auto (fabs (t) < step / 1e6 ? 0 : t);
      draw_text (cr, text, left - 4, Y (t), 1, 0.5);
    }
  draw_text (cr, g_ptr_array_index (series->labels, 0), left, top + plot_h + 2, 0, 0);
  if (n > 2)
    draw_text (cr, g_ptr_array_index (series->labels, (n - 1) / 2), X ((n - 1) / 2),
               top + plot_h + 2, 0.5, 0);
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
