/* ff-trend-chart.c — a record's trend in its detail view, drawn by the report module's chart. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <adwaita.h>

#include "ff-chart.h"
#include "ff-record-series.h"
#include "ff-trend-chart.h"

struct _FfTrendChart
{
  GtkWidget     parent_instance;

  /* owned */
  FfSeries     *series;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (FfTrendChart, ff_trend_chart, GTK_TYPE_WIDGET)

const FfSeries *
ff_trend_chart_get_series (FfTrendChart *self)
{
  g_return_val_if_fail (FF_IS_TREND_CHART (self), NULL);
  return self->series;
}

static void
ff_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  FfTrendChart *self = FF_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  FfChartStyle style = *ff_chart_style_default ();
  GdkRGBA fg;
  cairo_t *cr;

  if (self->series == NULL)
    return;
  /* Text follows the theme (dark style included). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  style.text_rgb[0] = fg.red;
  style.text_rgb[1] = fg.green;
  style.text_rgb[2] = fg.blue;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ff_chart_draw_line (cr, width, height, self->series, &style);
  cairo_destroy (cr);
}

static void
set_series (FfTrendChart *self,
            FfSeries     *series)
{
  g_clear_pointer (&self->series, ff_series_free);
  self->series = series;
  gtk_widget_set_visible (GTK_WIDGET (self), series != NULL);
  if (series != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    series->title, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  FfSession    *session;
  const FfKind *kind;
  char         *id;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->session);
  g_free (data->id);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (FfStore) store = NULL;
  GError *error = NULL;
  FfSeries *series = NULL;

  store = ff_session_open_store (data->session, &error);
  if (store != NULL)
    series = ff_record_series_load (store, data->kind, data->id, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, series, (GDestroyNotify) ff_series_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FfTrendChart *self = FF_TREND_CHART (object);
  g_autoptr (GError) error = NULL;
  FfSeries *series;

  series = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not load a trend: %s", error->message);
      return;
    }
  set_series (self, series);
}

static void
ff_trend_chart_dispose (GObject *object)
{
  FfTrendChart *self = FF_TREND_CHART (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->series, ff_series_free);

  G_OBJECT_CLASS (ff_trend_chart_parent_class)->dispose (object);
}

static void
ff_trend_chart_class_init (FfTrendChartClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ff_trend_chart_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = ff_trend_chart_snapshot;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "trendchart");
}

static void
ff_trend_chart_init (FfTrendChart *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, 140);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

FfTrendChart *
ff_trend_chart_new (FfSession    *session,
                    const FfKind *kind,
                    const char   *id)
{
  FfTrendChart *self = g_object_new (FF_TYPE_TREND_CHART, NULL);
  g_autoptr (GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->session = g_object_ref (session);
  data->kind = kind;
  data->id = g_strdup (id);
  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
  return self;
}

FfTrendChart *
ff_trend_chart_new_for_series (FfSeries *series)
{
  FfTrendChart *self = g_object_new (FF_TYPE_TREND_CHART, NULL);

  set_series (self, series);
  return self;
}
