/* ff-lot-panel.c — in a lot's detail: why it is held, and putting it on hold or releasing it;
 * a release over an open critical deviation takes a QA user's e-signature. The work runs in a
 * worker with a connection of its own (the release derives a key from the password). */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ff-application.h"
#include "ff-error.h"
#include "ff-kind-catalog.h"
#include "ff-lot-panel.h"
#include "ff-lot-release.h"
#include "ff-window.h"

struct _FfLotPanel
{
  GtkBox        parent_instance;

  /* owned */
  FfSession    *session;
  FfRecord     *lot;
  GCancellable *cancellable;

  /* borrowed */
  GtkWidget    *hold_card;
  GtkLabel     *hold_heading;
  GtkLabel     *hold_who;
  GtkLabel     *hold_reason;
  GtkBox       *hold_causes;
  GtkButton    *hold_button;
  GtkButton    *release_button;
};

G_DEFINE_FINAL_TYPE (FfLotPanel, ff_lot_panel, GTK_TYPE_BOX)

static gboolean
is_held (FfRecord *lot)
{
  const char *status = ff_record_get (lot, "status");
  return g_strcmp0 (status, "hold") == 0 || g_strcmp0 (status, "quarantine") == 0;
}

/* Work in a worker ------------------------------------------------------------------------- */

typedef enum {
  JOB_EXPLAIN,
  JOB_BLOCKERS,
  JOB_HOLD,
  JOB_RELEASE,
} JobKind;

typedef struct
{
  JobKind    kind;
  FfVault   *vault;
  FfSession *session;
  char      *lot_id;
  char      *reason;
  char      *signer;
  char      *password;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->vault);
  g_clear_object (&job->session);
  g_free (job->lot_id);
  g_free (job->reason);
  g_free (job->signer);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (FfStore) store = NULL;
  GError *error = NULL;
  FfActor actor;

  store = ff_session_open_store (job->session, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  switch (job->kind)
    {
    case JOB_EXPLAIN:
      {
        FfLotHold *hold = ff_lot_hold_explain (store, job->lot_id, &error);
        if (hold == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, hold, (GDestroyNotify) ff_lot_hold_free);
      }
      break;
    case JOB_BLOCKERS:
      {
        GPtrArray *blockers = ff_lot_release_blockers (store, job->lot_id, &error);
        if (blockers == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, blockers, (GDestroyNotify) g_ptr_array_unref);
      }
      break;
    case JOB_HOLD:
      actor = ff_actor_from_session (job->session);
      if (ff_lot_hold (store, &actor, job->lot_id, "hold", job->reason, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case JOB_RELEASE:
      if (job->vault == NULL)
        g_task_return_new_error (task, FF_ERROR, FF_ERROR_INVALID, "%s",
                                 _("The tenants of this computer cannot be read"));
      else if (ff_lot_release (job->vault, job->session, store, job->lot_id, job->reason,
                          job->signer, job->password, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
run_job (FfLotPanel          *self,
         JobKind              kind,
         const char          *reason,
         const char          *signer,
         const char          *password,
         GAsyncReadyCallback  callback)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, callback, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  /* The vault of this window's application (a process may run more than one). */
  if (FF_IS_APPLICATION (app) && ff_application_get_vault (FF_APPLICATION (app)) != NULL)
    job->vault = g_object_ref (ff_application_get_vault (FF_APPLICATION (app)));
  job->session = g_object_ref (self->session);
  job->lot_id = g_strdup (ff_record_get_id (self->lot));
  job->reason = g_strdup (reason);
  job->signer = g_strdup (signer);
  job->password = g_strdup (password);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
show_message (FfLotPanel *self,
              const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FF_IS_WINDOW (root))
    ff_window_show_toast (FF_WINDOW (root), message);
}

/* Shows the lot as it now is: the list and the detail read it again. */
static void
changed (FfLotPanel *self,
         const char *message)
{
  show_message (self, message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ss)", "lots",
                              ff_record_get_id (self->lot));
}

/* Why it is held --------------------------------------------------------------------------- */

static void
add_cause (FfLotPanel *self,
           const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Measured as wrapped: the card is as tall as its lines at the width it gets. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (self->hold_causes, label);
}

static void
explain_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FfLotPanel *self = FF_LOT_PANEL (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (FfLotHold) hold = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *child;

  if (hold == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read why a lot is held: %s", error->message);
      return;
    }
  gtk_label_set_label (self->hold_heading, g_str_equal (hold->status, "quarantine")
                                             ? _("In quarantine") : _("On hold"));
  if (hold->held_by != NULL)
    {
      /* Translators: who put a lot on hold and since when. */
      g_autofree char *who = g_strdup_printf (_("Held by %s since %s"), hold->held_by,
                                              hold->held_at);
      gtk_label_set_label (self->hold_who, who);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hold_who), hold->held_by != NULL);
  gtk_label_set_label (self->hold_reason, hold->reason ? hold->reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hold_reason), hold->reason != NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hold_causes))) != NULL)
    gtk_box_remove (self->hold_causes, child);
  for (guint i = 0; i < hold->deviations->len; i++)
    add_cause (self, g_ptr_array_index (hold->deviations, i));
  for (guint i = 0; i < hold->readings->len; i++)
    add_cause (self, g_ptr_array_index (hold->readings, i));
  if (hold->held_by == NULL && hold->reason == NULL && hold->deviations->len == 0
      && hold->readings->len == 0)
    add_cause (self, _("Nothing on record says why: no reason was given, and no open deviation "
                       "or CCP reading out of limit refers to this lot."));
  gtk_widget_set_visible (self->hold_card, TRUE);
}

/* Holding ---------------------------------------------------------------------------------- */

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FfLotPanel *self = FF_LOT_PANEL (object);
  g_autoptr (GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }
  changed (self, g_task_get_task_data (G_TASK (result)) != NULL
                 && ((Job *) g_task_get_task_data (G_TASK (result)))->kind == JOB_HOLD
                 ? _("Lot put on hold") : _("Lot released"));
}

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title,
           const char *name,
           gboolean    password)
{
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static gboolean
filled (GtkWidget *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return *text != '\0';
}

/* The dialog's main response waits for what it needs. */
static void
fields_changed_cb (AdwMessageDialog *dialog)
{
  GtkWidget *reason = g_object_get_data (G_OBJECT (dialog), "ff-reason");
  GtkWidget *signer = g_object_get_data (G_OBJECT (dialog), "ff-signer");
  GtkWidget *password = g_object_get_data (G_OBJECT (dialog), "ff-password");
  const char *response = g_object_get_data (G_OBJECT (dialog), "ff-response");

  adw_message_dialog_set_response_enabled (dialog, response,
                                           filled (reason)
                                           && (signer == NULL || filled (signer))
                                           && (password == NULL || filled (password)));
}

static AdwMessageDialog *
lot_dialog (FfLotPanel *self,
            const char *heading,
            const char *body,
            const char *response,
            const char *response_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                                         heading, body));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *reason;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  reason = entry_row (list, _("Reason"), "reason", FALSE);
  g_signal_connect_swapped (reason, "changed", G_CALLBACK (fields_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "ff-reason", reason);
  g_object_set_data (G_OBJECT (dialog), "ff-list", list);
  g_object_set_data (G_OBJECT (dialog), "ff-response", (gpointer) response);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, response, FALSE);
  return dialog;
}

static const char *
dialog_text (AdwMessageDialog *dialog,
             const char       *key)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), key);
  return row ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

static void
hold_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FfLotPanel       *self)
{
  if (!g_str_equal (response, "hold"))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  run_job (self, JOB_HOLD, dialog_text (dialog, "ff-reason"), NULL, NULL, job_done_cb);
}

static void
hold_clicked_cb (FfLotPanel *self)
{
  g_autofree char *heading = g_strdup_printf (_("Put Lot %s on Hold?"),
                                              ff_record_get_code (self->lot));
  AdwMessageDialog *dialog = lot_dialog (self, heading,
                                         _("A lot on hold is not used or shipped until QA "
                                           "releases it. Say why: the reason is kept with the "
                                           "lot, with your name and the time."),
                                         "hold", _("_Put on Hold"));

  gtk_widget_set_name (GTK_WIDGET (dialog), "hold-dialog");
  g_signal_connect (dialog, "response", G_CALLBACK (hold_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Releasing -------------------------------------------------------------------------------- */

static void
release_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     FfLotPanel       *self)
{
  if (!g_str_equal (response, "release"))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  run_job (self, JOB_RELEASE, dialog_text (dialog, "ff-reason"), dialog_text (dialog, "ff-signer"),
           dialog_text (dialog, "ff-password"), job_done_cb);
}

static void
blockers_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FfLotPanel *self = FF_LOT_PANEL (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) blockers = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *heading = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  FfRole role = ff_session_get_role (self->session);

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (blockers == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }
  heading = g_strdup_printf (_("Release Lot %s?"), ff_record_get_code (self->lot));
  if (blockers->len == 0)
    g_string_append (body, _("Released, the lot may be used and shipped. Say why it may: the "
                             "reason is kept with the lot, with your name and the time."));
  else
    {
      g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                          "An open critical deviation stands in the way:",
                                          "Open critical deviations stand in the way:",
                                          blockers->len));
      for (guint i = 0; i < blockers->len; i++)
        {
          FfReleaseBlocker *b = g_ptr_array_index (blockers, i);
          g_string_append (body, "\n• ");
          if (b->on_input)
            /* Translators: a deviation, the input lot it is on, what it says. */
            g_string_append_printf (body, _("%s on input lot %s: %s"), b->deviation_code,
                                    b->lot_code, b->description);
          else
            /* Translators: a deviation on this lot, and what it says. */
            g_string_append_printf (body, _("%s on this lot: %s"), b->deviation_code,
                                    b->description);
        }
      g_string_append (body, "\n\n");
      g_string_append (body, _("A QA user may release it anyway with an e-signature: their "
                               "password, the reason and a fingerprint of the lot as released "
                               "are kept with it."));
    }
  dialog = lot_dialog (self, heading, body->str, "release",
                       blockers->len ? _("_Sign and Release") : _("_Release"));
  gtk_widget_set_name (GTK_WIDGET (dialog), "release-dialog");
  if (blockers->len > 0)
    {
      GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "ff-list");
      GtkWidget *signer = entry_row (list, _("QA user"), "signer", FALSE);
      GtkWidget *password = entry_row (list, _("Their password"), "password", TRUE);

      if (role == FF_ROLE_QA || role == FF_ROLE_ADMIN)
        gtk_editable_set_text (GTK_EDITABLE (signer), ff_session_get_username (self->session));
      g_object_set_data (G_OBJECT (dialog), "ff-signer", signer);
      g_object_set_data (G_OBJECT (dialog), "ff-password", password);
      g_signal_connect_swapped (signer, "changed", G_CALLBACK (fields_changed_cb), dialog);
      g_signal_connect_swapped (password, "changed", G_CALLBACK (fields_changed_cb), dialog);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (release_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
release_clicked_cb (FfLotPanel *self)
{
  /* What stands in the way decides what the dialog asks. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  run_job (self, JOB_BLOCKERS, NULL, NULL, NULL, blockers_done_cb);
}

/* The panel -------------------------------------------------------------------------------- */

static void
ff_lot_panel_dispose (GObject *object)
{
  FfLotPanel *self = FF_LOT_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->lot);

  G_OBJECT_CLASS (ff_lot_panel_parent_class)->dispose (object);
}

static void
ff_lot_panel_class_init (FfLotPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ff_lot_panel_dispose;
}

static GtkLabel *
card_label (GtkWidget  *card,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (card), label);
  return GTK_LABEL (label);
}

static void
ff_lot_panel_init (FfLotPanel *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->hold_card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (self->hold_card, "hold-card");
  gtk_widget_add_css_class (self->hold_card, "card");
  gtk_widget_add_css_class (self->hold_card, "lot-hold");
  self->hold_heading = card_label (self->hold_card, "heading");
  self->hold_who = card_label (self->hold_card, "dim-label");
  self->hold_reason = card_label (self->hold_card, NULL);
  gtk_widget_set_name (GTK_WIDGET (self->hold_reason), "hold-reason");
  self->hold_causes = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_set_name (GTK_WIDGET (self->hold_causes), "hold-causes");
  gtk_box_append (GTK_BOX (self->hold_card), GTK_WIDGET (self->hold_causes));
  gtk_widget_set_visible (self->hold_card, FALSE);
  gtk_box_append (GTK_BOX (self), self->hold_card);

  self->hold_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Put on _Hold…")));
  gtk_widget_set_name (GTK_WIDGET (self->hold_button), "hold-button");
  g_signal_connect_swapped (self->hold_button, "clicked", G_CALLBACK (hold_clicked_cb), self);
  self->release_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Release…")));
  gtk_widget_set_name (GTK_WIDGET (self->release_button), "release-button");
  gtk_widget_add_css_class (GTK_WIDGET (self->release_button), "suggested-action");
  g_signal_connect_swapped (self->release_button, "clicked", G_CALLBACK (release_clicked_cb),
                            self);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->release_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->hold_button));
  gtk_box_append (GTK_BOX (self), buttons);
}

GtkWidget *
ff_lot_panel_new (FfSession *session,
                  FfRecord  *lot)
{
  FfLotPanel *self = g_object_new (FF_TYPE_LOT_PANEL, NULL);
  const char *status = ff_record_get (lot, "status");
  gboolean writer = ff_kind_role_can_write (ff_record_get_kind (lot),
                                            ff_session_get_role (session));

  self->session = g_object_ref (session);
  self->lot = g_object_ref (lot);
  /* Anyone who records lots may hold one, and ask for a release (a QA user signs it at their
   * screen when it needs to be). */
  gtk_widget_set_visible (GTK_WIDGET (self->hold_button),
                          writer && (g_strcmp0 (status, "released") == 0
                                     || g_strcmp0 (status, "quarantine") == 0));
  gtk_widget_set_visible (GTK_WIDGET (self->release_button), writer && is_held (lot));
  if (is_held (lot))
    run_job (self, JOB_EXPLAIN, NULL, NULL, NULL, explain_done_cb);
  return GTK_WIDGET (self);
}
