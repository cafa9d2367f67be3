/* test-chart.c — the shared line chart: it draws the series, its limits and the points beyond
 * them, inside the rectangle it is given. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cairo.h>
#include <glib.h>

#include "ff-chart.h"

#define W 300
#define H 120

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  return *(const guint32 *) (data + y * stride + x * 4);
}

/* The number of pixels whose colour is close to @rgb. */
static guint
count_colour (cairo_surface_t *surface,
              const double     rgb[3])
{
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        guint32 p = pixel (surface, x, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (ABS (r - rgb[0] * 255) < 40 && ABS (g - rgb[1] * 255) < 40
            && ABS (b - rgb[2] * 255) < 40)
          n++;
      }
  return n;
}

static cairo_surface_t *
render (const FfSeries *series)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ff_chart_draw_line (cr, W, H, series, NULL);
  cairo_destroy (cr);
  return surface;
}

static void
test_limits_and_excursions (void)
{
  g_autoptr (FfSeries) inside = ff_series_new ("inside", "°C");
  g_autoptr (FfSeries) beyond = ff_series_new ("beyond", "°C");
  const FfChartStyle *style = ff_chart_style_default ();
  cairo_surface_t *a, *b;
  guint red_a, red_b;

  for (int i = 0; i < 60; i++)
    {
      char label[8];
      g_snprintf (label, sizeof label, "%02d:00", i % 24);
      ff_series_add (inside, label, 72 + (i % 5) * 0.5);
      ff_series_add (beyond, label, (i == 30 || i == 31) ? 78.0 : 72 + (i % 5) * 0.5);
    }
  inside->has_lower = beyond->has_lower = TRUE;
  inside->lower = beyond->lower = 70;
  inside->has_upper = beyond->has_upper = TRUE;
  inside->upper = beyond->upper = 75;

  a = render (inside);
  b = render (beyond);
  /* Limit lines are drawn in the limit colour in both; the excursion adds marked points. */
  red_a = count_colour (a, style->limit_rgb);
  red_b = count_colour (b, style->limit_rgb);
  g_assert_cmpuint (red_a, >, 50);
  g_assert_cmpuint (red_b, >, red_a + 10);
  /* The series colour is present. */
  g_assert_cmpuint (count_colour (a, style->line_rgb), >, 100);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_empty_and_flat (void)
{
  g_autoptr (FfSeries) empty = ff_series_new ("empty", NULL);
  g_autoptr (FfSeries) flat = ff_series_new ("flat", NULL);
  const FfChartStyle *style = ff_chart_style_default ();
  cairo_surface_t *s;

  /* Nothing to draw: the surface stays white. */
  s = render (empty);
  g_assert_cmpuint (count_colour (s, style->line_rgb), ==, 0);
  cairo_surface_destroy (s);

  /* A constant series still draws a line (no division by zero). */
  for (int i = 0; i < 10; i++)
    ff_series_add (flat, "d", 5.0);
  s = render (flat);
  g_assert_cmpuint (count_colour (s, style->line_rgb), >, 50);
  cairo_surface_destroy (s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/limits-and-excursions", test_limits_and_excursions);
  g_test_add_func ("/chart/empty-and-flat", test_empty_and_flat);
  return g_test_run ();
}
