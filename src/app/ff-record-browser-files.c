/* ff-record-browser-files.c — a record list's CSV import and CSV or xlsx export, chosen in a
 * file dialog and run in a worker on a connection of its own. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-actor.h"
#include "ff-kind-csv.h"
#include "ff-kind-xlsx.h"
#include "ff-number.h"
#include "ff-record-browser-private.h"

/* Import and export ------------------------------------------------------------------------- */

static void
show_toast (FfRecordBrowser *self,
            const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

typedef struct
{
  FfSession    *session;
  const FfKind *kind;
  GFile        *file;
  FfKindCsvImport report;  /* of an import */
  guint64       count;     /* of an export */
  gboolean      xlsx;      /* export a spreadsheet for people instead of CSV */
} CsvJob;

static void
csv_job_free (CsvJob *job)
{
  g_object_unref (job->session);
  g_object_unref (job->file);
  ff_kind_csv_import_clear (&job->report);
  g_free (job);
}

/* Runs an import or export of @file in a worker on a connection of its own. */
static void
run_csv_job (FfRecordBrowser     *self,
             GFile               *file,
             gboolean             xlsx,
             GTaskThreadFunc      thread,
             GAsyncReadyCallback  done)
{
  g_autoptr (GTask) task = NULL;
  CsvJob *job = g_new0 (CsvJob, 1);

  job->session = g_object_ref (self->session);
  job->kind = self->kind;
  job->file = g_object_ref (file);
  job->xlsx = xlsx;
  task = g_task_new (self, self->cancellable, done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) csv_job_free);
  self->n_file_jobs++;
  g_task_run_in_thread (task, thread);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsvJob *job = task_data;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  GError *error = NULL;
  FfActor actor;

  actor = ff_actor_from_session (job->session);
  store = ff_session_open_store (job->session, &error);
  if (store != NULL)
    in = g_file_read (job->file, cancellable, &error);
  if (in == NULL
      || !ff_kind_csv_import (store, &actor, job->kind, G_INPUT_STREAM (in), &job->report,
                              cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfRecordBrowser *self = FF_RECORD_BROWSER (object);
  CsvJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;

  self->n_file_jobs--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      AdwMessageDialog *dialog;
      g_autoptr (GString) body = g_string_new (NULL);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (job->report.n_problems > 0)
        {
          GPtrArray *problems = job->report.problems;
          guint shown = MIN (problems->len, 20);

          for (guint i = 0; i < shown; i++)
            g_string_append_printf (body, "%s\n", (char *) g_ptr_array_index (problems, i));
          if (job->report.n_problems > shown)
            /* Translators: after the problems of a CSV file listed, how many more it has. */
            g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %'u more problem",
                                                       "… and %'u more problems",
                                                       job->report.n_problems - shown),
                                    job->report.n_problems - shown);
        }
      else
        g_string_append (body, error->message);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Nothing Was Imported"),
        body->str));
      gtk_widget_set_name (GTK_WIDGET (dialog), "import-problems");
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  count = ff_count_format (job->report.imported);
  if (job->report.unchanged > 0)
    {
      g_autofree char *unchanged = ff_count_format (job->report.unchanged);
      /* Translators: after an import: new records, and rows that were there already */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %s record, %s unchanged",
                                              "Imported %s records, %s unchanged",
                                              (gulong) MIN (job->report.imported, G_MAXULONG)),
                                 count, unchanged);
    }
  else
    /* Translators: after an import, e.g. "Imported 120 records" */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s record",
                                            "Imported %s records",
                                            (gulong) MIN (job->report.imported, G_MAXULONG)),
                               count);
  show_toast (self, message);
  _ff_record_browser_reload (self);
}

gboolean
ff_record_browser_is_busy (FfRecordBrowser *self)
{
  g_return_val_if_fail (FF_IS_RECORD_BROWSER (self), FALSE);
  return self->n_file_jobs > 0;
}

void
ff_record_browser_import_file (FfRecordBrowser *self,
                               GFile           *file)
{
  g_return_if_fail (FF_IS_RECORD_BROWSER (self));
  run_csv_job (self, file, FALSE, import_thread, import_done_cb);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CsvJob *job = task_data;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  GError *error = NULL;

  store = ff_session_open_store (job->session, &error);
  if (store != NULL && job->xlsx)
    {
      g_autofree char *path = g_file_get_path (job->file);

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("A spreadsheet can be saved only to a local folder"));
      else if (ff_kind_xlsx_export (store, job->kind, path, &job->count, cancellable, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      g_task_return_error (task, error);
      return;
    }
  if (store != NULL)
    out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  if (out == NULL
      || !ff_kind_csv_export (store, job->kind, G_OUTPUT_STREAM (out), &job->count, cancellable,
                              &error))
    {
      /* A cancelled close drops the temporary file: no half export replaces the target. */
      if (out != NULL)
        {
          g_autoptr (GCancellable) abort = g_cancellable_new ();
          g_cancellable_cancel (abort);
          g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
        }
      g_task_return_error (task, error);
      return;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfRecordBrowser *self = FF_RECORD_BROWSER (object);
  CsvJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;

  self->n_file_jobs--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  count = ff_count_format (job->count);
  /* Translators: after an export, e.g. "Exported 12 records" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %s record",
                                          "Exported %s records",
                                          (gulong) MIN (job->count, G_MAXULONG)),
                             count);
  show_toast (self, message);
}

void
ff_record_browser_export_file (FfRecordBrowser *self,
                               GFile           *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (FF_IS_RECORD_BROWSER (self));
  /* The name says the format: a workbook for people, or CSV that imports back whole. */
  name = g_file_get_basename (file);
  run_csv_job (self, file, name != NULL && g_str_has_suffix (name, ".xlsx"), export_thread,
               export_done_cb);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     FfRecordBrowser *self)
{
  gboolean import = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog))
                    == GTK_FILE_CHOOSER_ACTION_OPEN;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (import)
        ff_record_browser_import_file (self, file);
      else
        ff_record_browser_export_file (self, file);
    }
  g_object_unref (dialog);
}

typedef enum {
  CHOOSE_IMPORT,
  CHOOSE_EXPORT_CSV,
  CHOOSE_EXPORT_XLSX,
} ChooserPurpose;

static void
run_chooser (FfRecordBrowser *self,
             ChooserPurpose   purpose)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkFileChooserAction action = purpose == CHOOSE_IMPORT ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                         : GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *title = purpose == CHOOSE_IMPORT ? _("Import Records") : _("Export Records");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action,
                                         purpose == CHOOSE_IMPORT ? _("_Import") : _("_Export"),
                                         NULL);
  if (purpose == CHOOSE_EXPORT_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument."
                                     "spreadsheetml.sheet");
      gtk_file_filter_add_pattern (filter, "*.xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (purpose != CHOOSE_IMPORT)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", self->kind->name,
                                               purpose == CHOOSE_EXPORT_XLSX ? "xlsx" : "csv");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ff_record_browser_import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  run_chooser (FF_RECORD_BROWSER (widget), CHOOSE_IMPORT);
}

void
_ff_record_browser_export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  run_chooser (FF_RECORD_BROWSER (widget), CHOOSE_EXPORT_CSV);
}

void
_ff_record_browser_export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  run_chooser (FF_RECORD_BROWSER (widget), CHOOSE_EXPORT_XLSX);
}
