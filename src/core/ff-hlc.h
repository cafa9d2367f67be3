/* ff-hlc.h — the 64-bit hybrid logical clock of DESIGN.md section 4. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A timestamp packs 48 bits of Unix milliseconds and a 16-bit logical counter:
 * (ms << 16) | counter. Comparing two timestamps as integers orders them. */
typedef guint64 FfHlcTimestamp;

#define FF_HLC_MAX_DRIFT_MS (5 * 60 * 1000)

/* Source of physical time in Unix milliseconds; tests substitute their own. */
typedef gint64 (*FfHlcClockFunc) (gpointer user_data);

typedef struct _FfHlc FfHlc;

FfHlc         *ff_hlc_new              (FfHlcTimestamp last);
void           ff_hlc_free             (FfHlc *hlc);
void           ff_hlc_set_clock_func   (FfHlc *hlc, FfHlcClockFunc func, gpointer user_data);
/* Added to the physical clock: the offset measured against the server's time. */
void           ff_hlc_set_offset_ms    (FfHlc *hlc, gint64 offset_ms);
gint64         ff_hlc_get_offset_ms    (FfHlc *hlc);
/* A timestamp for a local event: strictly greater than every timestamp this clock has issued or
 * received. Thread-safe. When the counter would overflow, the millisecond part advances. */
FfHlcTimestamp ff_hlc_now              (FfHlc *hlc);
/* Merge a timestamp received from elsewhere and return a new local timestamp greater than both
 * it and everything issued before. */
FfHlcTimestamp ff_hlc_update           (FfHlc *hlc, FfHlcTimestamp remote);
/* The greatest timestamp issued or received; what has to be persisted. */
FfHlcTimestamp ff_hlc_get_last         (FfHlc *hlc);

static inline FfHlcTimestamp
ff_hlc_pack (gint64 ms, guint16 counter)
{
  return ((FfHlcTimestamp) ms << 16) | counter;
}

static inline gint64
ff_hlc_get_ms (FfHlcTimestamp ts)
{
  return (gint64) (ts >> 16);
}

static inline guint16
ff_hlc_get_counter (FfHlcTimestamp ts)
{
  return (guint16) (ts & 0xffff);
}

/* 16 lower-case hex digits: sorts as text in the same order as the number. */
char          *ff_hlc_to_string        (FfHlcTimestamp ts);
gboolean       ff_hlc_parse            (const char *str, FfHlcTimestamp *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FfHlc, ff_hlc_free)

G_END_DECLS
