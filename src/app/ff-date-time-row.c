/* ff-date-time-row.c — a form row for a date or a time: typed, or picked from a calendar. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ff-clock.h"
#include "ff-date-time-row.h"
#include "ff-error.h"

struct _FfDateTimeRow
{
  AdwEntryRow    parent_instance;

  gboolean       with_time;
  GTimeZone     *zone;
  GtkLabel      *zone_label;   /* the zone's abbreviation beside the text ("CET") */
  GtkMenuButton *button;
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  gboolean       syncing;      /* the popover is being set from the text */
};

G_DEFINE_FINAL_TYPE (FfDateTimeRow, ff_date_time_row, ADW_TYPE_ENTRY_ROW)

static void
show_time (FfDateTimeRow *self,
           GDateTime     *time)
{
  g_autoptr (GDateTime) in_zone = g_date_time_to_timezone (time, self->zone);
  g_autofree char *text = g_date_time_format (in_zone, self->with_time ? "%Y-%m-%d %H:%M"
                                                                        : "%Y-%m-%d");
  g_autofree char *abbreviation = g_date_time_format (in_zone, "%Z");

  gtk_editable_set_text (GTK_EDITABLE (self), text);
  if (self->zone_label != NULL)
    gtk_label_set_label (self->zone_label, abbreviation);
}

/* The time the text names, in the row's zone; NULL with an error when it names none. */
static GDateTime *
parse_text (FfDateTimeRow  *self,
            const char     *text,
            GError        **error)
{
  int y = 0, m = 0, d = 0, h = 0, mi = 0, n = 0;
  double s = 0;
  GDateTime *time = NULL;

  if (sscanf (text, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3)
    {
      const char *rest = text + n;
      int used = 0;

      if (*rest == '\0')
        time = g_date_time_new (self->zone, y, m, d, 0, 0, 0);
      else if (self->with_time
               && (sscanf (rest, " %2d:%2d%n", &h, &mi, &used) == 2
                   || sscanf (rest, "T%2d:%2d%n", &h, &mi, &used) == 2))
        {
          int more = 0;
          rest += used;
          if (*rest == ':' && sscanf (rest, ":%lf%n", &s, &more) == 1)
            rest += more;
          if (*rest == '\0')
            time = g_date_time_new (self->zone, y, m, d, h, mi, s);
          else
            /* A time with its own zone ("…T10:30:00Z", "…+01:00"). */
            time = g_date_time_new_from_iso8601 (text, self->zone);
        }
    }
  if (time == NULL)
    {
      if (self->with_time)
        /* Translators: a time field's problem; keep the example's format */
        g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                     _("“%s” is not a date and time like 2026-03-31 14:30"), text);
      else
        g_set_error (error, FF_ERROR, FF_ERROR_INVALID,
                     _("“%s” is not a date like 2026-03-31"), text);
    }
  return time;
}

void
ff_date_time_row_set_value (FfDateTimeRow *self,
                            const char    *value)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) time = NULL;

  g_return_if_fail (FF_IS_DATE_TIME_ROW (self));

  if (value == NULL || *value == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self), "");
      return;
    }
  if (!self->with_time)
    {
      /* A date is a day, in no zone. */
      gtk_editable_set_text (GTK_EDITABLE (self), value);
      return;
    }
  time = g_date_time_new_from_iso8601 (value, utc);
  if (time != NULL)
    show_time (self, time);
  else
    gtk_editable_set_text (GTK_EDITABLE (self), value);
}

void
ff_date_time_row_set_now (FfDateTimeRow *self)
{
  g_autoptr (GDateTime) now = ff_clock_now ();

  g_return_if_fail (FF_IS_DATE_TIME_ROW (self));
  show_time (self, now);
}

char *
ff_date_time_row_get_value (FfDateTimeRow  *self,
                            GError        **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (FF_IS_DATE_TIME_ROW (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (*text == '\0')
    return NULL;
  time = parse_text (self, text, error);
  if (time == NULL)
    return NULL;
  if (!self->with_time)
    return g_date_time_format (time, "%Y-%m-%d");
  utc = g_date_time_to_utc (time);
  return ff_clock_format_utc (utc);
}

/* The popover ------------------------------------------------------------------------------- */

static void
picked_cb (FfDateTimeRow *self)
{
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GDateTime) time = NULL;

  if (self->syncing)
    return;
  day = gtk_calendar_get_date (self->calendar);
  time = g_date_time_new (self->zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          self->with_time ? gtk_spin_button_get_value_as_int (self->hour) : 0,
                          self->with_time ? gtk_spin_button_get_value_as_int (self->minute) : 0,
                          0);
  if (time != NULL)
    show_time (self, time);
}

/* Opens the calendar on the day the text names, or today. */
static void
popover_show_cb (FfDateTimeRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_autoptr (GDateTime) time = *text ? parse_text (self, text, NULL) : NULL;
  g_autoptr (GDateTime) now = ff_clock_now ();
  g_autoptr (GDateTime) shown = g_date_time_to_timezone (time ? time : now, self->zone);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  if (self->with_time)
    {
      gtk_spin_button_set_value (self->hour, g_date_time_get_hour (shown));
      gtk_spin_button_set_value (self->minute, g_date_time_get_minute (shown));
    }
  self->syncing = FALSE;
}

static void
now_clicked_cb (GtkButton     *button,
                FfDateTimeRow *self)
{
  ff_date_time_row_set_now (self);
  gtk_menu_button_popdown (self->button);
}

static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
spin_new (int         max,
          const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  return GTK_SPIN_BUTTON (spin);
}

static void
build_popover (FfDateTimeRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *now = gtk_button_new_with_mnemonic (self->with_time ? _("_Now") : _("_Today"));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_widget_set_name (GTK_WIDGET (self->calendar), "calendar");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (picked_cb), self);

  if (self->with_time)
    {
      GtkWidget *clock = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *colon = gtk_label_new (":");
      GtkWidget *zone = gtk_label_new (g_time_zone_get_identifier (self->zone));

      self->hour = spin_new (23, _("Hour"));
      self->minute = spin_new (59, _("Minute"));
      gtk_widget_set_halign (clock, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (zone, "dim-label");
      gtk_box_append (GTK_BOX (clock), GTK_WIDGET (self->hour));
      gtk_box_append (GTK_BOX (clock), colon);
      gtk_box_append (GTK_BOX (clock), GTK_WIDGET (self->minute));
      gtk_box_append (GTK_BOX (clock), zone);
      gtk_box_append (GTK_BOX (box), clock);
      g_signal_connect_swapped (self->hour, "value-changed", G_CALLBACK (picked_cb), self);
      g_signal_connect_swapped (self->minute, "value-changed", G_CALLBACK (picked_cb), self);
    }
  gtk_widget_set_name (now, "now");
  g_signal_connect (now, "clicked", G_CALLBACK (now_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), now);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (self->button, popover);
}

/* Life cycle -------------------------------------------------------------------------------- */

static void
ff_date_time_row_finalize (GObject *object)
{
  FfDateTimeRow *self = FF_DATE_TIME_ROW (object);

  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (ff_date_time_row_parent_class)->finalize (object);
}

static void
ff_date_time_row_class_init (FfDateTimeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ff_date_time_row_finalize;
}

static void
ff_date_time_row_init (FfDateTimeRow *self)
{
}

GtkWidget *
ff_date_time_row_new (gboolean   with_time,
                      GTimeZone *zone)
{
  FfDateTimeRow *self = g_object_new (FF_TYPE_DATE_TIME_ROW, NULL);

  self->with_time = with_time;
  self->zone = zone ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  if (with_time)
    {
      g_autoptr (GDateTime) now = ff_clock_now ();
      g_autoptr (GDateTime) in_zone = g_date_time_to_timezone (now, self->zone);
      g_autofree char *abbreviation = g_date_time_format (in_zone, "%Z");

      self->zone_label = GTK_LABEL (gtk_label_new (abbreviation));
      gtk_widget_add_css_class (GTK_WIDGET (self->zone_label), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->zone_label),
                                   g_time_zone_get_identifier (self->zone));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->zone_label));
    }
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               with_time ? _("Pick a date and time") : _("Pick a date"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->button));
  build_popover (self);
  return GTK_WIDGET (self);
}
