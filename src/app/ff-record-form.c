/* ff-record-form.c — create or edit one record: a row per field, problems shown under it. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ff-actor.h"
#include "ff-error.h"
#include "ff-record-form.h"
#include "ff-record-repository.h"

typedef struct
{
  const FfField *field;
  guint          index;
  GtkWidget     *row;          /* what the list shows for the field */
  GtkWidget     *input;        /* the editable, combo row, switch or text view */
  GtkWidget     *error_row;
  GtkLabel      *error_label;
  GBytes        *blob;         /* chosen file content, FF_FIELD_BLOB */
  gboolean       optional_enum; /* the combo's first entry is "none" */
} FieldInput;

struct _FfRecordForm
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  GtkBox             *content;
  GtkLabel           *summary_label;
  GtkListBox         *field_list;

  /* owned */
  FfSession          *session;
  FfRecord           *record;   /* NULL for a new one */
  FfRecord           *preset;   /* a new one's first values (a child's parent), or NULL */
  FfRecordRepository *repository;
  GArray             *inputs;   /* FieldInput */

  /* borrowed */
  const FfKind       *kind;
};

G_DEFINE_FINAL_TYPE (FfRecordForm, ff_record_form, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_input_clear (gpointer data)
{
  FieldInput *fi = data;
  g_clear_pointer (&fi->blob, g_bytes_unref);
}

static FieldInput *
find_input (FfRecordForm *self,
            const char   *field)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      FieldInput *fi = &g_array_index (self->inputs, FieldInput, i);
      if (g_str_equal (fi->field->name, field))
        return fi;
    }
  return NULL;
}

static const char *
unit_of (FfRecordForm  *self,
         const FfField *field)
{
  FieldInput *unit = field->unit_field ? find_input (self, field->unit_field) : NULL;
  return unit && GTK_IS_EDITABLE (unit->input)
           ? gtk_editable_get_text (GTK_EDITABLE (unit->input)) : NULL;
}

/* Values ------------------------------------------------------------------------------------ */

/* What the person typed or chose, as text the field's normaliser understands (money still in
 * major units, references still as codes). */
static char *
input_get_text (FieldInput *fi)
{
  const FfField *field = fi->field;

  if (field->type == FF_FIELD_ENUM)
    {
      guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (fi->input));
      if (fi->optional_enum)
        {
          if (pos == 0 || pos == GTK_INVALID_LIST_POSITION)
            return NULL;
          pos--;
        }
      return pos == GTK_INVALID_LIST_POSITION ? NULL : g_strdup (field->enum_values[pos].value);
    }
  if (field->type == FF_FIELD_BOOLEAN)
    return g_strdup (gtk_switch_get_active (GTK_SWITCH (fi->input)) ? "1" : "0");
  if (GTK_IS_TEXT_VIEW (fi->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fi->input));
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (GTK_IS_EDITABLE (fi->input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (fi->input)));
  return NULL;
}

static void
show_problem (FieldInput *fi,
              const char *message)
{
  gtk_label_set_label (fi->error_label, message ? message : "");
  gtk_widget_set_visible (fi->error_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (fi->row, "error");
  else
    gtk_widget_remove_css_class (fi->row, "error");
}

/* Money is typed in major units ("2.49"); the record holds minor units (249). */
static char *
money_to_minor (const char  *text,
                const char  *currency,
                GError     **error)
{
  char *end;
  double major;

  if (text == NULL || *text == '\0')
    return NULL;
  major = g_ascii_strtod (text, &end);
  if (*end != '\0' || !isfinite (major))
    {
      g_set_error (error, FF_ERROR, FF_ERROR_INVALID, _("“%s” is not an amount"), text);
      return NULL;
    }
  return g_strdup_printf ("%.0f", round (major * pow (10, ff_currency_get_exponent (currency))));
}

static char *
money_to_major (const char *minor,
                const char *currency)
{
  int exp = ff_currency_get_exponent (currency);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (minor == NULL)
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, exp ? "%.2f" : "%.0f",
                                    (double) g_ascii_strtoll (minor, NULL, 10) / pow (10, exp)));
}

/* Checks what can be checked without the database, as the person types. */
static void
input_changed_cb (GtkWidget    *widget,
                  FfRecordForm *self)
{
  FieldInput *fi = g_object_get_data (G_OBJECT (widget), "ff-field-input");
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autoptr (GError) error = NULL;

  if (fi == NULL || fi->field->type == FF_FIELD_REF || fi->field->type == FF_FIELD_BLOB)
    return;
  text = input_get_text (fi);
  if (fi->field->type == FF_FIELD_MONEY)
    {
      g_autofree char *minor = money_to_minor (text, unit_of (self, fi->field), &error);
      if (error == NULL)
        ff_field_normalize (fi->field, minor, &value, &error);
    }
  else
    ff_field_normalize (fi->field, text, &value, &error);
  show_problem (fi, error ? error->message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
}

static void
selected_changed_cb (GtkWidget    *row,
                     GParamSpec   *pspec,
                     FfRecordForm *self)
{
  input_changed_cb (row, self);
}

/* Building the rows ------------------------------------------------------------------------- */

static GtkWidget *
error_row_new (GtkLabel **out_label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  *out_label = GTK_LABEL (label);
  return row;
}

static char *
row_title (const FfField *field)
{
  const char *label = ff_field_get_label (field);

  if (field->type == FF_FIELD_MONEY && (field->flags & FF_FIELD_REQUIRED))
    /* Translators: a money field's title in a form, e.g. "List price (amount)" */
    return g_strdup_printf (_("%s (amount)"), label);
  if (field->type == FF_FIELD_MONEY)
    /* Translators: an optional money field's title in a form */
    return g_strdup_printf (_("%s (amount, optional)"), label);
  if (field->type == FF_FIELD_REF)
    {
      const FfKind *ref = ff_field_get_ref_kind (field);
      const FfField *code = ff_kind_get_field (ref, ref->code_field);
      /* Translators: a reference field's title in a form, e.g. "Plant (code)" */
      return g_strdup_printf (_("%s (%s)"), label, ff_field_get_label (code));
    }
  if (field->flags & FF_FIELD_REQUIRED)
    return g_strdup (label);
  /* Translators: an optional field's title in a form */
  return g_strdup_printf (_("%s (optional)"), label);
}

static void
choose_file_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  FieldInput *fi = user_data;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *size = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  gsize length = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        show_problem (fi, error->message);
      else
        {
          g_clear_pointer (&fi->blob, g_bytes_unref);
          fi->blob = g_bytes_new_take (g_steal_pointer (&contents), length);
          size = g_format_size (length);
          name = g_file_get_basename (file);
          subtitle = g_strdup_printf ("%s · %s", name, size);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (fi->row), subtitle);
          show_problem (fi, NULL);
        }
    }
  g_object_unref (dialog);
}

static void
choose_file_cb (GtkButton *button,
                gpointer   user_data)
{
  FieldInput *fi = user_data;
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (button));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (ff_field_get_label (fi->field), GTK_WINDOW (native),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_file_response_cb), fi);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_field_row (FfRecordForm  *self,
               guint          index,
               gboolean       editable)
{
  const FfField *field = &self->kind->fields[index];
  FfRecord *source = self->record ? self->record : self->preset;
  const char *value = source && ff_record_get_nth (source, index) ? ff_record_get_nth (source, index)
                      : self->record ? NULL : field->default_value;
  g_autofree char *title = row_title (field);
  FieldInput fi = { field, index };

  if (field->type == FF_FIELD_ENUM)
    {
      g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
      guint selected = 0, n = 0;

      fi.optional_enum = !(field->flags & FF_FIELD_REQUIRED);
      if (fi.optional_enum)
        gtk_string_list_append (labels, "—");
      for (const FfEnumValue *e = field->enum_values; e->value; e++, n++)
        {
          gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, e->label));
          if (g_strcmp0 (value, e->value) == 0)
            selected = n + (fi.optional_enum ? 1 : 0);
        }
      fi.row = fi.input = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (fi.row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (fi.row), selected);
      g_signal_connect (fi.row, "notify::selected", G_CALLBACK (selected_changed_cb), self);
    }
  else if (field->type == FF_FIELD_BOOLEAN)
    {
      fi.row = adw_action_row_new ();
      fi.input = gtk_switch_new ();
      gtk_widget_set_valign (fi.input, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (fi.input), g_strcmp0 (value, "1") == 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (fi.row), fi.input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (fi.row), fi.input);
    }
  else if (field->type == FF_FIELD_BLOB)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose…"));
      fi.row = adw_action_row_new ();
      fi.input = button;
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (fi.row), button);
      if (value != NULL)
        {
          g_autofree char *size = g_format_size (g_ascii_strtoull (value, NULL, 10));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (fi.row), size);
        }
    }
  else if (field->flags & FF_FIELD_MULTILINE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      fi.row = gtk_list_box_row_new ();
      fi.input = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (fi.input), GTK_WRAP_WORD_CHAR);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fi.input)),
                                value ? value : "", -1);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), fi.input);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), scrolled);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (fi.row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (fi.row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fi.input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
    }
  else
    {
      g_autofree char *text = NULL;

      fi.row = fi.input = adw_entry_row_new ();
      if (field->type == FF_FIELD_REF)
        text = g_strdup (source ? ff_record_get_ref_code (source, index) : NULL);
      else if (field->type == FF_FIELD_MONEY)
        text = value ? money_to_major (value, self->record
                                                ? ff_record_get (self->record, field->unit_field)
                                                : NULL)
                     : NULL;
      else
        text = g_strdup (value);
      gtk_editable_set_text (GTK_EDITABLE (fi.row), text ? text : "");
      g_signal_connect (fi.row, "changed", G_CALLBACK (input_changed_cb), self);
      if (field->hint != NULL)
        gtk_widget_set_tooltip_text (fi.row, g_dgettext (GETTEXT_PACKAGE, field->hint));
    }

  if (ADW_IS_PREFERENCES_ROW (fi.row))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fi.row), title);
  gtk_widget_set_name (fi.row, field->name);
  gtk_widget_set_sensitive (fi.row, editable);
  fi.error_row = error_row_new (&fi.error_label);
  gtk_list_box_append (self->field_list, fi.row);
  gtk_list_box_append (self->field_list, fi.error_row);
  g_array_append_val (self->inputs, fi);
}

/* The array may have moved while rows were added; point each widget at its entry only now. */
static void
attach_inputs (FfRecordForm *self)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      FieldInput *fi = &g_array_index (self->inputs, FieldInput, i);

      g_object_set_data (G_OBJECT (fi->input), "ff-field-input", fi);
      if (fi->field->type == FF_FIELD_BLOB)
        g_signal_connect (fi->input, "clicked", G_CALLBACK (choose_file_cb), fi);
    }
}

/* Saving ------------------------------------------------------------------------------------ */

static void
show_summary (FfRecordForm *self,
              const char   *message)
{
  gtk_label_set_label (self->summary_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
}

/* Fills @record from the inputs; FALSE when some input cannot even be read (problems shown). */
static gboolean
collect (FfRecordForm *self,
         FfRecord     *record)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      FieldInput *fi = &g_array_index (self->inputs, FieldInput, i);
      g_autofree char *text = input_get_text (fi);
      g_autoptr (GError) error = NULL;

      show_problem (fi, NULL);
      if (!gtk_widget_get_sensitive (fi->row))
        continue;
      if (fi->field->type == FF_FIELD_BLOB)
        {
          if (fi->blob != NULL)
            ff_record_set_blob (record, fi->index, fi->blob);
          continue;
        }
      if (fi->field->type == FF_FIELD_REF)
        {
          const FfKind *ref_kind = ff_field_get_ref_kind (fi->field);
          g_autoptr (FfRecordRepository) repo = NULL;
          g_autoptr (FfRecord) target = NULL;

          g_strstrip (text);
          if (*text == '\0')
            {
              ff_record_set_nth (record, fi->index, NULL);
              continue;
            }
          repo = ff_record_repository_new (ff_session_get_store (self->session), ref_kind);
          target = ff_record_repository_find_by_code (repo, text, &error);
          if (target == NULL)
            {
              g_autofree char *msg = g_strdup_printf (_("There is no %s with the code “%s”"),
                                                      ff_kind_get_label_singular (ref_kind), text);
              show_problem (fi, msg);
              ok = FALSE;
              continue;
            }
          ff_record_set_nth (record, fi->index, ff_record_get_id (target));
          continue;
        }
      if (fi->field->type == FF_FIELD_MONEY)
        {
          g_autofree char *minor = money_to_minor (text, unit_of (self, fi->field), &error);
          if (error != NULL)
            {
              show_problem (fi, error->message);
              ok = FALSE;
              continue;
            }
          ff_record_set_nth (record, fi->index, minor);
          continue;
        }
      ff_record_set_nth (record, fi->index, text);
    }
  return ok;
}

/* TRUE when saving @record over the stored one changes something regulated. */
static gboolean
needs_reason (FfRecordForm *self,
              FfRecord     *record)
{
  if (self->record == NULL)
    return FALSE;
  for (guint i = 0; self->kind->fields[i].name != NULL; i++)
    {
      const FfField *field = &self->kind->fields[i];
      if ((self->kind->regulated || (field->flags & FF_FIELD_REGULATED))
          && g_strcmp0 (ff_record_get_nth (record, i), ff_record_get_nth (self->record, i)) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
reason_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FfRecordForm     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ff-reason-entry");

  if (g_str_equal (response, "save"))
    ff_record_form_save (self, gtk_editable_get_text (entry));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
ask_reason (FfRecordForm *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Reason for the Change"),
                                                       _("This is a regulated change. Say why it "
                                                         "is made; the reason is kept in the "
                                                         "audit trail with your name and the "
                                                         "time.")));
  gtk_widget_set_name (GTK_WIDGET (dialog), "reason-dialog");
  gtk_widget_set_name (entry, "reason");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save Change"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  g_object_set_data (G_OBJECT (dialog), "ff-reason-entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (reason_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ff_record_form_save (FfRecordForm *self,
                     const char   *reason)
{
  g_autoptr (FfRecord) record = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  FfActor actor;
  gboolean ok;

  g_return_if_fail (FF_IS_RECORD_FORM (self));

  if (ff_session_is_locked (self->session))
    return;
  record = self->record ? ff_record_copy (self->record)
           : self->preset ? ff_record_copy (self->preset) : ff_record_new (self->kind);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  if (!collect (self, record))
    {
      show_summary (self, _("Some fields need attention."));
      return;
    }
  problems = ff_record_repository_validate (self->repository, record, &error);
  if (problems == NULL)
    {
      show_summary (self, error->message);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      FfFieldError *fe = g_ptr_array_index (problems, i);
      FieldInput *fi = fe->field ? find_input (self, fe->field) : NULL;
      if (fi != NULL)
        show_problem (fi, fe->message);
      else
        show_summary (self, fe->message);
    }
  if (problems->len > 0)
    {
      show_summary (self, _("Some fields need attention."));
      return;
    }
  if (needs_reason (self, record) && (reason == NULL || *reason == '\0'))
    {
      ask_reason (self);
      return;
    }

  actor = ff_actor_from_session (self->session);
  if (self->record == NULL)
    ok = ff_record_repository_insert (self->repository, &actor, record, reason, &error);
  else
    ok = ff_record_repository_update (self->repository, &actor, record, reason, &error);
  if (!ok)
    {
      show_summary (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (FfRecordForm *self)
{
  ff_record_form_save (self, NULL);
}

void
ff_record_form_set_input (FfRecordForm *self,
                          const char   *field,
                          const char   *text)
{
  FieldInput *fi;

  g_return_if_fail (FF_IS_RECORD_FORM (self));
  fi = find_input (self, field);
  g_return_if_fail (fi != NULL);

  if (fi->field->type == FF_FIELD_ENUM)
    {
      guint n = 0;
      for (const FfEnumValue *e = fi->field->enum_values; e->value; e++, n++)
        if (g_strcmp0 (e->value, text) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (fi->input), n + (fi->optional_enum ? 1 : 0));
    }
  else if (fi->field->type == FF_FIELD_BOOLEAN)
    gtk_switch_set_active (GTK_SWITCH (fi->input), g_strcmp0 (text, "1") == 0);
  else if (GTK_IS_TEXT_VIEW (fi->input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (fi->input)), text, -1);
  else if (GTK_IS_EDITABLE (fi->input))
    gtk_editable_set_text (GTK_EDITABLE (fi->input), text);
}

const char *
ff_record_form_get_problem (FfRecordForm *self,
                            const char   *field)
{
  FieldInput *fi;

  g_return_val_if_fail (FF_IS_RECORD_FORM (self), NULL);
  fi = find_input (self, field);
  g_return_val_if_fail (fi != NULL, NULL);
  return gtk_widget_get_visible (fi->error_row) ? gtk_label_get_label (fi->error_label) : NULL;
}

/* Life cycle -------------------------------------------------------------------------------- */

static void
ff_record_form_dispose (GObject *object)
{
  FfRecordForm *self = FF_RECORD_FORM (object);

  /* Rows being torn down report changes (a combo row losing its model); nobody listens now. */
  for (guint i = 0; self->inputs != NULL && i < self->inputs->len; i++)
    g_signal_handlers_disconnect_by_data (g_array_index (self->inputs, FieldInput, i).input, self);
  g_clear_object (&self->repository);
  g_clear_object (&self->record);
  g_clear_object (&self->preset);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ff_record_form_parent_class)->dispose (object);
}

static void
ff_record_form_finalize (GObject *object)
{
  FfRecordForm *self = FF_RECORD_FORM (object);

  g_clear_pointer (&self->inputs, g_array_unref);

  G_OBJECT_CLASS (ff_record_form_parent_class)->finalize (object);
}

static void
ff_record_form_class_init (FfRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ff_record_form_dispose;
  object_class->finalize = ff_record_form_finalize;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FF_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ff-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, FfRecordForm, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FfRecordForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, FfRecordForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, FfRecordForm, content);
  gtk_widget_class_bind_template_child (widget_class, FfRecordForm, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FfRecordForm, field_list);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ff_record_form_init (FfRecordForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->inputs = g_array_new (FALSE, TRUE, sizeof (FieldInput));
  g_array_set_clear_func (self->inputs, field_input_clear);
}

static FfRecordForm *
form_new (FfSession    *session,
          const FfKind *kind,
          FfRecord     *record,
          FfRecord     *preset,
          const char   *fixed_field)
{
  FfRecordForm *self;
  const char *title;
  FfRole role;

  self = g_object_new (FF_TYPE_RECORD_FORM, NULL);
  self->session = g_object_ref (session);
  self->kind = kind;
  self->record = record ? g_object_ref (record) : NULL;
  self->preset = preset ? g_object_ref (preset) : NULL;
  self->repository = ff_record_repository_new (ff_session_get_store (session), kind);
  role = ff_session_get_role (session);

  /* "New Line"; an edit is titled by the kind, with the record's code below. */
  title = record == NULL ? ff_kind_get_new_label (kind) : ff_kind_get_label_singular (kind);
  adw_window_title_set_title (self->window_title, title);
  if (record != NULL && ff_record_get_code (record) != NULL)
    adw_window_title_set_subtitle (self->window_title, ff_record_get_code (record));
  gtk_window_set_title (GTK_WINDOW (self), title);

  for (guint i = 0; kind->fields[i].name != NULL; i++)
    {
      const FfField *field = &kind->fields[i];
      gboolean editable = ff_field_role_can_write (kind, field, role)
                          && !(record != NULL && (field->flags & FF_FIELD_READONLY))
                          && g_strcmp0 (field->name, fixed_field) != 0;
      add_field_row (self, i, editable);
    }
  attach_inputs (self);
  return self;
}

FfRecordForm *
ff_record_form_new (FfSession    *session,
                    const FfKind *kind,
                    FfRecord     *record)
{
  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (record == NULL || ff_record_get_kind (record) == kind, NULL);

  return form_new (session, kind, record, NULL, NULL);
}

FfRecordForm *
ff_record_form_new_child (FfSession    *session,
                          const FfKind *kind,
                          FfRecord     *parent)
{
  g_autoptr (FfRecord) preset = NULL;
  int index;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind != NULL && kind->parent_field != NULL, NULL);
  g_return_val_if_fail (FF_IS_RECORD (parent) && ff_record_get_id (parent) != NULL, NULL);

  index = ff_kind_get_field_index (kind, kind->parent_field);
  preset = ff_record_new (kind);
  ff_record_set_nth (preset, (guint) index, ff_record_get_id (parent));
  _ff_record_set_ref (preset, (guint) index, ff_record_get_code (parent),
                      ff_record_get_title (parent));
  return form_new (session, kind, NULL, preset, kind->parent_field);
}
