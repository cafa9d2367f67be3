/* ff-date-time-row.h — a form row for a date or a time: typed, or picked from a calendar, with
 * "now" a click away; times are shown and typed in the site's zone and kept in UTC. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FF_TYPE_DATE_TIME_ROW (ff_date_time_row_get_type ())
G_DECLARE_FINAL_TYPE (FfDateTimeRow, ff_date_time_row, FF, DATE_TIME_ROW, AdwEntryRow)

/* @with_time FALSE: a date ("2026-12-02"); TRUE: a time of day in @zone ("2026-12-02 10:30"). */
GtkWidget *ff_date_time_row_new       (gboolean       with_time,
                                       GTimeZone     *zone);
/* Shows a stored value: a date, or a UTC ISO-8601 time. NULL empties the row. */
void       ff_date_time_row_set_value (FfDateTimeRow *self,
                                       const char    *value);
/* Today, or now to the minute (FOODFLOW_NOW when set). */
void       ff_date_time_row_set_now   (FfDateTimeRow *self);
/* What the row holds as it is stored (a date, or UTC "2026-12-02T09:30:00Z"); NULL and no
 * error for an empty row; an error saying what is wrong when the text is not a date or time. */
char      *ff_date_time_row_get_value (FfDateTimeRow *self,
                                       GError       **error);

G_END_DECLS
