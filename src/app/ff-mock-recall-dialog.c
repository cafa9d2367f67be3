/* ff-mock-recall-dialog.c — a mock recall, run in a worker with a connection of its own, and
 * its result as an auditor reads it: when it ran and how long it took, the lots reached, the
 * customers to notify with quantities, the lots to hold (held from here, one reason for all),
 * and each traced lot's mass balance with its gaps. A kept exercise's result shows the same. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ff-actor.h"
#include "ff-kind-catalog.h"
#include "ff-mock-recall-dialog.h"
#include "ff-mock-recall.h"
#include "ff-number.h"
#include "ff-record-repository.h"
#include "ff-trace-format.h"
#include "ff-trace-hold.h"
#include "ff-window.h"

/* Reached lots listed per traced lot; the rest are counted. */
#define MAX_LOTS_LISTED 30

struct _FfMockRecallDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  AdwStatusPage   *plan_page;
  AdwEntryRow     *notes_row;
  GtkButton       *start_button;
  AdwStatusPage   *error_page;
  GtkBox          *result_box;
  GtkButton       *show_button;

  /* owned */
  FfSession       *session;
  char            *forward_lot_id;
  char            *backward_lot_id;
  char            *plan;
  FfRecord        *exercise;       /* a kept exercise shown, or NULL */
  GCancellable    *cancellable;
  JsonNode        *result;
  char            *exercise_id;    /* of the exercise this run kept */
  GStrv            to_hold;

  /* borrowed */
  GtkWidget       *hold_button;
};

G_DEFINE_FINAL_TYPE (FfMockRecallDialog, ff_mock_recall_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FORWARD_LOT_ID,
  PROP_BACKWARD_LOT_ID,
  PROP_PLAN,
  PROP_EXERCISE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LOTS_HELD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (FfMockRecallDialog *self,
       const char         *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Pieces of the result ------------------------------------------------------------------------ */

static const char *
string_member (JsonObject *object,
               const char *member)
{
  return object ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
}

static guint
uint_member (JsonObject *object,
             const char *member)
{
  gint64 n = object ? json_object_get_int_member_with_default (object, member, 0) : 0;
  return (guint) CLAMP (n, 0, G_MAXUINT);
}

static char *
format_duration (double ms)
{
  g_autofree char *number = NULL;

  if (!isfinite (ms))
    return g_strdup ("—");
  if (ms < 1000)
    {
      number = ff_number_format (ms, ms < 10 ? 1 : 0);
      /* Translators: a duration in milliseconds */
      return g_strdup_printf (_("%s ms"), number);
    }
  if (ms < 60 * 1000)
    {
      number = ff_number_format (ms / 1000, 1);
      /* Translators: a duration in seconds */
      return g_strdup_printf (_("%s s"), number);
    }
  number = ff_number_format (ms / 60000, 1);
  /* Translators: a duration in minutes */
  return g_strdup_printf (_("%s min"), number);
}

static char *
format_pct (double pct)
{
  g_autofree char *number = NULL;

  if (!isfinite (pct))
    return g_strdup ("—");
  number = ff_number_format (pct, 1);
  /* Translators: a percentage, e.g. "98.5 %" */
  return g_strdup_printf (_("%s %%"), number);
}

static GtkWidget *
group_new (GtkBox     *box,
           const char *title,
           const char *description,
           const char *name)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (name != NULL)
    gtk_widget_set_name (group, name);
  gtk_box_append (box, group);
  return group;
}

static GtkWidget *
row_new (GtkWidget  *group,
         const char *title,
         const char *subtitle,
         const char *value,
         const char *style)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      if (style != NULL)
        gtk_widget_add_css_class (label, style);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* A reached lot, looked up by code in either trace, for its type and status. */
static JsonObject *
find_lot (JsonObject *root,
          const char *code)
{
  static const char *const sides[] = { "forward", "backward" };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      JsonObject *trace = ff_trace_json_object (ff_trace_json_object (root, sides[s]), "trace");
      JsonArray *lots = ff_trace_json_array (trace, "lots");

      for (guint i = 0; lots != NULL && i < json_array_get_length (lots); i++)
        {
          JsonObject *lot = json_array_get_object_element (lots, i);
          if (g_strcmp0 (string_member (lot, "lot"), code) == 0)
            return lot;
        }
    }
  return NULL;
}

static char *
lot_subtitle (JsonObject *lot)
{
  /* Translators: a lot's type and status, e.g. "Finished goods · Released" */
  return g_strdup_printf (_("%s · %s"), ff_trace_lot_type_label (string_member (lot, "type")),
                          ff_trace_status_label (string_member (lot, "status")));
}

static void
add_tiles (FfMockRecallDialog *self,
           JsonObject         *root)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  JsonArray *hold = ff_trace_json_array (root, "lots_to_hold");
  g_autofree char *reached = ff_count_format (uint_member (root, "lots_reached"));
  g_autofree char *customers = ff_count_format (uint_member (root, "customers"));
  g_autofree char *to_hold = ff_count_format (hold ? json_array_get_length (hold) : 0);
  g_autofree char *pct = format_pct (ff_trace_json_number (root, "accounted_pct", NULL));
  g_autofree char *duration = format_duration (ff_trace_json_number (root, "duration", NULL));

  gtk_box_append (GTK_BOX (box), ff_trace_tile_new (reached, _("Lots reached"),
                                                    "recall-lots-reached"));
  gtk_box_append (GTK_BOX (box), ff_trace_tile_new (customers, _("Customers"), NULL));
  gtk_box_append (GTK_BOX (box), ff_trace_tile_new (to_hold, _("Lots to hold"), NULL));
  gtk_box_append (GTK_BOX (box), ff_trace_tile_new (pct, _("Accounted for"), NULL));
  gtk_box_append (GTK_BOX (box), ff_trace_tile_new (duration, _("Time taken"), NULL));
  /* Each tile as wide as its figure needs, the rest shared. */
  for (GtkWidget *t = gtk_widget_get_first_child (box); t; t = gtk_widget_get_next_sibling (t))
    gtk_widget_set_hexpand (t, TRUE);
  gtk_box_append (self->result_box, box);
}

static const char *
side_lot (JsonObject *root,
          const char *side)
{
  return string_member (ff_trace_json_object (ff_trace_json_object (root, side), "trace"), "lot");
}

static void
add_exercise (FfMockRecallDialog *self,
              JsonObject         *root)
{
  GtkWidget *group = group_new (self->result_box, _("Exercise"), NULL, NULL);
  double ms = ff_trace_json_number (root, "duration", NULL);
  g_autofree char *started = ff_trace_format_time (string_member (root, "started_at"));
  g_autofree char *finished = ff_trace_format_time (string_member (root, "finished_at"));
  g_autofree char *duration = format_duration (ms);
  const char *code = string_member (root, "exercise");
  const char *forward = side_lot (root, "forward");
  const char *backward = side_lot (root, "backward");

  if (code != NULL)
    row_new (group, _("Code"), NULL, code, NULL);
  row_new (group, _("Traced forward"), forward ? NULL : _("No raw-material lot"),
           forward ? forward : "—", NULL);
  row_new (group, _("Traced backward"), backward ? NULL : _("No finished lot"),
           backward ? backward : "—", NULL);
  row_new (group, _("Started"), NULL, started, NULL);
  row_new (group, _("Finished"), NULL, finished, NULL);
  /* BRCGS 3.9 asks for a full trace within 4 hours. */
  row_new (group, _("Time taken"), _("BRCGS expects a full trace within 4 hours"), duration,
           isfinite (ms) && ms <= 4 * 3600 * 1000.0 ? "success" : "error");
  if (self->exercise != NULL)
    {
      const char *by = ff_record_get (self->exercise, "run_by");
      const char *notes = ff_record_get (self->exercise, "notes");

      if (by != NULL)
        row_new (group, _("Run by"), NULL, by, NULL);
      if (notes != NULL)
        {
          GtkWidget *row = row_new (group, _("Notes"), notes, NULL, NULL);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
        }
    }
}

static void
add_customers (FfMockRecallDialog *self,
               JsonObject         *root)
{
  JsonObject *trace = ff_trace_json_object (ff_trace_json_object (root, "forward"), "trace");
  JsonArray *customers = ff_trace_json_array (trace, "customers");
  g_autofree char *description = NULL;
  GtkWidget *group;
  guint n = customers ? json_array_get_length (customers) : 0;

  if (trace != NULL)
    /* Translators: %s is the lot code traced forward */
    description = g_strdup_printf (_("Everyone a lot made from %s was shipped to, with how "
                                     "much of it they got."), string_member (trace, "lot"));
  group = group_new (self->result_box, _("Customers to Notify"), description,
                     "recall-customers");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *c = json_array_get_object_element (customers, i);
      guint n_shipments = uint_member (c, "shipments");
      g_autofree char *shipments = NULL, *subtitle = NULL;
      g_autofree char *carried = ff_trace_format_json_quantity (c, "carried");

      /* Translators: how many shipments went to a customer */
      shipments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shipment", "%u shipments",
                                                n_shipments), n_shipments);
      /* Translators: a customer's type, shipments and first shipment date, e.g.
       * "Store · 2 shipments · 2026-11-25" */
      subtitle = g_strdup_printf (_("%s · %s · %s"),
                                  ff_trace_recipient_type_label (string_member (c, "type")),
                                  shipments, string_member (c, "first_date") ?: "—");
      row_new (group, string_member (c, "name") ?: "—", subtitle, carried, NULL);
    }
  if (n == 0)
    row_new (group, trace ? _("No shipment reached") : _("No lot was traced forward"), NULL,
             NULL, NULL);
}

static void hold_clicked_cb (FfMockRecallDialog *self);

static void
add_lots_to_hold (FfMockRecallDialog *self,
                  JsonObject         *root)
{
  JsonArray *hold = ff_trace_json_array (root, "lots_to_hold");
  guint n = hold ? json_array_get_length (hold) : 0;
  g_autoptr (GStrvBuilder) codes = g_strv_builder_new ();
  GtkWidget *group = group_new (self->result_box, _("Lots to Hold"),
                                n ? _("Reached lots still in the plant: not shipped, rejected "
                                      "or on hold yet.")
                                  : _("None: every lot reached is shipped, rejected or already "
                                      "on hold."),
                                "recall-lots-to-hold");
  gboolean can_hold = ff_kind_role_can_write (ff_kind_lookup ("lots"),
                                              ff_session_get_role (self->session));

  for (guint i = 0; i < n; i++)
    {
      const char *code = json_array_get_string_element (hold, i);
      JsonObject *lot = find_lot (root, code);
      g_autofree char *subtitle = lot ? lot_subtitle (lot) : NULL;
      g_autofree char *quantity = lot ? ff_trace_format_json_quantity (lot, "quantity") : NULL;

      row_new (group, code, subtitle ? subtitle : _("A traced lot"), quantity, NULL);
      g_strv_builder_add (codes, code);
    }
  g_clear_pointer (&self->to_hold, g_strfreev);
  self->to_hold = g_strv_builder_end (codes);
  if (n > 0 && can_hold)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Hold These Lots…"));

      gtk_widget_set_name (button, "hold-these-button");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (hold_clicked_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
      self->hold_button = button;
    }
}

static void
add_side (FfMockRecallDialog *self,
          JsonObject         *root,
          const char         *member)
{
  gboolean forward = g_str_equal (member, "forward");
  JsonObject *side = ff_trace_json_object (root, member);
  JsonObject *trace = ff_trace_json_object (side, "trace");
  JsonObject *balance = ff_trace_json_object (side, "mass_balance");
  JsonObject *counts = ff_trace_json_object (trace, "counts");
  JsonArray *lots = ff_trace_json_array (trace, "lots");
  g_autofree char *title = NULL, *description = NULL;
  guint n = lots ? json_array_get_length (lots) : 0;
  guint n_links = uint_member (counts, "links");
  guint n_moves = uint_member (counts, forward ? "shipments" : "receipts");
  GtkWidget *group;

  if (trace == NULL)
    return;
  title = forward
            /* Translators: a group heading, with the lot code traced forward */
            ? g_strdup_printf (_("Forward from %s"), string_member (trace, "lot"))
            /* Translators: a group heading, with the lot code traced backward */
            : g_strdup_printf (_("Backward from %s"), string_member (trace, "lot"));
  {
    g_autofree char *lots_text = NULL, *links_text = NULL, *moves_text = NULL;

    lots_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lot reached",
                                              "%u lots reached", n), n);
    links_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u genealogy link",
                                               "%u genealogy links", n_links), n_links);
    moves_text = forward
                   ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shipment",
                                                   "%u shipments", n_moves), n_moves)
                   : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt",
                                                   "%u receipts", n_moves), n_moves);
    g_autofree char *beside = forward
      /* Translators: how to read a forward trace's list; %s is the lot code */
      ? g_strdup_printf (_("Beside each lot: how much of %s it holds."),
                         string_member (trace, "lot"))
      /* Translators: how to read a backward trace's list; %s is the lot code */
      : g_strdup_printf (_("Beside each lot: how much of it went into %s."),
                         string_member (trace, "lot"));

    /* Translators: the counts of a trace and how to read its list, e.g.
     * "3 lots reached · 3 genealogy links · 2 shipments\nBeside each lot: ..." */
    description = g_strdup_printf (_("%s · %s · %s\n%s"), lots_text, links_text, moves_text,
                                   beside);
  }
  group = group_new (self->result_box, title, description,
                     forward ? "recall-forward" : "recall-backward");
  for (guint i = 0; i < n && i < MAX_LOTS_LISTED; i++)
    {
      JsonObject *lot = json_array_get_object_element (lots, i);
      g_autofree char *subtitle = lot_subtitle (lot);
      g_autofree char *carried = ff_trace_format_json_quantity (lot, "carried");

      row_new (group, string_member (lot, "lot") ?: "—", subtitle, carried, NULL);
    }
  if (n > MAX_LOTS_LISTED)
    {
      g_autofree char *more = NULL;

      /* Translators: after a list of lots cut short */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more lot",
                                           "and %u more lots", n - MAX_LOTS_LISTED),
                              n - MAX_LOTS_LISTED);
      row_new (group, more, _("The Trace page lists them all"), NULL, NULL);
    }
  if (n == 0)
    row_new (group, forward ? _("Nothing was made from it yet")
                            : _("It was made from no other lot"), NULL, NULL, NULL);
  if (balance != NULL)
    gtk_box_append (self->result_box, ff_trace_balance_group_new (balance));
}

static void
show_result (FfMockRecallDialog *self)
{
  JsonObject *root = json_node_get_object (self->result);
  const char *code = string_member (root, "exercise");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_box))) != NULL)
    gtk_box_remove (self->result_box, child);
  self->hold_button = NULL;
  if (code != NULL)
    adw_window_title_set_subtitle (self->window_title, code);
  add_tiles (self, root);
  add_exercise (self, root);
  add_customers (self, root);
  add_lots_to_hold (self, root);
  add_side (self, root, "forward");
  add_side (self, root, "backward");
  gtk_widget_set_visible (GTK_WIDGET (self->show_button), self->exercise_id != NULL);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
show_error (FfMockRecallDialog *self,
            const GError       *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Running it ---------------------------------------------------------------------------------- */

typedef struct
{
  FfSession *session;
  char      *forward_lot_id;
  char      *backward_lot_id;
  char      *notes;
  char      *exercise_id;   /* out */
  char      *load_id;       /* a kept exercise to read instead */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->session);
  g_free (job->forward_lot_id);
  g_free (job->backward_lot_id);
  g_free (job->notes);
  g_free (job->exercise_id);
  g_free (job->load_id);
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

  store = ff_session_open_store (job->session, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->load_id != NULL)
    {
      g_autoptr (FfRecordRepository) repo = ff_record_repository_new (
        store, ff_kind_lookup ("recall_exercises"));
      g_autoptr (GBytes) bytes = ff_record_repository_load_blob (repo, job->load_id, "result",
                                                                &error);
      g_autoptr (JsonParser) parser = json_parser_new ();
      gsize size = 0;
      const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

      if (bytes == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, &error)
          || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_clear_error (&error);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                                   _("This exercise kept no readable result"));
          return;
        }
      g_task_return_pointer (task, json_node_copy (json_parser_get_root (parser)),
                             (GDestroyNotify) json_node_unref);
    }
  else
    {
      FfActor actor = ff_actor_from_session (job->session);
      g_autoptr (FfMockRecall) recall = ff_mock_recall_run (store, &actor, job->forward_lot_id,
                                                            job->backward_lot_id, job->notes,
                                                            TRUE, &error);
      if (recall == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->exercise_id = g_strdup (recall->exercise_id);
      g_task_return_pointer (task, ff_mock_recall_to_json (recall),
                             (GDestroyNotify) json_node_unref);
    }
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FfMockRecallDialog *self = FF_MOCK_RECALL_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  JsonNode *node = g_task_propagate_pointer (G_TASK (result), &error);

  if (node == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  g_clear_pointer (&self->result, json_node_unref);
  self->result = node;
  g_free (self->exercise_id);
  self->exercise_id = g_strdup (job->exercise_id);
  show_result (self);
}

static void
run_job (FfMockRecallDialog *self,
         Job                *job)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, job_done_cb, NULL);

  job->session = g_object_ref (self->session);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  gtk_stack_set_visible_child_name (self->stack, "running");
  g_task_run_in_thread (task, job_thread);
}

void
ff_mock_recall_dialog_start (FfMockRecallDialog *self,
                             const char         *notes)
{
  Job *job;

  g_return_if_fail (FF_IS_MOCK_RECALL_DIALOG (self));
  g_return_if_fail (self->forward_lot_id != NULL || self->backward_lot_id != NULL);

  job = g_new0 (Job, 1);
  job->forward_lot_id = g_strdup (self->forward_lot_id);
  job->backward_lot_id = g_strdup (self->backward_lot_id);
  job->notes = g_strstrip (g_strdup (notes ? notes : ""));
  run_job (self, job);
}

static void
start_clicked_cb (FfMockRecallDialog *self)
{
  g_assert (FF_IS_MOCK_RECALL_DIALOG (self));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "plan") != 0)
    return;
  ff_mock_recall_dialog_start (self, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
}

/* Holding the lots to hold -------------------------------------------------------------------- */

static void
hold_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FfMockRecallDialog *self = FF_MOCK_RECALL_DIALOG (object);
  g_autoptr (GError) error = NULL;
  int n = ff_trace_hold_lots_finish (result, &error);
  g_autofree char *message = NULL;

  /* Cancelled: the dialog is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (n < 0)
    {
      if (self->hold_button != NULL)
        gtk_widget_set_sensitive (self->hold_button, TRUE);
      toast (self, error->message);
      return;
    }
  /* Translators: after holding the lots a mock recall reached */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Put %d lot on hold",
                                          "Put %d lots on hold", n), n);
  toast (self, message);
  if (self->hold_button != NULL)
    gtk_button_set_label (GTK_BUTTON (self->hold_button), _("Held"));
  g_signal_emit (self, signals[SIGNAL_LOTS_HELD], 0, n);
}

static void
hold_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  FfMockRecallDialog *self)
{
  if (!g_str_equal (response, "hold"))
    return;
  if (self->hold_button != NULL)
    gtk_widget_set_sensitive (self->hold_button, FALSE);
  ff_trace_hold_lots_async (G_OBJECT (self), self->session,
                            (const char * const *) self->to_hold,
                            ff_trace_hold_dialog_get_reason (dialog), self->cancellable,
                            hold_done_cb, NULL);
}

static void
hold_clicked_cb (FfMockRecallDialog *self)
{
  AdwMessageDialog *dialog;

  g_assert (FF_IS_MOCK_RECALL_DIALOG (self));
  if (self->to_hold == NULL || self->to_hold[0] == NULL)
    return;
  dialog = ff_trace_hold_dialog_new (GTK_WINDOW (self), (const char * const *) self->to_hold);
  g_signal_connect_object (dialog, "response", G_CALLBACK (hold_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The exercise in the main window -------------------------------------------------------------- */

static void
show_clicked_cb (FfMockRecallDialog *self)
{
  GtkWindow *window = GTK_WINDOW (self);

  g_assert (FF_IS_MOCK_RECALL_DIALOG (self));
  /* The window that shows records is the one the trace was opened over. */
  while (window != NULL && !FF_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window == NULL || self->exercise_id == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)",
                              "recall_exercises", self->exercise_id);
  gtk_window_present (window);
  gtk_window_close (GTK_WINDOW (self));
}

/* The object ---------------------------------------------------------------------------------- */

static void
ff_mock_recall_dialog_constructed (GObject *object)
{
  FfMockRecallDialog *self = FF_MOCK_RECALL_DIALOG (object);

  G_OBJECT_CLASS (ff_mock_recall_dialog_parent_class)->constructed (object);

  g_assert (FF_IS_SESSION (self->session));
  /* Nothing of the tenant stays on screen once it is locked. */
  g_signal_connect_object (self->session, "locked", G_CALLBACK (gtk_window_destroy), self,
                           G_CONNECT_SWAPPED);
  if (self->exercise != NULL)
    {
      Job *job = g_new0 (Job, 1);

      adw_window_title_set_subtitle (self->window_title, ff_record_get_code (self->exercise));
      job->load_id = g_strdup (ff_record_get_id (self->exercise));
      run_job (self, job);
      return;
    }
  adw_status_page_set_description (self->plan_page,
                                   self->plan ? self->plan
                                              : _("Traces the lots forward and backward."));
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
ff_mock_recall_dialog_dispose (GObject *object)
{
  FfMockRecallDialog *self = FF_MOCK_RECALL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->exercise);
  g_clear_pointer (&self->result, json_node_unref);

  G_OBJECT_CLASS (ff_mock_recall_dialog_parent_class)->dispose (object);
}

static void
ff_mock_recall_dialog_finalize (GObject *object)
{
  FfMockRecallDialog *self = FF_MOCK_RECALL_DIALOG (object);

  g_free (self->forward_lot_id);
  g_free (self->backward_lot_id);
  g_free (self->plan);
  g_free (self->exercise_id);
  g_strfreev (self->to_hold);

  G_OBJECT_CLASS (ff_mock_recall_dialog_parent_class)->finalize (object);
}

static void
ff_mock_recall_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FfMockRecallDialog *self = FF_MOCK_RECALL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FORWARD_LOT_ID:
      g_value_set_string (value, self->forward_lot_id);
      break;
    case PROP_BACKWARD_LOT_ID:
      g_value_set_string (value, self->backward_lot_id);
      break;
    case PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_mock_recall_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FfMockRecallDialog *self = FF_MOCK_RECALL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_set_object (&self->session, g_value_get_object (value));
      break;
    case PROP_FORWARD_LOT_ID:
      g_free (self->forward_lot_id);
      self->forward_lot_id = g_value_dup_string (value);
      break;
    case PROP_BACKWARD_LOT_ID:
      g_free (self->backward_lot_id);
      self->backward_lot_id = g_value_dup_string (value);
      break;
    case PROP_PLAN:
      g_free (self->plan);
      self->plan = g_value_dup_string (value);
      break;
    case PROP_EXERCISE:
      g_set_object (&self->exercise, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                              | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
ff_mock_recall_dialog_class_init (FfMockRecallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ff_mock_recall_dialog_constructed;
  object_class->dispose = ff_mock_recall_dialog_dispose;
  object_class->finalize = ff_mock_recall_dialog_finalize;
  object_class->get_property = ff_mock_recall_dialog_get_property;
  object_class->set_property = ff_mock_recall_dialog_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, FF_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                  | G_PARAM_STATIC_STRINGS
                                                  | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FORWARD_LOT_ID] = string_pspec ("forward-lot-id");
  properties[PROP_BACKWARD_LOT_ID] = string_pspec ("backward-lot-id");
  properties[PROP_PLAN] = string_pspec ("plan");
  properties[PROP_EXERCISE] = g_param_spec_object ("exercise", NULL, NULL, FF_TYPE_RECORD,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                   | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The lots to hold were put on hold: what shows them may read them again. */
  signals[SIGNAL_LOTS_HELD] = g_signal_new ("lots-held", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ff-mock-recall-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, plan_page);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, result_box);
  gtk_widget_class_bind_template_child (widget_class, FfMockRecallDialog, show_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ff_mock_recall_dialog_init (FfMockRecallDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public -------------------------------------------------------------------------------------- */

static void
place (FfMockRecallDialog *self,
       GtkWindow          *parent)
{
  if (parent == NULL)
    return;
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}

FfMockRecallDialog *
ff_mock_recall_dialog_new (GtkWindow  *parent,
                           FfSession  *session,
                           const char *forward_lot_id,
                           const char *backward_lot_id,
                           const char *plan)
{
  FfMockRecallDialog *self;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (forward_lot_id != NULL || backward_lot_id != NULL, NULL);

  self = g_object_new (FF_TYPE_MOCK_RECALL_DIALOG, "session", session,
                       "forward-lot-id", forward_lot_id, "backward-lot-id", backward_lot_id,
                       "plan", plan, NULL);
  place (self, parent);
  return self;
}

FfMockRecallDialog *
ff_mock_recall_dialog_new_for_exercise (GtkWindow *parent,
                                        FfSession *session,
                                        FfRecord  *exercise)
{
  FfMockRecallDialog *self;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (FF_IS_RECORD (exercise), NULL);

  self = g_object_new (FF_TYPE_MOCK_RECALL_DIALOG, "session", session, "exercise", exercise,
                       NULL);
  place (self, parent);
  return self;
}

static void
entry_activated_cb (AdwActionRow *row)
{
  FfSession *session = g_object_get_data (G_OBJECT (row), "ff-session");
  FfRecord *exercise = g_object_get_data (G_OBJECT (row), "ff-record");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  FfMockRecallDialog *dialog;

  g_assert (FF_IS_SESSION (session) && FF_IS_RECORD (exercise));
  dialog = ff_mock_recall_dialog_new_for_exercise (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                         : NULL,
                                                   session, exercise);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
ff_mock_recall_dialog_entry_new (FfSession *session,
                                 FfRecord  *exercise)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();

  g_return_val_if_fail (FF_IS_SESSION (session) && FF_IS_RECORD (exercise), NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Result"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The lots reached, the customers to notify, the lots to hold "
                                 "and each traced lot’s mass balance"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "recall-result-row");
  g_object_set_data_full (G_OBJECT (row), "ff-session", g_object_ref (session), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "ff-record", g_object_ref (exercise), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (entry_activated_cb), NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

JsonObject *
ff_mock_recall_dialog_get_result (FfMockRecallDialog *self)
{
  g_return_val_if_fail (FF_IS_MOCK_RECALL_DIALOG (self), NULL);
  return self->result ? json_node_get_object (self->result) : NULL;
}

const char *
ff_mock_recall_dialog_get_exercise_id (FfMockRecallDialog *self)
{
  g_return_val_if_fail (FF_IS_MOCK_RECALL_DIALOG (self), NULL);
  return self->exercise_id;
}
