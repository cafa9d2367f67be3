/* ff-kde-gap-banner.c — the FSMA 204 key data elements a traceability record lacks, read in a
 * worker and shown above its fields. libadwaita 1.2 has no AdwBanner (1.3): a card or a list
 * row in the warning colour stands in. */
// SPDX-License-Identifier: GPL-3.0-or-later
#define G_LOG_DOMAIN "foodflow-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ff-kde-gap-banner.h"
#include "ff-kde-gaps.h"

struct _FfKdeGapBanner
{
  GtkBox        parent_instance;

  /* owned */
  FfSession    *session;
  FfRecord     *record;
  GCancellable *cancellable;

  /* borrowed */
  GtkLabel     *text;
};

G_DEFINE_FINAL_TYPE (FfKdeGapBanner, ff_kde_gap_banner, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
ff_kde_gap_banner_covers (const FfKind *kind)
{
  return kind != NULL && ff_kde_gaps_covers (kind);
}

/* What the worker reads, its own copy. */
typedef struct
{
  FfSession    *session;
  const FfKind *kind;
  char         *id;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->session);
  g_free (job->id);
  g_free (job);
}

static void
gaps_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (FfStore) store = NULL;
  GError *error = NULL;
  GPtrArray *gaps = NULL;

  store = ff_session_open_store (job->session, &error);
  if (store != NULL)
    gaps = ff_kde_gaps_for_record (store, job->kind, job->id, &error);
  if (gaps == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, gaps, (GDestroyNotify) g_ptr_array_unref);
}

/* One line per element, and where it is entered when that is another record ("Product
 * description, on lot FG-1"); an element several events want of a lot is said once. */
static char *
describe (FfKdeGapBanner *self,
          GPtrArray      *gaps)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < gaps->len; i++)
    {
      FfKdeGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *line = NULL;

      if (g_strcmp0 (gap->fix_id, ff_record_get_id (self->record)) == 0)
        line = g_strdup (ff_fsma204_column_label (gap->kde));
      else
        /* Translators: a key data element the record lacks, and the record where it is
         * entered: its kind and code ("Product description, on Lot FG-1") */
        line = g_strdup_printf (_("%s, on %s %s"), ff_fsma204_column_label (gap->kde),
                                ff_kind_get_label_singular (gap->fix_kind), gap->fix_code);
      if (!g_hash_table_add (said, g_strdup (line)))
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, line);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
gaps_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FfKdeGapBanner *self = FF_KDE_GAP_BANNER (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) gaps = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (gaps == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the record’s KDE gaps: %s", error->message);
      return;
    }
  g_assert (FF_IS_KDE_GAP_BANNER (self));
  text = describe (self, gaps);
  gtk_label_set_label (self->text, text);
  gtk_widget_set_visible (GTK_WIDGET (self), gaps->len > 0);
}

static void
ff_kde_gap_banner_constructed (GObject *object)
{
  FfKdeGapBanner *self = FF_KDE_GAP_BANNER (object);
  g_autoptr (GTask) task = NULL;
  Job *job;

  G_OBJECT_CLASS (ff_kde_gap_banner_parent_class)->constructed (object);

  g_return_if_fail (FF_IS_SESSION (self->session) && FF_IS_RECORD (self->record));
  if (!ff_kde_gap_banner_covers (ff_record_get_kind (self->record))
      || ff_record_get_id (self->record) == NULL)
    return;
  /* Read in a worker: a lot's events can be many. */
  job = g_new0 (Job, 1);
  job->session = g_object_ref (self->session);
  job->kind = ff_record_get_kind (self->record);
  job->id = g_strdup (ff_record_get_id (self->record));
  task = g_task_new (self, self->cancellable, gaps_loaded_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, gaps_thread);
}

static void
ff_kde_gap_banner_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FfKdeGapBanner *self = FF_KDE_GAP_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ff_kde_gap_banner_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FfKdeGapBanner *self = FF_KDE_GAP_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Taken out of its view (another record shown): the read running is of no use, and must not
 * show this banner (and the view's panel bound to it) afterwards. */
static void
ff_kde_gap_banner_unroot (GtkWidget *widget)
{
  FfKdeGapBanner *self = FF_KDE_GAP_BANNER (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (ff_kde_gap_banner_parent_class)->unroot (widget);
}

static void
ff_kde_gap_banner_dispose (GObject *object)
{
  FfKdeGapBanner *self = FF_KDE_GAP_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (ff_kde_gap_banner_parent_class)->dispose (object);
}

static void
ff_kde_gap_banner_class_init (FfKdeGapBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ff_kde_gap_banner_constructed;
  object_class->set_property = ff_kde_gap_banner_set_property;
  object_class->get_property = ff_kde_gap_banner_get_property;
  object_class->dispose = ff_kde_gap_banner_dispose;
  GTK_WIDGET_CLASS (klass)->unroot = ff_kde_gap_banner_unroot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, FF_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, FF_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ff_kde_gap_banner_init (FfKdeGapBanner *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (_("Missing for FSMA 204"));

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_name (GTK_WIDGET (self), "kde-gap-banner");
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->text), "kde-gap-text");
  gtk_label_set_xalign (self->text, 0);
  gtk_label_set_wrap (self->text, TRUE);
  gtk_label_set_natural_wrap_mode (self->text, GTK_NATURAL_WRAP_WORD);
  gtk_label_set_selectable (self->text, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("Key data elements the FDA’s traceability rule requires of "
                                 "foods on the Food Traceability List"));
  gtk_box_append (GTK_BOX (column), heading);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->text));
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (self), icon);
  gtk_box_append (GTK_BOX (self), column);
}

GtkWidget *
ff_kde_gap_banner_new (FfSession *session,
                       FfRecord  *record)
{
  GtkWidget *self;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (FF_IS_RECORD (record), NULL);

  self = g_object_new (FF_TYPE_KDE_GAP_BANNER, "session", session, "record", record, NULL);
  /* The card of a lot's hold has the same look: a warning above the fields. */
  gtk_widget_add_css_class (self, "card");
  gtk_widget_add_css_class (self, "lot-hold");
  gtk_widget_set_margin_bottom (self, 12);
  return self;
}

GtkWidget *
ff_kde_gap_banner_new_row (FfSession *session,
                           FfRecord  *record)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *banner;

  g_return_val_if_fail (FF_IS_SESSION (session), NULL);
  g_return_val_if_fail (FF_IS_RECORD (record), NULL);

  banner = g_object_new (FF_TYPE_KDE_GAP_BANNER, "session", session, "record", record, NULL);
  gtk_widget_set_margin_top (banner, 10);
  gtk_widget_set_margin_bottom (banner, 10);
  gtk_widget_set_margin_start (banner, 12);
  gtk_widget_set_margin_end (banner, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), banner);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  g_object_bind_property (banner, "visible", row, "visible", G_BINDING_DEFAULT);
  return row;
}

const char *
ff_kde_gap_banner_get_text (FfKdeGapBanner *self)
{
  g_return_val_if_fail (FF_IS_KDE_GAP_BANNER (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_label (self->text) : NULL;
}
