/* ff-kind-csv.c — CSV export of the records of one kind. */
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ff-csv.h"
#include "ff-kind-csv.h"
#include "ff-record-repository.h"

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GString       *buffer;
  guint64        count;
} ExportData;

static gboolean
flush (ExportData  *data,
       gsize        threshold,
       GError     **error)
{
  if (data->buffer->len < threshold)
    return TRUE;
  if (!g_output_stream_write_all (data->out, data->buffer->str, data->buffer->len, NULL,
                                  data->cancellable, error))
    return FALSE;
  g_string_truncate (data->buffer, 0);
  return TRUE;
}

static gboolean
export_record_cb (FfRecord  *record,
                  gpointer   user_data,
                  GError   **error)
{
  ExportData *data = user_data;
  const FfKind *kind = ff_record_get_kind (record);
  guint n = ff_kind_get_n_fields (kind);
  const char *values[n];

  for (guint i = 0; i < n; i++)
    values[i] = ff_record_get_nth (record, i);
  ff_csv_append_record (data->buffer, values, n);
  data->count++;
  return flush (data, 64 * 1024, error);
}

gboolean
ff_kind_csv_export (FfStore        *store,
                    const FfKind   *kind,
                    GOutputStream  *out,
                    guint64        *out_count,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr (FfRecordRepository) repo = NULL;
  g_autoptr (GString) buffer = g_string_new (NULL);
  guint n = ff_kind_get_n_fields (kind);
  const char *names[n];
  ExportData data = { out, cancellable, buffer, 0 };

  g_return_val_if_fail (FF_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint i = 0; i < n; i++)
    names[i] = kind->fields[i].name;
  ff_csv_append_record (buffer, names, n);

  repo = ff_record_repository_new (store, kind);
  if (!ff_record_repository_foreach (repo, export_record_cb, &data, error)
      || !flush (&data, 0, error))
    return FALSE;
  if (out_count)
    *out_count = data.count;
  return TRUE;
}
