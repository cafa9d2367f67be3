/* ff-clock.h — what time it is: the real clock, or the one FOODFLOW_NOW fixes for tests and
 * demonstrations ("2026-11-30T09:15:00Z"), so "today" and "this week" mean one thing. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Now, in UTC. FOODFLOW_NOW, when set, must be an ISO 8601 time with a zone; one that is not
 * is reported once (g_warning) and the real clock is used. */
GDateTime *ff_clock_now           (void);
/* Now in the local time zone (the one the computer at the site is set to). */
GDateTime *ff_clock_now_local     (void);
/* @time as stored: UTC, "YYYY-MM-DDTHH:MM:SSZ". */
char      *ff_clock_format_utc    (GDateTime *time);
/* The local date of @time, "YYYY-MM-DD". */
char      *ff_clock_format_date   (GDateTime *time);

G_END_DECLS
