/* ff-lot-trace-view-actions.c — what a lot's Trace page does: a mock recall of the lot,
 * holding the lots it reached (one reason, one transaction), and its FSMA 204 and EPCIS
 * exports, each in a worker with a connection of its own. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-epcis.h"
#include "ff-fsma204.h"
#include "ff-lot-trace-view-private.h"
#include "ff-mock-recall-dialog.h"
#include "ff-trace-hold.h"

/* Mock recall ------------------------------------------------------------------------------------ */

static const FfTraceLot *
first_of_type (const FfTrace *trace,
               const char    *lot_type)
{
  for (guint i = 1; i < trace->lots->len; i++)
    {
      const FfTraceLot *lot = trace->lots->pdata[i];
      if (g_strcmp0 (lot->lot_type, lot_type) == 0)
        return lot;
    }
  return NULL;
}

static void
lots_held_cb (FfLotTraceView *self)
{
  g_assert (FF_IS_LOT_TRACE_VIEW (self));
  ff_lot_trace_view_reload (self);
}

/* An ingredient lot is traced forward, and the first finished lot it reached backward; a
 * finished or work-in-progress lot backward, and the first ingredient lot it was made from
 * forward. */
void
_ff_lot_trace_view_mock_recall_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (widget);
  const FfTraceLot *start, *forward = NULL, *backward = NULL;
  g_autofree char *plan = NULL;
  FfMockRecallDialog *dialog;

  g_return_if_fail (self->result != NULL);
  start = self->result->traces[FF_TRACE_FORWARD]->lots->pdata[0];
  if (g_strcmp0 (start->lot_type, "ingredient") == 0)
    {
      forward = start;
      backward = first_of_type (self->result->traces[FF_TRACE_FORWARD], "finished");
      if (backward != NULL)
        /* Translators: what a mock recall will do; the lot codes */
        plan = g_strdup_printf (_("Traces this lot, %s, forward to every lot and customer it "
                                  "reached, and %s, the first finished lot made from it, "
                                  "backward to everything that went into it."),
                                forward->code, backward->code);
      else
        /* Translators: what a mock recall will do; the lot code */
        plan = g_strdup_printf (_("Traces this lot, %s, forward to every lot and customer it "
                                  "reached. No finished lot was made from it, so none is "
                                  "traced backward."), forward->code);
    }
  else
    {
      backward = start;
      forward = first_of_type (self->result->traces[FF_TRACE_BACKWARD], "ingredient");
      if (forward != NULL)
        /* Translators: what a mock recall will do; the lot codes */
        plan = g_strdup_printf (_("Traces this lot, %s, backward to everything that went into "
                                  "it, and %s, the first ingredient lot it was made from, "
                                  "forward to every lot and customer it reached."),
                                backward->code, forward->code);
      else
        /* Translators: what a mock recall will do; the lot code */
        plan = g_strdup_printf (_("Traces this lot, %s, backward to everything that went into "
                                  "it. It was made from no ingredient lot, so none is traced "
                                  "forward."), backward->code);
    }
  dialog = ff_mock_recall_dialog_new (_ff_lot_trace_view_get_window (self), self->session,
                                      forward ? forward->id : NULL,
                                      backward ? backward->id : NULL, plan);
  g_signal_connect_object (dialog, "lots-held", G_CALLBACK (lots_held_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Holding the reached lots ------------------------------------------------------------------------ */

static void
hold_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (object);
  g_autoptr (GError) error = NULL;
  int n = ff_trace_hold_lots_finish (result, &error);
  g_autofree char *message = NULL;

  /* Cancelled: the view is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->n_jobs--;
  _ff_lot_trace_view_update_actions (self);
  if (n < 0)
    {
      _ff_lot_trace_view_toast (self, error->message);
      return;
    }
  /* Translators: after holding the lots a trace reached */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Put %d lot on hold",
                                          "Put %d lots on hold", n), n);
  _ff_lot_trace_view_toast (self, message);
  ff_lot_trace_view_reload (self);
  /* The lot's detail in the main window shows its new status. */
  _ff_lot_trace_view_open_record (self, "lots", ff_record_get_id (self->lot));
}

static void
hold_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FfLotTraceView   *self)
{
  GStrv codes = g_object_get_data (G_OBJECT (dialog), "ff-codes");

  if (!g_str_equal (response, "hold"))
    return;
  self->n_jobs++;
  _ff_lot_trace_view_update_actions (self);
  ff_trace_hold_lots_async (G_OBJECT (self), self->session, (const char * const *) codes,
                            ff_trace_hold_dialog_get_reason (dialog), self->cancellable,
                            hold_done_cb, NULL);
}

/* The reached lots still in the plant: not shipped, rejected or already on hold. */
static GStrv
lots_to_hold (const FfTrace *trace)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < trace->lots->len; i++)
    {
      const FfTraceLot *lot = trace->lots->pdata[i];

      if (g_strcmp0 (lot->status, "shipped") != 0 && g_strcmp0 (lot->status, "rejected") != 0
          && g_strcmp0 (lot->status, "hold") != 0)
        g_strv_builder_add (builder, lot->code);
    }
  return g_strv_builder_end (builder);
}

void
_ff_lot_trace_view_hold_reached_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (widget);
  g_auto (GStrv) codes = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (self->result != NULL);
  codes = lots_to_hold (self->result->traces[_ff_lot_trace_view_shown_direction (self)]);
  if (codes[0] == NULL)
    {
      _ff_lot_trace_view_toast (self, _("No lot this trace reached needs a hold: each is shipped, rejected or "
                     "already on hold"));
      return;
    }
  dialog = ff_trace_hold_dialog_new (_ff_lot_trace_view_get_window (self), (const char * const *) codes);
  g_object_set_data_full (G_OBJECT (dialog), "ff-codes", g_steal_pointer (&codes),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (hold_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exports ---------------------------------------------------------------------------------------- */

typedef enum {
  EXPORT_FSMA204,
  EXPORT_EPCIS,
} ExportKind;

typedef struct
{
  ExportKind  kind;
  FfSession  *session;
  GFile      *file;
  char       *lot_id;
  char       *lot_code;
  char       *tenant_id;
  guint       n_events;
  guint       n_gaps;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->session);
  g_clear_object (&job->file);
  g_free (job->lot_id);
  g_free (job->lot_code);
  g_free (job->tenant_id);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (FfStore) store = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("The export can be saved only to a local folder"));
      return;
    }
  store = ff_session_open_store (job->session, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->kind == EXPORT_FSMA204)
    {
      FfFsmaFilter filter = { .lot_id = job->lot_id };
      g_autoptr (FfFsma204) export = ff_fsma204_collect (store, &filter, cancellable, &error);

      if (export == NULL || !ff_fsma204_write_xlsx (export, path, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      job->n_events = export->rows->len;
      job->n_gaps = export->gaps->len;
    }
  else
    {
      FfEpcisOptions options = { .tenant_id = job->tenant_id, .lot_code = job->lot_code };
      g_autoptr (FfEpcisSummary) summary = ff_epcis_export_to_file (store, &options, path,
                                                                     cancellable, &error);
      if (summary == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->n_events = summary->n_events;
      job->n_gaps = summary->gaps->len;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfLotTraceView *self = FF_LOT_TRACE_VIEW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the view is gone */
  self->n_jobs--;
  _ff_lot_trace_view_update_actions (self);
  if (error != NULL)
    {
      _ff_lot_trace_view_toast (self, error->message);
      return;
    }
  name = g_file_get_basename (job->file);
  if (job->kind == EXPORT_FSMA204)
    /* Translators: after an FSMA 204 export: rows of the spreadsheet and the file name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u event row to %s",
                                            "Saved %u event rows to %s", job->n_events),
                               job->n_events, name);
  else
    /* Translators: after an EPCIS export: events and the file name */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u EPCIS event to %s",
                                            "Saved %u EPCIS events to %s", job->n_events),
                               job->n_events, name);
  if (job->n_gaps > 0)
    {
      g_autofree char *gaps = NULL;

      /* Translators: appended to the export message: key data the records lack */
      gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u gap in the records",
                                           "%s; %u gaps in the records", job->n_gaps),
                              message, job->n_gaps);
      g_free (message);
      message = g_steal_pointer (&gaps);
    }
  _ff_lot_trace_view_toast (self, message);
}

static void
run_export (FfLotTraceView *self,
            ExportKind      kind,
            GFile          *file)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  const FfTenantInfo *tenant = ff_session_get_tenant (self->session);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->kind = kind;
  job->session = g_object_ref (self->session);
  job->file = g_object_ref (file);
  job->lot_id = g_strdup (ff_record_get_id (self->lot));
  job->lot_code = g_strdup (ff_record_get_code (self->lot));
  job->tenant_id = g_strdup (tenant ? tenant->id : NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  self->n_jobs++;
  _ff_lot_trace_view_update_actions (self);
  g_task_run_in_thread (task, export_thread);
}

void
ff_lot_trace_view_export_fsma204 (FfLotTraceView *self,
                                  GFile          *file)
{
  g_return_if_fail (FF_IS_LOT_TRACE_VIEW (self) && G_IS_FILE (file));
  run_export (self, EXPORT_FSMA204, file);
}

void
ff_lot_trace_view_export_epcis (FfLotTraceView *self,
                                GFile          *file)
{
  g_return_if_fail (FF_IS_LOT_TRACE_VIEW (self) && G_IS_FILE (file));
  run_export (self, EXPORT_EPCIS, file);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     FfLotTraceView  *self)
{
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ff-export"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      run_export (self, kind, file);
    }
  g_object_unref (dialog);
}

static void
choose_file (FfLotTraceView *self,
             ExportKind      kind)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *code = ff_record_get_code (self->lot);

  chooser = gtk_file_chooser_native_new (kind == EXPORT_FSMA204
                                           ? _("Export FSMA 204 Spreadsheet")
                                           : _("Export EPCIS Document"),
                                         _ff_lot_trace_view_get_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  if (kind == EXPORT_FSMA204)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument."
                                     "spreadsheetml.sheet");
      gtk_file_filter_add_pattern (filter, "*.xlsx");
      name = g_strdup_printf ("FSMA-204-%s.xlsx", code);
    }
  else
    {
      gtk_file_filter_set_name (filter, _("EPCIS documents (JSON-LD)"));
      gtk_file_filter_add_mime_type (filter, "application/ld+json");
      gtk_file_filter_add_pattern (filter, "*.jsonld");
      gtk_file_filter_add_pattern (filter, "*.json");
      name = g_strdup_printf ("EPCIS-%s.jsonld", code);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "ff-export", GINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ff_lot_trace_view_export_fsma204_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  choose_file (FF_LOT_TRACE_VIEW (widget), EXPORT_FSMA204);
}

void
_ff_lot_trace_view_export_epcis_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  choose_file (FF_LOT_TRACE_VIEW (widget), EXPORT_EPCIS);
}

void
_ff_lot_trace_view_reload_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  ff_lot_trace_view_reload (FF_LOT_TRACE_VIEW (widget));
}
