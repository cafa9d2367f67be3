/* ff-clock.c — the clock, fixed by FOODFLOW_NOW when set. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-clock"

#include "config.h"

#include "ff-clock.h"

GDateTime *
ff_clock_now (void)
{
  const char *fixed = g_getenv ("FOODFLOW_NOW");

  if (fixed != NULL && *fixed != '\0')
    {
      g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
      /* No default zone: a time without one would mean something else on each machine. */
      GDateTime *parsed = g_date_time_new_from_iso8601 (fixed, NULL);

      if (parsed != NULL)
        {
          GDateTime *now = g_date_time_to_timezone (parsed, utc);
          g_date_time_unref (parsed);
          return now;
        }
      {
        static gsize warned = 0;
        if (g_once_init_enter (&warned))
          {
            g_warning ("FOODFLOW_NOW=%s is not an ISO 8601 time with a zone such as "
                       "2026-11-30T09:15:00Z; using the real clock", fixed);
            g_once_init_leave (&warned, 1);
          }
      }
    }
  return g_date_time_new_now_utc ();
}

GDateTime *
ff_clock_now_local (void)
{
  g_autoptr (GDateTime) now = ff_clock_now ();

  return g_date_time_to_local (now);
}

char *
ff_clock_format_utc (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
ff_clock_format_date (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);
  return g_date_time_format (time, "%Y-%m-%d");
}
