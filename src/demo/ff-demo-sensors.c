/* ff-demo-sensors.c — demo sensors and their readings: the key sensors read every minute, the
 * others every hour, with excursions placed inside running batches. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-demo"

#include "config.h"

#include "ff-demo-private.h"

typedef struct
{
  guint       line;
  const char *tag;
  const char *name;
  const char *measure;
  const char *unit;
  double      lsl;
  double      target;
  double      usl;
  double      sd;        /* of the process around its target */
  int         decimals;
  gboolean    key;       /* read every minute, and the excursions happen on these */
} Sensor;

/* Lines: L1..L6 Eindhoven, L7..L12 Gent (fryer, bagger, cooker, mixer, oven, case packer). */
static const Sensor sensors[] = {
  { 0, "TT-101", "Fryer oil temperature", "temperature", "°C", 175, 180, 185, 1.0, 1, TRUE },
  { 6, "TT-101", "Fryer oil temperature", "temperature", "°C", 175, 180, 185, 1.1, 1, TRUE },
  { 1, "WT-201", "Checkweigher, net weight over declared", "weight", "g", 0, 3, 8, 0.8, 2, TRUE },
  { 7, "WT-201", "Checkweigher, net weight over declared", "weight", "g", 0, 3, 8, 0.9, 2, TRUE },
  { 2, "TT-301", "Salsa kettle temperature", "temperature", "°C", 90, 94, 99, 0.9, 1, TRUE },
  { 9, "TT-401", "Hummus temperature after the chiller", "temperature", "°C", 0, 3, 6, 0.6, 1, TRUE },
  /* Read hourly */
  { 0, "PT-102", "Fryer exhaust hood pressure", "pressure", "mbar", -4, -2.5, -1, 0.3, 2, FALSE },
  { 6, "PT-102", "Fryer exhaust hood pressure", "pressure", "mbar", -4, -2.5, -1, 0.3, 2, FALSE },
  { 1, "MD-202", "Metal detector, test pass", "metal_detection", "1/0", 1, 1, 1, 0, 0, FALSE },
  { 7, "MD-202", "Metal detector, test pass", "metal_detection", "1/0", 1, 1, 1, 0, 0, FALSE },
  { 1, "ST-203", "Bagger speed", "speed", "bags/min", 60, 75, 85, 2.5, 1, FALSE },
  { 7, "ST-203", "Bagger speed", "speed", "bags/min", 60, 75, 85, 2.5, 1, FALSE },
  { 8, "TT-301", "Salsa kettle temperature", "temperature", "°C", 90, 94, 99, 0.9, 1, FALSE },
  { 2, "WT-302", "Jar checkweigher, net weight over declared", "weight", "g", 0, 4, 10, 1.1, 2, FALSE },
  { 3, "TT-401", "Hummus temperature after the chiller", "temperature", "°C", 0, 3, 6, 0.6, 1, FALSE },
  { 3, "MD-402", "Metal detector, test pass", "metal_detection", "1/0", 1, 1, 1, 0, 0, FALSE },
  { 9, "MD-402", "Metal detector, test pass", "metal_detection", "1/0", 1, 1, 1, 0, 0, FALSE },
  { 4, "TT-501", "Oven zone 2 temperature", "temperature", "°C", 225, 235, 245, 2.0, 1, FALSE },
  { 10, "TT-501", "Oven zone 2 temperature", "temperature", "°C", 225, 235, 245, 2.0, 1, FALSE },
  { 4, "HT-502", "Proofer relative humidity", "humidity", "%RH", 75, 80, 85, 1.2, 1, FALSE },
  { 5, "ST-601", "Case packer speed", "speed", "cases/min", 8, 12, 14, 0.6, 1, FALSE },
  { 11, "ST-601", "Case packer speed", "speed", "cases/min", 8, 12, 14, 0.6, 1, FALSE },
};

static void
sensor_code (guint i,
             char  buf[32])
{
  g_snprintf (buf, 32, "L%u-%s", sensors[i].line + 1, sensors[i].tag);
}

/* Excursions ------------------------------------------------------------------------------- */

static int
compare_excursions (gconstpointer a,
                    gconstpointer b)
{
  const FfDemoExcursion *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

void
_ff_demo_plan_excursions (FfDemo *demo)
{
  gint64 window_start = _ff_demo_day_start (demo, -demo->reading_days);
  guint per_sensor = MAX (1, (guint) lround (demo->reading_days / 12.0));

  demo->excursions = g_array_new (FALSE, TRUE, sizeof (FfDemoExcursion));
  for (guint s = 0; s < G_N_ELEMENTS (sensors) && sensors[s].key; s++)
    {
      g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (int));

      /* Batches on the sensor's line that ran long enough inside the reading window. */
      for (guint i = 0; i < demo->batches->len; i++)
        {
          const FfDemoBatch *b = &g_array_index (demo->batches, FfDemoBatch, i);
          gint64 end = MIN (b->actual_end, _ff_demo_day_start (demo, 0));

          if (b->line == sensors[s].line && b->actual_start >= window_start
              && end - b->actual_start > 3 * 3600)
            g_array_append_val (candidates, i);
        }
      for (guint k = 0; k < per_sensor; k++)
        {
          double u1 = _ff_demo_uniform (demo), u2 = _ff_demo_uniform (demo);
          double u3 = _ff_demo_uniform (demo), u4 = _ff_demo_uniform (demo);
          FfDemoExcursion x = { 0 };
          const FfDemoBatch *b;
          gint64 end;
          gboolean taken = FALSE;

          if (candidates->len == 0)
            break;
          x.batch = g_array_index (candidates, int, (guint) (u1 * candidates->len));
          for (guint j = 0; j < demo->excursions->len; j++)
            taken = taken || g_array_index (demo->excursions, FfDemoExcursion, j).batch == x.batch;
          if (taken)
            continue;
          b = &g_array_index (demo->batches, FfDemoBatch, x.batch);
          end = MIN (b->actual_end, _ff_demo_day_start (demo, 0));
          x.sensor = s;
          x.line = sensors[s].line;
          x.minutes = 12 + (int) (u2 * 24);
          /* Well inside the run: at least 40 minutes after the start, an hour before the end. */
          x.start = b->actual_start + 40 * 60
                    + (gint64) (u3 * (double) (end - b->actual_start - 100 * 60 - x.minutes * 60));
          x.start -= x.start % 60;
          x.temperature = g_str_equal (sensors[s].measure, "temperature");
          if (sensors[s].usl <= 6)   /* chilled product: too warm */
            {
              x.limit = sensors[s].usl;
              x.extreme = sensors[s].usl + 1.5 + u4 * 3;
            }
          else
            {
              x.limit = sensors[s].lsl;
              x.extreme = sensors[s].lsl - (x.temperature ? 2.5 + u4 * 5 : 3 + u4 * 6);
            }
          g_array_append_val (demo->excursions, x);
        }
    }
  g_array_sort (demo->excursions, compare_excursions);
}

/* Sensors ---------------------------------------------------------------------------------- */

static gboolean
make_sensor_records (FfDemo  *demo,
                     GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sensors); i++)
    {
      const Sensor *s = &sensors[i];
      FfRecord *r = ff_record_new (&ff_kind_sensors);
      char code[32];

      sensor_code (i, code);
      _ff_demo_set (r, "code", code);
      _ff_demo_set (r, "name", s->name);
      _ff_demo_set (r, "line", _ff_demo_line_id (demo, s->line));
      _ff_demo_set (r, "measure", s->measure);
      _ff_demo_set (r, "unit", s->unit);
      _ff_demo_set_real (r, "lower_spec_limit", s->lsl, s->decimals);
      _ff_demo_set_real (r, "target", s->target, s->decimals);
      _ff_demo_set_real (r, "upper_spec_limit", s->usl, s->decimals);
      _ff_demo_set_int (r, "sample_interval_s", s->key ? 60 : 3600);
      _ff_demo_set (r, "active", "1");
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

/* Readings --------------------------------------------------------------------------------- */

/* How far into an excursion @t is, as a fraction of its depth (0 outside it). */
static double
excursion_depth (const FfDemoExcursion *x,
                 gint64                 t)
{
  double into = (double) (t - x->start) / 60.0;
  double left = x->minutes - into;

  if (into < 0 || left <= 0)
    return 0;
  return MIN (1.0, MIN (into / 3.0, left / 3.0));
}

static gboolean
make_readings (FfDemo  *demo,
               guint    s,
               GError **error)
{
  const Sensor *sensor = &sensors[s];
  int interval = sensor->key ? 60 : 3600;
  gint64 start = _ff_demo_day_start (demo, -demo->reading_days);
  gint64 end = _ff_demo_day_start (demo, 0);
  /* A first-order autoregressive process: neighbouring readings are alike, as in a plant. */
  double phi = sensor->key ? 0.92 : 0.5;
  double innovation = sensor->sd * sqrt (1 - phi * phi);
  double x = 0;
  guint next_excursion = 0;
  char code[32];
  const char *sensor_id;
  int i_sensor = ff_kind_get_field_index (&ff_kind_sensor_readings, "sensor");
  int i_time = ff_kind_get_field_index (&ff_kind_sensor_readings, "observed_at");
  int i_value = ff_kind_get_field_index (&ff_kind_sensor_readings, "value");

  sensor_code (s, code);
  sensor_id = _ff_demo_id (demo, &ff_kind_sensors, code);
  for (gint64 t = start; t < end; t += interval)
    {
      FfRecord *r = ff_record_new (&ff_kind_sensor_readings);
      double value, depth;
      char time[24], text[32];

      x = phi * x + _ff_demo_normal (demo, 0, innovation);
      value = sensor->target + x;
      if (g_str_equal (sensor->measure, "metal_detection"))
        value = 1;
      while (next_excursion < demo->excursions->len
             && g_array_index (demo->excursions, FfDemoExcursion, next_excursion).start
                + g_array_index (demo->excursions, FfDemoExcursion, next_excursion).minutes * 60 <= t)
        next_excursion++;
      for (guint k = next_excursion; k < demo->excursions->len; k++)
        {
          const FfDemoExcursion *e = &g_array_index (demo->excursions, FfDemoExcursion, k);

          if (e->start > t)
            break;
          depth = e->sensor == s ? excursion_depth (e, t) : 0;
          if (depth > 0)
            value = value * (1 - depth) + (e->extreme + x * 0.3) * depth;
        }
      _ff_demo_format_time (t, time);
      _ff_demo_format_fixed (text, sizeof text, value, sensor->decimals);
      ff_record_set_nth (r, (guint) i_sensor, sensor_id);
      ff_record_set_nth (r, (guint) i_time, time);
      ff_record_set_nth (r, (guint) i_value, text);
      if (!_ff_demo_save (demo, r, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ff_demo_make_sensors (FfDemo  *demo,
                       GError **error)
{
  if (!make_sensor_records (demo, error))
    return FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (sensors); s++)
    if (!make_readings (demo, s, error))
      return FALSE;
  return TRUE;
}
