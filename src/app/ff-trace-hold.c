/* ff-trace-hold.c — the lots a trace or a mock recall reached, put on hold with one reason in
 * one transaction, in a worker with a connection of its own. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-actor.h"
#include "ff-kind-catalog.h"
#include "ff-lot-release.h"
#include "ff-record-repository.h"
#include "ff-trace-hold.h"

/* The dialog ----------------------------------------------------------------------------------- */

#define MAX_NAMED 12

static void
reason_changed_cb (AdwMessageDialog *dialog,
                   GtkEditable      *row)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_set_response_enabled (dialog, "hold", *reason != '\0');
}

AdwMessageDialog *
ff_trace_hold_dialog_new (GtkWindow          *parent,
                          const char * const *codes)
{
  guint n = codes ? g_strv_length ((char **) codes) : 0;
  g_autofree char *heading = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *list, *row;

  g_return_val_if_fail (n > 0, NULL);

  /* Translators: the heading of a dialog; %u is how many lots */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Put %u Lot on Hold?",
                                          "Put %u Lots on Hold?", n), n);
  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "This lot is not used or shipped until QA releases it:",
                                      "These lots are not used or shipped until QA releases "
                                      "them:", n));
  for (guint i = 0; i < n && i < MAX_NAMED; i++)
    g_string_append_printf (body, "\n• %s", codes[i]);
  if (n > MAX_NAMED)
    {
      g_string_append (body, "\n");
      /* Translators: after a list of lot codes cut short */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                 "and %u more", n - MAX_NAMED),
                              n - MAX_NAMED);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Say why: the reason is kept with each lot, with your name and the "
                           "time. All are held, or none."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body->str));
  gtk_widget_set_name (GTK_WIDGET (dialog), "hold-reached-dialog");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reason"));
  gtk_widget_set_name (row, "reason");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), "ff-reason", row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (reason_changed_cb), dialog);
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "hold", _("_Put on Hold"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "hold", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "hold");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "hold", FALSE);
  return dialog;
}

const char *
ff_trace_hold_dialog_get_reason (AdwMessageDialog *dialog)
{
  GtkWidget *row;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  row = g_object_get_data (G_OBJECT (dialog), "ff-reason");
  return row ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

/* The work ------------------------------------------------------------------------------------- */

typedef struct
{
  FfSession *session;
  GStrv      codes;
  char      *reason;
} HoldJob;

static void
hold_job_free (HoldJob *job)
{
  g_clear_object (&job->session);
  g_strfreev (job->codes);
  g_free (job->reason);
  g_free (job);
}

static gboolean
needs_hold (FfRecord *lot)
{
  const char *status = ff_record_get (lot, "status");

  return g_strcmp0 (status, "shipped") != 0 && g_strcmp0 (status, "rejected") != 0
         && g_strcmp0 (status, "hold") != 0;
}

static void
hold_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HoldJob *job = task_data;
  g_autoptr (FfStore) store = NULL;
  g_autoptr (FfRecordRepository) lots = NULL;
  FfActor actor = ff_actor_from_session (job->session);
  GError *error = NULL;
  int n_held = 0;

  store = ff_session_open_store (job->session, &error);
  if (store == NULL || !ff_store_begin (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  lots = ff_record_repository_new (store, ff_kind_lookup ("lots"));
  for (guint i = 0; job->codes[i] != NULL; i++)
    {
      g_autoptr (FfRecord) lot = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        goto fail;
      lot = ff_record_repository_find_by_code (lots, job->codes[i], &error);
      if (lot == NULL)
        goto fail;
      /* Its state may have changed since the trace was read. */
      if (!needs_hold (lot))
        continue;
      if (!ff_lot_hold (store, &actor, ff_record_get_id (lot), "hold", job->reason, &error))
        goto fail;
      n_held++;
    }
  if (!ff_store_commit (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, n_held);
  return;

fail:
  ff_store_rollback (store);
  g_task_return_error (task, error);
}

void
ff_trace_hold_lots_async (GObject             *source,
                          FfSession           *session,
                          const char * const  *codes,
                          const char          *reason,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  HoldJob *job;

  g_return_if_fail (FF_IS_SESSION (session) && codes != NULL);

  task = g_task_new (source, cancellable, callback, user_data);
  g_task_set_source_tag (task, ff_trace_hold_lots_async);
  job = g_new0 (HoldJob, 1);
  job->session = g_object_ref (session);
  job->codes = g_strdupv ((char **) codes);
  job->reason = g_strstrip (g_strdup (reason ? reason : ""));
  g_task_set_task_data (task, job, (GDestroyNotify) hold_job_free);
  g_task_run_in_thread (task, hold_thread);
}

int
ff_trace_hold_lots_finish (GAsyncResult  *result,
                           GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ff_trace_hold_lots_async, -1);
  n = g_task_propagate_int (G_TASK (result), error);
  return n < 0 ? -1 : (int) n;
}
