/* ff-hlc.c — the hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-core"

#include "ff-hlc.h"

#define HLC_MAX_MS G_GINT64_CONSTANT (0xffffffffffff)

struct _FfHlc
{
  GMutex mutex;

  FfHlcTimestamp last;
  gint64 offset_ms;
  FfHlcClockFunc clock_func;
  gpointer clock_data;
};

static gint64
default_clock (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

FfHlc *
ff_hlc_new (FfHlcTimestamp last)
{
  FfHlc *hlc = g_new0 (FfHlc, 1);

  g_mutex_init (&hlc->mutex);
  hlc->last = last;
  hlc->clock_func = default_clock;

  return hlc;
}

void
ff_hlc_free (FfHlc *hlc)
{
  if (hlc == NULL)
    return;

  g_mutex_clear (&hlc->mutex);
  g_free (hlc);
}

void
ff_hlc_set_clock_func (FfHlc          *hlc,
                       FfHlcClockFunc  func,
                       gpointer        user_data)
{
  g_return_if_fail (hlc != NULL);

  g_mutex_lock (&hlc->mutex);
  hlc->clock_func = func != NULL ? func : default_clock;
  hlc->clock_data = func != NULL ? user_data : NULL;
  g_mutex_unlock (&hlc->mutex);
}

void
ff_hlc_set_offset_ms (FfHlc  *hlc,
                      gint64  offset_ms)
{
  g_return_if_fail (hlc != NULL);

  g_mutex_lock (&hlc->mutex);
  hlc->offset_ms = offset_ms;
  g_mutex_unlock (&hlc->mutex);
}

gint64
ff_hlc_get_offset_ms (FfHlc *hlc)
{
  gint64 offset_ms;

  g_return_val_if_fail (hlc != NULL, 0);

  g_mutex_lock (&hlc->mutex);
  offset_ms = hlc->offset_ms;
  g_mutex_unlock (&hlc->mutex);

  return offset_ms;
}

/* Physical time corrected by the server offset, kept inside the 48 bits a timestamp holds.
 * Called with the mutex held. */
static gint64
physical_ms_locked (FfHlc *hlc)
{
  gint64 pt = hlc->clock_func (hlc->clock_data);

  /* Saturate instead of overflowing on absurd clocks or offsets. */
  if (hlc->offset_ms > 0 && pt > G_MAXINT64 - hlc->offset_ms)
    pt = G_MAXINT64;
  else if (hlc->offset_ms < 0 && pt < G_MININT64 - hlc->offset_ms)
    pt = G_MININT64;
  else
    pt += hlc->offset_ms;

  return CLAMP (pt, 0, HLC_MAX_MS);
}

/* Advance past @base: to the physical time @pt if it is ahead of @base's millisecond, otherwise one
 * tick later. A counter at 0xffff carries into the millisecond by plain integer addition.
 * Called with the mutex held. */
static FfHlcTimestamp
advance_locked (FfHlc          *hlc,
                FfHlcTimestamp  base,
                gint64          pt)
{
  if (pt > ff_hlc_get_ms (base))
    hlc->last = ff_hlc_pack (pt, 0);
  else if (base < G_MAXUINT64)
    hlc->last = base + 1;
  else
    g_error ("The hybrid logical clock has reached its maximum value");

  return hlc->last;
}

FfHlcTimestamp
ff_hlc_now (FfHlc *hlc)
{
  FfHlcTimestamp ts;

  g_return_val_if_fail (hlc != NULL, 0);

  g_mutex_lock (&hlc->mutex);
  ts = advance_locked (hlc, hlc->last, physical_ms_locked (hlc));
  g_mutex_unlock (&hlc->mutex);

  return ts;
}

FfHlcTimestamp
ff_hlc_update (FfHlc          *hlc,
               FfHlcTimestamp  remote)
{
  FfHlcTimestamp ts;
  gint64 pt;

  g_return_val_if_fail (hlc != NULL, 0);

  /* The paper's receive rule: l' = max(l, m, pt); the counter restarts at 0 when pt wins and is
   * otherwise max of the counters at l' plus one. Taking the larger packed timestamp and
   * advancing it is the same rule, and carries on counter overflow. */
  g_mutex_lock (&hlc->mutex);
  pt = physical_ms_locked (hlc);
  /* Not refused here: the server enforces the bound, and a clock must still move past what it
   * has seen. */
  if (ff_hlc_get_ms (remote) > pt + FF_HLC_MAX_DRIFT_MS)
    g_debug ("Remote clock is %" G_GINT64_FORMAT " ms ahead of ours",
             ff_hlc_get_ms (remote) - pt);
  ts = advance_locked (hlc, MAX (hlc->last, remote), pt);
  g_mutex_unlock (&hlc->mutex);

  return ts;
}

FfHlcTimestamp
ff_hlc_get_last (FfHlc *hlc)
{
  FfHlcTimestamp last;

  g_return_val_if_fail (hlc != NULL, 0);

  g_mutex_lock (&hlc->mutex);
  last = hlc->last;
  g_mutex_unlock (&hlc->mutex);

  return last;
}

char *
ff_hlc_to_string (FfHlcTimestamp ts)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", ts);
}

/* Accepts exactly what ff_hlc_to_string() writes — 16 lower-case hex digits — so that stored
 * strings keep sorting like the numbers they stand for. */
gboolean
ff_hlc_parse (const char     *str,
              FfHlcTimestamp *out)
{
  FfHlcTimestamp ts = 0;
  guint i;

  if (str == NULL)
    return FALSE;

  for (i = 0; i < 16; i++)
    {
      char c = str[i];

      if (c >= '0' && c <= '9')
        ts = (ts << 4) | (guint) (c - '0');
      else if (c >= 'a' && c <= 'f')
        ts = (ts << 4) | (guint) (c - 'a' + 10);
      else
        return FALSE;
    }
  if (str[i] != '\0')
    return FALSE;

  if (out != NULL)
    *out = ts;

  return TRUE;
}
