/* ff-record-form.c — create or edit one record: a row per field, its problem beside it; saved
 * in a worker. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ff-date-time-row.h"
#include "ff-error.h"
#include "ff-kde-gap-banner.h"
#include "ff-number.h"
#include "ff-record-form.h"
#include "ff-record-repository.h"
#include "ff-record-save.h"
#include "ff-reference-row.h"
#include "ff-site-zone.h"
#include "ff-users.h"

typedef struct
{
  const FfField *field;
  guint          index;
  GtkWidget     *row;          /* what the list shows for the field */
  GtkWidget     *input;        /* the editable, combo row, switch, text view or button */
  GtkLabel      *problem;      /* beside the input, so showing it moves no other field */
  GBytes        *blob;         /* chosen file content, FF_FIELD_BLOB */
  GStrv          users;        /* FF_FIELD_USER: the user names the combo offers */
  gboolean       optional;     /* the combo's first entry is "none" */
} FieldInput;

struct _FfRecordForm
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  GtkStack           *save_stack;
  GtkListBox         *field_list;

  /* owned */
  FfSession          *session;
  FfRecord           *record;   /* NULL for a new one */
  FfRecord           *preset;   /* a new one's first values (a child's parent), or NULL */
  GTimeZone          *zone;     /* the site's, for times */
  GArray             *inputs;   /* FieldInput */
  GCancellable       *cancellable;
  char               *message;  /* the last problem of the whole record, for tests */
  gboolean            busy;     /* a save runs */

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
  g_clear_pointer (&fi->users, g_strfreev);
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

/* The text in the input, as typed. */
static char *
input_get_text (FieldInput *fi)
{
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

/* Money is typed in major units in the user's locale ("2,49"); the record holds minor units. */
static char *
money_to_minor (const char  *text,
                const char  *currency,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *c = NULL;
  double major;

  if (*trimmed == '\0')
    return NULL;
  if (!ff_number_parse (trimmed, &c, error))
    return NULL;
  major = g_ascii_strtod (c, NULL);
  return g_strdup_printf ("%.0f", round (major * pow (10, ff_currency_get_exponent (currency))));
}

static char *
money_to_major (const char *minor,
                const char *currency)
{
  int exp = ff_currency_get_exponent (currency);

  if (minor == NULL)
    return g_strdup ("");
  return ff_number_format_input ((double) g_ascii_strtoll (minor, NULL, 10) / pow (10, exp));
}

/* What the input holds, as the record stores it (money in minor units, numbers in the C form,
 * times in UTC); a reference gives its picked id, or sets @out_code to the code typed. FALSE
 * with @error when the input cannot be read at all. */
static gboolean
input_get_value (FfRecordForm  *self,
                 FieldInput    *fi,
                 char         **out_value,
                 char         **out_code,
                 GError       **error)
{
  const FfField *field = fi->field;
  g_autofree char *text = NULL;

  *out_value = NULL;
  if (out_code != NULL)
    *out_code = NULL;
  switch (field->type)
    {
    case FF_FIELD_ENUM:
    case FF_FIELD_USER:
      {
        guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (fi->input));
        if (pos == GTK_INVALID_LIST_POSITION || (fi->optional && pos == 0))
          return TRUE;
        pos -= fi->optional ? 1 : 0;
        *out_value = g_strdup (field->type == FF_FIELD_ENUM ? field->enum_values[pos].value
                                                            : fi->users[pos]);
        return TRUE;
      }
    case FF_FIELD_BOOLEAN:
      *out_value = g_strdup (gtk_switch_get_active (GTK_SWITCH (fi->input)) ? "1" : "0");
      return TRUE;
    case FF_FIELD_BLOB:
      return TRUE;
    case FF_FIELD_DATE:
    case FF_FIELD_TIMESTAMP:
      {
        GError *local_error = NULL;
        *out_value = ff_date_time_row_get_value (FF_DATE_TIME_ROW (fi->input), &local_error);
        if (local_error != NULL)
          {
            g_propagate_error (error, local_error);
            return FALSE;
          }
        return TRUE;
      }
    case FF_FIELD_REF:
      {
        const char *id = ff_reference_row_get_id (FF_REFERENCE_ROW (fi->input));
        text = g_strstrip (input_get_text (fi));
        if (id != NULL)
          *out_value = g_strdup (id);
        else if (*text != '\0' && out_code != NULL)
          *out_code = g_steal_pointer (&text);
        return TRUE;
      }
    case FF_FIELD_MONEY:
      text = input_get_text (fi);
      *out_value = money_to_minor (text, unit_of (self, field), error);
      return *out_value != NULL || *g_strstrip (text) == '\0';
    case FF_FIELD_INTEGER:
    case FF_FIELD_REAL:
    case FF_FIELD_QUANTITY:
      text = g_strstrip (input_get_text (fi));
      if (*text == '\0')
        return TRUE;
      return ff_number_parse (text, out_value, error);
    default:
      *out_value = input_get_text (fi);
      return TRUE;
    }
}

static void
show_problem (FieldInput *fi,
              const char *message)
{
  gtk_label_set_label (fi->problem, message ? message : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (fi->problem), message);
  gtk_widget_set_visible (GTK_WIDGET (fi->problem), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (fi->row, "error");
  else
    gtk_widget_remove_css_class (fi->row, "error");
}

/* Checks what can be checked without the database, as the person types. */
static void
input_changed_cb (GtkWidget    *widget,
                  FfRecordForm *self)
{
  FieldInput *fi = g_object_get_data (G_OBJECT (widget), "ff-field-input");
  g_autofree char *value = NULL;
  g_autofree char *normal = NULL;
  g_autoptr (GError) error = NULL;

  if (fi == NULL || fi->field->type == FF_FIELD_REF || fi->field->type == FF_FIELD_BLOB)
    return;
  if (input_get_value (self, fi, &value, NULL, &error))
    ff_field_normalize (fi->field, value, &normal, &error);
  show_problem (fi, error ? error->message : NULL);
}

static void
selected_changed_cb (GtkWidget    *row,
                     GParamSpec   *pspec,
                     FfRecordForm *self)
{
  input_changed_cb (row, self);
}

/* Building the rows ------------------------------------------------------------------------- */

static GtkLabel *
problem_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* At most two short lines at the row's end: the row keeps its height. */
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, "problem");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
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
  if (field->flags & FF_FIELD_REQUIRED)
    return g_strdup (label);
  /* Translators: an optional field's title in a form */
  return g_strdup_printf (_("%s (optional)"), label);
}

typedef struct
{
  FfRecordForm *form;   /* owned */
  guint         index;  /* of the FieldInput */
  GFile        *file;
} Attachment;

static void
attachment_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Attachment *a = user_data;
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (&g_array_index (a->form->inputs, FieldInput, a->index), error->message);
    }
  else
    {
      FieldInput *fi = &g_array_index (a->form->inputs, FieldInput, a->index);
      g_autofree char *size = g_format_size (length);
      g_autofree char *name = g_file_get_basename (G_FILE (source));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", name, size);

      g_clear_pointer (&fi->blob, g_bytes_unref);
      fi->blob = g_bytes_new_take (contents, length);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (fi->row), subtitle);
      show_problem (fi, NULL);
    }
  gtk_widget_set_sensitive (g_array_index (a->form->inputs, FieldInput, a->index).input, TRUE);
  g_object_unref (a->form);
  g_object_unref (a->file);
  g_free (a);
}

static void
choose_file_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  FieldInput *fi = user_data;
  FfRecordForm *self = g_object_get_data (G_OBJECT (dialog), "ff-form");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      Attachment *a = g_new0 (Attachment, 1);

      /* A photo from a slow share or a big PDF: read it without stopping the window. */
      a->form = g_object_ref (self);
      a->index = (guint) (fi - &g_array_index (self->inputs, FieldInput, 0));
      a->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      gtk_widget_set_sensitive (fi->input, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (fi->row), _("Reading the file…"));
      g_file_load_contents_async (a->file, self->cancellable, attachment_loaded_cb, a);
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
  g_object_set_data (G_OBJECT (chooser), "ff-form", native);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_file_response_cb), fi);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A combo row of @labels, with "—" first when the field may be empty. */
static GtkWidget *
combo_row_new (GtkStringList *labels,
               gboolean       optional,
               guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  if (optional)
    gtk_string_list_splice (labels, 0, 0, (const char *const[]) { "—", NULL });
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected + (optional ? 1 : 0));
  return row;
}

/* The tenant's users, with @value first kept when it names none of them (recorded before the
 * field named users). */
static GStrv
user_names (FfRecordForm *self,
            const char   *value)
{
  g_autoptr (GPtrArray) users = ff_users_list (ff_session_get_store (self->session), NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  gboolean found = value == NULL;

  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      FfUserInfo *user = g_ptr_array_index (users, i);
      g_strv_builder_add (builder, user->username);
      found = found || g_strcmp0 (user->username, value) == 0;
    }
  if (!found)
    g_strv_builder_add (builder, value);
  return g_strv_builder_end (builder);
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
  gboolean fresh = self->record == NULL && value == NULL;
  g_autofree char *title = row_title (field);
  FieldInput fi = { field, index };

  fi.problem = problem_label_new ();
  fi.optional = !(field->flags & FF_FIELD_REQUIRED);
  if (field->type == FF_FIELD_ENUM)
    {
      g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
      guint selected = 0, n = 0;

      for (const FfEnumValue *e = field->enum_values; e->value; e++, n++)
        {
          gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, e->label));
          if (g_strcmp0 (value, e->value) == 0)
            selected = n;
        }
      if (value == NULL && fi.optional)
        selected = G_MAXUINT; /* "—" */
      fi.row = fi.input = combo_row_new (labels, fi.optional, selected);
      g_signal_connect (fi.row, "notify::selected", G_CALLBACK (selected_changed_cb), self);
    }
  else if (field->type == FF_FIELD_USER)
    {
      g_autoptr (GtkStringList) labels = NULL;
      const char *me = ff_session_get_username (self->session);
      const char *chosen = value ? value : fresh && (field->flags & FF_FIELD_DEFAULT_NOW) ? me
                                                                                        : NULL;
      guint selected = G_MAXUINT;

      fi.users = user_names (self, chosen);
      labels = gtk_string_list_new ((const char *const *) fi.users);
      for (guint i = 0; fi.users[i] != NULL; i++)
        if (g_strcmp0 (fi.users[i], chosen) == 0)
          selected = i;
      if (selected == G_MAXUINT && !fi.optional)
        selected = 0;
      fi.row = fi.input = combo_row_new (labels, fi.optional, selected);
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
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
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
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (header), label);
      gtk_label_set_lines (fi.problem, 1);
      gtk_box_append (GTK_BOX (header), GTK_WIDGET (fi.problem));
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), fi.input);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
      gtk_box_append (GTK_BOX (box), header);
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
  else if (field->type == FF_FIELD_DATE || field->type == FF_FIELD_TIMESTAMP)
    {
      fi.row = fi.input = ff_date_time_row_new (field->type == FF_FIELD_TIMESTAMP, self->zone);
      if (value != NULL)
        ff_date_time_row_set_value (FF_DATE_TIME_ROW (fi.row), value);
      else if (fresh && (field->flags & FF_FIELD_DEFAULT_NOW))
        ff_date_time_row_set_now (FF_DATE_TIME_ROW (fi.row));
      g_signal_connect (fi.row, "changed", G_CALLBACK (input_changed_cb), self);
    }
  else if (field->type == FF_FIELD_REF)
    {
      fi.row = fi.input = ff_reference_row_new (self->session, ff_field_get_ref_kind (field));
      if (value != NULL && source != NULL)
        ff_reference_row_set_reference (FF_REFERENCE_ROW (fi.row), value,
                                        ff_record_get_ref_code (source, index),
                                        ff_record_get_ref_label (source, index));
    }
  else
    {
      g_autofree char *text = NULL;

      fi.row = fi.input = adw_entry_row_new ();
      if (value == NULL)
        text = NULL;
      else if (field->type == FF_FIELD_MONEY)
        text = money_to_major (value, source ? ff_record_get (source, field->unit_field) : NULL);
      else if (field->type == FF_FIELD_REAL || field->type == FF_FIELD_QUANTITY
               || field->type == FF_FIELD_INTEGER)
        text = ff_number_format_input (g_ascii_strtod (value, NULL));
      else
        text = g_strdup (value);
      gtk_editable_set_text (GTK_EDITABLE (fi.row), text ? text : "");
      g_signal_connect (fi.row, "changed", G_CALLBACK (input_changed_cb), self);
    }

  if (ADW_IS_ENTRY_ROW (fi.row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (fi.row), GTK_WIDGET (fi.problem));
  else if (ADW_IS_ACTION_ROW (fi.row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (fi.row), GTK_WIDGET (fi.problem));
  if (field->hint != NULL)
    gtk_widget_set_tooltip_text (fi.row, g_dgettext (GETTEXT_PACKAGE, field->hint));
  if (ADW_IS_PREFERENCES_ROW (fi.row))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fi.row), title);
  gtk_widget_set_name (fi.row, field->name);
  gtk_widget_set_sensitive (fi.row, editable);
  gtk_list_box_append (self->field_list, fi.row);
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
show_message (FfRecordForm *self,
              const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->message);
  self->message = g_strdup (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows @problems (FfFieldError*) beside their fields, clears the others, and brings the first
 * into view; a problem of the whole record is said in a toast. */
static void
show_problems (FfRecordForm *self,
               GPtrArray    *problems)
{
  FieldInput *first = NULL;
  const char *whole = NULL;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      FieldInput *fi = &g_array_index (self->inputs, FieldInput, i);
      const char *message = NULL;

      for (guint k = 0; k < problems->len && message == NULL; k++)
        {
          FfFieldError *e = g_ptr_array_index (problems, k);
          if (g_strcmp0 (e->field, fi->field->name) == 0)
            message = e->message;
        }
      show_problem (fi, message);
      if (message != NULL && first == NULL)
        first = fi;
    }
  for (guint k = 0; k < problems->len; k++)
    {
      FfFieldError *e = g_ptr_array_index (problems, k);
      if (e->field == NULL || find_input (self, e->field) == NULL)
        whole = whole ? whole : e->message;
    }
  if (whole != NULL)
    show_message (self, whole);
  else if (first != NULL)
    show_message (self, _("Some fields need attention"));
  if (first != NULL && gtk_widget_get_sensitive (first->row))
    gtk_widget_grab_focus (first->input);
}

static void
set_busy (FfRecordForm *self,
          gboolean      busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->field_list), !busy);
  gtk_stack_set_visible_child_name (self->save_stack, busy ? "saving" : "label");
}

/* Fills @record from the inputs and @codes with the references typed as codes; @problems gets
 * what cannot even be read. */
static void
collect (FfRecordForm *self,
         FfRecord     *record,
         GHashTable   *codes,
         GPtrArray    *problems)
{
  for (guint i = 0; i < self->inputs->len; i++)
    {
      FieldInput *fi = &g_array_index (self->inputs, FieldInput, i);
      g_autofree char *value = NULL;
      g_autofree char *code = NULL;
      g_autoptr (GError) error = NULL;

      if (!gtk_widget_get_sensitive (fi->row))
        continue;
      if (fi->field->type == FF_FIELD_BLOB)
        {
          if (fi->blob != NULL)
            ff_record_set_blob (record, fi->index, fi->blob);
          continue;
        }
      if (!input_get_value (self, fi, &value, &code, &error))
        {
          FfFieldError *e = g_new0 (FfFieldError, 1);
          e->field = g_strdup (fi->field->name);
          e->message = g_strdup (error->message);
          g_ptr_array_add (problems, e);
          continue;
        }
      if (code != NULL)
        g_hash_table_insert (codes, g_strdup (fi->field->name), g_steal_pointer (&code));
      ff_record_set_nth (record, fi->index, value);
    }
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
                                  C_("change", "Reason"), -1);
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

static void
saved_cb (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  g_autoptr (FfRecordForm) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (FfRecordSaveResult) result = ff_record_save_finish (res, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->inputs == NULL)
    return;
  set_busy (self, FALSE);
  if (result == NULL)
    {
      show_message (self, error->message);
      return;
    }
  show_problems (self, result->problems);
  if (result->problems->len > 0)
    return;
  if (result->needs_reason)
    {
      ask_reason (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, result->record);
  gtk_window_close (GTK_WINDOW (self));
}

void
ff_record_form_save (FfRecordForm *self,
                     const char   *reason)
{
  g_autoptr (FfRecord) record = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GHashTable) codes = NULL;

  g_return_if_fail (FF_IS_RECORD_FORM (self));

  if (self->busy || ff_session_is_locked (self->session))
    return;
  g_clear_pointer (&self->message, g_free);
  record = self->record ? ff_record_copy (self->record)
           : self->preset ? ff_record_copy (self->preset) : ff_record_new (self->kind);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ff_field_error_free);
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  collect (self, record, codes, problems);
  if (problems->len > 0)
    {
      show_problems (self, problems);
      return;
    }
  set_busy (self, TRUE);
  ff_record_save_async (self->session, record, self->record, codes, reason, self->cancellable,
                        saved_cb, g_object_ref (self));
}

gboolean
ff_record_form_is_busy (FfRecordForm *self)
{
  g_return_val_if_fail (FF_IS_RECORD_FORM (self), FALSE);
  return self->busy;
}

const char *
ff_record_form_get_message (FfRecordForm *self)
{
  g_return_val_if_fail (FF_IS_RECORD_FORM (self), NULL);
  return self->message;
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

  if (fi->field->type == FF_FIELD_ENUM || fi->field->type == FF_FIELD_USER)
    {
      guint n = 0;
      if (fi->field->type == FF_FIELD_ENUM)
        {
          for (const FfEnumValue *e = fi->field->enum_values; e->value; e++, n++)
            if (g_strcmp0 (e->value, text) == 0)
              break;
        }
      else
        {
          for (; fi->users[n] != NULL; n++)
            if (g_strcmp0 (fi->users[n], text) == 0)
              break;
        }
      adw_combo_row_set_selected (ADW_COMBO_ROW (fi->input), n + (fi->optional ? 1 : 0));
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
  return gtk_widget_get_visible (GTK_WIDGET (fi->problem)) ? gtk_label_get_label (fi->problem)
                                                           : NULL;
}

GtkWidget *
ff_record_form_get_row (FfRecordForm *self,
                        const char   *field)
{
  FieldInput *fi;

  g_return_val_if_fail (FF_IS_RECORD_FORM (self), NULL);
  fi = find_input (self, field);
  return fi ? fi->row : NULL;
}

/* Life cycle -------------------------------------------------------------------------------- */

static void
ff_record_form_dispose (GObject *object)
{
  FfRecordForm *self = FF_RECORD_FORM (object);

  /* Rows being torn down report changes (a combo row losing its model); nobody listens now. */
  for (guint i = 0; self->inputs != NULL && i < self->inputs->len; i++)
    g_signal_handlers_disconnect_by_data (g_array_index (self->inputs, FieldInput, i).input, self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
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
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_free (self->message);

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
  gtk_widget_class_bind_template_child (widget_class, FfRecordForm, save_stack);
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
  self->cancellable = g_cancellable_new ();
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
  self->zone = ff_site_zone_for_record (ff_session_get_store (session), kind,
                                        record ? record : preset);
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
  /* Editing a traceability record: the FSMA 204 key data elements it lacks, above its fields. */
  if (record != NULL && ff_kde_gap_banner_covers (kind))
    gtk_list_box_prepend (self->field_list, ff_kde_gap_banner_new_row (session, record));
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
