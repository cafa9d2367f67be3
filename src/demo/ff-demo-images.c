/* ff-demo-images.c — small PNGs for the demo audits, drawn with cairo: photos of what the
 * auditor saw and handwritten signatures. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include <cairo.h>

#include "ff-demo-private.h"

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
to_png (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  cairo_surface_flush (surface);
  if (cairo_surface_write_to_png_stream (surface, write_cb, png) != CAIRO_STATUS_SUCCESS)
    g_byte_array_set_size (png, 0);
  return g_byte_array_free_to_bytes (png);
}

/* A plant scene: a wall and a floor, a stainless machine with a conveyor, and the thing the
 * auditor pointed the camera at (a red circle around it). */
GBytes *
_ff_demo_photo_png (FfDemo *demo,
                    guint   motif)
{
  const int w = 96, h = 72;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *wall = cairo_pattern_create_linear (0, 0, 0, h);
  double x = _ff_demo_range (demo, 20, 70), y = _ff_demo_range (demo, 36, 56);
  double light = _ff_demo_range (demo, 0.85, 1.0);
  GBytes *png;

  cairo_pattern_add_color_stop_rgb (wall, 0, 0.88 * light, 0.90 * light, 0.92 * light);
  cairo_pattern_add_color_stop_rgb (wall, 0.55, 0.80 * light, 0.82 * light, 0.84 * light);
  cairo_pattern_add_color_stop_rgb (wall, 0.56, 0.55 * light, 0.58 * light, 0.55 * light);
  cairo_pattern_add_color_stop_rgb (wall, 1, 0.45 * light, 0.47 * light, 0.45 * light);
  cairo_set_source (cr, wall);
  cairo_paint (cr);
  cairo_pattern_destroy (wall);

  /* The machine and its conveyor. */
  cairo_set_source_rgb (cr, 0.70, 0.72, 0.75);
  cairo_rectangle (cr, 8, 14, 40, 30);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.25, 0.27, 0.30);
  cairo_rectangle (cr, 0, 44, w, 5);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, motif % 3 == 0 ? 0.85 : 0.95, motif % 3 == 1 ? 0.75 : 0.85, 0.30);
  for (int i = 0; i < 4; i++)
    {
      cairo_rectangle (cr, 52 + i * 10, 38, 7, 6);
      cairo_fill (cr);
    }

  /* The finding. */
  cairo_set_source_rgb (cr, 0.15, 0.35, 0.75);
  cairo_arc (cr, x, y, 2.5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.85, 0.1, 0.1);
  cairo_set_line_width (cr, 1.5);
  cairo_arc (cr, x, y, 7, 0, 2 * G_PI);
  cairo_stroke (cr);

  cairo_destroy (cr);
  png = to_png (surface);
  cairo_surface_destroy (surface);
  return png;
}

/* A signature: a few connected loops with a flourish, in blue ink. */
GBytes *
_ff_demo_signature_png (FfDemo *demo)
{
  const int w = 200, h = 64;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  double x = 12, y = h * 0.62;
  GBytes *png;

  cairo_set_source_rgba (cr, 1, 1, 1, 0);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.08, 0.15, 0.45);
  cairo_set_line_width (cr, 1.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x, y);
  for (int i = 0; i < 7; i++)
    {
      double dx = _ff_demo_range (demo, 12, 24);
      double up = _ff_demo_range (demo, 14, 30);
      double down = _ff_demo_range (demo, -6, 10);

      cairo_curve_to (cr, x + dx * 0.2, y - up, x + dx * 0.8, y - up, x + dx * 0.6, y + down * 0.3);
      x += dx;
      cairo_curve_to (cr, x - dx * 0.3, y + down, x - dx * 0.1, y + down, x, y);
    }
  /* The underline flourish. */
  cairo_curve_to (cr, x + 10, y + 6, 40, h - 4, 16, h - 10);
  cairo_stroke (cr);

  cairo_destroy (cr);
  png = to_png (surface);
  cairo_surface_destroy (surface);
  return png;
}
