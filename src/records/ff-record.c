/* ff-record.c — one record of any kind: its id and its field values as stored text. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-record.h"

struct _FfRecord
{
  GObject        parent_instance;

  /* borrowed (static descriptions) */
  const FfKind  *kind;

  /* owned */
  char          *id;
  char          *title;       /* composed from the kind's title fields, made on first use */
  gint64         rowid;
  FfHlcTimestamp hlc;
  guint          n_values;
  char         **values;
  char         **ref_codes;   /* allocated on first use */
  char         **ref_labels;
  GBytes       **blobs;
};

G_DEFINE_FINAL_TYPE (FfRecord, ff_record, G_TYPE_OBJECT)

enum {
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ff_record_finalize (GObject *object)
{
  FfRecord *self = FF_RECORD (object);

  for (guint i = 0; i < self->n_values; i++)
    {
      g_free (self->values[i]);
      if (self->ref_codes)
        {
          g_free (self->ref_codes[i]);
          g_free (self->ref_labels[i]);
        }
      if (self->blobs && self->blobs[i])
        g_bytes_unref (self->blobs[i]);
    }
  g_free (self->values);
  g_free (self->ref_codes);
  g_free (self->ref_labels);
  g_free (self->blobs);
  g_free (self->id);
  g_free (self->title);

  G_OBJECT_CLASS (ff_record_parent_class)->finalize (object);
}

static void
ff_record_class_init (FfRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ff_record_finalize;

  /**
   * FfRecord::loaded:
   *
   * A record that stood in for one still being read (a list's placeholder) now holds its
   * values: whoever shows it should show them.
   */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ff_record_init (FfRecord *self)
{
}

FfRecord *
ff_record_new (const FfKind *kind)
{
  FfRecord *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (FF_TYPE_RECORD, NULL);
  self->kind = kind;
  self->n_values = ff_kind_get_n_fields (kind);
  self->values = g_new0 (char *, self->n_values);
  return self;
}

FfRecord *
ff_record_copy (FfRecord *self)
{
  FfRecord *copy;

  g_return_val_if_fail (FF_IS_RECORD (self), NULL);

  copy = ff_record_new (self->kind);
  _ff_record_set_meta (copy, self->id, self->rowid, self->hlc);
  for (guint i = 0; i < self->n_values; i++)
    {
      copy->values[i] = g_strdup (self->values[i]);
      if (self->ref_codes && self->ref_codes[i])
        _ff_record_set_ref (copy, i, self->ref_codes[i], self->ref_labels[i]);
      if (self->blobs && self->blobs[i])
        ff_record_set_blob (copy, i, self->blobs[i]);
    }
  return copy;
}

static void
clear_values (FfRecord *self)
{
  for (guint i = 0; i < self->n_values; i++)
    {
      g_clear_pointer (&self->values[i], g_free);
      if (self->ref_codes)
        {
          g_clear_pointer (&self->ref_codes[i], g_free);
          g_clear_pointer (&self->ref_labels[i], g_free);
        }
      if (self->blobs)
        g_clear_pointer (&self->blobs[i], g_bytes_unref);
    }
}

void
_ff_record_fill (FfRecord *self,
                 FfRecord *source)
{
  g_return_if_fail (FF_IS_RECORD (self) && FF_IS_RECORD (source));
  g_return_if_fail (self->kind == source->kind);

  clear_values (self);
  g_clear_pointer (&self->title, g_free);
  _ff_record_set_meta (self, source->id, source->rowid, source->hlc);
  for (guint i = 0; i < self->n_values; i++)
    {
      self->values[i] = g_strdup (source->values[i]);
      if (source->ref_codes && source->ref_codes[i])
        _ff_record_set_ref (self, i, source->ref_codes[i], source->ref_labels[i]);
      if (source->blobs && source->blobs[i])
        ff_record_set_blob (self, i, source->blobs[i]);
    }
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

const FfKind *
ff_record_get_kind (FfRecord *self)
{
  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  return self->kind;
}

const char *
ff_record_get_id (FfRecord *self)
{
  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  return self->id;
}

gint64
ff_record_get_rowid (FfRecord *self)
{
  g_return_val_if_fail (FF_IS_RECORD (self), 0);
  return self->rowid;
}

FfHlcTimestamp
ff_record_get_hlc (FfRecord *self)
{
  g_return_val_if_fail (FF_IS_RECORD (self), 0);
  return self->hlc;
}

void
_ff_record_set_meta (FfRecord       *self,
                     const char     *id,
                     gint64          rowid,
                     FfHlcTimestamp  hlc)
{
  if (self->id != id)
    {
      g_free (self->id);
      self->id = g_strdup (id);
    }
  self->rowid = rowid;
  self->hlc = hlc;
}

const char *
ff_record_get_nth (FfRecord *self,
                   guint     index)
{
  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->n_values, NULL);
  return self->values[index];
}

const char *
ff_record_get (FfRecord   *self,
               const char *field)
{
  int i;

  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  i = ff_kind_get_field_index (self->kind, field);
  g_return_val_if_fail (i >= 0, NULL);
  return self->values[i];
}

void
ff_record_set_nth (FfRecord   *self,
                   guint       index,
                   const char *value)
{
  g_return_if_fail (FF_IS_RECORD (self));
  g_return_if_fail (index < self->n_values);

  if (self->values[index] == value)
    return;
  g_free (self->values[index]);
  self->values[index] = (value && *value) ? g_strdup (value) : NULL;
  g_clear_pointer (&self->title, g_free);
}

void
ff_record_set (FfRecord   *self,
               const char *field,
               const char *value)
{
  int i;

  g_return_if_fail (FF_IS_RECORD (self));
  i = ff_kind_get_field_index (self->kind, field);
  g_return_if_fail (i >= 0);
  ff_record_set_nth (self, (guint) i, value);
}

void
_ff_record_set_ref (FfRecord   *self,
                    guint       index,
                    const char *code,
                    const char *label)
{
  g_return_if_fail (index < self->n_values);

  if (self->ref_codes == NULL)
    {
      self->ref_codes = g_new0 (char *, self->n_values);
      self->ref_labels = g_new0 (char *, self->n_values);
    }
  g_free (self->ref_codes[index]);
  g_free (self->ref_labels[index]);
  self->ref_codes[index] = g_strdup (code);
  self->ref_labels[index] = g_strdup (label);
  g_clear_pointer (&self->title, g_free);
}

const char *
ff_record_get_ref_code (FfRecord *self,
                        guint     index)
{
  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->n_values, NULL);
  return self->ref_codes ? self->ref_codes[index] : NULL;
}

const char *
ff_record_get_ref_label (FfRecord *self,
                         guint     index)
{
  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->n_values, NULL);
  return self->ref_labels ? self->ref_labels[index] : NULL;
}

GBytes *
ff_record_get_blob (FfRecord *self,
                    guint     index)
{
  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->n_values, NULL);
  return self->blobs ? self->blobs[index] : NULL;
}

void
ff_record_set_blob (FfRecord *self,
                    guint     index,
                    GBytes   *bytes)
{
  g_autofree char *size = NULL;

  g_return_if_fail (FF_IS_RECORD (self));
  g_return_if_fail (index < self->n_values);

  if (self->blobs == NULL)
    self->blobs = g_new0 (GBytes *, self->n_values);
  if (self->blobs[index] != bytes)
    {
      g_clear_pointer (&self->blobs[index], g_bytes_unref);
      self->blobs[index] = bytes ? g_bytes_ref (bytes) : NULL;
    }
  if (bytes != NULL)
    size = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (bytes));
  ff_record_set_nth (self, index, size);
}

char *
ff_record_format_nth (FfRecord *self,
                      guint     index)
{
  const FfField *field;
  const char *unit = NULL;

  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < self->n_values, NULL);

  field = &self->kind->fields[index];
  if (field->type == FF_FIELD_REF)
    {
      const char *label = ff_record_get_ref_label (self, index);
      if (label == NULL)
        label = ff_record_get_ref_code (self, index);
      return g_strdup (label ? label : "");
    }
  if (field->unit_field != NULL)
    unit = ff_record_get (self, field->unit_field);
  return ff_field_format (field, self->values[index], unit);
}

char *
ff_record_format (FfRecord   *self,
                  const char *field)
{
  int i;

  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  i = ff_kind_get_field_index (self->kind, field);
  g_return_val_if_fail (i >= 0, NULL);
  return ff_record_format_nth (self, (guint) i);
}

const char *
ff_record_get_code (FfRecord *self)
{
  g_return_val_if_fail (FF_IS_RECORD (self), NULL);
  /* Time series (sensor readings, POS sales) have no code. */
  if (self->kind->code_field == NULL)
    return NULL;
  return ff_record_get (self, self->kind->code_field);
}

const char *
ff_record_get_title (FfRecord *self)
{
  g_autoptr (GString) title = NULL;

  g_return_val_if_fail (FF_IS_RECORD (self), NULL);

  if (self->kind->title_fields == NULL)
    return ff_record_get (self, self->kind->title_field);
  if (self->title != NULL)
    return self->title;
  /* "HP-CHIPS-CCP1-L2 · 2026-03-01 06:00", never a bare time or id. */
  title = g_string_new (NULL);
  for (guint i = 0; self->kind->title_fields[i] != NULL; i++)
    {
      g_autofree char *part = ff_record_format (self, self->kind->title_fields[i]);
      if (*part != '\0')
        g_string_append_printf (title, "%s%s", title->len ? " · " : "", part);
    }
  self->title = g_string_free (g_steal_pointer (&title), FALSE);
  return self->title;
}
